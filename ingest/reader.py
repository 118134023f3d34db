"""Read articles from `.txt` files in the seed format and from JSON Lines files.

A `.txt` file may be a web page as stored: `ingest.page` sets its header (publication
date, byline) and its furniture apart from the article's paragraphs.
Bad input never raises: each problem is yielded as a `ReadError` naming the file
(and line, for JSON Lines) and the reading goes on with the next article, whatever
the failure (even one no check foresaw, such as JSON nested too deeply to parse).
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ingest.page import read_page
from ingest.records import Article, PartialDate

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# spaCy's own default `max_length`: its parser needs about 1 GB per 100,000 characters, and a
# news article is a few thousand. A longer text is almost certainly not one article.
MAX_ARTICLE_CHARS = 1_000_000
SUFFIXES = (".txt", ".jsonl")
NUL = b"\x00"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# An absolute IRI, as RDF needs for schema:url: a scheme, then no spaces or delimiters.
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]+")


class ReadError(Exception):
    """An input file or line that could not be read as an article."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        # A file name that is not valid UTF-8 comes back from the OS with surrogate escapes,
        # which no terminal or log can print: show its bytes instead.
        self.path = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{shown(self.path, self.line)}: {self.reason}"


def shown(path: str, line: int | None = None) -> str:
    """A file name (and line) fit for one line of a log: quoted, with escapes, if it holds a line
    break or another control character, which would otherwise let a name forge log lines."""
    where = path if path.isprintable() else repr(path)
    return where if line is None else f"{where}:{line}"


def read_articles(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Article | ReadError]:
    """Yield every article under `paths` (files, or folders searched recursively), in a stable order.

    An article id met a second time in the same run is reported and skipped, so that one input
    never silently replaces another.
    """
    first_seen: dict[str, str] = {}
    for item in _read_paths(paths, max_bytes):
        if isinstance(item, Article):
            if item.id in first_seen:
                item = ReadError(
                    item.path or "",
                    f"article id {item.id!r} was already read from {first_seen[item.id]}; skipped",
                    item.line,
                )
            else:
                first_seen[item.id] = shown(item.path or "", item.line)
        yield item


def _read_paths(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Article | ReadError]:
    for path in map(Path, paths):
        try:
            yield from _read_path(path, max_bytes)
        except OSError as err:
            yield ReadError(path, f"cannot read: {err.strerror or err}")


def _read_path(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    if path.is_dir():
        files, errors = _files_under(path)
        yield from errors
        for file in files:
            yield from _read_file(file, max_bytes)
    elif path.is_file():
        if path.suffix not in SUFFIXES:
            yield ReadError(path, f"unknown file type {path.suffix or '(none)'!r}; expected .txt or .jsonl")
        else:
            yield from _read_file(path, max_bytes)
    else:
        yield ReadError(path, _not_a_file(path))


def _files_under(folder: Path) -> tuple[list[Path], list[ReadError]]:
    """Article files below `folder`, sorted; folders that cannot be listed are errors, not silence."""
    errors: list[ReadError] = []

    def unreadable(err: OSError) -> None:
        errors.append(ReadError(err.filename or folder, f"cannot list folder: {err.strerror or err}"))

    files = []
    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root, name)
            if path.suffix not in SUFFIXES:
                continue
            if path.is_file():
                files.append(path)
            else:
                errors.append(ReadError(path, _not_a_file(path)))
    return sorted(files), errors


def _not_a_file(path: Path) -> str:
    """Why `path`, which is neither a regular file nor a folder (after links), is not read."""
    if path.is_symlink():
        try:
            path.stat()
        except OSError as err:
            if err.errno == errno.ELOOP:
                return "symbolic link loop; not read"
            return f"symbolic link to {shown(os.readlink(path))}, which does not exist; not read"
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
    )
    kind = next((name for test, name in kinds if test(mode)), None)
    return f"not a regular file ({kind}); not read" if kind else "not a regular file or folder"


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        yield ReadError(path, "file name is not valid UTF-8; rename the file")
        return
    if path.suffix == ".jsonl":
        try:
            yield from _read_jsonl(path, max_bytes)
        except OSError as err:
            yield ReadError(path, f"cannot read: {err.strerror or err}")
        return
    try:
        text = _decode(_load_bytes(path, max_bytes), path)
        article = _parse_txt(path, text)
    except ReadError as err:
        yield err
        return
    except Exception as err:  # one bad file must not end the ingest
        yield _unexpected(path, err)
        return
    yield article


def _unexpected(path: Path, err: Exception, line: int | None = None) -> ReadError:
    """A failure no check foresaw, still reported against its input so that the others are read."""
    return ReadError(path, f"cannot read ({type(err).__name__}: {err})"[:300], line)


def _load_bytes(path: Path, max_bytes: int) -> bytes:
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
    return data


def _decode(data: bytes, path: Path, line: int | None = None) -> str:
    if data.startswith(UTF16_BOMS):
        raise ReadError(path, "UTF-16 text; save it as UTF-8", line)
    if _looks_like_utf16(data):
        raise ReadError(path, "UTF-16 text without a byte order mark; save it as UTF-8", line)
    if NUL in data:
        raise ReadError(path, f"binary file (NUL byte at byte {data.index(NUL)})", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError(
            path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at byte {err.start})", line
        ) from None


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 has a NUL in every other byte wherever it is ASCII, as most of any English
    text is; binary data has its NULs anywhere."""
    sample = data[:4096]
    if len(sample) < 4 or NUL not in sample:
        return False
    halves = (sample[0::2], sample[1::2])
    return any(
        half.count(0) >= 0.9 * len(half) and other.count(0) == 0
        for half, other in zip(halves, halves[::-1], strict=True)
    )


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | ReadError]:
    """Stream a JSON Lines file: it may hold any number of articles, each line within the limits."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield ReadError(path, f"cannot read: {err.strerror or err}")
        return
    found = False
    with handle:
        for number, data in enumerate(_lines(handle, max_bytes), start=1):
            if data is None:
                found = True
                yield ReadError(path, f"line is over the limit of {max_bytes:,} bytes", number)
                continue
            if not data.strip():
                continue
            found = True
            try:
                item = json.loads(_decode(data, path, number))
            except ReadError as err:
                yield err
                continue
            except json.JSONDecodeError as err:
                yield ReadError(path, f"not valid JSON ({err.msg} at column {err.colno})", number)
                continue
            except RecursionError:
                yield ReadError(path, "JSON nested too deeply to read", number)
                continue
            except Exception as err:  # one bad line must not end the ingest
                yield _unexpected(path, err, number)
                continue
            try:
                yield _article_from_json(item, path, number)
            except ValueError as err:
                yield ReadError(path, str(err), number)
            except Exception as err:
                yield _unexpected(path, err, number)
    if not found:
        yield ReadError(path, "file is empty")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines; None for a line over `max_bytes`, which is skipped without holding it."""
    while data := handle.readline(max_bytes + 1):
        if len(data) > max_bytes and not data.endswith(b"\n"):
            while (rest := handle.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield data


def _parse_txt(path: Path, raw: str) -> Article | ReadError:
    page = read_page(raw.splitlines())
    published: PartialDate | None = None
    if page.date:
        try:
            published = PartialDate(page.date.year, page.date.month, page.date.day)
            _check_calendar(published)
        except ValueError:
            line = (page.date_line or 0) + 1
            return ReadError(path, f"header date {page.date.text!r} is not a calendar date", line)
    if not page.paragraphs:
        return ReadError(path, "no article text after the header")
    text = "\n\n".join(page.paragraphs)
    if len(text) > MAX_ARTICLE_CHARS:
        return ReadError(
            path, f"article is {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}"
        )
    return Article(
        id=path.stem,
        text=text,
        published=published,
        source=page.source,
        path=str(path),
    )


def _article_from_json(item: object, path: Path, line: int) -> Article:
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object, got {type(item).__name__}")
    for key in ("id", "text"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ValueError(f"field {key!r} must be a non-empty string")
    for key in ("published", "source", "url"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise ValueError(f"field {key!r} must be a string")
    for key in ("id", "text", "source", "url"):
        try:
            (item.get(key) or "").encode("utf-8")
        except UnicodeEncodeError:
            # JSON can spell an unpaired surrogate ("\\udfff"), which is not text.
            raise ValueError(f"field {key!r} is not valid Unicode (an unpaired surrogate)") from None
    if len(item["text"]) > MAX_ARTICLE_CHARS:
        raise ValueError(
            f"field 'text' is {len(item['text']):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}"
        )
    if item.get("url") and not IRI.fullmatch(item["url"]):
        raise ValueError(f"field 'url' is not an absolute URL: {item['url']!r}")
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
        line=line,
    )


def _check_calendar(date: PartialDate) -> None:
    """Raise ValueError for impossible dates such as 2022-02-30."""
    if date.year is not None and date.month is not None:
        datetime.date(date.year, date.month, date.day or 1)
