"""GET /person/{name} on the seeded sample articles."""


def test_zakir_hasanov_is_azerbaijans_defence_minister(client):
    response = client.get("/person/Zakir Hasanov")
    assert response.status_code == 200
    person = response.json()
    assert person["id"] == "https://w3id.org/milgraph/id/person/zakir-hasanov"
    assert person["party"]["code"] == "AZE"
    roles = {r["role"]: r for r in person["roles"]}
    assert roles["defence-minister"]["party"] == "AZE"
    assert roles["defence-minister"]["last_seen"] == "2022-04-27"
    assert roles["defence-minister"]["first_seen"] <= roles["defence-minister"]["last_seen"]
    assert any("Minister" in title for title in roles["defence-minister"]["titles"])
    assert "Colonel General" in {r["rank"] for r in person["ranks"]}


def test_a_person_lists_their_events_and_counterparts(client):
    person = client.get("/person/Zakir Hasanov").json()
    assert any(a["title"].startswith("Agreement on Defence Cooperation") for a in person["agreements"])
    assert all(
        "https://w3id.org/milgraph/id/person/zakir-hasanov" in {p["id"] for p in m["participants"]}
        for m in person["meetings"]
    )
    counterparts = {c["name"]: c for c in person["counterparts"]}
    assert counterparts["Artis Pabriks"]["party"] == "LVA"
    assert counterparts["Artis Pabriks"]["agreements"] == 1
    assert "Zakir Hasanov" not in counterparts


def test_names_match_in_any_case_and_without_accents(client):
    assert client.get("/person/zakir hasanov").json()["name"] == "Zakir Hasanov"
    assert client.get("/person/ZAKIR HASANOV").json()["name"] == "Zakir Hasanov"


def test_an_unknown_person_is_404_with_close_matches(client):
    response = client.get("/person/Zakir Hasanof")
    assert response.status_code == 404
    assert response.json()["suggestions"] == ["Zakir Hasanov"]
    assert client.get("/person/Artis Pabriks").status_code == 200
