"""RemoteStore against a live Oxigraph server: writes, idempotence, atomicity, queries, export."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest
import rdflib

from graph.remote import RemoteStore
from graph.store import (
    RDF_FORMATS,
    RESULT_FORMATS,
    GraphUpload,
    QuerySyntaxError,
    StoreError,
    StoreUnavailable,
    UnsupportedFormat,
)
from ontology import DCTERMS, GRAPH, ID, MG, RDF, SCHEMA, SKOS, SPARQL_PREFIXES

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

RDFLIB_FORMAT = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}
LATVIA = f'<{ID}state/LVA> <{SKOS.prefLabel}> "Latvia"@en .'


def meeting(key: str, date: str) -> str:
    node = f"<{ID}meeting/{key}>"
    return f'{node} <{RDF.type}> <{MG.Meeting}> .\n{node} <{DCTERMS.date}> "{date}"^^<{XSD_DATE}> .'


def article(key: str, content_hash: str, *facts: str) -> GraphUpload:
    node = f"<{ID}article/{key}>"
    lines = [f"{node} <{RDF.type}> <{SCHEMA.NewsArticle}> .", f'{node} <{MG.contentHash}> "{content_hash}" .']
    ntriples = "\n".join([*lines, *facts]) + "\n"
    return GraphUpload(str(GRAPH[f"article/{key}"]), ntriples.encode(), content_hash)


def dates(store: RemoteStore) -> list[str]:
    query = "SELECT ?date WHERE { ?m a mg:Meeting ; dcterms:date ?date } ORDER BY ?date"
    rows = store.select(SPARQL_PREFIXES + query)
    return [row["date"] for row in rows]


def graph_size(store: RemoteStore, key: str) -> int:
    graph = GRAPH[f"article/{key}"]
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[0]["n"])


@pytest.fixture
def two_articles(store: RemoteStore) -> RemoteStore:
    store.replace_graphs(
        [
            article("a1", "h1", LATVIA, meeting("m1", "2022-04-26")),
            article("a2", "h2", LATVIA, meeting("m2", "2023-01-10")),
        ]
    )
    return store


# Writes


def test_written_graphs_are_read_back_through_the_union_default_graph(two_articles: RemoteStore) -> None:
    assert two_articles.graph_hashes() == {str(GRAPH["article/a1"]): "h1", str(GRAPH["article/a2"]): "h2"}
    assert dates(two_articles) == ["2022-04-26", "2023-01-10"]
    assert two_articles.ask(SPARQL_PREFIXES + 'ASK { ?state skos:prefLabel "Latvia"@en }')


def test_writing_the_same_article_again_changes_nothing(two_articles: RemoteStore) -> None:
    before = graph_size(two_articles, "a1")
    two_articles.replace_graphs([article("a1", "h1", LATVIA, meeting("m1", "2022-04-26"))])
    assert graph_size(two_articles, "a1") == before == 5
    assert dates(two_articles) == ["2022-04-26", "2023-01-10"]


def test_a_changed_article_replaces_its_graph_whole(two_articles: RemoteStore) -> None:
    two_articles.replace_graphs([article("a1", "h1-new", meeting("m1", "2022-04-27"))])
    assert dates(two_articles) == ["2022-04-27", "2023-01-10"]
    assert two_articles.graph_hashes()[str(GRAPH["article/a1"])] == "h1-new"


def test_removing_an_article_keeps_what_another_article_also_asserts(two_articles: RemoteStore) -> None:
    two_articles.remove_graphs([str(GRAPH["article/a2"]), str(GRAPH["article/never-ingested"])])
    assert dates(two_articles) == ["2022-04-26"]
    assert two_articles.select(SPARQL_PREFIXES + "SELECT ?l WHERE { ?s skos:prefLabel ?l }") == [
        {"l": "Latvia"}
    ]
    assert two_articles.ask(SPARQL_PREFIXES + 'ASK { ?state skos:prefLabel "Latvia"@en }')
    assert list(two_articles.graph_hashes()) == [str(GRAPH["article/a1"])]


def test_a_batch_with_a_bad_upload_leaves_every_graph_as_it_was(two_articles: RemoteStore) -> None:
    broken = GraphUpload(str(GRAPH["article/a2"]), b"<not n-triples\n", "h2-new")
    with pytest.raises(StoreError, match=r"article/a2> is not valid N-Triples"):
        two_articles.replace_graphs([article("a1", "h1-new", meeting("m1", "1999-01-01")), broken])
    assert dates(two_articles) == ["2022-04-26", "2023-01-10"]
    assert two_articles.graph_hashes()[str(GRAPH["article/a1"])] == "h1"


def test_one_update_request_is_one_transaction_on_the_server(two_articles: RemoteStore) -> None:
    """What replace_graphs relies on: an operation failing late in a request undoes the earlier ones."""
    doomed = f"DROP GRAPH <{GRAPH['article/a1']}> ; CREATE GRAPH <{GRAPH['article/a2']}>"
    with pytest.raises(StoreError, match=r"HTTP 500.*already exists"):
        two_articles.update(doomed)
    assert dates(two_articles) == ["2022-04-26", "2023-01-10"]


def test_graph_iris_that_would_break_the_update_are_refused(store: RemoteStore) -> None:
    with pytest.raises(StoreError, match="not a valid graph IRI"):
        store.replace_graphs([GraphUpload("urn:x> } } ; DROP ALL ; INSERT DATA { GRAPH <urn:y", b"")])
    with pytest.raises(StoreError, match="not a valid graph IRI"):
        store.remove_graphs([""])


# Queries


SELECT_LABELS = SPARQL_PREFIXES + "SELECT DISTINCT ?label WHERE { ?s skos:prefLabel ?label }"


def test_select_in_every_result_format(two_articles: RemoteStore) -> None:
    for name, media_type in RESULT_FORMATS.items():
        result = two_articles.query(SELECT_LABELS, media_type=media_type)
        assert (result.form, result.media_type) == ("SELECT", media_type)
        if name == "csv":
            assert list(csv.reader(io.StringIO(result.body.decode()))) == [["label"], ["Latvia"]]
        else:
            parsed = ox.parse_query_results(result.body, ox.QueryResultsFormat.from_media_type(media_type))
            assert [row["label"] for row in parsed] == [ox.Literal("Latvia", language="en")]


def test_ask_in_every_result_format(two_articles: RemoteStore) -> None:
    for media_type in RESULT_FORMATS.values():
        result = two_articles.query(SPARQL_PREFIXES + "ASK { ?m a mg:Meeting }", media_type=media_type)
        assert result.form == "ASK"
        assert b"true" in result.body


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "rdfxml"])
def test_construct_and_describe_in_rdf_formats(two_articles: RemoteStore, fmt: str) -> None:
    construct = "CONSTRUCT { ?m dcterms:date ?d } WHERE { ?m a mg:Meeting ; dcterms:date ?d }"
    answer = two_articles.query(SPARQL_PREFIXES + construct, media_type=RDF_FORMATS[fmt])
    graph = rdflib.Graph().parse(data=answer.body, format=RDFLIB_FORMAT[fmt])
    assert {str(o) for o in graph.objects()} == {"2022-04-26", "2023-01-10"}
    described = two_articles.query(f"DESCRIBE <{ID}meeting/m1>", media_type=RDF_FORMATS[fmt])
    assert described.form == "DESCRIBE"
    assert len(rdflib.Graph().parse(data=described.body, format=RDFLIB_FORMAT[fmt])) == 2


def test_row_limit_caps_selects_and_constructs(two_articles: RemoteStore) -> None:
    query = SPARQL_PREFIXES + "SELECT ?d WHERE { ?m dcterms:date ?d } ORDER BY ?d"
    capped = json.loads(two_articles.query(query, media_type=RESULT_FORMATS["json"], row_limit=1).body)
    assert [row["d"]["value"] for row in capped["results"]["bindings"]] == ["2022-04-26"]
    capped_csv = two_articles.query(query, media_type=RESULT_FORMATS["csv"], row_limit=1).body.decode()
    assert capped_csv.split() == ["d", "2022-04-26"]
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    triples = two_articles.query(construct, media_type=RDF_FORMATS["turtle"], row_limit=3).body
    assert len(rdflib.Graph().parse(data=triples, format="turtle")) == 3


def test_protocol_dataset_and_from_clauses_replace_the_union(two_articles: RemoteStore) -> None:
    query = SPARQL_PREFIXES + "SELECT ?d WHERE { ?m dcterms:date ?d }"
    only_a1 = two_articles.query(query, media_type="text/csv", default_graph_uris=[str(GRAPH["article/a1"])])
    assert only_a1.body.decode().split() == ["d", "2022-04-26"]
    named = SPARQL_PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?m a mg:Meeting } }"
    only_a2 = two_articles.query(named, media_type="text/csv", named_graph_uris=[str(GRAPH["article/a2"])])
    assert only_a2.body.decode().split() == ["g", str(GRAPH["article/a2"])]
    from_a2 = SPARQL_PREFIXES + f"SELECT ?d FROM <{GRAPH['article/a2']}> WHERE {{ ?m dcterms:date ?d }}"
    assert two_articles.select(from_a2) == [{"d": "2023-01-10"}]


def test_malformed_sparql_gets_the_parsers_message(store: RemoteStore) -> None:
    with pytest.raises(QuerySyntaxError, match=r"^error at 1:\d+"):
        store.select("SELECT ?x WHERE { ?x ")
    with pytest.raises(QuerySyntaxError, match=r"^error at 1:\d+"):
        store.update("INSERT DATA { <urn:a> }")
    with pytest.raises(QuerySyntaxError, match="not a SPARQL query"):
        store.query("LOAD <urn:x>", media_type=RESULT_FORMATS["json"])


def test_an_answer_form_the_query_cannot_have_is_refused(store: RemoteStore) -> None:
    with pytest.raises(UnsupportedFormat, match="SELECT result cannot be served as text/turtle"):
        store.query("SELECT * WHERE { ?s ?p ?o }", media_type="text/turtle")
    with pytest.raises(UnsupportedFormat, match="CONSTRUCT result cannot be served as text/csv"):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }", media_type="text/csv")


# Export


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_export_keeps_the_article_graphs_and_their_union(two_articles: RemoteStore, fmt: str) -> None:
    dataset = rdflib.Dataset().parse(data=b"".join(two_articles.export(fmt)), format=RDFLIB_FORMAT[fmt])
    graphs = {str(graph.identifier): len(graph) for graph in dataset.graphs() if len(graph)}
    # The default graph: 2 x (2 article + 2 meeting triples) + the label both articles repeat.
    assert graphs == {str(GRAPH["article/a1"]): 5, str(GRAPH["article/a2"]): 5, "urn:x-rdflib:default": 9}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_export_as_triples_is_the_union_without_duplicates(two_articles: RemoteStore, fmt: str) -> None:
    graph = rdflib.Graph().parse(data=b"".join(two_articles.export(fmt)), format=RDFLIB_FORMAT[fmt])
    assert len(graph) == 9  # 2 x (2 article + 2 meeting triples) + the label both articles repeat
    assert (rdflib.URIRef(f"{ID}state/LVA"), rdflib.URIRef(str(SKOS.prefLabel)), None) in graph


def test_export_of_an_unknown_format_names_the_choices(store: RemoteStore) -> None:
    with pytest.raises(UnsupportedFormat, match="unknown export format 'csv'; available: turtle"):
        store.export("csv")


def test_settings_errors_are_reported_before_any_request() -> None:
    with pytest.raises(StoreUnavailable, match="must start with http"):
        RemoteStore("127.0.0.1:7878")
    with pytest.raises(ValueError, match="both a username and a password"):
        RemoteStore("http://127.0.0.1:7878", username="analyst")


def test_a_closed_store_says_so(private_server: str) -> None:
    closed = RemoteStore(private_server)
    closed.close()
    with pytest.raises(StoreError, match=rf"the store at {private_server} is closed"):
        closed.ask("ASK {}")


def test_any_client_reads_the_union_from_the_servers_plain_default_graph(two_articles: RemoteStore) -> None:
    """What RemoteStore sends is a form POST with a `query` field and no server-specific parameter;
    the label both articles assert comes back once, without DISTINCT."""
    labels = SPARQL_PREFIXES + "SELECT ?label WHERE { ?s skos:prefLabel ?label }"
    answer = httpx.post(
        f"{two_articles.location}/query", data={"query": labels}, headers={"Accept": RESULT_FORMATS["json"]}
    )
    assert [row["label"]["value"] for row in answer.json()["results"]["bindings"]] == ["Latvia"]
