"""The routes the explorer page reads: /suggest, /pair/{a}/{b}, /country/{name}/timeline,
/network/parties, on the seeded sample articles of each backend."""

from tests.api.test_articles import ARTICLE, TOKEN

LVA = "https://w3id.org/milgraph/id/state/LVA"
AZE = "https://w3id.org/milgraph/id/state/AZE"


def labels(client, text: str) -> list[str]:
    response = client.get("/suggest", params={"q": text})
    assert response.status_code == 200
    return [item["label"] for item in response.json()["items"]]


def test_suggestions_match_names_codes_demonyms_and_surnames(client):
    assert labels(client, "Latv")[0] == "Latvia"
    assert labels(client, "lva")[0] == "Latvia"
    assert labels(client, "Latvian")[0] == "Latvia"
    assert "Zakir Hasanov" in labels(client, "hasan")
    assert "Zakir Hasanov" in labels(client, "zak has")


def test_suggestions_say_what_each_is(client):
    items = client.get("/suggest", params={"q": "a"}).json()["items"]
    kinds = {item["label"]: item["kind"] for item in items}
    assert kinds.get("Azerbaijan") == "state"
    people = [item for item in client.get("/suggest", params={"q": "pabriks"}).json()["items"]]
    assert people[0] == {
        "id": "https://w3id.org/milgraph/id/person/artis-pabriks",
        "kind": "person",
        "label": "Artis Pabriks",
        "code": None,
    }


def test_suggestions_for_nothing_known_or_blank_are_empty(client):
    assert labels(client, "qqqzzz") == []
    assert labels(client, "   ") == []
    assert len(client.get("/suggest", params={"q": "a", "limit": 2}).json()["items"]) <= 2


def test_pair_lists_the_meetings_and_the_agreement_in_date_order(client):
    response = client.get("/pair/Latvia/AZE")
    assert response.status_code == 200
    body = response.json()
    assert [p["id"] for p in body["parties"]] == [LVA, AZE]
    assert body["agreements"] == 1
    assert body["meetings"] >= 1
    dates = [e["date"] or "" for e in body["events"]]
    assert dates == sorted(dates)
    agreement = next(e for e in body["events"] if e["kind"] == "agreement")
    assert agreement["title"].startswith("Agreement on Defence Cooperation")
    meeting = next(e for e in body["events"] if e["kind"] == "meeting" and e["date"] == "2022-04-26")
    assert meeting["sources"][0]["evidence"][0]["sentence"]
    assert body["first"] == body["last"] == "2022-04-26"


def test_pair_pages_and_either_order(client):
    first = client.get("/pair/AZE/LVA", params={"limit": 1}).json()
    assert [p["code"] for p in first["parties"]] == ["AZE", "LVA"]
    assert len(first["events"]) == 1
    assert first["next_offset"] == 1
    everything = client.get("/pair/Latvia/Azerbaijan").json()
    assert first["events"][0] == everything["events"][0]


def test_pair_of_unknown_or_same_party_is_404(client):
    unknown = client.get("/pair/Latvia/Atlantis")
    assert unknown.status_code == 404
    assert "Atlantis" in unknown.json()["detail"]
    assert client.get("/pair/Latvia/LVA").status_code == 404


def test_pair_outside_the_date_range_is_empty(client):
    body = client.get("/pair/Latvia/Azerbaijan", params={"from": "2023"}).json()
    assert body["events"] == [] and body["meetings"] == body["agreements"] == 0


def test_timeline_counts_latvias_events_by_month_and_partner(client):
    body = client.get("/country/Latvia/timeline").json()
    assert body["by"] == "month"
    assert body["partners"][0]["code"] == "AZE"
    april = [c for c in body["counts"] if c["period"] == "2022-04" and c["partner"] == "AZE"]
    assert april == [{"period": "2022-04", "partner": "AZE", "meetings": 1, "calls": 0, "agreements": 1}]
    by_year = client.get("/country/LVA/timeline", params={"by": "year"}).json()
    assert {c["period"] for c in by_year["counts"]} == {"2022"}


def test_timeline_of_an_unknown_party_or_a_bad_period_is_refused(client):
    assert client.get("/country/Atlantis/timeline").status_code == 404
    assert client.get("/country/Latvia/timeline", params={"by": "week"}).status_code == 422


def test_party_network_weighs_pairs_by_their_events(client):
    body = client.get("/network/parties").json()
    link = next(link for link in body["links"] if {link["source"], link["target"]} == {LVA, AZE})
    assert link["agreements"] == 1
    assert link["weight"] == link["meetings"] + link["agreements"]
    weights = [link["weight"] for link in body["links"]]
    assert weights == sorted(weights, reverse=True)
    nodes = {node["id"] for node in body["nodes"]}
    assert {LVA, AZE} <= nodes
    assert all(link["source"] in nodes and link["target"] in nodes for link in body["links"])


def test_party_network_over_dates_and_thresholds(client):
    assert client.get("/network/parties", params={"from": "2030"}).json() == {"nodes": [], "links": []}
    heavy = client.get("/network/parties", params={"min_events": 3}).json()
    assert all(link["weight"] >= 3 for link in heavy["links"])


def test_the_new_routes_are_documented_with_examples(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/suggest", "/pair/{a}/{b}", "/country/{name}/timeline", "/network/parties"):
        assert path in paths
        assert paths[path]["get"]["summary"]


def test_party_network_follows_writes(memory_store, make_client):
    writable = make_client(memory_store, write_token=TOKEN)
    assert writable.get("/network/parties").json()["links"] == []
    response = writable.post("/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    links = writable.get("/network/parties").json()["links"]
    assert [(link["source"], link["target"], link["meetings"]) for link in links] == [(AZE, LVA, 1)]
