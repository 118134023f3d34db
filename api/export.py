"""GET /export: the whole graph in one RDF serialisation, streamed."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import StoreDep
from graph.store import RDF_FORMATS

router = APIRouter(tags=["export"])

ExportFormat = Literal["turtle", "ntriples", "trig", "nquads", "jsonld", "rdfxml"]
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
}


@router.get(
    "/export",
    summary="Download the whole graph",
    description="TriG, N-Quads and JSON-LD keep each article's named graph and the default graph "
    "(their union), so a bulk load restores a working store; the other formats hold the union.",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the graph",
            "content": {
                **{media: {} for media in RDF_FORMATS.values()},
                RDF_FORMATS["trig"]: {"example": TRIG_EXAMPLE},
            },
        }
    },
)
def export(
    store: StoreDep,
    format: Annotated[ExportFormat, Query(description="the serialisation", examples=["trig"])] = "trig",
) -> StreamingResponse:
    return StreamingResponse(
        store.export(format),
        media_type=RDF_FORMATS[format],
        headers={"Content-Disposition": f'attachment; filename="milgraph.{EXTENSIONS[format]}"'},
    )
