"""The name of a signed document: the phrases that complete it, without where, when or what it was."""

from __future__ import annotations


def titles(record) -> list[str]:
    return sorted(a.title for a in record.agreements)


def test_a_period_the_parser_hangs_on_the_verb_still_ends_the_title(extract) -> None:
    record = extract(
        "The defence ministries of Serbia and Hungary on Monday signed a training plan for 2024, together "
        "with a roadmap of cooperation in the air defence sphere for 2025-2027."
    )
    assert titles(record) == [
        "roadmap of cooperation in the air defence sphere for 2025-2027",
        "training plan for 2024",
    ]


def test_the_place_and_an_apposition_are_not_part_of_the_title(extract) -> None:
    record = extract(
        "Chile and Peru on Tuesday signed a memorandum of understanding on naval cooperation in Lima, "
        "the first such agreement between the two navies."
    )
    assert titles(record) == ["memorandum of understanding on naval cooperation"]


def test_a_title_naming_both_ministries_runs_through_between_and(extract) -> None:
    record = extract(
        "On Friday Estonian Defence Minister Peeter Saar and Latvian Defence Minister Ivars Kalns signed "
        "an Agreement on Defence Cooperation between the Ministry of Defence of Estonia and the Ministry "
        "of Defence of Latvia in Riga."
    )
    assert titles(record) == [
        "Agreement on Defence Cooperation between the Ministry of Defence of Estonia and the Ministry "
        "of Defence of Latvia"
    ]


def test_signed_with_each_of_them_is_one_agreement_per_partner(extract) -> None:
    record = extract(
        "Estonian Defence Minister Mart Kask met Latvian Defence Minister Juris Ozols and Lithuanian "
        "Defence Minister Tomas Petraitis in Riga on Tuesday. Kask signed a cooperation plan for 2024 "
        "with each of them."
    )
    assert sorted(sorted(p.code for p in a.parties) for a in record.agreements) == [
        ["EST", "LTU"],
        ["EST", "LVA"],
    ]
    assert all(a.signatories == ["Mart Kask"] for a in record.agreements)


def test_a_place_described_by_its_state_is_not_part_of_the_title(extract) -> None:
    record = extract(
        "The defence ministers of Georgia and Armenia signed a new agreement on military cooperation "
        "in the Armenian capital on Friday."
    )
    assert titles(record) == ["new agreement on military cooperation"]


def test_a_bracketed_acronym_neither_ends_the_title_nor_is_another_document(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Ana Lopes and her Chilean counterpart Jorge Soto signed a memorandum "
        "of understanding (MoU) on defence industry cooperation in Lima on Monday."
    )
    assert titles(record) == ["memorandum of understanding on defence industry cooperation"]


def test_an_mou_is_a_document(extract) -> None:
    record = extract("Peru and Chile on Monday signed an MoU on cyber defence.")
    assert titles(record) == ["MoU on cyber defence"]


def test_a_second_document_the_parser_hung_on_the_verb_is_signed_too(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Ana Lopes met Chilean Defence Minister Jorge Soto in Lima on Monday. "
        "The two ministers signed a roadmap for defence cooperation for 2025-2027 and a protocol on "
        "joint exercises."
    )
    assert titles(record) == ["protocol on joint exercises", "roadmap for defence cooperation for 2025-2027"]


def test_they_who_signed_after_talks_are_the_people_who_met(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Ana Lopes held talks with Chilean Defence Minister Jorge Soto in Lima "
        "on Monday, after which they signed an agreement on defence cooperation."
    )
    assert [sorted(a.signatories) for a in record.agreements] == [["Ana Lopes", "Jorge Soto"]]


def test_a_signing_after_a_dated_meeting_takes_its_date(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Ana Lopes received Chilean Defence Minister Jorge Soto in Lima on "
        "Monday. Following the meeting, a plan of bilateral military cooperation for 2024 was signed."
    )
    assert [a.date.lexical for a in record.agreements] == ["2023-05-15"]
