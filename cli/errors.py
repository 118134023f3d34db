"""Expected failures of a command, and the exit statuses the `milgraph` command promises."""

from __future__ import annotations

from enum import IntEnum

from pydantic import ValidationError


class ExitStatus(IntEnum):
    OK = 0
    PARTIAL = 1
    ERROR = 2
    INTERRUPTED = 130


class CommandError(Exception):
    """A failure said in the user's terms; `main` prints it as one line and exits with `status`."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.ERROR) -> None:
        super().__init__(message)
        self.status = status


def describe_settings_error(error: ValidationError) -> str:
    """Name each invalid setting the way a user sets it: option or MILGRAPH_ environment variable."""
    problems = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        problems.append(f"{field} (MILGRAPH_{field.upper()}): {problem['msg']}")
    return "invalid setting " + "; ".join(problems)
