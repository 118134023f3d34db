from __future__ import annotations

from ingest.records import PartialDate


def meetings(record) -> list[tuple]:
    return [
        (m.kind, [p.code for p in m.parties], m.participants, m.date and m.date.lexical, m.place)
        for m in record.meetings
    ]


def test_met_with_counterpart_in_a_city_on_a_weekday(extract) -> None:
    record = extract(
        "Hungarian Defence Minister Peter Novak met with his Estonian counterpart Mart Kask "
        "in Budapest on Monday."
    )
    assert meetings(record) == [
        ("meeting", ["EST", "HUN"], ["Peter Novak", "Mart Kask"], "2023-05-15", "Budapest")
    ]
    assert record.meetings[0].evidence.start == 0


def test_received_in_a_background_paragraph_has_no_date(extract) -> None:
    record = extract(
        "Earlier, Peruvian Defence Minister Carlos Ramos received Mexican Ambassador Luis Ortega."
    )
    assert meetings(record) == [("meeting", ["MEX", "PER"], ["Carlos Ramos", "Luis Ortega"], None, None)]


def test_telephone_conversation_is_a_call(extract) -> None:
    record = extract(
        "Greek Prime Minister Nikos Papadakis held a telephone conversation with "
        "Chilean President Diego Rojas yesterday."
    )
    assert meetings(record) == [
        ("call", ["CHL", "GRC"], ["Nikos Papadakis", "Diego Rojas"], "2023-05-16", None)
    ]


def test_announced_visit_is_not_a_meeting(extract) -> None:
    record = extract(
        "Slovak Foreign Minister Juraj Horvath is expected to visit Portugal next week. "
        "He will meet Portuguese Foreign Minister Rui Costa."
    )
    assert record.meetings == []
    assert {p.name for p in record.people} == {"Juraj Horvath", "Rui Costa"}


def test_visited_a_country_and_met(extract) -> None:
    record = extract(
        "Swedish Defence Minister Tomas Berg visited Norway and met with "
        "Norwegian Defence Minister Lars Haugen."
    )
    assert meetings(record) == [
        ("meeting", ["NOR", "SWE"], ["Tomas Berg", "Lars Haugen"], "2023-05-17", "Norway")
    ]


def test_signed_agreement_with_quoted_title(extract) -> None:
    record = extract(
        "Canadian Defence Minister Paul Martin and his Danish counterpart Jens Larsen signed the "
        '"Agreement on Military Education Cooperation" in Ottawa on April 12.'
    )
    [agreement] = record.agreements
    assert agreement.title == "Agreement on Military Education Cooperation"
    assert [p.code for p in agreement.parties] == ["CAN", "DNK"]
    assert agreement.signatories == ["Paul Martin", "Jens Larsen"]
    assert agreement.date == PartialDate(2023, 4, 12)


def test_unquoted_agreement_title_is_the_noun_phrase(extract) -> None:
    record = extract(
        "Polish Defence Minister Adam Nowak and Czech Defence Minister Jan Dvorak "
        "signed a military cooperation plan for 2024 on Tuesday."
    )
    [agreement] = record.agreements
    assert agreement.title == "military cooperation plan for 2024"
    assert agreement.date == PartialDate(2023, 5, 16)


def test_plural_reference_continues_the_meeting_and_dateline_gives_the_place(extract) -> None:
    record = extract(
        "OSLO — Defence Minister Lars Haugen received Finnish Defence Minister Mikko Virtanen on Tuesday. "
        "The two ministers held talks on Arctic security."
    )
    assert meetings(record) == [
        ("meeting", ["FIN", "NOR"], ["Lars Haugen", "Mikko Virtanen"], "2023-05-16", "Oslo")
    ]
    assert record.people[0].party.code == "NOR"


def test_denied_meeting_is_not_a_meeting(extract) -> None:
    record = extract("No meeting between the Estonian and Latvian presidents took place.")
    assert record.meetings == []


def test_two_documents_and_a_later_sentence_naming_the_signatories(extract) -> None:
    record = extract(
        "The defence ministries of Croatia and Slovenia signed a cooperation plan for 2024, together with "
        "a memorandum on military education. The documents were signed by Croatian Defence Minister "
        "Ivan Horvat and his Slovenian counterpart Marko Novak."
    )
    assert [(a.title, [p.code for p in a.parties], a.signatories) for a in record.agreements] == [
        ("cooperation plan for 2024", ["HRV", "SVN"], ["Ivan Horvat", "Marko Novak"]),
        ("memorandum on military education", ["HRV", "SVN"], ["Ivan Horvat", "Marko Novak"]),
    ]


def test_appositive_guest_takes_part_and_a_follow_up_adds_only_its_subject(extract) -> None:
    record = extract(
        "Norwegian Defence Minister Lars Haugen received the newly appointed military attaché of Finland "
        "in Norway, Colonel Mikko Virtanen, the ministry said. At that meeting Haugen praised the reforms "
        "carried out under the leadership of President Sauli Niinisto."
    )
    assert meetings(record) == [
        ("meeting", ["FIN", "NOR"], ["Lars Haugen", "Mikko Virtanen"], "2023-05-17", None)
    ]
    assert [(p.name, p.rank, [r.role for r in p.roles]) for p in record.people][1] == (
        "Mikko Virtanen",
        "Colonel",
        ["military-attache"],
    )
