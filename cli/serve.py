"""`milgraph serve`: the SPARQL endpoint and REST service over a store, run by uvicorn."""

from __future__ import annotations

import argparse
import socket

import uvicorn

from api.app import create_app
from cli.errors import CommandError, ExitStatus
from cli.options import add_store_option, load_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the graph over HTTP: SPARQL endpoint, REST routes, exports",
        description="Serve the graph: SPARQL 1.1 at /sparql, REST routes such as /country/NAME/relations, "
        "and API docs at /docs. Read-only unless a write token is set; requests that write must send "
        "'Authorization: Bearer TOKEN'.",
    )
    add_store_option(parser)
    parser.add_argument("--host", help="address to listen on (default: $MILGRAPH_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (default: $MILGRAPH_PORT or 8000)")
    parser.add_argument(
        "--write-token",
        metavar="TOKEN",
        help="accept writes that carry this token (default: $MILGRAPH_WRITE_TOKEN, which other users "
        "cannot see in the process list; without either the server is read-only)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(store=args.store, host=args.host, port=args.port, write_token=args.write_token)
    with listening_socket(settings.host, settings.port) as listener:
        app = create_app(settings)
        # Query workers start with the server rather than with its first queries.
        app.state.queries.start()
        server = uvicorn.Server(uvicorn.Config(app, log_level="info"))
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        base = f"http://{host}:{listener.getsockname()[1]}"
        mode = "read-write with the token" if settings.write_token else "read-only"
        print(f"milgraph: serving {settings.store} ({mode}) at {base}", flush=True)
        print(f"milgraph: API docs at {base}/docs, SPARQL endpoint at {base}/sparql", flush=True)
        server.run(sockets=[listener])
    # uvicorn has logged why it did not start (the app's startup failed).
    return ExitStatus.OK if server.started else ExitStatus.ERROR


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound before anything is announced, so a taken port is one clear error.

    Its protocol is named (`socket.create_server` leaves it 0): asyncio switches Nagle's algorithm
    off only on sockets whose protocol says TCP, and with it on, every answer on a kept-alive
    connection waits some 40 ms for the client's delayed ACK.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
        listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    except OSError as error:
        raise CommandError(f"cannot listen on {host} port {port}: {error.strerror or error}") from None
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if family == socket.AF_INET6 and socket.has_dualstack_ipv6():
            listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        listener.bind((host, port))
        listener.listen()
    except OSError as error:
        listener.close()
        raise CommandError(f"cannot listen on {host} port {port}: {error.strerror or error}") from None
    return listener
