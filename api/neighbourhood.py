"""GET /neighbourhood/{node}: the ego graph around a person, party, meeting or agreement.

The graph is read hop by hop, each hop one query bound to the frontier and capped, so its
cost follows the size of the answer; networkx then cuts the ego graph of the asked radius.
"""

from __future__ import annotations

from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Path, Query

from api.deps import SettingsDep, StoreDep
from api.errors import NotFound
from api.event_details import BATCH, EVENT_KINDS, PARTY_KINDS
from api.models import Edge, Neighbourhood, Node, NotFoundBody
from api.queries import integer, iris, render
from api.resolve import resolve_party, resolve_person
from graph.store import Store
from ontology import ID, MG, ORG, SCHEMA

router = APIRouter(tags=["graph"])

NODE_TYPES = {**EVENT_KINDS, **PARTY_KINDS, str(SCHEMA.Person): "person"}
EDGE_TYPES = {
    str(MG.party): "party",
    str(SCHEMA.attendee): "attendee",
    str(MG.signatory): "signatory",
    str(ORG.memberOf): "memberOf",
}
# Links read per hop, as a multiple of the node cap: a node has a few links on average.
LINKS_PER_NODE = 4


@router.get(
    "/neighbourhood/{node:path}",
    summary="Nodes and edges around a person, party, meeting or agreement, for a graph view",
    responses={404: {"model": NotFoundBody, "description": "no such node; close matches"}},
)
def neighbourhood(
    store: StoreDep,
    settings: SettingsDep,
    node: Annotated[
        str,
        Path(
            description="a node's id under https://w3id.org/milgraph/id/ ('state/LVA', "
            "'person/zakir-hasanov', 'meeting/…'), or a party's or person's name",
            examples=["state/LVA", "Zakir Hasanov"],
        ),
    ],
    hops: Annotated[int, Query(ge=1, le=3, description="how many links away from the node to go")] = 1,
) -> Neighbourhood:
    centre = resolve_node(store, node)
    graph, truncated = explore(store, centre, hops, settings.max_neighbourhood_nodes)
    ego = nx.ego_graph(graph, centre, radius=hops, undirected=True)
    return Neighbourhood(
        centre=centre,
        hops=hops,
        nodes=[Node(id=n, **ego.nodes[n]) for n in sorted(ego.nodes)],
        edges=[Edge(source=s, target=t, type=kind) for s, t, kind in sorted(ego.edges(data="type"))],
        truncated=truncated,
    )


def resolve_node(store: Store, node: str) -> str:
    """A node IRI from its id ('state/LVA'), its full IRI, or a party's or person's name."""
    text = node.strip()
    if text.startswith(str(ID)):
        centre = text
    elif "/" in text:
        centre = f"{ID}{text}"
    else:
        try:
            return resolve_party(store, text).id
        except NotFound as not_party:
            try:
                return resolve_person(store, text)
            except NotFound as not_person:
                raise NotFound(
                    f"no party, person, meeting or agreement in the graph is called {text!r}",
                    not_party.suggestions + not_person.suggestions,
                ) from None
    if not describe(store, [centre]):
        raise NotFound(f"no person, party, meeting or agreement in the graph has the id {text!r}")
    return centre


def explore(store: Store, centre: str, hops: int, cap: int) -> tuple[nx.DiGraph, bool]:
    """The links up to `hops` away from `centre`, stopping at `cap` nodes; True if the cap cut it."""
    graph = nx.DiGraph()
    graph.add_node(centre)
    frontier = [centre]
    truncated = False
    limit = cap * LINKS_PER_NODE
    for _ in range(hops):
        if not frontier:
            break
        rows = store.select(render("links", nodes=iris(frontier), limit=integer(limit)))
        truncated |= len(rows) >= limit
        reached = []
        for row in rows:
            source, target = row["source"], row["target"]
            for end in (source, target):
                if end not in graph and graph.number_of_nodes() < cap:
                    graph.add_node(end)
                    reached.append(end)
            if source in graph and target in graph:
                graph.add_edge(source, target, type=EDGE_TYPES[row["link"]])
            else:
                truncated = True
        frontier = reached
    for iri, data in describe(store, list(graph.nodes)).items():
        graph.nodes[iri].update(data)
    # Nodes of no known kind (a place, say) have nothing to show.
    graph.remove_nodes_from([n for n, data in graph.nodes(data=True) if "type" not in data])
    return graph, truncated


def describe(store: Store, nodes: list[str]) -> dict[str, dict[str, str | None]]:
    """Node IRI -> its type and label, for the nodes that are people, parties, meetings or agreements."""
    found: dict[str, dict[str, str | None]] = {}
    for start in range(0, len(nodes), BATCH):
        for row in store.select(render("nodes", nodes=iris(nodes[start : start + BATCH]))):
            kind = NODE_TYPES[row["class"]]
            label = row.get("label")
            if kind in ("meeting", "call"):
                label = f"{kind} {row.get('date', 'undated')}"
            known = found.get(row["node"])
            # A meeting typed as a call by one article is shown as the call.
            if known is None or kind == "call":
                found[row["node"]] = {"type": kind, "label": label}
            elif label and len(label) > len(known["label"] or ""):
                known["label"] = label
    return found
