"""Fixtures of the graph tests: fresh, empty stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from server_process import running_oxigraph

from graph import open_store
from graph.embedded import EmbeddedStore
from graph.store import Store


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    """A fresh in-memory embedded store."""
    memory = EmbeddedStore()
    yield memory
    memory.close()


@pytest.fixture(scope="session")
def scratch_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An `oxigraph serve` the graph tests may empty, apart from the session's `seeded_store` one."""
    with running_oxigraph(tmp_path_factory.mktemp("scratch-oxigraph")) as url:
        yield url


@pytest.fixture(params=["embedded", "remote"])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store on each backend: in-memory pyoxigraph, and a live `oxigraph serve` emptied first."""
    if request.param == "embedded":
        opened = open_store(":memory:")
    else:
        opened = open_store(request.getfixturevalue("scratch_server"))
        opened.update("DROP SILENT ALL")
    yield opened
    opened.close()
