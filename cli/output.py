"""Writing results: whole files that appear at once, and aligned text tables."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path

from cli.errors import CommandError


def _new_file_mode(target: Path) -> int:
    # mkstemp creates files readable by the owner only; a finished file should keep the mode of
    # the one it replaces, or get the mode any other new file would.
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    """Write `chunks` to a temporary file beside `path`, then rename it over `path`.

    A failure at any point (store error, full disk, Ctrl-C) removes the temporary
    file, so `path` is either its old self or complete, never truncated. A symbolic
    link is followed, and a device or pipe (`/dev/null`, a FIFO) is written to in
    place: renaming over either would replace it with a plain file.
    """
    target = path.resolve()
    if target.exists() and not target.is_file() and not target.is_dir():
        _write_in_place(path, chunks)
        return
    try:
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except OSError as error:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise CommandError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _write_in_place(path: Path, chunks: Iterable[bytes]) -> None:
    try:
        with path.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror}") from None


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


# Cells are text read from articles: a control character (an ANSI escape sequence, a carriage
# return) would act on the user's terminal instead of being shown, so it is shown escaped.
SHOWN_CONTROLS = {code: f"\\x{code:02x}" for code in [*range(0x20), *range(0x7F, 0xA0)]}
SHOWN_CONTROLS.update({ord("\n"): " ", ord("\t"): " "})


def format_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Left-aligned columns under a header and a rule; cells are single-line, control-free text."""
    body = [[cell.translate(SHOWN_CONTROLS) for cell in row] for row in rows]
    widths = [len(name) for name in columns]
    for row in body:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True)),
        "  ".join("-" * width for width in widths),
    ]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in body]
    return "\n".join(line.rstrip() for line in lines)
