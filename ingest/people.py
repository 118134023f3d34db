"""Find the people an article names and group their mentions under one full name.

A person is introduced by a PERSON entity or by the capitalised words right after a
rank or title ("Col-Gen Zakir Hasanov"); later surname-only mentions ("Hasanov")
join the person they abbreviate. The name kept is the longest form the article gives,
without titles, ranks or honorifics ("Prince", "Sir").
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import PARTY_LABELS, RANK, RESOURCES, TITLE, load_gazetteer
from ingest.titles import TitleComposer
from ingest.tokens import ent_end, ent_start

NAMES = json.loads((RESOURCES / "names.json").read_text(encoding="utf-8"))
PARTICLES = frozenset(NAMES["particles"])
SUFFIXES = frozenset(NAMES["suffixes"])
GENERATIONAL = frozenset(NAMES["generational_suffixes"])
NOT_NAMES = frozenset(NAMES["not_names"])
HONORIFICS = frozenset(NAMES["honorifics"])
INSTITUTION_WORDS = frozenset(NAMES["institution_words"])
INTRODUCERS = frozenset(NAMES["introducers"])
CIVILIAN_ROLES = frozenset(NAMES["civilian_roles"])
# NER labels that say a capitalised run is a thing, not a person.
NOT_PEOPLE = frozenset({"ORG", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
MAX_NAME_TOKENS = 7
# How far after a name an acronym of the person's title ("(CJCSC)") may stand.
ACRONYM_WINDOW = 15


@dataclass
class Person:
    """One individual: the words of the longest name form seen, and every mention's token range."""

    words: list[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def surname(self) -> str:
        core = [w for w in self.words if w not in SUFFIXES]
        return core[-1] if core else self.words[-1]


def _is_name_token(token: Token) -> bool:
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
    """A hyphen inside one name: "Kosiniak-Kamysz", "Gyu-back"."""
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
        if _is_name_token(token) or (
            end > start and token.text in HONORIFICS and end + 1 < len(doc) and _is_name_token(doc[end + 1])
        ):
            # Inside a name an honorific is a name word: "Hassan Sheikh Mohamud".
            end += 1
        elif _is_hyphen_join(doc, end):
            end += 2
        elif end > start and token.lower_ in PARTICLES and _is_hyphen_join(doc, end + 1):
            # "Saud al-Faisal"
            end += 3
        elif (
            token.lower_ in PARTICLES and end + 1 < len(doc) and _is_name_token(doc[end + 1]) and end > start
        ) or (token.text == "." and end > start and len(doc[end - 1].text) == 1):
            # "Khalid bin Salman", and the initial of "Lloyd J. Austin" split from its dot.
            end += 1
        else:
            break
    return end


def _trim(span: Span) -> tuple[int, int] | None:
    """The name inside a PERSON entity: no leading titles, honorifics or lower-case words."""
    doc = span.doc
    start = span.start
    while start < span.end and not (_is_name_token(doc[start]) and doc[start].text not in SUFFIXES):
        start += 1
    # One token past the entity: the NER often leaves a trailing "Jr." out.
    end = _name_end(doc, start, min(span.end + 1, len(doc))) if start < span.end else start
    return (start, end) if end > start else None


def _run_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words starting at token i (after a comma or honorifics), read as a name."""
    apposed = i < len(doc) and doc[i].text == ","
    if apposed:
        i += 1
    while i < len(doc) and doc[i].text in HONORIFICS:
        i += 1
    # "the Principal Spokesperson, A Bharat Bhushan Babu": a lone capital before a full name is an initial.
    initial = apposed and _is_initial(doc, i)
    if i >= len(doc) or not (_is_name_token(doc[i]) or initial) or doc[i].text in SUFFIXES:
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
        and _is_name_token(doc[i + 1])
        and _is_name_token(doc[i + 2])
    )


def _plausible(span: Span) -> bool:
    """Not an institution that looks like a name ("Camp Lemonnier", "Transition Mission")."""
    return not any(t.text in INSTITUTION_WORDS for t in span)


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
            and _is_name_token(doc[after])
            and (after + 1 == len(doc) or not _is_name_token(doc[after + 1]))
        )
        after_name = (
            ent.start > 0
            and _is_name_token(doc[ent.start - 1])
            and (after == len(doc) or not _is_name_token(doc[after]))
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


def find_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that hold a person's name, in document order."""
    found: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and (span := _trim(ent)):
            found[span[0]] = span
    for i, token in enumerate(doc):
        last_of_ent = i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I"
        ends_title = token.ent_type_ in (RANK, TITLE) and last_of_ent
        ends_party = token.ent_type_ in PARTY_LABELS and last_of_ent
        if not (ends_title or ends_party or token.lower_ in INTRODUCERS):
            continue
        span = _run_after(doc, i + 1)
        # After a country name only a full name counts: "of Türkiye Hulusi Akar", not "Azerbaijan Army".
        if span is None or (ends_party and span[1] - span[0] < 2):
            continue
        # A run that starts earlier and holds a whole entity is the fuller name ("A Bharat Bhushan Babu").
        inside = [s for s, e in found.values() if span[0] < s and e <= span[1]]
        for start in inside:
            del found[start]
        if not any(s <= span[0] < e for s, e in found.values()):
            found[span[0]] = span
    for span in _apposed_to_title(doc):
        if not any(s <= span[0] < e for s, e in found.values()):
            found[span[0]] = span
    return sorted(s for s in set(found.values()) if _plausible(doc[s[0] : s[1]]))


def group_people(doc: Doc, spans: list[tuple[int, int]]) -> list[Person]:
    """One Person per individual: full names first, then the short forms that refer to them."""
    people, singles = _full_names(doc, spans)
    _attach_short_mentions(doc, people, singles)
    _add_acronym_mentions(doc, people)
    for person in people:
        person.mentions.sort()
    return people


def _full_names(doc: Doc, spans: list[tuple[int, int]]) -> tuple[list[Person], list[tuple[int, int]]]:
    """People from the names of two words or more, and the one-word names left over."""
    people: list[Person] = []
    singles: list[tuple[int, int]] = []
    for start, end in spans:
        words = doc[start:end].text.split()
        # "... Nakatani Gen.": the full stop of an abbreviation-like last name ends the sentence too.
        if words[-1].endswith(".") and len(words[-1]) > 2 and words[-1] not in SUFFIXES:
            words[-1] = words[-1][:-1]
        # "Mohammed VI" is a full name; "Teodoro Jr." is a surname.
        if len([w for w in words if w not in GENERATIONAL]) < 2:
            singles.append((start, end))
            continue
        person = next((p for p in people if _same_person(p.words, words)), None)
        if person is None:
            people.append(Person(words, [(start, end)]))
        else:
            person.mentions.append((start, end))
            if len(words) > len(person.words):
                person.words = words
    return people, singles


def _attach_short_mentions(doc: Doc, people: list[Person], singles: list[tuple[int, int]]) -> None:
    """Surname-only mentions ("Hasanov"), and first names after an honorific ("Prince Khalid")."""
    by_surname: dict[str, list[Person]] = defaultdict(list)
    by_first: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_surname[person.surname].append(person)
        by_first[person.words[0]].append(person)
    taken = {i for p in people for s, e in p.mentions for i in range(s, e)}
    candidates = list(singles)
    for i, token in enumerate(doc):
        if i in taken:
            continue
        honoured = _honoured(doc, i, by_first.get(token.text, []))
        if honoured and not (i + 1 < len(doc) and _is_name_token(doc[i + 1])):
            honoured.mentions.append((i, i + 1))
            taken.add(i)
        # A one-word ORG or GPE is often a misread surname; a longer entity is something else.
        elif token.text in by_surname and _is_name_token(token) and not _inside_thing(token, by_surname):
            candidates.append((i, i + 1))
    for start, end in sorted(set(candidates)):
        word = doc[start:end].text
        if word not in by_surname or any(start < e and s < end for p in people for s, e in p.mentions):
            continue
        # An ambiguous surname ("Aliyev") means the person of that name named most recently.
        person = max(
            by_surname[word], key=lambda p: max((s for s, _ in p.mentions if s <= start), default=-1)
        )
        person.mentions.append((start, end))


def _inside_thing(token: Token, surnames: dict[str, list[Person]]) -> bool:
    """Inside a longer ORG or GPE entity, unless the NER lumped a list of surnames ("Marles, Conroy")."""
    start, end = ent_start(token), ent_end(token)
    if token.ent_type_ not in NOT_PEOPLE or end - start < 2:
        return False
    doc = token.doc
    return not all(t.text in surnames or t.is_punct or t.lower_ == "and" for t in doc[start:end])


def _honoured(doc: Doc, i: int, candidates: list[Person]) -> Person | None:
    """The one person whose first name follows the same honorific as token i ("Prince Khalid")."""
    if i == 0 or doc[i - 1].text not in HONORIFICS:
        return None
    same = [p for p in candidates if any(s > 0 and doc[s - 1].text == doc[i - 1].text for s, _ in p.mentions)]
    chosen = same if same else candidates
    return chosen[0] if len(chosen) == 1 else None


def _add_acronym_mentions(doc: Doc, people: list[Person]) -> None:
    """'General X, Chairman Joint Chiefs of Staff Committee (CJCSC), ...': later 'the CJCSC' is X."""
    taken = {i for p in people for s, e in p.mentions for i in range(s, e)}
    for person in people:
        start, end = person.mentions[0]
        window = doc[end : min(end + ACRONYM_WINDOW, doc[start].sent.end)]
        for token in window:
            acronym = token.text
            if not (
                token.i + 1 < len(doc)
                and doc[token.i - 1].text == "("
                and doc[token.i + 1].text == ")"
                and acronym.isupper()
                and 2 <= len(acronym) <= 6
                and not token.ent_type_
            ):
                continue
            for other in doc[token.i + 2 :]:
                if other.text == acronym and other.i not in taken:
                    person.mentions.append((other.i, other.i + 1))
            break


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two written forms of one name: one extends the other from the same first word."""
    a = [w for w in a if w not in SUFFIXES]
    b = [w for w in b if w not in SUFFIXES]
    short, long = sorted((a, b), key=len)
    return long[: len(short)] == short or (short[0] == long[0] and short[-1] == long[-1])


@Language.factory("milgraph_people")
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder(nlp)


class PeopleFinder:
    """Mark composed titles, then set `doc._.people`: [{"name", "mentions": [[start, end], ...],
    "honorifics", "evidence"}], in order of introduction."""

    def __init__(self, nlp: Language) -> None:
        self.titles = TitleComposer(nlp)

    def __call__(self, doc: Doc) -> Doc:
        self.titles(doc)
        free_given_names(doc)
        people = group_people(doc, find_name_spans(doc))
        doc._.people = [
            {
                "name": p.name,
                "mentions": [list(m) for m in p.mentions],
                "honorifics": _honorifics(doc, p),
                "evidence": _sentence(doc, p),
            }
            for p in people
        ]
        return doc


def _honorifics(doc: Doc, person: Person) -> list[str]:
    """Honorifics written before the person's name ("prince"), by which the text may refer to them."""
    found = {
        doc[s - 1].lower_.strip(".") for s, _ in person.mentions if s > 0 and doc[s - 1].text in HONORIFICS
    }
    return sorted(found)


def _sentence(doc: Doc, person: Person) -> list[int]:
    """Character offsets of the sentence that introduces the person."""
    sent = doc[person.mentions[0][0]].sent
    return [sent.start_char, sent.end_char]
