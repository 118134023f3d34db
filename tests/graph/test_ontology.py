"""The ontology, role scheme and shapes parse, document every term, and agree with the code."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, SH
from sample_records import tallinn_record

from graph.rdf import article_triples
from ingest.records import ROLES
from ontology import MG, ONTOLOGY_FILE, ORG, RDF, RDFS, ROLE, ROLES_FILE, SHAPES_FILE, SKOS


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


@pytest.fixture(scope="module")
def roles() -> Graph:
    return Graph().parse(ROLES_FILE)


def minted_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type) if isinstance(s, URIRef) and s.startswith(str(MG))}


def test_every_minted_term_has_an_english_label_and_comment(ontology: Graph) -> None:
    terms = minted_terms(ontology)
    assert {MG.State, MG.Meeting, MG.Call, MG.Agreement, MG.Evidence, MG.party, MG.rank} <= terms
    for term in terms:
        assert ontology.value(term, RDFS.label).language == "en", term
        assert len(ontology.value(term, RDFS.comment)) > 20, term


def test_parties_are_organisations_of_w3c_org(ontology: Graph) -> None:
    assert (MG.State, RDFS.subClassOf, MG.Party) in ontology
    assert (MG.Party, RDFS.subClassOf, ORG.Organization) in ontology
    assert (MG.InPersonMeeting, OWL.disjointWith, MG.Call) in ontology


def test_graph_uses_only_declared_milgraph_terms(ontology: Graph) -> None:
    used = set()
    for triple in article_triples(tallinn_record()):
        used.add(triple.predicate.value)
        if triple.predicate.value == str(RDF.type):
            used.add(triple.object.value)
    declared = {str(t) for t in minted_terms(ontology)}
    assert {term for term in used if term.startswith(str(MG))} <= declared


def test_role_scheme_is_the_closed_role_list(roles: Graph) -> None:
    concepts = set(roles.subjects(SKOS.inScheme, ROLE.scheme))
    assert {str(roles.value(c, SKOS.notation)) for c in concepts} == set(ROLES)
    for concept in concepts:
        assert concept == ROLE[str(roles.value(concept, SKOS.notation))]
        assert (concept, RDF.type, ORG.Role) in roles
        assert roles.value(concept, SKOS.prefLabel).language == "en"
        assert roles.value(concept, SKOS.definition)
        assert (concept, SKOS.topConceptOf, ROLE.scheme) in roles


def test_membership_shape_allows_exactly_the_role_concepts(roles: Graph) -> None:
    shapes = Graph().parse(SHAPES_FILE)
    role_property = next(p for p in shapes.subjects(SH.path, ORG.role) if shapes.value(p, SH["in"]))
    allowed = set(Collection(shapes, shapes.value(role_property, SH["in"])))
    assert allowed == set(roles.subjects(SKOS.inScheme, ROLE.scheme))
