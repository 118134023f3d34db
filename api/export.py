"""GET /export: the whole graph in one RDF serialisation, or as a network for Gephi and networkx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import StreamingResponse

from api.dates import DateRange, date_range, first_day, last_day
from api.deps import StoreDep
from api.linked import context_url
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


def body(request: Request, store: Store, fmt: str, view: str | None, dates: DateRange) -> Iterator[bytes]:
    if fmt in NETWORK_FORMATS:
        period = Period(
            first_day(dates.start) if dates.start else None, last_day(dates.end) if dates.end else None
        )
        return serialise(build_network(store, view or "whole", period), fmt)
    if view is not None or dates.start or dates.end:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            "'network', 'from' and 'to' apply to the graphml, gexf and csv formats only",
        )
    if fmt == "jsonld":
        return compacted_export(store, context_url(request))
    return store.export(fmt)


@router.get(
    "/export",
    summary="Download the whole graph, or a network of it",
    description="TriG, N-Quads and JSON-LD keep each article's named graph and the default graph "
    "(their union), so a bulk load restores a working store; JSON-LD is compacted with the "
    "context at `/context.jsonld`; Turtle, N-Triples and RDF/XML hold "
    "the union. GraphML, GEXF and CSV (a zip of `nodes.csv` and `edges.csv`, as Gephi imports "
    "them) are the network of parties, people, events and places (`network=whole`), or of "
    "parties linked by the events they share, weighted by their number (`network=parties`); "
    "`from` and `to` keep the events of a date range.",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the graph",
            "content": {
                **{media: {} for media in MEDIA_TYPES.values()},
                RDF_FORMATS["trig"]: {"example": TRIG_EXAMPLE},
            },
        }
    },
)
def export(
    request: Request,
    store: StoreDep,
    dates: Annotated[DateRange, Depends(date_range)],
    format: Annotated[ExportFormat, Query(description="the serialisation", examples=["trig"])] = "trig",
    network: Annotated[
        NetworkView | None, Query(description="graphml, gexf, csv: the whole graph or parties only")
    ] = None,
) -> StreamingResponse:
    return StreamingResponse(
        body(request, store, format, network, dates),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="milgraph.{EXTENSIONS[format]}"'},
    )
