"""`milgraph export`: every format parses back with rdflib; a failed export leaves no truncated file."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from cli.errors import CommandError
from cli.output import write_atomically

# rdflib 7.6's own parsers still use its deprecated ConjunctiveGraph API.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

HASANOV = URIRef("https://w3id.org/milgraph/id/person/zakir-hasanov")
NAME = URIRef("https://schema.org/name")
GRAPH_BASE = "https://w3id.org/milgraph/graph/article/"


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml")],
)
def test_export_to_a_file_parses_back(
    milgraph, sample_store: str, tmp_path: Path, fmt, rdflib_format
) -> None:
    target = tmp_path / f"graph.{fmt}"
    run = milgraph("export", "--format", fmt, "-o", target, "--store", sample_store)
    assert (run.status, run.out, run.err) == (0, "", "")
    graph = Graph().parse(target, format=rdflib_format)
    assert (HASANOV, NAME, Literal("Zakir Hasanov")) in graph
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_dataset_formats_keep_one_graph_per_article(
    milgraph, sample_store: str, sample_ids, tmp_path: Path, fmt, rdflib_format
) -> None:
    target = tmp_path / f"graph.{fmt}"
    assert milgraph("export", "--format", fmt, "-o", target, "--store", sample_store).status == 0
    dataset = Dataset().parse(target, format=rdflib_format)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {GRAPH_BASE + article_id for article_id in sample_ids} <= graphs
    assert (HASANOV, NAME, Literal("Zakir Hasanov")) in dataset.graph(URIRef(GRAPH_BASE + sample_ids[0]))


def test_export_streams_to_stdout(milgraph, sample_store: str) -> None:
    run = milgraph("export", "--format", "ntriples", "--store", sample_store)
    assert run.status == 0, run.err
    graph = Graph().parse(data=run.out, format="nt")
    assert (HASANOV, NAME, Literal("Zakir Hasanov")) in graph


def test_an_unknown_format_is_a_usage_error(milgraph, sample_store: str) -> None:
    run = milgraph("export", "--format", "csv", "--store", sample_store)
    assert run.status == 2
    assert run.err.startswith("milgraph: error: argument --format: invalid choice: 'csv' (choose from ")


def test_export_into_a_missing_folder_is_a_clear_error(milgraph, sample_store: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.nq"
    run = milgraph("export", "--format", "nquads", "-o", target, "--store", sample_store)
    assert (run.status, run.err) == (
        2,
        f"milgraph: error: cannot write {target}: No such file or directory\n",
    )


def test_a_failed_write_keeps_the_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "graph.nt"
    target.write_bytes(b"<urn:a> <urn:b> <urn:c> .\n")

    def chunks():
        yield b"<urn:x> <urn:y> <urn:z> .\n"
        raise CommandError("the store went away")

    with pytest.raises(CommandError, match="the store went away"):
        write_atomically(target, chunks())
    assert target.read_bytes() == b"<urn:a> <urn:b> <urn:c> .\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_finished_write_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "graph.nt"
    write_atomically(target, [b"<urn:a> <urn:b> <urn:c> .\n"])
    assert target.read_bytes() == b"<urn:a> <urn:b> <urn:c> .\n"
    assert target.stat().st_mode & 0o044  # readable beyond the owner, unlike a bare mkstemp file
