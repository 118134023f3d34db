"""Fixtures shared by every test folder.

`seeded_store` is the bundled sample articles ingested into a store, once per
backend: the embedded pyoxigraph store and a live `oxigraph serve` on loopback.
Tests that take it run against both, so every route and query is checked on each.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from server_process import running_oxigraph

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port, shared by the session; yields its base URL."""
    with running_oxigraph(tmp_path_factory.mktemp("oxigraph-data")) as url:
        yield url


@pytest.fixture(scope="session", params=["embedded", "remote"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def store_location(backend: str, tmp_path_factory: pytest.TempPathFactory, request) -> str:
    """A fresh, empty store location for the backend under test."""
    if backend == "remote":
        return request.getfixturevalue("oxigraph_server")
    return str(tmp_path_factory.mktemp("embedded-store"))


@pytest.fixture(scope="session")
def seeded_store(store_location: str):
    """The bundled sample articles ingested through milgraph into the backend under test."""
    from graph import open_store
    from graph.loader import load_records
    from ingest.pipeline import Extractor
    from ingest.reader import read_articles

    store = open_store(store_location)
    articles = [a for a in read_articles([SAMPLES]) if not isinstance(a, Exception)]
    load_records(store, Extractor().extract(articles))
    yield store
    store.close()
