"""Two `milgraph ingest` processes writing overlapping articles to one Oxigraph server at the same time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from server_process import running_oxigraph

from graph import open_store
from ontology import VOCABULARY_GRAPH

pytestmark = pytest.mark.slow

MILGRAPH = str(Path(sys.executable).parent / "milgraph")
PLACES = ["Riga", "Tallinn", "Vilnius", "Warsaw", "Helsinki", "Oslo", "Prague", "Vienna"]
PEOPLE = ["Mara Ozola", "Tiit Kask", "Ona Petraite", "Jan Nowak", "Aino Virtanen", "Lars Berg"]


def article(number: int) -> dict[str, str]:
    host, guest = PEOPLE[number % len(PEOPLE)], PEOPLE[(number + 1) % len(PEOPLE)]
    place = PLACES[number % len(PLACES)]
    text = (
        f"Defence Minister {host} met Defence Minister {guest} in {place} on {number + 1} March 2023. "
        f"The two ministers signed a memorandum on military training and discussed air defence."
    )
    return {"id": f"concurrent-{number:02d}", "text": text, "published": "2023-03-20", "source": "Test Wire"}


def write_feed(path: Path, numbers: range) -> None:
    path.write_text("".join(json.dumps(article(n)) + "\n" for n in numbers), encoding="utf-8")


def triples_by_graph(location: str) -> dict[str, set[tuple[str, str, str]]]:
    store = open_store(location)
    try:
        rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    finally:
        store.close()
    graphs: dict[str, set[tuple[str, str, str]]] = {}
    for row in rows:
        graphs.setdefault(row["g"], set()).add((row["s"], row["p"], row["o"]))
    return graphs


def test_overlapping_ingests_leave_every_graph_complete_and_the_default_graph_the_union(tmp_path: Path):
    # One file name for all: a graph records the name of the file its article came from.
    first, second, everything = (tmp_path / folder / "feed.jsonl" for folder in ("first", "second", "all"))
    for feed, numbers in ((first, range(0, 14)), (second, range(6, 20)), (everything, range(0, 20))):
        feed.parent.mkdir()
        write_feed(feed, numbers)
    reference = str(tmp_path / "reference")
    subprocess.run([MILGRAPH, "ingest", everything, "--store", reference], check=True, capture_output=True)
    expected = triples_by_graph(reference)
    with running_oxigraph(tmp_path / "oxigraph") as url:
        # Small batches, so that the two writers' requests interleave many times.
        writers = [
            subprocess.Popen(
                [MILGRAPH, "ingest", feed, "--store", url, "--batch-size", "2"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for feed in (first, second)
        ]
        for writer in writers:
            _, err = writer.communicate(timeout=600)
            assert writer.returncode == 0, err.decode()
        assert triples_by_graph(url) == expected
        store = open_store(url)
        try:
            default = {(r["s"], r["p"], r["o"]) for r in store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")}
        finally:
            store.close()
    articles = {g: triples for g, triples in expected.items() if g != VOCABULARY_GRAPH}
    assert default == set().union(*articles.values())
    assert len(articles) == 20
