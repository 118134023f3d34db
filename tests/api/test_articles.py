"""POST /articles: ingest one article with the write token, get its facts back."""

TOKEN = "s3cret-test-token"
ARTICLE = {
    "id": "api-test-001",
    "text": "Azerbaijani Defence Minister Colonel General Zakir Hasanov met with Latvian Defence Minister "
    "Artis Pabriks in Baku on April 26. The ministers discussed military cooperation.",
    "published": "2022-04-27",
    "source": "Azernews",
}


def test_an_article_is_refused_without_the_token(client):
    response = client.post("/articles", json=ARTICLE)
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert client.get("/person/Zakir Hasanov").status_code == 200


def test_an_ingested_article_answers_with_its_facts_and_joins_the_graph(memory_store, make_client):
    writable = make_client(memory_store, write_token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert (
        writable.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer wrong"}).status_code == 403
    )

    first = writable.post("/articles", json=ARTICLE, headers=auth)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "added"
    facts = first.json()["facts"]
    assert facts["article"] == "api-test-001"
    assert facts["published"] == "2022-04-27"
    people = {p["name"]: p for p in facts["people"]}
    assert people["Zakir Hasanov"]["party"] == "AZE"
    assert people["Artis Pabriks"]["party"] == "LVA"
    assert [m["parties"] for m in facts["meetings"]] == [["AZE", "LVA"]]

    again = writable.post("/articles", json=ARTICLE, headers=auth)
    assert again.json()["status"] == "unchanged"
    assert again.json()["facts"] == facts
    relations = writable.get("/country/LVA/relations").json()
    assert [p["party"]["code"] for p in relations["partners"]] == ["AZE"]


def test_a_bad_article_is_422_naming_the_field(memory_store, make_client):
    writable = make_client(memory_store, write_token=TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for field, value in (("published", "2022-02-30"), ("text", "   "), ("id", "")):
        response = writable.post("/articles", json={**ARTICLE, field: value}, headers=auth)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]
    missing = writable.post("/articles", json={"id": "x"}, headers=auth)
    assert missing.status_code == 422


def test_close_matches_include_what_was_just_ingested(memory_store, make_client):
    writable = make_client(memory_store, write_token=TOKEN)
    assert writable.get("/person/Zakir Hasanof").json()["suggestions"] == []
    assert writable.get("/country/Latvija/relations").json()["suggestions"] == []
    response = writable.post("/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert writable.get("/person/Zakir Hasanof").json()["suggestions"] == ["Zakir Hasanov"]
    assert "Latvia" in writable.get("/country/Latvija/relations").json()["suggestions"]
