"""Encounters as read so far, split per visitor, partner and time, and merged when reported twice."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span

from ingest.events import dated_ents, people_in, place_in
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
    # The two parties, when the text names them for an encounter split from a list.
    sides: list[str] | None = None

    def add(self, people: list[dict]) -> None:
        add_new(self.people, people)


def split_encounter(
    candidate: Candidate, leaders: list[dict], partner_states: list[str], each: bool, home_named: list[str]
) -> list[Candidate]:
    """One encounter per partner: 'X met A of Chile and B of Peru', 'X met his counterparts from Chile and
    Peru' (`partner_states`), and with `each` ('separate meetings', 'one after another') one per person.
    `home_named` are the parties named in the leaders' own phrase ('X, who heads Peru's delegation')."""
    sides: dict[str, list[dict]] = {}
    for person in candidate.people:
        if person["party"]:
            sides.setdefault(person["party"], []).append(person)
    home = _home_side(sides, leaders)
    named = [p for p in home_named if p not in partner_states]
    if home is None and partner_states and len(named) == 1 and leaders:
        home = named[0]
        sides[home] = [p for p in leaders if p["party"] is None]
    if home not in sides:
        return [candidate]
    partners = list(
        dict.fromkeys([*(p for p in sides if p != home), *(p for p in partner_states if p != home)])
    )
    if len(partners) >= 2:
        return [
            replace(candidate, people=[*sides[home], *sides.get(p, [])], sides=[home, p], separate=True)
            for p in partners
        ]
    met = [p for p in candidate.people if p not in sides[home]]
    if each and len(sides[home]) == 1 and len(met) >= 2:
        return [replace(candidate, people=[*sides[home], other], separate=True) for other in met]
    return [candidate]


def partner_scenes(
    sent: Span, partners: list[dict], index: dict[int, dict]
) -> dict[int, tuple[str | None, str | None]]:
    """The date and place told right after each partner, up to the next one named: 'met A in Paris on
    Monday and B in Rome on Tuesday'. Keyed by id of the partner."""
    first_at: dict[int, int] = {}
    for token, person in people_in(sent, index):
        first_at.setdefault(id(person), token.i)
    firsts = sorted((first_at[id(p)], p) for p in partners if id(p) in first_at)
    doc = sent.doc
    dates = doc._.dates or {}
    scenes: dict[int, tuple[str | None, str | None]] = {}
    for k, (end, person) in enumerate(firsts):
        stop = _mention_start(firsts[k + 1][1], sent) if k + 1 < len(firsts) else sent.end
        segment = doc[end + 1 : max(stop, end + 1)]
        date = next((dates[str(e.start)] for e in dated_ents(segment)), None)
        scenes[id(person)] = (date, place_in(segment) if len(segment) else None)
    return scenes


def _mention_start(person: dict, sent: Span) -> int:
    return min(start for start, end in person["mentions"] if sent.start <= start < sent.end)


def _home_side(sides: dict[str, list[dict]], leaders: list[dict]) -> str | None:
    """The party of whoever meets the others: the subject of the meeting word, else the one party
    that a single person stands for when there are just two."""
    led = {p["party"] for p in leaders if p["party"]}
    if len(led) == 1:
        return led.pop()
    if led:
        return None
    alone = [party for party, people in sides.items() if len(people) == 1]
    return alone[0] if len(sides) == 2 and alone else None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Dates that may be the same day: equal, one of them unknown, or partial and not contradicting."""
    if a is None or b is None or a == b:
        return True
    pa, pb = PartialDate.parse(a), PartialDate.parse(b)
    return all(
        x is None or y is None or x == y
        for x, y in ((pa.year, pb.year), (pa.month, pb.month), (pa.day, pb.day))
    )


def _identity(meeting: dict) -> tuple:
    return (meeting["kind"], tuple(meeting["parties"]), meeting["date"], frozenset(meeting["participants"]))


def merge_meetings(meetings: list[dict]) -> list[dict]:
    """One meeting per encounter: the same parties and date, one set of people within the other."""
    merged: list[dict] = []
    for meeting in meetings:
        separate = meeting.pop("separate", False)
        # The same kind, parties, date and people read twice are one encounter, whatever the flags:
        # it is told where first reported (a later mention's place is often a topic: "talks on Kosovo").
        twice = next((m for m in merged if _identity(m) == _identity(meeting)), None)
        if twice is not None:
            twice["place"] = twice["place"] or meeting["place"]
            continue
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
