"""GET /neighbourhood/{node}: the ego graph around a person, party, meeting or agreement.

The graph is read hop by hop, each hop one query bound to the frontier and capped, so its
cost follows the size of the answer; networkx then cuts the ego graph of the asked radius.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

import networkx as nx
from fastapi import APIRouter, Path, Query

from api.deps import SettingsDep, StoreDep
from api.errors import NotFound
from api.event_details import BATCH, EVENT_KINDS, PARTY_KINDS
from api.models import Edge, Neighbourhood, Node, NotFoundBody
from api.queries import integer, iri, iris, render
from api.resolve import find_person, resolve_party
from api.suggestions import close_people
from graph.store import Store
from ontology import DCTERMS, ID, MG, ORG, RDF, SCHEMA, SKOS

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
    elif person := find_person(store, text):
        return person
    else:
        try:
            return resolve_party(store, text).id
        except NotFound as not_party:
            raise NotFound(
                f"no party, person, meeting or agreement in the graph is called {text!r}",
                not_party.suggestions + close_people(store, text),
            ) from None
    try:
        iri(centre)
    except ValueError:
        raise NotFound(f"{text!r} is not a node id: ids have no spaces, quotes or angle brackets") from None
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
    for node, data in describe(store, list(graph.nodes)).items():
        graph.nodes[node].update(data)
    # Nodes of no known kind (a place, say) have nothing to show.
    graph.remove_nodes_from([n for n, data in graph.nodes(data=True) if "type" not in data])
    return graph, truncated


def describe(store: Store, nodes: list[str]) -> dict[str, dict[str, str | None]]:
    """Node IRI -> its type and label, for the nodes that are people, parties, meetings or agreements."""
    about: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for start in range(0, len(nodes), BATCH):
        for row in store.select(render("nodes", nodes=iris(nodes[start : start + BATCH]))):
            about[row["node"]][row["property"]].append(row["value"])
    found: dict[str, dict[str, str | None]] = {}
    for node, values in about.items():
        kinds = {NODE_TYPES[c] for c in values[str(RDF.type)] if c in NODE_TYPES}
        if not kinds:
            continue
        # A meeting one article calls a call is shown as the call.
        kind = "call" if "call" in kinds else min(kinds)
        if kind in ("meeting", "call"):
            label = f"{kind} {min(values[str(DCTERMS.date)], default='undated')}"
        else:
            labels = values[str(SCHEMA.name)] + values[str(SKOS.prefLabel)] + values[str(DCTERMS.title)]
            label = max(labels, key=len, default=None)
        found[node] = {"type": kind, "label": label}
    return found
