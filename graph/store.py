"""The one store interface every backend implements, and the errors it raises.

Backends: `graph.embedded.EmbeddedStore` (pyoxigraph, on disk or in memory) and
`graph.remote.RemoteStore` (any SPARQL 1.1 Protocol server). `graph.open_store`
picks one from a location string. Callers above `graph/` only ever see `Store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

QueryForm = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]

# Export / CONSTRUCT serialisations by short name; the value is the media type.
RDF_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# SELECT / ASK result serialisations by short name.
RESULT_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


class StoreError(Exception):
    """A store could not do what was asked; the message names the store and the operation."""


class StoreUnavailable(StoreError):
    """The store could not be reached or opened."""


class QuerySyntaxError(StoreError):
    """The SPARQL text does not parse; the message is the parser's."""


class QueryTimeout(StoreError):
    """A query ran past its time limit and was stopped."""


class UnsupportedFormat(StoreError):
    """The asked serialisation does not exist for this query form or export (HTTP 406 material)."""


def check_media_type(form: QueryForm, media_type: str) -> None:
    """Raise UnsupportedFormat unless `media_type` is a serialisation of `form`'s answers."""
    allowed = RESULT_FORMATS if form in ("SELECT", "ASK") else RDF_FORMATS
    if media_type not in allowed.values():
        raise UnsupportedFormat(
            f"a {form} result cannot be served as {media_type}; available: {', '.join(allowed.values())}"
        )


@dataclass(slots=True)
class QueryResult:
    """A query answer already serialised by the store, ready to send to a client."""

    form: QueryForm
    media_type: str
    body: bytes | Iterator[bytes] = b""


@dataclass(slots=True)
class GraphUpload:
    """One named graph to write, as N-Triples, replacing whatever the graph held."""

    iri: str
    ntriples: bytes
    content_hash: str = ""
    meta: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Store(Protocol):
    """A quad store holding one named graph per article; the default graph is their union.

    The union is a set (SPARQL's RDF merge), kept in the store's real default
    graph by every write: a triple several articles assert is in it once, and
    leaves it with the last graph that asserts it.
    """

    location: str

    def replace_graphs(self, uploads: Iterable[GraphUpload]) -> None:
        """Write a batch of named graphs and their union atomically: after an error, all are as before."""

    def remove_graphs(self, iris: Iterable[str]) -> None:
        """Drop these named graphs, and from the default graph everything only they asserted."""

    def graph_hashes(self) -> Mapping[str, str]:
        """Named graph IRI -> content hash of the article it holds, for idempotent re-ingest."""

    def select(self, query: str, *, timeout: float | None = None) -> list[dict[str, str]]:
        """Run a SELECT over the default graph; each row maps bound variables to lexical values."""

    def ask(self, query: str, *, timeout: float | None = None) -> bool:
        """Run an ASK over the default graph."""

    def query(
        self,
        query: str,
        *,
        media_type: str,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        timeout: float | None = None,
        row_limit: int | None = None,
    ) -> QueryResult:
        """Run any query form and serialise the answer as `media_type` (SPARQL protocol semantics).

        Graphs named here, or by the query's FROM / FROM NAMED, replace the default graph.
        """

    def update(self, update: str, *, timeout: float | None = None) -> None:
        """Apply a SPARQL 1.1 Update atomically, then re-derive the default graph in the same transaction.

        The default graph is derived data: after any update it is again the union of
        the named graphs, so triples written straight into it are not kept.
        """

    def export(self, fmt: str) -> Iterator[bytes]:
        """Stream the whole dataset in one of `RDF_FORMATS`.

        Formats with graphs (TriG, N-Quads, JSON-LD) hold the default graph and every
        named graph, so a bulk load of the file restores the store exactly; the others
        hold the default graph, the union.
        """

    def close(self) -> None:
        """Release files, connections and locks."""
