"""Answers that were wrong (a 500, a parser's message for a bad parameter, a valid update refused)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from server_process import running_oxigraph

from api.events import MAX_OFFSET
from graph import MEMORY, open_store

TOKEN = "wrong-answers-token"
UPDATE = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
TRIPLE = "SELECT ?t WHERE { BIND(TRIPLE(<urn:a>, <urn:b>, <urn:c>) AS ?t) }"


@pytest.fixture(scope="module")
def private_oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_oxigraph(tmp_path_factory.mktemp("wrong-answers")) as url:
        yield url


@pytest.fixture(params=["embedded", "remote"])
def writable(request, make_client):
    """A client with the write token over an empty store of each backend."""
    location = request.getfixturevalue("private_oxigraph") if request.param == "remote" else MEMORY
    store = open_store(location)
    store.update("DROP SILENT ALL")
    yield make_client(store, write_token=TOKEN)
    store.close()


@pytest.mark.parametrize(
    "accept",
    [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ],
)
def test_a_select_binding_a_triple_term_is_answered_in_every_format(client, accept):
    response = client.get("/sparql", params={"query": TRIPLE}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert "urn:c" in response.text
    if accept.endswith("json"):
        term = response.json()["results"]["bindings"][0]["t"]
        assert term["type"] == "triple"
        assert term["value"]["object"] == {"type": "uri", "value": "urn:c"}


def test_a_directional_literal_keeps_its_direction(client):
    query = 'SELECT ?l WHERE { BIND(STRLANGDIR("shalom", "he", "rtl") AS ?l) }'
    term = client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["l"]
    assert term == {"type": "literal", "value": "shalom", "xml:lang": "he", "its:dir": "rtl"}


@pytest.mark.parametrize("route", ["/meetings", "/agreements"])
@pytest.mark.parametrize("offset", ["18446744073709551615", str(MAX_OFFSET + 1)])
def test_an_offset_past_its_range_is_422_naming_the_parameter_and_range(client, route, offset):
    response = client.get(route, params={"offset": offset})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["query", "offset"]
    assert problem["ctx"] == {"le": MAX_OFFSET}


def test_the_largest_offset_is_an_empty_page(client):
    response = client.get("/meetings", params={"offset": MAX_OFFSET})
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "update",
    ["PREFIX ex: <urn:x#>", "BASE <urn:b/>\nPREFIX ex: <urn:x#> # nothing more", 'VERSION "1.2"'],
)
def test_an_update_made_only_of_a_prologue_is_applied(writable, update):
    response = writable.post("/update", content=update, headers=UPDATE)
    assert response.status_code == 204, response.text


@pytest.mark.parametrize(
    ("update", "position"),
    [
        ("INSERT DATA { <urn:a> <urn:b> ", "1:31 (the end of the update)"),
        ("PREFIX ex: <urn:x#>\nDELETE WHERE { ?s ?p ?o", "2:24 (the end of the update)"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> } ; BOGUS <urn:g>", "1:49:"),
    ],
)
def test_a_parse_error_points_into_the_users_text(writable, update, position):
    response = writable.post("/update", content=update, headers=UPDATE)
    assert response.status_code == 400
    assert f"error at {position}" in response.json()["detail"]
