"""A real `milgraph serve` against `oxigraph serve` on the same data, in the same run, over HTTP.

    .venv/bin/python benchmarks/http_vs_oxigraph.py [--store DIR | --articles 5000]
                                                    [--seconds 5] [--connections 1 4]

The embedded store is `--store DIR` (left unchanged; it must not be open elsewhere) or one
built from `--articles` generated articles (`benchmarks/store_ingest.py`). Its dataset is
exported with `milgraph export --format nquads` and loaded into a fresh Oxigraph directory,
so both servers hold the same quads. Both are started on free loopback ports and stopped by
their process ids at the end.

Each route is then loaded for `--seconds` by 1 and 4 clients (one process each, so that the
client is not held by one interpreter lock), each on one kept-alive connection: the way
SPARQLWrapper sessions, httpx and browsers talk. It prints p50, p95 and req/s for each, and
milgraph's req/s as a ratio to Oxigraph's for the same query text (/health, which Oxigraph
lacks, against Oxigraph's cheapest answer, ASK {}). The clients share the machine with the
servers, so read the ratios rather than the absolute figures.

Figures of the change that introduced it (5,000 generated articles, 3 s per figure, 2 cores
shared with other jobs at a load average of 11), p50 ms and req/s, milgraph against Oxigraph:

    /health (Oxigraph: ASK {})   1 conn   0.87 ms  716/s    0.04 ms  10189/s   x0.07
                                 4 conns  3.63 ms  932/s    0.12 ms  31961/s   x0.03
    ASK {}                       1 conn   1.58 ms  441/s    0.05 ms  10250/s   x0.04
                                 4 conns  5.55 ms  466/s    0.14 ms  15001/s   x0.03
    SELECT (latest 50 events)    1 conn   8.16 ms  122/s    0.63 ms    830/s   x0.15
                                 4 conns 36.60 ms  117/s    1.77 ms   1703/s   x0.07

Before the change, on one kept-alive connection: /health 44 ms (Nagle's algorithm waiting for
a delayed ACK) and ASK {} 84 ms (that, plus a fork per query). What remains is Python's
per-request cost (uvicorn, FastAPI, the hop to a query worker) against Oxigraph's Rust server;
for the SELECT, also the row cap, which re-serialises capped results in Python (3.4 ms instead
of 1.8 ms in the worker).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from store_ingest import free_port, generated_records

from graph import open_store
from graph.loader import load_records
from ontology import SPARQL_PREFIXES

BIN = Path(sys.executable).parent
# A page of one party's meetings with their dates: what a client of the REST routes would ask.
SELECT = (
    SPARQL_PREFIXES
    + """
SELECT ?event ?date WHERE {
  ?party skos:notation "LVA" .
  ?event mg:party ?party ; dcterms:date ?date .
} ORDER BY DESC(?date) LIMIT 50"""
)
QUERIES = {"ASK {}": "ASK {}", "SELECT (one party's latest 50 events)": SELECT}


def request_bytes(path: str) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\r\n".encode()
    )


def read_response(sock: socket.socket, buffer: bytearray) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked) off `sock`; its status."""
    while b"\r\n\r\n" not in buffer:
        buffer += recv(sock)
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    buffer[:] = rest
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if "content-length" in headers:
        length = int(headers["content-length"])
        while len(buffer) < length:
            buffer += recv(sock)
        del buffer[:length]
    else:
        while True:
            while b"\r\n" not in buffer:
                buffer += recv(sock)
            size_line, _, _ = bytes(buffer).partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            while len(buffer) < len(size_line) + 2 + size + 2:
                buffer += recv(sock)
            del buffer[: len(size_line) + 2 + size + 2]
            if size == 0:
                break
    return int(lines[0].split()[1])


def recv(sock: socket.socket) -> bytes:
    data = sock.recv(65536)
    if not data:
        raise ConnectionError("the server closed the connection")
    return data


def client(port: int, path: str, seconds: float, results: multiprocessing.Queue) -> None:
    """One kept-alive connection sending `path` for `seconds`: its latencies and failures."""
    request = request_bytes(path)
    latencies: list[float] = []
    failures = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = bytearray()
        end = time.perf_counter() + seconds
        while (started := time.perf_counter()) < end:
            sock.sendall(request)
            if read_response(sock, buffer) != 200:
                failures += 1
            latencies.append(time.perf_counter() - started)
    results.put((latencies, failures))


def load(port: int, path: str, connections: int, seconds: float) -> dict[str, float]:
    results: multiprocessing.Queue = multiprocessing.Queue()
    clients = [
        multiprocessing.Process(target=client, args=(port, path, seconds, results))
        for _ in range(connections)
    ]
    for process in clients:
        process.start()
    outcomes = [results.get(timeout=seconds + 120) for _ in clients]
    for process in clients:
        process.join()
    latencies = sorted(t for times, _ in outcomes for t in times)
    return {
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95)] * 1000,
        "rps": len(latencies) / seconds,
        "failures": sum(failures for _, failures in outcomes),
    }


def figures(load: dict[str, float]) -> str:
    return f"{load['p50']:>9.2f} /{load['p95']:>9.2f} {load['rps']:>7.0f}"


def wait_for(port: int, path: str, proc: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            sys.exit(f"benchmark: {name} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(request_bytes(path))
                if read_response(sock, bytearray()) == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"benchmark: {name} did not answer within 60 s")
        time.sleep(0.2)


@contextmanager
def serving(argv: list[str], port: int, probe: str, name: str) -> Iterator[None]:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, probe, proc, name)
        yield
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def prepared(store: str | None, articles: int, work: Path) -> tuple[str, Path]:
    """The milgraph store's directory and the same quads loaded into an Oxigraph directory."""
    if store is None:
        store = str(work / "milgraph")
        started = time.monotonic()
        built = open_store(store)
        load_records(built, generated_records(articles, 7))
        built.close()
        print(f"built {articles:,} generated articles in {time.monotonic() - started:.0f} s")
    dump = work / "dataset.nq"
    milgraph = str(BIN / "milgraph")
    subprocess.run([milgraph, "export", "--format", "nquads", "-o", str(dump), "--store", store], check=True)
    oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if oxigraph is None:
        sys.exit("benchmark: the `oxigraph` binary is not installed (pip install '.[dev]')")
    data = work / "oxigraph"
    subprocess.run(
        [oxigraph, "load", "--location", str(data), "--file", str(dump)], check=True, capture_output=True
    )
    return store, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="an embedded milgraph store to serve (default: build one)")
    parser.add_argument(
        "--articles", type=int, default=5000, help="generated articles to build (default 5000)"
    )
    parser.add_argument("--seconds", type=float, default=5.0, help="seconds of load per figure (default 5)")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 4], help="clients (default 1 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="milgraph-http-bench-") as scratch:
        store, data = prepared(args.store, args.articles, Path(scratch))
        ours, theirs = free_port(), free_port()
        oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph") or "oxigraph"
        milgraph_argv = [str(BIN / "milgraph"), "serve", "--store", store, "--port", str(ours)]
        oxigraph_argv = [
            oxigraph,
            "serve-read-only",
            "--location",
            str(data),
            "--bind",
            f"127.0.0.1:{theirs}",
        ]
        ask = "/query?query=" + quote("ASK {}")
        with (
            serving(milgraph_argv, ours, "/health", "milgraph serve"),
            serving(oxigraph_argv, theirs, ask, "oxigraph serve"),
        ):
            routes = [("/health (Oxigraph: ASK {})", "/health", ask)]
            routes += [
                (name, "/sparql?query=" + quote(q), "/query?query=" + quote(q)) for name, q in QUERIES.items()
            ]
            print(
                f"{'route':40} {'conns':>5} {'milgraph p50/p95 ms':>20} {'req/s':>7}   "
                f"{'oxigraph p50/p95 ms':>20} {'req/s':>7}   {'ratio':>5}"
            )
            for name, our_path, their_path in routes:
                for connections in args.connections:
                    mine = load(ours, our_path, connections, args.seconds)
                    other = load(theirs, their_path, connections, args.seconds)
                    failed = f"  ({mine['failures']:.0f} failed)" if mine["failures"] else ""
                    ratio = mine["rps"] / other["rps"]
                    row = f"{name:40} {connections:>5} {figures(mine)}   {figures(other)}"
                    print(f"{row}   {ratio:>5.2f}{failed}", flush=True)


if __name__ == "__main__":
    main()
