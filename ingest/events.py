"""What the meeting and agreement readers share: people in a sentence, their parties, dates and places."""

from __future__ import annotations

import json

from spacy.tokens import Doc, Span, Token

from ingest.datelines import DATELINE_TOKENS, dateline_city, match_dateline
from ingest.doc_attrs import published_of
from ingest.gazetteer import DEMONYM, ORGANISATION, RESOURCES, STATE, load_gazetteer
from ingest.tokens import ent_start

EVENTS = json.loads((RESOURCES / "events.json").read_text(encoding="utf-8"))
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
# Where a story's dateline ends and the city it names, found once per doc: every sentence asks.
if not Doc.has_extension("dateline_span"):
    Doc.set_extension("dateline_span", default=None)


def mention_index(doc: Doc) -> dict[int, dict]:
    """Person dict by the token index of each mention's last word (the syntactic head of a name)."""
    return {end - 1: person for person in doc._.people or [] for _, end in person["mentions"]}


def people_in(sent: Span, index: dict[int, dict]) -> list[tuple[Token, dict]]:
    return [(sent.doc[i], person) for i, person in sorted(index.items()) if sent.start <= i < sent.end]


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


def date_in(sent: Span) -> str | None:
    """The lexical form of the first resolvable date in the sentence, or of the next one if that
    narrows it down ("in 2025: in May, ..." is 2025-05)."""
    dates = sent.doc._.dates or {}
    # "Berlin [Germany], February 28 (ANI): ..." dates the story, not the event.
    skip_before = dateline_end(sent.doc)
    found: list[str] = []
    for ent in sent.ents:
        if ent.start_char < skip_before:
            continue
        # "a plan for 2025", "valid until 2030": a period of validity, not when something happened.
        if ent.start > 0 and sent.doc[ent.start - 1].lower_ in EVENTS["period_prepositions"]:
            continue
        if ent.label_ == "DATE" and str(ent.start) in dates:
            found.append(dates[str(ent.start)])
    if len(found) > 1 and found[1].startswith(found[0] + "-"):
        return found[1]
    return found[0] if found else None


def sentence_says(sent: Span, key: str) -> bool:
    """True if the sentence contains one of the phrases listed under `key` in events.json."""
    text = " " + " ".join(t.lower_ for t in sent) + " "
    return any(f" {phrase} " in text for phrase in EVENTS[key])


def place_in(sent: Span) -> str | None:
    """The city named in the sentence ("in Baku"), else the country visited ("visited Bulgaria")."""
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
                return _ent_text(token)
    if capital := _capital_named(sent):
        return capital
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
                return _ent_text(token)
    return None


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
    """Without a publication date, the news is dated by the first date of the opening paragraph."""
    opening_end = doc.text.find("\n\n") if "\n\n" in doc.text else len(doc.text)
    for sent in doc.sents:
        if sent.start_char >= opening_end:
            break
        if date := date_in(sent):
            return date
    return None


def publication(doc: Doc) -> str | None:
    published = published_of(doc)
    return published.lexical if published else None
