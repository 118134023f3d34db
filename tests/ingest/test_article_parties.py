"""Parties read from the article as a whole, before meetings: lists, counterparts, hosts, datelines."""

from __future__ import annotations

from ingest.places import city_state


def parties(record) -> dict[str, str | None]:
    return {p.name: p.party.code if p.party else None for p in record.people}


def test_respective_list_gives_each_person_their_party(extract) -> None:
    record = extract(
        "The chiefs of staff of Peru and Ecuador, General Tomas Quispe and General Raul Andrade, "
        "signed a border protocol on Monday."
    )
    assert parties(record) == {"Tomas Quispe": "PER", "Raul Andrade": "ECU"}


def test_counterpart_apposition_names_the_partner_and_not_the_subject(extract) -> None:
    record = extract(
        "NAIROBI: Defence Minister Joseph Kamau on Tuesday spoke by phone with Ali Hassan, "
        "his Somali counterpart, about the border."
    )
    assert parties(record)["Ali Hassan"] == "SOM"
    assert parties(record)["Joseph Kamau"] == "KEN"
    kinds = {p.name: [r.role for r in p.roles] for p in record.people}
    assert kinds["Ali Hassan"] == ["defence-minister"]


def test_host_receiving_in_a_city_is_of_its_state(extract) -> None:
    record = extract(
        "Peruvian Defence Minister Ana Rojas arrived for a three-day visit on Sunday. "
        "Her delegation was received in Tel Aviv by the commander of the navy, Admiral David Cohen, "
        "on Monday."
    )
    assert parties(record)["David Cohen"] == "ISR"


def test_host_receiving_the_visitor_is_of_the_state_visited(extract) -> None:
    record = extract(
        "Portuguese Defence Minister Rui Costa arrived in Ulaanbaatar on Sunday. "
        "The visitor was later received by President Bat Erdene."
    )
    assert parties(record)["Bat Erdene"] == "MNG"


def test_dateline_state_is_the_home_of_an_official_named_by_office(extract) -> None:
    record = extract(
        "ANKARA — Defence Minister Ahmet Yilmaz received Romanian Defence Minister Ion Popa on Monday "
        "to discuss cooperation between Turkey and Romania."
    )
    assert parties(record) == {"Ahmet Yilmaz": "TUR", "Ion Popa": "ROU"}


def test_dateline_of_a_venue_gives_no_party(extract) -> None:
    # Written from elsewhere: the writer names the dateline state's official by nationality.
    record = extract(
        "ANKARA — Defence Minister Rui Costa met Turkish Defence Minister Ahmet Yilmaz on Monday "
        "to discuss cooperation between Portugal and Turkey."
    )
    assert parties(record)["Rui Costa"] != "TUR"


def test_cities_beyond_capitals_are_placed_in_their_state() -> None:
    assert city_state("Sochi") == "RUS"
    assert city_state("Hà Nội") == "VNM"
    assert city_state("Tel-Aviv") == "ISR"
    assert city_state("Zzyzxville") is None


def test_counterpart_before_the_name_is_not_the_subjects_party(extract) -> None:
    record = extract(
        "BRUSSELS — Defence Minister Lena Berg met her Polish counterpart Jan Nowak, "
        "and the two discussed the situation in the Baltic with Estonian officials."
    )
    assert parties(record)["Jan Nowak"] == "POL"
    assert parties(record)["Lena Berg"] != "POL"


def test_those_called_on_are_hosts(extract) -> None:
    record = extract(
        "Chilean Navy Commander Admiral Luis Rojas arrived in Malé on Monday. "
        "He paid a courtesy call on the Chief of Defence Force, Major General Ahmed Nasir."
    )
    assert parties(record)["Ahmed Nasir"] == "MDV"


def test_predecessor_held_the_same_office_for_the_same_party(extract) -> None:
    record = extract(
        "Portuguese Defence Minister Rui Costa met Spanish officials in Madrid on Monday. "
        "In 2019 Costa's predecessor, Mário Lopes, had signed a similar accord."
    )
    lopes = next(p for p in record.people if p.name == "Mário Lopes")
    assert lopes.party.code == "PRT"
    assert [r.role for r in lopes.roles] == ["defence-minister"]


def test_an_entourage_is_of_one_side(extract) -> None:
    record = extract(
        "Nepalese Army Chief General Hari Thapa met Indian officials in Delhi on Monday. "
        "He was accompanied by Nepal's Ambassador to India, Ram Karki; the Military Adviser, "
        "Colonel Dev Rana; and the Defence Attaché, Major Sita Gurung."
    )
    assert parties(record)["Dev Rana"] == "NPL"
    assert parties(record)["Sita Gurung"] == "NPL"


def test_a_dateline_outside_the_storys_pair_is_a_venue(extract) -> None:
    record = extract(
        "KUALA LUMPUR — Defence Minister Ravi Menon on Friday met US Defense Secretary John Carter "
        "in the Malaysian capital, where the two signed a US-India framework. "
        "The US-India partnership was praised by both sides."
    )
    assert parties(record)["Ravi Menon"] != "MYS"


def test_the_subject_of_a_counterpart_is_of_the_storys_other_state(extract) -> None:
    record = extract(
        "National Defence Minister Petros Nikas met his Turkish counterpart Ahmet Yilmaz on Thursday. "
        "Greek-Turkish relations have been tense, and Greece wants calm in the Aegean."
    )
    assert parties(record) == {"Petros Nikas": "GRC", "Ahmet Yilmaz": "TUR"}


def test_the_head_of_a_delegation_is_of_its_party(extract) -> None:
    record = extract(
        "GENEVA — Defence Minister Carlos Ruiz, who is heading Peru's delegation to the conference, "
        "met Swiss officials on Friday."
    )
    assert parties(record)["Carlos Ruiz"] == "PER"


def test_a_signatory_is_of_the_party_signed_for(extract) -> None:
    record = extract(
        "The agreement was signed in Lima on Monday. The Minister of Defence, Jorge Soto, signed for Peru "
        "and the Director of the Federal Service, Ivan Petrov, for Russia."
    )
    assert parties(record)["Jorge Soto"] == "PER"
    assert parties(record)["Ivan Petrov"] == "RUS"
