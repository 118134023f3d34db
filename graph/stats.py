"""How big the graph is: node counts and stored statements."""

from __future__ import annotations

from graph import queries
from graph.store import Store

STAT_NAMES = ("articles", "people", "parties", "meetings", "agreements", "triples")


def graph_stats(store: Store) -> dict[str, int]:
    """Distinct articles, people, parties, meetings and agreements; `triples` counts every stored quad."""
    rows = store.select(queries.load("stats"))
    row = rows[0] if rows else {}
    return {name: int(row.get(name, 0)) for name in STAT_NAMES}
