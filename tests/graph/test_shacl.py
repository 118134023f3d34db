"""Every article graph the graph layer builds conforms to ontology/shapes.ttl; broken ones do not."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Literal
from sample_records import make_record, riga_record, tallinn_record

from graph.rdf import article_upload
from ingest.records import ArticleRecord, PartialDate
from ontology import MG, OA, RDF, SHAPES_FILE


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


def article_graph(record: ArticleRecord) -> Graph:
    return Graph().parse(data=article_upload(record).ntriples, format="nt")


def validate(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes)
    return conforms, text


@pytest.mark.parametrize(
    "record",
    [
        tallinn_record(),
        riga_record(),
        make_record("empty-001", "Nothing military happened.", published=PartialDate(2021)),
        make_record("empty-002", "A note without a date."),
    ],
    ids=["every-feature", "second-report", "year-only", "bare"],
)
def test_article_graphs_conform(record: ArticleRecord, shapes: Graph) -> None:
    conforms, report = validate(article_graph(record), shapes)
    assert conforms, report


def test_every_date_precision_is_kept() -> None:
    graph = article_graph(tallinn_record())
    datatypes = {o.datatype.split("#")[1] for o in graph.objects() if isinstance(o, Literal) and o.datatype}
    assert {"date", "gYearMonth", "gYear", "gMonthDay"} <= datatypes


def test_a_meeting_both_in_person_and_a_call_is_rejected(shapes: Graph) -> None:
    graph = article_graph(tallinn_record())
    for call in list(graph.subjects(RDF.type, MG.Call)):
        graph.add((call, RDF.type, MG.InPersonMeeting))
    conforms, report = validate(graph, shapes)
    assert not conforms
    assert "QualifiedMaxCountConstraintComponent" in report


def test_evidence_ending_before_it_starts_is_rejected(shapes: Graph) -> None:
    graph = article_graph(tallinn_record())
    evidence = next(graph.subjects(RDF.type, MG.Evidence))
    graph.set((evidence, OA.start, Literal(10_000)))
    conforms, report = validate(graph, shapes)
    assert not conforms
    assert "LessThanOrEquals" in report
