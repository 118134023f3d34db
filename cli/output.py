"""Writing results: whole files that appear at once, and aligned text tables."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path

from cli.errors import CommandError


def _default_file_mode() -> int:
    # mkstemp creates files readable by the owner only; a finished export should get
    # the permissions any other new file would.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write `chunks` to a temporary file beside `path`, then rename it over `path`.

    A failure at any point (store error, full disk, Ctrl-C) removes the temporary
    file, so `path` is either its old self or complete, never truncated.
    """
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _default_file_mode())
        os.replace(temporary, path)
    except OSError as error:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise CommandError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_to_stdout(chunks: Iterable[bytes]) -> None:
    """Write bytes to stdout; a closed pipe propagates so `main` can end quietly."""
    out = sys.stdout.buffer
    try:
        for chunk in chunks:
            out.write(chunk)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise CommandError(f"cannot write to standard output: {error.strerror}") from None


def format_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Left-aligned columns under a header and a rule; cells are single-line text."""
    body = [[cell.replace("\n", " ") for cell in row] for row in rows]
    widths = [len(name) for name in columns]
    for row in body:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in body]
    return "\n".join(line.rstrip() for line in lines)
