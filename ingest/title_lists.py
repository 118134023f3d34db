"""Plural titles shared out over the list of names that follows them.

"The defence ministers of Norway and Chile, General A and Admiral B, signed ..." gives
each listed person the title's role, and the states in the order written: A is
Norway's, B is Chile's ("respectively" is implied by the parallel lists).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.gazetteer import PARTY_LABELS, RANK, TITLE
from ingest.name_words import HONORIFICS
from ingest.titles import plural_titles

LIST_WORDS = frozenset({",", "and", "&", ":", "the"})


def share_plural_titles(doc: Doc, people: list[dict]) -> None:
    """Give the people listed after a plural title its role, and the states listed with it in order."""
    starts = {s: p for p in people for s, _ in p["mentions"]}
    for _, end, role, text in plural_titles(doc):
        parties, i = _states_after(doc, end)
        listed = _people_after(doc, i, starts)
        if len(listed) < 2:
            continue
        for number, person in enumerate(listed):
            if role not in [r for r, _ in person["roles"]]:
                person["roles"].append([role, text])
            if len(parties) == len(listed):
                person["party"] = parties[number]


def _states_after(doc: Doc, i: int) -> tuple[list[str], int]:
    """The parties of "of Norway and Chile" right after a title, and where the list ends."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return [], i
    parties: list[str] = []
    j = i + 1
    while j < len(doc) and (doc[j].ent_type_ in PARTY_LABELS or doc[j].lower_ in ("and", ",", "the")):
        if doc[j].ent_type_ in PARTY_LABELS and doc[j].ent_iob_ == "B":
            parties.append(doc[j].ent_id_)
        j += 1
    return (parties, j) if parties else ([], i)


def _people_after(doc: Doc, i: int, starts: dict[int, dict]) -> list[dict]:
    """The people named one after another from token i: names joined by commas, "and" and ranks."""
    listed: list[dict] = []
    end = doc[i].sent.end if i < len(doc) else i
    while i < end:
        token = doc[i]
        if i in starts and starts[i] not in listed:
            person = starts[i]
            listed.append(person)
            i = next(e for s, e in person["mentions"] if s == i)
        elif token.lower_ in LIST_WORDS or token.ent_type_ in (RANK, TITLE) or token.text in HONORIFICS:
            i += 1
        else:
            break
    return listed
