"""Participants that no meeting verb governs directly."""

from __future__ import annotations


def people_met(record) -> list[list[str]]:
    return [sorted(m.participants) for m in record.meetings]


def test_participle_clause_welcoming_the_visitor(extract) -> None:
    record = extract(
        "Welcoming Czech Defence Minister Pavel Dusek, Slovak Defence Minister Jan Kral said the two "
        "armies would train together."
    )
    assert people_met(record) == [["Jan Kral", "Pavel Dusek"]]


def test_after_hosting_someone(extract) -> None:
    record = extract(
        "After hosting Chilean Defence Minister Diego Rojas on Monday, Peruvian Defence Minister "
        "Carlos Ramos flew to Lima."
    )
    assert people_met(record) == [["Carlos Ramos", "Diego Rojas"]]


def test_talks_that_someone_attended(extract) -> None:
    record = extract(
        "Hungarian Defence Minister Peter Novak led the talks that Estonian Defence Minister Mart Kask "
        "attended in Budapest."
    )
    assert people_met(record) == [["Mart Kask", "Peter Novak"]]


def test_meeting_noun_as_subject_with_the_people_on_its_verb(extract) -> None:
    record = extract(
        "Finnish Defence Minister Antti Lehto arrived in Oslo on Monday. The first meeting of his visit "
        "was with Norwegian Defence Minister Lars Haugen."
    )
    assert people_met(record) == [["Antti Lehto", "Lars Haugen"]]


def test_a_call_has_no_place_and_reaches_the_person_called(extract) -> None:
    record = extract(
        "According to the palace, Chilean President Diego Rojas telephoned President Carlos Ramos of Peru "
        "shortly before he spoke to reporters in Santiago on Monday."
    )
    assert [(m.kind, sorted(m.participants), m.place) for m in record.meetings] == [
        ("call", ["Carlos Ramos", "Diego Rojas"], None)
    ]


def test_a_when_clause_under_a_planning_verb_still_reports_an_encounter(extract) -> None:
    record = extract(
        "The visit had been prepared at a meeting in Lima on 16 March, when Peruvian Defence Minister "
        "Carlos Ramos received Chilean Ambassador Diego Rojas."
    )
    assert people_met(record) == [["Carlos Ramos", "Diego Rojas"]]


def test_calling_on_someone_to_discuss_is_a_courtesy_call(extract) -> None:
    record = extract(
        "Swedish Defence Minister Tomas Berg also called on Norwegian Prime Minister Ola Dahl to discuss "
        "industrial cooperation."
    )
    assert people_met(record) == [["Ola Dahl", "Tomas Berg"]]


def test_their_summit_belongs_to_the_people_of_the_clause(extract) -> None:
    record = extract(
        "The ministers recalled the declaration made by Chilean President Diego Rojas and Peruvian "
        "President Carlos Ramos at their summit in Lima in November."
    )
    assert [(sorted(m.participants), m.place) for m in record.meetings] == [
        (["Carlos Ramos", "Diego Rojas"], "Lima")
    ]


def test_a_partner_the_parser_loses_in_a_long_sentence(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos met yesterday in the capital, in what officials described "
        "as a cordial and productive atmosphere, with Chilean Defence Minister Diego Rojas."
    )
    assert people_met(record) == [["Carlos Ramos", "Diego Rojas"]]


def test_a_courtesy_visit_to_someone_is_an_encounter(extract) -> None:
    record = extract(
        "Chilean Defence Minister Diego Rojas paid a courtesy visit to Peruvian President Carlos Ramos "
        "on Monday."
    )
    assert people_met(record) == [["Carlos Ramos", "Diego Rojas"]]
