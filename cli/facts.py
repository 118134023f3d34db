"""`milgraph facts`: ingest articles into a fresh in-memory graph and write each one's facts as JSON.

The facts are read back out of the graph, not taken from the extractor, so they
show exactly what a user of the graph gets (this is what the evaluation scores).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path, PurePath

from cli.errors import CommandError, ExitStatus
from cli.ingest import ingest_paths, loaded_extractor
from cli.options import add_pipeline_options, load_settings, opened_store
from cli.output import write_atomically
from graph import MEMORY
from graph.facts import article_facts
from graph.identity import article_key
from ingest.reader import SUFFIXES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "facts",
        help="write each article's facts as JSON (the evaluation format)",
        description="Ingest articles into a fresh in-memory store, then write one JSON document of "
        "facts per article, read back from the graph, to DIR/<article file stem>.json. "
        "Exit status: 0 all written, 1 some inputs skipped, 2 error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="an article file or a folder of them")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the JSON files")
    add_pipeline_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"cannot create the output folder {out}: {error.strerror}") from None
    settings = load_settings(store=MEMORY, workers=args.workers, batch_size=args.batch_size)
    loaded_extractor()
    with opened_store(settings) as store:
        outcome = ingest_paths(store, args.paths, settings)
        written = 0
        for facts in article_facts(store):
            document = json.dumps(facts, ensure_ascii=False, indent=2) + "\n"
            write_atomically(out / facts_file_name(facts["article"]), [document.encode("utf-8")])
            written += 1
    print(f"wrote {written} facts file{'' if written == 1 else 's'} to {out}")
    return ExitStatus.PARTIAL if outcome.skipped else ExitStatus.OK


def facts_file_name(article: str) -> str:
    """`004.json` for the article `004.txt`; an article from JSON Lines is named by its id, made file-safe."""
    name = PurePath(article)
    stem = name.stem if name.suffix in SUFFIXES else article
    return article_key(stem) + ".json"
