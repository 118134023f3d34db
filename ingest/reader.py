"""Read articles from `.txt` files in the seed format and from JSON Lines files.

Bad input never raises: each problem is yielded as a `ReadError` naming the file
(and line, for JSON Lines) and the reading goes on with the next article.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.records import Article, PartialDate

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".jsonl")
NUL = b"\x00"

# The seed header: " date 2022-04-27 By Azernews", "By Azernews", or a date followed by page-widget noise.
# A by-line is short and is not a sentence.
HEADER = re.compile(
    r"^\s*(?:date\s+(?P<date>\d{4}-\d\d-\d\d)\b)?(?:.*?\bBy\s+(?P<source>.{0,59}?[^.\s])\s*$)?"
)
# Lines with no word of three letters are page furniture ("---", "+ ↺ − 16 px"), not prose.
PROSE = re.compile(r"[^\W\d_]{3,}")


class ReadError(Exception):
    """An input file or line that could not be read as an article."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def read_articles(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article | ReadError]:
    """Yield every article under `paths` (files, or folders searched recursively), in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            for file in found:
                yield from _read_file(file, max_bytes)
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                yield ReadError(
                    path, f"unknown file type {path.suffix or '(none)'!r}; expected .txt or .jsonl"
                )
            else:
                yield from _read_file(path, max_bytes)
        elif path.exists():
            yield ReadError(path, "not a regular file or folder")
        else:
            yield ReadError(path, "no such file or folder")


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    try:
        text = _load_text(path, max_bytes)
    except ReadError as err:
        yield err
        return
    if path.suffix == ".jsonl":
        yield from _parse_jsonl(path, text)
    else:
        yield _parse_txt(path, text)


def _load_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(path, f"cannot read: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise ReadError(path, f"file is over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise ReadError(path, "file is empty")
    if NUL in data:
        raise ReadError(path, f"binary file (NUL byte at byte {data.index(NUL)})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError(path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at byte {err.start})") from None


def _parse_txt(path: Path, raw: str) -> Article | ReadError:
    lines = raw.splitlines()
    published: PartialDate | None = None
    source: str | None = None
    header = HEADER.match(lines[0]) if lines else None
    if header and (header["date"] or header["source"]):
        if header["date"]:
            try:
                published = PartialDate.parse(header["date"])
                _check_calendar(published)
            except ValueError:
                return ReadError(path, f"header date {header['date']!r} is not a calendar date", 1)
        source = header["source"]
        lines = lines[1:]
    paragraphs = [line.strip() for line in lines if PROSE.search(line)]
    if not paragraphs:
        return ReadError(path, "no article text after the header")
    return Article(
        id=path.stem,
        text="\n\n".join(paragraphs),
        published=published,
        source=source,
        path=str(path),
    )


def _parse_jsonl(path: Path, raw: str) -> Iterator[Article | ReadError]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadError(path, f"not valid JSON ({err.msg} at column {err.colno})", number)
            continue
        try:
            yield _article_from_json(item, path)
        except ValueError as err:
            yield ReadError(path, str(err), number)


def _article_from_json(item: object, path: Path) -> Article:
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object, got {type(item).__name__}")
    for key in ("id", "text"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ValueError(f"field {key!r} must be a non-empty string")
    for key in ("published", "source", "url"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise ValueError(f"field {key!r} must be a string")
    published = None
    if item.get("published"):
        try:
            published = PartialDate.parse(item["published"])
            _check_calendar(published)
        except ValueError:
            raise ValueError(f"field 'published' is not a date: {item['published']!r}") from None
    return Article(
        id=item["id"],
        text=item["text"],
        published=published,
        source=item.get("source"),
        url=item.get("url"),
        path=str(path),
    )


def _check_calendar(date: PartialDate) -> None:
    """Raise ValueError for impossible dates such as 2022-02-30."""
    if date.year is not None and date.month is not None:
        datetime.date(date.year, date.month, date.day or 1)
