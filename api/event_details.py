"""Meetings and agreements in full: kind, date, place, title, parties, participants and sources.

A handful of targeted queries per batch of events (each bound by `VALUES ?event`),
so the cost follows the number of events asked for, not the size of the graph.
"""

from __future__ import annotations

from collections import defaultdict

from api.models import Event, Evidence, Participant, PartyRef, Source
from api.queries import iris, render
from graph.store import Store
from ontology import MG, ROLE

EVENT_KINDS = {str(MG.InPersonMeeting): "meeting", str(MG.Call): "call", str(MG.Agreement): "agreement"}
PARTY_KINDS = {str(MG.State): "state", str(MG.InternationalOrganisation): "organisation"}
# Enough events per query to keep round trips few, few enough to keep each VALUES block small.
BATCH = 200


def party_ref(row: dict[str, str], name_key: str = "name") -> PartyRef:
    """A PartyRef from a row with `party`, `kind`, `code` and a name column."""
    return PartyRef(id=row["party"], code=row["code"], name=row.get(name_key), kind=PARTY_KINDS[row["kind"]])


def fetch_events(store: Store, event_iris: list[str]) -> list[Event]:
    """The events with these IRIs, in the order given; IRIs that name no event are left out."""
    events: dict[str, Event] = {}
    for start in range(0, len(event_iris), BATCH):
        events.update(_fetch_batch(store, event_iris[start : start + BATCH]))
    return [events[iri] for iri in dict.fromkeys(event_iris) if iri in events]


def _fetch_batch(store: Store, batch: list[str]) -> dict[str, Event]:
    values = iris(batch)
    events: dict[str, Event] = {}
    for row in store.select(render("events", events=values)):
        event = events.get(row["event"])
        kind = EVENT_KINDS[row["class"]]
        if event is None:
            events[row["event"]] = Event(
                id=row["event"],
                kind=kind,
                date=row.get("date"),
                place=row.get("place"),
                title=row.get("title"),
            )
        elif kind == "call":
            # A meeting can be typed both ways by two articles; the call is the more specific report.
            event.kind = kind
    for row in store.select(render("event-parties", events=values)):
        if event := events.get(row["event"]):
            event.parties.append(party_ref(row))
    participants = _participants(store, values)
    for event_iri, people in participants.items():
        if event := events.get(event_iri):
            event.participants = sorted(people.values(), key=lambda p: (p.party or "", p.name or p.id))
    for event_iri, sources in _sources(store, values).items():
        if event := events.get(event_iri):
            event.sources = sorted(sources.values(), key=lambda s: (s.published or "", s.id))
    for event in events.values():
        event.parties.sort(key=lambda party: party.code)
    return events


def _participants(store: Store, values: str) -> dict[str, dict[str, Participant]]:
    by_event: dict[str, dict[str, Participant]] = defaultdict(dict)
    for row in store.select(render("event-participants", events=values)):
        people = by_event[row["event"]]
        person = people.get(row["person"])
        if person is None:
            people[row["person"]] = Participant(
                id=row["person"], name=row.get("name"), party=row.get("party")
            )
        elif row.get("name") and len(row["name"]) > len(person.name or ""):
            person.name = row["name"]
    people_iris = sorted({iri for people in by_event.values() for iri in people})
    roles = roles_of(store, people_iris)
    for people in by_event.values():
        for person in people.values():
            person.roles = roles.get(person.id, [])
    return by_event


def roles_of(store: Store, people_iris: list[str]) -> dict[str, list[str]]:
    """Person IRI -> the values of the closed role list they hold, sorted."""
    roles: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(people_iris), BATCH):
        query = render("people-roles", people=iris(people_iris[start : start + BATCH]))
        for row in store.select(query):
            roles[row["person"]].add(row["role"].removeprefix(str(ROLE)))
    return {person: sorted(values) for person, values in roles.items()}


def _sources(store: Store, values: str) -> dict[str, dict[str, Source]]:
    by_event: dict[str, dict[str, Source]] = defaultdict(dict)
    for row in store.select(render("event-sources", events=values)):
        sources = by_event[row["event"]]
        source = sources.get(row["article"])
        if source is None:
            source = sources[row["article"]] = Source(
                id=row["article"],
                article=row.get("identifier"),
                published=row.get("published"),
                source=row.get("source"),
                url=row.get("url"),
            )
        evidence = Evidence(sentence=row["sentence"], start=int(row["start"]), end=int(row["end"]))
        if evidence not in source.evidence:
            source.evidence.append(evidence)
    for sources in by_event.values():
        for source in sources.values():
            source.evidence.sort(key=lambda e: e.start)
    return by_event
