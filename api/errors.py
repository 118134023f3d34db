"""Store errors as HTTP answers: a status and the store's message, never a traceback."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from graph.store import QuerySyntaxError, QueryTimeout, StoreError, StoreUnavailable, UnsupportedFormat

log = logging.getLogger("milgraph.api")


class NotFound(Exception):
    """A name or node the graph does not have; answered 404 with the closest names it does have."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


# Most specific first: Starlette picks the handler of the nearest class in the exception's MRO.
STATUSES: dict[type[StoreError], int] = {
    QuerySyntaxError: status.HTTP_400_BAD_REQUEST,
    UnsupportedFormat: status.HTTP_406_NOT_ACCEPTABLE,
    QueryTimeout: status.HTTP_503_SERVICE_UNAVAILABLE,
    StoreUnavailable: status.HTTP_503_SERVICE_UNAVAILABLE,
    StoreError: status.HTTP_500_INTERNAL_SERVER_ERROR,
}


async def store_error(request: Request, error: Exception) -> JSONResponse:
    code = next(code for kind, code in STATUSES.items() if isinstance(error, kind))
    if code >= 500:
        log.warning("%s %s: %s", request.method, request.url.path, error)
    return JSONResponse({"detail": str(error)}, status_code=code)


async def not_found(request: Request, error: NotFound) -> JSONResponse:
    return JSONResponse(
        {"detail": str(error), "suggestions": error.suggestions}, status_code=status.HTTP_404_NOT_FOUND
    )


async def invalid_request(request: Request, error: RequestValidationError) -> Response:
    """FastAPI's 422, but ASCII-escaped: the errors echo the input, and a JSON body can carry
    lone surrogates ("\\ud800") that cannot be written as UTF-8."""
    body = json.dumps({"detail": jsonable_encoder(error.errors())}, ensure_ascii=True)
    return Response(body, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, media_type="application/json")


def invalid_input(loc: tuple[str, ...], message: str, value: object) -> RequestValidationError:
    """A 422 for input a route checks itself, in the shape FastAPI documents for every 422."""
    return RequestValidationError([{"type": "value_error", "loc": loc, "msg": message, "input": value}])


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


async def http_error(request: Request, error: StarletteHTTPException) -> Response:
    """FastAPI's answer, except that a 405 lists in `Allow` the methods of every route on the path:
    Starlette names only those of the first (GET /sparql, not POST /sparql)."""
    if error.status_code != status.HTTP_405_METHOD_NOT_ALLOWED:
        return await http_exception_handler(request, error)
    allowed = [
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] is Match.FULL
            for route in request.app.routes
        )
    ]
    headers = {"Allow": ", ".join(allowed)} if allowed else None
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    for kind in STATUSES:
        app.add_exception_handler(kind, store_error)
