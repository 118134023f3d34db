"""GET /country/{name}/timeline: a party's events counted by month or year and partner."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from api.dates import DateRange, date_range
from api.deps import StoreDep
from api.event_details import party_events, party_refs
from api.models import AZERBAIJAN, LATVIA, NotFoundBody, PartyRef, examples
from api.resolve import resolve_party
from ontology import MG

router = APIRouter(tags=["parties"])

CLASSES = (MG.InPersonMeeting, MG.Call, MG.Agreement)
# How many characters of an ISO date name its period.
PERIOD_LENGTH = {"month": 7, "year": 4}


class TimelineCount(BaseModel):
    period: str = Field(description="YYYY-MM or YYYY")
    partner: str = Field(description="the partner's code")
    meetings: int
    calls: int
    agreements: int


class Timeline(BaseModel):
    model_config = examples(
        {
            "party": LATVIA,
            "by": "month",
            "partners": [AZERBAIJAN],
            "counts": [{"period": "2022-04", "partner": "AZE", "meetings": 1, "calls": 0, "agreements": 1}],
            "undated": 0,
        }
    )

    party: PartyRef
    by: Literal["month", "year"]
    partners: list[PartyRef] = Field(description="the partners counted, the busiest first")
    counts: list[TimelineCount] = Field(description="in period order, then partner")
    undated: int = Field(description="events left out for want of a year")


@router.get(
    "/country/{name}/timeline",
    summary="A party's meetings, calls and agreements over time, counted by period and partner",
    responses={404: {"model": NotFoundBody, "description": "no party by that name; close matches"}},
)
def timeline(
    store: StoreDep,
    name: Annotated[
        str,
        Path(
            description="English name, ISO alpha-2 or alpha-3 code, acronym or demonym, any case",
            examples=["Latvia", "LVA"],
        ),
    ],
    dates: Annotated[DateRange, Depends(date_range)],
    by: Annotated[Literal["month", "year"], Query(description="the length of a period")] = "month",
) -> Timeline:
    party = resolve_party(store, name)
    found = party_events(store, party.id, CLASSES, dates.sparql_filter())
    partners_of, dates_of, kinds_of = found.partners, found.dates, found.kinds
    refs = party_refs(store, {p for partners in partners_of.values() for p in partners})
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(("meeting", "call", "agreement"), 0)
    )
    busy: dict[str, int] = defaultdict(int)
    undated = 0
    for event, kinds in kinds_of.items():
        date = min(dates_of[event], default="")
        if len(date) < 4 or date.startswith("--"):
            undated += 1
            continue
        # A meeting one article calls a call counts as the call, as the events show it.
        kind = "call" if "call" in kinds else min(kinds)
        for partner in partners_of[event] & refs.keys():
            counts[date[: PERIOD_LENGTH[by]], refs[partner].code][kind] += 1
            busy[partner] += 1
    partners = sorted(busy, key=lambda p: (-busy[p], refs[p].code))
    return Timeline(
        party=party,
        by=by,
        partners=[refs[p] for p in partners],
        counts=[
            TimelineCount(
                period=period, partner=code, meetings=n["meeting"], calls=n["call"], agreements=n["agreement"]
            )
            for (period, code), n in sorted(counts.items())
        ],
        undated=undated,
    )
