"""GET /countries and GET /country/{name}/relations: the parties and who they deal with."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.dates import DateRange, date_range
from api.deps import StoreDep
from api.event_details import PARTY_KINDS, fetch_events
from api.models import EventKind, NotFoundBody, Partner, PartyList, PartySummary, Relations
from api.queries import iri, render
from api.resolve import resolve_party
from ontology import MG

router = APIRouter(tags=["parties"])

KIND_CLASSES = {"meeting": MG.InPersonMeeting, "call": MG.Call, "agreement": MG.Agreement}


@router.get("/countries", summary="Every state and organisation in the graph, with counts")
def countries(store: StoreDep) -> PartyList:
    counts = {row["party"]: row for row in store.select(render("party-counts"))}
    parties: dict[str, PartySummary] = {}
    for row in store.select(render("parties")):
        if row["party"] in parties:
            continue
        count = counts.get(row["party"], {})
        parties[row["party"]] = PartySummary(
            id=row["party"],
            code=row["code"],
            name=row.get("name"),
            kind=PARTY_KINDS[row["kind"]],
            meetings=int(count.get("meetings", 0)),
            agreements=int(count.get("agreements", 0)),
            people=int(count.get("people", 0)),
        )
    ordered = sorted(parties.values(), key=lambda p: (-(p.meetings + p.agreements), p.code))
    return PartyList(parties=ordered, count=len(ordered))


@router.get(
    "/country/{name}/relations",
    summary="A party's meetings and agreements, partner by partner",
    responses={404: {"model": NotFoundBody, "description": "no party by that name; close matches"}},
)
def relations(
    store: StoreDep,
    name: Annotated[
        str,
        Path(
            description="English name, ISO alpha-2 or alpha-3 code, acronym or demonym, any case",
            examples=["Latvia", "lva", "Latvian", "NATO"],
        ),
    ],
    dates: Annotated[DateRange, Depends(date_range)],
    kind: Annotated[list[EventKind] | None, Query(description="only these kinds of event")] = None,
) -> Relations:
    party = resolve_party(store, name)
    classes = [KIND_CLASSES[k] for k in (kind or KIND_CLASSES)]
    query = render(
        "party-events",
        party=iri(party.id),
        classes=" ".join(iri(str(c)) for c in classes),
        date_filter=dates.sparql_filter(),
    )
    partners_of: dict[str, set[str]] = defaultdict(set)
    for row in store.select(query):
        partners_of[row["partner"]].add(row["event"])
    events = {e.id: e for e in fetch_events(store, sorted({e for ids in partners_of.values() for e in ids}))}
    partners = []
    for partner_iri, event_iris in partners_of.items():
        listed = sorted((events[e] for e in event_iris if e in events), key=lambda e: (e.date or "", e.id))
        refs = {party.id: party for event in listed for party in event.parties}
        if partner_iri not in refs:
            continue
        dated = [e.date for e in listed if e.date and not e.date.startswith("--")]
        partners.append(
            Partner(
                party=refs[partner_iri],
                meetings=sum(e.kind != "agreement" for e in listed),
                agreements=sum(e.kind == "agreement" for e in listed),
                first=min(dated, default=None),
                last=max(dated, default=None),
                events=listed,
            )
        )
    partners.sort(key=lambda p: (-len(p.events), p.party.code))
    return Relations(party=party, partners=partners)
