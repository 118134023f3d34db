"""GET /health and the OpenAPI documentation."""

import json


def test_health_names_the_store(client, seeded_store):
    assert client.get("/health").json() == {"status": "ok", "store": seeded_store.location}


def test_every_route_is_documented_with_an_example(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            text = json.dumps(operation)
            referenced = [schemas[ref.rsplit("/", 1)[-1]] for ref in referenced_schemas(operation)]
            assert '"example' in text or any("examples" in s for s in referenced), (
                f"{method.upper()} {path} has no example"
            )
    assert client.get("/docs").status_code == 200


def referenced_schemas(node) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if "$ref" in node else []
        return found + [ref for value in node.values() for ref in referenced_schemas(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in referenced_schemas(value)]
    return []
