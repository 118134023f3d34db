"""The `milgraph` command given what a clumsy user types: one clear error line, no traceback, nothing lost."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import sys
import threading
from pathlib import Path

import pytest

PEOPLE = "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name }"
TEXT = "Latvian Defence Minister Artis Pabriks met Estonian Defence Minister Mart Kask in Riga on 3 May 2023."


def assert_one_error(run, status: int, says: str) -> None:
    assert run.status == status
    assert says in run.err
    assert "Traceback" not in run.err


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_removing_an_empty_id_is_a_usage_error(milgraph, sample_store) -> None:
    run = milgraph("remove", "", "--store", sample_store)
    assert_one_error(run, 2, "an article id cannot be empty")


@pytest.mark.parametrize(
    ("argv", "position"),
    [
        (("remove", "caf\udce9"), 3),
        (("query", 'SELECT * WHERE { ?s ?p "caf\udce9" }'), 27),
    ],
)
def test_an_argument_that_is_not_utf8_is_a_usage_error(milgraph, sample_store, argv, position) -> None:
    # A shell passes the bytes of a Latin-1 "café"; Python hands them over as a lone surrogate.
    run = milgraph(*argv, "--store", sample_store)
    assert_one_error(run, 2, f"not valid UTF-8 text (at character {position})")


def test_a_query_on_stdin_that_is_not_utf8_names_the_byte(milgraph, sample_store, monkeypatch) -> None:
    stdin_bytes(monkeypatch, b'SELECT * WHERE { ?s ?p "caf\xe9" }')
    run = milgraph("query", "-", "--store", sample_store)
    assert_one_error(run, 2, "standard input is not valid UTF-8 (at byte 27)")


def test_a_query_file_with_a_byte_order_mark_runs(milgraph, sample_store, tmp_path: Path) -> None:
    query = tmp_path / "people.rq"
    query.write_bytes(b"\xef\xbb\xbf" + PEOPLE.encode("utf-8"))
    run = milgraph("query", f"@{query}", "--format", "csv", "--store", sample_store)
    assert run.status == 0, run.err
    assert "Zakir Hasanov" in run.out


def test_an_article_whose_url_no_graph_can_hold_is_skipped_naming_it(milgraph, tmp_path: Path) -> None:
    articles = tmp_path / "wire.jsonl"
    lines = [{"id": "wire-1", "text": TEXT, "url": "not a url"}, {"id": "wire-2", "text": TEXT}]
    articles.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    run = milgraph("ingest", articles, "--store", store)
    assert_one_error(run, 1, f"skipped {articles}:1: field 'url' is not an absolute URL: 'not a url'")
    assert milgraph("stats", "--store", store).out.split()[:2] == ["articles", "1"]


@pytest.mark.parametrize(
    "command", [("stats",), ("query", PEOPLE), ("export", "--format", "trig"), ("remove", "x")]
)
def test_a_reading_command_on_a_missing_store_says_so_and_creates_nothing(
    milgraph, tmp_path: Path, command
) -> None:
    missing = tmp_path / "typo"
    run = milgraph(*command, "--store", missing)
    assert_one_error(run, 2, f"no store at {missing}: 'milgraph ingest PATH --store {missing}' creates one")
    assert not missing.exists()


def test_a_store_url_of_another_scheme_is_refused_not_made_a_folder(
    milgraph, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = milgraph("ingest", tmp_path, "--store", "ftp://example.org/store")
    assert_one_error(run, 2, "ftp:// is not a store")
    assert list(tmp_path.iterdir()) == []


def test_serving_on_a_taken_port_is_one_error_and_announces_nothing(milgraph) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        run = milgraph("serve", "--store", ":memory:", "--port", port)
    assert_one_error(run, 2, f"cannot listen on 127.0.0.1 port {port}: Address already in use")
    assert "serving" not in run.out


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(
    milgraph, sample_store, tmp_path: Path
) -> None:
    target = tmp_path / "graph.nq"
    target.write_text("old\n")
    target.chmod(0o600)
    link = tmp_path / "latest.nq"
    link.symlink_to(target)
    run = milgraph("export", "--format", "nquads", "-o", link, "--store", sample_store)
    assert run.status == 0, run.err
    assert link.is_symlink()
    assert "<https://w3id.org/milgraph/id/state/LVA>" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_to_a_named_pipe_writes_into_it(milgraph, sample_store, tmp_path: Path) -> None:
    pipe = tmp_path / "graph.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    run = milgraph("export", "--format", "ntriples", "-o", pipe, "--store", sample_store)
    reader.join(timeout=30)
    assert run.status == 0, run.err
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert b"<https://w3id.org/milgraph/id/state/LVA>" in received[0]


def test_a_table_shows_control_characters_instead_of_sending_them_to_the_terminal(
    milgraph, sample_store
) -> None:
    # A literal read from an article could hold an ANSI escape sequence that clears the screen.
    query = 'SELECT ?text WHERE { BIND("red\\u001B[2Jalert\\rover" AS ?text) }'
    run = milgraph("query", query, "--store", sample_store)
    assert run.status == 0, run.err
    assert "\x1b" not in run.out
    assert "\r" not in run.out
    assert "red\\x1b[2Jalert\\x0dover" in run.out
