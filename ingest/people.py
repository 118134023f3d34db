"""Find the people an article names and group their mentions under one full name.

A person is introduced by a PERSON entity or by the capitalised words right after a
rank or title ("Col-Gen Zakir Hasanov"); later surname-only mentions ("Hasanov")
join the person they abbreviate. The name kept is the longest form the article gives,
without titles, ranks or honorifics ("Prince", "Sir").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.gazetteer import RANK, TITLE
from ingest.name_spans import find_name_spans, free_given_names, is_name_token
from ingest.name_words import (
    GENERATIONAL,
    HONORIFICS,
    MAX_NAME_TOKENS,
    MONARCHS,
    NOT_PEOPLE,
    PARTICLES,
    SUFFIXES,
)
from ingest.titles import TitleComposer
from ingest.tokens import ent_end, ent_start

__all__ = ["HONORIFICS", "MAX_NAME_TOKENS", "PeopleFinder", "Person", "group_people"]

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


def group_people(doc: Doc, spans: list[tuple[int, int]]) -> list[Person]:
    """One Person per individual: full names first, then the short forms that refer to them."""
    people, singles = _full_names(doc, spans)
    if lone := _attach_short_mentions(doc, people, singles):
        _add_lone_names(doc, people, lone)
        # Later mentions of a one-word person ("Rahman" of "Rahman-Uz-Zaman") join them too.
        _attach_short_mentions(doc, people, [])
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


def _attach_short_mentions(
    doc: Doc, people: list[Person], singles: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Surname-only mentions ("Hasanov"), other single parts of a name ("Tanabe" of "Tanabe Kazuo"),
    first names after an honorific ("Prince Khalid"). Returns the one-word names that are people alone."""
    by_surname: dict[str, list[Person]] = defaultdict(list)
    by_first: dict[str, list[Person]] = defaultdict(list)
    by_part: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_surname[person.surname].append(person)
        by_first[person.words[0]].append(person)
        for part in _parts(person.words):
            by_part[part].append(person)
    taken = {i for p in people for s, e in p.mentions for i in range(s, e)}
    candidates = list(singles)
    for i, token in enumerate(doc):
        if i in taken:
            continue
        honoured = _honoured(doc, i, by_first.get(token.text, []))
        if honoured and not (i + 1 < len(doc) and is_name_token(doc[i + 1])):
            honoured.mentions.append((i, i + 1))
            taken.add(i)
        # A one-word ORG or GPE is often a misread surname; a longer entity is something else.
        elif (
            token.text in by_part
            and is_name_token(token)
            and not _inside_thing(token, by_surname)
            and (token.text in by_surname or _alone(doc, i, i + 1))
        ):
            candidates.append((i, i + 1))
    lone: list[tuple[int, int]] = []
    for start, end in sorted(set(candidates)):
        word = doc[start:end].text
        if any(start < e and s < end for p in people for s, e in p.mentions):
            continue
        if _after_monarch(doc, start):
            # "King Faisal" is not the Faisal of "Hamad bin Faisal": a monarch goes by a given name.
            person = by_first[word][0] if len(by_first.get(word, [])) == 1 else None
        elif word in by_surname:
            # An ambiguous surname ("Aliyev") means the person of that name named most recently.
            person = max(
                by_surname[word], key=lambda p: max((s for s, _ in p.mentions if s <= start), default=-1)
            )
        else:
            person = by_part[word][0] if len(by_part.get(word, [])) == 1 else None
        if person is not None:
            person.mentions.append((start, end))
        elif _introduced_alone(doc, start, end):
            lone.append((start, end))
    return lone


def _parts(words: list[str]) -> set[str]:
    """The words of a name a text may use alone: not particles or suffixes; hyphenated parts too."""
    parts = {w for w in words if w.lower() not in PARTICLES and w not in SUFFIXES}
    return parts | {p for w in parts for p in w.split("-") if len(p) > 2 and p[:1].isupper()}


def _alone(doc: Doc, start: int, end: int) -> bool:
    """Not part of a longer capitalised run, which would be another name."""
    before = start > 0 and is_name_token(doc[start - 1])
    return not before and not (end < len(doc) and is_name_token(doc[end]))


def _after_monarch(doc: Doc, start: int) -> bool:
    return any(start >= n and doc[start - n : start].text in MONARCHS for n in (1, 2))


def _introduced_alone(doc: Doc, start: int, end: int) -> bool:
    """A one-word name that is a person by itself: a monarch's ("King Faisal"), or a hyphenated name
    after a rank or title ("General Rahman-Uz-Zaman")."""
    if not _alone(doc, start, end):
        return False
    titled = start > 0 and doc[start - 1].ent_type_ in (RANK, TITLE)
    return _after_monarch(doc, start) or (titled and end - start > 1)


def _add_lone_names(doc: Doc, people: list[Person], lone: list[tuple[int, int]]) -> None:
    for start, end in lone:
        words = [doc[start:end].text]
        person = next((p for p in people if p.words == words), None)
        if person is None:
            people.append(Person(words, [(start, end)]))
        else:
            person.mentions.append((start, end))
    people.sort(key=lambda p: min(p.mentions))


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
