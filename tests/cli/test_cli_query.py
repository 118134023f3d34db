"""`milgraph query`: SPARQL over the ingested samples, in every output format, and malformed queries."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

# rdflib 7.6's own parsers still use its deprecated ConjunctiveGraph API.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

SCHEMA = "PREFIX schema: <https://schema.org/> "
PEOPLE = SCHEMA + "SELECT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name }"
NAMES = SCHEMA + "CONSTRUCT { ?person schema:name ?name } WHERE { ?person schema:name ?name }"
HASANOV = URIRef("https://w3id.org/milgraph/id/person/zakir-hasanov")


def test_select_prints_an_aligned_table_with_prefixed_iris(milgraph, sample_store: str) -> None:
    run = milgraph("query", PEOPLE, "--store", sample_store)
    assert run.status == 0, run.err
    header, rule, *rows, count = run.out.splitlines()
    assert header.split() == ["person", "name"]
    assert set(rule) == {"-", " "}
    name_column = header.index("name")
    names = {row[:name_column].strip(): row[name_column:] for row in rows}
    assert names["id:person/zakir-hasanov"] == "Zakir Hasanov"
    assert count == f"({len(rows)} rows)"


def test_select_as_json_is_sparql_results(milgraph, sample_store: str) -> None:
    run = milgraph("query", PEOPLE, "--format", "json", "--store", sample_store)
    assert run.status == 0, run.err
    document = json.loads(run.out)
    assert document["head"]["vars"] == ["person", "name"]
    names = {row["name"]["value"] for row in document["results"]["bindings"]}
    assert "Zakir Hasanov" in names


def test_select_as_csv_has_a_header_and_full_iris(milgraph, sample_store: str) -> None:
    run = milgraph("query", PEOPLE, "--format", "csv", "--store", sample_store)
    assert run.status == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert {"person": str(HASANOV), "name": "Zakir Hasanov"} in rows


@pytest.mark.parametrize(("name", "answer"), [("Zakir Hasanov", "true"), ("Nobody Atall", "false")])
def test_ask_prints_true_or_false(milgraph, sample_store: str, name: str, answer: str) -> None:
    query = f'PREFIX schema: <https://schema.org/> ASK {{ ?person schema:name "{name}" }}'
    run = milgraph("query", query, "--store", sample_store)
    assert (run.status, run.out) == (0, answer + "\n")


def test_construct_prints_turtle(milgraph, sample_store: str) -> None:
    run = milgraph("query", NAMES, "--store", sample_store)
    assert run.status == 0, run.err
    graph = Graph().parse(data=run.out, format="turtle")
    assert (HASANOV, URIRef("https://schema.org/name"), Literal("Zakir Hasanov")) in graph


def test_construct_as_json_is_json_ld(milgraph, sample_store: str) -> None:
    run = milgraph("query", NAMES, "--format", "json", "--store", sample_store)
    assert run.status == 0, run.err
    graph = Graph().parse(data=run.out, format="json-ld")
    assert (HASANOV, URIRef("https://schema.org/name"), Literal("Zakir Hasanov")) in graph


def test_construct_as_csv_is_refused(milgraph, sample_store: str) -> None:
    run = milgraph("query", NAMES, "--format", "csv", "--store", sample_store)
    assert run.status == 2
    assert run.err == (
        "milgraph: error: a CONSTRUCT query returns RDF, which --format csv cannot show; use table or json\n"
    )


def test_the_query_can_come_from_a_file(milgraph, sample_store: str, tmp_path: Path) -> None:
    query_file = tmp_path / "people.rq"
    query_file.write_text(PEOPLE + "\n", encoding="utf-8")
    run = milgraph("query", f"@{query_file}", "--format", "csv", "--store", sample_store)
    assert run.status == 0, run.err
    assert "Zakir Hasanov" in run.out


def test_the_query_can_come_from_stdin(milgraph, sample_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PEOPLE.encode("utf-8"))))
    run = milgraph("query", "-", "--format", "csv", "--store", sample_store)
    assert run.status == 0, run.err
    assert "Zakir Hasanov" in run.out


def test_a_malformed_query_gets_the_parsers_message(milgraph, sample_store: str) -> None:
    run = milgraph("query", "SELECT ?x WHERE { ?x ?y }", "--store", sample_store)
    assert run.status == 2
    assert run.out == ""
    assert run.err.startswith("milgraph: error: invalid SPARQL: ")
    assert "1:" in run.err  # the parser says where
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("   ", "the query is empty"),
        (
            "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE found",
        ),
    ],
)
def test_what_is_not_a_query_is_refused(milgraph, sample_store: str, argument: str, message: str) -> None:
    run = milgraph("query", argument, "--store", sample_store)
    assert (run.status, run.err) == (2, f"milgraph: error: {message}\n")


def test_a_missing_query_file_is_named(milgraph, sample_store: str, tmp_path: Path) -> None:
    missing = tmp_path / "absent.rq"
    run = milgraph("query", f"@{missing}", "--store", sample_store)
    assert run.status == 2
    assert run.err == f"milgraph: error: cannot read the query file {missing}: No such file or directory\n"


def test_an_unknown_format_is_a_usage_error(milgraph, sample_store: str) -> None:
    run = milgraph("query", PEOPLE, "--format", "xml", "--store", sample_store)
    assert run.status == 2
    assert run.err == (
        "milgraph: error: argument --format: invalid choice: 'xml' (choose from 'table', 'json', 'csv') "
        "(see 'milgraph query --help')\n"
    )
