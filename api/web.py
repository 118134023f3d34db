"""The explorer page (web/, built into web/dist) and the API docs, served from the service's own origin.

The page's views have their own URLs (/country/Latvia, /person/Zakir Hasanov), some of which are
also REST routes: a browser navigating there (it asks for text/html) gets the page, which then asks
the same URL for JSON.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI, Response
from fastapi.responses import FileResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from api import pairs, search, timeline

log = logging.getLogger("milgraph.api")

# The build's output: beside the sources in a checkout, or wherever $MILGRAPH_WEB_DIST says (the image).
DEFAULT_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"
# First path segments of the page's views: a browser navigating to one gets index.html.
VIEWS = frozenset({"country", "pair", "person", "network", "query"})
PAGES = {"/": "index.html", "/docs": "docs.html", "/redoc": "redoc.html"}
MISSING = (
    "The milgraph explorer is not built: {dist} has no index.html. "
    "Build it with `make web` (npm ci and npm run build in web/), or run `make run`."
)


def web_dist() -> Path:
    return Path(os.environ.get("MILGRAPH_WEB_DIST") or DEFAULT_DIST)


class PageForViews:
    """ASGI middleware: a browser's navigation to a view's URL (it names text/html, which fetch(),
    curl and SPARQL clients do not) gets index.html; every other request goes on to the routes."""

    def __init__(self, app: ASGIApp, dist: Path) -> None:
        self.app = app
        self.dist = dist

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            segment = scope["path"].strip("/").split("/", 1)[0]
            accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
            if segment in VIEWS and "text/html" in accept:
                await page(self.dist, "index.html")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def page(dist: Path, name: str) -> Response:
    file = dist / name
    if not file.is_file():
        return PlainTextResponse(MISSING.format(dist=dist), status_code=503)
    # The pages name hashed assets, so they must be asked for again after each build.
    return FileResponse(file, media_type="text/html", headers={"Cache-Control": "no-cache"})


def install(app: FastAPI, dist: Path | None = None) -> None:
    """The explorer's routes (search suggestions, pairs, timelines), and the built page at /, at its
    views' URLs and under /assets, with /docs and /redoc from it in place of FastAPI's CDN pages."""
    for module in (pairs, search, timeline):
        app.include_router(module.router)
    cdn_pages = {app.docs_url, app.swagger_ui_oauth2_redirect_url, app.redoc_url}
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in cdn_pages]
    app.docs_url = app.redoc_url = app.swagger_ui_oauth2_redirect_url = None
    dist = dist or web_dist()
    if not (dist / "index.html").is_file():
        log.warning(MISSING.format(dist=dist))
    for path, name in PAGES.items():
        app.add_api_route(path, _page_route(dist, name), methods=["GET"], include_in_schema=False)
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    app.add_middleware(PageForViews, dist=dist)


def _page_route(dist: Path, name: str):
    def serve() -> Response:
        return page(dist, name)

    return serve
