"""Worker processes that answer the embedded store's SPARQL queries, each killable at a deadline.

pyoxigraph cannot interrupt a query, so a query that must be stoppable runs in another
process. Starting one per query costs more than most queries, so a few workers
(`api.query_worker`) are kept, each with the store open read-only; one that passes a
deadline, runs out of memory or crashes is killed and replaced, and the others go on.

Each worker answers one query at a time; the caller (`api.deadline`) hands out workers
through its slots, so there is always an idle one for a caller that holds a slot. Waiting
for an answer is an event-loop wait on the worker's socket, so no thread is held.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

from api.query_worker import ALLOCATION_FAILED, READY, QueryMemoryLimit
from graph.store import QueryResult, StoreError

# The packages' root, so a worker imports the same code as the service.
_ROOT = str(Path(__file__).resolve().parent.parent)
# Starting Python and opening the store; generous, since a busy machine can take seconds.
STARTUP_LIMIT = 60.0
# Each worker replays the store's write-ahead log when it opens the store: past this size the
# log is flushed into table files, so that opening after a write stays cheap.
LOG_LIMIT = 4 * 2**20


class Stopped(Exception):
    """The wait was given up (deadline or client gone) and the worker killed."""


async def readable(connection: Connection, timeout: float, stop: asyncio.Future | None) -> None:
    """Wait on the event loop until `connection` has an answer (or its writer died); `Stopped` at
    `timeout` or once `stop` completes."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = connection.fileno()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        waits = {ready} if stop is None else {ready, stop}
        await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        loop.remove_reader(fd)
    if not ready.done():
        raise Stopped


def death(code: int, errors: IO[bytes]) -> StoreError:
    """What a query process's death, with `code` and what it wrote to `errors`, says about its query."""
    errors.seek(0)
    if ALLOCATION_FAILED in errors.read():
        return QueryMemoryLimit("the query needed more memory than the limit")
    how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
    return StoreError(f"the query process ended without an answer ({how})")


class Worker:
    def __init__(self, location: str, memory_bytes: int, generation: int) -> None:
        ours, theirs = socket.socketpair()
        # What the worker says when it dies (the engine's allocation failure); closed once it is reaped.
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        # An empty entry would put the working directory on the worker's path.
        paths = [_ROOT, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
        with theirs:
            argv = [str(theirs.fileno()), location, str(memory_bytes), str(os.getpid()), str(generation)]
            self.process = subprocess.Popen(
                [sys.executable, "-P", "-m", "api.query_worker", *argv],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self.errors,
                pass_fds=[theirs.fileno()],
                env=environment,
            )
        self.connection = Connection(ours.detach())
        self.ready = False

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, generation: int, query: str, options: dict) -> None:
        self.connection.send((generation, query, options))

    async def started(self, stop: asyncio.Future | None) -> StoreError | None:
        """Wait for the worker to have opened the store; what went wrong if it died first."""
        outcome = await self.receive(STARTUP_LIMIT, stop)
        self.ready = outcome == READY
        return None if self.ready else outcome

    async def receive(self, timeout: float, stop: asyncio.Future | None) -> QueryResult | StoreError:
        """The worker's answer; `Stopped` once `timeout` passes or `stop` completes first."""
        await readable(self.connection, timeout, stop)
        try:
            return self.connection.recv()
        except (EOFError, OSError):
            # A process that grew large takes a while to unmap: not on the event loop.
            code = await asyncio.get_running_loop().run_in_executor(None, self.process.wait)
            return death(code, self.errors)

    def kill(self) -> None:
        """Stop at once; a big process takes a while to unmap, so it is reaped in the background."""
        if self.alive():
            self.process.kill()
        self.connection.close()
        threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        self.process.wait()
        self.errors.close()


class QueryPool:
    """`size` workers on the embedded store at `location`, started on first use."""

    def __init__(self, location: str, size: int, memory_bytes: int) -> None:
        self.location = location
        self.size = size
        self.memory_bytes = memory_bytes
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self._generation = 0
        self._started = False
        self._closed = False

    def written(self) -> bool:
        """Count a write to the store; workers open it again before their next query. True when
        the write-ahead log has grown past `LOG_LIMIT` and should be flushed to table files."""
        with self._lock:
            self._generation += 1
        with contextlib.suppress(OSError, ValueError):
            # The live log is the newest; older ones may be kept for reuse.
            logs = [entry for entry in os.scandir(self.location) if entry.name.endswith(".log")]
            return max(logs, key=lambda entry: int(entry.name[:-4])).stat().st_size > LOG_LIMIT
        return False

    @property
    def generation(self) -> int:
        return self._generation

    def start(self) -> None:
        """Start every worker now, so that the first queries do not wait for them."""
        if not self._started:
            self._started = True
            self._idle += [self._new_worker() for _ in range(self.size)]

    def worker_pids(self) -> list[int]:
        return [worker.pid for worker in self._idle]

    def _new_worker(self) -> Worker:
        return Worker(self.location, self.memory_bytes, self._generation)

    def _take(self) -> Worker:
        self.start()
        worker = self._idle.pop()
        if not worker.alive():
            worker.kill()
            worker = self._new_worker()
        return worker

    async def query(
        self, query: str, options: dict, *, timeout: float, stop: asyncio.Future | None = None
    ) -> QueryResult | StoreError:
        """Run `query` on an idle worker; `Stopped` at `timeout` or when `stop` completes.

        The caller must hold one of `size` slots, so an idle worker (or room for one) exists.
        """
        worker = self._take()
        try:
            failed = None if worker.ready else await worker.started(stop)
            if failed is not None:
                self._replace(worker)
                return failed
            # A worker that died since it was last seen cannot be written to: receiving says why.
            with contextlib.suppress(OSError):
                worker.send(self._generation, query, options)
            outcome = await worker.receive(timeout, stop)
        except BaseException:
            # A deadline, a client gone, or the request cancelled: the worker is mid-query.
            self._replace(worker)
            raise
        if not worker.alive() or isinstance(outcome, QueryMemoryLimit):
            self._replace(worker)
        else:
            self._idle.append(worker)
        return outcome

    def _replace(self, worker: Worker) -> None:
        worker.kill()
        if not self._closed:
            self._idle.append(self._new_worker())

    def close(self) -> None:
        self._closed = True
        while self._idle:
            self._idle.pop().kill()
