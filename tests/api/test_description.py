"""The service description and VoID: what a SPARQL client or a data catalogue reads first."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from graph.vocabulary import vocabulary_triples
from ontology import CONTEXT_FILE, MG, VOCABULARY_GRAPH

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
ENDPOINT = URIRef("http://testserver/sparql")
DATASET = URIRef("http://testserver/void#dataset")
ARTICLE_GRAPH = URIRef("https://w3id.org/milgraph/graph/article/004_23ce66ccd23087cf")


def turtle(response) -> Graph:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    return Graph().parse(data=response.text, format="turtle")


def test_the_service_description_names_its_dataset_and_graphs(client):
    graph = turtle(client.get("/sparql"))
    dataset = graph.value(ENDPOINT, SD.defaultDataset)
    assert dataset == DATASET
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert (dataset, RDF.type, VOID.Dataset) in graph
    default = graph.value(dataset, SD.defaultGraph)
    assert int(graph.value(default, VOID.triples)) > 0
    names = {graph.value(named, SD.name) for named in graph.objects(dataset, SD.namedGraph)}
    assert {ARTICLE_GRAPH, URIRef(VOCABULARY_GRAPH)} <= names
    vocabulary = next(
        n
        for n in graph.objects(dataset, SD.namedGraph)
        if graph.value(n, SD.name) == URIRef(VOCABULARY_GRAPH)
    )
    assert int(graph.value(graph.value(vocabulary, SD.graph), VOID.triples)) == len(vocabulary_triples())


def test_update_is_advertised_only_when_the_server_is_writable(seeded_store, make_client):
    writable = turtle(make_client(seeded_store, write_token="secret").get("/sparql"))
    assert (ENDPOINT, SD.supportedLanguage, SD.SPARQL11Update) in writable
    read_only = turtle(make_client(seeded_store).get("/sparql"))
    assert (ENDPOINT, SD.supportedLanguage, SD.SPARQL11Update) not in read_only


def test_void_counts_the_dataset_and_points_to_its_endpoint_and_dump(client):
    graph = turtle(client.get("/void"))
    assert (DATASET, VOID.sparqlEndpoint, ENDPOINT) in graph
    assert (DATASET, VOID.dataDump, URIRef("http://testserver/export?format=nquads")) in graph
    assert (DATASET, VOID.uriSpace, Literal("https://w3id.org/milgraph/id/")) in graph
    partitions = {
        graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
        for p in graph.objects(DATASET, VOID.classPartition)
    }
    assert partitions[MG.State] >= 2
    triples = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}).json()
    assert int(graph.value(DATASET, VOID.triples)) == int(triples["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_descriptions_follow_the_accept_header(client, accept, media_type, rdflib_format):
    for path in ("/sparql", "/void"):
        response = client.get(path, headers={"Accept": accept})
        assert response.headers["content-type"].startswith(media_type)
        graph = Graph().parse(data=response.text, format=rdflib_format)
        assert (DATASET, RDF.type, VOID.Dataset) in graph


def test_the_service_description_in_jsonld_expands_with_pyld(client):
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")

    def loader(url: str, options: dict | None = None) -> dict:
        assert url == "http://testserver/context.jsonld"
        return {"contextUrl": None, "documentUrl": url, "document": json.loads(CONTEXT_FILE.read_text())}

    nquads = jsonld.to_rdf(response.json(), {"format": "application/n-quads", "documentLoader": loader})
    graph = Graph().parse(data=nquads, format="nquads")
    assert (ENDPOINT, SD.defaultDataset, DATASET) in graph


def test_an_accept_header_no_description_format_fits_gets_turtle(client):
    response = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert response.headers["content-type"].startswith("text/turtle")


def test_sparql_users_read_role_labels_in_the_vocabulary_graph(client):
    query = (
        f"SELECT ?label WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{\n"
        "  <https://w3id.org/milgraph/role/defence-minister>\n"
        "  <http://www.w3.org/2004/02/skos/core#prefLabel> ?label\n"
        "} }"
    )
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert [row["label"]["value"] for row in rows] == ["defence minister"]
    unioned = "ASK { <https://w3id.org/milgraph/ontology#State> ?p ?o }"
    assert client.get("/sparql", params={"query": unioned}).json()["boolean"] is False
