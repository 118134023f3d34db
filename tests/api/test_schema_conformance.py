"""Answers as the OpenAPI document says: statuses documented, 422 bodies in schema, 401 vs 403, Allow."""

from __future__ import annotations

import pytest

TOKEN = "conformance-token"
UPDATE = 'INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> "c" } }'
SPARQL_UPDATE = {"Content-Type": "application/sparql-update"}


@pytest.fixture
def writable(memory_store, make_client):
    return make_client(memory_store, write_token=TOKEN)


@pytest.mark.parametrize(
    ("route", "send"),
    [
        ("/update", {"content": UPDATE, "headers": SPARQL_UPDATE}),
        ("/sparql", {"data": {"update": UPDATE}}),
        ("/articles", {"json": {"id": "a1", "text": "The ministers met."}}),
    ],
)
def test_a_write_without_a_token_is_401_and_with_a_wrong_one_403(writable, route, send):
    missing = writable.post(route, **send)
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    send = {**send, "headers": {**send.get("headers", {}), "Authorization": "Bearer wrong"}}
    assert writable.post(route, **send).status_code == 403


def test_a_read_only_server_refuses_writes_with_403_token_or_not(client):
    assert client.post("/update", content=UPDATE, headers=SPARQL_UPDATE).status_code == 403
    headers = {**SPARQL_UPDATE, "Authorization": "Bearer anything"}
    assert client.post("/update", content=UPDATE, headers=headers).status_code == 403


@pytest.mark.parametrize(
    ("path", "allowed"), [("/sparql", "GET, POST"), ("/update", "POST"), ("/meetings", "GET")]
)
@pytest.mark.parametrize("method", ["OPTIONS", "DELETE", "PUT"])
def test_a_method_not_allowed_names_every_method_the_path_takes(client, path, allowed, method):
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed


def validation_error_shape(body: dict) -> None:
    assert isinstance(body["detail"], list)
    for problem in body["detail"]:
        assert {"loc", "msg", "type"} <= problem.keys()
        assert isinstance(problem["loc"], list) and isinstance(problem["msg"], str)


@pytest.mark.parametrize(
    "params", [{"from": "26/04/2022"}, {"to": "2022-02-30"}, {"from": "2023", "to": "2022"}]
)
@pytest.mark.parametrize("route", ["/meetings", "/agreements", "/country/Latvia/relations"])
def test_a_bad_date_is_422_in_the_documented_shape(client, route, params):
    response = client.get(route, params=params)
    assert response.status_code == 422
    validation_error_shape(response.json())
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_the_statuses_routes_give_are_documented(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"400", "401", "403", "413", "415"} <= paths["/sparql"]["post"]["responses"].keys()
    assert {"400", "401", "403", "413", "415"} <= paths["/update"]["post"]["responses"].keys()
    assert {"401", "403", "413", "422"} <= paths["/articles"]["post"]["responses"].keys()
