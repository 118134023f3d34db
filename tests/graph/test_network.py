"""The network views of the graph: what Gephi and networkx get, read back by their own parsers."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pytest

from graph.network import Period, csv_files, network, party_network, serialise, whole_graph

LVA = "https://w3id.org/milgraph/id/state/LVA"
AZE = "https://w3id.org/milgraph/id/state/AZE"
HASANOV = "https://w3id.org/milgraph/id/person/zakir-hasanov"


@pytest.mark.parametrize(
    ("date", "held"),
    [
        ("2022-04-26", True),
        ("2022-04", True),  # a month overlapping the range
        ("2022", True),
        ("2021-12-31", False),
        ("2023", False),
        ("--04-26", False),  # cannot be placed in a range
        (None, False),
    ],
)
def test_a_period_keeps_the_dates_that_overlap_it(date, held) -> None:
    assert Period("2022-03-01", "2022-12-31").holds(date) is held


def test_an_open_period_keeps_everything() -> None:
    assert Period().holds(None) and Period().holds("--04-26")


def test_the_whole_graph_links_events_people_and_parties(seeded_store) -> None:
    graph = whole_graph(seeded_store)
    assert graph.nodes[LVA] == {"kind": "state", "label": "Latvia", "code": "LVA"}
    assert graph.nodes[HASANOV]["kind"] == "person"
    assert graph.edges[HASANOV, AZE]["label"] == "memberOf"
    meetings = [n for n, kind in graph.nodes(data="kind") if kind == "meeting"]
    assert meetings and all(graph.nodes[m]["label"].startswith("meeting") for m in meetings)
    assert any(graph.has_edge(m, LVA) and graph.edges[m, LVA]["label"] == "party" for m in meetings)


def test_the_party_network_weighs_each_pair_by_its_events(seeded_store) -> None:
    parties = party_network(seeded_store)
    assert {kind for _, kind in parties.nodes(data="kind")} <= {"state", "organisation"}
    edge = parties.edges[AZE, LVA]
    assert edge["weight"] == edge["meetings"] + edge["calls"] + edge["agreements"] >= 2
    assert edge["agreements"] >= 1


def test_a_period_keeps_its_events_and_what_they_link(seeded_store) -> None:
    year = Period("2022-01-01", "2022-12-31")
    whole = whole_graph(seeded_store, year)
    events = [n for n, kind in whole.nodes(data="kind") if kind in ("meeting", "call", "agreement")]
    assert events and all(whole.nodes[e]["date"].startswith("2022") for e in events)
    assert all(whole.degree(n) for n in whole)  # nothing the year's events do not reach
    parties = party_network(seeded_store, year)
    assert parties.edges[AZE, LVA]["weight"] <= party_network(seeded_store).edges[AZE, LVA]["weight"]
    assert parties.edges[AZE, LVA]["first"].startswith("2022")
    assert party_network(seeded_store, Period("1900-01-01", "1900-12-31")).number_of_edges() == 0


@pytest.mark.parametrize("view", ["whole", "parties"])
def test_graphml_and_gexf_read_back_with_networkx(seeded_store, view) -> None:
    graph = network(seeded_store, view)
    graphml = nx.read_graphml(io.BytesIO(b"".join(serialise(graph, "graphml"))))
    gexf = nx.read_gexf(io.BytesIO(b"".join(serialise(graph, "gexf"))))
    for read in (graphml, gexf):
        assert set(read.nodes) == set(graph.nodes)
        assert read.number_of_edges() == graph.number_of_edges()
        assert read.nodes[LVA]["label"] == "Latvia"
    if view == "parties":
        assert graphml.edges[AZE, LVA]["weight"] == graph.edges[AZE, LVA]["weight"]
        assert gexf.edges[AZE, LVA]["weight"] == graph.edges[AZE, LVA]["weight"]


def test_the_csv_files_are_what_gephi_imports(seeded_store) -> None:
    graph = party_network(seeded_store)
    with zipfile.ZipFile(io.BytesIO(b"".join(serialise(graph, "csv")))) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), encoding="utf-8")))
        edges = list(csv.DictReader(io.TextIOWrapper(archive.open("edges.csv"), encoding="utf-8")))
    assert {"Id": LVA, "Label": "Latvia", "kind": "state", "code": "LVA", "date": ""} in nodes
    pair = next(e for e in edges if {e["Source"], e["Target"]} == {AZE, LVA})
    assert pair["Type"] == "Undirected"
    assert int(pair["Weight"]) == graph.edges[AZE, LVA]["weight"]


def test_a_label_with_commas_and_quotes_stays_one_cell() -> None:
    graph = nx.Graph()
    graph.add_node("urn:x", kind="agreement", label='Plan "A", 2020')
    rows = list(csv.reader(io.StringIO(csv_files(graph)["nodes.csv"].decode())))
    assert rows[1] == ["urn:x", 'Plan "A", 2020', "agreement", "", ""]


def test_an_unknown_view_is_refused(seeded_store) -> None:
    with pytest.raises(ValueError, match="unknown network view"):
        network(seeded_store, "people")
