"""POST /articles with bodies a careless client sends: each a 4xx naming the problem, the graph unchanged."""

from __future__ import annotations

import json

import pytest

from api.articles import MAX_TEXT_CHARS

TOKEN = "s3cret-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "hardening-001",
    "text": "Latvian Defence Minister Artis Pabriks met Estonian Defence Minister Mart Kask in Riga.",
}
ARTICLE_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"


@pytest.fixture
def writable(memory_store, make_client):
    return make_client(memory_store, write_token=TOKEN)


def stored_articles(client) -> int:
    answer = client.get("/sparql", params={"query": ARTICLE_COUNT}).json()
    return int(answer["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("field", "json_value", "says"),
    [
        ("url", '"not a url"', "absolute URL"),
        ("url", '"https://example.org/a b"', "absolute URL"),
        ("id", '"\\udc80"', "string"),
        ("url", '"https://example.org/\\udc80"', "lone surrogate U+DC80 at character 20"),
        ("text", '"lone-\\ud800"', "string"),
        ("source", '"\\udfff"', "lone surrogate U+DFFF"),
    ],
)
def test_a_field_no_graph_can_hold_is_422_naming_it(writable, field, json_value, says):
    # Written by hand: httpx would refuse to encode a lone surrogate. The last "id" wins in JSON.
    body = json.dumps(ARTICLE)[:-1] + f', "{field}": {json_value}}}'
    response = writable.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["body", field]
    assert says in problem["msg"]
    assert stored_articles(writable) == 0


def test_a_text_longer_than_the_pipeline_takes_is_422_without_running_it(writable):
    response = writable.post("/articles", json={**ARTICLE, "text": "a" * (MAX_TEXT_CHARS + 1)}, headers=AUTH)
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"] == ["body", "text"]
    assert f"{MAX_TEXT_CHARS:,}".replace(",", "") in problem["msg"].replace(",", "")
    assert stored_articles(writable) == 0


def test_a_50_mb_body_is_413_with_or_without_the_token(writable):
    body = b'{"id": "big", "text": "' + b"x" * 50_000_000 + b'"}'
    for headers in (AUTH, {}):
        response = writable.post(
            "/articles", content=body, headers={**headers, "Content-Type": "application/json"}
        )
        assert response.status_code == 413
        assert "over the limit" in response.json()["detail"]
    assert stored_articles(writable) == 0
