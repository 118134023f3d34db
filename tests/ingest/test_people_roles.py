from __future__ import annotations


def people(record) -> dict[str, tuple]:
    return {
        p.name: (p.party.code if p.party else None, [r.role for r in p.roles], p.rank) for p in record.people
    }


def test_titles_and_ranks_are_stripped_and_surnames_resolved(extract) -> None:
    record = extract(
        "Hungarian Defence Minister Major General Peter Novak met his Estonian counterpart Mart Kask. "
        "Novak thanked Kask for the visit."
    )
    assert people(record) == {
        "Peter Novak": ("HUN", ["defence-minister"], "Major General"),
        "Mart Kask": ("EST", ["defence-minister"], None),
    }
    assert record.people[0].roles[0].title == "Defence Minister"
    assert "Peter Novak" in record.people[0].evidence.sentence


def test_double_title_gives_two_roles(extract) -> None:
    record = extract(
        "Deputy Defence Minister of Ukraine – Chief of the General Staff, "
        "Colonel General Ivan Petrenko spoke at the forum."
    )
    party, roles, rank = people(record)["Ivan Petrenko"]
    assert party == "UKR" and rank == "Colonel General"
    assert sorted(roles) == ["chief-of-general-staff", "deputy-defence-minister"]


def test_appositive_title_after_the_name(extract) -> None:
    record = extract("Lt-Gen Tomas Berg, the Swedish Chief of Defence, opened the exercise.")
    assert people(record)["Tomas Berg"] == ("SWE", ["chief-of-general-staff"], "Lieutenant General")


def test_head_of_an_organisation_is_an_official(extract) -> None:
    record = extract("NATO Secretary General Paul Olsen addressed the summit.")
    assert people(record)["Paul Olsen"] == ("NATO", ["official"], None)


def test_honorific_is_not_part_of_the_name_and_marks_later_first_name_mentions(extract) -> None:
    record = extract(
        "Prince Faisal bin Nasser, the Omani Minister of Defence, met Greek Defence Minister Nikos Papas "
        "in Athens. Prince Faisal later visited the port."
    )
    assert people(record)["Faisal bin Nasser"] == ("OMN", ["defence-minister"], None)
    assert [p.name for p in record.people] == ["Faisal bin Nasser", "Nikos Papas"]


def test_a_side_or_a_delegation_names_the_party_of_everyone_listed(extract) -> None:
    record = extract(
        "The Dutch delegation included: Admiral Jan de Vries and Colonel Pieter Bakker. "
        "On the Peruvian side, General Carlos Ramos and Admiral Luis Soto attended the talks."
    )
    found = people(record)
    assert found["Jan de Vries"] == ("NLD", [], "Admiral")
    assert found["Pieter Bakker"] == ("NLD", [], "Colonel")
    assert found["Carlos Ramos"] == ("PER", [], "General")


def test_a_title_before_the_verb_of_the_clause_is_not_the_named_persons(extract) -> None:
    record = extract(
        "Polish Ambassador Anna Wrobel met Defence Minister Lars Berg. On that occasion the ambassador "
        "introduced to the minister the newly appointed Polish military attaché, Colonel Jan Nowak."
    )
    nowak = next(p for p in record.people if p.name == "Jan Nowak")
    assert [r.role for r in nowak.roles] == ["military-attache"]


def test_a_lower_case_particle_joined_by_a_hyphen_stays_in_the_name(extract) -> None:
    record = extract("Then Foreign Minister Prince Nayef al-Harbi visited Amman in 2004.")
    assert [p.name for p in record.people] == ["Nayef al-Harbi"]


def test_a_rank_word_after_a_name_is_a_given_name(extract) -> None:
    record = extract(
        "The memorandum was signed in Tokyo by Japan's Minister of Defence, Tanaka Gen.\n\n"
        "Chilean officials welcomed it."
    )
    tanaka = next(p for p in record.people if p.name == "Tanaka Gen")
    assert (tanaka.party.code, [r.role for r in tanaka.roles], tanaka.rank) == (
        "JPN",
        ["defence-minister"],
        None,
    )


def test_a_lone_capital_before_a_full_name_is_an_initial(extract) -> None:
    record = extract(
        "Sharing pictures of the talks, the Indian Defence Ministry's Principal Spokesperson, "
        "A Ravi Kumar Rao, described the session as a step forward."
    )
    assert [p.name for p in record.people] == ["A Ravi Kumar Rao"]
