"""Writing extraction records into a store: batched, atomic per batch, and idempotent per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph.identity import article_graph_iri
from graph.rdf import article_upload
from graph.stats import graph_stats
from graph.store import GraphUpload, Store
from graph.union import fill_default_graph
from graph.vocabulary import install_vocabulary
from ingest.records import ArticleRecord


@dataclass(slots=True)
class LoadSummary:
    """What a load did. `people`, `meetings` and `agreements`: how many more such nodes the store holds."""

    articles_added: int = 0
    articles_replaced: int = 0
    articles_unchanged: int = 0
    people: int = 0
    meetings: int = 0
    agreements: int = 0


def load_records(
    store: Store,
    records: Iterable[ArticleRecord],
    *,
    batch_size: int = 32,
    progress: Callable[[ArticleRecord], None] | None = None,
) -> LoadSummary:
    """Write each article's graph, skipping articles whose content hash the store already holds.

    Batches of `batch_size` graphs are written in one atomic step; `progress` is
    called for a record only once its batch is in the store.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    summary = LoadSummary()
    fill_default_graph(store)
    install_vocabulary(store)
    before = graph_stats(store)
    known = dict(store.graph_hashes())
    uploads: list[GraphUpload] = []
    pending: list[ArticleRecord] = []

    def flush() -> None:
        store.replace_graphs(uploads)
        if progress:
            for record in pending:
                progress(record)
        uploads.clear()
        pending.clear()

    for record in records:
        pending.append(record)
        graph = article_graph_iri(record.article.id)
        if known.get(graph) == record.content_hash:
            summary.articles_unchanged += 1
        else:
            upload = article_upload(record)
            uploads.append(upload)
            if graph in known:
                summary.articles_replaced += 1
            else:
                summary.articles_added += 1
            known[graph] = upload.content_hash
        if len(pending) >= batch_size:
            flush()
    flush()
    after = graph_stats(store)
    summary.people = after["people"] - before["people"]
    summary.meetings = after["meetings"] - before["meetings"]
    summary.agreements = after["agreements"] - before["agreements"]
    return summary


def remove_articles(store: Store, article_ids: Iterable[str]) -> list[str]:
    """Drop these articles' graphs (and so what only they asserted); returns the ids the store held."""
    known = store.graph_hashes()
    present = [
        article_id for article_id in dict.fromkeys(article_ids) if article_graph_iri(article_id) in known
    ]
    store.remove_graphs(article_graph_iri(article_id) for article_id in present)
    return present
