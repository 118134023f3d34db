"""Read date expressions ("on 13 September 2019", "April 26", "on Wednesday", "last year") as partial dates.

Relative expressions resolve against the publication date; without one, only what the
text itself fixes is kept ("March 5" becomes --03-05, "on Wednesday" nothing).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.doc_attrs import published_of
from ingest.records import PartialDate

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
ABSOLUTE = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
]
# "early March", "the end of September", "mid-2022": a part of the period is still within it.
_PART = r"(?:the|early|late|mid|middle|end|beginning|start|close|turn)"
YEAR_ONLY = re.compile(rf"^(?:(?:in|the|year|of|{_PART})(?:\s+|-))*{_YEAR}$", re.I)
# "last November" is the latest November before publication, as a bare "November" is.
MONTH_ONLY = re.compile(
    rf"^(?:(?:in|on|of|last|{_PART})(?:\s+|-))*{_MONTH}(?P<rest>\s+(?:last|this|next)\s+year)?$", re.I
)
RELATIVE_DAY = {"today": 0, "this morning": 0, "tonight": 0, "yesterday": -1, "the day before": -1}
WEEKDAY = re.compile(r"\b(?:(?P<last>last)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
RELATIVE_YEAR = re.compile(
    r"^(?:(?:earlier|later|late|early)\s+)?(?P<which>last|this|past|next)\s+year$", re.I
)
RELATIVE_MONTH = re.compile(r"^(?:(?:earlier|later)\s+)?(?P<which>last|this|past)\s+month$", re.I)
# Spans like "2026-2030" or "44-day" are durations or ranges, never the date of an event.
NOT_A_DATE = re.compile(r"\d{4}\s*[-–]\s*\d{2,4}|\bdays?\b|\bweeks?\b|\byears?\s+ago\b|\bdecades?\b", re.I)
DATED_LABELS = frozenset({"DATE", "TIME"})
# "from June 18 to 22", "between 3 and 5 May": a span of days, not one date.
RANGE = re.compile(
    r"^(?:from|between)\b|\d\s+(?:to|until|and)\s+\d|(?<![\d-])\d{1,2}\s*[-–]\s*\d{1,2}(?![\d-])", re.I
)


def parse_date(text: str, published: PartialDate | None) -> PartialDate | None:
    """The date an expression denotes, as precisely as the text and the publication date allow."""
    text = " ".join(text.split()).strip(" ,.")
    low = text.lower()
    if RANGE.search(text):
        return None
    ref = _as_date(published)
    for pattern in ABSOLUTE:
        if m := pattern.search(text):
            return _absolute(m, published, _year_shift(low))
    if NOT_A_DATE.search(text) and not RELATIVE_YEAR.match(low):
        return None
    if m := YEAR_ONLY.match(text):
        return PartialDate(int(m["year"]))
    if m := MONTH_ONLY.match(text):
        month = MONTHS[m["month"].lower()]
        if published is None or published.year is None:
            return None
        year = published.year
        if m["rest"] and "last" in m["rest"].lower():
            year -= 1
        elif m["rest"] and "next" in m["rest"].lower():
            year += 1
        elif published.month is not None and month > published.month:
            year -= 1
        return PartialDate(year, month)
    for phrase, offset in RELATIVE_DAY.items():
        if re.search(rf"\b{phrase}\b", low):
            return _day(ref + dt.timedelta(days=offset)) if ref else None
    if m := WEEKDAY.search(text):
        if ref is None:
            return None
        back = (ref.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
        if m["last"] and back == 0:
            back = 7
        return _day(ref - dt.timedelta(days=back))
    if m := RELATIVE_YEAR.match(low):
        if published is None or published.year is None:
            return None
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[m["which"]]
        return PartialDate(published.year + shift)
    if m := RELATIVE_MONTH.match(low):
        if ref is None:
            return None
        if m["which"] == "this":
            return PartialDate(ref.year, ref.month)
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return PartialDate(first.year, first.month)
    return None


def _year_shift(low: str) -> int | None:
    """'last year' is -1, 'this year' 0, 'next year' +1; None when the text does not say."""
    if m := re.search(r"\b(last|this|next|past)\s+year\b", low):
        return {"last": -1, "past": -1, "this": 0, "next": 1}[m[1]]
    return None


def _absolute(
    m: re.Match[str], published: PartialDate | None, shift: int | None = None
) -> PartialDate | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        if day is None:
            return None
        ref = _as_date(published)
        if ref is None:
            return PartialDate(None, month, day)
        if shift is not None:
            year = ref.year + shift
            return PartialDate(year, month, day) if _valid(year, month, day) else None
        # A day and month without a year is the latest such day not after publication.
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return PartialDate(year, month, day) if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _as_date(published: PartialDate | None) -> dt.date | None:
    if published is None or published.year is None or published.month is None or published.day is None:
        return None
    return dt.date(published.year, published.month, published.day)


def _day(day: dt.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


@Language.factory("milgraph_dates")
def make_date_reader(nlp: Language, name: str) -> DateReader:
    return DateReader()


class DateReader:
    """Resolve every DATE entity; `doc._.dates` maps its start token to the date's lexical form."""

    def __call__(self, doc: Doc) -> Doc:
        published = published_of(doc)
        dates: dict[str, str] = {}
        for ent in doc.ents:
            # "on Monday night", "Thursday evening": the small model labels these as times of a day.
            if ent.label_ in DATED_LABELS and (date := parse_date(ent.text, published)):
                dates[str(ent.start)] = date.lexical
        doc._.dates = dates
        return doc
