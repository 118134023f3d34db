"""GET /person/{name}: a person's party, posts and ranks over time, meetings, agreements, counterparts."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from api.dates import DateRange
from api.deps import StoreDep
from api.event_details import fetch_events, party_refs, people
from api.events import PERSON_CLAUSE, ordered_events
from api.linked import LINKED_DATA_RESPONSE, described, wants_linked_data
from api.models import Counterpart, Event, NotFoundBody, PersonView, RankHistory, RoleHistory
from api.queries import iri, render
from api.resolve import resolve_person
from graph.store import Store
from ontology import MG, ROLE

router = APIRouter(tags=["people"])

# A person's own events are listed whole; past this many of each kind the latest are left out.
MAX_EVENTS = 500


@router.get(
    "/person/{name}",
    summary="A person: party, roles and ranks with the dates first and last seen, events, counterparts",
    response_model=PersonView,
    responses={
        200: LINKED_DATA_RESPONSE,
        404: {"model": NotFoundBody, "description": "no person by that name; close matches"},
    },
)
def person(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Path(description="the person's full name, any case", examples=["Zakir Hasanov"])],
) -> PersonView | Response:
    person_iri = resolve_person(store, name)
    about = people(store, [person_iri]).get(person_iri)
    party_iris = sorted(row["party"] for row in store.select(render("member-of", person=iri(person_iri))))
    parties = party_refs(store, party_iris)
    roles, ranks = history(store, person_iri)
    meetings = own_events(store, person_iri, str(MG.Meeting))
    agreements = own_events(store, person_iri, str(MG.Agreement))
    if wants_linked_data(request):
        events = [*meetings, *agreements]
        others = (p.id for event in events for p in [*event.parties, *event.participants])
        return described(store, request, [person_iri, *party_iris, *(e.id for e in events), *others])
    return PersonView(
        id=person_iri,
        name=about.name if about else None,
        party=parties[party_iris[0]] if party_iris and party_iris[0] in parties else None,
        roles=roles,
        ranks=ranks,
        meetings=meetings,
        agreements=agreements,
        counterparts=counterparts(person_iri, meetings, agreements),
    )


def history(store: Store, person_iri: str) -> tuple[list[RoleHistory], list[RankHistory]]:
    """Each role (per party) and rank with the publication dates of the articles that name it."""
    role_titles: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    role_dates: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    rank_dates: dict[str, set[str]] = defaultdict(set)
    rows = store.select(render("person-history", person=iri(person_iri)))
    codes = {
        iri_: ref.code for iri_, ref in party_refs(store, (r["party"] for r in rows if "party" in r)).items()
    }
    for row in rows:
        published = {row["published"]} if "published" in row else set()
        if "role" in row:
            key = (row["role"].removeprefix(str(ROLE)), codes.get(row.get("party", "")))
            role_dates[key] |= published
            if "title" in row:
                role_titles[key].add(row["title"])
        if "rank" in row:
            rank_dates[row["rank"]] |= published
    roles = [
        RoleHistory(
            role=role,
            party=party,
            titles=sorted(role_titles[role, party]),
            first_seen=min(dates, default=None),
            last_seen=max(dates, default=None),
        )
        for (role, party), dates in role_dates.items()
    ]
    ranks = [
        RankHistory(rank=rank, first_seen=min(dates, default=None), last_seen=max(dates, default=None))
        for rank, dates in rank_dates.items()
    ]
    roles.sort(key=lambda r: (r.first_seen or "", r.role))
    ranks.sort(key=lambda r: (r.first_seen or "", r.rank))
    return roles, ranks


def own_events(store: Store, person_iri: str, event_class: str) -> list[Event]:
    clauses = [PERSON_CLAUSE.format(person=iri(person_iri))]
    return fetch_events(store, ordered_events(store, event_class, clauses, DateRange(), MAX_EVENTS, 0))


def counterparts(person_iri: str, meetings: list[Event], agreements: list[Event]) -> list[Counterpart]:
    """Everyone who met or signed with the person, most shared events first."""
    found: dict[str, Counterpart] = {}
    for events, field in ((meetings, "meetings"), (agreements, "agreements")):
        for event in events:
            for participant in event.participants:
                if participant.id == person_iri:
                    continue
                other = found.setdefault(
                    participant.id, Counterpart(**participant.model_dump(), meetings=0, agreements=0)
                )
                setattr(other, field, getattr(other, field) + 1)
    return sorted(found.values(), key=lambda c: (-(c.meetings + c.agreements), c.name or c.id))
