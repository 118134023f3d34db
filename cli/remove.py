"""`milgraph remove`: drop articles' graphs, and with them whatever only those articles asserted."""

from __future__ import annotations

import argparse
import sys

from cli.errors import ExitStatus
from cli.options import add_store_option, load_settings, opened_store, text
from graph.loader import remove_articles


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="remove articles from the store",
        description="Remove articles by id (a .txt article's id is its file name without .txt). "
        "People, meetings and agreements that other articles also report stay. "
        "Exit status: 0 all removed, 1 some ids were not in the store, 2 error.",
    )
    parser.add_argument(
        "article_ids", nargs="+", type=article_id, metavar="ARTICLE_ID", help="the id of an ingested article"
    )
    add_store_option(parser)
    parser.set_defaults(run=run)


def article_id(value: str) -> str:
    if not value:
        raise argparse.ArgumentTypeError("an article id cannot be empty")
    return text(value)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(store=args.store)
    with opened_store(settings, create=False) as store:
        removed = remove_articles(store, args.article_ids)
    unknown = [article_id for article_id in dict.fromkeys(args.article_ids) if article_id not in removed]
    for article_id in unknown:
        print(f"milgraph: no article {article_id!r} in {settings.store}", file=sys.stderr)
    print(f"removed {len(removed)} article{'' if len(removed) == 1 else 's'} from {settings.store}")
    return ExitStatus.PARTIAL if unknown else ExitStatus.OK
