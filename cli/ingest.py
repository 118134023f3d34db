"""`milgraph ingest`: read articles, extract their facts and load them, one named graph per article."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from tqdm import tqdm

from api.settings import Settings
from cli.errors import CommandError, ExitStatus
from cli.options import add_pipeline_options, add_store_option, load_settings, opened_store
from graph import MEMORY
from graph.loader import LoadSummary, load_records
from graph.rdf import InvalidRecord
from graph.store import Store, StoreError
from ingest.reader import ReadError, read_articles
from ingest.records import Article, ArticleRecord

if TYPE_CHECKING:
    from ingest.pipeline import Extractor


@dataclass(slots=True)
class IngestOutcome:
    summary: LoadSummary
    skipped: list[ReadError] = field(default_factory=list)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="add articles to the store",
        description="Read .txt and .jsonl articles (files, or folders searched recursively), extract "
        "people, meetings and agreements, and write each article's facts to its own named graph. "
        "Unchanged articles are left alone; changed ones replace their graph. Unreadable inputs are "
        "reported and skipped. Exit status: 0 all ingested, 1 some inputs skipped, 2 error.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="an article file or a folder of them")
    add_store_option(parser)
    add_pipeline_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(store=args.store, workers=args.workers, batch_size=args.batch_size)
    loaded_extractor()
    with opened_store(settings) as store:
        outcome = ingest_paths(store, args.paths, settings)
    print(format_summary(outcome, settings.store))
    return ExitStatus.PARTIAL if outcome.skipped else ExitStatus.OK


@cache
def loaded_extractor() -> Extractor:
    """The process's one extractor with its spaCy model loaded, so a broken setup fails before any write."""
    # Importing spaCy takes about half a second; only the commands that extract should pay for it.
    from ingest.gazetteer import GazetteerError
    from ingest.pipeline import Extractor, PipelineError

    extractor = Extractor()
    try:
        extractor.nlp  # noqa: B018 (the property loads the model)
    except (PipelineError, GazetteerError) as error:
        raise CommandError(f"cannot set up the extraction pipeline: {error}") from None
    return extractor


def ingest_paths(store: Store, paths: Sequence[str], settings: Settings) -> IngestOutcome:
    """Load every readable article under `paths` into `store`, reporting each unreadable one on stderr.

    The loader writes whole batches atomically, so an interruption leaves only complete
    articles behind; running the same ingest again finishes the job.
    """
    skipped: list[ReadError] = []
    stored = 0

    def readable(items: Iterable[Article | ReadError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, ReadError):
                skipped.append(item)
                tqdm.write(f"milgraph: skipped {item}", file=sys.stderr)
            else:
                yield item

    with tqdm(desc="ingest", unit=" articles", file=sys.stderr, disable=None, dynamic_ncols=True) as bar:

        def record_stored(_record: ArticleRecord) -> None:
            nonlocal stored
            stored += 1
            bar.update()

        records = loaded_extractor().extract(
            readable(read_articles(paths)), n_process=settings.workers, batch_size=settings.batch_size
        )
        try:
            summary = load_records(store, records, batch_size=settings.batch_size, progress=record_stored)
        except KeyboardInterrupt:
            raise CommandError(
                unfinished("interrupted", stored, settings.store), ExitStatus.INTERRUPTED
            ) from None
        except StoreError as error:
            raise CommandError(unfinished(str(error), stored, settings.store)) from None
        except InvalidRecord as error:
            # The same input would fail again, so "run it again" is not the advice here.
            raise CommandError(
                unfinished(
                    f"cannot store {error}",
                    stored,
                    settings.store,
                    "once that input is corrected, ingesting again adds the rest",
                )
            ) from None
    return IngestOutcome(summary, skipped)


def unfinished(
    cause: str, stored: int, location: str, remedy: str = "running the same ingest again adds the rest"
) -> str:
    """Why an ingest stopped, and what it leaves: whole articles only, since batches are atomic."""
    if not stored or location == MEMORY:
        return cause
    return f"{cause}; the {stored} articles before it are complete in {location}, and {remedy}"


def format_summary(outcome: IngestOutcome, location: str) -> str:
    summary = outcome.summary
    counts = {
        "articles added": summary.articles_added,
        "articles replaced": summary.articles_replaced,
        "articles unchanged": summary.articles_unchanged,
        "inputs skipped": len(outcome.skipped),
        "people added": summary.people,
        "meetings added": summary.meetings,
        "agreements added": summary.agreements,
    }
    width = max(map(len, counts))
    lines = [f"ingested into {location}"]
    lines += [f"  {name.ljust(width)}  {count:>6,}" for name, count in counts.items()]
    return "\n".join(lines)
