from __future__ import annotations

from dataclasses import replace

from ingest.pipeline import Extractor, content_hash
from ingest.records import Article, PartialDate

TEXTS = [
    "Hungarian Defence Minister Peter Novak met with his Estonian counterpart Mart Kask in Budapest.",
    "Greek Prime Minister Nikos Papadakis held a telephone conversation with Chilean President Diego Rojas.",
]


def test_extract_batches_articles_in_order(extractor: Extractor) -> None:
    articles = [Article(id=f"a{i}", text=t, published=PartialDate(2023, 5, 17)) for i, t in enumerate(TEXTS)]
    records = list(extractor.extract(articles, batch_size=1))
    assert [r.article.id for r in records] == ["a0", "a1"]
    assert [m.kind for r in records for m in r.meetings] == ["meeting", "call"]
    assert records[0].content_hash == content_hash(articles[0])


def test_content_hash_changes_with_text_and_metadata_only() -> None:
    article = Article(id="a", text="Some text.", published=PartialDate(2023, 5, 17), source="Wire")
    same = Article(id="a", text="Some text.", published=PartialDate(2023, 5, 17), source="Wire", path="/x")
    assert content_hash(article) == content_hash(same)
    assert content_hash(article) != content_hash(replace(article, text="Other text."))
    assert content_hash(article) != content_hash(replace(article, published=None))
    assert len(content_hash(article)) == 64


def test_a_sentence_never_runs_across_a_paragraph_break(extractor) -> None:
    doc = extractor.nlp(
        "It was signed by the Minister of Defence, Tanaka Gen.\n\nOlga Ruiz said it was historic."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "It was signed by the Minister of Defence, Tanaka Gen.",
        "Olga Ruiz said it was historic.",
    ]


def test_the_lead_sentence_starts_after_the_dateline(extractor) -> None:
    doc = extractor.nlp("HÀ NỘI — Estonian Defence Minister Mart Kask met Vietnamese officers on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "HÀ NỘI —",
        "Estonian Defence Minister Mart Kask met Vietnamese officers on Monday.",
    ]
