"""Hostile and clumsy requests to /sparql and /update: a clear 4xx, nothing fetched or changed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPDATE = "application/sparql-update"
NOTE = 'INSERT DATA { GRAPH <urn:notes> { <urn:note/1> <urn:says> "checked" } }'
NOTES = "ASK { GRAPH <urn:notes> { ?s ?p ?o } }"


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback TCP server that records what connects to it: its base URL and the requests seen."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                seen.append(connection.recv(4096))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", seen
    stop.set()
    thread.join()
    server.close()


@pytest.fixture
def writable(memory_store, make_client):
    client = make_client(memory_store, write_token=TOKEN)
    assert client.post("/update", content=NOTE, headers={**AUTH, "Content-Type": UPDATE}).status_code == 204
    return client


def notes_kept(client) -> bool:
    return client.get("/sparql", params={"query": NOTES}).json()["boolean"]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b ?c . service silent <{url}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { VALUES ?e { <{url}/sparql> } SERVICE ?e { ?s ?p ?o } }",
        # A quote escaped in a prefixed name opens no string that could hide the keyword.
        "PREFIX ex: <urn:x:> SELECT * WHERE { ?s ex:a\\' ?o . SERVICE <{url}/q> { ?s ?p ?o } ?s ex:b 'x' }",
        # An escaped backslash ends the string at the next quote, before the keyword.
        "SELECT * WHERE { BIND('a\\\\' AS ?x) SERVICE <{url}/q> { ?s ?p ?o } }",
        # Spelt with a code point escape, which some servers decode before parsing.
        "SELECT * WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }",
    ],
)
def test_a_service_clause_is_refused_and_fetches_nothing(writable, listener, query):
    url, seen = listener
    response = writable.get("/sparql", params={"query": query.replace("{url}", url)})
    assert response.status_code == 403
    assert "SERVICE" in response.json()["detail"]
    assert seen == []


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <{url}/data.ttl>",
        "LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:g>",
        "INSERT { GRAPH <urn:g> { ?s ?p ?o } } WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_that_fetch_are_refused_even_with_the_token(writable, listener, update):
    url, seen = listener
    for route in ("/update", "/sparql"):
        response = writable.post(
            route, content=update.replace("{url}", url), headers={**AUTH, "Content-Type": UPDATE}
        )
        assert response.status_code == 403
        assert "not run here" in response.json()["detail"]
    assert seen == []
    assert notes_kept(writable)


def test_the_keywords_inside_names_strings_and_iris_are_not_refused(writable):
    query = """PREFIX service: <urn:service:> PREFIX ex: <urn:x:>
    SELECT ?service ?load WHERE {
      GRAPH <urn:notes> { ?service ?load ?o }  # SERVICE in a comment
      BIND("SERVICE <http://example.org/>" AS ?text) BIND(service:load AS ?x) BIND(ex:SERVICE-LOAD AS ?y)
      BIND(<urn:LOAD> AS ?z) BIND("x"@load AS ?w)
    }"""
    response = writable.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["service"]["value"] == "urn:note/1"


def test_a_form_with_both_a_query_and_an_update_is_400_and_applies_neither(writable):
    form = {"query": "SELECT * WHERE { ?s ?p ?o }", "update": "DROP ALL"}
    response = writable.post("/sparql", data=form, headers=AUTH)
    assert response.status_code == 400
    assert "both a 'query' and an 'update'" in response.json()["detail"]
    assert notes_kept(writable)


@pytest.mark.parametrize("query", ["", "   \n"])
def test_an_empty_query_is_400_saying_so(writable, query):
    response = writable.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert response.json()["detail"] == "the query is empty"


@pytest.mark.parametrize(
    ("parameter", "uri"),
    [("default-graph-uri", "not an iri"), ("named-graph-uri", ""), ("default-graph-uri", "urn:a%zz")],
)
def test_a_dataset_graph_that_is_not_an_iri_is_400_naming_it(writable, parameter, uri):
    response = writable.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", parameter: uri})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{parameter} {uri!r} is not an absolute IRI")


def test_a_body_over_the_limit_is_413_before_anything_runs(writable):
    from api.limits import MAX_BODY_BYTES

    huge = NOTE.replace("checked", "x" * MAX_BODY_BYTES)
    response = writable.post("/update", content=huge, headers={**AUTH, "Content-Type": UPDATE})
    assert response.status_code == 413
    assert f"{MAX_BODY_BYTES:,} bytes" in response.json()["detail"]

    def chunks() -> Iterator[bytes]:
        # Sent without Content-Length, so the size is only known while reading.
        yield b"SELECT * WHERE { ?s ?p ?o } #"
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b"x" * 65536

    streamed = writable.post(
        "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}
    )
    assert streamed.status_code == 413
    assert notes_kept(writable)


def test_a_blank_write_token_leaves_the_server_read_only(memory_store, make_client):
    client = make_client(memory_store, write_token="  ")
    description = client.get("/sparql").text
    assert "SPARQL11Query" in description
    assert "SPARQL11Update" not in description
    response = client.post(
        "/update", content=NOTE, headers={"Authorization": "Bearer   ", "Content-Type": UPDATE}
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
