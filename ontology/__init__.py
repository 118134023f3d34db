"""The milgraph vocabulary: namespaces, the ontology and SHACL files, and IRI minting rules.

Terms reused from W3C and other standard vocabularies are used directly; `MG`
holds only what none of them has.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

HERE = Path(__file__).parent
ONTOLOGY_FILE = HERE / "milgraph.ttl"
ROLES_FILE = HERE / "roles.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
# The JSON-LD context of exports and REST answers; served at /context.jsonld.
CONTEXT_FILE = HERE / "context.jsonld"
# State and organisation codes -> Wikidata items, for owl:sameAs links.
WIKIDATA_FILE = HERE / "wikidata.tsv"

BASE = "https://w3id.org/milgraph/"
MG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
ROLE = Namespace(BASE + "role/")
GRAPH = Namespace(BASE + "graph/")
# The named graph the ontology and the role scheme are loaded into; never part of the default graph.
VOCABULARY_GRAPH = BASE + "graph/vocabulary"
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "mg": str(MG),
    "role": str(ROLE),
    "id": str(ID),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

SPARQL_PREFIXES = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"

__all__ = [
    "BASE",
    "CONTEXT_FILE",
    "DCTERMS",
    "GRAPH",
    "ID",
    "MG",
    "OA",
    "ONTOLOGY_FILE",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "ROLE",
    "ROLES_FILE",
    "SCHEMA",
    "SHAPES_FILE",
    "SKOS",
    "SPARQL_PREFIXES",
    "VOCABULARY_GRAPH",
    "WD",
    "WIKIDATA_FILE",
    "XSD",
]
