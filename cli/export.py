"""`milgraph export`: the whole dataset in one RDF serialisation, to stdout or a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.errors import ExitStatus
from cli.options import add_store_option, load_settings, opened_store
from cli.output import write_atomically, write_to_stdout
from graph.store import RDF_FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the whole graph as RDF",
        description="Serialise every article graph. TriG, N-Quads and JSON-LD keep one named graph per "
        "article plus the default graph (their union), so a bulk load restores a working store; "
        "Turtle, N-Triples and RDF/XML hold the union. With -o the file is written under a "
        "temporary name and renamed, so a failed export never leaves a truncated file.",
    )
    parser.add_argument("--format", required=True, choices=sorted(RDF_FORMATS), help="the serialisation")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(store=args.store)
    with opened_store(settings, create=False) as store:
        chunks = store.export(args.format)
        if args.output is None:
            write_to_stdout(chunks)
        else:
            write_atomically(args.output, chunks)
    return ExitStatus.OK
