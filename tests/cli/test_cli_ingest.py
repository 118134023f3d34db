"""`milgraph ingest`: real articles in, a summary out, and bad inputs reported and skipped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOOD_JSON_ARTICLE = {
    "id": "wire-0001",
    "text": "Estonian Defence Minister Mart Kask met Georgian Defence Minister Nino Beridze in Tallinn "
    "on 3 May 2023. The ministers discussed military education and cyber defence.",
    "published": "2023-05-04",
    "source": "Baltic Defence Wire",
}


def summary_counts(output: str) -> dict[str, int]:
    lines = re.findall(r"^  (\S.*?)\s+([\d,]+)$", output, re.MULTILINE)
    return {name: int(count.replace(",", "")) for name, count in lines}


def test_ingest_summarises_what_the_samples_added(sample_ingest, sample_ids) -> None:
    _, run = sample_ingest
    assert run.status == 0, run.err
    counts = summary_counts(run.out)
    assert counts["articles added"] == len(sample_ids) == 5
    assert counts["articles unchanged"] == counts["articles replaced"] == counts["inputs skipped"] == 0
    assert counts["people added"] >= 5
    assert counts["meetings added"] >= 1
    assert "Traceback" not in run.err


def test_ingesting_the_same_articles_again_changes_nothing(milgraph, sample_store, samples) -> None:
    before = milgraph("stats", "--store", sample_store).out
    run = milgraph("ingest", samples, "--store", sample_store)
    assert run.status == 0, run.err
    counts = summary_counts(run.out)
    assert counts["articles unchanged"] == 5
    assert counts["articles added"] == counts["people added"] == counts["meetings added"] == 0
    assert milgraph("stats", "--store", sample_store).out == before


@pytest.fixture
def one_article_store(milgraph, samples, sample_ids, tmp_path: Path) -> str:
    location = str(tmp_path / "store")
    assert milgraph("ingest", samples / f"{sample_ids[0]}.txt", "--store", location).status == 0
    return location


def write_bad_input(kind: str, folder: Path) -> tuple[Path, str]:
    """A bad input file of this kind, and the reason the user must be told."""
    if kind == "empty":
        path = folder / "empty.txt"
        path.write_bytes(b"")
        return path, "file is empty"
    if kind == "binary":
        path = folder / "photo.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        return path, "binary file"
    if kind == "non-utf8":
        path = folder / "latin1.txt"
        path.write_bytes("Le ministre de la Défense a reçu l'attaché militaire.".encode("latin-1"))
        return path, "not valid UTF-8"
    path = folder / "huge.txt"
    line = b"The defence ministers met and discussed regional security at length. " * 16 + b"\n"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return path, "over the limit"


@pytest.mark.parametrize("kind", ["empty", "binary", "non-utf8", "50MB"])
def test_a_bad_file_is_reported_and_the_good_ones_ingested(
    milgraph, stored_ids, one_article_store: str, samples, sample_ids, tmp_path: Path, kind: str
) -> None:
    bad, reason = write_bad_input(kind, tmp_path)
    run = milgraph("ingest", bad, samples / f"{sample_ids[1]}.txt", "--store", one_article_store)
    assert run.status == 1
    assert f"milgraph: skipped {bad}: " in run.err
    assert reason in run.err
    assert "Traceback" not in run.err
    counts = summary_counts(run.out)
    assert counts["inputs skipped"] == 1
    assert counts["articles added"] == 1
    assert stored_ids(one_article_store) == sample_ids[:2]


def test_a_broken_json_line_is_skipped_and_the_other_lines_ingested(
    milgraph, stored_ids, one_article_store: str, sample_ids, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(GOOD_JSON_ARTICLE),
        '{"id": "wire-broken", "text": "The ministers met',
        json.dumps({**GOOD_JSON_ARTICLE, "id": "wire-0002"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = milgraph("ingest", feed, "--store", one_article_store)
    assert run.status == 1
    assert f"milgraph: skipped {feed}:2: not valid JSON" in run.err
    assert summary_counts(run.out)["articles added"] == 2
    assert stored_ids(one_article_store) == sorted([sample_ids[0], "wire-0001", "wire-0002"])


def test_a_missing_path_is_reported(
    milgraph, stored_ids, one_article_store: str, sample_ids, tmp_path
) -> None:
    missing = tmp_path / "nowhere"
    run = milgraph("ingest", missing, "--store", one_article_store)
    assert run.status == 1
    assert run.err == f"milgraph: skipped {missing}: no such file or folder\n"
    assert stored_ids(one_article_store) == sample_ids[:1]


def test_a_store_location_that_is_a_file_is_a_clear_error(milgraph, samples, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "store"
    not_a_folder.write_text("not a store", encoding="utf-8")
    run = milgraph("ingest", samples, "--store", not_a_folder)
    assert run.status == 2
    assert run.err == (
        f"milgraph: error: cannot open the store at {not_a_folder}: it is a file, not a directory\n"
    )


def test_an_invalid_setting_from_the_environment_names_the_variable(
    milgraph, samples, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MILGRAPH_WORKERS", "several")
    run = milgraph("ingest", samples, "--store", tmp_path / "store")
    assert run.status == 2
    assert run.err.startswith("milgraph: error: invalid setting workers (MILGRAPH_WORKERS): ")
    assert run.err.count("\n") == 1


@pytest.mark.parametrize("option", ["--workers", "--batch-size"])
def test_a_count_option_below_one_is_a_usage_error(milgraph, samples, tmp_path: Path, option: str) -> None:
    run = milgraph("ingest", samples, "--store", tmp_path / "store", option, "0")
    assert run.status == 2
    assert run.err == (
        f"milgraph: error: argument {option}: must be at least 1, not 0 (see 'milgraph ingest --help')\n"
    )
    assert not (tmp_path / "store").exists()
