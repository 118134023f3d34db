"""Running a client's SPARQL query under a deadline that stops it, not just stops waiting for it.

Where the work happens decides how:

- A remote store's server evaluates the query. milgraph gives up on the HTTP request at the
  deadline; stopping the evaluation is the server's job (`oxigraph serve --timeout-s`, Fuseki's
  `arq:queryTimeout`), which its operator should set to the same limit.
- The embedded store evaluates in this process, inside pyoxigraph, which cannot be interrupted:
  a thread would go on burning a core after the client got its error. So the query runs in a
  forked child that shares the open store copy-on-write, and the child is killed at the deadline.

Limits of the fork: it costs a few milliseconds per query; a child sees the store as it was at
the fork; and a fork taken while another thread holds a lock inside the store (a write in
progress) can leave the child waiting on that lock until it is killed, so such a query fails
with a timeout rather than a wrong answer. Updates are never forked (a child's writes would be
lost or corrupt the store): they run in-process, which is why only token holders may send them.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import Connection

from graph.store import QueryResult, QueryTimeout, Store, StoreError

REMOTE_SCHEMES = ("http://", "https://")
_fork = multiprocessing.get_context("fork")
# Each child takes a core for as long as its query runs: more children than cores only makes
# every query slower. Queries beyond this wait for a free slot within their own deadline.
_slots = threading.BoundedSemaphore(os.cpu_count() or 1)


def query_with_deadline(
    store: Store,
    query: str,
    *,
    media_type: str,
    timeout: float,
    default_graph_uris: list[str] | None = None,
    named_graph_uris: list[str] | None = None,
    row_limit: int | None = None,
) -> QueryResult:
    """`store.query`, stopped and raising `QueryTimeout` once it has run `timeout` seconds."""
    options = {
        "media_type": media_type,
        "default_graph_uris": default_graph_uris,
        "named_graph_uris": named_graph_uris,
        "timeout": timeout,
        "row_limit": row_limit,
    }
    if store.location.startswith(REMOTE_SCHEMES):
        return store.query(query, **options)
    return _in_child(store, query, options, timeout)


def _in_child(store: Store, query: str, options: dict, timeout: float) -> QueryResult:
    started = time.monotonic()
    if not _slots.acquire(timeout=timeout):
        raise QueryTimeout(f"the server was busy with other queries for {timeout:g} s; try again")
    try:
        return _run_child(store, query, options, timeout, timeout - (time.monotonic() - started))
    finally:
        _slots.release()


def _run_child(store: Store, query: str, options: dict, limit: float, remaining: float) -> QueryResult:
    receiver, sender = _fork.Pipe(duplex=False)
    child = _fork.Process(target=_answer, args=(sender, store, query, options), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(remaining):
            child.kill()
            raise QueryTimeout(f"the query ran longer than {limit:g} s and was stopped")
        try:
            outcome = receiver.recv()
        except EOFError:
            child.join()
            raise StoreError(
                f"the query process ended without an answer (exit code {child.exitcode})"
            ) from None
    finally:
        receiver.close()
        child.join()
    if isinstance(outcome, StoreError):
        raise outcome
    return outcome


def _answer(sender: Connection, store: Store, query: str, options: dict) -> None:
    """In the child: run the query to the end and send back the whole answer, or the error."""
    outcome: QueryResult | StoreError
    try:
        result = store.query(query, **options)
        body = result.body if isinstance(result.body, bytes) else b"".join(result.body)
        outcome = QueryResult(form=result.form, media_type=result.media_type, body=body)
    except StoreError as error:
        outcome = error
    except Exception as error:
        # Anything else would die with the child and reach the client as "no answer";
        # the parent re-raises this in the caller's terms.
        outcome = StoreError(f"the query failed: {error}")
    sender.send(outcome)
    sender.close()
