"""`milgraph stats`: how much the graph holds."""

from __future__ import annotations

import argparse

from cli.errors import ExitStatus
from cli.options import add_store_option, load_settings, opened_store
from graph.stats import graph_stats


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="count articles, people, parties, meetings, agreements and triples",
        description="Count what the store holds: articles, people, parties, meetings, agreements, triples.",
    )
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(store=args.store)
    with opened_store(settings, create=False) as store:
        counts = graph_stats(store)
    width = max(map(len, counts), default=0)
    for name, count in counts.items():
        print(f"{name.ljust(width)}  {count:>10,}")
    return ExitStatus.OK
