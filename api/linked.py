"""REST views as `application/ld+json`, compacted with the context served at /context.jsonld.

A REST route answers in JSON-LD when the client prefers `application/ld+json` to
`application/json`: the RDF description of the nodes the JSON view shows, compacted with
the published context, so the same keys (`party`, `date`, `attendee`) mean the same
everywhere milgraph writes JSON-LD.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from fastapi import Request, Response

from api.negotiation import choose
from api.queries import iris, render
from graph.jsonld import compacted_triples
from graph.store import RDF_FORMATS, Store

LD_JSON = RDF_FORMATS["jsonld"]
# The OpenAPI `responses` entry of a route that can answer in JSON-LD.
LINKED_DATA_RESPONSE = {
    "content": {LD_JSON: {"schema": {"type": "object"}}},
    "description": "as `application/ld+json` (Accept): the nodes shown, compacted with /context.jsonld",
}


def context_url(request: Request) -> str:
    return str(request.url_for("context_document"))  # the route is in api.description


def wants_linked_data(request: Request) -> bool:
    """True when the Accept header prefers JSON-LD; equal weights keep plain JSON."""
    return choose(request.headers.get("accept"), ["application/json", LD_JSON]) == LD_JSON


def described(store: Store, request: Request, nodes: Iterable[str]) -> Response:
    """The statements about `nodes` (see describe.rq) as a compacted JSON-LD document."""
    wanted = sorted(set(nodes))
    triples: list[ox.Triple] = []
    if wanted:
        result = store.query(render("describe", nodes=iris(wanted)), media_type=RDF_FORMATS["ntriples"])
        body = result.body if isinstance(result.body, bytes) else b"".join(result.body)
        triples = [quad.triple for quad in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
    return Response(compacted_triples(triples, context_url(request)), media_type=LD_JSON)
