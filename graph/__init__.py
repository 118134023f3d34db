"""The graph layer: records to RDF, the stores that hold it, and what is read back out.

`open_store` is the way in: it picks the backend from a location string.
"""

from __future__ import annotations

from pathlib import Path

from graph.store import Store, StoreUnavailable

MEMORY = ":memory:"


def open_store(
    location: str,
    *,
    query_endpoint: str | None = None,
    update_endpoint: str | None = None,
    username: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> Store:
    """Open the store at `location`.

    `":memory:"` is a fresh in-memory store; an `http://` or `https://` URL is a
    SPARQL 1.1 server (the other options apply to it only); anything else is a
    directory for the embedded store, created if missing.
    """
    if location.startswith(("http://", "https://")):
        from graph.remote import RemoteStore

        return RemoteStore(
            location,
            query_endpoint=query_endpoint,
            update_endpoint=update_endpoint,
            username=username,
            password=password,
            timeout=timeout,
        )
    from graph.embedded import EmbeddedStore

    if location == MEMORY:
        return EmbeddedStore()
    if not location:
        raise StoreUnavailable("no store location given: pass a directory, ':memory:' or a SPARQL server URL")
    path = Path(location).expanduser()
    if not path.exists():
        try:
            path.mkdir(parents=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"cannot create the store directory {path}: {exc.strerror or exc}"
            ) from exc
    return EmbeddedStore(path)


__all__ = ["MEMORY", "Store", "StoreUnavailable", "open_store"]
