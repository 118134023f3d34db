"""GET /countries and GET /country/{name}/relations: the parties and who they deal with."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from api.dates import DateRange, date_range
from api.deps import StoreDep
from api.event_details import PARTY_KINDS, fetch_events, party_events, party_refs
from api.linked import LINKED_DATA_RESPONSE, described, wants_linked_data
from api.models import EventKind, NotFoundBody, Partner, PartyList, PartySummary, Relations
from api.queries import render
from api.resolve import resolve_party
from ontology import MG, SCHEMA

router = APIRouter(tags=["parties"])

KIND_CLASSES = {"meeting": MG.InPersonMeeting, "call": MG.Call, "agreement": MG.Agreement}
# The classes party-counts counts by, to the PartySummary field each count goes in.
COUNTED = {str(MG.Meeting): "meetings", str(MG.Agreement): "agreements", str(SCHEMA.Person): "people"}


@router.get("/countries", summary="Every state and organisation in the graph, with counts")
def countries(store: StoreDep) -> PartyList:
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in store.select(render("party-counts")):
        counts[row["party"]][COUNTED[row["kind"]]] = int(row["count"])
    parties: dict[str, PartySummary] = {}
    for row in store.select(render("parties")):
        if row["party"] in parties:
            continue
        count = counts[row["party"]]
        parties[row["party"]] = PartySummary(
            id=row["party"],
            code=row["code"],
            name=row.get("name"),
            kind=PARTY_KINDS[row["kind"]],
            meetings=count.get("meetings", 0),
            agreements=count.get("agreements", 0),
            people=count.get("people", 0),
        )
    ordered = sorted(parties.values(), key=lambda p: (-(p.meetings + p.agreements), p.code))
    return PartyList(parties=ordered, count=len(ordered))


@router.get(
    "/country/{name}/relations",
    summary="A party's meetings and agreements, partner by partner, a page of events at a time",
    response_model=Relations,
    responses={
        200: LINKED_DATA_RESPONSE,
        404: {"model": NotFoundBody, "description": "no party by that name; close matches"},
    },
)
def relations(
    request: Request,
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
    limit: Annotated[int, Query(ge=1, le=500, description="events per page, over all partners")] = 100,
    offset: Annotated[int, Query(ge=0, description="events to skip")] = 0,
) -> Relations | Response:
    party = resolve_party(store, name)
    classes = [KIND_CLASSES[k] for k in (kind or KIND_CLASSES)]
    found = party_events(store, party.id, classes, dates.sparql_filter())
    dates_of, kinds_of = found.dates, found.kinds
    partners_of: dict[str, set[str]] = defaultdict(set)
    for event, partners in found.partners.items():
        for partner in partners:
            partners_of[partner].add(event)
    # As fetch_events reads them: an event's date is its least, and it is an event only with a kind.
    date_of = {event: min(dates_of[event], default=None) for event in kinds_of}
    ordered = sorted(date_of, key=lambda e: (date_of[e] or "", e))
    shown = {e.id: e for e in fetch_events(store, ordered[offset : offset + limit])}
    refs = party_refs(store, partners_of)
    partners = []
    for partner_iri, event_iris in partners_of.items():
        listed = sorted(event_iris & date_of.keys(), key=lambda e: (date_of[e] or "", e))
        if partner_iri not in refs or not listed:
            continue
        dated = [d for e in listed if (d := date_of[e]) and not d.startswith("--")]
        agreements = sum(kinds_of[e] == {"agreement"} for e in listed)
        partners.append(
            Partner(
                party=refs[partner_iri],
                meetings=len(listed) - agreements,
                agreements=agreements,
                first=min(dated, default=None),
                last=max(dated, default=None),
                events=[shown[e] for e in listed if e in shown],
            )
        )
    partners.sort(key=lambda p: (-(p.meetings + p.agreements), p.party.code))
    if wants_linked_data(request):
        people = (person.id for event in shown.values() for person in event.participants)
        return described(store, request, [party.id, *(p.party.id for p in partners), *shown, *people])
    return Relations(
        party=party,
        partners=partners,
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(ordered) > offset + limit else None,
    )
