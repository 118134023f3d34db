"""Minting IRIs: the one place that turns names, codes and records into node identities.

Identity follows `docs/model.md`: the same state, organisation, person, place,
meeting or agreement gets the same IRI from whichever article mentions it, so
the union of the article graphs merges them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ingest.records import ROLES, AgreementRecord, Evidence, MeetingRecord, Party
from ontology import GRAPH, ID, ROLE

_SEPARATORS = re.compile(r"[\W_]+")
_ARTICLE_KEY_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")


def fold(text: str) -> str:
    """Accents dropped and lower-cased, runs of anything but letters and digits turned into one `-`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub("-", bare.casefold()).strip("-")


def person_key(name: str) -> str:
    """The key that makes "José Díaz" and "JOSE DIAZ" one person: `jose-diaz`."""
    key = fold(name)
    if not key:
        raise ValueError(f"the name {name!r} has no letters or digits to identify a person by")
    return key


def article_key(article_id: str) -> str:
    """The article id with every character outside `[A-Za-z0-9._-]` percent-encoded (UTF-8)."""
    if not article_id:
        raise ValueError("an article needs a non-empty id")
    return "".join(
        ch if ch in _ARTICLE_KEY_SAFE else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in article_id
    )


def _digest(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _party_codes(parties: list[Party]) -> str:
    return ",".join(sorted({p.code for p in parties}))


def party_iri(party: Party) -> str:
    """`id:state/{alpha-3}` for a state, `id:org/{acronym}` for an international organisation."""
    if not party.code or not party.code.isalnum():
        raise ValueError(f"party {party.name!r} has code {party.code!r}: expected letters and digits only")
    kind = {"state": "state", "organisation": "org"}.get(party.kind)
    if kind is None:
        raise ValueError(f"party {party.code} has kind {party.kind!r}: expected 'state' or 'organisation'")
    return f"{ID}{kind}/{party.code}"


def person_iri(name: str) -> str:
    return f"{ID}person/{person_key(name)}"


def role_iri(role: str) -> str:
    """The SKOS concept of a value of the closed role list."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: expected one of {', '.join(ROLES)}")
    return f"{ROLE}{role}"


def membership_iri(name: str, party: Party | None, role: str) -> str:
    """The post `role` that the person holds for `party` (`-` when the party is unknown)."""
    role_iri(role)
    return f"{ID}membership/{person_key(name)}/{party.code if party else '-'}/{role}"


def meeting_iri(meeting: MeetingRecord) -> str:
    """Hash of kind, parties, date and participants, so two reports of one meeting meet."""
    people = ",".join(sorted({person_key(n) for n in meeting.participants}))
    date = meeting.date.lexical if meeting.date else ""
    return f"{ID}meeting/{_digest(meeting.kind, _party_codes(meeting.parties), date, people)}"


def agreement_iri(agreement: AgreementRecord) -> str:
    """Hash of parties, date and folded title, so two reports of one signing meet."""
    date = agreement.date.lexical if agreement.date else ""
    return f"{ID}agreement/{_digest(_party_codes(agreement.parties), date, fold(agreement.title))}"


def place_iri(name: str) -> str:
    key = fold(name)
    if not key:
        raise ValueError(f"the place name {name!r} has no letters or digits")
    return f"{ID}place/{key}"


def article_iri(article_id: str) -> str:
    return f"{ID}article/{article_key(article_id)}"


def article_graph_iri(article_id: str) -> str:
    """The named graph holding everything read from the article."""
    return f"{GRAPH}article/{article_key(article_id)}"


def evidence_iri(article_id: str, evidence: Evidence) -> str:
    """The sentence, by its character offsets in the article text."""
    return f"{ID}evidence/{article_key(article_id)}/{evidence.start}-{evidence.end}"
