"""How a meeting report refers back: the medium of an earlier call, described people, dated sentences."""

from __future__ import annotations


def test_phoned_is_a_call(extract) -> None:
    record = extract(
        "On Monday Estonian Defence Minister Peeter Saar phoned Latvian Defence Minister Ivars Kalns."
    )
    assert [(m.kind, m.participants) for m in record.meetings] == [("call", ["Peeter Saar", "Ivars Kalns"])]


def test_later_talk_between_the_same_people_keeps_the_medium(extract) -> None:
    record = extract(
        "Greek Defence Minister Nikos Dendias held a phone conversation with Cypriot Defence Minister "
        "Vasilis Palmas on March 3.\n\n"
        "It was their second contact in a week. On February 27, Dendias and Palmas discussed "
        "the situation in the eastern Mediterranean."
    )
    assert sorted((m.date.lexical, m.kind) for m in record.meetings) == [
        ("2023-02-27", "call"),
        ("2023-03-03", "call"),
    ]


def test_the_minister_of_a_party_is_the_one_titled_minister(extract) -> None:
    record = extract(
        "Ghanaian President Kofi Mensah received Togolese Defence Minister Komi Adjo in Accra on Monday. "
        "Ghanaian Defence Minister Kwame Owusu was also present.\n\n"
        "On Tuesday, the Ghanaian minister held talks with the Togolese minister at the ministry."
    )
    tuesday = next(m for m in record.meetings if m.date.lexical == "2023-05-16")
    assert sorted(tuesday.participants) == ["Komi Adjo", "Kwame Owusu"]


def test_plural_description_of_a_party_brings_all_its_holders(extract) -> None:
    record = extract(
        "Hungarian Defence Minister Kristof Szalai hosted Slovak Defence Minister Robert Kalina in "
        "Budapest on Friday. The delegation included the Commander of the Slovak Land Forces, "
        "Major General Peter Hudec, and the Commander of the Slovak Air Force, Brigadier General "
        "Juraj Mraz.\n\n"
        "The Slovak commanders took part in the meeting."
    )
    assert {"Peter Hudec", "Juraj Mraz"} <= set(record.meetings[0].participants)


def test_an_undated_meeting_follows_the_day_of_the_sentence_before(extract) -> None:
    record = extract(
        "Ukrainian Defence Minister Ivan Koval opened a new academy on Monday.\n\n"
        "The Moldovan delegation landed in Kyiv on Sunday and was welcomed by Koval. "
        "Moldovan Defence Minister Anatolie Nosatii then held talks with Koval at the ministry."
    )
    assert [(m.date.lexical, sorted(m.participants)) for m in record.meetings] == [
        ("2023-05-14", ["Anatolie Nosatii", "Ivan Koval"])
    ]


def test_surnames_listed_together_are_still_people(extract) -> None:
    record = extract(
        "Canadian Prime Minister Mark Dalton travelled to Oslo with Defence Minister Bill Harper and "
        "Minister for Defence Industry Anne Lavoie.\n\n"
        "On June 3, Dalton met Norwegian Prime Minister Erik Berg, as Harper, Lavoie, Norwegian Defence "
        "Minister Ola Moen and Foreign Minister Tor Dahl looked on."
    )
    assert {"Bill Harper", "Anne Lavoie"} <= set(record.meetings[0].participants)


def test_a_title_before_the_next_name_in_a_list_is_not_the_previous_ones(extract) -> None:
    record = extract(
        "Dalton met Norwegian Prime Minister Erik Berg, as Defence Minister Bill Harper, Lavoie, "
        "Norwegian Defence Minister Ola Moen and Foreign Minister Tor Dahl looked on. Canadian Minister "
        "for Defence Industry Anne Lavoie spoke."
    )
    lavoie = next(p for p in record.people if p.name == "Anne Lavoie")
    assert [r.role for r in lavoie.roles] == ["official"]


def test_the_two_prime_ministers_signed_means_the_prime_ministers(extract) -> None:
    record = extract(
        "Canadian Defence Minister Bill Harper held talks with Norwegian Defence Minister Ola Moen in Oslo "
        "on Monday, and Canadian Prime Minister Mark Dalton and Norwegian Prime Minister Erik Berg joined "
        "them. After the meeting, the two prime ministers signed a joint communique."
    )
    assert sorted(record.agreements[0].signatories) == ["Erik Berg", "Mark Dalton"]


def test_external_affairs_minister_is_indian(extract) -> None:
    record = extract(
        "External Affairs Minister Ravi Menon met Secretary of State Ann Cole in Kuala Lumpur on Monday."
    )
    assert [[p.code for p in m.parties] for m in record.meetings] == [["IND", "USA"]]


def test_the_side_of_a_named_participant_is_that_participant(extract) -> None:
    record = extract(
        "US Secretary of Defense John Ward visited Poland last week.\n\n"
        "On Monday, US Under Secretary of Defense Tom Reed phoned Georgian Defence Minister Levan Beridze, "
        "again on the US side's initiative."
    )
    assert [sorted(m.participants) for m in record.meetings] == [["Levan Beridze", "Tom Reed"]]


def test_talks_in_a_city_after_a_call_are_a_meeting(extract) -> None:
    record = extract(
        "Greek Defence Minister Nikos Dendias held a phone conversation with Cypriot Defence Minister "
        "Vasilis Palmas on March 3. On March 9, Dendias held talks with Palmas in Nicosia."
    )
    assert sorted((m.date.lexical, m.kind) for m in record.meetings) == [
        ("2023-03-03", "call"),
        ("2023-03-09", "meeting"),
    ]


def test_the_four_ministers_are_the_four_ministers_reported_last(extract) -> None:
    record = extract(
        "Spanish Foreign Minister Ana Ruiz and Spanish Defence Minister Luis Vidal met Portuguese "
        "Foreign Minister Rui Costa and Portuguese Defence Minister Joao Melo in Lisbon on Monday. "
        "Ruiz and Vidal had earlier paid a courtesy call on Portuguese Prime Minister Pedro Alves.\n\n"
        "Later in the day, the four ministers sat down for a working dinner at a hotel in Porto."
    )
    sintra = next(m for m in record.meetings if m.place == "Porto")
    assert sorted(sintra.participants) == ["Ana Ruiz", "Joao Melo", "Luis Vidal", "Rui Costa"]


def test_a_name_modifying_a_thing_is_not_a_participant(extract) -> None:
    record = extract(
        "Finnish Defence Minister Antti Lehto met Danish Defence Minister Mads Holm in Aarhus on Monday, "
        "the first such meeting under the Holm administration."
    )
    record_two = extract(
        "Finnish Defence Minister Antti Lehto met Danish Defence Minister Mads Holm in Aarhus on Monday. "
        "Lehto later held talks with Danish Army Commander Kim Berg at a base under the Holm command."
    )
    assert sorted(record.meetings[0].participants) == ["Antti Lehto", "Mads Holm"]
    berg = next(m for m in record_two.meetings if "Kim Berg" in m.participants)
    assert sorted(berg.participants) == ["Antti Lehto", "Kim Berg"]


def test_a_visit_where_a_summit_was_held_is_a_meeting_of_the_visitor(extract) -> None:
    record = extract(
        "Contacts have intensified in 2023: in March, Kenyan President Daniel Kamau made his first visit "
        "to Japan, where a Japan-Kenya summit was held in Tokyo."
    )
    assert [(m.participants, m.date.lexical, m.place) for m in record.meetings] == [
        (["Daniel Kamau"], "2023-03", "Tokyo")
    ]


def test_a_sentence_dated_otherwise_adds_no_one_to_the_last_meeting(extract) -> None:
    record = extract(
        "Chilean Defence Minister Ana Soto met Japanese Ambassador Ito Ken in Santiago on Monday.\n\n"
        "In March, Chilean President Pablo Vera attended the national day of Chile at the Osaka Expo."
    )
    assert [sorted(m.participants) for m in record.meetings] == [["Ana Soto", "Ito Ken"]]


def test_he_is_the_person_the_sentence_before_is_about(extract) -> None:
    record = extract(
        "On Monday, US Admiral Tom Grant was received in Accra by the Ghanaian Chief of the Defence "
        "Staff, Lt. Gen. Kofi Boateng. He and his aide, Colonel Amy Stone, then held talks with the "
        "Ghanaian Minister for Defence, Dominic Nitiwul."
    )
    assert {"Tom Grant", "Amy Stone", "Dominic Nitiwul"} <= set(record.meetings[-1].participants)


def test_a_representative_for_a_state_does_not_represent_it(extract) -> None:
    record = extract(
        "The Special Representative of the African Union for Somalia, Mohamed Souef, met US Africa "
        "Command's commander, General Michael Lang, in Mogadishu on Monday."
    )
    souef = next(p for p in record.people if p.name == "Mohamed Souef")
    assert souef.party.code == "AU"


def test_an_untitled_host_at_a_meeting_in_their_capital_is_of_the_host_state(extract) -> None:
    record = extract(
        "Canadian Prime Minister Mark Dalton, on a visit to Canada's NATO allies, met Norwegian Prime "
        "Minister Erik Berg in Oslo on Monday. Canadian officials said Canada wants closer ties. "
        "Defence Minister Tor Dahl also attended the meeting."
    )
    dahl = next(p for p in record.people if p.name == "Tor Dahl")
    assert dahl.party.code == "NOR"


def test_the_capital_of_a_state_is_its_capital_city(extract) -> None:
    record = extract(
        "Greek Defence Minister Nikos Dendias met Cypriot Defence Minister Vasilis Palmas in the Cypriot "
        "capital on Monday."
    )
    assert [m.place for m in record.meetings] == ["Nicosia"]


def test_an_encounter_earlier_in_the_day_is_another_one_on_that_day(extract) -> None:
    record = extract(
        "Saudi Defence Minister Prince Faisal bin Saad was received in Tehran on Thursday by Iranian "
        "President Ali Rezaei, in the presence of Iranian Chief of Staff Hassan Karimi.\n\n"
        "Earlier in the day, Karimi had welcomed Prince Faisal at the airport."
    )
    assert sorted((m.date.lexical, sorted(m.participants)) for m in record.meetings) == [
        ("2023-05-11", ["Ali Rezaei", "Faisal bin Saad", "Hassan Karimi"]),
        ("2023-05-11", ["Faisal bin Saad", "Hassan Karimi"]),
    ]


def test_the_two_men_who_signed_are_the_two_who_met(extract) -> None:
    record = extract(
        "On July 24 German Defence Minister Jan Vogel welcomed British Defence Secretary Tom Hale in Berlin, "
        "and the two men signed a joint declaration on closer defence ties."
    )
    assert sorted(record.agreements[0].signatories) == ["Jan Vogel", "Tom Hale"]


def test_a_meeting_in_a_third_states_capital_keeps_the_articles_two_sides(extract) -> None:
    record = extract(
        "KUALA LUMPUR — Defence Minister Arjun Rao on Friday met US Defense Secretary Tom Hale in the "
        "Malaysian capital, where the two signed a US-India defence framework.\n\n"
        "Rao, who represents India, said India and the US would deepen ties. India co-chairs the group."
    )
    assert [([p.code for p in m.parties], m.place) for m in record.meetings] == [
        (["IND", "USA"], "Kuala Lumpur")
    ]


def test_meetings_with_several_people_are_one_meeting_with_each(extract) -> None:
    record = extract(
        "Pakistani General Asif Khan visited Beijing on Monday. During his stay he held meetings with "
        "Chinese Foreign Minister Li Wei and Chinese Defence Minister Zhang Hua."
    )
    assert sorted(sorted(m.participants) for m in record.meetings) == [
        ["Asif Khan", "Li Wei"],
        ["Asif Khan", "Zhang Hua"],
    ]


def test_a_title_only_one_state_uses_tells_the_side_already_there(extract) -> None:
    record = extract(
        "US Secretary of Defense John Ward visited Poland last week.\n\n"
        "On Monday, Under Secretary of Defense Tom Reed phoned Georgian Defence Minister Levan Beridze, "
        "again on the US side's initiative."
    )
    assert [sorted(m.participants) for m in record.meetings] == [["Levan Beridze", "Tom Reed"]]
