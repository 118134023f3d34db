"""What the meeting and agreement readers share: people in a sentence, their parties, dates and places."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ingest.datelines import DATELINE_TOKENS, dateline_city, match_dateline
from ingest.doc_attrs import published_of
from ingest.gazetteer import DEMONYM, ORGANISATION, RESOURCES, STATE, load_gazetteer
from ingest.tokens import ent_start

EVENTS = json.loads((RESOURCES / "events.json").read_text(encoding="utf-8"))
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
# Per-doc answers computed once (doc.user_data keys): every sentence of a long article asks for them.
_DATE_ENTS = ("milgraph", "date_ents")
_LEAD_DATE = ("milgraph", "lead_date")
_PARAGRAPHS = ("milgraph", "paragraphs")
# Where a story's dateline ends and the city it names, found once per doc: every sentence asks.
if not Doc.has_extension("dateline_span"):
    Doc.set_extension("dateline_span", default=None)
VENUE_LABELS = frozenset({"ORG", "FAC"})
# A lead paragraph is running text: a dozen words or more, ending a sentence.
LEAD_MIN_WORDS = 12
SENTENCE_ENDS = frozenset(".!?\"”’')")


def mention_index(doc: Doc) -> dict[int, dict]:
    """Person dict by the token index of each mention's last word (the syntactic head of a name)."""
    return {end - 1: person for person in doc._.people or [] for _, end in person["mentions"]}


def people_in(sent: Span, index: dict[int, dict]) -> list[tuple[Token, dict]]:
    """The mentions of `index` within the span, in reading order."""
    at = sorted(index)
    return [(sent.doc[i], index[i]) for i in at[bisect_left(at, sent.start) : bisect_left(at, sent.end)]]


def governed_by(token: Token, trigger: Token) -> bool:
    """True if `token` hangs from `trigger` without passing through another clause on the way."""
    node = token
    for _ in range(40):
        if node == trigger:
            return True
        if node.head == node:
            return False
        # Coordinated verbs, "a delegation led by", "the newly appointed attaché" do not open a new clause.
        passes = (
            node.dep_ in ("conj", "xcomp", "amod")
            or node.lemma_ in EVENTS["delegation_verbs"]
            or (node.tag_ == "VBN" and node.dep_ == "acl")
        )
        if node != token and node.pos_ in CLAUSE_HEADS and not passes:
            return False
        if node.dep_ in ("relcl", "advcl", "ccomp") and node.head != trigger:
            return False
        # "handed him a message from King X": the sender did not take part.
        if node.dep_ == "prep" and node.lower_ in EVENTS["absent_prepositions"]:
            return False
        # "conveyed the greetings of King X": the sender is not there either.
        if node != token and node.lemma_ in EVENTS["absent_senders"]:
            return False
        node = node.head
    return False


def parties_named(tokens: Span | list[Token]) -> list[str]:
    """Party codes of the states, demonyms and organisations among `tokens`, in order."""
    codes: list[str] = []
    for token in tokens:
        party = token.ent_type_ in (STATE, DEMONYM, ORGANISATION) and token.ent_iob_ == "B"
        if party and token.ent_id_ and token.ent_id_ not in codes:
            codes.append(token.ent_id_)
    return codes


def date_in(sent: Span, trigger: Token | None = None) -> str | None:
    """The lexical form of the first resolvable date in the sentence, or of the next one if that
    narrows it down ("in 2025: in May, ..." is 2025-05). For a meeting word, a date of its own
    clause comes first, and a date of a reporting verb ("the ministry said on Monday"), of a
    relative clause or of a plan is not the meeting's."""
    dates = sent.doc._.dates or {}
    # "Berlin [Germany], February 28 (ANI): ..." dates the story, not the event.
    skip_before = dateline_end(sent.doc)
    found: list[tuple[Token, str]] = []
    for ent in dated_ents(sent):
        if ent.start_char < skip_before:
            continue
        # "a plan for 2025", "valid until 2030": a period of validity, not when something happened.
        if ent.start > 0 and sent.doc[ent.start - 1].lower_ in EVENTS["period_prepositions"]:
            continue
        if str(ent.start) in dates:
            found.append((ent.root, dates[str(ent.start)]))
    if trigger is not None:
        verb = clause_verb(trigger)
        own = [(t, d) for t, d in found if clause_verb(t) == verb or governed_by(t, trigger)]
        found = own or [(t, d) for t, d in found if not _dates_another_clause(clause_verb(t), verb)]
    values = [d for _, d in found]
    if len(values) > 1 and values[1].startswith(values[0] + "-"):
        return values[1]
    return values[0] if values else None


def dated_ents(sent: Span) -> list[Span]:
    """The dated entities of a span. `Span.ents` walks every entity of the document, and each sentence
    asks more than once: the doc's dated entities are listed once and cut by position."""
    doc = sent.doc
    listed = doc.user_data.get(_DATE_ENTS)
    if listed is None:
        dates = doc._.dates or {}
        listed = doc.user_data[_DATE_ENTS] = [e for e in doc.ents if str(e.start) in dates]
    starts = [e.start for e in listed]
    inside = listed[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
    return [e for e in inside if e.end <= sent.end]


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token belongs to (itself, if a verb)."""
    return next((t for t in [token, *token.ancestors] if t.pos_ in CLAUSE_HEADS), None)


def _dates_another_clause(verb: Token | None, own: Token | None) -> bool:
    """A date on a verb other than the meeting's that reports, describes or plans."""
    if verb is None or verb == own:
        return False
    future = any(c.dep_ == "aux" and c.lower_ in EVENTS["future_auxiliaries"] for c in verb.children)
    return verb.lemma_ in EVENTS["reporting_verbs"] or verb.dep_ == "relcl" or future


def sentence_says(sent: Span, key: str) -> bool:
    """True if the sentence contains one of the phrases listed under `key` in events.json."""
    text = " " + " ".join(t.lower_ for t in sent) + " "
    return any(f" {phrase} " in text for phrase in EVENTS[key])


def place_in(sent: Span, trigger: Token | None = None) -> str | None:
    """The city named in the sentence ("in Baku"), else the country visited ("visited Bulgaria"). For a
    meeting word, not a place of another clause ("days after a strike in Baghdad killed ...")."""
    verb = clause_verb(trigger) if trigger is not None else None
    for token, place in _places(sent):
        if trigger is None or not _places_another_clause(clause_verb(token), verb):
            return place
    return None


def _places(sent: Span) -> Iterator[tuple[Token, str]]:
    """Places the sentence names as where something happened, cities first."""
    for token in sent:
        if _is_city(token) and token.i > 1:
            before, second = token.doc[token.i - 1], token.doc[token.i - 2]
            if (
                before.lower_ in EVENTS["place_prepositions"]
                or (before.lower_ == "to" and second.lemma_ in EVENTS["visit_words"])
                or (before.pos_ == "VERB" and before.lemma_ in EVENTS["visit_words"])
                # "in the Turkish city of Kayseri"
                or (before.lower_ == "of" and second.lower_ in EVENTS["settlement_nouns"])
            ):
                yield token, _ent_text(token)
        if venue_city := _venue_city(token):
            yield token, venue_city
    if capital := _capital_named(sent):
        yield sent[0], capital
    for token in sent:
        if token.ent_type_ == STATE and token.ent_iob_ == "B" and token.i > 0:
            before = token.doc[token.i - 1]
            visited = before.lemma_ in EVENTS["visit_words"] or (
                before.lower_ == "to"
                and token.i > 1
                and token.doc[token.i - 2].lemma_ in EVENTS["visit_words"]
            )
            # "took place in Georgia", but not "the attaché in Azerbaijan".
            # The parser often hangs "in Cambodia" of "met X in Cambodia" on the name; a name has no post.
            happened_in = before.lower_ == "in" and (
                before.head.pos_ in ("VERB", "AUX") or before.head.ent_type_ == "PERSON"
            )
            if visited or happened_in:
                yield token, _ent_text(token)


def _venue_city(token: Token) -> str | None:
    """'the Ministry of Defence in Ulaanbaatar' read as one organisation: the capital it is in."""
    if token.ent_iob_ != "B" or token.ent_type_ not in VENUE_LABELS:
        return None
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    words = token.doc[token.i : end]
    for word in words:
        if word.lower_ in EVENTS["place_prepositions"] and word.i + 1 < end:
            city = token.doc[word.i + 1 : end].text
            if load_gazetteer().capital_of(city):
                return city
    return None


def _places_another_clause(verb: Token | None, own: Token | None) -> bool:
    """A place on a verb other than the meeting's that reports or tells of something else ("after a
    strike in X killed ..."); a visit in a 'when' clause is still where they met."""
    if (
        verb is None
        or own is None
        or verb == own
        or verb.lemma_ in EVENTS["visit_words"] + EVENTS["meeting_verbs"]
    ):
        return False
    # A relative clause on a participant tells where they are ("X, who is in Baku on a visit").
    return verb.dep_ == "advcl" or verb.lemma_ in EVENTS["reporting_verbs"]


def _capital_named(sent: Span) -> str | None:
    """'in the Iranian capital', 'in Iran's capital': the capital of that state."""
    doc = sent.doc
    for token in sent:
        if token.lower_ != "capital" or token.i < 2:
            continue
        state = doc[token.i - 2] if doc[token.i - 1].lower_ in ("'s", "’s") else doc[token.i - 1]
        i = ent_start(state) - 1
        if i > 0 and doc[i].lower_ == "the":
            i -= 1
        placed = i >= 0 and doc[i].lower_ in EVENTS["place_prepositions"]
        if placed and state.ent_type_ in (STATE, DEMONYM) and state.ent_id_:
            return load_gazetteer().capital(state.ent_id_)
    return None


def _is_city(token: Token) -> bool:
    """A place entity, or a capital the small NER model misread ("Port Moresby" as a work of art)."""
    if token.ent_iob_ != "B":
        return False
    return token.ent_type_ == "GPE" or (
        token.ent_type_ not in (STATE, DEMONYM, ORGANISATION)
        and load_gazetteer().capital_of(_ent_text(token)) is not None
    )


def _ent_text(token: Token) -> str:
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[token.i : end].text


def _dateline(doc: Doc) -> tuple[int, str | None]:
    if doc._.dateline_span is None:
        m = match_dateline(doc[:DATELINE_TOKENS].text)
        doc._.dateline_span = [m.end(), dateline_city(m)] if m else [0, None]
    end, city = doc._.dateline_span
    return end, city


def dateline_end(doc: Doc) -> int:
    """Character offset where the dateline ends (0 without one)."""
    return _dateline(doc)[0]


def dateline(doc: Doc) -> str | None:
    """The city a wire story is datelined from, if it opens with one."""
    return _dateline(doc)[1]


def lead_date(doc: Doc) -> str | None:
    """Without a publication date, the news is dated by the first date of the lead paragraph.
    Read once per doc: every undated sentence asks."""
    if _LEAD_DATE not in doc.user_data:
        doc.user_data[_LEAD_DATE] = _read_lead_date(doc)
    return doc.user_data[_LEAD_DATE]


def _read_lead_date(doc: Doc) -> str | None:
    start, end = lead_paragraph(doc)
    for sent in doc.sents:
        if sent.start_char >= end:
            break
        if sent.end_char > start and (date := date_in(sent)):
            return date
    return None


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (blocks between blank lines), found once per doc."""
    if _PARAGRAPHS not in doc.user_data:
        doc.user_data[_PARAGRAPHS] = _find_paragraphs(doc)
    return doc.user_data[_PARAGRAPHS]


def _find_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", doc.text):
        if doc.text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if doc.text[start:].strip():
        spans.append((start, len(doc.text)))
    return spans or [(0, len(doc.text))]


def lead_paragraph(doc: Doc) -> tuple[int, int]:
    """The span of the first paragraph of running text: headlines, menus and bylines above it are short
    or do not end a sentence."""
    spans = paragraphs(doc)
    for start, end in spans:
        text = doc.text[start:end].strip()
        if len(text.split()) >= LEAD_MIN_WORDS and text[-1] in SENTENCE_ENDS:
            return start, end
    return spans[0]


def publication(doc: Doc) -> str | None:
    published = published_of(doc)
    return published.lexical if published else None
