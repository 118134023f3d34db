"""The milgraph service: SPARQL 1.1 Protocol, REST views of the relations, exports."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from api import articles, countries, errors, events, export, health, neighbourhood, people, sparql, web
from api.deadline import Queries
from api.description import router as description_router
from api.limits import BodyLimit
from api.settings import Settings
from graph import open_store
from graph.store import Store
from graph.vocabulary import try_install_vocabulary

DESCRIPTION = """\
A knowledge graph of bilateral military relations read from news articles: who met whom,
which agreements were signed, by which states and organisations, each fact with the sentence
and article it was read from.

Query it with SPARQL at `/sparql` (any SPARQL 1.1 client), or with the REST routes below.
Writes (`POST /articles`, SPARQL Update) need `Authorization: Bearer <write token>`.
"""


def create_app(settings: Settings, store: Store | None = None) -> FastAPI:
    """The service over `store`, or over a store opened from `settings` and closed on shutdown."""
    owned = store is None
    opened = open_store(settings.store, **settings.store_options()) if store is None else store
    try_install_vocabulary(opened)
    queries = Queries(opened, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            queries.close()
            if owned:
                opened.close()

    app = FastAPI(title="milgraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.queries = queries
    app.state.store = queries.watched()
    app.state.extraction = articles.Extraction()
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    for module in (health, countries, people, events, neighbourhood, export, articles, sparql):
        app.include_router(module.router)
    app.include_router(description_router)
    web.install(app)
    return app
