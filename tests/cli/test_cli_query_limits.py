"""`milgraph query` refuses a query nested past what the store survives, on both backends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from server_process import running_oxigraph

from api.query_limits import MAX_DEPTH

MILGRAPH = str(Path(sys.executable).parent / "milgraph")


@pytest.mark.parametrize("backend", ["embedded", "remote"])
def test_a_query_nested_5000_deep_is_one_error_line(backend, tmp_path: Path) -> None:
    query = tmp_path / "deep.rq"
    query.write_text("SELECT * WHERE " + "{" * 5000 + "}" * 5000)

    # A separate process: without the check, the embedded store dies of the query (SIGSEGV).
    def run(store: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [MILGRAPH, "query", f"@{query}", "--store", store], capture_output=True, text=True, timeout=120
        )

    if backend == "remote":
        with running_oxigraph(tmp_path / "oxigraph") as url:
            result = run(url)
            assert run_ask(url) == "true"
    else:
        ox.Store(str(tmp_path / "store"))
        result = run(str(tmp_path / "store"))
    assert result.returncode == 2, result.stderr
    assert f"more than {MAX_DEPTH} brackets" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def run_ask(url: str) -> str:
    return subprocess.run(
        [MILGRAPH, "query", "ASK {}", "--store", url], capture_output=True, text=True, timeout=60
    ).stdout.strip()
