"""Queries and updates nested or chained past what the engines survive: refused with a 400 naming the limit.

Without the check, such a query aborts an `oxigraph serve` (stack overflow) and segfaults the
embedded store's query process; such an update kills `milgraph serve` itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from server_process import free_port, running_oxigraph, stop, wait_until_answering

from api.query_limits import MAX_DEPTH, MAX_SIZE, QueryTooComplex, check_structure

MILGRAPH = str(Path(sys.executable).parent / "milgraph")
TOKEN = "limits-test-token"
DEEP = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
ASK_ANY = "ASK { ?s ?p ?o }"


def refused(text: str) -> str | None:
    try:
        check_structure(text)
    except QueryTooComplex as error:
        return str(error)
    return None


def largest_passing(make: Callable[[int], str]) -> int:
    """The largest n for which `make(n)` is within the limits (the check is monotone in n)."""
    low, high = 1, 4 * MAX_SIZE
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if refused(make(middle)) is None else (low, middle - 1)
    return low


# Shapes each engine turns into one tree level per bracket or per chained element.
SHAPES: dict[str, Callable[[int], str]] = {
    "nested groups": lambda n: "SELECT * WHERE " + "{" * n + "}" * n,
    "nested parentheses": lambda n: "SELECT * WHERE { FILTER(" + "(" * n + "true" + ")" * n + ") }",
    "nested blank nodes": lambda n: "SELECT * WHERE { ?a <urn:p> " + "[ <urn:p> " * n + "1" + " ]" * n + "}",
    "chained UNION": lambda n: "SELECT * WHERE { " + " UNION ".join(["{}"] * n) + " }",
    "chained operators": lambda n: "SELECT * WHERE { FILTER(" + "+".join(["1"] * n) + " > 0) }",
    "chained BIND": lambda n: "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(n)) + " }",
    "a long pattern": lambda n: (
        "SELECT * WHERE { " + " ".join(f"<urn:s> <urn:p> {i} ." for i in range(n)) + "}"
    ),
    "an object list": lambda n: "SELECT * WHERE { <urn:s> <urn:p> " + ", ".join(map(str, range(n))) + " }",
    "nested EXISTS": lambda n: "ASK { FILTER(" + "EXISTS { FILTER(" * n + "true" + ") }" * n + ") }",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_refused_past_a_limit(shape):
    make = SHAPES[shape]
    passing = largest_passing(make)
    assert passing < 4 * MAX_SIZE
    assert "the limit" in refused(make(passing + 1))


def test_the_message_names_the_limit_and_where_it_was_passed():
    deep = refused("SELECT *\nWHERE " + "{" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1))
    assert f"more than {MAX_DEPTH} brackets" in deep
    assert f"line 2, column {7 + MAX_DEPTH}" in deep
    large = refused("SELECT * WHERE { FILTER(" + "+".join(["1"] * 5000) + ") }")
    assert f"more than {MAX_SIZE:,} brackets, operators, separators and keywords" in large


@pytest.mark.parametrize(
    "hidden",
    [
        '"{{{{"',
        "'(((('",
        '"""\n[[[[ " "" \n"""',
        "'''\n{{{{ ' '' \n'''",
        "<urn:((((>",
        "# {{{{ ((((\n",
        "ex:a\\(\\(\\(\\(",
    ],
)
def test_brackets_inside_strings_iris_comments_and_names_do_not_count(hidden):
    query = "PREFIX ex: <urn:x:> SELECT * WHERE { ?s ?p ?o " + (" " + hidden) * 40 + " }"
    # 160 brackets if they were read as code, past the depth limit.
    assert refused(query) is None


def test_constant_data_is_not_counted_so_bulk_writes_pass():
    triples = " ".join(f'<urn:s{i}> <urn:p> "v{i}", {i} ; <urn:q> (1 2) .' for i in range(20_000))
    assert refused(f"INSERT DATA {{ GRAPH <urn:g> {{ {triples} }} }}") is None
    rows = " ".join(f"({i} <urn:o{i}>)" for i in range(20_000))
    assert refused(f"SELECT * WHERE {{ VALUES (?n ?o) {{ {rows} }} }}") is None


def test_code_after_a_data_block_is_counted_again():
    chain = " UNION ".join(["{}"] * MAX_SIZE)
    assert refused(f"INSERT DATA {{ <urn:a> <urn:b> 1 }} ; DELETE {{}} WHERE {{ {chain} }}")
    assert refused(f"SELECT * WHERE {{ VALUES ?x {{ 1 }} {chain} }}")


def test_an_iri_that_a_parser_reads_as_comparisons_is_counted_as_code():
    # In an expression Oxigraph reads `<` after an operand as "less than", `<((((?b>` included.
    assert refused("ASK { FILTER(?a<" + "(" * (MAX_DEPTH + 1) + "?b>1) }")
    assert refused("ASK { FILTER(?a<?b" + "&&?b" * MAX_SIZE + ">1) }")
    # Where only an operand can come, `<...>` is an IRI whatever it holds.
    assert refused("ASK { FILTER(?a = <urn:((((((>) }") is None


def test_code_point_escapes_are_counted_decoded():
    assert refused("SELECT * WHERE " + "\\u007B" * (MAX_DEPTH + 1))


BRACKETS_AND_OPAQUE = [
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "<<",
    ">>",
    "<urn:a(>",
    '"x{"',
    "'y('",
    "# {\n",
    "ex:a\\(",
]
CODE = [
    "?v",
    "\\u007B",
    " UNION ",
    " . ",
    ", ",
    "+",
    "&&",
    "<",
    ">",
    " VALUES ",
    " DATA ",
    "'" * 3,
    '"' * 3,
    "\n",
]
SPARQL_PIECES = st.sampled_from([*BRACKETS_AND_OPAQUE, *CODE])


@settings(max_examples=300, deadline=None)
@given(st.lists(SPARQL_PIECES, max_size=300).map("".join))
def test_any_text_is_scanned_to_an_answer(text: str) -> None:
    refused(text)


def test_a_query_at_the_limits_is_answered_and_one_past_them_is_400(client):
    for make in SHAPES.values():
        passing = largest_passing(make)
        answered = client.get("/sparql", params={"query": make(passing)})
        assert answered.status_code == 200, answered.text
        too_much = client.get("/sparql", params={"query": make(passing + 1)})
        assert too_much.status_code == 400
        assert "the limit" in too_much.json()["detail"]


@pytest.mark.parametrize("send", ["get", "post-query", "post-form"])
def test_a_query_nested_5000_deep_is_400_and_the_store_serves_on(client, send):
    if send == "get":
        response = client.get("/sparql", params={"query": DEEP})
    elif send == "post-query":
        response = client.post("/sparql", content=DEEP, headers={"Content-Type": "application/sparql-query"})
    else:
        response = client.post("/sparql", data={"query": DEEP})
    assert response.status_code == 400
    assert f"more than {MAX_DEPTH} brackets" in response.json()["detail"]
    assert client.get("/sparql", params={"query": ASK_ANY}).json()["boolean"] is True


@pytest.fixture(params=["embedded", "remote"])
def writable_server(request, tmp_path: Path) -> Iterator[str]:
    """A `milgraph serve` with a write token on an empty store of each backend; yields its URL."""
    with running_oxigraph(tmp_path / "oxigraph") if request.param == "remote" else nullcontext() as remote:
        location = remote or str(tmp_path / "store")
        port = free_port()
        proc = subprocess.Popen(
            [MILGRAPH, "serve", "--store", location, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "MILGRAPH_WRITE_TOKEN": TOKEN},
        )
        url = f"http://127.0.0.1:{port}"
        wait_until_answering(proc, f"{url}/health", name="milgraph serve")
        try:
            yield url
        finally:
            stop(proc)


@pytest.mark.slow
def test_an_update_nested_5000_deep_is_400_and_the_server_serves_on(writable_server):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
    deep = "INSERT { <urn:a> <urn:b> <urn:c> } WHERE " + "{" * 5000 + "}" * 5000
    for route in ("/update", "/sparql"):
        response = httpx.post(f"{writable_server}{route}", content=deep, headers=headers, timeout=30)
        assert response.status_code == 400
        assert f"more than {MAX_DEPTH} brackets" in response.json()["detail"]
    note = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    assert httpx.post(f"{writable_server}/update", content=note, headers=headers).status_code == 204
    answer = httpx.get(f"{writable_server}/sparql", params={"query": ASK_ANY}, timeout=30)
    assert answer.json()["boolean"] is True
