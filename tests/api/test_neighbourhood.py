"""GET /neighbourhood/{node}: ego graphs for a graph view."""

LVA = "https://w3id.org/milgraph/id/state/LVA"
HASANOV = "https://w3id.org/milgraph/id/person/zakir-hasanov"


def test_one_hop_around_a_state_reaches_its_events_and_people(client):
    body = client.get("/neighbourhood/state/LVA", params={"hops": 1}).json()
    assert body["centre"] == LVA
    types = {n["id"]: n["type"] for n in body["nodes"]}
    assert types[LVA] == "state"
    assert {"meeting", "agreement", "person"} <= set(types.values())
    assert HASANOV not in types
    for edge in body["edges"]:
        assert edge["source"] in types and edge["target"] in types
        assert LVA in (edge["source"], edge["target"])


def test_two_hops_reach_the_partners_people(client):
    body = client.get("/neighbourhood/Latvia", params={"hops": 2}).json()
    labels = {n["label"]: n for n in body["nodes"]}
    assert labels["Zakir Hasanov"]["type"] == "person"
    assert labels["Azerbaijan"]["type"] == "state"
    assert {"type": "signatory", "target": HASANOV} in [
        {"type": e["type"], "target": e["target"]} for e in body["edges"]
    ]


def test_a_person_by_name_is_a_centre_too(client):
    body = client.get("/neighbourhood/Zakir Hasanov").json()
    assert body["centre"] == HASANOV
    assert any(
        e == {"source": HASANOV, "target": "https://w3id.org/milgraph/id/state/AZE", "type": "memberOf"}
        for e in body["edges"]
    )


def test_the_size_cap_truncates(seeded_store, make_client):
    small = make_client(seeded_store, max_neighbourhood_nodes=3)
    body = small.get("/neighbourhood/state/AZE", params={"hops": 2}).json()
    assert len(body["nodes"]) <= 3
    assert body["truncated"] is True


def test_hops_out_of_range_and_unknown_nodes_are_clear_errors(client):
    for hops in (0, 4):
        response = client.get("/neighbourhood/state/LVA", params={"hops": hops})
        assert response.status_code == 422
        assert "hops" in str(response.json()["detail"])
    unknown = client.get("/neighbourhood/person/nobody-at-all")
    assert unknown.status_code == 404
    assert "person/nobody-at-all" in unknown.json()["detail"]
    assert client.get("/neighbourhood/state/L V A").status_code == 404
    assert client.get("/neighbourhood/state/LVA", params={"hops": 3}).status_code == 200
