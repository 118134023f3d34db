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
    run = milgraph("export", "--format", "xlsx", "--store", sample_store)
    assert run.status == 2
    assert run.err.startswith("milgraph: error: argument --format: invalid choice: 'xlsx' (choose from ")


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


LVA = "https://w3id.org/milgraph/id/state/LVA"
AZE = "https://w3id.org/milgraph/id/state/AZE"


@pytest.mark.parametrize(("fmt", "read"), [("graphml", "read_graphml"), ("gexf", "read_gexf")])
def test_network_formats_read_back_with_networkx(milgraph, sample_store: str, tmp_path: Path, fmt, read):
    import networkx as nx

    target = tmp_path / f"parties.{fmt}"
    run = milgraph("export", "--format", fmt, "--network", "parties", "-o", target, "--store", sample_store)
    assert (run.status, run.err) == (0, "")
    graph = getattr(nx, read)(target)
    assert graph.nodes[LVA]["label"] == "Latvia"
    assert graph.edges[AZE, LVA]["weight"] >= 2


def test_csv_goes_into_a_folder_or_a_zip(milgraph, sample_store: str, tmp_path: Path) -> None:
    import csv
    import zipfile

    folder = tmp_path / "network"
    assert milgraph("export", "--format", "csv", "-o", folder, "--store", sample_store).status == 0
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    with (folder / "edges.csv").open(encoding="utf-8") as edges:
        links = {row["Label"] for row in csv.DictReader(edges)}
    assert {"party", "attendee", "memberOf"} <= links
    archive = tmp_path / "network.zip"
    assert milgraph("export", "--format", "csv", "-o", archive, "--store", sample_store).status == 0
    with zipfile.ZipFile(archive) as opened:
        assert opened.read("nodes.csv") == (folder / "nodes.csv").read_bytes()


def test_a_date_range_keeps_the_events_in_it(milgraph, sample_store: str, tmp_path: Path) -> None:
    import networkx as nx

    target = tmp_path / "2022.graphml"
    run = milgraph(
        "export",
        "--format",
        "graphml",
        "--from",
        "2022",
        "--to",
        "2022-12",
        "-o",
        target,
        "--store",
        sample_store,
    )
    assert run.status == 0, run.err
    dates = [d for _, d in nx.read_graphml(target).nodes(data="date") if d]
    assert dates and all(d.startswith("2022") for d in dates)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--format", "csv"), "csv writes two files: give -o FOLDER, or -o FILE.zip for one zip file"),
        (("--format", "turtle", "--network", "parties"), "--network, --from and --to apply to the graphml"),
        (("--format", "gexf", "--from", "2023", "--to", "2022"), "--from (2023) is after --to (2022)"),
    ],
)
def test_network_options_are_checked(milgraph, sample_store: str, argv, message) -> None:
    run = milgraph("export", *argv, "--store", sample_store)
    assert run.status == 2
    assert run.err.startswith(f"milgraph: error: {message}")


def test_a_date_that_is_not_one_is_a_usage_error(milgraph, sample_store: str) -> None:
    run = milgraph("export", "--format", "gexf", "--from", "April", "--store", sample_store)
    assert run.status == 2
    assert "not a date as YYYY-MM-DD, YYYY-MM or YYYY: 'April'" in run.err


def test_jsonld_is_compacted_with_the_context_inline(milgraph, sample_store: str, tmp_path: Path) -> None:
    import json

    from pyld import jsonld

    from graph.jsonld import context

    target = tmp_path / "graph.jsonld"
    assert milgraph("export", "--format", "jsonld", "-o", target, "--store", sample_store).status == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["@context"] == context()
    people = [n for n in document["@graph"] if n.get("@type") == "Person"]
    assert {"@id": "id:person/zakir-hasanov", "name": "Zakir Hasanov"}.items() <= next(
        p for p in people if p["@id"] == "id:person/zakir-hasanov"
    ).items()
    expanded = Dataset()
    expanded.parse(data=jsonld.to_rdf(document, {"format": "application/n-quads"}), format="nquads")
    nquads = tmp_path / "graph.nq"
    assert milgraph("export", "--format", "nquads", "-o", nquads, "--store", sample_store).status == 0
    assert set(expanded.quads()) == set(Dataset().parse(nquads, format="nquads").quads())
