"""Stored pages: header dates, datelines and the furniture around an article."""

from __future__ import annotations

import pytest

from ingest.datelines import dateline_city, match_dateline
from ingest.header_dates import header_date
from ingest.page import is_prose, read_page


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (" date 2021-06-30 By Example Wire", (2021, 6, 30)),
        ("January 14, 2024", (2024, 1, 14)),
        ("Friday 24 April 2015", (2015, 4, 24)),
        ("2024-01-14T10:32:00Z", (2024, 1, 14)),
        ("Published: 3 Sept 2021 | 10:32 GMT+3", (2021, 9, 3)),
        ("Updated on Nov. 2nd, 2019, 9:15 pm", (2019, 11, 2)),
        ("14.03.2023 08:10", (2023, 3, 14)),
        ("March 2022", (2022, 3, None)),
    ],
)
def test_header_dates_in_many_forms(line: str, expected: tuple) -> None:
    found = header_date(line)
    assert found is not None and (found.year, found.month, found.day) == expected


def test_the_weekday_decides_between_day_first_and_month_first() -> None:
    # 8 October 2014 was a Wednesday, 10 August 2014 a Sunday.
    wednesday, sunday = header_date("Wed, 10/08/2014"), header_date("Sun, 10/08/2014")
    assert (wednesday.month, wednesday.day) == (10, 8)
    assert (sunday.month, sunday.day) == (8, 10)
    assert header_date("Tuesday, 13/05/2025").month == 5


def test_a_sentence_that_opens_with_a_word_is_no_header_date() -> None:
    assert header_date("Marching bands played as the frigate docked.") is None
    assert header_date("Monday's talks ended early.") is None


@pytest.mark.parametrize(
    ("text", "city", "rest"),
    [
        ("HÀ NỘI — Talks opened.", "Hà Nội", "Talks"),
        ("ZÜRICH, Switzerland — Talks opened.", "Zürich", "Talks"),
        ("OSLO, March 3. /NTB/. Talks opened.", "Oslo", "Talks"),
        ("NEW DELHI: Talks opened.", "New Delhi", "Talks"),
        ("Valletta [Malta], June 2 (XYZ): Talks opened.", "Valletta", "Talks"),
        ("LIMA, Oct 9 (XYZ): Talks opened.", "Lima", "Talks"),
        ("Riga, 9 May (XYZ) Talks opened.", "Riga", "Talks"),
        ("SOFIA, Sept 4 (XYZ).- Talks opened.", "Sofia", "Talks"),
        ("ASTANA. XYZNEWS – Talks opened.", "Astana", "Talks"),
        ("QUITO /XYZ/. Talks opened.", "Quito", "Talks"),
        ("ST. JOHN'S, Antigua — Talks opened.", "St. John's", "Talks"),
        ("Tirana, 2 July – Talks opened.", "Tirana", "Talks"),
        ("N'DJAMENA, Chad (XYZ) — Talks opened.", "N'Djamena", "Talks"),
    ],
)
def test_datelines_in_wire_forms(text: str, city: str, rest: str) -> None:
    m = match_dateline(text)
    assert m is not None and dateline_city(m) == city
    assert text[m.end() :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "Defence Minister Ana Lopes met her Chilean counterpart.",
        "US officials said the talks went well.",
        "Portugal's minister, Ana Lopes, arrived in Lisbon.",
        "Lisbon hosted the talks on Monday.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert match_dateline(text) is None


def test_furniture_is_set_apart_from_the_prose() -> None:
    lines = [
        "Home / World / Defence",
        "",
        "Ministers agree to expand naval drills",
        "",
        "By Jana Novak",
        "",
        "LISBON — Portuguese Defence Minister Ana Lopes met her Chilean counterpart Diego Rojas on Monday.",
        "",
        "(Photo: Wire) Ana Lopes (L) and Diego Rojas at the ministry",
        "",
        "The agreements cover three areas:",
        "- training of naval officers",
        "- exchanges of cadets",
        "",
        "Related",
        "Navy chief visits shipyard",
        "Air force takes delivery of new trainers",
        "",
        "Read more: Fleet sails for summer exercise",
        "",
        "Share: Facebook | X | Email",
    ]
    page = read_page(lines)
    assert page.paragraphs == [
        "LISBON — Portuguese Defence Minister Ana Lopes met her Chilean counterpart Diego Rojas on Monday.",
        "The agreements cover three areas:",
        "- training of naval officers",
        "- exchanges of cadets",
    ]


def test_a_long_line_is_prose_even_when_cut_short() -> None:
    line = "The two ministers reviewed the training programme and agreed to widen exchanges between " * 2
    assert is_prose(line.strip())
    assert not is_prose("Ministers agree to expand naval drills")


def test_a_hard_wrapped_paragraph_is_joined_and_a_list_of_headlines_is_not() -> None:
    lines = [
        "The defence ministers of Latvia and Chile met in Riga on",
        "Monday and agreed to widen exchanges between their navies,",
        "the ministry said.",
        "",
        "Navy chief visits shipyard",
        "Air force takes delivery of trainers",
    ]
    assert read_page(lines).paragraphs == [
        "The defence ministers of Latvia and Chile met in Riga on Monday and agreed to widen exchanges "
        "between their navies, the ministry said."
    ]


def test_a_credit_after_the_last_sentence_still_ends_it() -> None:
    assert is_prose("The visit will strengthen ties, the ministry said. (APP)")
    assert is_prose("The two navies will train together. — VNS")


def test_a_dateline_with_a_numeric_date() -> None:
    m = match_dateline("Hà Nội, 3/5 (XYZ) – Talks opened.")
    assert m is not None and dateline_city(m) == "Hà Nội"


def test_bylines_and_title_case_questions_are_not_prose() -> None:
    assert not is_prose("By Jana Novak, Nordic Wire.")
    assert not is_prose("Will Riga And Santiago Finally Sign The Naval Pact?")
    assert is_prose("By Tuesday, the two delegations had agreed on a text.")
    assert is_prose("Why did the minister cancel the visit?")


def test_a_long_line_of_capitals_is_no_dateline_and_costs_little() -> None:
    import time

    start = time.perf_counter()
    assert match_dateline("A" * 1_000_000) is None
    assert read_page([" date 2024-01-01 " + "A" * 1_000_000]).paragraphs == []
    assert time.perf_counter() - start < 2
