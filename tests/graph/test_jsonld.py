"""Compacted JSON-LD: short keys and @type, and every triple back when pyld expands it."""

from __future__ import annotations

import json

import pyoxigraph as ox
from pyld import jsonld
from rdflib import BNode, Dataset

from graph.jsonld import CONTEXT_IRI, compacted, compacted_export, context
from ontology import CONTEXT_FILE

MG = "https://w3id.org/milgraph/ontology#"
ID = "https://w3id.org/milgraph/id/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def local_context(url: str, options: dict | None = None) -> dict:
    """pyld's document loader for the one context these documents name: the shipped file."""
    assert url == CONTEXT_IRI
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(CONTEXT_FILE.read_text())}


def quads_of(document: dict) -> set:
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": local_context})
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return set(dataset.quads())


def expected(quads: list[ox.Quad]) -> set:
    dataset = Dataset()
    dataset.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode(), format="nquads")
    return set(dataset.quads())


def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


LVA = node(ID + "state/LVA")
GRAPH = node("https://w3id.org/milgraph/graph/article/a1")
QUADS = [
    ox.Quad(LVA, node("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), node(MG + "State"), GRAPH),
    ox.Quad(LVA, node(SKOS + "prefLabel"), ox.Literal("Latvia", language="en"), GRAPH),
    ox.Quad(LVA, node(SKOS + "prefLabel"), ox.Literal("Lettonie", language="fr"), GRAPH),
    ox.Quad(LVA, node(SKOS + "notation"), ox.Literal("LVA"), GRAPH),
    ox.Quad(node(ID + "meeting/m1"), node(MG + "party"), LVA),
    ox.Quad(node(ID + "meeting/m1"), node(MG + "party"), ox.Literal("not an IRI")),
    ox.Quad(
        node(ID + "meeting/m1"),
        node("http://purl.org/dc/terms/date"),
        ox.Literal("2022-04", datatype=node(XSD + "gYearMonth")),
    ),
    ox.Quad(
        node(ID + "evidence/e"),
        node("http://www.w3.org/ns/oa#start"),
        ox.Literal("7", datatype=node(XSD + "integer")),
    ),
    ox.Quad(
        node(ID + "evidence/e"),
        node("http://www.w3.org/ns/oa#end"),
        ox.Literal("012", datatype=node(XSD + "integer")),
    ),
    ox.Quad(ox.BlankNode("b1"), node("urn:x:unknown"), node("urn:y")),
]


def test_terms_and_types_are_the_short_ones() -> None:
    document = json.loads(b"".join(compacted(QUADS, CONTEXT_IRI)))
    assert document["@context"] == CONTEXT_IRI
    named = next(item for item in document["@graph"] if "@graph" in item)
    assert named["@id"] == "graph:article/a1"
    latvia = named["@graph"][0]
    assert latvia["@id"] == "id:state/LVA"
    assert latvia["@type"] == "State"
    assert latvia["notation"] == "LVA"
    assert "Latvia" in latvia["prefLabel"]
    assert {"@value": "Lettonie", "@language": "fr"} in latvia["prefLabel"]
    meeting = next(item for item in document["@graph"] if item["@id"] == "id:meeting/m1")
    assert "id:state/LVA" in meeting["party"]
    assert meeting["date"] == {"@value": "2022-04", "@type": "xsd:gYearMonth"}


def test_pyld_reads_back_every_quad_even_those_the_context_does_not_fit() -> None:
    document = json.loads(b"".join(compacted(QUADS, CONTEXT_IRI)))
    got, want = quads_of(document), expected(QUADS)
    # Blank node labels are the processor's own: compare the rest exactly, and count those.
    assert {q for q in got if not isinstance(q[0], BNode)} == {q for q in want if not isinstance(q[0], BNode)}
    assert len(got) == len(want)


def test_the_context_is_inline_by_default() -> None:
    document = json.loads(b"".join(compacted(QUADS)))
    assert document["@context"] == context()
    assert len(quads_of(document)) == len(QUADS)


def test_the_export_of_a_store_round_trips(seeded_store) -> None:
    document = json.loads(b"".join(compacted_export(seeded_store, CONTEXT_IRI)))
    dataset = Dataset()
    dataset.parse(data=b"".join(seeded_store.export("nquads")).decode(), format="nquads")
    assert quads_of(document) == set(dataset.quads())
