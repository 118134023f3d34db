"""Ingest rate of the embedded store against a live Oxigraph server, on generated articles.

    .venv/bin/python benchmarks/store_ingest.py [--articles 8000] [--batch-size 32] [--rewrite]
                                                [--server URL]

The articles are generated extraction records shaped like the pipeline's output
(several people with roles and ranks, meetings, agreements, evidence sentences),
so the timing covers what differs between backends: RDF building, the batched
atomic writes and the stats queries of `load_records`; spaCy's extraction time
is the same for both and is left out. `--rewrite` then writes every article
again with changed text, timing the replacement of graphs that exist, which
also takes what only they asserted out of the default graph. Without
`--server`, an `oxigraph serve` is started on a free loopback port with a fresh
data directory and stopped by its process id at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pycountry

from graph import open_store
from graph.loader import load_records
from graph.store import Store
from ingest.records import (
    AgreementRecord,
    Article,
    ArticleRecord,
    Evidence,
    MeetingRecord,
    PartialDate,
    Party,
    PersonRecord,
    RoleRecord,
)

ROLE_TITLES = {
    "defence-minister": "Defence Minister",
    "chief-of-general-staff": "Chief of the General Staff",
    "deputy-defence-minister": "Deputy Defence Minister",
    "ambassador": "Ambassador",
    "military-attache": "Military Attaché",
}
RANKS = (None, None, "Colonel", "Major General", "Lieutenant General", "Rear Admiral")
SYLLABLES = ("ka", "ri", "to", "len", "mar", "vi", "so", "dan", "el", "ra", "nu", "ber", "gi", "os")


def name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def article_record(index: int, rng: random.Random, states: list[Party]) -> ArticleRecord:
    """One invented article about two states: text, people, a meeting, maybe an agreement."""
    home, guest = rng.sample(states, 2)
    day = PartialDate(rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
    people: list[PersonRecord] = []
    sentences: list[str] = []
    for party in (home, guest, home, guest)[: rng.randint(2, 4)]:
        role = rng.choice(list(ROLE_TITLES))
        rank = rng.choice(RANKS)
        person = name(rng)
        sentences.append(f"{party.demonyms[0]} {ROLE_TITLES[role]} {rank or ''} {person} attended the talks.")
        people.append(PersonRecord(person, party, [RoleRecord(role, ROLE_TITLES[role])], rank))
    met = f"{people[0].name} met {people[1].name} in {home.name} on {day}."
    signed = f"They signed an Agreement on Defence Cooperation between {home.name} and {guest.name}."
    sentences += [met, signed]
    text = " ".join(sentences)

    def evidence(sentence: str) -> Evidence:
        start = text.index(sentence)
        return Evidence(sentence, start, start + len(sentence))

    for person, sentence in zip(people, sentences, strict=False):
        person.evidence = evidence(sentence)
    meeting = MeetingRecord(
        "meeting", [home, guest], [p.name for p in people[:2]], day, home.name, evidence(met)
    )
    agreements = []
    if rng.random() < 0.4:
        title = f"Agreement on Defence Cooperation between {home.name} and {guest.name}"
        agreements.append(
            AgreementRecord(title, [home, guest], [p.name for p in people[:2]], day, evidence(signed))
        )
    article = Article(
        id=f"bench-{index:06d}",
        text=text,
        published=day,
        source="Benchmark Wire",
        url=f"https://news.example.org/bench/{index}",
    )
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    return ArticleRecord(article, content_hash, people, [meeting], agreements)


def generated_records(count: int, seed: int) -> list[ArticleRecord]:
    rng = random.Random(seed)
    states = [
        Party(country.alpha_3, "state", country.name, country.alpha_2, (country.name,))
        for country in pycountry.countries
    ]
    return [article_record(index, rng, states) for index in range(count)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(data: Path) -> Iterator[str]:
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if binary is None:
        sys.exit("benchmark: the `oxigraph` binary is not installed (pip install '.[dev]')")
    url = f"http://127.0.0.1:{free_port()}"
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(data), "--bind", url.removeprefix("http://")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    sys.exit("benchmark: oxigraph serve did not start")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class Timing:
    load: float
    rewrite: float | None
    article_statements: int
    default_statements: int


def count(store: Store, pattern: str) -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"])


def timed_load(
    location: str, records: list[ArticleRecord], changed: list[ArticleRecord], batch_size: int
) -> Timing:
    """Seconds to load every record into an empty store, then to replace them all by `changed`."""
    store = open_store(location)
    try:
        started = time.perf_counter()
        summary = load_records(store, records, batch_size=batch_size)
        loaded = time.perf_counter()
        if summary.articles_added != len(records):
            sys.exit(f"benchmark: {location} took {summary.articles_added} of {len(records)} articles")
        if changed:
            summary = load_records(store, changed, batch_size=batch_size)
            if summary.articles_replaced != len(changed):
                sys.exit(f"benchmark: {location} replaced {summary.articles_replaced} of {len(changed)}")
        rewritten = time.perf_counter()
        return Timing(
            load=loaded - started,
            rewrite=rewritten - loaded if changed else None,
            article_statements=count(store, "GRAPH ?g { ?s ?p ?o }"),
            default_statements=count(store, "?s ?p ?o"),
        )
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=8000, help="articles to generate (default 8000, about a minute)"
    )
    parser.add_argument("--batch-size", type=int, default=32, help="articles per atomic write (default 32)")
    parser.add_argument(
        "--rewrite", action="store_true", help="then write every article again with changed text"
    )
    parser.add_argument("--server", help="an Oxigraph server URL to use instead of starting one (emptied!)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    records = generated_records(args.articles, args.seed)
    # The same article ids with other invented text: every graph is replaced.
    changed = generated_records(args.articles, args.seed + 1) if args.rewrite else []
    print(f"{len(records)} generated articles, batches of {args.batch_size}")
    with tempfile.TemporaryDirectory(prefix="milgraph-bench-") as scratch:
        embedded = str(Path(scratch) / "embedded")
        results = {"embedded": timed_load(embedded, records, changed, args.batch_size)}
        if args.server:
            with closing(open_store(args.server)) as server:
                server.update("DROP SILENT ALL")
            results["remote"] = timed_load(args.server, records, changed, args.batch_size)
        else:
            with oxigraph_server(Path(scratch) / "oxigraph") as url:
                results["remote"] = timed_load(url, records, changed, args.batch_size)
    for backend, timing in results.items():
        rate = len(records) / timing.load
        print(
            f"{backend:>9}: {timing.load:7.2f} s  {rate:8.1f} articles/s  ({timing.article_statements}"
            f" statements in article graphs, {timing.default_statements} in the default graph)"
        )
        if timing.rewrite is not None:
            rate = len(changed) / timing.rewrite
            print(f"{'rewrite':>9}: {timing.rewrite:7.2f} s  {rate:8.1f} articles/s replaced")
    ratio = results["embedded"].load / results["remote"].load
    print(f"remote / embedded rate: {ratio:.2f}")


if __name__ == "__main__":
    main()
