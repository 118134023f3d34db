"""`milgraph query`: run SPARQL over the union of all article graphs and print the answer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from api.query_limits import QueryTooComplex, check_structure
from cli.errors import CommandError, ExitStatus
from cli.options import add_store_option, load_settings, opened_store, text
from cli.output import format_table, write_to_stdout
from graph.sparqltext import query_form
from graph.store import RDF_FORMATS, RESULT_FORMATS, QueryResult, QuerySyntaxError
from ontology import PREFIXES

# What each --format means for a SELECT/ASK answer and for a CONSTRUCT/DESCRIBE graph.
# `table` is parsed from SPARQL JSON results; the others are printed as the store serialised them.
SOLUTION_MEDIA_TYPES = {
    "table": RESULT_FORMATS["json"],
    "json": RESULT_FORMATS["json"],
    "csv": RESULT_FORMATS["csv"],
}
GRAPH_MEDIA_TYPES = {"table": RDF_FORMATS["turtle"], "json": RDF_FORMATS["jsonld"]}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a SPARQL query",
        description="Run a SPARQL query over the union of all article graphs. SELECT prints a table "
        "(IRIs shortened with the milgraph prefixes), ASK prints true or false, CONSTRUCT and DESCRIBE "
        "print Turtle (JSON-LD with --format json).",
    )
    parser.add_argument(
        "query", type=text, metavar="SPARQL", help="the query text, '-' to read it from stdin, or @FILE"
    )
    parser.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)"
    )
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = read_query(args.query)
    try:
        check_structure(text)
    except QueryTooComplex as error:
        raise CommandError(str(error)) from None
    form = query_form(text)
    graph_result = form in ("CONSTRUCT", "DESCRIBE")
    media_types = GRAPH_MEDIA_TYPES if graph_result else SOLUTION_MEDIA_TYPES
    if args.format not in media_types:
        raise CommandError(
            f"a {form} query returns RDF, which --format {args.format} cannot show; use table or json"
        )
    settings = load_settings(store=args.store)
    with opened_store(settings, create=False) as store:
        try:
            result = store.query(text, media_type=media_types[args.format])
        except QuerySyntaxError as error:
            raise CommandError(f"invalid SPARQL: {error}") from None
        if args.format == "table" and not graph_result:
            print(render_solutions(json.loads(b"".join(_chunks(result)))))
        else:
            write_to_stdout(_ending_with_newline(_chunks(result)))
    return ExitStatus.OK


def read_query(argument: str) -> str:
    """The query text itself, or stdin for '-', or a file's contents for '@FILE'."""
    if argument == "-":
        query = decoded(sys.stdin.buffer.read(), "standard input")
    elif argument.startswith("@"):
        path = Path(argument[1:])
        try:
            query = decoded(path.read_bytes(), f"the query file {path}")
        except OSError as error:
            raise CommandError(f"cannot read the query file {path}: {error.strerror}") from None
    else:
        query = argument
    if not query.strip():
        raise CommandError("the query is empty")
    return query


def decoded(data: bytes, source: str) -> str:
    # Editors on Windows start UTF-8 files with a byte order mark, which SPARQL does not expect.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"{source} is not valid UTF-8 (at byte {error.start})") from None


def _chunks(result: QueryResult) -> Iterator[bytes]:
    if isinstance(result.body, bytes):
        yield result.body
    else:
        yield from result.body


def _ending_with_newline(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks, plus a newline if they do not end with one, so the shell prompt starts on its own line."""
    last = b"\n"
    for chunk in chunks:
        if chunk:
            yield chunk
            last = chunk[-1:]
    if last != b"\n":
        yield b"\n"


def render_solutions(document: dict) -> str:
    """An ASK answer as true/false; SELECT rows as an aligned table followed by the row count."""
    if "boolean" in document:
        return "true" if document["boolean"] else "false"
    columns = document["head"]["vars"]
    bindings = document["results"]["bindings"]
    rows = [[_cell(binding.get(name)) for name in columns] for binding in bindings]
    count = f"({len(rows)} row{'' if len(rows) == 1 else 's'})"
    return f"{format_table(columns, rows)}\n{count}"


def _cell(term: dict[str, str] | None) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return _compact(term["value"])
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    return term["value"]


def _compact(iri: str) -> str:
    # The longest namespace wins: id: and role: sit under the milgraph base too.
    matches = [(prefix, namespace) for prefix, namespace in PREFIXES.items() if iri.startswith(namespace)]
    if not matches:
        return f"<{iri}>"
    prefix, namespace = max(matches, key=lambda match: len(match[1]))
    return f"{prefix}:{iri[len(namespace) :]}"
