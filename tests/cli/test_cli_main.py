"""The `milgraph` command itself: help, and usage errors as one line each."""

from __future__ import annotations

COMMANDS = ("ingest", "query", "export", "stats", "remove", "facts", "serve")


def test_help_lists_every_command(milgraph) -> None:
    run = milgraph("--help")
    assert run.status == 0
    listed = {line.split()[0] for line in run.out.splitlines() if line.startswith("    ")}
    assert set(COMMANDS) <= listed


def test_a_missing_command_is_a_usage_error(milgraph) -> None:
    run = milgraph()
    assert run.status == 2
    assert (
        run.err == "milgraph: error: the following arguments are required: COMMAND (see 'milgraph --help')\n"
    )


def test_an_unknown_command_is_a_usage_error(milgraph) -> None:
    run = milgraph("import", "articles/")
    assert run.status == 2
    assert run.err.startswith("milgraph: error: argument COMMAND: invalid choice: 'import' (choose from ")
    assert run.err.count("\n") == 1
