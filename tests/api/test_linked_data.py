"""JSON-LD from the service: the published context, the export, and REST answers by Accept."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from pyld import jsonld
from rdflib import Dataset, Literal, URIRef

from ontology import CONTEXT_FILE

LD_JSON = "application/ld+json"
LVA = URIRef("https://w3id.org/milgraph/id/state/LVA")
HASANOV = URIRef("https://w3id.org/milgraph/id/person/zakir-hasanov")
MG = "https://w3id.org/milgraph/ontology#"
NAME = URIRef("https://schema.org/name")


@pytest.fixture
def expand(client):
    """Expand a document with pyld, fetching its context from the service itself."""

    def loader(url: str, options: dict | None = None) -> dict:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200
        return {"contextUrl": None, "documentUrl": url, "document": response.json()}

    def to_dataset(document: dict) -> Dataset:
        nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
        dataset = Dataset()
        dataset.parse(data=nquads, format="nquads")
        return dataset

    return to_dataset


def test_the_context_is_served_as_shipped(client):
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(LD_JSON)
    assert response.json() == json.loads(CONTEXT_FILE.read_text())


def test_the_jsonld_export_names_the_served_context_and_round_trips(client, seeded_store, expand):
    response = client.get("/export", params={"format": "jsonld"})
    assert response.status_code == 200
    document = response.json()
    assert document["@context"] == "http://testserver/context.jsonld"
    assert any(node.get("@type") == "State" for node in document["@graph"])
    exported = Dataset()
    exported.parse(data=b"".join(seeded_store.export("nquads")).decode(), format="nquads")
    assert set(expand(document).quads()) == set(exported.quads())


def test_relations_answer_in_jsonld_when_asked(client, expand):
    response = client.get("/country/Latvia/relations", headers={"Accept": LD_JSON})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(LD_JSON)
    graph = expand(response.json())
    assert (LVA, URIRef("http://www.w3.org/2004/02/skos/core#notation"), Literal("LVA")) in graph
    events = set(graph.subjects(URIRef(MG + "party"), LVA))
    assert events and all((e, URIRef(MG + "party"), None) in graph for e in events)


def test_a_person_answers_in_jsonld_when_asked(client, expand):
    response = client.get("/person/Zakir Hasanov", headers={"Accept": f"application/json;q=0.5, {LD_JSON}"})
    assert response.headers["content-type"].startswith(LD_JSON)
    graph = expand(response.json())
    assert (HASANOV, NAME, Literal("Zakir Hasanov")) in graph
    assert (HASANOV, URIRef("http://www.w3.org/ns/org#memberOf"), None) in graph


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", f"application/json, {LD_JSON}"])
def test_plain_json_stays_the_default(client, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/country/Latvia/relations", headers=headers)
    assert response.headers["content-type"] == "application/json"
    assert response.json()["party"]["code"] == "LVA"
