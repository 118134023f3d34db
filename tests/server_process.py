"""Start and stop real servers (`oxigraph serve`, `milgraph serve`) on free loopback ports, by process id."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` server binary is not installed (pip install '.[dev]')")
    return found


def wait_until_answering(proc: subprocess.Popen, probe: str, *, name: str, seconds: float = 60) -> None:
    """Poll `probe` until it answers 200; fail the test if the process dies or the time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{name} exited with {proc.returncode}: {proc.stderr.read().decode()}")
        try:
            if httpx.get(probe, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            stop(proc)
            pytest.fail(f"{name} did not answer {probe} within {seconds:g} s")
        time.sleep(0.1)


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM by process id, then SIGKILL if it has not gone within ten seconds."""
    os.kill(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def running_oxigraph(data: Path) -> Iterator[str]:
    """Serve `data` with Oxigraph; yields the base URL once it answers, stops the server by pid after."""
    port = free_port()
    proc = subprocess.Popen(
        # As in docker-compose.yml: the server stops runaway queries itself, whatever its clients do.
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(data),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout-s",
            "30",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(proc, f"{url}/query?query=ASK%20%7B%7D", name="oxigraph serve", seconds=30)
    try:
        yield url
    finally:
        stop(proc)
