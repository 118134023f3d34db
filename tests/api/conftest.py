"""TestClients over the service, on the seeded store of each backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph import MEMORY, open_store


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """`make_client(store, **settings)`: a started TestClient over `store`, closed after the test."""
    with ExitStack() as clients:

        def make(store, **settings: object) -> TestClient:
            app = create_app(Settings(store=store.location, **settings), store=store)
            return clients.enter_context(TestClient(app))

        yield make


@pytest.fixture
def client(seeded_store, make_client) -> TestClient:
    """Read-only, like a server started without a write token."""
    return make_client(seeded_store)


@pytest.fixture
def memory_store():
    """An empty in-memory store, for tests that write."""
    store = open_store(MEMORY)
    yield store
    store.close()
