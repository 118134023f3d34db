from __future__ import annotations

import pytest

from ingest.dates import parse_date
from ingest.records import PartialDate

PUBLISHED = PartialDate(2022, 4, 27)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 13 September 2019", "2019-09-13"),
        ("September 13, 2019", "2019-09-13"),
        ("April 26", "2022-04-26"),
        ("May 3", "2021-05-03"),
        ("today", "2022-04-27"),
        ("yesterday", "2022-04-26"),
        ("on Monday", "2022-04-25"),
        ("on Wednesday", "2022-04-27"),
        ("last year", "2021"),
        ("May last year", "2021-05"),
        ("in June 2018", "2018-06"),
        ("2020", "2020"),
        ("last month", "2022-03"),
        ("last November", "2021-11"),
        ("last March", "2022-03"),
    ],
)
def test_dates_resolve_against_publication(text: str, expected: str) -> None:
    assert parse_date(text, PUBLISHED).lexical == expected


def test_without_publication_date_only_the_text_counts() -> None:
    assert parse_date("March 5", None) == PartialDate(None, 3, 5)
    assert parse_date("on Wednesday", None) is None
    assert parse_date("last year", None) is None


@pytest.mark.parametrize("text", ["2026-2030", "44-day", "three years ago", "the same day"])
def test_ranges_and_durations_are_not_dates(text: str) -> None:
    assert parse_date(text, PUBLISHED) is None


@pytest.mark.parametrize("text", ["from June 18 to 22", "18-22 June", "between 3 and 5 May"])
def test_spans_of_days_are_not_one_date(text: str) -> None:
    assert parse_date(text, PUBLISHED) is None


def test_day_and_month_with_a_relative_year() -> None:
    assert parse_date("September 6 last year", PUBLISHED) == PartialDate(2021, 9, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early February", "2022-02"),
        ("the end of January", "2022-01"),
        ("mid-December", "2021-12"),
        ("the beginning of 2019", "2019"),
        ("late 2020", "2020"),
    ],
)
def test_part_of_a_month_or_year_is_that_month_or_year(text: str, expected: str) -> None:
    assert parse_date(text, PUBLISHED).lexical == expected
