"""Options several commands share, and turning them into settings and an open store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError

from api.settings import Settings
from cli.errors import CommandError, describe_settings_error
from graph import open_store
from graph.store import Store


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def text(value: str) -> str:
    """An argument that is text: bytes that are not UTF-8 reach Python as lone surrogates."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise argparse.ArgumentTypeError(f"not valid UTF-8 text (at character {error.start})") from None
    return value


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="LOCATION",
        help="a directory for the embedded store, ':memory:', or the URL of a SPARQL 1.1 server "
        "(default: $MILGRAPH_STORE, then a per-user data directory)",
    )


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="spaCy worker processes (default: $MILGRAPH_WORKERS or 1)",
    )
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        metavar="N",
        help="articles per spaCy batch and per store write (default: $MILGRAPH_BATCH_SIZE or 32)",
    )


def load_settings(**options: object) -> Settings:
    """Settings from the options the user gave; the others come from the environment or defaults."""
    given = {name: value for name, value in options.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        raise CommandError(describe_settings_error(error)) from None


@contextmanager
def opened_store(settings: Settings, *, create: bool = True) -> Iterator[Store]:
    """The store `settings` name, closed on exit. Without `create`, a store directory that does
    not exist is an error: a command that only reads would create an empty one and answer from it."""
    directory = settings.store_directory()
    if not create and directory is not None and not directory.exists():
        raise CommandError(
            f"no store at {settings.store}: 'milgraph ingest PATH --store {settings.store}' creates one"
        )
    try:
        store = open_store(settings.store, **settings.store_options())
    except ValueError as error:
        # The backend refused a combination of settings (say, a username without a password).
        raise CommandError(f"invalid store settings for {settings.store}: {error}") from None
    try:
        yield store
    finally:
        store.close()
