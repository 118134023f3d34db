"""Fuzzing the reader and the date parser: whatever the input, an answer or a named reason, never a crash."""

from __future__ import annotations

import datetime
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.dates import parse_date
from ingest.reader import ReadError, read_articles
from ingest.records import Article, PartialDate

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

partial_dates = st.one_of(
    st.none(),
    st.dates(min_value=datetime.date(1900, 1, 1)).map(lambda d: PartialDate(d.year, d.month, d.day)),
    st.builds(PartialDate, st.integers(1900, 2100), st.none(), st.none()),
)
date_words = st.sampled_from(
    [
        "on",
        "13",
        "31",
        "September",
        "Sept.",
        "April",
        "2019",
        "last",
        "year",
        "Wednesday",
        "next",
        "-",
        ",",
        "29",
    ]
)


@FUZZ
@given(st.one_of(st.text(max_size=60), st.lists(date_words, max_size=8).map(" ".join)), partial_dates)
def test_a_date_expression_gives_a_calendar_date_or_none(text: str, published: PartialDate | None) -> None:
    found = parse_date(text, published)
    if found is not None:
        assert PartialDate.parse(found.lexical) == found
        if found.year is not None and found.month is not None:
            datetime.date(found.year, found.month, found.day or 1)


def read_one(name: str, data: bytes) -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        return list(read_articles([folder]))


def assert_answered(items: list[Article | ReadError]) -> None:
    for item in items:
        assert isinstance(item, Article | ReadError)
        if isinstance(item, ReadError):
            assert "\n" not in str(item) and item.reason


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_as_a_text_file_give_an_article_or_a_reason(data: bytes) -> None:
    assert_answered(read_one("article.txt", data))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
fields = st.fixed_dictionaries(
    {},
    optional={key: json_values for key in ("id", "text", "published", "source", "url")},
)


@FUZZ
@given(st.lists(st.one_of(fields.map(json.dumps), st.text(max_size=40)), max_size=5))
def test_any_json_lines_give_articles_or_reasons_by_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    assert_answered(read_one("feed.jsonl", data))
