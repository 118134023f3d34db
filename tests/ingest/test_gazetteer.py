from __future__ import annotations

from ingest.gazetteer import load_gazetteer
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
    assert all(len(p.code) == 3 and p.name and p.demonyms and p.alpha2 for p in states)
    assert gazetteer.party("LVA").name == "Latvia"
    assert gazetteer.rank("Lt-Gen") == "Lieutenant General"


def test_capitals_and_titles_only_one_state_uses() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.capital_of("Tehran") == "IRN"
    assert gazetteer.capital_of("Kuala Lumpur") == "MYS"
    assert gazetteer.state_named("Turkey") == "TUR"
    assert gazetteer.title_state("Secretary of Defense") == "USA"
    assert gazetteer.title_state("Defence Minister") is None
