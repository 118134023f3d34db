"""Titles read compositionally: modifiers + head + organisation decide the role."""

from __future__ import annotations

import pytest


def roles_of(record, name: str) -> list[str]:
    person = next(p for p in record.people if p.name == name)
    return sorted(r.role for r in person.roles)


def party_of(record, name: str) -> str | None:
    person = next(p for p in record.people if p.name == name)
    return person.party.code if person.party else None


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Chief of the Royal Navy General Staff", "military-commander"),
        ("Chief of the National Defence General Staff", "chief-of-general-staff"),
        ("Deputy Chief of the Joint Staff", "defence-official"),
        ("Minister for the Armed Forces", "defence-minister"),
        ("Second Deputy Minister of National Defence", "deputy-defence-minister"),
        ("Assistant Minister of Defence", "defence-official"),
        ("Defence Cabinet Secretary", "defence-minister"),
        ("Commander of the Northern Fleet", "military-commander"),
        ("Commander-in-Chief of the Navy", "military-commander"),
        ("Chairman of the Joint Chiefs", "chief-of-general-staff"),
        ("Director of Military Intelligence", "security-official"),
    ],
)
def test_role_follows_head_modifiers_and_organisation(extract, title: str, role: str) -> None:
    record = extract(f"The {title}, Lieutenant General Marek Dolny, opened the conference in the capital.")
    assert roles_of(record, "Marek Dolny") == [role]


def test_head_of_a_named_organisation_is_an_official(extract) -> None:
    record = extract("Anna Brodsky, head of the Presidential Protocol Service, greeted the guests.")
    assert roles_of(record, "Anna Brodsky") == ["official"]


def test_head_of_a_defence_division_is_a_defence_official(extract) -> None:
    record = extract(
        "Colonel Ivo Marsh, head of the Army's Planning Division, briefed the defence attachés on Monday."
    )
    assert roles_of(record, "Ivo Marsh") == ["defence-official"]


def test_country_inside_a_title_gives_the_party(extract) -> None:
    record = extract("The Commander of the Polish Land Forces, General Jan Wolski, visited the base.")
    assert party_of(record, "Jan Wolski") == "POL"
    assert roles_of(record, "Jan Wolski") == ["military-commander"]


def test_exact_list_title_keeps_its_role_when_the_words_are_the_same(extract) -> None:
    record = extract("Chief of Army Staff General Omar Haidar arrived in the capital.")
    assert roles_of(record, "Omar Haidar") == ["chief-of-general-staff"]


def test_a_composed_title_does_not_cut_a_longer_exact_title(extract) -> None:
    record = extract("Supreme Allied Commander Europe General Tom Reyes met the ministers.")
    assert [p.name for p in record.people] == ["Tom Reyes"]


def test_bracketed_acronym_between_title_and_name(extract) -> None:
    record = extract("Lagos welcomed the Chief of Naval Staff (CNS), Vice Admiral Ola Bello, on Monday.")
    assert roles_of(record, "Ola Bello") == ["military-commander"]


def test_rank_whose_full_stop_ends_a_parser_sentence_still_introduces(extract) -> None:
    record = extract(
        "The accord was signed for Ghana by the Minister of Defence, Maj.-Gen. Musa Ladan Kure, in Accra."
    )
    assert roles_of(record, "Musa Ladan Kure") == ["defence-minister"]
    assert party_of(record, "Musa Ladan Kure") == "GHA"


def test_relative_clause_gives_the_titles(extract) -> None:
    record = extract(
        "Admiral Ravi Perera, who is both Chief of Defence Staff and Commander of the Navy, received them."
    )
    assert roles_of(record, "Ravi Perera") == ["chief-of-general-staff", "military-commander"]


def test_verb_of_leading_with_an_organisation_gives_a_title(extract) -> None:
    record = extract("The new envoy replaces Pavel Orlin, who headed the Czech diplomatic mission in Vienna.")
    assert roles_of(record, "Pavel Orlin") == ["ambassador"]


def test_commander_in_chief_is_no_military_command_for_a_head_of_state(extract) -> None:
    record = extract(
        "President Ana Lopes, who is also Commander-in-Chief of the Armed Forces, opened the parade."
    )
    assert roles_of(record, "Ana Lopes") == ["head-of-state"]


def test_lower_case_titles_joined_by_and(extract) -> None:
    record = extract(
        "General Karim Nour, the commander of the army and minister of defence, welcomed the guests "
        "at the academy."
    )
    assert roles_of(record, "Karim Nour") == ["defence-minister", "military-commander"]


def test_counterpart_after_the_name_takes_the_anchor_role(extract) -> None:
    record = extract(
        "Defence Minister Lars Holm held talks with Ken Sato, his Korean counterpart, on Friday."
    )
    assert roles_of(record, "Ken Sato") == ["defence-minister"]
    assert party_of(record, "Ken Sato") == "KOR"


def test_service_name_read_as_a_person_does_not_stop_the_title(extract) -> None:
    record = extract(
        "Speaking in Washington, Pentagon Press Secretary Air Force Brig. Gen. Tim Olsen said the drills "
        "would go on."
    )
    assert roles_of(record, "Tim Olsen") == ["defence-official"]


def test_plural_title_shares_its_role_and_states_over_the_list_of_names(extract) -> None:
    record = extract(
        "Meeting in Oslo, the defence ministers of Norway and Chile, Lars Berg and Admiral Pablo Soto, "
        "signed a new agreement."
    )
    assert roles_of(record, "Lars Berg") == ["defence-minister"]
    assert roles_of(record, "Pablo Soto") == ["defence-minister"]
    assert (party_of(record, "Lars Berg"), party_of(record, "Pablo Soto")) == ("NOR", "CHL")


def test_plural_title_without_states_gives_the_role_to_both(extract) -> None:
    record = extract("The two defence ministers, Ana Ruiz and Tom Berg, met in Oslo on Monday.")
    assert roles_of(record, "Ana Ruiz") == ["defence-minister"]
    assert roles_of(record, "Tom Berg") == ["defence-minister"]


def test_bare_spokesman_in_a_defence_sentence_is_a_defence_official(extract) -> None:
    record = extract(
        "Navy spokesman Captain Omar Saleh said the frigates would join the naval exercise next week."
    )
    assert roles_of(record, "Omar Saleh") == ["defence-official"]


def test_a_civilian_body_in_the_title_keeps_an_official_civilian(extract) -> None:
    record = extract(
        "Li Wen, Director of the Trade Commission's Office, also attended the defence talks in Hanoi."
    )
    assert roles_of(record, "Li Wen") == ["official"]


def test_abbreviated_legislator_titles(extract) -> None:
    record = extract("The delegation of Sen. Jim Corbin and Rep. Nancy Hale met the minister on Monday.")
    assert roles_of(record, "Jim Corbin") == ["official"]
    assert roles_of(record, "Nancy Hale") == ["official"]


def test_his_deputy_holds_the_subordinate_post_of_the_person_named_before(extract) -> None:
    record = extract("Defence Minister Ivan Petrov of Belarus and his deputy Oleg Sorin arrived in Hanoi.")
    assert roles_of(record, "Oleg Sorin") == ["deputy-defence-minister"]
    assert party_of(record, "Oleg Sorin") == "BLR"


def test_commanding_general_of_a_numbered_unit(extract) -> None:
    record = extract("Lt. Gen. Mark Rossi, commanding general of the 18th Airborne Corps, met the minister.")
    assert roles_of(record, "Mark Rossi") == ["military-commander"]


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Army Chief of Staff", "military-commander"),
        ("Chief of Staff of the Armed Forces", "chief-of-general-staff"),
        ("Chief of Staff to the Navy Commander", "defence-official"),
        ("Minister of State for Defence", "deputy-defence-minister"),
    ],
)
def test_chief_of_staff_by_what_it_is_of(extract, title: str, role: str) -> None:
    record = extract(f"The {title}, General Ivo Kanev, received the delegation in Sofia.")
    assert roles_of(record, "Ivo Kanev") == [role]


def test_title_chain_crosses_at_to_the_ministry_and_its_country(extract) -> None:
    record = extract(
        "The Director of the Department of Strategy at the Indonesian Ministry of Defence, "
        "Maj. Gen. Budi Hartono, attended the talks."
    )
    assert roles_of(record, "Budi Hartono") == ["defence-official"]
    assert party_of(record, "Budi Hartono") == "IDN"


def test_chief_of_staff_of_the_joint_staff_heads_the_armed_forces(extract) -> None:
    record = extract("Japan's Chief of Staff of the Joint Staff, General Ito Kenji, spoke in Tokyo.")
    assert roles_of(record, "Ito Kenji") == ["chief-of-general-staff"]


def test_intelligence_directorate_head_is_a_security_official(extract) -> None:
    record = extract("Head of the Main Intelligence Directorate Ivan Sokol attended the briefing.")
    assert roles_of(record, "Ivan Sokol") == ["security-official"]


def test_a_participle_after_a_comma_is_a_verb_not_part_of_the_next_title(extract) -> None:
    record = extract(
        "Defence Minister Paul Marsh, who is also Deputy Prime Minister, hosted Defence Secretary Tom Hale."
    )
    assert roles_of(record, "Tom Hale") == ["defence-minister"]
