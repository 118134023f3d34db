from __future__ import annotations

from ingest.gazetteer import PARTY_LABELS, load_gazetteer
from ingest.pipeline import Extractor


def ents(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    doc = extractor.nlp(text)
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_]


def test_demonyms_and_alternative_names_resolve_to_the_state(extractor: Extractor) -> None:
    found = ents(
        extractor, "Latvian, Azerbaijani and Belarusian officers visited Türkiye, Turkey and the UK."
    )
    assert ("Latvian", "DEMONYM", "LVA") in found
    assert ("Azerbaijani", "DEMONYM", "AZE") in found
    assert ("Belarusian", "DEMONYM", "BLR") in found
    assert ("Türkiye", "STATE", "TUR") in found and ("Turkey", "STATE", "TUR") in found
    assert ("UK", "STATE", "GBR") in found


def test_organisations_ranks_and_titles(extractor: Extractor) -> None:
    found = ents(extractor, "The Collective Security Treaty Organization and NATO sent Col-Gen staff.")
    assert ("Collective Security Treaty Organization", "IO", "CSTO") in found
    assert ("NATO", "IO", "NATO") in found
    assert ("Col-Gen", "RANK", "Colonel General") in found
    titles = ents(extractor, "The Minister of National Defence met the Chief of General Staff.")
    assert ("Minister of National Defence", "TITLE", "defence-minister") in titles
    assert ("Chief of General Staff", "TITLE", "chief-of-general-staff") in titles


def test_every_state_has_a_name_and_a_demonym() -> None:
    gazetteer = load_gazetteer()
    states = [p for p in gazetteer.parties.values() if p.kind == "state"]
    assert len(states) >= 190
    assert all(len(p.code) == 3 and p.name and p.demonyms and len(p.alpha2) == 2 for p in states)
    assert gazetteer.party("LVA").name == "Latvia"
    assert gazetteer.rank("Lt-Gen") == "Lieutenant General"


def test_capitals_and_titles_only_one_state_uses() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.capital_of("Tehran") == "IRN"
    assert gazetteer.capital_of("Kuala Lumpur") == "MYS"
    assert gazetteer.state_named("Turkey") == "TUR"
    assert gazetteer.title_state("Secretary of Defense") == "USA"
    assert gazetteer.title_state("Defence Minister") is None


def test_states_come_from_iso_3166_with_the_states_it_leaves_out() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.party("COD").alpha2 == "CD" and gazetteer.party("COG").alpha2 == "CG"
    assert gazetteer.party("XKX").name == "Kosovo" and gazetteer.party("XKX").alpha2 == "XK"
    assert gazetteer.state_named("Democratic Republic of the Congo") == "COD"
    assert gazetteer.state_named("Republic of the Congo") == "COG"
    assert gazetteer.state_named("Republic of Korea") == "KOR"
    assert gazetteer.state_named("Kosovo") == "XKX"
    assert gazetteer.capital_of("Kinshasa") == "COD" and gazetteer.capital_of("Brazzaville") == "COG"


def test_names_and_places_match_without_regard_to_accents() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.capital_of("HÀ NỘI") == "VNM" and gazetteer.capital_of("Ha Noi") == "VNM"
    assert gazetteer.capital_of("Brasilia") == gazetteer.capital_of("Brasília") == "BRA"
    assert gazetteer.state_named("Việt Nam") == "VNM" and gazetteer.state_named("Turkiye") == "TUR"


def test_the_entity_ruler_matches_accented_and_plain_spellings(extractor: Extractor) -> None:
    found = ents(extractor, "Officers of Việt Nam, Turkiye and Cote d'Ivoire met Congolese and US staff.")
    assert ("Việt Nam", "STATE", "VNM") in found and ("Turkiye", "STATE", "TUR") in found
    assert ("Cote d'Ivoire", "STATE", "CIV") in found
    assert ("Congolese", "DEMONYM", "COD") in found and ("US", "STATE", "USA") in found
    assert ents(extractor, "Two of us went.") == []


def test_the_democratic_republic_of_the_congo_is_not_the_republic_of_the_congo(extractor: Extractor) -> None:
    found = ents(extractor, "The Democratic Republic of the Congo and the Republic of Congo signed a pact.")
    assert ("Democratic Republic of the Congo", "STATE", "COD") in found
    assert ("Republic of Congo", "STATE", "COG") in found


def test_a_party_named_only_to_be_negated_is_no_party(extractor) -> None:
    doc = extractor.nlp("Peru is a major non-NATO ally, and an anti-Chilean mood is rare there.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("NATO") not in PARTY_LABELS
    assert labels.get("Chilean") not in PARTY_LABELS
    assert labels["Peru"] in PARTY_LABELS
