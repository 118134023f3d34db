"""Compacted JSON-LD: RDF written with the milgraph context (ontology/context.jsonld).

Classes go in `@type` by their term (`"State"`), properties by their short key (`"party"`),
IRIs as compact IRIs (`"id:state/LVA"`). A value the context's coercion does not fit (a
French label under the English `prefLabel`) is written as an explicit value object, so every
triple survives a round trip through any JSON-LD processor.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import pyoxigraph as ox

from graph.store import Store
from ontology import CONTEXT_FILE, RDF, XSD

Term = ox.NamedNode | ox.BlankNode | ox.Literal
JsonValue = str | int | dict[str, Any]

# The context's canonical address, under the dataset's own namespace; the service also serves it.
CONTEXT_IRI = "https://w3id.org/milgraph/context.jsonld"
_TYPE = str(RDF.type)
_STRING = str(XSD.string)
_INTEGER = str(XSD.integer)


@cache
def context() -> dict[str, Any]:
    """The context object: the value of `@context` in ontology/context.jsonld."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


@cache
def _prefixes() -> list[tuple[str, str]]:
    """(namespace, prefix), longest namespace first, so `id:` wins over a shorter match."""
    pairs = [
        (iri, name) for name, iri in context().items() if isinstance(iri, str) and iri.endswith(("/", "#"))
    ]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _expand(value: str) -> str:
    prefix, colon, suffix = value.partition(":")
    namespace = context().get(prefix)
    return namespace + suffix if colon and isinstance(namespace, str) else value


@cache
def _terms() -> tuple[dict[str, str], dict[str, tuple[str, str | None]]]:
    """Class IRI -> term, and property IRI -> (term, coercion: `@id`, `@en` or None)."""
    classes: dict[str, str] = {}
    properties: dict[str, tuple[str, str | None]] = {}
    for name, definition in context().items():
        if isinstance(definition, str):
            if not definition.endswith(("/", "#")):
                iri = _expand(definition)
                # Capitalised terms name classes; the others, plain properties.
                if name[0].isupper():
                    classes[iri] = name
                else:
                    properties[iri] = (name, None)
        else:
            coercion = definition.get("@type") or (
                f"@{definition['@language']}" if "@language" in definition else None
            )
            properties[_expand(definition["@id"])] = (name, coercion)
    return classes, properties


def compact_iri(iri: str) -> str:
    for namespace, prefix in _prefixes():
        if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _node_ref(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact_iri(term.value)


def _value(term: Term, coercion: str | None) -> JsonValue:
    if isinstance(term, ox.Literal):
        if term.language:
            if coercion == f"@{term.language}":
                return term.value
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if coercion is None and datatype == _STRING:
            return term.value
        if coercion is None and datatype == _INTEGER and term.value.lstrip("-").isdigit():
            number = int(term.value)
            if str(number) == term.value:
                return number
        return {"@value": term.value, "@type": compact_iri(datatype)}
    if coercion == "@id":
        return _node_ref(term)
    return {"@id": _node_ref(term)}


def _class(term: Term) -> str | None:
    if isinstance(term, ox.NamedNode):
        return _terms()[0].get(term.value) or compact_iri(term.value)
    return _node_ref(term) if isinstance(term, ox.BlankNode) else None


def node_object(
    subject: ox.NamedNode | ox.BlankNode, statements: Iterable[tuple[str, Term]]
) -> dict[str, Any]:
    """One subject's statements as a compacted node object, keys and values in a stable order."""
    properties = _terms()[1]
    node: dict[str, Any] = {"@id": _node_ref(subject)}
    types: list[str] = []
    values: dict[str, list[JsonValue]] = defaultdict(list)
    for predicate, obj in statements:
        if predicate == _TYPE and (kind := _class(obj)) is not None:
            types.append(kind)
            continue
        key, coercion = properties.get(predicate, (compact_iri(predicate), None))
        values[key].append(_value(obj, coercion))
    if types:
        node["@type"] = sorted(set(types)) if len(set(types)) > 1 else types[0]
    for key in sorted(values):
        unique = sorted({json.dumps(v, sort_keys=True): v for v in values[key]}.items())
        node[key] = unique[0][1] if len(unique) == 1 else [v for _, v in unique]
    return node


class _ChunkReader(io.RawIOBase):
    """A file over an iterator of byte chunks, for pyoxigraph's streaming parser."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def compacted(quads: Iterable[ox.Quad], context_ref: str | dict[str, Any] | None = None) -> Iterator[bytes]:
    """A JSON-LD document of `quads`: the default graph's nodes, then one object per named graph.

    `context_ref` is what `@context` holds: the context's URL, or by default the context itself,
    so that the file reads the same offline.
    """
    graphs: dict[str | None, dict[Any, list[tuple[str, Term]]]] = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else _node_ref(quad.graph_name)
        graphs[graph][quad.subject].append((quad.predicate.value, quad.object))
    header = {"@context": context() if context_ref is None else context_ref}
    yield json.dumps(header, ensure_ascii=False)[:-1].encode() + b', "@graph": ['
    separator = "\n"
    for subject, statements in sorted(graphs.pop(None, {}).items(), key=lambda item: _node_ref(item[0])):
        yield (separator + json.dumps(node_object(subject, statements), ensure_ascii=False)).encode()
        separator = ",\n"
    for graph in sorted(graphs):
        nodes = [
            node_object(subject, statements)
            for subject, statements in sorted(graphs[graph].items(), key=lambda item: _node_ref(item[0]))
        ]
        named = {"@id": graph, "@graph": nodes}
        yield (separator + json.dumps(named, ensure_ascii=False)).encode()
        separator = ",\n"
    yield b"\n]}\n"


def compacted_export(store: Store, context_ref: str | dict[str, Any] | None = None) -> Iterator[bytes]:
    """The whole dataset (default graph and every named graph) as compacted JSON-LD."""
    quads = ox.parse(_ChunkReader(store.export("nquads")), format=ox.RdfFormat.N_QUADS)
    return compacted(quads, context_ref)


def compacted_triples(triples: Iterable[ox.Triple], context_ref: str | dict[str, Any] | None) -> bytes:
    """A graph (no named graphs) as one compacted JSON-LD document."""
    return b"".join(compacted((ox.Quad(t.subject, t.predicate, t.object) for t in triples), context_ref))
