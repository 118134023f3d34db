"""Which date of a sentence belongs to the encounter, and what 'that year' refers to."""

from __future__ import annotations


def dates(record) -> list[str | None]:
    return [m.date and m.date.lexical for m in record.meetings]


def test_date_of_the_reporting_verb_is_not_the_meetings(extract) -> None:
    record = extract(
        "The ministry said on Tuesday that Czech Defence Minister Pavel Dusek met Slovak Defence "
        "Minister Jan Kral in Bratislava last month."
    )
    assert dates(record) == ["2023-04"]


def test_date_of_a_relative_clause_is_not_the_meetings(extract) -> None:
    record = extract(
        "Czech Defence Minister Pavel Dusek, who took office in 2019, met Slovak Defence Minister "
        "Jan Kral on Monday."
    )
    assert dates(record) == ["2023-05-15"]


def test_that_year_is_the_year_the_story_last_gave(extract) -> None:
    record = extract(
        "The two armies first trained together in 2018. Later that year, Czech Defence Minister "
        "Pavel Dusek met Slovak Defence Minister Jan Kral in Prague."
    )
    assert dates(record) == ["2018"]


def test_validity_towards_a_year_is_not_a_date(extract) -> None:
    record = extract(
        "Czech Defence Minister Pavel Dusek met Slovak Defence Minister Jan Kral on Monday to discuss "
        "a shared vision towards 2030."
    )
    assert dates(record) == ["2023-05-15"]


def test_weekday_with_a_time_of_day(extract) -> None:
    record = extract(
        "Czech Defence Minister Pavel Dusek met Slovak Defence Minister Jan Kral late on Monday night."
    )
    assert dates(record) == ["2023-05-15"]


def test_the_next_morning_is_the_day_after_the_one_just_told(extract) -> None:
    record = extract(
        "Czech Defence Minister Pavel Dusek landed on Monday, and the next morning he held talks with "
        "Slovak Defence Minister Jan Kral."
    )
    assert dates(record) == ["2023-05-16"]
