"""Inputs that are not articles are each named with a reason, never skipped silently or misnamed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ingest.reader import ReadError, read_articles

TEXT = "The defence ministers met in the capital and signed a memorandum on training."


def reasons(folder: Path) -> dict[str, str]:
    return {
        Path(item.path).name: str(item) for item in read_articles([folder]) if isinstance(item, ReadError)
    }


def test_links_that_lead_nowhere_and_pipes_in_a_folder_are_each_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    found = reasons(tmp_path)
    assert found["gone.txt"].endswith(
        f"symbolic link to {tmp_path / 'missing.txt'}, which does not exist; not read"
    )
    assert found["loop.txt"].endswith("symbolic link loop; not read")
    assert found["pipe.txt"].endswith("not a regular file (a named pipe); not read")
    assert [a.id for a in read_articles([tmp_path]) if not isinstance(a, ReadError)] == ["good"]


def test_a_dangling_link_given_by_name_is_named_as_such(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    [error] = read_articles([link])
    assert error.reason.startswith("symbolic link to")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_utf16_not_binary(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "wide.txt").write_bytes("Ministers met in Tallinn and Riga.".encode(encoding))
    [error] = read_articles([tmp_path])
    assert error.reason == "UTF-16 text without a byte order mark; save it as UTF-8"


def test_binary_data_with_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [error] = read_articles([tmp_path])
    assert error.reason.startswith("binary file")


@pytest.mark.parametrize("name", ["two\nlines.txt", "carriage\rreturn.txt", "bell\x07.txt"])
def test_a_file_name_with_a_control_character_is_quoted_on_one_line(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    [error] = read_articles([tmp_path])
    message = str(error)
    assert "\n" not in message and "\r" not in message and "\x07" not in message
    assert repr(str(tmp_path / name)) in message


def test_a_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"wire-{n % 3}", "text": TEXT}) for n in range(5)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    errors = [item for item in read_articles([tmp_path]) if isinstance(item, ReadError)]
    feed = tmp_path / "feed.jsonl"
    assert [str(error) for error in errors] == [
        f"{feed}:4: article id 'wire-0' was already read from {feed}:1; skipped",
        f"{feed}:5: article id 'wire-1' was already read from {feed}:2; skipped",
    ]
