"""Fixtures of the remote store tests: a private live Oxigraph server, and a fault-injecting proxy to it.

The remote tests write and drop graphs freely, so they get a server of their
own rather than the session one that `seeded_store` fills for the shared tests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from faults import FaultProxy
from server_process import running_oxigraph

from graph.remote import RemoteStore


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live `oxigraph serve` for this module only; yields its base URL and stops it by pid."""
    with running_oxigraph(tmp_path_factory.mktemp("remote-store")) as url:
        yield url


@pytest.fixture
def store(private_server: str) -> Iterator[RemoteStore]:
    """A RemoteStore on the private server, emptied first."""
    remote = RemoteStore(private_server, timeout=10)
    remote.update("DROP SILENT ALL")
    yield remote
    remote.close()


@pytest.fixture
def proxy(private_server: str) -> Iterator[FaultProxy]:
    server = FaultProxy(private_server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.stopping.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
