"""Ingest throughput against bare spaCy, measured in one run on the same texts.

    .venv/bin/python benchmarks/ingest_throughput.py ARTICLES... [--copies 20] [--workers 1] [--batch-size 32]

Reads the given articles (files or folders, as `milgraph ingest` does), repeats
them `--copies` times under new ids, then times three passes over the same texts:
the statistical model alone (`en_core_web_sm` through `nlp.pipe`: the floor any
spaCy-based extractor pays), milgraph's extraction pipeline, and the whole ingest
into a fresh in-memory store. It prints articles per second for each and the
ratios to the bare model, the figure the project tracks as it grows.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Callable, Iterable

import spacy

from graph import MEMORY, open_store
from graph.loader import load_records
from ingest.pipeline import Extractor, PipelineConfig
from ingest.reader import read_articles
from ingest.records import Article


def corpus(paths: Iterable[str], copies: int) -> list[Article]:
    originals = [item for item in read_articles(paths) if isinstance(item, Article)]
    if not originals:
        raise SystemExit("ingest_throughput: no readable articles in the given paths")
    return [
        dataclasses.replace(article, id=f"{article.id}-copy{n}")
        for n in range(copies)
        for article in originals
    ]


def timed(label: str, articles: list[Article], run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    rate = len(articles) / (time.perf_counter() - started)
    print(f"  {label:<34}{rate:>10.1f} articles/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    articles = corpus(args.paths, args.copies)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars / len(articles):,.0f} characters each on average")
    options = {"n_process": args.workers, "batch_size": args.batch_size}
    bare = spacy.load(PipelineConfig().model)
    extractor = Extractor()
    extractor.nlp  # noqa: B018 (load the model before the clock starts)
    store = open_store(MEMORY)

    baseline = timed(
        "bare spaCy model (nlp.pipe)",
        articles,
        lambda: list(bare.pipe((a.text for a in articles), **options)),
    )
    extraction = timed("milgraph extraction", articles, lambda: list(extractor.extract(articles, **options)))
    ingest = timed(
        "milgraph ingest (extract + store)",
        articles,
        lambda: load_records(store, extractor.extract(articles, **options), batch_size=args.batch_size),
    )
    print(f"  extraction / bare spaCy: {extraction / baseline:.2f}")
    print(f"  ingest / bare spaCy:     {ingest / baseline:.2f}")


if __name__ == "__main__":
    main()
