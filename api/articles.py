"""POST /articles: read one article, write its graph, answer with the facts read back from the store."""

from __future__ import annotations

import datetime
import threading
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Request, status
from pydantic import BaseModel, Field, field_validator

from api.auth import WRITE_REFUSALS, WriteAccess
from api.deps import StoreDep
from api.errors import invalid_input
from api.event_details import forget_parties
from api.models import examples
from api.queries import is_absolute_iri
from api.suggestions import forget_names
from graph.facts import article_facts
from graph.loader import load_records
from graph.rdf import InvalidRecord
from graph.store import StoreError
from ingest.pipeline import Extractor
from ingest.records import Article, ArticleRecord, PartialDate

router = APIRouter(tags=["articles"])
# spaCy's `nlp.max_length`: its parser and NER refuse longer texts (1 GB of memory per 100,000 chars).
MAX_TEXT_CHARS = 1_000_000

ARTICLE_EXAMPLE = {
    "id": "azernews-2022-04-27-latvia",
    "text": "Azerbaijani Defence Minister Colonel General Zakir Hasanov met with Latvian Defence Minister "
    "Artis Pabriks in Baku on April 26. The ministers signed an Agreement on Defence Cooperation.",
    "published": "2022-04-27",
    "source": "Azernews",
    "url": "https://www.azernews.az/nation/191784.html",
}


class ArticleIn(BaseModel):
    model_config = examples(ARTICLE_EXAMPLE)

    id: str = Field(min_length=1, description="unique id; sending the same id again replaces the article")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the article text")
    published: str | None = Field(None, description="publication date: YYYY-MM-DD, YYYY-MM or YYYY")
    source: str | None = Field(None, description="the by-line or outlet")
    url: str | None = Field(None, description="where the article was published: an absolute URL")

    @field_validator("id", "text", "published", "source", "url")
    @classmethod
    def _unicode_text(cls, value: str | None) -> str | None:
        # JSON can spell a lone surrogate ("\ud800"), which no UTF-8 store or content hash can hold.
        if value is None:
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(value[error.start])
            raise ValueError(f"holds a lone surrogate U+{code:04X} at character {error.start}") from None
        return value

    @field_validator("id", "text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("url")
    @classmethod
    def _an_iri(cls, value: str | None) -> str | None:
        if value is not None and not is_absolute_iri(value):
            raise ValueError("must be an absolute URL without spaces, such as https://example.org/news/1")
        return value

    @field_validator("published")
    @classmethod
    def _a_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        date = PartialDate.parse(value)
        if date.year is None:
            raise ValueError("a publication date needs a year")
        datetime.date(date.year, date.month or 1, date.day or 1)
        return value

    def to_article(self) -> Article:
        published = PartialDate.parse(self.published) if self.published else None
        return Article(id=self.id, text=self.text, published=published, source=self.source, url=self.url)


class PersonFacts(BaseModel):
    name: str | None
    party: str | None
    roles: list[str]
    rank: str | None = None


class MeetingFacts(BaseModel):
    parties: list[str]
    participants: list[str]
    date: str | None
    place: str | None
    kind: Literal["meeting", "call"]


class AgreementFacts(BaseModel):
    title: str | None
    parties: list[str]
    signatories: list[str]
    date: str | None


class ArticleFacts(BaseModel):
    """The facts read back from the article's graph, in the evaluation format (FORMAT.md)."""

    article: str
    published: str | None
    people: list[PersonFacts]
    meetings: list[MeetingFacts]
    agreements: list[AgreementFacts]


class Ingested(BaseModel):
    model_config = examples(
        {
            "status": "added",
            "facts": {
                "article": ARTICLE_EXAMPLE["id"],
                "published": "2022-04-27",
                "people": [
                    {"name": "Artis Pabriks", "party": "LVA", "roles": ["defence-minister"], "rank": None},
                    {
                        "name": "Zakir Hasanov",
                        "party": "AZE",
                        "roles": ["defence-minister"],
                        "rank": "Colonel General",
                    },
                ],
                "meetings": [
                    {
                        "parties": ["AZE", "LVA"],
                        "participants": ["Artis Pabriks", "Zakir Hasanov"],
                        "date": "2022-04-26",
                        "place": "Baku",
                        "kind": "meeting",
                    }
                ],
                "agreements": [
                    {
                        "title": "Agreement on Defence Cooperation",
                        "parties": ["AZE", "LVA"],
                        "signatories": ["Artis Pabriks", "Zakir Hasanov"],
                        "date": "2022-04-26",
                    }
                ],
            },
        }
    )

    status: Literal["added", "replaced", "unchanged"] = Field(
        description="new article, a changed article replacing its earlier version, or the same article again"
    )
    facts: ArticleFacts


class Extraction:
    """One spaCy pipeline for the app, loaded on the first article; spaCy is not thread-safe."""

    def __init__(self) -> None:
        self._extractor = Extractor()
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> ArticleRecord:
        with self._lock:
            return self._extractor.extract_one(article)


@router.post(
    "/articles",
    summary="Ingest one article (write token)",
    status_code=status.HTTP_200_OK,
    dependencies=[WriteAccess],
    responses={
        **WRITE_REFUSALS,
        413: {"description": "the request body is over the size limit"},
    },
)
def ingest_article(request: Request, store: StoreDep, article: Annotated[ArticleIn, Body()]) -> Ingested:
    record = request.app.state.extraction(article.to_article())
    try:
        summary = load_records(store, [record])
    except InvalidRecord as error:
        raise invalid_input(("body",), str(error), None) from None
    forget_parties(store)
    forget_names(store)
    state = "added" if summary.articles_added else "replaced" if summary.articles_replaced else "unchanged"
    facts = list(article_facts(store, [article.id]))
    if not facts:
        raise StoreError(f"article {article.id!r} was written to {store.location} but cannot be read back")
    return Ingested(status=state, facts=ArticleFacts(**facts[0]))
