"""The one validated settings object for the CLI and the service.

Values come from keyword arguments (command-line options), then `MILGRAPH_*`
environment variables, then the defaults below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    store_union_default_graph: Literal["parameter", "server", "explicit"] = Field(
        "parameter",
        description="remote store: how queries see the union of article graphs (see docs/scaling.md)",
    )

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    write_token: SecretStr | None = Field(
        None, description="writes are refused unless requests carry this token"
    )
    query_timeout: float = Field(10.0, gt=0, description="seconds a SPARQL query may run")
    max_rows: int = Field(10_000, ge=1, description="cap on SELECT rows returned by /sparql")
    max_neighbourhood_nodes: int = Field(500, ge=1, description="cap on nodes returned by /neighbourhood")

    batch_size: int = Field(32, ge=1, description="articles per spaCy batch and per store write")
    workers: int = Field(1, ge=1, description="spaCy worker processes for ingest")

    @field_validator("store")
    @classmethod
    def _store_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the store location is empty")
        return value.strip()

    def store_options(self) -> dict[str, object]:
        """Keyword arguments for `graph.open_store` beyond the location."""
        return {
            "query_endpoint": self.store_query_endpoint,
            "update_endpoint": self.store_update_endpoint,
            "username": self.store_username,
            "password": self.store_password.get_secret_value() if self.store_password else None,
            "timeout": self.store_timeout,
            "union_default_graph": self.store_union_default_graph,
        }
