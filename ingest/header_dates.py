"""Publication dates in the forms page headers write them.

"date 2022-12-19", "January 14, 2024", "Wed, 10/08/2014", "Friday 24 April 2015", "2024-01-14T10:32:00Z",
"Published: 3 Sept 2021 | 10:32": a general reading of day, month name or number, year, weekday and time
of day, rather than a list of formats. Month and weekday names are data (`resources/page.json`).
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

PAGE = json.loads((Path(__file__).parent / "resources" / "page.json").read_text(encoding="utf-8"))


def _prefixes(names: list[str]) -> str:
    """An alternation of the names and their shortenings to three or more letters, longest first."""
    forms = {name[:n] for name in names for n in range(3, len(name) + 1)}
    return "|".join(sorted(forms, key=len, reverse=True))


def _number(word: str, names: list[str]) -> int | None:
    """1-based position of the one name `word` shortens ("Sept" -> 9), if any."""
    word = word.rstrip(".").casefold()
    if len(word) < 3:
        return None
    found = [i for i, name in enumerate(names, start=1) if name.casefold().startswith(word)]
    return found[0] if len(found) == 1 else None


MONTH = rf"(?i:{_prefixes(PAGE['months'])})"
WEEKDAY = rf"(?i:{_prefixes(PAGE['weekdays'])})"
ORDINAL = r"(?:st|nd|rd|th)?"
_LABELS = "|".join(sorted(map(re.escape, PAGE["date_labels"]), key=len, reverse=True))
LEAD = re.compile(rf"\s*(?:(?P<label>(?i:{_LABELS}))\b\s*:?\s*)?(?:(?P<weekday>{WEEKDAY})\b\.?,?\s*)?")
DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?=T|\b)"),
    re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\b"),
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)\b"),
    re.compile(rf"(?P<mon>{MONTH})\b\.?\s+(?P<d>\d{{1,2}}){ORDINAL},?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?P<d>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<mon>{MONTH})\b\.?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?P<mon>{MONTH})\b\.?,?\s+(?P<y>\d{{4}})\b"),
)
# "T10:32:00Z", ", 10:32 AM GMT+3", "| 14h05", "at 9.15 pm": the time of day a header may add.
TIME = re.compile(
    r"(?:\s*(?:[,|•–—-]|\bat\b)?\s*|T)\d{1,2}[:.h]\d\d(?::\d\d(?:\.\d+)?)?"
    r"(?:\s*(?i:[ap]\.?m\.?))?(?:\s*(?:Z|UTC|GMT|[A-Z]{1,4}T|MSK)?\s*[+-]\d{1,2}(?::?\d\d)?|\s*(?:Z|UTC|GMT|[A-Z]{1,4}T|MSK)\b)?"
)


@dataclass(frozen=True, slots=True)
class HeaderDate:
    """A date read from a header line: its parts, the text it was read from, and where it ends."""

    year: int
    month: int | None
    day: int | None
    text: str
    end: int
    labelled: bool


def header_date(line: str) -> HeaderDate | None:
    """The date a header line opens with ("date 2022-12-19", "Wed, 10/08/2014", "Friday 24 April 2015")."""
    lead = LEAD.match(line)
    start = lead.end()
    for form in DATE_FORMS:
        if not (m := form.match(line, start)):
            continue
        parts = _date_parts(m, lead["weekday"])
        if parts is None:
            continue
        end = m.end()
        if time := TIME.match(line, end):
            end = time.end()
        return HeaderDate(*parts, m.group(0), end, lead["label"] is not None)
    return None


def _date_parts(m: re.Match, weekday: str | None) -> tuple[int, int | None, int | None] | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000
    if groups.get("mon"):
        month = _number(groups["mon"], PAGE["months"])
        if month is None:
            return None
        return year, month, int(groups["d"]) if groups.get("d") else None
    if groups.get("a"):
        return _numeric_date(year, int(groups["a"]), int(groups["b"]), weekday)
    return year, int(groups["m"]), int(groups["d"])


def _numeric_date(year: int, a: int, b: int, weekday: str | None) -> tuple[int, int, int] | None:
    """Day and month of "10/08/2014": the order that makes a date, and fits the weekday if one is given."""
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append((datetime.date(year, month, day), (year, month, day)))
        except ValueError:
            continue
    wanted = _number(weekday, PAGE["weekdays"]) if weekday else None
    if wanted is not None:
        readings = [r for r in readings if r[0].isoweekday() == wanted] or readings
    # Without a weekday to tell them apart, day first: most of the world writes dates that way.
    return readings[0][1] if readings else None
