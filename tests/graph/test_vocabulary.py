"""The ontology and role scheme as a named graph: readable over SPARQL, never in the union."""

from __future__ import annotations

from sample_records import riga_record, tallinn_record

from graph.facts import article_facts
from graph.loader import load_records
from graph.rdf import article_upload
from graph.stats import graph_stats
from graph.store import Store
from graph.vocabulary import install_vocabulary, vocabulary_triples
from ontology import MG, ROLE, SPARQL_PREFIXES, VOCABULARY_GRAPH

IN_VOCABULARY = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?s ?p ?o }} }}"
ROLE_LABEL = SPARQL_PREFIXES + (
    f"SELECT ?label WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{\n"
    f"  <{ROLE}defence-minister> skos:prefLabel ?label }} }}"
)


def test_loading_installs_the_vocabulary_where_sparql_users_read_labels(any_store: Store) -> None:
    load_records(any_store, [tallinn_record()])
    assert any_store.select(IN_VOCABULARY) == [{"n": str(len(vocabulary_triples()))}]
    assert any_store.select(ROLE_LABEL) == [{"label": "defence minister"}]
    class_label = f"SELECT ?l WHERE {{ GRAPH ?g {{ <{MG.State}> rdfs:label ?l }} }}"
    assert any_store.select(SPARQL_PREFIXES + class_label) == [{"l": "state"}]


def test_the_vocabulary_stays_out_of_the_default_graph_through_every_write(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    any_store.update("INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> <urn:c> } }")
    any_store.remove_graphs([next(iter(any_store.graph_hashes()))])
    assert not any_store.ask(f"ASK {{ <{MG.State}> ?p ?o }}")
    assert any_store.ask("ASK { <urn:a> <urn:b> <urn:c> }")


def test_installing_is_idempotent_and_repairs_a_changed_graph(any_store: Store) -> None:
    assert install_vocabulary(any_store) is True
    assert install_vocabulary(any_store) is False
    any_store.update(f"DELETE WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ <{MG.State}> ?p ?o }} }}")
    assert install_vocabulary(any_store) is True
    assert any_store.select(IN_VOCABULARY) == [{"n": str(len(vocabulary_triples()))}]


def test_counts_and_facts_are_those_of_the_articles_alone(any_store: Store, store: Store) -> None:
    records = [tallinn_record(), riga_record()]
    load_records(any_store, records)
    # `store` never gets the vocabulary: its graphs are written without the loader.
    store.replace_graphs([article_upload(record) for record in records])
    assert graph_stats(any_store) == graph_stats(store)
    assert list(article_facts(any_store)) == list(article_facts(store))
