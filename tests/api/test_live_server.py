"""The real server: `milgraph serve` under uvicorn on a free loopback port, queried by real SPARQL clients."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import httpx
import pytest
from rdflib import Graph, Literal
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from server_process import free_port, stop, wait_until_answering
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

MILGRAPH = str(Path(sys.executable).parent / "milgraph")
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
# About twenty million rows to count on the samples: seconds of work, past the 0.5 s limit.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?h }"
LATVIA = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s skos:notation "LVA" ; skos:prefLabel ?l }"""


@pytest.fixture(scope="module")
def server(backend: str, seeded_store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `milgraph serve` process on the backend's seeded data; yields its base URL, stops it by pid."""
    if backend == "remote":
        location = seeded_store.location
    else:
        # The seeded embedded store is locked by this process: the server gets its own copy.
        location = str(tmp_path_factory.mktemp("served-store"))
        subprocess.run(
            [MILGRAPH, "ingest", str(SAMPLES), "--store", location], check=True, capture_output=True
        )
    port = free_port()
    log = tmp_path_factory.mktemp("server-log") / "stdout"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [MILGRAPH, "serve", "--store", location, "--port", str(port)],
            stdout=out,
            stderr=subprocess.PIPE,
            env={**os.environ, "MILGRAPH_QUERY_TIMEOUT": "0.5"},
        )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(proc, f"{url}/health", name="milgraph serve")
    assert f"API docs at {url}/docs" in log.read_text()
    try:
        yield url
    finally:
        stop(proc)


def sparql(url: str, query: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client


def test_sparqlwrapper_reads_json_xml_csv_and_tsv(server):
    as_json = sparql(server, PEOPLE, JSON).query().convert()
    names = [b["name"]["value"] for b in as_json["results"]["bindings"]]
    assert "Zakir Hasanov" in names
    as_xml = sparql(server, PEOPLE, XML).query().convert()
    assert [n.firstChild.data for n in as_xml.getElementsByTagName("literal")] == names
    as_csv = sparql(server, PEOPLE, CSV).query().convert().decode()
    assert [row["name"] for row in csv.DictReader(io.StringIO(as_csv))] == names
    as_tsv = sparql(server, PEOPLE, TSV).query().convert().decode()
    assert [line.strip('"') for line in as_tsv.splitlines()[1:]] == names


def test_sparqlwrapper_reads_a_construct_as_turtle(server):
    turtle = sparql(server, LATVIA, TURTLE).query().convert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert list(graph.objects()) == [Literal("Latvia", lang="en")]


def test_rdflib_sparqlstore_selects_and_constructs(server):
    graph = Graph(store=SPARQLStore(query_endpoint=f"{server}/sparql"))
    assert "Artis Pabriks" in {str(row.name) for row in graph.query(PEOPLE)}
    constructed = graph.query(LATVIA).graph
    assert list(constructed.objects()) == [Literal("Latvia", lang="en")]


def test_a_bad_query_is_reported_and_the_server_serves_on(server):
    with pytest.raises(QueryBadFormed, match="1:"):
        sparql(server, "SELECT * WHERE { ?s ?p }", JSON).query()
    refused = httpx.post(
        f"{server}/update", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
    )
    assert refused.status_code == 403
    assert httpx.get(f"{server}/country/Latvia/relations").json()["party"]["code"] == "LVA"
    assert httpx.get(f"{server}/docs").status_code == 200


def test_a_query_past_the_timeout_is_stopped_and_the_server_serves_on(server):
    with pytest.raises(HTTPError) as refused:
        sparql(server, EXPENSIVE, JSON).query()
    assert refused.value.code == 503
    assert "0.5 s" in refused.value.read().decode()
    assert sparql(server, "ASK { ?s ?p ?o }", JSON).query().convert()["boolean"] is True
