"""The embedded store: pyoxigraph (RocksDB) in a directory, or in memory when no directory is given."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from graph import queries
from graph.sparqltext import query_form
from graph.store import (
    RDF_FORMATS,
    RESULT_FORMATS,
    GraphUpload,
    QueryResult,
    QuerySyntaxError,
    StoreError,
    StoreUnavailable,
    UnsupportedFormat,
    check_media_type,
)
from graph.union import in_user_text, publish, retract, then_rederive
from ontology import PREFIXES

_RDF_FORMATS = {media: ox.RdfFormat.from_media_type(media) for media in RDF_FORMATS.values()}
_RESULT_FORMATS = {media: ox.QueryResultsFormat.from_media_type(media) for media in RESULT_FORMATS.values()}
# `id:` local names hold slashes, which Turtle must escape (`id:state\/LVA`): full IRIs read better.
_PREFIXES = {prefix: iri for prefix, iri in PREFIXES.items() if prefix != "id"}
_EXPORT_CHUNK = 10_000  # triples per serialised chunk: bounded memory, few serializer calls


def _term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    """A term as SPARQL 1.2 JSON results write it: triple terms and directional literals included."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            literal = {"type": "literal", "value": term.value, "xml:lang": term.language}
            return {**literal, "its:dir": term.direction.value} if term.direction else literal
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    if isinstance(term, ox.Triple):
        # Nested no deeper than the query that built it, which the service bounds.
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {name: _term_json(part) for name, part in parts.items()}}
    raise StoreError(f"cannot serialise the result term {term} under a row limit")


def _limited(solutions: ox.QuerySolutions, row_limit: int) -> ox.QuerySolutions:
    """The first `row_limit` solutions, as results pyoxigraph can serialise in any format."""
    names = [v.value for v in solutions.variables]
    rows = [
        {name: _term_json(row[name]) for name in names if row[name] is not None}
        for row in islice(solutions, row_limit)
    ]
    document = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}})
    return ox.parse_query_results(document, ox.QueryResultsFormat.JSON)


class EmbeddedStore:
    """A `graph.store.Store` on pyoxigraph; `path=None` keeps everything in memory.

    RocksDB allows one process per directory: opening a directory another
    process (or another open store here) holds raises `StoreUnavailable`.
    Queries run in-process and cannot be interrupted, so `timeout` is left to
    the caller (the service runs queries under its own deadline).

    `read_only=True` opens a directory another process may hold for writing, as
    it is at the opening: later writes show only in a store opened after them.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else ":memory:"
        if path is not None:
            target = Path(path)
            if target.exists() and not target.is_dir():
                raise StoreUnavailable(f"cannot open the store at {target}: it is a file, not a directory")
        try:
            if read_only and path is not None:
                self._store: ox.Store | None = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(None if path is None else str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreUnavailable(
                    f"cannot open the store at {path}: another milgraph process is using it ({exc})"
                ) from exc
            raise StoreUnavailable(f"cannot open the store at {path}: {exc}") from exc

    def __repr__(self) -> str:
        return f"EmbeddedStore({self.location!r})"

    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store at {self.location} is closed")
        return self._store

    def _update(self, text: str, action: str) -> None:
        try:
            self._db.update(text)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"could not {action} in the store at {self.location}: {exc}") from exc

    def replace_graphs(self, uploads: Iterable[GraphUpload]) -> None:
        """One SPARQL update for the whole batch, which pyoxigraph applies as a single transaction."""
        graphs: list[str] = []
        writes: list[str] = []
        for upload in uploads:
            try:
                list(ox.parse(upload.ntriples, ox.RdfFormat.N_TRIPLES))
                graph = str(ox.NamedNode(upload.iri))
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"graph {upload.iri} is not valid N-Triples under an IRI: {exc}") from exc
            body = upload.ntriples.decode("utf-8")
            graphs.append(graph)
            writes += [
                retract(graph),
                f"DROP SILENT GRAPH {graph}",
                f"INSERT DATA {{ GRAPH {graph} {{\n{body}}} }}",
            ]
        if graphs:
            self._update(" ;\n".join([*writes, publish(graphs)]), "write graphs")

    def remove_graphs(self, iris: Iterable[str]) -> None:
        """Each graph holds every triple its article asserts, so dropping it (and from the default
        graph what no other graph asserts) drops exactly those."""
        graphs = [str(ox.NamedNode(iri)) for iri in iris]
        if graphs:
            drops = [f"{retract(graph)} ;\nDROP SILENT GRAPH {graph}" for graph in graphs]
            self._update(" ;\n".join(drops), "remove graphs")

    def graph_hashes(self) -> Mapping[str, str]:
        return {row["g"]: row["hash"] for row in self.select(queries.load("graph_hashes"))}

    def _run(self, query: str, **dataset: object) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        try:
            return self._db.query(query, **dataset)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"query failed on the store at {self.location}: {exc}") from exc

    def select(self, query: str, *, timeout: float | None = None) -> list[dict[str, str]]:
        solutions = self._run(query)
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("select() needs a SELECT query")
        names = [v.value for v in solutions.variables]
        return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]

    def ask(self, query: str, *, timeout: float | None = None) -> bool:
        answer = self._run(query)
        if not isinstance(answer, ox.QueryBoolean):
            raise StoreError("ask() needs an ASK query")
        return bool(answer)

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
        form = query_form(query)
        check_media_type(form, media_type)
        if default_graph_uris or named_graph_uris:
            # SPARQL Protocol: graphs named in the request define the dataset, replacing the query's.
            answer = self._run(
                query,
                default_graph=[ox.NamedNode(iri) for iri in default_graph_uris or []],
                named_graphs=[ox.NamedNode(iri) for iri in named_graph_uris or []],
            )
        else:
            answer = self._run(query)
        if isinstance(answer, ox.QueryTriples):
            triples = answer if row_limit is None else islice(answer, row_limit)
            body = ox.serialize(triples, format=_RDF_FORMATS[media_type], prefixes=_PREFIXES)
        else:
            if isinstance(answer, ox.QuerySolutions) and row_limit is not None:
                answer = _limited(answer, row_limit)
            body = answer.serialize(format=_RESULT_FORMATS[media_type])
        return QueryResult(form=form, media_type=media_type, body=body)

    def update(self, update: str, *, timeout: float | None = None) -> None:
        try:
            self._update(then_rederive(update), "apply the update")
        except QuerySyntaxError as error:
            raise in_user_text(update, error) from None

    def export(self, fmt: str) -> Iterator[bytes]:
        """Stream the dataset: graph by graph where the format keeps graphs, else the default graph."""
        if fmt not in RDF_FORMATS:
            raise UnsupportedFormat(f"unknown export format {fmt!r}; available: {', '.join(RDF_FORMATS)}")
        rdf_format = _RDF_FORMATS[RDF_FORMATS[fmt]]
        db = self._db
        if fmt == "jsonld":
            return self._export_jsonld(db)
        if rdf_format.supports_datasets:
            return self._export_graphs(db, rdf_format)
        return self._export_default_graph(db, rdf_format)

    @staticmethod
    def _graph_quads(db: ox.Store) -> Iterator[list[ox.Quad]]:
        for graph in [ox.DefaultGraph(), *db.named_graphs()]:
            quads = list(db.quads_for_pattern(None, None, None, graph))
            if quads:
                yield quads

    def _export_graphs(self, db: ox.Store, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
        for quads in self._graph_quads(db):
            yield ox.serialize(quads, format=rdf_format, prefixes=_PREFIXES)

    def _export_jsonld(self, db: ox.Store) -> Iterator[bytes]:
        # One JSON array holds every graph object; each serialised graph is `[{...}]`, so drop its brackets.
        yield b"["
        separator = b""
        for quads in self._graph_quads(db):
            yield separator + ox.serialize(quads, format=ox.RdfFormat.JSON_LD).strip()[1:-1]
            separator = b",\n"
        yield b"]\n"

    def _export_default_graph(self, db: ox.Store, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
        triples = (quad.triple for quad in db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        if rdf_format == ox.RdfFormat.RDF_XML:
            yield ox.serialize(triples, format=rdf_format, prefixes=_PREFIXES)
            return
        while chunk := list(islice(triples, _EXPORT_CHUNK)):
            yield ox.serialize(chunk, format=rdf_format, prefixes=_PREFIXES)

    def flush(self) -> None:
        """Move what only the write-ahead log holds into table files, so that a store opened
        read-only does not replay it."""
        try:
            self._db.flush()
        except OSError as exc:
            raise StoreError(f"could not flush the store at {self.location}: {exc}") from exc

    def close(self) -> None:
        """Drop the pyoxigraph handle so RocksDB releases the directory lock."""
        self._store = None
