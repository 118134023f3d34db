"""A fault-injecting HTTP proxy: a real server on loopback in front of a real SPARQL server.

It forwards requests, except those it was told to break: an error status, a
hang, or a connection cut in the middle of an upload.
"""

from __future__ import annotations

import base64
import socket
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import httpx


class FaultProxy(ThreadingHTTPServer):
    """Forwards each request to `upstream`, or breaks it with the next queued fault.

    Faults: an HTTP status code (answered with a short text body), "hang" (no
    answer until the proxy stops), "cut" (half the request body reaches the
    upstream, then both connections are closed without an answer).
    """

    daemon_threads = True

    def __init__(self, upstream: str, *, credentials: tuple[str, str] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _FaultHandler)
        self.upstream = upstream
        self.credentials = credentials
        self.faults: deque[int | str] = deque()
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def inject(self, *faults: int | str) -> None:
        with self.lock:
            self.faults.extend(faults)

    def next_fault(self) -> int | str | None:
        with self.lock:
            return self.faults.popleft() if self.faults else None


class _FaultHandler(BaseHTTPRequestHandler):
    server: FaultProxy

    def log_message(self, format: str, *args: object) -> None:
        """Keep pytest's output clean."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.requests.append((self.path, dict(self.headers), body))
        if self.server.credentials and not self._authorised():
            self._answer(401, b"credentials required", {"WWW-Authenticate": 'Basic realm="sparql"'})
            return
        fault = self.server.next_fault()
        if isinstance(fault, int):
            self._answer(fault, f"injected HTTP {fault}".encode())
        elif fault == "hang":
            self.server.stopping.wait(30)
            self.close_connection = True
        elif fault == "cut":
            self._forward_half(body)
            self.close_connection = True
        else:
            self._forward(body)

    def _authorised(self) -> bool:
        token = base64.b64encode(":".join(self.server.credentials or ()).encode()).decode()
        return self.headers.get("Authorization") == f"Basic {token}"

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "text/plain", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _forward(self, body: bytes) -> None:
        headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "content-type")}
        upstream = httpx.request(
            self.command, self.server.upstream + self.path, content=body, headers=headers, timeout=30
        )
        content_type = upstream.headers.get("Content-Type", "application/octet-stream")
        self._answer(upstream.status_code, upstream.content, {"Content-Type": content_type})

    def _forward_half(self, body: bytes) -> None:
        target = urlsplit(self.server.upstream)
        head = (
            f"{self.command} {self.path} HTTP/1.1\r\nHost: {target.netloc}\r\n"
            f"Content-Type: {self.headers.get('Content-Type')}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        with socket.create_connection((target.hostname, target.port), timeout=5) as upstream:
            upstream.sendall(head + body[: len(body) // 2])
