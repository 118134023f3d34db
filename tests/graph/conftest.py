"""Fixtures of the graph tests: fresh, empty stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph import open_store
from graph.embedded import EmbeddedStore
from graph.store import Store


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    """A fresh in-memory embedded store."""
    memory = EmbeddedStore()
    yield memory
    memory.close()


@pytest.fixture(params=["embedded", "remote"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store on each backend: in-memory pyoxigraph, and the shared `oxigraph serve` emptied first."""
    if request.param == "embedded":
        opened = open_store(":memory:")
    else:
        opened = open_store(request.getfixturevalue("oxigraph_server"))
        opened.update("DROP SILENT ALL")
    yield opened
    opened.close()
