"""GET /meetings and GET /agreements: events page by page, narrowed by party, person and dates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.dates import DateRange, date_range
from api.deps import StoreDep
from api.event_details import fetch_events
from api.models import EventPage, NotFoundBody
from api.queries import integer, iri, literal, render
from api.resolve import resolve_party, resolve_person
from graph.store import Store
from ontology import MG

router = APIRouter(tags=["events"])

PARTY_CLAUSE = "?event mg:party {party} ."
# Behind a party or a person the class is a check, not a pattern to join: oxigraph would
# otherwise read every event of the class first.
CLASS_CLAUSE = "?event a {event_class} ."
CLASS_CHECK = "FILTER EXISTS {{ ?event a {event_class} }}"
PERSON_CLAUSE = "{{ ?event schema:attendee {person} }} UNION {{ ?event mg:signatory {person} }}"
# A whole class of events is joined to the dates by hash, two scans; the few events a party or a
# person has, by one lookup each.
DATES_BY_SCAN = "OPTIONAL { SELECT ?event ?date WHERE { ?event dcterms:date ?date } }"
DATES_BY_LOOKUP = "OPTIONAL { ?event dcterms:date ?date }"
# Dated events only, the dates narrowed by `filters` before the join: for a date range, or for a
# page that starts past the undated events.
DATED_BY_SCAN = "{{ SELECT ?event ?date WHERE {{ ?event dcterms:date ?date {filters} }} }}"
KEY_RANGE = "FILTER(STR(?date) >= {first} && STR(?date) <= {last})"
NOT_FOUND = {404: {"model": NotFoundBody, "description": "no party or person by that name; close matches"}}

PartyFilter = Annotated[
    str | None, Query(description="a state or organisation: name, code or demonym", examples=["Latvia"])
]
PersonFilter = Annotated[str | None, Query(description="a person's full name", examples=["Zakir Hasanov"])]
Limit = Annotated[int, Query(ge=1, le=500, description="events per page")]
# Past any store's size, and within the 64-bit LIMIT every SPARQL engine parses.
MAX_OFFSET = 10**12
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="events to skip")]


def events_where(event_class: str, clauses: list[str]) -> str:
    """The WHERE body picking events of `event_class` that match all `clauses`."""
    kind = (CLASS_CHECK if clauses else CLASS_CLAUSE).format(event_class=iri(event_class))
    return "\n    ".join([*clauses, kind])


def ordered_events(
    store: Store, event_class: str, clauses: list[str], dates: DateRange, count: int, offset: int
) -> list[str]:
    """`count` event IRIs from `offset` on, in the API's order: date as written (undated first), then IRI."""
    # Sorting by IRI in SPARQL is what costs: oxigraph decodes a long IRI at each comparison.
    # So the date keys are sorted alone (their sequence is the same whatever order ties take),
    # which says which keys the page spans, and only the events with those keys are sorted here.
    date_filter = dates.sparql_filter()
    where = events_where(event_class, clauses)
    terms = {"where": where, "dates": DATES_BY_LOOKUP, "date_filter": date_filter}
    if not clauses:
        # A date range leaves undated events out anyway, so it can narrow the dates first.
        terms["dates"] = DATED_BY_SCAN.format(filters=date_filter) if date_filter else DATES_BY_SCAN
        terms["date_filter"] = ""
    keys = [row["key"] for row in store.select(render("event-keys", **terms, limit=integer(offset + count)))]
    if len(keys) <= offset:
        return []
    first, last = keys[offset], keys[-1]
    bounds = {"first": literal(first), "last": literal(last)}
    if first and not clauses:
        terms["dates"] = DATED_BY_SCAN.format(filters=f"{date_filter} {KEY_RANGE.format(**bounds)}")
    rows = store.select(render("events-between", **terms, **bounds))
    ordered = sorted((row["key"], row["event"]) for row in rows)
    start = offset - keys.index(first)
    return [event for _, event in ordered[start : start + count]]


def page(
    store: Store,
    event_class: str,
    party: str | None,
    person: str | None,
    dates: DateRange,
    limit: int,
    offset: int,
) -> EventPage:
    clauses = []
    if party:
        clauses.append(PARTY_CLAUSE.format(party=iri(resolve_party(store, party).id)))
    if person:
        clauses.append(PERSON_CLAUSE.format(person=iri(resolve_person(store, person))))
    # One event more than the page says whether there is a next page, without counting them all.
    found = ordered_events(store, event_class, clauses, dates, limit + 1, offset)
    return EventPage(
        items=fetch_events(store, found[:limit]),
        limit=limit,
        offset=offset,
        next_offset=offset + limit if len(found) > limit else None,
    )


@router.get("/meetings", summary="Meetings and calls, in date order", responses=NOT_FOUND)
def meetings(
    store: StoreDep,
    dates: Annotated[DateRange, Depends(date_range)],
    party: PartyFilter = None,
    person: PersonFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventPage:
    return page(store, str(MG.Meeting), party, person, dates, limit, offset)


@router.get("/agreements", summary="Agreements signed, in date order", responses=NOT_FOUND)
def agreements(
    store: StoreDep,
    dates: Annotated[DateRange, Depends(date_range)],
    party: PartyFilter = None,
    person: PersonFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventPage:
    return page(store, str(MG.Agreement), party, person, dates, limit, offset)
