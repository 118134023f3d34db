"""Name spans repaired from token shape, non-names rejected, short mentions linked by any name part."""

from __future__ import annotations


def names(record) -> list[str]:
    return [p.name for p in record.people]


def test_particle_chains_join_one_name(extract) -> None:
    record = extract(
        "Defence Minister Rodrigo de la Fuente met General Pedro Costa e Almeida and "
        "Brigadier Faisal bin Hamad bin Rashid Al-Mansouri in the capital."
    )
    assert names(record) == [
        "Rodrigo de la Fuente",
        "Pedro Costa e Almeida",
        "Faisal bin Hamad bin Rashid Al-Mansouri",
    ]


def test_academic_and_professional_honorifics_stay_outside_the_name(extract) -> None:
    record = extract(
        "Ambassador Prof. Musa Y. Danjuma and the adviser, Eng. Samir Haddad, attended the talks in Abuja."
    )
    assert names(record) == ["Musa Y. Danjuma", "Samir Haddad"]


def test_retirement_mark_after_the_rank(extract) -> None:
    record = extract("The talks were chaired by General (Retd) Nimal Perera in Kandy.")
    assert names(record) == ["Nimal Perera"]
    assert record.people[0].rank == "General"


def test_a_monarch_goes_by_one_name_and_is_not_a_namesake_s_surname(extract) -> None:
    record = extract(
        "Crown Prince Hamad bin Faisal met the visitors in Manama. King Faisal later received them too."
    )
    assert names(record) == ["Hamad bin Faisal", "Faisal"]
    king = record.people[1]
    assert [r.role for r in king.roles] == ["head-of-state"]


def mentions(extractor, text: str) -> dict[str, list[str]]:
    doc = extractor.nlp(text)
    return {p["name"]: [doc[s:e].text for s, e in p["mentions"]] for p in doc._.people}


def test_hyphenated_one_word_name_after_a_rank_is_a_person_and_its_parts_link(extractor) -> None:
    found = mentions(
        extractor,
        "Army Chief General Rahim-Ul-Haq met Defence Minister Ivo Petrov. "
        "Rahim thanked Petrov for the visit.",
    )
    assert found == {"Rahim-Ul-Haq": ["Rahim-Ul-Haq", "Rahim"], "Ivo Petrov": ["Ivo Petrov", "Petrov"]}


def test_surname_first_name_links_its_first_word(extractor) -> None:
    found = mentions(
        extractor,
        "Japanese Defence Minister Tanabe Kazuo met his Indian counterpart in Tokyo on Monday. "
        "Tanabe said the talks were useful.",
    )
    assert found == {"Tanabe Kazuo": ["Tanabe Kazuo", "Tanabe"]}


def test_title_cased_headline_words_are_not_names(extract) -> None:
    record = extract(
        "Pentagon Chief, Chilean Defence Minister Review Joint Training Plans\n"
        "Defence Minister Paula Reyes met the visitors on Monday."
    )
    assert names(record) == ["Paula Reyes"]


def test_a_capitalised_run_before_a_place_noun_is_a_place(extract) -> None:
    record = extract("Minister Anton Weiss toured the clean-up work at Tan Son airbase on Friday.")
    assert names(record) == ["Anton Weiss"]


def test_the_start_of_an_organisation_name_after_a_country_is_no_person(extract) -> None:
    record = extract(
        "They discussed the Chile-Peru Pacific Security and Maritime Partnership with Minister Ian Roe."
    )
    assert names(record) == ["Ian Roe"]


def test_institution_named_like_a_person_is_rejected(extract) -> None:
    record = extract("The minister laid the foundation stone of a Canada–Peru Technical College in Lima.")
    assert names(record) == []


def test_a_name_followed_by_a_year_is_an_event_everywhere(extract) -> None:
    record = extract(
        "Defence Minister Ivo Stan watched the drill Iron Wolf 2024 near Riga with General Paul Iron. "
        "Iron Wolf ended on Friday with Ambassador Tom Wolf."
    )
    assert names(record) == ["Ivo Stan", "Paul Iron", "Tom Wolf"]


def test_a_headline_name_that_the_body_repeats_is_kept(extract) -> None:
    record = extract(
        "Defence Secretary Ruth Bader Meets Navy Chiefs In Lisbon\n"
        "Ruth Bader, the defence secretary, arrived in Lisbon on Monday."
    )
    assert names(record) == ["Ruth Bader"]


def test_a_name_before_an_apposed_title_is_a_person_even_when_read_as_a_place(extract) -> None:
    record = extract(
        "Novak also met Marta Ruiz, Portugal's Minister of Defence, and Ivo Kral, head of the Czech "
        "General Staff. Speaking in New Delhi, the Defence Minister said the talks went well."
    )
    assert names(record) == ["Marta Ruiz", "Ivo Kral"]


def test_a_country_s_possessive_introduces_a_full_name_but_not_a_force(extract) -> None:
    record = extract(
        "The minister met Spain's Margarita Robles in Madrid, and praised Iran's Revolutionary Guards."
    )
    assert names(record) == ["Margarita Robles"]
    assert record.people[0].party.code == "ESP"


def test_a_sentence_cut_at_a_rank_abbreviation_is_no_headline(extract) -> None:
    record = extract(
        "Maj. Gen. Omar Al-Hadi, Director of Military Operations, and Brig. Gen. Sami Fares attended."
    )
    assert names(record) == ["Omar Al-Hadi", "Sami Fares"]


def test_rank_abbreviation_with_a_single_full_stop(extract) -> None:
    record = extract("The minister met Lt Gen. Arun Mehra and Maj Gen. Ravi Das in New Delhi.")
    assert [(p.name, p.rank) for p in record.people] == [
        ("Arun Mehra", "Lieutenant General"),
        ("Ravi Das", "Major General"),
    ]


def test_a_name_after_with_and_before_a_counterpart_phrase_is_a_person(extract) -> None:
    record = extract(
        "Novak held talks with Marta Ruiz, Portugal's Minister of Defence, in Lisbon. "
        "Novak later called Ivo Kral, his Czech counterpart."
    )
    assert names(record) == ["Marta Ruiz", "Ivo Kral"]
    assert [p.party.code for p in record.people] == ["PRT", "CZE"]
