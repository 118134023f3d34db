from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ingest.reader import MAX_ARTICLE_CHARS, ReadError, read_articles
from ingest.records import Article, PartialDate


def read(*paths: Path, **kwargs) -> list[Article | ReadError]:
    return list(read_articles(paths, **kwargs))


def test_txt_header_gives_date_and_source_and_drops_noise(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(
        " date 2021-03-04 By Example Wire\n\n---\nFirst paragraph here.\n\n+ ↺ − 16 px\nSecond one.\n"
    )
    [article] = read(path)
    assert article.id == "a1"
    assert article.published == PartialDate(2021, 3, 4)
    assert article.source == "Example Wire"
    assert article.text == "First paragraph here.\n\nSecond one."


def test_txt_header_with_widget_noise_and_without_date(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(" date 2020-02-02 + ↺ − 16 px\n\nBody text.\n")
    (tmp_path / "c.txt").write_text("By Some Agency\n\nOther body.\n")
    first, second = read(tmp_path)
    assert (first.published, first.source, first.text) == (PartialDate(2020, 2, 2), None, "Body text.")
    assert (second.published, second.source, second.text) == (None, "Some Agency", "Other body.")


def test_jsonl_broken_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {
        "id": "x1",
        "text": "Some text.",
        "published": "2022-01-05",
        "source": "Wire",
        "url": "https://e.org/1",
    }
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "x2", "text": "More."}) + "\n")
    first, error, second = read(path)
    assert first.id == "x1" and first.published == PartialDate(2022, 1, 5) and first.url == "https://e.org/1"
    assert isinstance(error, ReadError) and error.line == 2
    assert str(error).startswith(f"{path}:2: not valid JSON")
    assert second.id == "x2" and second.published is None


def test_jsonl_missing_text_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "x1"}) + "\n")
    [error] = read(path)
    assert error.line == 1 and "'text'" in error.reason


def test_bad_files_each_give_a_clear_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    errors = {Path(e.path).name: e.reason for e in read(tmp_path)}
    assert errors["empty.txt"] == "file is empty"
    assert errors["binary.txt"].startswith("binary file (NUL byte at byte 3)")
    assert errors["latin.txt"] == "not valid UTF-8 (byte 0xe9 at byte 3)"


def test_a_50_mb_file_is_rejected_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    [error] = read(path)
    assert error.reason == "file is 52,428,800 bytes, over the limit of 5,242,880 bytes"


def test_missing_path_and_unknown_extension(tmp_path: Path) -> None:
    other = tmp_path / "notes.md"
    other.write_text("hello")
    missing, unknown = read(tmp_path / "nope.txt", other)
    assert missing.reason == "no such file or folder"
    assert unknown.reason == "unknown file type '.md'; expected .txt or .jsonl"


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Beta text.")
    (tmp_path / "a.txt").write_text("Alpha text.")
    (tmp_path / "ignored.md").write_text("Not an article.")
    assert [a.id for a in read(tmp_path)] == ["a", "b"]


def test_a_file_name_that_is_not_utf8_is_reported_printably(tmp_path: Path) -> None:
    name = os.fsdecode(b"report-\xff.txt")
    (tmp_path / name).write_text("The ministers met in Riga.", encoding="utf-8")
    [error] = read(tmp_path)
    assert error.reason == "file name is not valid UTF-8; rename the file"
    assert (
        str(error)
        .encode("utf-8")
        .endswith(b"report-\\udcff.txt: file name is not valid UTF-8; rename the file")
    )


def test_utf16_text_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes("The ministers met in Riga.".encode("utf-16"))
    [error] = read(tmp_path)
    assert error.reason == "UTF-16 text; save it as UTF-8"


def test_a_text_over_the_character_limit_is_refused_before_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("The ministers met. " * (MAX_ARTICLE_CHARS // 19 + 1), encoding="utf-8")
    [error] = read(path)
    assert error.reason.startswith("article is 1,000,0")
    assert error.reason.endswith("characters, over the limit of 1,000,000")


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"id": "wire-\udfff"}, "field 'id' is not valid Unicode (an unpaired surrogate)"),
        ({"url": "not a url"}, "field 'url' is not an absolute URL: 'not a url'"),
        (
            {"text": "x" * (MAX_ARTICLE_CHARS + 1)},
            "field 'text' is 1,000,001 characters, over the limit of 1,000,000",
        ),
    ],
)
def test_jsonl_fields_no_graph_can_hold_are_reported_by_line(
    tmp_path: Path, fields: dict, reason: str
) -> None:
    path = tmp_path / "wire.jsonl"
    bad = {"id": "wire-1", "text": "The ministers met.", **fields}
    good = {"id": "wire-2", "text": "The ministers met again."}
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    error, article = read(path)
    assert (error.line, error.reason) == (1, reason)
    assert article.id == "wire-2"


def test_a_jsonl_file_is_streamed_and_only_overlong_lines_refused(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"wire-{n}", "text": "The ministers met in Riga."}) for n in range(50)]
    lines[3] = json.dumps({"id": "wire-long", "text": "The ministers met. " * 40})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([path], max_bytes=200))
    errors = [item for item in items if isinstance(item, ReadError)]
    assert [(e.line, e.reason) for e in errors] == [(4, "line is over the limit of 200 bytes")]
    assert len(items) - len(errors) == 49
    assert path.stat().st_size > 200


def test_an_id_read_twice_is_skipped_the_second_time(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "dup", "text": "First version."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "dup", "text": "Second version."}) + "\n")
    article, error = read(tmp_path)
    assert article.text == "First version."
    assert error.reason == f"article id 'dup' was already read from {tmp_path / 'a.jsonl'}:1; skipped"
    assert error.line == 1


def test_a_header_line_that_carries_the_first_paragraph_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        " date 2023-03-03 OSLO, March 3. /NTB/. The defence ministers of Norway and Chile met today.\n\n"
        "They discussed naval training.\n",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.published == PartialDate(2023, 3, 3)
    assert article.text == (
        "OSLO, March 3. /NTB/. The defence ministers of Norway and Chile met today.\n\n"
        "They discussed naval training."
    )


def test_a_byline_ends_where_the_dateline_begins(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("By Nordic Wire OSLO — The defence ministers met in Oslo today.\n", encoding="utf-8")
    [article] = read(path)
    assert (article.source, article.text) == (
        "Nordic Wire",
        "OSLO — The defence ministers met in Oslo today.",
    )


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("January 14, 2024", PartialDate(2024, 1, 14)),
        ("Wed, 10/08/2014", PartialDate(2014, 10, 8)),
        ("Friday 24 April 2015 | 10:32", PartialDate(2015, 4, 24)),
        (" date 2024-01-14T10:32:00Z By Wire", PartialDate(2024, 1, 14)),
    ],
)
def test_header_dates_in_other_forms(tmp_path: Path, header: str, published: PartialDate) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        f"Ministers agree on drills\n\n{header}\n\nThe ministers met in Riga.\n", encoding="utf-8"
    )
    [article] = read(path)
    assert (article.published, article.text) == (published, "The ministers met in Riga.")


def test_a_first_line_that_opens_with_a_date_is_still_prose(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("May 5, 2024, was the day the ministers met in Riga.\n", encoding="utf-8")
    [article] = read(path)
    assert (article.published, article.text) == (None, "May 5, 2024, was the day the ministers met in Riga.")


def test_headline_menu_caption_and_share_lines_are_not_article_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Home | World | Defence\n\nLatvia and Chile sign defence pact\n\n"
        "The ministers of Latvia and Chile signed a pact in Riga.\n\n"
        "Photo: Ana Lopes (R) greets Juris Ozols\n\nShare this: Facebook | X | Email\n",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.text == "The ministers of Latvia and Chile signed a pact in Riga."


def test_a_text_that_never_ends_a_sentence_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Juris Ozols met Ana Lopes in Riga\n", encoding="utf-8")
    [article] = read(path)
    assert article.text == "Juris Ozols met Ana Lopes in Riga"


def test_a_json_line_nested_too_deeply_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    good = json.dumps({"id": "wire-2", "text": "The ministers met in Riga."})
    path.write_text(deep + "\n" + good + "\n", encoding="utf-8")
    error, article = read(path)
    assert str(error) == f"{path}:1: JSON nested too deeply to read"
    assert article.id == "wire-2"


def test_an_unforeseen_failure_on_one_input_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.reader

    real = ingest.reader.read_page

    def fragile(lines: list[str]):
        if lines and lines[0].startswith("Poison"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(lines)

    monkeypatch.setattr(ingest.reader, "read_page", fragile)
    (tmp_path / "a.txt").write_text("Poison pill.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The ministers met in Riga.\n", encoding="utf-8")
    error, article = read(tmp_path)
    assert isinstance(error, ReadError)
    assert (
        str(error) == f"{tmp_path / 'a.txt'}: cannot read (RecursionError: maximum recursion depth exceeded)"
    )
    assert article.id == "b"


def test_a_million_character_page_is_read_in_linear_time(tmp_path: Path) -> None:
    import time

    paragraph = (
        "Juris Ozols met Ana Lopes in Riga on Monday, and the two ministers agreed to widen exchanges. "
    )
    wrapped = "\n".join(paragraph[i : i + 60] for i in range(0, len(paragraph), 60))
    path = tmp_path / "long.txt"
    path.write_text(" date 2024-01-02 RIGA — " + "\n\n".join([wrapped] * 10_000), encoding="utf-8")
    start = time.perf_counter()
    [article] = read(path)
    assert len(article.text) > 900_000
    assert time.perf_counter() - start < 10
