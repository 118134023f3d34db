"""Hand-made extraction records that exercise every feature of the graph model.

Names and sentences are invented; they only need to look like what the
pipeline produces. Tests import them as `sample_records`.
"""

from __future__ import annotations

import hashlib

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

ESTONIA = Party("EST", "state", "Estonia", "EE", ("Estonian",))
GEORGIA = Party("GEO", "state", "Georgia", "GE", ("Georgian",))
NATO = Party("NATO", "organisation", "North Atlantic Treaty Organization")


def evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def make_record(article_id: str, text: str, published: PartialDate | None = None, **facts) -> ArticleRecord:
    article = Article(
        id=article_id,
        text=text,
        published=published,
        source="Baltic Defence Wire",
        url=f"https://news.example.org/{article_id}",
        path=f"/data/articles/{article_id}.txt",
    )
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    return ArticleRecord(article=article, content_hash=content_hash, **facts)


TALLINN_TEXT = (
    "Estonian Defence Minister Mart Kask met Georgian Defence Minister Nino Beridze in Tallinn on 3 May. "
    "Kask and Beridze signed a Memorandum on Cyber Defence Cooperation. "
    "Lieutenant General Giorgi Tsiklauri, First Deputy Defence Minister – Chief of the General Staff, "
    "also took part. Later, Kask held a telephone conversation with NATO Deputy Secretary General "
    "Anna Lind in May."
)


def tallinn_record(article_id: str = "est-geo-001", text: str = TALLINN_TEXT) -> ArticleRecord:
    """Call and meeting, org party, a person with no party, double roles, every date precision."""
    met = evidence(text, text.split(". ")[0] + ".")
    signed = evidence(text, "Kask and Beridze signed a Memorandum on Cyber Defence Cooperation.")
    chief = evidence(text, "Lieutenant General Giorgi Tsiklauri")
    call = evidence(text, "Later, Kask held a telephone conversation")
    return make_record(
        article_id,
        text,
        published=PartialDate(2023, 5, 4),
        people=[
            PersonRecord(
                "Mart Kask", ESTONIA, [RoleRecord("defence-minister", "Defence Minister")], None, met
            ),
            PersonRecord(
                "Nino Beridze", GEORGIA, [RoleRecord("defence-minister", "Defence Minister")], None, met
            ),
            PersonRecord(
                "Giorgi Tsiklauri",
                GEORGIA,
                [
                    RoleRecord("deputy-defence-minister", "First Deputy Defence Minister"),
                    RoleRecord("chief-of-general-staff", "Chief of the General Staff"),
                ],
                "Lieutenant General",
                chief,
            ),
            PersonRecord("Anna Lind", NATO, [RoleRecord("official", "Deputy Secretary General")], None, call),
            PersonRecord("Peeter Tamm", None, [RoleRecord("official", "adviser")], None, call),
        ],
        meetings=[
            MeetingRecord(
                "meeting",
                [ESTONIA, GEORGIA],
                ["Mart Kask", "Nino Beridze", "Giorgi Tsiklauri"],
                PartialDate(None, 5, 3),
                "Tallinn",
                met,
            ),
            MeetingRecord(
                "call", [ESTONIA, NATO], ["Mart Kask", "Anna Lind"], PartialDate(2023, 5), None, call
            ),
        ],
        agreements=[
            AgreementRecord(
                "Memorandum on Cyber Defence Cooperation",
                [ESTONIA, GEORGIA],
                ["Mart Kask", "Nino Beridze"],
                PartialDate(2023),
                signed,
            )
        ],
    )


RIGA_TEXT = (
    "Defence Minister Mart Kask of Estonia met his Georgian counterpart Nino Beridze in Tallinn on 3 May, "
    "the ministry said on Friday."
)


def riga_record(article_id: str = "est-geo-002") -> ArticleRecord:
    """A second report of the Tallinn meeting: same parties, date and people."""
    met = evidence(RIGA_TEXT, RIGA_TEXT)
    return make_record(
        article_id,
        RIGA_TEXT,
        published=PartialDate(2023, 5, 5),
        people=[
            PersonRecord(
                "Mart Kask", ESTONIA, [RoleRecord("defence-minister", "Defence Minister")], None, met
            ),
            PersonRecord("Nino Beridze", GEORGIA, [RoleRecord("defence-minister", "counterpart")], None, met),
        ],
        meetings=[
            MeetingRecord(
                "meeting",
                [GEORGIA, ESTONIA],
                ["Nino Beridze", "Mart Kask", "Giorgi Tsiklauri"],
                PartialDate(None, 5, 3),
                "Tallinn",
                met,
            )
        ],
    )
