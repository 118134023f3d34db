"""A store on any SPARQL 1.1 server, reached through the W3C protocols alone.

Queries go over the SPARQL 1.1 Protocol as URL-encoded POSTs, so that long
queries and dataset parameters never meet a URL length limit; writes go over
SPARQL 1.1 Update, POSTed directly. Each `replace_graphs` or `remove_graphs`
batch is ONE update request: servers run one request as one transaction, so a
failed batch leaves every graph, the default graph included, as it was. Queries
read the server's plain default graph, which the writes keep the union of the
article graphs (`graph.union`), so no server-specific union setting is needed.
See docs/scaling.md for the retry policy and the measured rates.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice

import httpx
import pyoxigraph as ox

from graph import queries
from graph.sparqltext import query_form
from graph.store import (
    RDF_FORMATS,
    RESULT_FORMATS,
    GraphUpload,
    QueryForm,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreUnavailable,
    UnsupportedFormat,
    check_media_type,
)
from graph.union import in_user_text, publish, retract, then_rederive
from ontology import PREFIXES

TRANSIENT_STATUS = frozenset({502, 503, 504})
BACKOFF_SECONDS = 0.25
EXPORT_CHUNK_QUADS = 20_000
ERROR_TEXT_LIMIT = 500
# `id:` local names hold slashes, which Turtle must escape: full IRIs read better (as in the embedded store).
EXPORT_PREFIXES = {prefix: iri for prefix, iri in PREFIXES.items() if prefix != "id"}

SPARQL_JSON = RESULT_FORMATS["json"]
SPARQL_TSV = RESULT_FORMATS["tsv"]

_IRI = re.compile(r"[^<>\"{}|^`\\\x00-\x20]+")


class RemoteStore:
    """The milgraph store interface over a SPARQL 1.1 Protocol and Update server."""

    def __init__(
        self,
        url: str,
        *,
        query_endpoint: str | None = None,
        update_endpoint: str | None = None,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        retries: int = 3,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise StoreUnavailable(f"remote store URL {url!r} must start with http:// or https://")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout}")
        if retries < 0:
            raise ValueError(f"retries must be 0 or more, got {retries}")
        if (username is None) != (password is None):
            raise ValueError("give both a username and a password for the remote store, or neither")
        base = url.rstrip("/")
        self.location = base
        self.query_endpoint = query_endpoint or f"{base}/query"
        self.update_endpoint = update_endpoint or f"{base}/update"
        self.timeout = timeout
        self.retries = retries
        self._client = httpx.Client(
            auth=httpx.BasicAuth(username, password) if username is not None else None,
            timeout=timeout,
            headers={"User-Agent": "milgraph"},
        )

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    # Writes

    def replace_graphs(self, uploads: Iterable[GraphUpload]) -> None:
        graphs: list[str] = []
        writes: list[str] = []
        for upload in uploads:
            graph = _iri(upload.iri)
            graphs.append(graph)
            writes += [retract(graph), f"DROP SILENT GRAPH {graph}"]
            triples = _checked_ntriples(upload)
            if triples:
                writes.append(f"INSERT DATA {{ GRAPH {graph} {{\n{triples}}} }}")
        if graphs:
            # Writing the same graphs twice ends in the same state, default graph
            # included, so a batch whose answer was lost is safely sent again.
            operations = [*writes, publish(graphs)]
            self._update(" ;\n".join(operations), what="replace article graphs", idempotent=True)

    def remove_graphs(self, iris: Iterable[str]) -> None:
        operations = [f"{retract(graph)} ;\nDROP SILENT GRAPH {graph}" for graph in map(_iri, iris)]
        if operations:
            self._update(" ;\n".join(operations), what="remove article graphs", idempotent=True)

    def update(self, update: str, *, timeout: float | None = None) -> None:
        try:
            self._update(
                then_rederive(update), what="apply a SPARQL update", idempotent=False, timeout=timeout
            )
        except QuerySyntaxError as error:
            raise in_user_text(update, error) from None

    # Reads

    def graph_hashes(self) -> Mapping[str, str]:
        rows = self._select_json(
            queries.load("graph_hashes"), what="read article content hashes", timeout=None
        )
        return {row["g"]: row["hash"] for row in rows if "g" in row and "hash" in row}

    def select(self, query: str, *, timeout: float | None = None) -> list[dict[str, str]]:
        return self._select_json(query, what="run a SELECT query", timeout=timeout)

    def ask(self, query: str, *, timeout: float | None = None) -> bool:
        response = self._query(query, accept=SPARQL_JSON, what="run an ASK query", timeout=timeout)
        answer = _json(response, self.query_endpoint).get("boolean")
        if not isinstance(answer, bool):
            raise StoreError(f"{self.query_endpoint} did not answer the ASK query with a boolean")
        return answer

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
        dataset = [("default-graph-uri", iri) for iri in default_graph_uris or []]
        dataset += [("named-graph-uri", iri) for iri in named_graph_uris or []]
        what = f"run a {form} query"
        if row_limit is not None and form != "ASK":
            body = self._limited(query, form, media_type, dataset, row_limit, what, timeout)
        else:
            body = self._query(query, accept=media_type, dataset=dataset, what=what, timeout=timeout).content
        return QueryResult(form=form, media_type=media_type, body=body)

    def export(self, fmt: str) -> Iterator[bytes]:
        if fmt not in RDF_FORMATS:
            raise UnsupportedFormat(f"unknown export format {fmt!r}; available: {', '.join(RDF_FORMATS)}")
        rdf_format = ox.RdfFormat.from_media_type(RDF_FORMATS[fmt])
        if rdf_format.supports_datasets:
            query = "SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        else:
            query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        # Opened before the first chunk is asked for, so that an unreachable store
        # fails the call itself, not a response that has already started.
        response = self._send_query(query, accept=SPARQL_TSV, what="export the dataset")
        return _serialised(response, rdf_format)

    def close(self) -> None:
        self._client.close()

    # Protocol plumbing

    def _select_json(self, query: str, *, what: str, timeout: float | None) -> list[dict[str, str]]:
        response = self._query(query, accept=SPARQL_JSON, what=what, timeout=timeout)
        results = _json(response, self.query_endpoint).get("results", {}).get("bindings")
        if not isinstance(results, list):
            raise StoreError(f"{self.query_endpoint} did not answer the SELECT query with result rows")
        return [{name: term["value"] for name, term in row.items()} for row in results]

    def _limited(
        self,
        query: str,
        form: QueryForm,
        media_type: str,
        dataset: Sequence[tuple[str, str]],
        row_limit: int,
        what: str,
        timeout: float | None,
    ) -> bytes:
        # TSV results and N-Triples hold one row or triple per line (after TSV's
        # header line), so the cap is read off the stream and the rest is never
        # transferred; the kept lines are then re-serialised as asked.
        if form == "SELECT":
            line_format, keep = SPARQL_TSV, row_limit + 1
        else:
            line_format, keep = RDF_FORMATS["ntriples"], row_limit
        response = self._send_query(query, accept=line_format, dataset=dataset, what=what, timeout=timeout)
        with _answer(response):
            lines = b"".join(islice(_lines(response.iter_bytes()), keep))
        if media_type == line_format:
            return lines
        if form == "SELECT":
            solutions = ox.parse_query_results(lines, ox.QueryResultsFormat.TSV)
            return solutions.serialize(format=ox.QueryResultsFormat.from_media_type(media_type))
        triples = ox.parse(lines, ox.RdfFormat.N_TRIPLES)
        return ox.serialize(
            triples, format=ox.RdfFormat.from_media_type(media_type), prefixes=EXPORT_PREFIXES
        )

    def _query(
        self,
        query: str,
        *,
        accept: str,
        what: str,
        timeout: float | None,
        dataset: Sequence[tuple[str, str]] = (),
    ) -> httpx.Response:
        response = self._send_query(query, accept=accept, dataset=dataset, what=what, timeout=timeout)
        with _answer(response):
            response.read()
        return response

    def _send_query(
        self,
        query: str,
        *,
        accept: str,
        what: str,
        timeout: float | None = None,
        dataset: Sequence[tuple[str, str]] = (),
    ) -> httpx.Response:
        """Send a query; `dataset` holds the protocol's `default-graph-uri` / `named-graph-uri` fields."""
        params = [("query", query), *dataset]
        request = self._post(self.query_endpoint, accept, timeout, form=_multi(params))
        return self._send(request, what=what, idempotent=True)

    def _update(self, update: str, *, what: str, idempotent: bool, timeout: float | None = None) -> None:
        # Sent as the body itself (`application/sparql-update`): URL-encoding a batch of
        # articles as a form field costs more client time than the server takes to store it.
        request = self._post(self.update_endpoint, "*/*", timeout, sparql_update=update)
        response = self._send(
            request,
            what=what,
            idempotent=idempotent,
            # Batches are written by milgraph itself: a rejection is no fault in the caller's SPARQL.
            bad_request=StoreError if idempotent else QuerySyntaxError,
            timeout_outcome="re-running is safe" if idempotent else "the update may still be applied",
        )
        response.close()

    def _post(
        self,
        endpoint: str,
        accept: str,
        timeout: float | None,
        *,
        form: dict[str, list[str]] | None = None,
        sparql_update: str | None = None,
    ) -> httpx.Request:
        if self._client.is_closed:
            raise StoreError(f"the store at {self.location} is closed")
        limit = timeout if timeout is not None else self.timeout
        if sparql_update is not None:
            headers = {"Accept": accept, "Content-Type": "application/sparql-update; charset=utf-8"}
            return self._client.build_request(
                "POST", endpoint, content=sparql_update.encode(), headers=headers, timeout=limit
            )
        return self._client.build_request(
            "POST", endpoint, data=form, headers={"Accept": accept}, timeout=limit
        )

    def _send(
        self,
        request: httpx.Request,
        *,
        what: str,
        idempotent: bool,
        bad_request: type[StoreError] = QuerySyntaxError,
        timeout_outcome: str | None = None,
    ) -> httpx.Response:
        """Send a POST, retrying transient failures; return the open, successful response.

        `timeout_outcome` marks a write: a write that timed out is reported with it,
        a query that timed out raises `QueryTimeout`.
        """
        endpoint = str(request.url)
        limit = request.extensions["timeout"]["read"]
        attempt = 0
        while True:
            transient = True
            try:
                response = self._client.send(request, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                # The request never reached the server: sending it again is always safe.
                failure: StoreError = StoreUnavailable(f"cannot {what}: {endpoint} is unreachable ({exc})")
            except httpx.TimeoutException as exc:
                if timeout_outcome is None:
                    raise QueryTimeout(
                        f"cannot {what}: {endpoint} gave no answer within {limit:g} s"
                    ) from exc
                raise StoreError(
                    f"cannot {what}: {endpoint} gave no answer within {limit:g} s; {timeout_outcome}"
                ) from exc
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                transient = idempotent
                outcome = (
                    "nothing was written" if idempotent else "the update may or may not have been applied"
                )
                failure = StoreUnavailable(
                    f"cannot {what}: {endpoint} dropped the connection ({exc}); {outcome}"
                )
            except httpx.HTTPError as exc:
                raise StoreError(f"cannot {what} on {endpoint}: {exc}") from exc
            else:
                if not response.is_error:
                    return response
                transient = idempotent and response.status_code in TRANSIENT_STATUS
                failure = _http_error(response, endpoint, what, bad_request)
            if not transient or attempt == self.retries:
                raise failure
            time.sleep(BACKOFF_SECONDS * 2**attempt)
            attempt += 1


def _iri(iri: str) -> str:
    if _IRI.fullmatch(iri) is None:
        raise StoreError(f"not a valid graph IRI: {iri!r}")
    return f"<{iri}>"


def _checked_ntriples(upload: GraphUpload) -> str:
    """The upload's triples re-serialised by a strict parser, so a bad upload names its graph."""
    try:
        triples = list(ox.parse(upload.ntriples, ox.RdfFormat.N_TRIPLES))
    except SyntaxError as exc:
        raise StoreError(f"the upload for graph <{upload.iri}> is not valid N-Triples: {exc}") from exc
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode() if triples else ""


def _multi(form: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in form:
        grouped.setdefault(name, []).append(value)
    return grouped


def _json(response: httpx.Response, endpoint: str) -> dict:
    try:
        document = response.json()
    except ValueError as exc:
        raise StoreError(f"{endpoint} answered with something other than SPARQL JSON results") from exc
    if not isinstance(document, dict):
        raise StoreError(f"{endpoint} answered with something other than SPARQL JSON results")
    return document


def _lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Split on newline only: TSV rows end in \\n, and literals may hold other line separators."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        for line in complete:
            yield line + b"\n"
    if pending:
        yield pending


def _serialised(response: httpx.Response, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
    # Line and statement formats stay valid when concatenated, so they stream in
    # chunks; JSON-LD and RDF/XML are single documents and are written whole.
    chunked = rdf_format not in (ox.RdfFormat.JSON_LD, ox.RdfFormat.RDF_XML)
    with _answer(response):
        rows = ox.parse_query_results(
            io.BufferedReader(_ChunkReader(response.iter_bytes())), ox.QueryResultsFormat.TSV
        )
        statements = (
            ox.Quad(row["s"], row["p"], row["o"], row["g"])
            if rdf_format.supports_datasets
            else ox.Triple(row["s"], row["p"], row["o"])
            for row in rows
        )
        if not chunked:
            yield ox.serialize(list(statements), format=rdf_format, prefixes=EXPORT_PREFIXES)
            return
        while batch := list(islice(statements, EXPORT_CHUNK_QUADS)):
            yield ox.serialize(batch, format=rdf_format, prefixes=EXPORT_PREFIXES)


@contextmanager
def _answer(response: httpx.Response) -> Iterator[None]:
    """Read an answer's body; a stall or a dropped connection becomes a store error."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise QueryTimeout(
            f"{response.request.url} stopped sending its answer within the time limit"
        ) from exc
    except httpx.HTTPError as exc:
        raise StoreUnavailable(f"{response.request.url} broke off its answer: {exc}") from exc
    finally:
        response.close()


class _ChunkReader(io.RawIOBase):
    """A readable file over an iterator of byte chunks, for parsers that pull."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._pending:
            self._pending = next(self._chunks, b"")
            if not self._pending:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _http_error(
    response: httpx.Response, endpoint: str, what: str, bad_request: type[StoreError]
) -> StoreError:
    try:
        detail = response.read().decode("utf-8", "replace").strip()[:ERROR_TEXT_LIMIT]
    except httpx.HTTPError:
        detail = ""
    finally:
        response.close()
    status = response.status_code
    said = f": {detail}" if detail else ""
    if status == 400 and bad_request is QuerySyntaxError and detail:
        return QuerySyntaxError(detail)
    if status == 400:
        return bad_request(f"{endpoint} rejected the request to {what}{said}")
    if status in (401, 403):
        return StoreError(
            f"{endpoint} refused to {what} (HTTP {status}): check the store username and password"
        )
    if status == 404:
        return StoreUnavailable(
            f"no SPARQL endpoint at {endpoint} (HTTP 404): check the store URL and endpoints"
        )
    if status in TRANSIENT_STATUS:
        return StoreUnavailable(f"cannot {what}: {endpoint} is unavailable (HTTP {status}){said}")
    return StoreError(f"{endpoint} failed to {what} (HTTP {status}){said}")
