"""The graph as a network for Gephi, networkx and spreadsheets: GraphML, GEXF, or nodes.csv + edges.csv.

Two views, both read from the default graph (the union of the articles):
- `whole`: parties, people, meetings, calls, agreements and places, linked as the RDF links
  them (event -> party, attendee, signatory, place; person -> party);
- `parties`: states and organisations only, two parties linked when they took part in an
  event together, weighted by the number of such events.
A period keeps the events whose date overlaps it (as the REST `from` / `to` do) and, in the
whole view, only the nodes those events link to.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from graph import queries
from graph.store import Store
from ontology import MG, ORG, SCHEMA

VIEWS = ("whole", "parties")
# Format name -> (media type, file extension).
NETWORK_FORMATS: dict[str, tuple[str, str]] = {
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
    "csv": ("application/zip", "zip"),
}
KINDS = {
    str(MG.State): "state",
    str(MG.InternationalOrganisation): "organisation",
    str(SCHEMA.Person): "person",
    str(MG.InPersonMeeting): "meeting",
    str(MG.Call): "call",
    str(MG.Agreement): "agreement",
    str(SCHEMA.Place): "place",
}
EVENT_KINDS = frozenset({"meeting", "call", "agreement"})
PARTY_KINDS = frozenset({"state", "organisation"})
LINKS = {
    str(MG.party): "party",
    str(SCHEMA.attendee): "attendee",
    str(MG.signatory): "signatory",
    str(SCHEMA.location): "location",
    str(ORG.memberOf): "memberOf",
}
NODE_COLUMNS = ("Id", "Label", "kind", "code", "date")


@dataclass(frozen=True, slots=True)
class Period:
    """Days `start` to `end` (YYYY-MM-DD, either open). A date of year or month precision is the
    span it names and is kept when the span overlaps; undated and year-less events are not."""

    start: str | None = None
    end: str | None = None

    @property
    def is_open(self) -> bool:
        return self.start is None and self.end is None

    def holds(self, date: str | None) -> bool:
        if self.is_open:
            return True
        if not date or date.startswith("--") or len(date) not in (4, 7, 10):
            return False
        last = date + "-12-31"[len(date) - 4 :]
        first = date + "-01-01"[len(date) - 4 :]
        return (self.start is None or last >= self.start) and (self.end is None or first <= self.end)


def _nodes(store: Store) -> dict[str, dict[str, str]]:
    nodes: dict[str, dict[str, str]] = {}
    for row in store.select(queries.load("network_nodes")):
        attributes = nodes.setdefault(row["node"], {})
        # A node of two classes (it should not happen) keeps the first kind it is read with.
        attributes.setdefault("kind", KINDS[row["class"]])
        for name in ("label", "code", "date"):
            if name in row:
                attributes.setdefault(name, row[name])
    for attributes in nodes.values():
        # Meetings have no title; Gephi shows the label, so they get one of kind and date.
        if "label" not in attributes and attributes["kind"] in EVENT_KINDS:
            attributes["label"] = " ".join(filter(None, (attributes["kind"], attributes.get("date"))))
    return nodes


def whole_graph(store: Store, period: Period = Period()) -> nx.DiGraph:
    """Every party, person, event and place, each link an edge labelled with its kind."""
    nodes = _nodes(store)
    links = [
        (row["source"], LINKS[row["link"]], row["target"])
        for row in store.select(queries.load("network_links"))
        if row["source"] in nodes and row["target"] in nodes
    ]
    events = {n for n, a in nodes.items() if a["kind"] in EVENT_KINDS and period.holds(a.get("date"))}
    if period.is_open:
        kept = set(nodes)
    else:
        kept = events | {target for source, _, target in links if source in events}
    graph = nx.DiGraph(name="milgraph", view="whole")
    for node in sorted(kept):
        if nodes[node]["kind"] not in EVENT_KINDS or node in events:
            graph.add_node(node, **nodes[node])
    for source, link, target in sorted(links):
        if source in graph and target in graph:
            graph.add_edge(source, target, label=link)
    return graph


def party_network(store: Store, period: Period = Period()) -> nx.Graph:
    """States and organisations, linked by the events they took part in together.

    Each edge has `weight` (events), `meetings`, `calls`, `agreements`, and `first` / `last`
    (the earliest and latest full dates, when any event has one).
    """
    nodes = _nodes(store)
    parties_of: dict[str, set[str]] = {}
    for row in store.select(queries.load("network_links")):
        if LINKS[row["link"]] == "party" and row["target"] in nodes and row["source"] in nodes:
            parties_of.setdefault(row["source"], set()).add(row["target"])
    graph = nx.Graph(name="milgraph", view="parties")
    for node, attributes in sorted(nodes.items()):
        if attributes["kind"] in PARTY_KINDS:
            graph.add_node(node, **attributes)
    for event, parties in sorted(parties_of.items()):
        about = nodes[event]
        if about["kind"] not in EVENT_KINDS or not period.holds(about.get("date")):
            continue
        date = about.get("date")
        for one, other in combinations(sorted(p for p in parties if p in graph), 2):
            if not graph.has_edge(one, other):
                graph.add_edge(one, other, weight=0, meetings=0, calls=0, agreements=0)
            edge = graph.edges[one, other]
            edge["weight"] += 1
            edge[f"{about['kind']}s"] += 1
            if date and len(date) == 10:
                edge["first"] = min(edge.get("first", date), date)
                edge["last"] = max(edge.get("last", date), date)
    return graph


def network(store: Store, view: str, period: Period = Period()) -> nx.Graph:
    if view not in VIEWS:
        raise ValueError(f"unknown network view {view!r}; available: {', '.join(VIEWS)}")
    return whole_graph(store, period) if view == "whole" else party_network(store, period)


def serialise(graph: nx.Graph, fmt: str) -> Iterator[bytes]:
    """The network in `fmt` (`NETWORK_FORMATS`); `csv` is a zip of nodes.csv and edges.csv."""
    if fmt == "graphml":
        return (f"{line}\n".encode() for line in nx.generate_graphml(graph))
    if fmt == "gexf":
        return (f"{line}\n".encode() for line in nx.generate_gexf(graph))
    if fmt == "csv":
        return iter([zipped(csv_files(graph))])
    raise ValueError(f"unknown network format {fmt!r}; available: {', '.join(NETWORK_FORMATS)}")


def _edge_columns(graph: nx.Graph) -> list[str]:
    extra = sorted({name for *_, data in graph.edges(data=True) for name in data} - {"label", "weight"})
    return ["Source", "Target", "Type", "Label", "Weight", *extra]


def csv_files(graph: nx.Graph) -> dict[str, bytes]:
    """`nodes.csv` and `edges.csv` with the column names Gephi's spreadsheet import expects.

    `Type` is Gephi's edge direction; `Label` is the link's kind in the whole view.
    """
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node, data in graph.nodes(data=True):
        writer.writerow(
            [node, data.get("label", ""), data["kind"], data.get("code", ""), data.get("date", "")]
        )
    edges = io.StringIO()
    columns = _edge_columns(graph)
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(columns)
    direction = "Directed" if graph.is_directed() else "Undirected"
    for source, target, data in graph.edges(data=True):
        row = {"Source": source, "Target": target, "Type": direction, "Label": data.get("label", "")}
        row["Weight"] = data.get("weight", 1)
        writer.writerow([row.get(column, data.get(column, "")) for column in columns])
    return {"nodes.csv": nodes.getvalue().encode(), "edges.csv": edges.getvalue().encode()}


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
