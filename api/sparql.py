"""The SPARQL 1.1 Protocol endpoint: queries at /sparql, updates at /sparql and /update.

Every query is answered by the store, which serialises the result itself; this
module only decides which serialisation (content negotiation), passes the
dataset and the limits, and maps the store's errors to HTTP statuses (`api.errors`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from api.auth import WRITE_REFUSALS, WriteAccess, check_write_access
from api.deps import SettingsDep, StoreDep
from api.description import service_description
from api.event_details import forget_parties
from api.fetching import refuse_fetching
from api.negotiation import choose
from api.queries import is_absolute_iri
from api.query_limits import check_structure
from api.settings import Settings
from api.suggestions import forget_names
from graph.sparqltext import query_form
from graph.store import RDF_FORMATS, RESULT_FORMATS, QueryForm, Store

# What each query form is answered in. The first column is what the store writes and the
# Content-Type sent; the second lists other names clients use for it. The row order is the
# server's preference when a client accepts several equally (`*/*` gets the first row).
RESULTS = (
    (RESULT_FORMATS["json"], ("application/json",)),
    (RESULT_FORMATS["xml"], ("application/xml", "text/xml")),
    (RESULT_FORMATS["csv"], ()),
    (RESULT_FORMATS["tsv"], ()),
)
GRAPHS = (
    (RDF_FORMATS["turtle"], ("application/turtle", "application/x-turtle")),
    (RDF_FORMATS["ntriples"], ("text/plain",)),
    (RDF_FORMATS["jsonld"], ("application/json",)),
    (RDF_FORMATS["rdfxml"], ("application/xml", "text/xml")),
)
ANSWERS: dict[QueryForm, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "SELECT": RESULTS,
    "ASK": RESULTS,
    "CONSTRUCT": GRAPHS,
    "DESCRIBE": GRAPHS,
}
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"

router = APIRouter(tags=["SPARQL"])

GraphUris = Annotated[list[str], Query(alias="default-graph-uri", description="a graph of the default graph")]
NamedUris = Annotated[list[str], Query(alias="named-graph-uri", description="a graph GRAPH clauses may use")]


def negotiate(form: QueryForm, accept: str | None) -> str:
    """The media type to answer a `form` query in for this Accept header; 406 when none fits."""
    rows = ANSWERS[form]
    # Aliases come after every proper name, so that `text/*` gets CSV rather than `text/xml`.
    served_as = {served: served for served, _ in rows}
    for served, aliases in rows:
        served_as.update(dict.fromkeys(aliases, served))
    chosen = choose(accept, list(served_as))
    if chosen is None:
        available = ", ".join(served for served, _ in rows)
        raise HTTPException(
            status.HTTP_406_NOT_ACCEPTABLE,
            f"cannot answer a {form} query as {accept!r}; available: {available}",
        )
    return served_as[chosen]


async def run_query(
    request: Request,
    settings: Settings,
    query: str,
    accept: str | None,
    default_graph_uris: list[str],
    named_graph_uris: list[str],
) -> Response:
    """Answer one query in the service's query lane (`api.deadline`), stopped at the deadline."""
    media_type = negotiate(query_form(query), accept)
    options = {
        "media_type": media_type,
        "default_graph_uris": default_graph_uris or None,
        "named_graph_uris": named_graph_uris or None,
        "row_limit": settings.max_rows,
    }
    result = await request.app.state.queries.query(query, options, request.receive)
    if isinstance(result.body, bytes):
        return Response(result.body, media_type=result.media_type)
    return StreamingResponse(result.body, media_type=result.media_type)


def check_graph_uris(parameter: str, uris: list[str]) -> None:
    for uri in uris:
        if not is_absolute_iri(uri):
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST,
                f"{parameter} {uri!r} is not an absolute IRI such as <urn:x> or <https://...>",
            )


async def answer(
    request: Request,
    store: Store,
    settings: Settings,
    query: str,
    default_graph_uris: list[str],
    named_graph_uris: list[str],
) -> Response:
    if not query.strip():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the query is empty")
    refuse_fetching(query)
    check_structure(query)
    check_graph_uris("default-graph-uri", default_graph_uris)
    check_graph_uris("named-graph-uri", named_graph_uris)
    accept = request.headers.get("accept")
    return await run_query(request, settings, query, accept, default_graph_uris, named_graph_uris)


async def run_update(store: Store, settings: Settings, update: str) -> Response:
    refuse_fetching(update)
    check_structure(update, "update")
    await run_in_threadpool(store.update, update, timeout=settings.query_timeout)
    forget_parties(store)
    forget_names(store)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


SELECT_EXAMPLE = {
    "head": {"vars": ["name"]},
    "results": {"bindings": [{"name": {"type": "literal", "value": "Zakir Hasanov"}}]},
}
CONSTRUCT_EXAMPLE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/milgraph/id/state/LVA> skos:prefLabel "Latvia"@en .
"""
QUERY_RESPONSES: dict[int | str, dict] = {
    200: {
        "description": "the result, serialised as negotiated with the Accept header",
        "content": {
            RESULT_FORMATS["json"]: {"example": SELECT_EXAMPLE},
            RESULT_FORMATS["xml"]: {},
            RESULT_FORMATS["csv"]: {"example": "name\r\nZakir Hasanov\r\n"},
            RESULT_FORMATS["tsv"]: {"example": '?name\n"Zakir Hasanov"\n'},
            RDF_FORMATS["turtle"]: {"example": CONSTRUCT_EXAMPLE},
            RDF_FORMATS["ntriples"]: {},
            RDF_FORMATS["jsonld"]: {},
            RDF_FORMATS["rdfxml"]: {},
        },
    },
    400: {
        "description": "the query does not parse (the body has the parser's message), is empty, "
        "or is nested deeper or built larger than the service runs (the body names the limit)"
    },
    403: {"description": "the query has a SERVICE clause: this service never fetches other URLs"},
    413: {"description": "the request body is over the size limit"},
    406: {"description": "the query's result cannot be written in any media type the client accepts"},
    503: {
        "description": "the query ran past the time limit or the memory limit and was stopped, every query "
        "worker stayed busy past the wait limit (with Retry-After), or the store is unavailable"
    },
}
UPDATE_EXAMPLE = 'INSERT DATA { GRAPH <urn:notes> { <urn:note/1> <urn:says> "checked" } }'
SELECT_TEXT_EXAMPLE = (
    "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name }"
)


def request_body(*kinds: str) -> dict:
    """The OpenAPI request bodies a route reads by hand (raw SPARQL or a form), with examples."""
    content: dict[str, dict] = {}
    if "query" in kinds:
        content[QUERY_TYPE] = {"schema": {"type": "string"}, "example": SELECT_TEXT_EXAMPLE}
    if "update" in kinds:
        content[UPDATE_TYPE] = {"schema": {"type": "string"}, "example": UPDATE_EXAMPLE}
    fields = {kind: {"type": "string"} for kind in kinds}
    example = {"query": SELECT_TEXT_EXAMPLE} if "query" in kinds else {"update": UPDATE_EXAMPLE}
    content[FORM_TYPE] = {"schema": {"type": "object", "properties": fields}, "example": example}
    return {"requestBody": {"required": True, "content": content}}


@router.get(
    "/sparql",
    summary="SPARQL query (GET), or the service description without a query",
    responses=QUERY_RESPONSES,
    response_class=Response,
)
async def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[
        str | None,
        Query(
            description="a SPARQL 1.1 query; without one, the SPARQL Service Description is returned",
            examples=[SELECT_TEXT_EXAMPLE],
        ),
    ] = None,
    default_graph_uri: GraphUris = [],  # noqa: B006 (FastAPI copies parameter defaults)
    named_graph_uri: NamedUris = [],  # noqa: B006
) -> Response:
    if query is None:
        return service_description(request, settings, store)
    return await answer(request, store, settings, query, default_graph_uri, named_graph_uri)


@router.post(
    "/sparql",
    summary="SPARQL query or update (POST)",
    description="A query as `application/sparql-query` or form field `query`; an update (write token) as "
    "`application/sparql-update` or form field `update`.",
    responses={
        **QUERY_RESPONSES,
        401: WRITE_REFUSALS[401],
        403: {"description": "an update with a token not the server's, or a SERVICE clause or LOAD"},
        415: {"description": "the body is neither a SPARQL query, a SPARQL update nor a form"},
    },
    response_class=Response,
    openapi_extra=request_body("query", "update"),
)
async def sparql_post(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    default_graph_uri: GraphUris = [],  # noqa: B006
    named_graph_uri: NamedUris = [],  # noqa: B006
) -> Response:
    content_type = body_type(request)
    if content_type == QUERY_TYPE:
        query = await body_text(request)
        return await answer(request, store, settings, query, default_graph_uri, named_graph_uri)
    if content_type == UPDATE_TYPE:
        await check_write_access(request, settings)
        return await run_update(store, settings, await body_text(request))
    if content_type == FORM_TYPE:
        form = await request.form()
        if "query" in form and "update" in form:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST, "the form has both a 'query' and an 'update' field; send one"
            )
        if "query" in form:
            return await answer(
                request,
                store,
                settings,
                str(form["query"]),
                [str(uri) for uri in form.getlist("default-graph-uri")] or default_graph_uri,
                [str(uri) for uri in form.getlist("named-graph-uri")] or named_graph_uri,
            )
        if "update" in form:
            await check_write_access(request, settings)
            return await run_update(store, settings, str(form["update"]))
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, "the form has neither a 'query' nor an 'update' field"
        )
    raise HTTPException(
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        f"POST a query as {QUERY_TYPE}, an update as {UPDATE_TYPE}, or either as {FORM_TYPE}; "
        f"got {content_type or 'no Content-Type'}",
    )


@router.post(
    "/update",
    summary="SPARQL update (write token)",
    description="An update as `application/sparql-update` or form field `update`.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        400: {
            "description": "the update does not parse (the body has the parser's message), or is "
            "nested deeper or built larger than the service runs"
        },
        401: WRITE_REFUSALS[401],
        403: {
            "description": "the token is not the server's, or the server is read-only; or a SERVICE "
            "clause or LOAD"
        },
        413: {"description": "the request body is over the size limit"},
        415: {"description": "the body is neither a SPARQL update nor a form"},
    },
    response_class=Response,
    dependencies=[WriteAccess],
    openapi_extra=request_body("update"),
)
async def update_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    content_type = body_type(request)
    if content_type == UPDATE_TYPE:
        return await run_update(store, settings, await body_text(request))
    if content_type == FORM_TYPE:
        form = await request.form()
        if "update" in form:
            return await run_update(store, settings, str(form["update"]))
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the form has no 'update' field")
    raise HTTPException(
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        f"POST an update as {UPDATE_TYPE} or as the 'update' field of {FORM_TYPE}; "
        f"got {content_type or 'no Content-Type'}",
    )


def body_type(request: Request) -> str:
    """The request's media type, without parameters such as `charset`."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def body_text(request: Request) -> str:
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, f"the request body is not UTF-8 (byte {error.start})"
        ) from None
