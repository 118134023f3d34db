"""Find the token ranges that hold people's names.

A name is a PERSON entity or the capitalised words right after a rank, a title or an
honorific ("Col-Gen Zakir Hasanov"). The span is repaired from token shape: particles
("bin", "de la", "e") and hyphens join the parts of one name, even where the NER split
it; honorifics ("Prof.") and retirement marks ("(Retd)") stay outside. Capitalised runs
that read as things are rejected: headline words, organisation names that go on past the
"name", and places named by the noun after them ("Tan Son airbase").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import PARTY_LABELS, RANK, TITLE, load_gazetteer
from ingest.name_filters import plausible, supported
from ingest.name_words import (
    CIVILIAN_ROLES,
    HONORIFICS,
    INTRODUCERS,
    MAX_NAME_TOKENS,
    NOT_NAMES,
    NOT_PEOPLE,
    PARTICLES,
    RETIRED,
    SUFFIXES,
)

COUNTERPARTS = frozenset({"counterpart", "counterparts"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "from"})


def is_name_token(token: Token) -> bool:
    text = token.text
    if text in SUFFIXES:
        return True
    if (
        text in NOT_NAMES
        or text in HONORIFICS
        or token.ent_type_ in PARTY_LABELS
        or token.ent_type_ in (RANK, TITLE)
    ):
        return False
    return (
        text[:1].isupper()
        and not token.like_num
        and not token.is_punct
        and not any(c.isdigit() for c in text)
    )


def _is_hyphen_join(doc: Doc, i: int) -> bool:
    """A hyphen inside one name: "Rahman-Uz-Zaman", "Jong-sup"."""
    return (
        doc[i].text == "-"
        and i > 0
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].is_alpha
    )


def _name_end(doc: Doc, start: int, limit: int) -> int:
    """End of the name that starts at `start`: name words, inner particles and hyphens."""
    end = start
    while end < min(limit, start + MAX_NAME_TOKENS):
        token = doc[end]
        if is_name_token(token) or (
            end > start and token.text in HONORIFICS and end + 1 < len(doc) and is_name_token(doc[end + 1])
        ):
            # Inside a name an honorific is a name word: "Ali Sheikh Nur".
            end += 1
        elif _is_hyphen_join(doc, end):
            end += 2
        elif end > start and token.lower_ in PARTICLES and _is_hyphen_join(doc, end + 1):
            # "Omar al-Hadi"
            end += 3
        elif end > start and (particles := _particles(doc, end)):
            # "Faisal bin Hamad", "Cristina de la Vega", "Pedro Costa e Almeida".
            end += particles
        elif token.text == "." and end > start and len(doc[end - 1].text) == 1:
            # The initial of "Lloyd J. Austin" split from its dot.
            end += 1
        else:
            break
    return end


def _particles(doc: Doc, i: int) -> int:
    """How many particles start at token i, if a name word follows them ("de la" of "de la Vega")."""
    end = i
    while end < len(doc) and doc[end].lower_ in PARTICLES and end - i < 3:
        end += 1
    return end - i if end > i and end < len(doc) and is_name_token(doc[end]) else 0


def _lines_of(ent: Span) -> list[Span]:
    """An entity cut at line breaks: a name never runs from one line into the next."""
    doc, parts, start = ent.doc, [], ent.start
    for token in ent:
        if "\n" in token.text:
            parts.append(doc[start : token.i])
            start = token.i + 1
    parts.append(doc[start : ent.end])
    return [p for p in parts if len(p)]


def _trim(span: Span) -> tuple[int, int] | None:
    """The name inside a PERSON entity: no leading titles, honorifics or lower-case words."""
    doc = span.doc
    start = span.start
    while start < span.end and not (is_name_token(doc[start]) and doc[start].text not in SUFFIXES):
        start += 1
    # One token past the entity: the NER often leaves a trailing "Jr." out; and it often ends a long
    # name at a particle ("Faisal | bin Hamad"), which the name goes on through.
    limit = min(span.end + 1, len(doc))
    if span.end < len(doc) and (_particles(doc, span.end) or _is_hyphen_join(doc, span.end)):
        limit = doc[span.start].sent.end
    end = _name_end(doc, start, limit) if start < span.end else start
    return (start, end) if end > start else None


def _run_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words starting at token i (after a comma or honorifics), read as a name."""
    apposed = i < len(doc) and doc[i].text == ","
    if apposed:
        i += 1
    while i < len(doc) and doc[i].text in HONORIFICS:
        # "Eng. Samir": the tokenizer may split an honorific from its full stop.
        i += 2 if i + 1 < len(doc) and doc[i + 1].text == "." and "." not in doc[i].text else 1
    # "General (Retd) Kamal Perera"
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].lower_ in RETIRED and doc[i + 2].text == ")":
        i += 3
    # "the Principal Spokesperson, A Bharat Bhushan Babu": a lone capital before a full name is an initial.
    initial = apposed and _is_initial(doc, i)
    if i >= len(doc) or not (is_name_token(doc[i]) or initial) or doc[i].text in SUFFIXES:
        return None
    end = _name_end(doc, i + 1, doc[i].sent.end) if initial else _name_end(doc, i, doc[i].sent.end)
    # The small NER model often calls a foreign name an ORG or GPE; right after a title that is
    # still a name, unless the entity began earlier ("the Mausoleum of Mohammed V").
    if doc[i].ent_type_ in NOT_PEOPLE and doc[i].ent_iob_ == "I":
        return None
    return i, end


def _is_initial(doc: Doc, i: int) -> bool:
    """A single capital letter followed by at least two name words."""
    return (
        i + 2 < len(doc)
        and len(doc[i].text) == 1
        and doc[i].text.isupper()
        and is_name_token(doc[i + 1])
        and is_name_token(doc[i + 2])
    )


def free_given_names(doc: Doc) -> None:
    """'Defense Minister Gen Nakatani', 'the Minister of Defence, Nakatani Gen.': a rank abbreviation
    between a civilian minister's title and a lone surname, or right after a name (a rank never follows
    one), is a given name, so it loses its rank label and becomes part of the name."""
    kept = []
    for ent in doc.ents:
        after = ent.end
        before_name = (
            "." not in ent.text
            and ent.start > 0
            and doc[ent.start - 1].ent_type_ == TITLE
            and doc[ent.start - 1].ent_id_ in CIVILIAN_ROLES
            and after < len(doc)
            and is_name_token(doc[after])
            and (after + 1 == len(doc) or not is_name_token(doc[after + 1]))
        )
        after_name = (
            ent.start > 0
            and is_name_token(doc[ent.start - 1])
            and (after == len(doc) or not is_name_token(doc[after]))
        )
        if not (ent.label_ == RANK and len(ent) == 1 and (before_name or after_name)):
            kept.append(ent)
    if len(kept) < len(doc.ents):
        doc.ents = kept


def _apposed_to_title(doc: Doc) -> list[tuple[int, int]]:
    """'the Special Representative for the Caucasus, Javier Colomina': a full name set off by a comma
    after a title phrase names its holder, even where the NER took it for a place or an organisation."""
    found = []
    for token in doc:
        if token.dep_ not in ("appos", "conj") or token.head.ent_type_ != TITLE:
            continue
        start = token.left_edge.i
        if start == 0 or doc[start - 1].text != "," or token.i - start + 1 < 2:
            continue
        span = (start, _name_end(doc, start, token.i + 1))
        if span[1] == token.i + 1 and load_gazetteer().capital_of(doc[start : span[1]].text) is None:
            found.append(span)
    return found


def _titled_after(doc: Doc) -> list[tuple[int, int]]:
    """'Marta Ruiz, Brazil's Minister of Defence,': a full name followed by a comma and a title phrase
    names its holder, even where the NER took it for a place or an organisation."""
    found = []
    for i in range(1, len(doc) - 1):
        if doc[i].text != "," or not _title_follows(doc, i + 1):
            continue
        start = i
        while start > max(0, i - 5) and _name_word(doc[start - 1]):
            start -= 1
        if i - start < 2 or _name_end(doc, start, i) != i:
            continue
        before = doc[start - 1] if start > 0 else None
        # "Speaking in New Delhi, the Defence Minister said": a place, not a holder.
        placed = before is not None and before.lower_ in LOCATIVE
        if placed or load_gazetteer().capital_of(doc[start:i].text):
            continue
        found.append((start, i))
    return found


def _name_word(token: Token) -> bool:
    return is_name_token(token) or token.lower_ in PARTICLES or token.text == "-"


def _title_follows(doc: Doc, i: int) -> bool:
    """A title phrase starts at token i: "the French Chief of Defence", "his Korean counterpart"."""
    for _ in range(4):
        if i >= len(doc):
            return False
        token = doc[i]
        if token.ent_type_ == TITLE or token.lower_ in COUNTERPARTS:
            return True
        if not (token.lower_ in ("the", "'s", "’s", "his", "her") or token.ent_type_ in PARTY_LABELS):
            return False
        i += 1
    return False


def find_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that hold a person's name, in document order."""
    found: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        for part in _lines_of(ent) if ent.label_ == "PERSON" else []:
            if span := _trim(part):
                found[span[0]] = span
    for i, token in enumerate(doc):
        last_of_ent = i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I"
        ends_title = token.ent_type_ in (RANK, TITLE) and last_of_ent
        ends_party = token.ent_type_ in PARTY_LABELS and last_of_ent
        if not (ends_title or ends_party or token.lower_ in INTRODUCERS):
            continue
        # "Spain's Ana Ruiz": a country's possessive introduces a full name too.
        after = i + 2 if ends_party and i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s") else i + 1
        span = _run_after(doc, after)
        # After a country name only a full name counts: "of Türkiye Hulusi Akar", not "Azerbaijan Army";
        # after its possessive only proper nouns ("Iran's Revolutionary Guards" is a force).
        if span is None or (ends_party and span[1] - span[0] < 2):
            continue
        if after == i + 2 and any(t.pos_ != "PROPN" and t.text != "-" for t in doc[span[0] : span[1]]):
            continue
        # A run that starts earlier and holds a whole entity is the fuller name ("A Bharat Bhushan Babu").
        inside = [s for s, e in found.values() if span[0] < s and e <= span[1]]
        for start in inside:
            del found[start]
        if not any(s <= span[0] < e for s, e in found.values()):
            found[span[0]] = span
    for span in _apposed_to_title(doc) + _titled_after(doc):
        if not any(s <= span[0] < e for s, e in found.values()):
            found[span[0]] = span
    candidates = set(found.values())
    # What one mention shows to be a thing is a thing wherever the same words recur.
    things = {doc[s:e].text for s, e in candidates if not plausible(doc[s:e])}
    spans = [s for s in candidates if doc[s[0] : s[1]].text not in things]
    return _longest(s for s in spans if supported(doc, s))


def _longest(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans resolved to the longest, in document order."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    return sorted(kept)
