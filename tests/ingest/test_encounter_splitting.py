"""Several encounters in one sentence: coordinated clauses, lists of partners, 'separately'."""

from __future__ import annotations

from ingest.encounters import merge_meetings


def meetings(record) -> list[tuple]:
    return sorted(
        (m.kind, [p.code for p in m.parties], sorted(m.participants), m.date and m.date.lexical)
        for m in record.meetings
    )


def test_received_by_one_host_then_met_another(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos was received by Mexican President Luis Ortega "
        "on Monday and then met Mexican Navy Secretary Jorge Salas."
    )
    assert meetings(record) == [
        ("meeting", ["MEX", "PER"], ["Carlos Ramos", "Jorge Salas"], "2023-05-15"),
        ("meeting", ["MEX", "PER"], ["Carlos Ramos", "Luis Ortega"], "2023-05-15"),
    ]


def test_counterparts_from_a_list_of_states_are_one_meeting_each(extract) -> None:
    record = extract(
        "Estonian Defence Minister Mart Kask met his counterparts from Latvia, Lithuania and Poland "
        "in Riga on Tuesday."
    )
    assert [sorted(p.code for p in m.parties) for m in record.meetings] == [
        ["EST", "LVA"],
        ["EST", "LTU"],
        ["EST", "POL"],
    ]
    assert all(m.participants == ["Mart Kask"] for m in record.meetings)


def test_named_partners_of_different_states_are_separate_meetings(extract) -> None:
    record = extract(
        "Finnish Defence Minister Antti Lehto held talks with Danish Defence Minister Mads Holm "
        "and Norwegian Defence Minister Lars Haugen on Monday."
    )
    assert meetings(record) == [
        ("meeting", ["DNK", "FIN"], ["Antti Lehto", "Mads Holm"], "2023-05-15"),
        ("meeting", ["FIN", "NOR"], ["Antti Lehto", "Lars Haugen"], "2023-05-15"),
    ]


def test_trilateral_meeting_stays_one(extract) -> None:
    record = extract(
        "Finnish Defence Minister Antti Lehto hosted a trilateral meeting with Danish Defence Minister "
        "Mads Holm and Norwegian Defence Minister Lars Haugen on Monday."
    )
    assert len(record.meetings) == 1
    assert sorted(p.code for p in record.meetings[0].parties) == ["DNK", "FIN", "NOR"]


def test_separately_met_two_people_of_one_state(extract) -> None:
    record = extract(
        "Swedish Defence Minister Tomas Berg separately met Norwegian Prime Minister Ola Dahl and "
        "Norwegian Defence Minister Lars Haugen in Oslo on Monday."
    )
    assert meetings(record) == [
        ("meeting", ["NOR", "SWE"], ["Lars Haugen", "Tomas Berg"], "2023-05-15"),
        ("meeting", ["NOR", "SWE"], ["Ola Dahl", "Tomas Berg"], "2023-05-15"),
    ]


def test_a_second_encounter_told_only_by_its_own_place_and_date(extract) -> None:
    record = extract(
        "Swedish Defence Minister Tomas Berg held talks with Norwegian Defence Minister Lars Haugen in "
        "Oslo on Monday and with Norwegian Prime Minister Ola Dahl in Bergen on Tuesday."
    )
    assert sorted((m.participants[-1], m.date.lexical, m.place) for m in record.meetings) == [
        ("Lars Haugen", "2023-05-15", "Oslo"),
        ("Ola Dahl", "2023-05-16", "Bergen"),
    ]


def test_calls_with_one_and_with_another_are_two_calls(extract) -> None:
    record = extract(
        "Greek Prime Minister Nikos Papadakis held telephone conversations with Chilean President "
        "Diego Rojas and with Chilean Foreign Minister Ana Soto on Monday."
    )
    assert meetings(record) == [
        ("call", ["CHL", "GRC"], ["Ana Soto", "Nikos Papadakis"], "2023-05-15"),
        ("call", ["CHL", "GRC"], ["Diego Rojas", "Nikos Papadakis"], "2023-05-15"),
    ]


def test_an_earlier_encounter_in_a_relative_clause(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos, who had met Chilean President Diego Rojas on Monday, "
        "held talks with Chilean Defence Minister Ana Soto on Tuesday."
    )
    assert meetings(record) == [
        ("meeting", ["CHL", "PER"], ["Ana Soto", "Carlos Ramos"], "2023-05-16"),
        ("meeting", ["CHL", "PER"], ["Carlos Ramos", "Diego Rojas"], "2023-05-15"),
    ]


def test_an_encounter_read_twice_is_one_meeting_placed_where_first_reported() -> None:
    # The graph names a meeting by kind, parties, date and people: read twice, it is one, even "separate".
    first = {
        "kind": "meeting",
        "parties": ["SRB", "SVN"],
        "participants": ["A B", "C D"],
        "date": "2023-03-22",
    }
    again = {**first, "participants": ["C D", "A B"]}
    merged = merge_meetings(
        [
            {**first, "place": "Ljubljana", "evidence": [0, 9]},
            {**again, "place": "Kosovo", "evidence": [20, 40], "separate": True},
        ]
    )
    assert [(m["place"], m["evidence"]) for m in merged] == [("Ljubljana", [0, 9])]
