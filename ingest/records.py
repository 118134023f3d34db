"""Extraction records: what the pipeline read from one article, before any RDF.

These plain values are the only thing that crosses from `ingest` to `graph`:
the graph layer never sees spaCy objects, and the pipeline never sees RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

PartyKind = Literal["state", "organisation"]
MeetingKind = Literal["meeting", "call"]

ROLES: tuple[str, ...] = (
    "head-of-state",
    "head-of-government",
    "foreign-minister",
    "defence-minister",
    "deputy-defence-minister",
    "chief-of-general-staff",
    "military-commander",
    "defence-official",
    "ambassador",
    "military-attache",
    "security-official",
    "official",
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to year, month or day precision, or day and month without year."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.year is None and (self.month is None or self.day is None):
            raise ValueError("a date without a year needs both month and day")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")

    @property
    def xsd_type(self) -> str:
        """Local name of the XSD datatype that keeps this precision."""
        if self.year is None:
            return "gMonthDay"
        if self.day is not None:
            return "date"
        if self.month is not None:
            return "gYearMonth"
        return "gYear"

    @property
    def lexical(self) -> str:
        """The XSD lexical form: 2022-04-26, 2022-04, 2022 or --04-26."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read any of the four lexical forms back."""
        if m := re.fullmatch(r"--(\d\d)-(\d\d)", text):
            return cls(None, int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", text):
            return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
        raise ValueError(f"not a date of any supported precision: {text!r}")

    def __str__(self) -> str:
        return self.lexical


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact was read from, with its character offsets in the article text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Party:
    """A state (ISO 3166-1 alpha-3 code) or an international organisation (its acronym)."""

    code: str
    kind: PartyKind
    name: str
    alpha2: str | None = None
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleRecord:
    """One post a person holds: a value of the closed role list and the article's own title text."""

    role: str
    title: str


@dataclass(slots=True)
class PersonRecord:
    name: str
    party: Party | None = None
    roles: list[RoleRecord] = field(default_factory=list)
    rank: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class MeetingRecord:
    kind: MeetingKind
    parties: list[Party]
    participants: list[str]
    date: PartialDate | None = None
    place: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class AgreementRecord:
    title: str
    parties: list[Party]
    signatories: list[str] = field(default_factory=list)
    date: PartialDate | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Article:
    """One input article as read from disk, before extraction."""

    id: str
    text: str
    published: PartialDate | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    line: int | None = None  # of a JSON Lines file


@dataclass(slots=True)
class ArticleRecord:
    """Everything extracted from one article. `people` holds every named person once."""

    article: Article
    content_hash: str
    people: list[PersonRecord] = field(default_factory=list)
    meetings: list[MeetingRecord] = field(default_factory=list)
    agreements: list[AgreementRecord] = field(default_factory=list)
