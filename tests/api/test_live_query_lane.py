"""A real `milgraph serve`: a client that gives up on its query frees the query worker at once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_process import free_port, stop, wait_until_answering

from graph import open_store

pytestmark = pytest.mark.slow

MILGRAPH = str(Path(sys.executable).parent / "milgraph")
# Nine million pairs of triples on the store below: seconds of work.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER(STR(?c) < STR(?f)) }"


@pytest.fixture(scope="module")
def one_worker_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    location = str(tmp_path_factory.mktemp("lane-store"))
    store = open_store(location)
    triples = " ".join(f"<urn:live/s{i}> <urn:live/p> 'value {i}' ." for i in range(3000))
    store.update(f"INSERT DATA {{ GRAPH <urn:live/g> {{ {triples} }} }}")
    store.close()
    port = free_port()
    settings = {
        "MILGRAPH_QUERY_WORKERS": "1",
        "MILGRAPH_QUERY_TIMEOUT": "20",
        "MILGRAPH_QUERY_QUEUE_TIMEOUT": "3",
    }
    proc = subprocess.Popen(
        [MILGRAPH, "serve", "--store", location, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **settings},
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(proc, f"{url}/health", name="milgraph serve")
    try:
        yield url
    finally:
        stop(proc)


def test_a_client_that_goes_away_frees_its_query_worker(one_worker_server: str) -> None:
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(f"{one_worker_server}/sparql", params={"query": HEAVY}, timeout=0.5)
    # The only worker would be busy for seconds more, past the 3 s wait for a free one.
    answer = httpx.get(f"{one_worker_server}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.json()["boolean"] is True
