"""The `milgraph` command: each subcommand lives in its own module and adds itself with `register`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from cli import export, facts, ingest, query, remove, serve, stats
from cli.errors import CommandError, ExitStatus
from graph.store import StoreError

COMMANDS = (ingest, query, export, stats, remove, facts, serve)


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is the same single `milgraph: error:` line as every other failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitStatus.ERROR, f"milgraph: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="milgraph",
        description="A knowledge graph of bilateral military relations built from news articles.",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def fail(message: str, status: ExitStatus = ExitStatus.ERROR) -> int:
    print(f"milgraph: error: {message}", file=sys.stderr)
    return status


def flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise CommandError(f"cannot write to standard output: {error.strerror}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every expected failure becomes one line on stderr and a non-zero status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        # argparse has already printed the help or the usage error.
        return exit_.code if isinstance(exit_.code, int) else ExitStatus.ERROR
    try:
        status = args.run(args)
        # A failed write of buffered output is reported here, not by the interpreter at exit.
        flush_stdout()
        return status
    except CommandError as error:
        return fail(str(error), error.status)
    except StoreError as error:
        return fail(str(error))
    except BrokenPipeError:
        # The reader went away (`milgraph export ... | head`); Python would complain again
        # while flushing stdout at exit unless stdout points somewhere harmless.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitStatus.ERROR
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        return fail(f"{error.strerror or error}{where}")
    except KeyboardInterrupt:
        return fail("interrupted", ExitStatus.INTERRUPTED)
