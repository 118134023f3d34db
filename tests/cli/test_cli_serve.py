"""`milgraph serve`'s socket: answers on a kept-alive connection are sent at once, not after a delayed ACK."""

from __future__ import annotations

import asyncio
import http.client
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from server_process import free_port, stop, wait_until_answering

from cli.serve import listening_socket

MILGRAPH = str(Path(sys.executable).parent / "milgraph")


def test_the_listening_socket_names_tcp_so_asyncio_turns_nagle_off() -> None:
    async def accepted_nodelay(listener: socket.socket) -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted = writer.get_extra_info("socket")
            seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_client, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
            option = await asyncio.wait_for(seen, 10)
            writer.close()
        return option

    listener = listening_socket("127.0.0.1", 0)
    assert listener.proto == socket.IPPROTO_TCP
    assert asyncio.run(accepted_nodelay(listener)) != 0


@pytest.mark.slow
def test_a_second_request_on_one_connection_is_answered_promptly(tmp_path: Path) -> None:
    # With Nagle's algorithm on, every answer after the first waits ~40 ms for a delayed ACK.
    port = free_port()
    proc = subprocess.Popen(
        [MILGRAPH, "serve", "--store", ":memory:", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_answering(proc, f"http://127.0.0.1:{port}/health", name="milgraph serve")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        times = []
        for _ in range(9):
            started = time.perf_counter()
            connection.request("GET", "/health")
            response = connection.getresponse()
            response.read()
            times.append(time.perf_counter() - started)
            assert response.status == 200
            assert not response.will_close
        connection.close()
    finally:
        stop(proc)
    assert statistics.median(times[1:]) < 0.030
