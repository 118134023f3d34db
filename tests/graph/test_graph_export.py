"""Exports parse back, with rdflib and with raptor's `rapper`, to exactly what the store holds.

The store holds each article graph and, as its default graph, their union once;
dataset formats carry both, so that a bulk load of the file restores the store.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from sample_records import riga_record, tallinn_record

from graph import embedded
from graph.embedded import EmbeddedStore
from graph.loader import load_records
from graph.store import UnsupportedFormat
from ontology import VOCABULARY_GRAPH

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "trig": "trig", "nquads": "nquads"}
DATASET_FORMATS = ("trig", "nquads", "jsonld")
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"


@pytest.fixture
def loaded(store: EmbeddedStore) -> EmbeddedStore:
    load_records(store, [tallinn_record(), riga_record()])
    return store


def stored_quads(store: EmbeddedStore) -> set[tuple]:
    rows = store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {(r["s"], r["p"], r["o"], r["g"]) for r in rows}


def union(store: EmbeddedStore) -> set[tuple]:
    """The article graphs' triples, each once: what the default graph must hold."""
    return {q[:3] for q in stored_quads(store) if q[3] != VOCABULARY_GRAPH}


def stored_dataset(store: EmbeddedStore) -> set[tuple]:
    return stored_quads(store) | {(*triple, RDFLIB_DEFAULT_GRAPH) for triple in union(store)}


def parsed_quads(data: bytes, fmt: str) -> set[tuple]:
    dataset = Dataset()
    dataset.parse(data=data, format="json-ld" if fmt == "jsonld" else RDFLIB_FORMATS[fmt])
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in dataset.quads((None, None, None, None))}


def parsed_triples(data: bytes, fmt: str) -> set[tuple]:
    return {(str(s), str(p), str(o)) for s, p, o in Graph().parse(data=data, format=RDFLIB_FORMATS[fmt])}


def rapper_count(path: Path, fmt: str) -> int:
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.fail("Debian's `rapper` is not installed (apt-get install raptor2-utils)")
    done = subprocess.run([rapper, "-i", fmt, "-c", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"returned (\d+) (?:triples|statements)", done.stderr)[1])


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_dataset_formats_keep_every_named_graph_and_the_default_graph(
    loaded: EmbeddedStore, fmt: str
) -> None:
    data = b"".join(loaded.export(fmt))
    assert len({q[3] for q in stored_quads(loaded)} - {VOCABULARY_GRAPH}) == 2
    assert parsed_quads(data, fmt) == stored_dataset(loaded)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_triple_formats_hold_the_union_once(loaded: EmbeddedStore, fmt: str) -> None:
    data = b"".join(loaded.export(fmt))
    assert len(union(loaded)) < len(stored_quads(loaded))
    assert parsed_triples(data, fmt) == union(loaded)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "trig", "nquads", "rdfxml"])
def test_rapper_reads_the_same_number_of_statements(loaded: EmbeddedStore, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(b"".join(loaded.export(fmt)))
    expected = len(stored_dataset(loaded)) if fmt in DATASET_FORMATS else len(union(loaded))
    assert rapper_count(path, fmt) == expected


def test_turtle_streamed_in_many_chunks_is_still_one_valid_document(
    loaded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedded, "_EXPORT_CHUNK", 7)
    chunks = list(loaded.export("turtle"))
    triples = union(loaded)
    assert len(chunks) == -(-len(triples) // 7)
    path = tmp_path / "chunked.ttl"
    path.write_bytes(b"".join(chunks))
    assert parsed_triples(path.read_bytes(), "turtle") == triples
    assert rapper_count(path, "turtle") == len(triples)


def test_an_empty_store_exports_empty_documents(store: EmbeddedStore) -> None:
    assert b"".join(store.export("nquads")) == b""
    assert b"".join(store.export("jsonld")).strip() == b"[]"


def test_an_unknown_format_is_refused(store: EmbeddedStore) -> None:
    with pytest.raises(UnsupportedFormat, match="unknown export format 'csv'"):
        store.export("csv")
