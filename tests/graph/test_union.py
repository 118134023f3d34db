"""The default graph is the set-union of the article graphs, on both backends, through every write."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from sample_records import riga_record, tallinn_record

from graph import open_store
from graph.loader import load_records
from graph.store import GraphUpload, Store, StoreError
from ontology import GRAPH, ID, MG, RDF, SCHEMA, SKOS, SPARQL_PREFIXES, VOCABULARY_GRAPH

LATVIA = f'<{ID}state/LVA> <{SKOS.prefLabel}> "Latvia"@en .'
ESTONIA = f'<{ID}state/EST> <{SKOS.prefLabel}> "Estonia"@en .'
MEETING = f"<{ID}meeting/m1> <{RDF.type}> <{MG.Meeting}> ."
A1, A2, A3 = (str(GRAPH[f"article/{key}"]) for key in ("a1", "a2", "a3"))

DEFAULT_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
# The vocabulary graph (graph/vocabulary.py) is never part of the union.
UNION_TRIPLES = (
    f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{VOCABULARY_GRAPH}>) }}"
)
LABELS = SPARQL_PREFIXES + "SELECT ?label WHERE { ?party skos:prefLabel ?label } ORDER BY ?label"
MEETINGS = SPARQL_PREFIXES + "SELECT (COUNT(?m) AS ?n) WHERE { ?m a mg:Meeting }"


def article(graph: str, *facts: str) -> GraphUpload:
    node = f"<{graph}#article>"
    lines = [
        f"{node} <{RDF.type}> <{SCHEMA.NewsArticle}> .",
        f'{node} <{MG.contentHash}> "{graph}" .',
        *facts,
    ]
    return GraphUpload(graph, ("\n".join(lines) + "\n").encode(), content_hash=graph)


def triples(store: Store, query: str) -> list[tuple[str, str, str]]:
    return sorted((row["s"], row["p"], row["o"]) for row in store.select(query))


def assert_default_graph_is_the_union(store: Store) -> None:
    """Same triples, and no triple twice: the default graph is the RDF merge of the named graphs."""
    assert triples(store, DEFAULT_TRIPLES) == triples(store, UNION_TRIPLES)


def labels(store: Store) -> list[str]:
    return [row["label"] for row in store.select(LABELS)]


@pytest.fixture
def shared(any_store: Store) -> Store:
    """Two articles that both assert Latvia's label and the one meeting."""
    any_store.replace_graphs([article(A1, LATVIA, MEETING), article(A2, LATVIA, MEETING)])
    return any_store


def test_a_triple_two_articles_assert_is_there_once(shared: Store) -> None:
    assert labels(shared) == ["Latvia"]
    assert shared.select(MEETINGS) == [{"n": "1"}]
    assert_default_graph_is_the_union(shared)


def test_removing_one_article_keeps_what_the_other_asserts(shared: Store) -> None:
    shared.remove_graphs([A1])
    assert labels(shared) == ["Latvia"]
    assert shared.select(MEETINGS) == [{"n": "1"}]
    assert not shared.ask(f"ASK {{ <{A1}#article> ?p ?o }}")
    assert_default_graph_is_the_union(shared)


def test_removing_both_articles_removes_it(shared: Store) -> None:
    shared.remove_graphs([A1, A2])
    assert labels(shared) == []
    assert not shared.ask("ASK { ?s ?p ?o }")


def test_a_changed_article_takes_its_old_only_triples_out_of_the_default_graph(shared: Store) -> None:
    shared.replace_graphs([article(A1, ESTONIA), article(A3, ESTONIA, LATVIA)])
    assert labels(shared) == ["Estonia", "Latvia"]
    shared.replace_graphs([article(A2, ESTONIA)])
    assert labels(shared) == ["Estonia", "Latvia"]
    assert shared.select(MEETINGS) == [{"n": "0"}]
    shared.replace_graphs([article(A3, ESTONIA)])
    assert labels(shared) == ["Estonia"]
    assert_default_graph_is_the_union(shared)


def test_writing_the_same_batch_twice_changes_nothing(shared: Store) -> None:
    before = triples(shared, DEFAULT_TRIPLES)
    shared.replace_graphs([article(A1, LATVIA, MEETING), article(A2, LATVIA, MEETING)])
    assert triples(shared, DEFAULT_TRIPLES) == before


def test_a_failed_batch_leaves_the_default_graph_as_it_was(shared: Store) -> None:
    before = triples(shared, DEFAULT_TRIPLES)
    broken = GraphUpload(A2, b"<not n-triples\n")
    with pytest.raises(StoreError, match="not valid N-Triples"):
        shared.replace_graphs([article(A1, ESTONIA), broken])
    assert triples(shared, DEFAULT_TRIPLES) == before


def test_a_failing_user_update_leaves_both_as_they_were(shared: Store) -> None:
    before = triples(shared, DEFAULT_TRIPLES)
    with pytest.raises(StoreError, match="already exists"):
        shared.update(f"DROP GRAPH <{A1}> ; DROP GRAPH <{A2}> ; CREATE GRAPH <{A3}> ; CREATE GRAPH <{A3}>")
    assert triples(shared, DEFAULT_TRIPLES) == before
    assert sorted(shared.graph_hashes()) == [A1, A2]


def test_a_user_update_of_a_named_graph_reaches_the_default_graph(shared: Store) -> None:
    shared.update(f"PREFIX skos: <{SKOS}>\nINSERT DATA {{ GRAPH <urn:notes> {{ {ESTONIA} }} }} # noted")
    assert labels(shared) == ["Estonia", "Latvia"]
    shared.update(f"DROP GRAPH <{A1}> ; DROP GRAPH <{A2}> ;")
    assert labels(shared) == ["Estonia"]
    assert_default_graph_is_the_union(shared)


def test_the_default_graph_is_derived_so_direct_writes_to_it_are_not_kept(shared: Store) -> None:
    shared.update(f"INSERT DATA {{ {ESTONIA} }}")
    assert labels(shared) == ["Latvia"]


def test_from_and_protocol_datasets_still_choose_the_graphs(shared: Store) -> None:
    shared.replace_graphs([article(A3, ESTONIA)])
    from_a3 = LABELS.replace("WHERE", f"FROM <{A3}> WHERE")
    assert [row["label"] for row in shared.select(from_a3)] == ["Estonia"]
    answer = shared.query(LABELS, media_type="text/csv", default_graph_uris=[A1])
    assert answer.body.split() == [b"label", b"Latvia"]


def test_the_sample_articles_default_graph_is_their_union(seeded_store: Store) -> None:
    union = triples(seeded_store, UNION_TRIPLES)
    assert len(union) > 300
    assert triples(seeded_store, DEFAULT_TRIPLES) == union


def test_loading_fills_the_empty_default_graph_of_an_older_store(tmp_path: Path) -> None:
    """A store written when the default graph was left empty (or bulk-loaded from named graphs only)."""
    location = tmp_path / "store"
    older = ox.Store(str(location))
    older.update(f"INSERT DATA {{ GRAPH <{A1}> {{ {LATVIA} }} GRAPH <{A2}> {{ {LATVIA} {ESTONIA} }} }}")
    del older
    store = open_store(str(location))
    load_records(store, [tallinn_record(), riga_record()])
    assert "Latvia" in labels(store)
    assert labels(store).count("Estonia") == 1
    assert_default_graph_is_the_union(store)
    store.close()
