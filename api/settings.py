"""The one validated settings object for the CLI and the service.

Values come from keyword arguments (command-line options), then `MILGRAPH_*`
environment variables, then the defaults below.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph import MEMORY

URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def default_store_location() -> str:
    return str(Path(user_data_dir("milgraph")) / "store")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MILGRAPH_", extra="forbid")

    store: str = Field(
        default_factory=default_store_location,
        description="a directory for the embedded store, ':memory:', or the URL of a SPARQL 1.1 server",
    )
    store_query_endpoint: str | None = Field(
        None, description="remote store: SPARQL query URL, if not URL/query"
    )
    store_update_endpoint: str | None = Field(
        None, description="remote store: SPARQL update URL, if not URL/update"
    )
    store_username: str | None = None
    store_password: SecretStr | None = None
    store_timeout: float = Field(
        30.0, gt=0, description="remote store: seconds before a request is abandoned"
    )

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    write_token: SecretStr | None = Field(
        None, description="writes are refused unless requests carry this token"
    )
    query_timeout: float = Field(10.0, gt=0, description="seconds a SPARQL query may run")
    query_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="SPARQL queries run at once (embedded store: worker processes); default: one per core",
    )
    query_queue_timeout: float = Field(
        2.0, gt=0, description="seconds a SPARQL query may wait for a free worker before a 503"
    )
    query_memory_mb: int = Field(
        1024, ge=16, description="MB of memory one SPARQL query may take on the embedded store"
    )
    max_rows: int = Field(10_000, ge=1, description="cap on SELECT rows returned by /sparql")
    max_neighbourhood_nodes: int = Field(500, ge=1, description="cap on nodes returned by /neighbourhood")

    batch_size: int = Field(32, ge=1, description="articles per spaCy batch and per store write")
    workers: int = Field(1, ge=1, description="spaCy worker processes for ingest")

    @field_validator("store")
    @classmethod
    def _store_location(cls, value: str) -> str:
        location = value.strip()
        if not location:
            raise ValueError("the store location is empty")
        # Anything else that looks like a URL would become a directory named "ftp:".
        if scheme := URL_SCHEME.match(location):
            if scheme[1].lower() not in ("http", "https"):
                raise ValueError(
                    f"{scheme[0]} is not a store: give a directory, ':memory:' or the http(s) URL "
                    "of a SPARQL server"
                )
            location = scheme[0].lower() + location[scheme.end() :]
        return location

    @field_validator("write_token")
    @classmethod
    def _blank_token_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        # `MILGRAPH_WRITE_TOKEN=` in an .env file means no token. A blank one could never be
        # sent (`Authorization: Bearer ` carries none), yet the server would call itself writable.
        if value is not None and not value.get_secret_value().strip():
            return None
        return value

    def store_directory(self) -> Path | None:
        """The embedded store's directory; None for an in-memory or a remote store."""
        if self.store == MEMORY or URL_SCHEME.match(self.store):
            return None
        return Path(self.store).expanduser()

    def store_options(self) -> dict[str, object]:
        """Keyword arguments for `graph.open_store` beyond the location."""
        return {
            "query_endpoint": self.store_query_endpoint,
            "update_endpoint": self.store_update_endpoint,
            "username": self.store_username,
            "password": self.store_password.get_secret_value() if self.store_password else None,
            "timeout": self.store_timeout,
        }
