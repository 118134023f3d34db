"""A query worker: a process that holds the embedded store open read-only and answers SPARQL queries.

    python -m api.query_worker FD STORE MEMORY_BYTES PARENT_PID GENERATION

The service (`api.query_pool`) starts it with one end of a socket pair as FD, waits for it
to say READY once the store is open, then sends it one query at a time as `(generation,
query, options)` and reads back a `QueryResult` or a `StoreError`. A read-only store sees
the directory as it was when opened, so the service counts its writes (the generation) and
the worker opens the store again when the count has moved. It is killed when a query passes
its deadline, and ends when the service's end of the socket closes.

MEMORY_BYTES caps the address space a query may add to the opened store (RLIMIT_AS). At the
cap the query engine cannot allocate and aborts the process, printing "memory allocation of
N bytes failed" on stderr, which the service reads to name the limit in its answer.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sys
import time
from multiprocessing.connection import Connection

from graph.embedded import EmbeddedStore
from graph.store import QueryResult, QuerySyntaxError, StoreError, UnsupportedFormat

ALLOCATION_FAILED = b"memory allocation of"
READY = "ready"
# Tries at a consistent view of a store its writer is changing, waiting 10 ms, 20 ms, ... between.
ATTEMPTS = 8
_PR_SET_PDEATHSIG = 1


class QueryMemoryLimit(StoreError):
    """The query needed more memory than a worker may take."""


class Reader:
    """The store as of the latest generation asked for, with the memory cap set around it."""

    def __init__(self, location: str, memory_bytes: int) -> None:
        self.location = location
        self.memory_bytes = memory_bytes
        self.store: EmbeddedStore | None = None
        self.generation = -1

    def answer(self, generation: int, query: str, options: dict) -> QueryResult | StoreError:
        try:
            return self._answer(generation, query, options)
        except MemoryError:
            # Python's own allocations fail before the engine's: the same limit, reported alike.
            return QueryMemoryLimit("the query needed more memory than the limit")
        except StoreError as error:
            return error
        except Exception as error:
            return StoreError(f"the query failed: {error}")

    def _answer(self, generation: int, query: str, options: dict) -> QueryResult:
        for attempt in range(ATTEMPTS):
            try:
                result = self.open(generation, again=attempt > 0).query(query, **options)
                # Results are evaluated lazily: reading them is where a missing file shows.
                body = result.body if isinstance(result.body, bytes) else b"".join(result.body)
                return QueryResult(form=result.form, media_type=result.media_type, body=body)
            except (QuerySyntaxError, UnsupportedFormat):
                raise
            except (StoreError, OSError, RuntimeError):
                # The writer compacts and flushes while views are open: a file a view was
                # opened on can be gone, and a fresh view has the files that replaced it.
                if attempt == ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable")

    def open(self, generation: int, *, again: bool = False) -> EmbeddedStore:
        if self.store is not None and self.generation == generation and not again:
            return self.store
        # The cap is on the address space a query adds: lift it while a view is opened, then
        # set it from what the view itself takes.
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        self.store = None
        store = self._stable_view()
        self.store, self.generation = store, generation
        resource.setrlimit(resource.RLIMIT_AS, (address_space() + self.memory_bytes, resource.RLIM_INFINITY))
        return store

    def _stable_view(self) -> EmbeddedStore:
        """A view opened while no file of the store came or went. Opening reads the list of table
        files, then replays the write-ahead logs; a flush finishing in between would leave its
        writes in neither, so such a view is opened again."""
        for _ in range(ATTEMPTS):
            before = store_files(self.location)
            store = EmbeddedStore(self.location, read_only=True)
            if store_files(self.location) == before:
                return store
            store.close()
        return store


def store_files(location: str) -> frozenset[str]:
    return frozenset(os.listdir(location))


def address_space() -> int:
    """Bytes of address space this process holds now (VmSize)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this worker when the service ends, even by SIGKILL, mid-query."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


def serve(connection: Connection, reader: Reader) -> None:
    while True:
        try:
            generation, query, options = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(reader.answer(generation, query, options))


def main(argv: list[str]) -> None:
    fd, location, memory_bytes, parent, generation = argv
    die_with_parent(int(parent))
    # Ctrl-C reaches the whole process group; the service stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    reader = Reader(location, int(memory_bytes))
    # Opened before the first query comes; if it cannot be, each query tries again and gets the reason.
    with contextlib.suppress(StoreError):
        reader.open(int(generation))
    connection = Connection(int(fd))
    # Queries are timed from here on, not from the process's start.
    connection.send(READY)
    serve(connection, reader)


if __name__ == "__main__":
    main(sys.argv[1:])
