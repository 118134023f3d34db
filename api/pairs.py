"""GET /pair/{a}/{b}: everything two parties did together; GET /network/parties: who deals with whom."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from api.dates import DateRange, date_range
from api.deps import StoreDep
from api.errors import NotFound
from api.event_details import EVENT_KINDS, batches, fetch_events, party_refs
from api.events import PARTY_CLAUSE, ordered_events
from api.models import AGREEMENT, AZERBAIJAN, LATVIA, MEETING, Event, NotFoundBody, PartyRef, examples
from api.queries import iri, iris, render
from api.resolve import resolve_party
from api.suggestions import kept
from graph.store import Store
from ontology import MG

router = APIRouter(tags=["parties"])

# Each kind of a pair's events is read whole up to this many; a page is cut from their union.
MAX_EVENTS = 2000
# Date ranges whose party network is kept per store; the oldest goes first.
MAX_KEPT_RANGES = 16
PartyName = Path(
    description="English name, ISO alpha-2 or alpha-3 code, acronym or demonym, any case",
    examples=["Latvia", "AZE"],
)


class Pair(BaseModel):
    model_config = examples(
        {
            "parties": [LATVIA, AZERBAIJAN],
            "meetings": 1,
            "agreements": 1,
            "first": "2022-04-26",
            "last": "2022-04-26",
            "events": [MEETING, AGREEMENT],
            "limit": 100,
            "offset": 0,
            "next_offset": None,
        }
    )

    parties: list[PartyRef] = Field(description="the two parties, in the order asked")
    meetings: int = Field(description="meetings and calls of both, over all pages")
    agreements: int = Field(description="agreements binding both, over all pages")
    first: str | None = Field(None, description="date of the earliest dated event")
    last: str | None = Field(None, description="date of the latest dated event")
    events: list[Event] = Field(
        description="this page of their events, meetings and agreements, in date order"
    )
    limit: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page, or null on the last page")


class PartyNode(PartyRef):
    events: int = Field(description="the party's events with the others in the network")


class PartyLink(BaseModel):
    source: str = Field(description="a party's IRI")
    target: str = Field(description="the other party's IRI")
    meetings: int = Field(description="meetings and calls of both")
    agreements: int = Field(description="agreements binding both")
    weight: int = Field(description="meetings plus agreements")


class PartyNetwork(BaseModel):
    model_config = examples(
        {
            "nodes": [{**LATVIA, "events": 2}, {**AZERBAIJAN, "events": 2}],
            "links": [
                {
                    "source": AZERBAIJAN["id"],
                    "target": LATVIA["id"],
                    "meetings": 1,
                    "agreements": 1,
                    "weight": 2,
                }
            ],
        }
    )

    nodes: list[PartyNode]
    links: list[PartyLink] = Field(description="pairs of parties, the heaviest first")


@router.get(
    "/pair/{a}/{b}",
    summary="Every meeting and agreement between two parties, in date order, with their evidence",
    responses={404: {"model": NotFoundBody, "description": "no party by one of the names; close matches"}},
)
def pair(
    store: StoreDep,
    a: Annotated[str, PartyName],
    b: Annotated[str, Path(description="the other party, named the same ways", examples=["Azerbaijan"])],
    dates: Annotated[DateRange, Depends(date_range)],
    limit: Annotated[int, Query(ge=1, le=500, description="events per page")] = 100,
    offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
) -> Pair:
    first, second = resolve_party(store, a), resolve_party(store, b)
    if first.id == second.id:
        raise NotFound(f"a pair needs two parties; {a!r} and {b!r} are both {first.name or first.code}")
    clauses = [PARTY_CLAUSE.format(party=iri(first.id)), PARTY_CLAUSE.format(party=iri(second.id))]
    meetings = ordered_events(store, str(MG.Meeting), clauses, dates, MAX_EVENTS, 0)
    agreements = ordered_events(store, str(MG.Agreement), clauses, dates, MAX_EVENTS, 0)
    keys = _date_keys(store, meetings + agreements)
    ordered = sorted(dict.fromkeys(meetings + agreements), key=lambda e: (keys.get(e, ""), e))
    dated = [d for d in keys.values() if d and not d.startswith("--")]
    return Pair(
        parties=[first, second],
        meetings=len(meetings),
        agreements=len(agreements),
        first=min(dated, default=None),
        last=max(dated, default=None),
        events=fetch_events(store, ordered[offset : offset + limit]),
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(ordered) > offset + limit else None,
    )


def _date_keys(store: Store, events: list[str]) -> dict[str, str]:
    """Event IRI -> its date as the API shows it (its least), for ordering the two kinds together."""
    keys: dict[str, str] = {}
    for batch in batches(events):
        for row in store.select(render("event-dates", events=iris(batch))):
            if row["event"] not in keys or row["date"] < keys[row["event"]]:
                keys[row["event"]] = row["date"]
    return keys


@router.get(
    "/network/parties",
    summary="Which parties deal with which: pairs weighted by their meetings and agreements over dates",
)
def party_network(
    store: StoreDep,
    dates: Annotated[DateRange, Depends(date_range)],
    min_events: Annotated[int, Query(ge=1, description="leave out pairs with fewer events than this")] = 1,
    limit: Annotated[int, Query(ge=1, le=2000, description="the heaviest pairs to keep")] = 300,
) -> PartyNetwork:
    counts = pair_counts(store, dates)
    refs = party_refs(store, {p for link in counts for p in link})
    links = [
        PartyLink(source=s, target=t, meetings=m, agreements=g, weight=m + g)
        for (s, t), (m, g) in counts.items()
        if s in refs and t in refs and m + g >= min_events
    ]
    links.sort(key=lambda link: (-link.weight, link.source, link.target))
    links = links[:limit]
    degree: dict[str, int] = defaultdict(int)
    for link in links:
        degree[link.source] += link.weight
        degree[link.target] += link.weight
    nodes = [PartyNode(**refs[p].model_dump(), events=n) for p, n in degree.items()]
    nodes.sort(key=lambda node: (-node.events, node.code))
    return PartyNetwork(nodes=nodes, links=links)


def pair_counts(store: Store, dates: DateRange) -> dict[tuple[str, str], tuple[int, int]]:
    """(party, party) -> (meetings and calls, agreements) of the events both took part in.

    Every event of the graph is read (seconds on a large store), so each range's counts are kept
    until the store is written to."""
    networks = kept(store).setdefault("party-network", {})
    key = dates.sparql_filter()
    if (found := networks.get(key)) is not None:
        return found
    query = render(
        "party-network", date_filter=dates.sparql_filter(), kinds=" ".join(iri(c) for c in EVENT_KINDS)
    )
    pairs_of: dict[str, set[tuple[str, str]]] = defaultdict(set)
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for row in store.select(query):
        pairs_of[row["event"]].add((row["a"], row["b"]))
        if "kind" in row:
            kinds_of[row["event"]].add(EVENT_KINDS[row["kind"]])
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for event, kinds in kinds_of.items():
        slot = 1 if kinds == {"agreement"} else 0
        for link in pairs_of[event]:
            counts[link][slot] += 1
    if len(networks) >= MAX_KEPT_RANGES:
        networks.pop(next(iter(networks)))
    found = networks[key] = {link: (m, g) for link, (m, g) in counts.items()}
    return found
