"""Fixtures of the remote store tests: a private live Oxigraph server, and a fault-injecting proxy to it.

The remote tests write and drop graphs freely, so they get a server of their
own rather than the session one that `seeded_store` fills for the shared tests.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from faults import FaultProxy

from graph.remote import RemoteStore


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live `oxigraph serve` for this module only; yields its base URL and stops it by pid."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the `oxigraph` server binary is not installed (pip install '.[dev]')")
    port = _free_port()
    data = tmp_path_factory.mktemp("remote-store")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {proc.returncode}: {proc.stderr.read().decode()}")
        try:
            if httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("oxigraph serve did not answer within 30 s")
        time.sleep(0.1)
    try:
        yield url
    finally:
        os.kill(proc.pid, 15)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


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
