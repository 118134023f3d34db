"""Stable IRIs: the same thing gets the same IRI from any article, by the rules of docs/model.md."""

from __future__ import annotations

import hashlib

import pytest
from sample_records import ESTONIA, GEORGIA, NATO, riga_record, tallinn_record

from graph import identity
from ingest.records import AgreementRecord, Evidence, MeetingRecord, PartialDate

ID = "https://w3id.org/milgraph/id/"


def test_same_name_is_the_same_person_whatever_the_accents_and_case() -> None:
    assert identity.person_iri("José Díaz") == identity.person_iri("JOSE DIAZ") == f"{ID}person/jose-diaz"
    assert identity.person_key("Jean-Yves  Le Drian") == "jean-yves-le-drian"
    assert identity.person_key("Łukasz O'Brien") == "łukasz-o-brien"


def test_names_without_letters_are_refused() -> None:
    with pytest.raises(ValueError, match="no letters or digits"):
        identity.person_iri(" - ")


def test_parties_by_code() -> None:
    assert identity.party_iri(ESTONIA) == f"{ID}state/EST"
    assert identity.party_iri(NATO) == f"{ID}org/NATO"


def test_membership_keeps_person_party_and_role() -> None:
    assert identity.membership_iri("Mart Kask", ESTONIA, "defence-minister") == (
        f"{ID}membership/mart-kask/EST/defence-minister"
    )
    assert identity.membership_iri("Mart Kask", None, "official") == f"{ID}membership/mart-kask/-/official"
    with pytest.raises(ValueError, match="unknown role 'general'"):
        identity.membership_iri("Mart Kask", ESTONIA, "general")


def test_meeting_hash_follows_the_documented_key() -> None:
    meeting = tallinn_record().meetings[0]
    key = "meeting|EST,GEO|--05-03|giorgi-tsiklauri,mart-kask,nino-beridze"
    assert identity.meeting_iri(meeting) == f"{ID}meeting/{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def test_two_reports_of_one_meeting_share_an_iri_in_any_order() -> None:
    assert identity.meeting_iri(tallinn_record().meetings[0]) == identity.meeting_iri(
        riga_record().meetings[0]
    )


def test_meetings_differ_by_kind_and_date() -> None:
    meeting = MeetingRecord("meeting", [ESTONIA, GEORGIA], ["Mart Kask"], PartialDate(2023, 5, 3))
    call = MeetingRecord("call", [ESTONIA, GEORGIA], ["Mart Kask"], PartialDate(2023, 5, 3))
    later = MeetingRecord("meeting", [ESTONIA, GEORGIA], ["Mart Kask"], PartialDate(2023, 5, 4))
    assert len({identity.meeting_iri(m) for m in (meeting, call, later)}) == 3


def test_agreement_hash_folds_the_title() -> None:
    first = AgreementRecord("Memorandum on Cyber-Defence", [GEORGIA, ESTONIA], [], PartialDate(2023))
    second = AgreementRecord(
        "memorandum on cyber defence", [ESTONIA, GEORGIA], ["Mart Kask"], PartialDate(2023)
    )
    key = "EST,GEO|2023|memorandum-on-cyber-defence"
    expected = f"{ID}agreement/{hashlib.sha1(key.encode()).hexdigest()[:16]}"
    assert identity.agreement_iri(first) == identity.agreement_iri(second) == expected


def test_article_keys_percent_encode_unsafe_characters() -> None:
    assert identity.article_iri("004_23ce.v2") == f"{ID}article/004_23ce.v2"
    assert identity.article_iri("a b/ü") == f"{ID}article/a%20b%2F%C3%BC"
    assert identity.article_graph_iri("a b") == "https://w3id.org/milgraph/graph/article/a%20b"
    assert identity.evidence_iri("a b", Evidence("Text.", 3, 8)) == f"{ID}evidence/a%20b/3-8"


def test_places_and_roles() -> None:
    assert identity.place_iri("Tallinn") == identity.place_iri("TALLINN") == f"{ID}place/tallinn"
    assert (
        identity.role_iri("chief-of-general-staff") == "https://w3id.org/milgraph/role/chief-of-general-staff"
    )
