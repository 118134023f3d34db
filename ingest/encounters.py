"""Encounters as read so far, split per visitor, partner and time, and merged when reported twice."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ingest.participants import add_new
from ingest.records import PartialDate


@dataclass
class Candidate:
    """A meeting as read so far; parties are settled once the whole article is read."""

    kind: str
    people: list[dict]
    named: list[str]
    others: list[str]
    date: str | None
    place: str | None
    sentence: int
    evidence: list[int]
    # "X and Y also held a separate meeting": never one encounter with the meeting before.
    separate: bool = False

    def add(self, people: list[dict]) -> None:
        add_new(self.people, people)


def one_by_one(candidate: Candidate) -> list[Candidate]:
    """'X held meetings with A and B': one meeting of X with each of them."""
    sides: dict[str, list[dict]] = {}
    for person in candidate.people:
        if person["party"]:
            sides.setdefault(person["party"], []).append(person)
    alone = [people[0] for people in sides.values() if len(people) == 1]
    if len(sides) != 2 or not alone:
        return [candidate]
    met = [p for p in candidate.people if p is not alone[0]]
    if len(met) < 2:
        return [candidate]
    return [replace(candidate, people=[alone[0], other], separate=True) for other in met]


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Dates that may be the same day: equal, one of them unknown, or partial and not contradicting."""
    if a is None or b is None or a == b:
        return True
    pa, pb = PartialDate.parse(a), PartialDate.parse(b)
    return all(
        x is None or y is None or x == y
        for x, y in ((pa.year, pb.year), (pa.month, pb.month), (pa.day, pb.day))
    )


def merge_meetings(meetings: list[dict]) -> list[dict]:
    """One meeting per encounter: the same parties and date, one set of people within the other."""
    merged: list[dict] = []
    for meeting in meetings:
        separate = meeting.pop("separate", False)
        same = next(
            (
                m
                for m in merged
                if not separate
                and m["parties"] == meeting["parties"]
                and m["kind"] == meeting["kind"]
                and dates_compatible(m["date"], meeting["date"])
                and (m["place"] is None or meeting["place"] is None or m["place"] == meeting["place"])
                and (
                    set(m["participants"]) <= set(meeting["participants"])
                    or set(meeting["participants"]) <= set(m["participants"])
                )
            ),
            None,
        )
        if same is None:
            merged.append(meeting)
            continue
        same["participants"] += [p for p in meeting["participants"] if p not in same["participants"]]
        same["date"] = same["date"] or meeting["date"]
        same["place"] = same["place"] or meeting["place"]
    return merged
