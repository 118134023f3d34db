"""Running a client's SPARQL query under a deadline that stops it, not just stops waiting for it.

Every query first takes one of `query_workers` slots. Waiting for one has its own short bound
(`query_queue_timeout`), after which the client gets 503 with Retry-After; waiting holds no
thread, so REST routes and /health never queue behind /sparql. Where the work happens then
decides how the deadline (`query_timeout`) is kept:

- A remote store's server evaluates the query, in a thread of the slots' own: milgraph gives
  up on the HTTP request at the deadline; stopping the evaluation is the server's job
  (`oxigraph serve --timeout-s`, Fuseki's `arq:queryTimeout`), which its operator should set to
  the same limit.
- An embedded store in a directory is read by worker processes that hold it open read-only
  (`api.query_pool`); the one running a query past its deadline, or for a client that went
  away, is killed and replaced. Writes go through this process's store, which counts them
  (`watched`), and workers open the store again before the next query, so they read them; the
  write-ahead log, which each opening replays, is flushed to table files once it grows.
- An in-memory store has no directory another process could open, so each query runs in a
  forked child that shares it copy-on-write, killed at the deadline. A fork taken while another
  thread holds a lock inside the store (a write in progress) can leave the child waiting on it
  until it is killed: such a query fails with a timeout rather than a wrong answer.

A query process may take `query_memory_mb` beyond the open store (RLIMIT_AS); at the cap the
query fails with 503 naming the limit and the service goes on. Updates never run in a query
process (a child's writes would be lost): they run in-process, which is why only token
holders may send them.
"""

from __future__ import annotations

import asyncio
import faulthandler
import multiprocessing
import os
import resource
import tempfile
import threading
from collections.abc import Awaitable, Callable, Iterable
from itertools import chain
from multiprocessing.connection import Connection
from typing import IO, Any

import anyio
from fastapi import HTTPException, status

from api.query_pool import QueryPool, Stopped, death, readable
from api.query_worker import QueryMemoryLimit, address_space
from api.settings import Settings
from graph import MEMORY
from graph.store import GraphUpload, QueryResult, QueryTimeout, Store, StoreError

REMOTE_SCHEMES = ("http://", "https://")
_fork = multiprocessing.get_context("fork")
Receive = Callable[[], Awaitable[dict[str, Any]]]
Outcome = QueryResult | StoreError


class Queries:
    """The service's lane for client queries on `store`, with the limits of `settings`."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.timeout = settings.query_timeout
        self.queue_timeout = settings.query_queue_timeout
        self.slots_count = settings.query_workers
        self.memory_bytes = settings.query_memory_mb * 2**20
        self._slots: asyncio.Semaphore | None = None
        self._threads = anyio.CapacityLimiter(settings.query_workers)
        self.remote = store.location.startswith(REMOTE_SCHEMES)
        in_directory = not self.remote and store.location != MEMORY
        self.pool = QueryPool(store.location, self.slots_count, self.memory_bytes) if in_directory else None

    def watched(self) -> Store:
        """`store`, telling the workers of each write; the store itself when no worker needs telling."""
        return Watched(self.store, self._written) if self.pool is not None else self.store

    def _written(self) -> None:
        if self.pool is not None and self.pool.written():
            self.store.flush()  # type: ignore[attr-defined]  # the pool is for embedded stores only

    def start(self) -> None:
        if self.pool is not None:
            self.pool.start()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    async def query(self, query: str, options: dict, receive: Receive | None = None) -> QueryResult:
        """Answer `query` (`options` as for `Store.query`) within the deadline; `receive`, the request's
        ASGI receive, tells whether the client went away, which stops the query."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.slots_count)
        try:
            await asyncio.wait_for(self._slots.acquire(), self.queue_timeout)
        except TimeoutError:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                f"the server was busy with other queries for {self.queue_timeout:g} s; try again",
                headers={"Retry-After": str(max(1, round(self.queue_timeout)))},
            ) from None
        try:
            if self.remote:
                return await anyio.to_thread.run_sync(self._remote, query, options, limiter=self._threads)
            return await self._stoppable(query, options, receive)
        finally:
            self._slots.release()

    def _remote(self, query: str, options: dict) -> QueryResult:
        """The answer, with a streamed one's first chunk read here, so that an error the server finds
        only once it starts (a parse error) still gets its own status line."""
        result = self.store.query(query, **options, timeout=self.timeout)
        if isinstance(result.body, bytes):
            return result
        chunks = iter(result.body)
        first = next(chunks, b"")
        return QueryResult(form=result.form, media_type=result.media_type, body=chain((first,), chunks))

    async def _stoppable(self, query: str, options: dict, receive: Receive | None) -> QueryResult:
        gone = asyncio.ensure_future(_disconnect(receive)) if receive is not None else None
        try:
            if self.pool is not None:
                outcome = await self.pool.query(query, options, timeout=self.timeout, stop=gone)
            else:
                outcome = await self._forked(query, options, gone)
        except Stopped:
            if gone is not None and gone.done():
                raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "the client went away") from None
            raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped") from None
        finally:
            if gone is not None:
                gone.cancel()
        if isinstance(outcome, QueryMemoryLimit):
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                f"the query needed more than the {self.memory_bytes // 2**20} MB of memory a query may "
                "take, and was stopped",
            )
        if isinstance(outcome, StoreError):
            raise outcome
        return outcome

    async def _forked(self, query: str, options: dict, gone: asyncio.Future | None) -> Outcome:
        receiver, sender = _fork.Pipe(duplex=False)
        errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the child is reaped)
        child = _fork.Process(
            target=_answer, args=(sender, errors, self.store, query, options, self.memory_bytes), daemon=True
        )
        child.start()
        sender.close()
        try:
            await readable(receiver, self.timeout, gone)
            outcome = receiver.recv()
        except EOFError:
            # A child that grew large takes a while to unmap: not on the event loop.
            await asyncio.get_running_loop().run_in_executor(None, child.join)
            outcome = death(child.exitcode or 0, errors)
        except BaseException:
            child.kill()
            raise
        finally:
            receiver.close()
            threading.Thread(target=_reap, args=(child, errors), daemon=True).start()
        return outcome


def _reap(child: multiprocessing.process.BaseProcess, errors: IO[bytes]) -> None:
    child.join()
    errors.close()


async def _disconnect(receive: Receive) -> None:
    """Return once the client has closed the connection (the body has been read by then)."""
    while (await receive())["type"] != "http.disconnect":
        pass


def _answer(
    sender: Connection, errors: IO[bytes], store: Store, query: str, options: dict, memory_bytes: int
) -> None:
    """In the forked child: run the query to the end and send back the whole answer, or the error."""
    # The engine's last words (an allocation failure) go where the parent reads them, alone.
    faulthandler.disable()
    os.dup2(errors.fileno(), 2)
    resource.setrlimit(resource.RLIMIT_AS, (address_space() + memory_bytes, resource.RLIM_INFINITY))
    outcome: QueryResult | StoreError
    try:
        result = store.query(query, **options)
        body = result.body if isinstance(result.body, bytes) else b"".join(result.body)
        outcome = QueryResult(form=result.form, media_type=result.media_type, body=body)
    except MemoryError:
        outcome = QueryMemoryLimit("the query needed more memory than the limit")
    except StoreError as error:
        outcome = error
    except Exception as error:
        # Anything else would die with the child and reach the client as "no answer".
        outcome = StoreError(f"the query failed: {error}")
    sender.send(outcome)
    sender.close()


class Watched:
    """A store that calls `written` after each write, so that query workers read it."""

    def __init__(self, store: Store, written: Callable[[], None]) -> None:
        self._store = store
        self._written = written

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def __repr__(self) -> str:
        return repr(self._store)

    def replace_graphs(self, uploads: Iterable[GraphUpload]) -> None:
        try:
            self._store.replace_graphs(uploads)
        finally:
            self._written()

    def remove_graphs(self, iris: Iterable[str]) -> None:
        try:
            self._store.remove_graphs(iris)
        finally:
            self._written()

    def update(self, update: str, *, timeout: float | None = None) -> None:
        try:
            self._store.update(update, timeout=timeout)
        finally:
            self._written()
