"""The `from` / `to` filters: a date range that events of any date precision are matched against."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from api.errors import invalid_input
from api.queries import literal
from ingest.records import PartialDate

# An event dated 2022 or 2022-04 is a span, not a day: it matches when the span overlaps the
# range. Its lexical form, padded to its last day ("2022" -> "2022-12-31") or first day
# ("2022-04" -> "2022-04-01"), compares as text against the range ends. Undated events and
# year-less ones (--04-26) cannot be placed, so a range excludes them.
OVERLAP_FILTER = """FILTER(BOUND(?date) && !STRSTARTS(STR(?date), "--")
    && CONCAT(STR(?date), SUBSTR("-12-31", STRLEN(STR(?date)) - 3)) >= $start
    && CONCAT(STR(?date), SUBSTR("-01-01", STRLEN(STR(?date)) - 3)) <= $end)"""


@dataclass(frozen=True, slots=True)
class DateRange:
    start: PartialDate | None = None
    end: PartialDate | None = None

    def sparql_filter(self) -> str:
        """A FILTER on `?date` keeping events that overlap the range, or nothing for an open range."""
        if self.start is None and self.end is None:
            return ""
        start = first_day(self.start) if self.start else "0000-01-01"
        end = last_day(self.end) if self.end else "9999-12-31"
        return OVERLAP_FILTER.replace("$start", literal(start)).replace("$end", literal(end))


def first_day(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


def last_day(date: PartialDate) -> str:
    # Day 31 of any month compares after every real day of it, which is all the text needs.
    return f"{date.year:04d}-{date.month or 12:02d}-{date.day or 31:02d}"


def parse_bound(name: str, text: str | None) -> PartialDate | None:
    if text is None or not text.strip():
        return None
    try:
        date = PartialDate.parse(text.strip())
        if date.year is None:
            raise ValueError
        datetime.date(date.year, date.month or 1, date.day or 1)
    except ValueError:
        raise invalid_input(
            ("query", name), f"must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not {text!r}", text
        ) from None
    return date


def date_range(
    from_: Annotated[
        str | None,
        Query(alias="from", description="earliest date: YYYY-MM-DD, YYYY-MM or YYYY", examples=["2022-01"]),
    ] = None,
    to: Annotated[
        str | None,
        Query(description="latest date: YYYY-MM-DD, YYYY-MM or YYYY", examples=["2022-12-31"]),
    ] = None,
) -> DateRange:
    """The `from` and `to` query parameters as a range; 422 when either is not a date or they are reversed."""
    start, end = parse_bound("from", from_), parse_bound("to", to)
    if start and end and first_day(start) > last_day(end):
        raise invalid_input(("query", "from"), f"'from' ({start}) is after 'to' ({end})", from_)
    return DateRange(start, end)
