"""GET /export: the whole graph in one RDF serialisation, or as a network for Gephi and networkx.

The format is the `format` parameter or, without one, what the Accept header prefers (as
/sparql negotiates). Answers carry a weak ETag made from the store's content, so a client's
`If-None-Match` gets a 304 without the export being run; HEAD gives the headers alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from api.dates import DateRange, date_range, first_day, last_day
from api.deps import StoreDep
from api.linked import context_url
from api.negotiation import choose
from api.queries import render
from graph.jsonld import compacted_export
from graph.network import NETWORK_FORMATS, Period, serialise
from graph.network import network as build_network
from graph.store import RDF_FORMATS, Store

router = APIRouter(tags=["export"])

ExportFormat = Literal["turtle", "ntriples", "trig", "nquads", "jsonld", "rdfxml", "graphml", "gexf", "csv"]
NetworkView = Literal["whole", "parties"]
TRIG_EXAMPLE = """<https://w3id.org/milgraph/graph/article/004> {
  <https://w3id.org/milgraph/id/state/LVA> a <https://w3id.org/milgraph/ontology#State> .
}
"""
EXTENSIONS = {
    "turtle": "ttl",
    "ntriples": "nt",
    "trig": "trig",
    "nquads": "nq",
    "jsonld": "jsonld",
    "rdfxml": "rdf",
    **{name: extension for name, (_, extension) in NETWORK_FORMATS.items()},
}
MEDIA_TYPES = {**RDF_FORMATS, **{name: media for name, (media, _) in NETWORK_FORMATS.items()}}
# The server's order of preference when a client accepts several equally (`*/*` gets TriG).
PREFERENCE = ("trig", "nquads", "turtle", "ntriples", "jsonld", "rdfxml", "graphml", "gexf", "csv")
# Other names clients use for the same serialisations.
ALIASES = {
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "text/plain": "ntriples",
    "application/json": "jsonld",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
}


def negotiate(accept: str | None) -> str:
    """The format an Accept header prefers; 406 when it accepts none."""
    offered = {MEDIA_TYPES[name]: name for name in PREFERENCE}
    chosen = choose(accept, [*offered, *ALIASES])
    if chosen is None:
        raise HTTPException(
            status.HTTP_406_NOT_ACCEPTABLE,
            f"cannot export as {accept!r}; available: {', '.join(offered)} (or the 'format' parameter)",
        )
    return offered.get(chosen) or ALIASES[chosen]


def check_options(fmt: str, view: str | None, dates: DateRange) -> None:
    if fmt not in NETWORK_FORMATS and (view is not None or dates.start or dates.end):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "'network', 'from' and 'to' apply to the graphml, gexf and csv formats only",
        )


def entity_tag(request: Request, store: Store, fmt: str, view: str | None, dates: DateRange) -> str:
    """Weak: equal tags promise the same content, not the same bytes (gzip, a GEXF's date).

    Made from a digest of every named graph, computed by the store itself: any write, by
    this service or another client of a remote store, changes it.
    """
    rows = store.select(render("graph-digests"))
    digests = sorted((row["g"], row["n"], row.get("digest", "")) for row in rows)
    state = [request.app.version, fmt, view, str(dates.start), str(dates.end), digests]
    return 'W/"' + hashlib.sha256(json.dumps(state).encode()).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110 §13.1.2: weak comparison, `*` matching any current representation."""
    if not if_none_match:
        return False
    candidates = [candidate.strip() for candidate in if_none_match.split(",")]
    return "*" in candidates or tag.removeprefix("W/") in {c.removeprefix("W/") for c in candidates}


def body(request: Request, store: Store, fmt: str, view: str | None, dates: DateRange) -> Iterator[bytes]:
    if fmt in NETWORK_FORMATS:
        period = Period(
            first_day(dates.start) if dates.start else None, last_day(dates.end) if dates.end else None
        )
        return serialise(build_network(store, view or "whole", period), fmt)
    if fmt == "jsonld":
        return compacted_export(store, context_url(request))
    return store.export(fmt)


@router.head("/export", include_in_schema=False)
@router.get(
    "/export",
    summary="Download the whole graph, or a network of it",
    description="TriG, N-Quads and JSON-LD keep each article's named graph and the default graph "
    "(their union), so a bulk load restores a working store; JSON-LD is compacted with the "
    "context at `/context.jsonld`; Turtle, N-Triples and RDF/XML hold "
    "the union. GraphML, GEXF and CSV (a zip of `nodes.csv` and `edges.csv`, as Gephi imports "
    "them) are the network of parties, people, events and places (`network=whole`), or of "
    "parties linked by the events they share, weighted by their number (`network=parties`); "
    "`from` and `to` keep the events of a date range. Without `format`, the Accept header picks "
    "the format (`*/*`: TriG). A weak ETag comes with each answer: send it back in `If-None-Match` "
    "to get a 304 while the store has not changed. HEAD answers the headers alone.",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the graph",
            "content": {
                **{media: {} for media in MEDIA_TYPES.values()},
                RDF_FORMATS["trig"]: {"example": TRIG_EXAMPLE},
            },
        },
        304: {"description": "the store has not changed since the export whose ETag was sent"},
        406: {"description": "no format given, and none that the Accept header accepts"},
    },
)
def export(
    request: Request,
    store: StoreDep,
    dates: Annotated[DateRange, Depends(date_range)],
    format: Annotated[
        ExportFormat | None,
        Query(description="the serialisation; without it, the Accept header decides", examples=["trig"]),
    ] = None,
    network: Annotated[
        NetworkView | None, Query(description="graphml, gexf, csv: the whole graph or parties only")
    ] = None,
    if_none_match: Annotated[str | None, Header(description="an ETag of an earlier export")] = None,
) -> Response:
    fmt = format or negotiate(request.headers.get("accept"))
    check_options(fmt, network, dates)
    tag = entity_tag(request, store, fmt, network, dates)
    headers = {
        "ETag": tag,
        "Content-Disposition": f'attachment; filename="milgraph.{EXTENSIONS[fmt]}"',
        "Vary": "Accept",
    }
    if matches(if_none_match, tag):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag, "Vary": "Accept"})
    if request.method == "HEAD":
        # Streamed like the GET, so no Content-Length claims the body is empty.
        return StreamingResponse(iter(()), media_type=MEDIA_TYPES[fmt], headers=headers)
    return StreamingResponse(
        body(request, store, fmt, network, dates), media_type=MEDIA_TYPES[fmt], headers=headers
    )
