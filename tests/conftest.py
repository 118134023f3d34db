"""Fixtures shared by every test folder.

`seeded_store` is the bundled sample articles ingested into a store, once per
backend: the embedded pyoxigraph store and a live `oxigraph serve` on loopback.
Tests that take it run against both, so every route and query is checked on each.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server binary is not installed (pip install '.[dev]')")
    return found


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port; yields its base URL, stops it by pid."""
    port = free_port()
    data = tmp_path_factory.mktemp("oxigraph-data")
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
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
