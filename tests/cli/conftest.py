"""Running the real `milgraph` command in-process, so spaCy loads once for the whole suite."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("*.txt"))


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


Milgraph = Callable[..., Run]


def run_milgraph(*argv: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(arg) for arg in argv])
    return Run(status, out.getvalue(), err.getvalue())


@pytest.fixture
def milgraph(capfdbinary: pytest.CaptureFixture[bytes]) -> Milgraph:
    """`milgraph(*argv)` -> Run; binary output written to sys.stdout.buffer is captured too."""

    def run(*argv: str | Path) -> Run:
        status = main([str(arg) for arg in argv])
        captured = capfdbinary.readouterr()
        return Run(status, captured.out.decode("utf-8"), captured.err.decode("utf-8"))

    return run


@pytest.fixture(scope="session")
def sample_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Run]:
    """The bundled sample articles ingested into an embedded store: its location and the ingest run."""
    location = str(tmp_path_factory.mktemp("cli-store") / "store")
    return location, run_milgraph("ingest", SAMPLES, "--store", location)


@pytest.fixture(scope="session")
def sample_store(sample_ingest: tuple[str, Run]) -> str:
    return sample_ingest[0]


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def sample_ids() -> list[str]:
    return SAMPLE_IDS


@pytest.fixture
def stored_ids(milgraph: Milgraph) -> Callable[[str], list[str]]:
    """`stored_ids(store)`: the ids of the articles a store holds, read with the CLI itself."""
    return lambda store: _stored_ids(milgraph, store)


def _stored_ids(milgraph: Milgraph, store: str) -> list[str]:
    run = milgraph(
        "query",
        "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?id WHERE { ?a dcterms:identifier ?id }",
        "--format",
        "csv",
        "--store",
        store,
    )
    assert run.status == 0, run.err
    return sorted(run.out.split()[1:])
