"""Meetings and agreements in full: kind, date, place, title, parties, participants and sources.

A handful of targeted queries per batch of events (each bound by `VALUES`), so the cost
follows the number of events asked for, not the size of the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from api import queries
from api.models import Event, Evidence, Participant, PartyRef, Source
from api.queries import iris, render
from graph.store import Store
from ontology import DCTERMS, MG, RDF, ROLE, SCHEMA, SKOS

EVENT_KINDS = {str(MG.InPersonMeeting): "meeting", str(MG.Call): "call", str(MG.Agreement): "agreement"}
PARTY_KINDS = {str(MG.State): "state", str(MG.InternationalOrganisation): "organisation"}
PERSON_LINKS = (str(SCHEMA.attendee), str(MG.signatory))
# Reading a party's labels is the costliest lookup there is (every article graph naming the party
# repeats them: thousands of copies for a busy state) and they change only with the gazetteer,
# so each store's are read once and kept until something is written to it.
_PARTIES: WeakKeyDictionary[Store, dict[str, PartyRef]] = WeakKeyDictionary()
# Enough nodes per query to keep round trips few, few enough to keep each VALUES block small.
BATCH = 200


def batches(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), BATCH):
        yield ordered[start : start + BATCH]


@dataclass(frozen=True, slots=True)
class PartyEvents:
    """A party's events as the `party-events` query reads them: partners, dates and kinds by event IRI."""

    partners: dict[str, set[str]]
    dates: dict[str, set[str]]
    kinds: dict[str, set[str]]


def party_events(store: Store, party_iri: str, classes: Iterable[str], date_filter: str) -> PartyEvents:
    """The events of the classes given that the party took part in, within the date filter."""
    query = render(
        "party-events",
        party=queries.iri(party_iri),
        classes=" ".join(queries.iri(str(c)) for c in classes),
        kinds=" ".join(queries.iri(c) for c in EVENT_KINDS),
        date_filter=date_filter,
    )
    found = PartyEvents(defaultdict(set), defaultdict(set), defaultdict(set))
    for row in store.select(query):
        found.partners[row["event"]].add(row["partner"])
        if "date" in row:
            found.dates[row["event"]].add(row["date"])
        if "kind" in row:
            found.kinds[row["event"]].add(EVENT_KINDS[row["kind"]])
    return found


def party_refs(store: Store, party_iris: Iterable[str]) -> dict[str, PartyRef]:
    """Party IRI -> its kind, code and name, for the IRIs that are states or organisations."""
    known = _PARTIES.setdefault(store, {})
    wanted = set(party_iris)
    for batch in batches(wanted - known.keys()):
        about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in store.select(render("party-details", parties=iris(batch))):
            about[row["party"]][row["property"]].append(row["value"])
        for iri, values in about.items():
            kinds = [PARTY_KINDS[c] for c in values[str(RDF.type)] if c in PARTY_KINDS]
            if kinds and values[str(SKOS.notation)]:
                known[iri] = PartyRef(
                    id=iri,
                    code=min(values[str(SKOS.notation)]),
                    name=min(values[str(SKOS.prefLabel)], default=None),
                    kind=kinds[0],
                )
    return {iri: known[iri] for iri in wanted if iri in known}


def forget_parties(store: Store) -> None:
    """Drop what `party_refs` remembers of `store`: call it after writing to the store."""
    _PARTIES.pop(store, None)


def names(store: Store, node_iris: Iterable[str]) -> dict[str, str]:
    """Person or place IRI -> its longest schema:name."""
    found: dict[str, str] = {}
    for batch in batches(node_iris):
        for row in store.select(render("names", nodes=iris(batch))):
            if len(row["name"]) > len(found.get(row["node"], "")):
                found[row["node"]] = row["name"]
    return found


def people(store: Store, people_iris: Iterable[str]) -> dict[str, Participant]:
    """Person IRI -> name (the longest form), party code and roles."""
    found: dict[str, Participant] = {}
    party_of: dict[str, str] = {}
    for batch in batches(people_iris):
        for row in store.select(render("people", people=iris(batch))):
            person = found.setdefault(row["person"], Participant(id=row["person"], name=row["name"]))
            if len(row["name"]) > len(person.name or ""):
                person.name = row["name"]
            if "party" in row:
                party_of[row["person"]] = row["party"]
            if "role" in row and (role := row["role"].removeprefix(str(ROLE))) not in person.roles:
                person.roles.append(role)
    refs = party_refs(store, party_of.values())
    for iri, person in found.items():
        person.roles.sort()
        if (party := refs.get(party_of.get(iri, ""))) is not None:
            person.party = party.code
    return found


def fetch_events(store: Store, event_iris: list[str]) -> list[Event]:
    """The events with these IRIs, in the order given; IRIs that name no event are left out."""
    events: dict[str, Event] = {}
    for batch in batches(event_iris):
        events.update(_fetch_batch(store, batch))
    return [events[iri] for iri in dict.fromkeys(event_iris) if iri in events]


def _fetch_batch(store: Store, batch: list[str]) -> dict[str, Event]:
    values = iris(batch)
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(render("event-facts", events=values)):
        facts[row["event"]][row["property"]].append(row["value"])
    places = names(store, (p for about in facts.values() for p in about[str(SCHEMA.location)]))
    parties = party_refs(store, (p for about in facts.values() for p in about[str(MG.party)]))
    people_iris = [p for about in facts.values() for link in PERSON_LINKS for p in about[link]]
    participants = people(store, people_iris)
    sources = _sources(store, values)
    events: dict[str, Event] = {}
    for iri, about in facts.items():
        kinds = {EVENT_KINDS[c] for c in about[str(RDF.type)] if c in EVENT_KINDS}
        if not kinds:
            continue
        linked = {p for link in PERSON_LINKS for p in about[link]}
        events[iri] = Event(
            id=iri,
            # A meeting one article calls a call is shown as the call: the more specific report.
            kind="call" if "call" in kinds else kinds.pop(),
            date=min(about[str(DCTERMS.date)], default=None),
            title=max(about[str(DCTERMS.title)], key=len, default=None),
            place=next((places[p] for p in sorted(about[str(SCHEMA.location)]) if p in places), None),
            parties=sorted(
                (parties[p] for p in set(about[str(MG.party)]) if p in parties), key=lambda p: p.code
            ),
            participants=sorted(
                (participants[p] for p in linked if p in participants),
                key=lambda p: (p.party or "", p.name or p.id),
            ),
            sources=sorted(sources[iri].values(), key=lambda s: (s.published or "", s.id)),
        )
    return events


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
