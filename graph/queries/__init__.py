"""SPARQL text of the graph layer's read queries, one `.rq` file each, with the project prefixes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ontology import SPARQL_PREFIXES

HERE = Path(__file__).parent


@cache
def load(name: str) -> str:
    """The query `name.rq`, prefixed with every project namespace."""
    return SPARQL_PREFIXES + (HERE / f"{name}.rq").read_text(encoding="utf-8")
