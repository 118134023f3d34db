"""Latency of every REST route on an embedded store of generated articles.

    .venv/bin/python benchmarks/api_latency.py [--articles 20000] [--runs 9] [--store DIR]

Builds an embedded store of `--articles` generated articles (the records of
`benchmarks/store_ingest.py`), or reuses `--store DIR` when it already holds
articles, then calls each route through FastAPI's TestClient: one warm-up call,
then `--runs` timed ones. It prints the median and 95th percentile in ms and
each median as a multiple of /health's, measured in the same run, so figures
from machines of different speed compare.

Figures of the change that introduced it (2 shared cores, 20,000 articles built in
94 s, 9 runs), median ms before -> after, and after as a multiple of /health (~2.5 ms):

    /countries                                   400 -> 89    x34
    /country/{busiest}/relations                 156 -> 49    x19  (now 100 events a page)
    /country/{busiest}/relations?from&to          37 -> 26    x10
    /meetings?limit=50                           394 -> 160   x62
    /meetings?limit=50&offset=1000               369 -> 162   x62
    /meetings?from&to                            217 -> 144   x55
    /agreements?limit=50                         130 -> 101   x39
    /person/{busiest}                             32 -> 28    x11
    404 /person/{misspelt}                        72 -> 8     x3
    404 /neighbourhood/{misspelt}                327 -> 7     x3
    filtered pages, /neighbourhood: unchanged    5-65 ms

404s are timed with the names they suggest from already read: the first miss after a
write reads every name again (~270 ms here).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from store_ingest import generated_records

from api.app import create_app
from api.settings import Settings
from graph import open_store
from graph.loader import load_records
from graph.store import Store
from ontology import SPARQL_PREFIXES

BUSIEST_PARTY = """
SELECT ?code (COUNT(?event) AS ?n) WHERE { ?event mg:party ?party . ?party skos:notation ?code }
GROUP BY ?code ORDER BY DESC(?n) ?code LIMIT 1
"""
BUSIEST_PAIR = """
SELECT ?a ?b (COUNT(?event) AS ?n) WHERE {
  ?event mg:party ?x, ?y . ?x skos:notation ?a . ?y skos:notation ?b FILTER(?a < ?b)
}
GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 1
"""
BUSIEST_PERSON = """
SELECT ?name (COUNT(?event) AS ?n) WHERE { ?event schema:attendee ?person . ?person schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1
"""


def build(location: str, articles: int, seed: int) -> None:
    records = generated_records(articles, seed)
    store = open_store(location)
    try:
        started = time.perf_counter()
        load_records(store, records, batch_size=64)
        print(f"built {articles} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        store.close()


def first(store: Store, query: str, variable: str) -> str:
    rows = store.select(SPARQL_PREFIXES + query)
    if not rows:
        sys.exit("benchmark: the store holds no meetings; build it with --articles")
    return rows[0][variable]


def routes(store: Store) -> dict[str, str]:
    """Label -> URL of each route, on the busiest party and person of the store."""
    party = first(store, BUSIEST_PARTY, "code")
    person = first(store, BUSIEST_PERSON, "name")
    pair = "/".join(first(store, BUSIEST_PAIR, v) for v in ("a", "b"))
    return {
        "/health": "/health",
        "/countries": "/countries",
        "/country/{busiest}/relations": f"/country/{party}/relations",
        "/country/{busiest}/relations?from&to": f"/country/{party}/relations?from=2020&to=2021",
        "/country/{busiest}/relations?kind=agreement": f"/country/{party}/relations?kind=agreement",
        "/meetings?limit=50": "/meetings?limit=50",
        "/meetings?limit=50&offset=1000": "/meetings?limit=50&offset=1000",
        "/meetings?party&limit=20": f"/meetings?party={party}&limit=20",
        "/meetings?from&to": "/meetings?from=2021-03&to=2021-04",
        "/agreements?limit=50": "/agreements?limit=50",
        "/agreements?person": f"/agreements?person={person}",
        "/person/{busiest}": f"/person/{person}",
        "/neighbourhood/{party}?hops=1": f"/neighbourhood/state/{party}?hops=1",
        "/neighbourhood/{person}?hops=2": f"/neighbourhood/{person}?hops=2",
        # What the explorer's country view asks for when it opens (the first two at once).
        "view: /country/{busiest}/relations?limit=1": f"/country/{party}/relations?limit=1",
        "view: /country/{busiest}/timeline": f"/country/{party}/timeline",
        "view: /country/{busiest}/relations?limit=20": f"/country/{party}/relations?limit=20",
        "/pair/{busiest pair}": f"/pair/{pair}",
        "/suggest?q=a": "/suggest?q=a",
        "/network/parties": "/network/parties",
        "/network/parties?from&to": "/network/parties?from=2021&to=2021",
        "404 /country/{misspelt}/relations": f"/country/{party}x/relations",
        "404 /meetings?party={misspelt}": "/meetings?party=Latvija",
        "404 /person/{misspelt}": f"/person/{person}x",
        "404 /neighbourhood/{misspelt}": "/neighbourhood/Latvija",
    }


def timings(call: Callable[[], object], runs: int) -> list[float]:
    call()
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        found.append((time.perf_counter() - started) * 1000)
    return found


def measure(location: str, runs: int) -> None:
    store = open_store(location)
    try:
        app = create_app(Settings(store=location), store=store)
        with TestClient(app) as client:
            results: dict[str, list[float]] = {}
            for label, url in routes(store).items():

                def call(url: str = url, label: str = label) -> None:
                    response = client.get(url)
                    expected = 404 if label.startswith("404") else 200
                    if response.status_code != expected:
                        sys.exit(f"benchmark: {url} answered {response.status_code}: {response.text[:300]}")

                results[label] = timings(call, runs)
    finally:
        store.close()
    health = statistics.median(results["/health"])
    print(f"{'route':<44} {'median ms':>10} {'p95 ms':>8} {'x health':>9}")
    for label, ms in results.items():
        p95 = statistics.quantiles(ms, n=20, method="inclusive")[18]
        median = statistics.median(ms)
        print(f"{label:<44} {median:10.1f} {p95:8.1f} {median / health:9.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000, help="articles to generate (default 20000)")
    parser.add_argument("--runs", type=int, default=9, help="timed calls per route (default 9)")
    parser.add_argument("--store", help="an embedded store folder to reuse, or to build into when empty")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="milgraph-api-bench-") as scratch:
        location = args.store or str(Path(scratch) / "store")
        store = open_store(location)
        try:
            empty = not store.graph_hashes()
        finally:
            store.close()
        if empty:
            build(location, args.articles, args.seed)
        measure(location, args.runs)


if __name__ == "__main__":
    main()
