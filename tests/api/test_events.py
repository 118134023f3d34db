"""GET /meetings and GET /agreements: filters and pagination."""


def all_pages(client, path: str, **params) -> list[dict]:
    items, offset = [], 0
    while offset is not None:
        page = client.get(path, params={**params, "limit": 2, "offset": offset}).json()
        assert len(page["items"]) <= 2
        items += page["items"]
        offset = page["next_offset"]
    return items


def test_pages_in_a_stable_date_order_cover_every_meeting_once(client):
    whole = client.get("/meetings", params={"limit": 500}).json()
    assert whole["next_offset"] is None
    paged = all_pages(client, "/meetings")
    assert [m["id"] for m in paged] == [m["id"] for m in whole["items"]]
    assert len({m["id"] for m in paged}) == len(paged) >= 3
    assert {m["kind"] for m in paged} <= {"meeting", "call"}
    dates = [m["date"] for m in paged if m["date"]]
    assert dates == sorted(dates)


def test_meetings_of_a_party_and_of_a_person(client):
    latvian = client.get("/meetings", params={"party": "Latvian"}).json()["items"]
    assert latvian
    assert all("LVA" in {p["code"] for p in m["parties"]} for m in latvian)
    pabriks = client.get("/meetings", params={"person": "Artis Pabriks"}).json()["items"]
    assert {m["id"] for m in pabriks} <= {m["id"] for m in latvian}
    assert all("Artis Pabriks" in {p["name"] for p in m["participants"]} for m in pabriks)


def test_agreements_in_a_date_range(client):
    in_2022 = client.get("/agreements", params={"from": "2022", "to": "2022"}).json()["items"]
    assert "Agreement on Defence Cooperation" in {a["title"][:32] for a in in_2022}
    assert all(a["date"].startswith("2022") for a in in_2022)
    before = client.get("/agreements", params={"to": "2021-12-31"}).json()["items"]
    assert all(a["date"] < "2022" for a in before)
    assert not {a["id"] for a in before} & {a["id"] for a in in_2022}


def test_an_unknown_filter_value_is_404_and_a_bad_page_is_422(client):
    unknown = client.get("/agreements", params={"party": "Atlantis"})
    assert unknown.status_code == 404
    assert "Atlantis" in unknown.json()["detail"]
    assert client.get("/meetings", params={"limit": 0}).status_code == 422
    assert client.get("/meetings", params={"offset": -1}).status_code == 422
