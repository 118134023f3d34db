"""The SPARQL 1.1 Protocol at /sparql and /update, through the test client."""

import csv
import io
import json
import multiprocessing
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Namespace, URIRef

TOKEN = "s3cret-test-token"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
LATVIA = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s skos:notation "LVA" ; skos:prefLabel ?l }"""
ARTICLE_004 = "https://w3id.org/milgraph/graph/article/004_23ce66ccd23087cf"
# 457 triples twice over, times every typed node: about twenty million rows to count.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g a ?h }"


def names_in_json(response) -> list[str]:
    return [b["name"]["value"] for b in response.json()["results"]["bindings"]]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
        ("text/*", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
    ],
)
def test_select_answers_in_the_negotiated_format(client, accept, media_type):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": PEOPLE}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Zakir Hasanov" in response.text


def test_the_same_rows_in_every_results_format(client):
    expected = names_in_json(client.get("/sparql", params={"query": PEOPLE}))
    assert "Artis Pabriks" in expected
    as_csv = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "text/csv"}).text
    assert [row["name"] for row in csv.DictReader(io.StringIO(as_csv))] == expected
    as_tsv = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "text/tab-separated-values"})
    assert [line.strip('"') for line in as_tsv.text.splitlines()[1:]] == expected
    as_xml = client.get(
        "/sparql", params={"query": PEOPLE}, headers={"Accept": "application/sparql-results+xml"}
    )
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [e.text for e in ElementTree.fromstring(as_xml.content).iterfind(".//r:literal", ns)] == expected


def test_post_form_and_post_direct_answer_like_get(client):
    expected = names_in_json(client.get("/sparql", params={"query": PEOPLE}))
    assert names_in_json(client.post("/sparql", data={"query": PEOPLE})) == expected
    direct = client.post("/sparql", content=PEOPLE, headers={"Content-Type": "application/sparql-query"})
    assert names_in_json(direct) == expected


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/sparql-results+json;q=1, text/turtle;q=0.1", "text/turtle", "turtle"),
    ],
)
def test_construct_answers_in_the_negotiated_rdf_format(client, accept, media_type, rdflib_format):
    response = client.get("/sparql", params={"query": LATVIA}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert [str(label) for label in graph.objects()] == ["Latvia"]


def test_ask(client):
    response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert response.json()["boolean"] is True


def test_default_and_named_graph_uris_set_the_dataset(client):
    only_004 = client.get("/sparql", params={"query": PEOPLE, "default-graph-uri": ARTICLE_004})
    assert set(names_in_json(only_004)) == {
        "Zakir Hasanov",
        "Artis Pabriks",
        "Ilham Aliyev",
        "Jens Stoltenberg",
    }
    in_graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = client.post("/sparql", data={"query": in_graphs, "named-graph-uri": ARTICLE_004})
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [ARTICLE_004]


def test_a_format_that_does_not_fit_the_query_form_is_406(client):
    response = client.get("/sparql", params={"query": PEOPLE}, headers={"Accept": "text/turtle"})
    assert response.status_code == 406
    assert "text/csv" in response.json()["detail"]
    construct = client.get("/sparql", params={"query": LATVIA}, headers={"Accept": "text/csv"})
    assert construct.status_code == 406


def test_a_malformed_query_is_400_with_the_parsers_message(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "1:" in response.json()["detail"]
    not_a_query = client.get("/sparql", params={"query": "SELEKT * WHERE { ?s ?p ?o }"})
    assert not_a_query.status_code == 400
    assert "SELECT" in not_a_query.json()["detail"]
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_query_past_the_timeout_is_stopped_and_the_server_goes_on(seeded_store, make_client):
    impatient = make_client(seeded_store, query_timeout=0.3)
    response = impatient.get("/sparql", params={"query": EXPENSIVE})
    assert response.status_code == 503
    assert "0.3 s" in response.json()["detail"]
    assert not multiprocessing.active_children(), "the query process was left running"
    assert impatient.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_results_are_capped_at_max_rows(seeded_store, make_client):
    capped = make_client(seeded_store, max_rows=2)
    assert len(names_in_json(capped.get("/sparql", params={"query": PEOPLE}))) == 2


def test_without_a_query_get_is_the_service_description(client):
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef("http://testserver/sparql")
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (endpoint, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    # The default graph is the union of the article graphs, not of every named graph (the vocabulary's).
    assert (endpoint, SD.feature, SD.UnionDefaultGraph) not in graph
    assert len(list(graph.objects(endpoint, SD.resultFormat))) == 8


INSERT = 'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:said> "hello" } }'
SAID = "ASK { <urn:a> <urn:said> 'hello' }"


def test_an_update_without_the_token_is_403_and_changes_nothing(client):
    refused = client.post("/update", content=INSERT, headers={"Content-Type": "application/sparql-update"})
    assert refused.status_code == 403
    assert "read-only" in refused.json()["detail"]
    assert client.post("/sparql", data={"update": INSERT}).status_code == 403
    assert client.get("/sparql", params={"query": SAID}).json()["boolean"] is False


def test_an_update_with_the_token_is_applied(memory_store, make_client):
    writable = make_client(memory_store, write_token=TOKEN)
    wrong = writable.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert "Bearer" in wrong.json()["detail"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    done = writable.post(
        "/update", content=INSERT, headers={**auth, "Content-Type": "application/sparql-update"}
    )
    assert done.status_code == 204
    assert writable.get("/sparql", params={"query": SAID}).json()["boolean"] is True
    removed = writable.post("/sparql", data={"update": "CLEAR ALL"}, headers=auth)
    assert removed.status_code == 204
    assert writable.get("/sparql", params={"query": SAID}).json()["boolean"] is False
    description = writable.get("/sparql").text
    assert "SPARQL11Update" in description


def test_an_unknown_post_body_is_415(client):
    response = client.post(
        "/sparql", content=json.dumps({"query": PEOPLE}), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 415
    assert "application/sparql-query" in response.json()["detail"]
