"""The ontology and the role scheme as a named graph of the store, so SPARQL users can read labels.

The graph is `VOCABULARY_GRAPH` and stays out of the default graph (`graph.union` leaves it out
of the union), so facts, counts and REST answers see the articles alone. Installing it is
idempotent: a store that already holds this exact vocabulary is not written to.
"""

from __future__ import annotations

import logging
from functools import cache

import pyoxigraph as ox

from graph.store import Store, StoreError
from ontology import ONTOLOGY_FILE, ROLES_FILE, VOCABULARY_GRAPH

logger = logging.getLogger(__name__)


@cache
def vocabulary_triples() -> frozenset[ox.Triple]:
    triples: set[ox.Triple] = set()
    for path in (ONTOLOGY_FILE, ROLES_FILE):
        triples.update(quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        # Blank nodes would make the graph differ from itself on every comparison below.
        raise ValueError("the ontology files must not use blank nodes")
    return frozenset(triples)


def _as_row(triple: ox.Triple) -> tuple[str, str, str]:
    return (triple.subject.value, triple.predicate.value, triple.object.value)


def _stored(store: Store) -> list[tuple[str, str, str]]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?s ?p ?o }} }}")
    return [(row["s"], row["p"], row["o"]) for row in rows]


def install_vocabulary(store: Store) -> bool:
    """Write the vocabulary graph unless the store holds it already; True when it was written.

    Compared by lexical values, which is enough for the two files' own changes (a label,
    a term added or dropped); a language tag changed alone would not be seen.
    """
    expected = vocabulary_triples()
    stored = _stored(store)
    if len(stored) == len(expected) and set(stored) == {_as_row(t) for t in expected}:
        return False
    body = ox.serialize(sorted(expected, key=str), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    graph = f"<{VOCABULARY_GRAPH}>"
    store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }}")
    return True


def try_install_vocabulary(store: Store) -> None:
    """`install_vocabulary`, for a process that only reads: a store it may not write keeps what it has."""
    try:
        install_vocabulary(store)
    except StoreError as error:
        logger.warning("the vocabulary graph could not be written to %s: %s", store.location, error)
