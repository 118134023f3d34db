"""One extraction pipeline for the whole ingest test session: the spaCy model loads once."""

from __future__ import annotations

import pytest

from ingest.pipeline import Extractor
from ingest.records import Article, ArticleRecord, PartialDate


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor):
    """Extract one hand-written text, optionally with a publication date (YYYY-MM-DD)."""

    def run(text: str, published: str | None = "2023-05-17") -> ArticleRecord:
        date = PartialDate.parse(published) if published else None
        return extractor.extract_one(Article(id="test", text=text, published=date))

    return run
