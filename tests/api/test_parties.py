"""GET /countries and GET /country/{name}/relations on the seeded sample articles."""

import pytest

AZE = "https://w3id.org/milgraph/id/state/AZE"


def partner(relations: dict, code: str) -> dict:
    found = [p for p in relations["partners"] if p["party"]["code"] == code]
    assert found, f"no partner {code} in {[p['party']['code'] for p in relations['partners']]}"
    return found[0]


def test_countries_lists_every_party_with_counts(client):
    body = client.get("/countries").json()
    parties = {p["code"]: p for p in body["parties"]}
    assert body["count"] == len(body["parties"])
    assert parties["LVA"]["name"] == "Latvia"
    assert parties["LVA"]["kind"] == "state"
    assert parties["LVA"]["agreements"] == 1
    assert parties["AZE"]["meetings"] >= parties["LVA"]["meetings"] >= 1
    assert parties["NATO"]["kind"] == "organisation"


def test_latvia_met_and_signed_with_azerbaijan_on_26_april_2022(client):
    response = client.get("/country/Latvia/relations")
    assert response.status_code == 200
    body = response.json()
    assert body["party"]["code"] == "LVA"
    azerbaijan = partner(body, "AZE")
    assert azerbaijan["party"]["id"] == AZE
    assert azerbaijan["agreements"] == 1
    on_the_day = [e for e in azerbaijan["events"] if e["date"] == "2022-04-26"]
    assert [e["kind"] for e in on_the_day if e["kind"] == "meeting"] == ["meeting"]
    assert [e["kind"] for e in on_the_day if e["kind"] == "agreement"] == ["agreement"]
    assert azerbaijan["first"] == "2022-04-26"


def test_each_event_names_its_people_and_its_source_sentence(client):
    azerbaijan = partner(client.get("/country/Latvia/relations").json(), "AZE")
    agreement = next(e for e in azerbaijan["events"] if e["kind"] == "agreement")
    assert agreement["title"].startswith("Agreement on Defence Cooperation")
    assert {p["code"] for p in agreement["parties"]} == {"AZE", "LVA"}
    people = {p["name"]: p for p in agreement["participants"]}
    assert people["Zakir Hasanov"]["party"] == "AZE"
    assert "defence-minister" in people["Artis Pabriks"]["roles"]
    [source] = agreement["sources"]
    assert source["article"] == "004_23ce66ccd23087cf"
    assert source["published"] == "2022-04-27"
    assert any("Agreement on Defence Cooperation" in e["sentence"] for e in source["evidence"])


@pytest.mark.parametrize("name", ["latvia", "LVA", "lv", "Latvian", "LATVIAN", "Republic of Latvia"])
def test_a_party_is_found_by_name_code_or_demonym_in_any_case(client, name):
    response = client.get(f"/country/{name}/relations")
    assert response.status_code == 200, response.text
    assert response.json() == client.get("/country/Latvia/relations").json()


def test_events_come_a_page_at_a_time_with_counts_over_all_of_them(client):
    whole = client.get("/country/Azerbaijan/relations", params={"limit": 500}).json()
    assert (whole["limit"], whole["offset"], whole["next_offset"]) == (500, 0, None)
    counts = [
        (p["party"]["code"], p["meetings"], p["agreements"], p["first"], p["last"]) for p in whole["partners"]
    ]
    paged, offset = [], 0
    while offset is not None:
        page = client.get("/country/Azerbaijan/relations", params={"limit": 1, "offset": offset}).json()
        events = [e["id"] for p in page["partners"] for e in p["events"]]
        assert len(set(events)) <= 1
        assert [
            (p["party"]["code"], p["meetings"], p["agreements"], p["first"], p["last"])
            for p in page["partners"]
        ] == counts
        paged += events[:1]
        offset = page["next_offset"]
    every = {e["id"]: e["date"] or "" for p in whole["partners"] for e in p["events"]}
    assert len(paged) == len(every) >= 2
    assert paged == sorted(every, key=lambda e: (every[e], e))


def test_a_bad_page_of_relations_is_422(client):
    assert client.get("/country/Latvia/relations", params={"limit": 0}).status_code == 422
    assert client.get("/country/Latvia/relations", params={"offset": -1}).status_code == 422


def test_filters_by_kind_and_date(client):
    agreements = client.get("/country/Latvia/relations", params={"kind": "agreement"}).json()
    assert {e["kind"] for p in agreements["partners"] for e in p["events"]} == {"agreement"}
    later = client.get("/country/Latvia/relations", params={"from": "2022-05"}).json()
    assert later["partners"] == []
    april = client.get("/country/Latvia/relations", params={"from": "2022-04", "to": "2022-04"}).json()
    assert partner(april, "AZE")["agreements"] == 1


def test_an_unknown_country_is_404_with_close_matches(client):
    response = client.get("/country/Latvija/relations")
    assert response.status_code == 404
    assert "Latvija" in response.json()["detail"]
    assert "Latvia" in response.json()["suggestions"]
    assert client.get("/country/Azerbaijan/relations").status_code == 200


def test_a_reversed_or_malformed_date_range_is_422(client):
    reversed_range = client.get("/country/Latvia/relations", params={"from": "2023", "to": "2022"})
    assert reversed_range.status_code == 422
    [problem] = reversed_range.json()["detail"]
    assert (problem["loc"], problem["type"]) == (["query", "from"], "value_error")
    assert "after" in problem["msg"]
    malformed = client.get("/country/Latvia/relations", params={"from": "26/04/2022"})
    assert malformed.status_code == 422
    [problem] = malformed.json()["detail"]
    assert problem["loc"] == ["query", "from"]
    assert "YYYY-MM-DD" in problem["msg"]
