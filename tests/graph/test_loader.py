"""Loading records: idempotent per article, replaced when changed, removed cleanly, atomic per batch."""

from __future__ import annotations

import dataclasses

import pytest
from sample_records import ESTONIA, TALLINN_TEXT, make_record, riga_record, tallinn_record

from graph import identity
from graph.loader import LoadSummary, load_records, remove_articles
from graph.rdf import InvalidRecord, article_upload
from graph.store import GraphUpload, Store, StoreError
from ingest.records import PersonRecord
from ontology import SPARQL_PREFIXES


def quads(store: Store) -> list[bytes]:
    return sorted(b"".join(store.export("nquads")).splitlines())


def ask(store: Store, pattern: str) -> bool:
    return store.ask(SPARQL_PREFIXES + f"ASK {{ {pattern} }}")


def test_first_load_counts_new_nodes(any_store: Store) -> None:
    summary = load_records(any_store, [tallinn_record(), riga_record()])
    assert summary == LoadSummary(articles_added=2, people=5, meetings=2, agreements=1)


def test_loading_the_same_articles_again_changes_nothing(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    before = quads(any_store)
    summary = load_records(any_store, [tallinn_record(), riga_record()])
    assert summary == LoadSummary(articles_unchanged=2)
    assert quads(any_store) == before


def test_a_changed_article_replaces_its_graph(any_store: Store) -> None:
    load_records(any_store, [tallinn_record()])
    edited = tallinn_record(text=TALLINN_TEXT + " Toomas Tamm, an adviser, was present.")
    edited.people[-1] = dataclasses.replace(edited.people[-1], name="Toomas Tamm")
    summary = load_records(any_store, [edited])
    assert (summary.articles_replaced, summary.articles_added) == (1, 0)
    assert ask(any_store, f"<{identity.person_iri('Toomas Tamm')}> schema:name 'Toomas Tamm'")
    assert not ask(any_store, f"<{identity.person_iri('Peeter Tamm')}> ?p ?o")
    assert any_store.graph_hashes() == {identity.article_graph_iri("est-geo-001"): edited.content_hash}


def test_removing_an_article_keeps_what_another_article_asserts(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    assert remove_articles(any_store, ["est-geo-001", "no-such-article"]) == ["est-geo-001"]
    kask = identity.person_iri("Mart Kask")
    assert ask(any_store, f"<{kask}> schema:name 'Mart Kask' ; org:memberOf id:state\\/EST")
    assert not ask(any_store, f"<{identity.person_iri('Anna Lind')}> ?p ?o")
    assert not ask(any_store, "?agreement a mg:Agreement")
    assert not ask(any_store, "?e prov:wasQuotedFrom id:article\\/est-geo-001")


def test_one_meeting_from_two_articles_is_one_node_with_two_sources(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    rows = any_store.select(
        SPARQL_PREFIXES
        + """SELECT DISTINCT ?meeting ?article ?sentence WHERE {
            ?meeting a mg:InPersonMeeting ; prov:wasDerivedFrom ?evidence .
            ?evidence prov:wasQuotedFrom ?article ; oa:exact ?sentence .
        } ORDER BY ?article"""
    )
    assert {row["meeting"] for row in rows} == {identity.meeting_iri(riga_record().meetings[0])}
    assert [row["article"] for row in rows] == [
        identity.article_iri("est-geo-001"),
        identity.article_iri("est-geo-002"),
    ]
    assert rows[1]["sentence"].startswith("Defence Minister Mart Kask of Estonia met")


def test_a_batch_with_a_broken_graph_leaves_the_store_as_it_was(any_store: Store) -> None:
    load_records(any_store, [tallinn_record()])
    before = quads(any_store)
    good = article_upload(riga_record())
    replacement = article_upload(make_record("est-geo-001", "Rewritten text."))
    broken = GraphUpload(iri=identity.article_graph_iri("broken"), ntriples=b"<a> <b> not-n-triples .\n")
    with pytest.raises(StoreError, match=r"broken.*not valid N-Triples"):
        any_store.replace_graphs([good, replacement, broken])
    assert quads(any_store) == before


def test_progress_is_reported_once_per_record_after_its_batch_is_written(any_store: Store) -> None:
    seen: list[tuple[str, int]] = []
    records = [tallinn_record(), riga_record(), make_record("note-003", "A short note.")]

    def progress(record) -> None:
        seen.append((record.article.id, len(any_store.graph_hashes())))

    load_records(any_store, records, batch_size=2, progress=progress)
    assert seen == [("est-geo-001", 2), ("est-geo-002", 2), ("note-003", 3)]


def test_a_record_that_cannot_become_rdf_names_its_article(any_store: Store) -> None:
    record = make_record("bad-004", "Text.", people=[PersonRecord("--", ESTONIA)])
    with pytest.raises(InvalidRecord, match=r"article bad-004 \(/data/articles/bad-004.txt\): the name '--'"):
        load_records(any_store, [record])
    assert any_store.graph_hashes() == {}
