"""Meetings whose place, date or people the text gives in a neighbouring sentence or phrase."""

from __future__ import annotations


def meetings(record) -> list[tuple]:
    return [
        (m.kind, [p.code for p in m.parties], m.participants, m.date and m.date.lexical, m.place)
        for m in record.meetings
    ]


def test_city_of_names_the_place(extract) -> None:
    record = extract(
        "Finnish Defence Minister Antti Lehto met Danish Defence Minister Mads Holm "
        "in the Danish city of Aarhus on Monday."
    )
    assert meetings(record) == [
        ("meeting", ["DNK", "FIN"], ["Antti Lehto", "Mads Holm"], "2023-05-15", "Aarhus")
    ]


def test_delegation_visited_a_city(extract) -> None:
    record = extract(
        "On March 3, a delegation headed by Slovenian Defence Minister Marko Zupan visited Zagreb "
        "and met Croatian Defence Minister Ivan Babic."
    )
    assert meetings(record)[0][3:] == ("2023-03-03", "Zagreb")


def test_sidelines_meeting_happened_when_and_where_the_main_event_did(extract) -> None:
    record = extract(
        "Defence ministers of Estonia and Finland met in Tallinn on May 2. Estonian Defence Minister "
        "Peeter Saar and Finnish Defence Minister Jari Koski held talks.\n\n"
        "On the sidelines of the event, Saar also met Swedish Defence Minister Nils Ek."
    )
    sideline = next(m for m in record.meetings if "Nils Ek" in m.participants)
    assert (sideline.date.lexical, sideline.place) == ("2023-05-02", "Tallinn")


def test_meeting_after_a_trip_is_where_the_trip_went(extract) -> None:
    record = extract(
        "Last month Portuguese Prime Minister Rui Matos travelled to Port Moresby for a summit. "
        "On April 20 Matos held talks with Papua New Guinea's Prime Minister Tom Kawi."
    )
    assert [(m.date.lexical, m.place) for m in record.meetings] == [("2023-04-20", "Port Moresby")]


def test_meeting_during_that_visit_keeps_the_visit_place_and_undated_past(extract) -> None:
    record = extract(
        "Earlier, Czech Defence Minister Pavel Dusek paid an official visit to Bratislava. "
        "He laid a wreath at a memorial. "
        "As part of that visit, the Czech minister toured a military academy and held a meeting "
        "with its head, Slovak Major General Jan Kral."
    )
    assert meetings(record) == [("meeting", ["CZE", "SVK"], ["Jan Kral", "Pavel Dusek"], None, "Bratislava")]


def test_subject_of_a_first_verb_holds_the_meeting_of_a_joined_verb(extract) -> None:
    record = extract(
        "Latvian Defence Minister Janis Ozols arrived in Vilnius on Monday. "
        "The Latvian minister toured the port and held talks with Lithuanian Defence Minister Tomas Petras."
    )
    participants = {name for m in record.meetings for name in m.participants}
    assert participants == {"Janis Ozols", "Tomas Petras"}


def test_pronoun_subject_of_a_first_verb_is_a_participant(extract) -> None:
    record = extract(
        "Belgian Defence Minister Luc Peeters began a visit to Lisbon. "
        "On Tuesday he toured a naval base and then held talks with Portuguese Defence Minister Joao Reis."
    )
    talks = next(m for m in record.meetings if m.date and m.date.lexical == "2023-05-16")
    assert set(talks.participants) == {"Luc Peeters", "Joao Reis"}


def test_welcoming_a_decision_is_not_a_meeting(extract) -> None:
    record = extract(
        "Austrian Defence Minister Karl Huber said Vienna would join the initiative; "
        "Swiss Defence Minister Urs Meier welcomed the decision."
    )
    assert record.meetings == []


def test_name_set_off_after_a_title_phrase_is_a_person(extract) -> None:
    record = extract(
        "Georgian Defence Minister Levan Beridze met the EU Special Representative for the "
        "South Caucasus, Pedro Alcaraz, in Tbilisi."
    )
    assert "Pedro Alcaraz" in {p.name for p in record.people}
    assert meetings(record)[0][2] == ["Levan Beridze", "Pedro Alcaraz"]


def test_rank_abbreviation_after_a_minister_title_is_a_given_name(extract) -> None:
    record = extract("Japanese Defense Minister Gen Sato met Indian Defence Minister Arjun Rao in Tokyo.")
    person = next(p for p in record.people if p.name == "Gen Sato")
    assert (person.rank, [r.role for r in person.roles]) == (None, ["defence-minister"])


def test_rank_before_a_full_name_stays_a_rank(extract) -> None:
    record = extract("Army Chief Gen Ali Khan met Turkish Defence Minister Ahmet Kaya in Ankara.")
    person = next(p for p in record.people if p.name == "Ali Khan")
    assert person.rank == "General"


def party_of(record, name: str) -> str | None:
    person = next(p for p in record.people if p.name == name)
    return person.party and person.party.code


def test_ambassador_to_a_country_represents_the_sender(extract) -> None:
    record = extract("Italy's ambassador to the Netherlands, Marco Bianchi, attended the exhibition.")
    assert party_of(record, "Marco Bianchi") == "ITA"


def test_guest_of_a_named_counterpart_is_of_the_other_side(extract) -> None:
    record = extract(
        "Romanian Defence Minister Ion Popa met Bulgarian officials in Sofia. "
        "President Nikolai Stanev is expected in Bucharest today at the invitation of his Romanian "
        "counterpart. Bulgarian and Romanian troops will train together; Bulgarian engineers will help."
    )
    assert party_of(record, "Nikolai Stanev") == "BGR"


def test_state_department_spokesperson_is_american(extract) -> None:
    record = extract(
        "Polish Foreign Minister Jan Nowak spoke with his Czech counterpart Petr Novak, "
        "according to State Department spokesperson Anna Lee."
    )
    assert party_of(record, "Anna Lee") == "USA"


def test_signers_named_after_a_ceremony_took_part_in_it(extract) -> None:
    record = extract(
        "Dutch Prime Minister Erik Visser witnessed the signing ceremony in The Hague. "
        "Dutch Defence Minister Anna Smit put her signature to the pact, while Norwegian Defence "
        "Minister Ola Berg signed for his government."
    )
    assert set(record.meetings[0].participants) == {"Erik Visser", "Anna Smit", "Ola Berg"}


def test_a_later_signing_of_another_document_is_not_part_of_the_ceremony(extract) -> None:
    record = extract(
        "Dutch Prime Minister Erik Visser met Norwegian Prime Minister Ola Dahl in The Hague.\n\n"
        "A visit followed.\n\nIn March, Dutch Defence Minister Anna Smit signed an accord with Norway."
    )
    assert "Anna Smit" not in record.meetings[0].participants


def test_separate_meeting_of_the_same_sides_stays_its_own(extract) -> None:
    record = extract(
        "Hungarian Foreign Minister Peter Novak and Hungarian Defence Minister Adam Kiss met "
        "Estonian Foreign Minister Mart Kask and Estonian Defence Minister Karl Tamm in Budapest. "
        "Kiss and Tamm also held a separate meeting."
    )
    assert sorted(len(m.participants) for m in record.meetings) == [2, 4]


def test_signatories_of_an_agreement_took_part_in_the_meeting_it_was_signed_at(extract) -> None:
    record = extract(
        "Croatian Defence Minister Ivan Babic met Slovenian Defence Minister Marko Zupan in Zagreb. "
        "The cooperation plan was signed by Babic and Slovenian Chief of General Staff Luka Novak."
    )
    assert set(record.meetings[0].participants) == {"Ivan Babic", "Marko Zupan", "Luka Novak"}


def test_held_an_engagement_with_is_a_meeting(extract) -> None:
    record = extract(
        "Canadian Defence Minister Paul Roy held his first engagement with Mexico's Minister of "
        "National Defense, Luis Ortega, on Tuesday, speaking by video teleconference."
    )
    assert meetings(record) == [("call", ["CAN", "MEX"], ["Paul Roy", "Luis Ortega"], "2023-05-16", None)]


def test_two_leaders_speaking_by_phone_is_a_call_of_the_leaders_just_reported(extract) -> None:
    record = extract(
        "Irish Prime Minister Sean Byrne met Danish Prime Minister Mette Lund in Dublin on May 2.\n\n"
        "The two prime ministers spoke by phone on May 10."
    )
    call = next(m for m in record.meetings if m.kind == "call")
    assert (set(call.participants), call.date.lexical) == ({"Sean Byrne", "Mette Lund"}, "2023-05-10")


def test_calling_on_an_official_is_a_visit(extract) -> None:
    record = extract(
        "Pakistani Navy chief Admiral Omar Raza called on Kenya's Chief of Defence Staff, "
        "General Peter Otieno, in Nairobi."
    )
    assert meetings(record) == [
        ("meeting", ["KEN", "PAK"], ["Omar Raza", "Peter Otieno"], "2023-05-17", "Nairobi")
    ]


def test_calling_on_both_sides_to_act_is_not_a_visit(extract) -> None:
    record = extract(
        "Turkish Foreign Minister Ali Demir called on Armenian Foreign Minister Aram Sargsyan "
        "to show restraint."
    )
    assert record.meetings == []


def test_everyone_of_unknown_party_facing_one_known_side_is_the_host(extract) -> None:
    record = extract(
        "On Monday in Mogadishu, American General John Carter met President Abdi Warsame and the Chief of "
        "Defence Forces, Gen. Yusuf Farah."
    )
    assert (party_of(record, "Abdi Warsame"), party_of(record, "Yusuf Farah")) == ("SOM", "SOM")


def test_country_after_the_person_met_is_the_place(extract) -> None:
    record = extract(
        "In November, Canadian Defence Minister Paul Roy met Chilean Defence Minister Jorge Soto in Peru."
    )
    assert meetings(record)[0][4] == "Peru"


def test_described_guest_with_a_relative_clause_naming_someone_else(extract) -> None:
    record = extract(
        "Italian Defence Minister Marco Bianchi arrived in Vienna.\n\n"
        "President Karl Huber received the Italian minister, who conveyed to the Austrian leader the "
        "greetings of President Luca Ferri."
    )
    received = next(m for m in record.meetings if "Karl Huber" in m.participants)
    assert set(received.participants) == {"Karl Huber", "Marco Bianchi"}
    assert party_of(record, "Karl Huber") == "AUT"


def test_sender_of_greetings_did_not_take_part(extract) -> None:
    record = extract(
        "Spanish Defence Minister Ana Ruiz met Moroccan Defence Minister Omar Idrissi in Rabat and "
        "conveyed the greetings of Prime Minister Pedro Vidal."
    )
    assert meetings(record)[0][2] == ["Ana Ruiz", "Omar Idrissi"]


def test_name_at_the_very_end_of_the_text(extract) -> None:
    record = extract("The talks were led by Defence Minister Javier Colomina")
    assert [p.name for p in record.people] == ["Javier Colomina"]


def test_lead_event_happened_in_the_city_the_lead_paragraph_opens_with(extract) -> None:
    record = extract(
        "Defence chiefs of Chile and Peru meet for border talks\n\n"
        "LIMA, May 16 - Peruvian Defence Minister Carlos Ramos met Chilean Defence Minister Diego Rojas "
        "on Tuesday to discuss border security."
    )
    assert [m.place for m in record.meetings] == ["Lima"]


def test_a_venue_read_as_one_name_gives_its_city(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos held talks with Chilean Defence Minister Diego Rojas "
        "at the Ministry of Defence in Lima on Tuesday."
    )
    assert [m.place for m in record.meetings] == ["Lima"]


def test_the_visit_destination_carries_over_to_the_visitors_later_encounters(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos arrived in Santiago on Monday for a three-day visit. "
        "He laid a wreath at a memorial. He toured a naval base. "
        "On Tuesday Ramos met Chilean Defence Minister Diego Rojas."
    )
    assert [(m.date.lexical, m.place) for m in record.meetings] == [("2023-05-16", "Santiago")]


def test_a_place_of_another_clause_is_not_where_they_met(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Carlos Ramos met Chilean Defence Minister Diego Rojas on Tuesday, "
        "the ministry said in Lima."
    )
    assert [m.place for m in record.meetings] == [None]
