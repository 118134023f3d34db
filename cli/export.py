"""`milgraph export`: the dataset as RDF, or as a network for Gephi and networkx, to stdout or a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from api.dates import first_day, last_day
from cli.errors import CommandError, ExitStatus
from cli.options import add_store_option, load_settings, opened_store
from cli.output import write_atomically, write_to_stdout
from graph.jsonld import compacted_export
from graph.network import NETWORK_FORMATS, VIEWS, Period, csv_files, network, serialise
from graph.store import RDF_FORMATS
from ingest.records import PartialDate


def date_bound(text: str) -> PartialDate:
    try:
        date = PartialDate.parse(text.strip())
    except ValueError:
        date = None
    if date is None or date.year is None:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD, YYYY-MM or YYYY: {text!r}")
    return date


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the graph as RDF, or as a network (GraphML, GEXF, CSV)",
        description="Serialise the graph. TriG, N-Quads and JSON-LD keep one named graph per "
        "article plus the default graph (their union), so a bulk load restores a working store; "
        "Turtle, N-Triples and RDF/XML hold the union. JSON-LD is compacted with the milgraph "
        "context (ontology/context.jsonld, written into the file). GraphML, GEXF and CSV are the "
        "network of parties, people, events and places (--network whole) or of parties linked by "
        "the events they share, weighted by their number (--network parties); CSV writes "
        "nodes.csv and edges.csv into the folder -o names, or into a zip when it ends in .zip. "
        "With -o a file is written under a temporary name and renamed, so a failed export never "
        "leaves a truncated file.",
    )
    parser.add_argument(
        "--format", required=True, choices=sorted([*RDF_FORMATS, *NETWORK_FORMATS]), help="the output format"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="PATH", help="write here instead of stdout")
    network_options = parser.add_argument_group("networks (graphml, gexf, csv)")
    network_options.add_argument(
        "--network", choices=VIEWS, help="whole graph, or party-to-party network (default: whole)"
    )
    network_options.add_argument(
        "--from", dest="start", type=date_bound, metavar="DATE", help="only events on or after DATE"
    )
    network_options.add_argument(
        "--to", dest="end", type=date_bound, metavar="DATE", help="only events on or before DATE"
    )
    add_store_option(parser)
    parser.set_defaults(run=run)


def period(args: argparse.Namespace) -> Period:
    chosen = Period(first_day(args.start) if args.start else None, last_day(args.end) if args.end else None)
    if chosen.start and chosen.end and chosen.start > chosen.end:
        raise CommandError(f"--from ({args.start}) is after --to ({args.end})")
    return chosen


def run(args: argparse.Namespace) -> int:
    if args.format in RDF_FORMATS and (args.network or args.start or args.end):
        raise CommandError("--network, --from and --to apply to the graphml, gexf and csv formats only")
    if args.format == "csv" and args.output is None:
        raise CommandError("csv writes two files: give -o FOLDER, or -o FILE.zip for one zip file")
    chosen = period(args)
    settings = load_settings(store=args.store)
    with opened_store(settings, create=False) as store:
        if args.format in NETWORK_FORMATS:
            graph = network(store, args.network or "whole", chosen)
            if args.format == "csv" and args.output.suffix.lower() != ".zip":
                write_folder(args.output, csv_files(graph))
                return ExitStatus.OK
            chunks = serialise(graph, args.format)
        elif args.format == "jsonld":
            chunks = compacted_export(store)
        else:
            chunks = store.export(args.format)
        if args.output is None:
            write_to_stdout(chunks)
        else:
            write_atomically(args.output, chunks)
    return ExitStatus.OK


def write_folder(folder: Path, files: dict[str, bytes]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"cannot create the folder {folder}: {error.strerror}") from None
    for name, content in files.items():
        write_atomically(folder / name, [content])
