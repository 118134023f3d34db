"""The query lane of /sparql: worker processes on the embedded store, their limits, and what they see."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from graph import open_store

TOKEN = "lane-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Several million rows on the samples: seconds of work.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?h }"
# Every pair of triples, sorted: memory grows with the square of the store.
MEMORY_BOMB = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
SAID = "ASK { <urn:lane/a> <urn:lane/said> 'hello' }"


def gone(pid: int, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while Path(f"/proc/{pid}").exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.fixture
def directory_store(tmp_path: Path):
    """An empty embedded store in a directory, for tests that write: its queries run in workers."""
    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()


@pytest.fixture(params=["directory", "memory"])
def writable_store(request):
    return request.getfixturevalue(f"{request.param}_store")


def test_a_worker_past_the_deadline_is_killed_and_another_serves_on(seeded_store, make_client, backend):
    if backend != "embedded":
        pytest.skip("a remote server stops its own queries")
    impatient = make_client(seeded_store, query_timeout=0.3, query_workers=1)
    assert impatient.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    [runaway] = impatient.app.state.queries.pool.worker_pids()
    assert impatient.get("/sparql", params={"query": EXPENSIVE}).status_code == 503
    assert gone(runaway), "the worker of the stopped query is still running"
    assert impatient.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    assert impatient.app.state.queries.pool.worker_pids() != [runaway]


def test_workers_read_what_was_written_after_they_opened_the_store(writable_store, make_client):
    writable = make_client(writable_store, write_token=TOKEN)
    assert writable.get("/sparql", params={"query": SAID}).json()["boolean"] is False
    insert = "INSERT DATA { GRAPH <urn:lane/g> { <urn:lane/a> <urn:lane/said> 'hello' } }"
    assert writable.post("/sparql", data={"update": insert}, headers=AUTH).status_code == 204
    assert writable.get("/sparql", params={"query": SAID}).json()["boolean"] is True
    assert writable.post("/sparql", data={"update": "CLEAR ALL"}, headers=AUTH).status_code == 204
    assert writable.get("/sparql", params={"query": SAID}).json()["boolean"] is False


def test_an_ingested_article_is_in_the_next_query(directory_store, make_client):
    writable = make_client(directory_store, write_token=TOKEN)
    article = {"id": "lane-001", "text": "Latvian Defence Minister Artis Pabriks visited Baku on May 3."}
    assert writable.post("/articles", json=article, headers=AUTH).status_code == 200
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = writable.get("/sparql", params={"query": count}).json()["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) > 0


def test_a_query_waiting_past_the_queue_bound_is_told_to_retry_while_rest_routes_answer(
    seeded_store, make_client, backend
):
    if backend != "embedded":
        pytest.skip("a remote server would go on computing the heavy query after milgraph gives up")
    busy = make_client(seeded_store, query_workers=1, query_queue_timeout=0.3, query_timeout=3)
    assert busy.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    heavy = threading.Thread(target=busy.get, args=("/sparql",), kwargs={"params": {"query": EXPENSIVE}})
    heavy.start()
    time.sleep(0.3)
    try:
        refused = busy.get("/sparql", params={"query": "ASK {}"})
        assert refused.status_code == 503
        assert "busy with other queries for 0.3 s" in refused.json()["detail"]
        assert int(refused.headers["Retry-After"]) >= 1
        started = time.monotonic()
        assert busy.get("/health").status_code == 200
        assert busy.get("/country/Latvia/relations").status_code == 200
        assert time.monotonic() - started < 2, "REST routes waited for the query worker"
    finally:
        heavy.join()
    assert busy.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_query_over_the_memory_cap_is_stopped_naming_the_limit(writable_store, make_client):
    capped = make_client(writable_store, write_token=TOKEN, query_memory_mb=64, query_timeout=30)
    triples = " ".join(f"<urn:lane/s{i}> <urn:lane/p> 'value number {i}' ." for i in range(3000))
    insert = f"INSERT DATA {{ GRAPH <urn:lane/g> {{ {triples} }} }}"
    assert capped.post("/sparql", data={"update": insert}, headers=AUTH).status_code == 204
    refused = capped.get("/sparql", params={"query": MEMORY_BOMB})
    assert refused.status_code == 503
    assert "64 MB" in refused.json()["detail"]
    assert capped.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
    assert capped.get("/health").status_code == 200


def test_workers_end_with_the_app(directory_store, make_client):
    client = make_client(directory_store, query_workers=2)
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    pids = client.app.state.queries.pool.worker_pids()
    assert len(pids) == 2 and all(Path(f"/proc/{pid}").exists() for pid in pids)
    client.__exit__(None, None, None)
    assert all(gone(pid) for pid in pids)
    assert os.getpid() not in pids
