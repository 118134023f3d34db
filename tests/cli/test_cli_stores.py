"""Choosing the store: the environment default, a live SPARQL server, and stores that cannot be used."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

PEOPLE = (
    "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?person a schema:Person ; schema:name ?name }"
)


def test_the_store_defaults_to_the_environment_setting(
    milgraph, samples, sample_ids, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = tmp_path / "from-env"
    monkeypatch.setenv("MILGRAPH_STORE", str(location))
    assert milgraph("ingest", samples / f"{sample_ids[0]}.txt").status == 0
    run = milgraph("stats")
    assert run.status == 0, run.err
    assert run.out.startswith("articles")
    assert run.out.splitlines()[0].split() == ["articles", "1"]
    assert location.is_dir()


@pytest.mark.slow
def test_ingest_and_query_a_live_sparql_server(milgraph, samples, oxigraph_server: str) -> None:
    # The session's server also holds the seeded samples; ingesting the same articles is idempotent.
    run = milgraph("ingest", samples, "--store", oxigraph_server)
    assert run.status == 0, run.err
    added, unchanged = (
        int(re.search(rf"articles {what}\s+(\d+)", run.out)[1]) for what in ("added", "unchanged")
    )
    assert added + unchanged == 5
    run = milgraph("query", PEOPLE, "--format", "csv", "--store", oxigraph_server)
    assert run.status == 0, run.err
    assert "Zakir Hasanov" in run.out.splitlines()


def test_an_unreachable_server_is_a_clear_error(milgraph) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    run = milgraph("stats", "--store", url)
    assert run.status == 2
    assert run.err.startswith("milgraph: error: ")
    assert f"{url}/query is unreachable" in run.err
    assert run.err.count("\n") == 1


def test_a_username_without_a_password_is_refused(milgraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MILGRAPH_STORE_USERNAME", "analyst")
    run = milgraph("stats", "--store", "http://127.0.0.1:7878")
    assert run.status == 2
    assert run.err == (
        "milgraph: error: invalid store settings for http://127.0.0.1:7878: "
        "give both a username and a password for the remote store, or neither\n"
    )
