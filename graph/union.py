"""SPARQL Update text that keeps a store's default graph the set-union of its named graphs.

SPARQL defines the default graph of a dataset merged from several graphs as their
RDF merge: a set, where a triple two articles assert is there once. Servers' own
"union default graph" modes (Oxigraph's among them) are bags instead, so the
stores materialise the merge in the real default graph, and every write that
changes a named graph changes the default graph in the same update request. The
stores then query the plain default graph, which any SPARQL 1.1 server has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.sparqltext import keywords_only
from graph.store import QuerySyntaxError, Store
from ontology import VOCABULARY_GRAPH

# The vocabulary graph (graph.vocabulary) describes the terms, not the articles: it is never
# part of the union, so counts and facts over the default graph see the articles alone.
_VOCABULARY = f"<{VOCABULARY_GRAPH}>"
_IN_UNION = f"FILTER (?any != {_VOCABULARY})"

# What a prologue is once strings, IRIs and comments are blanked out.
_PROLOGUE = re.compile(r"(?:\s*(?:PREFIX\s+[^\s:]*:|BASE|VERSION))*\s*", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+)")
# The whole derivation, for writes milgraph cannot follow graph by graph (users' own updates).
REDERIVE = (
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o\n"
    f"  FILTER NOT EXISTS {{ GRAPH ?any {{ ?s ?p ?o }} {_IN_UNION} }} }} ;\n"
    f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?any {{ ?s ?p ?o }} {_IN_UNION}\n"
    "  FILTER NOT EXISTS { ?s ?p ?o } }"
)


def retract(graph: str) -> str:
    """Delete from the default graph what only `graph` (an IRI in `<>`) asserts; run just before dropping it.

    Graphs are retracted one at a time, each dropped before the next: a triple
    two dropped graphs share then goes with the second, and one that new
    content asserts again is put back by `publish`.
    """
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }}\n"
        f"    FILTER (?other != {graph} && ?other != {_VOCABULARY}) }} }}"
    )


def publish(graphs: Sequence[str]) -> str:
    """Copy the triples of `graphs` (IRIs in `<>`) into the default graph; run after writing them.

    Copied on the server rather than sent twice, so a batch's request stays the size of its data.
    """
    batch = " ".join(dict.fromkeys(graphs))
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {batch} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def then_rederive(update: str) -> str:
    """`update` followed, in the same request, by `REDERIVE`.

    A new line ends a trailing comment; a trailing `;` is not doubled, and an update that ends in
    a prologue (`PREFIX ex: <urn:x#>`, valid alone) gets none, so any valid update stays valid.
    """
    ending = keywords_only(update).rstrip()
    last = ending.rsplit(";", 1)[-1]
    separator = "\n" if not ending or ending.endswith(";") or _PROLOGUE.fullmatch(last) else "\n;\n"
    return f"{update}{separator}{REDERIVE}"


def in_user_text(update: str, error: QuerySyntaxError) -> QuerySyntaxError:
    """`error` from running `then_rederive(update)`, its position moved to the end of `update` when
    it points into the text appended to it: the update was cut short."""
    found = _POSITION.search(str(error))
    lines = update.split("\n")
    end = (len(lines), len(lines[-1]) + 1)
    if found is None or (int(found[1]), int(found[2])) <= end:
        return error
    message = str(error)
    where = f"error at {end[0]}:{end[1]} (the end of the update)"
    return QuerySyntaxError(message[: found.start()] + where + message[found.end() :])


def fill_default_graph(store: Store) -> None:
    """Derive the default graph from the named graphs if it is empty while they hold triples.

    Stores written before milgraph kept the default graph, and stores bulk-loaded
    from named graphs alone, are in that state. Both checks stop at the first triple.
    """
    if not store.ask("ASK { ?s ?p ?o }") and store.ask(f"ASK {{ GRAPH ?any {{ ?s ?p ?o }} {_IN_UNION} }}"):
        # Every `Store.update` ends by re-deriving the default graph: an empty one does only that.
        store.update("")
