"""The embedded pyoxigraph store: persistence, locking, and faithful SPARQL answers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph
from sample_records import riga_record, tallinn_record

from graph import identity, open_store
from graph.embedded import EmbeddedStore
from graph.loader import load_records
from graph.stats import graph_stats
from graph.store import QuerySyntaxError, StoreError, StoreUnavailable, UnsupportedFormat
from ontology import SPARQL_PREFIXES

PEOPLE = (
    SPARQL_PREFIXES
    + "SELECT DISTINCT ?name WHERE { ?person a schema:Person ; schema:name ?name } ORDER BY ?name"
)
TALLINN = identity.article_graph_iri("est-geo-001")
RIGA = identity.article_graph_iri("est-geo-002")


@pytest.fixture
def loaded(store: EmbeddedStore) -> EmbeddedStore:
    load_records(store, [tallinn_record(), riga_record()])
    return store


def test_data_survives_closing_and_reopening(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    first = open_store(location)
    load_records(first, [tallinn_record()])
    first.close()
    again = open_store(location)
    assert graph_stats(again) == {
        "articles": 1,
        "people": 5,
        "parties": 3,
        "meetings": 2,
        "agreements": 1,
        "triples": 126,  # the three parties each carry owl:sameAs their Wikidata item
    }
    again.close()


def test_a_directory_in_use_is_unavailable(tmp_path: Path) -> None:
    holder = open_store(str(tmp_path))
    with pytest.raises(StoreUnavailable, match="another milgraph process is using it"):
        open_store(str(tmp_path))
    holder.close()


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a store")
    with pytest.raises(StoreUnavailable, match="it is a file, not a directory"):
        open_store(str(path))


def test_a_directory_that_cannot_be_created_is_unavailable(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(StoreUnavailable, match=r"cannot create the store directory .*notes.txt/store"):
        open_store(str(tmp_path / "notes.txt" / "store"))


def test_memory_location_is_a_fresh_store() -> None:
    memory = open_store(":memory:")
    assert isinstance(memory, EmbeddedStore)
    assert graph_stats(memory)["triples"] == 0


def test_select_reads_the_union_of_article_graphs(loaded: EmbeddedStore) -> None:
    names = [row["name"] for row in loaded.select(PEOPLE)]
    assert names == ["Anna Lind", "Giorgi Tsiklauri", "Mart Kask", "Nino Beridze", "Peeter Tamm"]


def test_a_query_own_from_clause_wins_over_the_union(loaded: EmbeddedStore) -> None:
    query = PEOPLE.replace("WHERE", f"FROM <{RIGA}> WHERE")
    assert [row["name"] for row in loaded.select(query)] == ["Giorgi Tsiklauri", "Mart Kask", "Nino Beridze"]


def test_protocol_graph_uris_define_the_dataset(loaded: EmbeddedStore) -> None:
    result = loaded.query(PEOPLE, media_type="application/sparql-results+json", default_graph_uris=[RIGA])
    names = [b["name"]["value"] for b in json.loads(result.body)["results"]["bindings"]]
    assert names == ["Giorgi Tsiklauri", "Mart Kask", "Nino Beridze"]
    graphs = SPARQL_PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = loaded.query(graphs, media_type="text/csv", named_graph_uris=[TALLINN])
    assert result.body.decode().split() == ["g", TALLINN]


@pytest.mark.parametrize(
    "media_type",
    [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_select_results_in_every_format_with_a_row_limit(loaded: EmbeddedStore, media_type: str) -> None:
    result = loaded.query(PEOPLE, media_type=media_type, row_limit=2)
    assert (result.form, result.media_type) == ("SELECT", media_type)
    text = result.body.decode()
    if media_type.endswith("json"):
        names = [b["name"]["value"] for b in json.loads(text)["results"]["bindings"]]
    elif media_type.endswith("xml"):
        names = [
            e.text
            for e in ElementTree.fromstring(text).iter("{http://www.w3.org/2005/sparql-results#}literal")
        ]
    elif media_type == "text/csv":
        names = [row["name"] for row in csv.DictReader(io.StringIO(text))]
    else:
        names = [line.strip('"') for line in text.splitlines()[1:]]
    assert names == ["Anna Lind", "Giorgi Tsiklauri"]


def test_ask_and_construct(loaded: EmbeddedStore) -> None:
    ask = loaded.query("ASK { ?s ?p ?o }", media_type="application/sparql-results+json")
    assert (ask.form, json.loads(ask.body)["boolean"]) == ("ASK", True)
    construct = loaded.query(
        SPARQL_PREFIXES + "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }",
        media_type="text/turtle",
    )
    assert construct.form == "CONSTRUCT"
    assert len(Graph().parse(data=construct.body, format="turtle")) == 5


def test_describe_is_served_as_rdf(loaded: EmbeddedStore) -> None:
    iri = identity.person_iri("Mart Kask")
    result = loaded.query(f"DESCRIBE <{iri}>", media_type="application/n-triples")
    assert result.form == "DESCRIBE"
    assert b'<https://schema.org/name> "Mart Kask"' in result.body


def test_bad_sparql_gets_the_parser_message(loaded: EmbeddedStore) -> None:
    with pytest.raises(QuerySyntaxError, match="error at 1:"):
        loaded.select("SELECT ?x WHERE { ?x ")
    with pytest.raises(QuerySyntaxError):
        loaded.update("INSERT DATA { oops }")


def test_a_result_format_the_query_form_cannot_have_is_refused(loaded: EmbeddedStore) -> None:
    with pytest.raises(UnsupportedFormat, match="a SELECT result cannot be served as text/turtle"):
        loaded.query(PEOPLE, media_type="text/turtle")


def test_a_failing_update_writes_nothing(loaded: EmbeddedStore) -> None:
    before = graph_stats(loaded)
    with pytest.raises(StoreError, match="already exists"):
        loaded.update(
            f"INSERT DATA {{ GRAPH <urn:x:new> {{ <urn:x:a> <urn:x:b> 1 }} }} ; CLEAR GRAPH <{TALLINN}> ;"
            f" CREATE GRAPH <{RIGA}>"
        )
    assert graph_stats(loaded) == before


def test_a_closed_store_says_so(loaded: EmbeddedStore) -> None:
    loaded.close()
    with pytest.raises(StoreError, match="is closed"):
        loaded.select(PEOPLE)
