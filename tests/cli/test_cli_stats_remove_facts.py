"""`milgraph stats`, `remove` and `facts`: counts, removal by id, and facts read back from the graph."""

from __future__ import annotations

import json
from pathlib import Path

FACTS_KEYS = {"article", "published", "people", "meetings", "agreements"}


def counts(output: str) -> dict[str, int]:
    return {
        name: int(value.replace(",", "")) for name, value in (line.split() for line in output.splitlines())
    }


def test_stats_counts_the_samples(milgraph, sample_store: str) -> None:
    run = milgraph("stats", "--store", sample_store)
    assert run.status == 0, run.err
    found = counts(run.out)
    assert list(found) == ["articles", "people", "parties", "meetings", "agreements", "triples"]
    assert found["articles"] == 5
    assert found["people"] >= 5
    assert found["parties"] >= 2
    assert found["triples"] > 100


def test_remove_drops_the_article_and_names_unknown_ids(
    milgraph, stored_ids, samples, sample_ids, tmp_path
) -> None:
    store = str(tmp_path / "store")
    assert milgraph("ingest", samples, "--store", store).status == 0
    run = milgraph("remove", sample_ids[0], "no-such-article", "--store", store)
    assert run.status == 1
    assert run.out == f"removed 1 article from {store}\n"
    assert run.err == f"milgraph: no article 'no-such-article' in {store}\n"
    assert stored_ids(store) == sample_ids[1:]
    assert counts(milgraph("stats", "--store", store).out)["articles"] == 4


def test_facts_writes_one_document_per_article(milgraph, samples, sample_ids, tmp_path: Path) -> None:
    out = tmp_path / "facts"
    run = milgraph("facts", samples, "--out", out)
    assert run.status == 0, run.err
    assert run.out == f"wrote 5 facts files to {out}\n"
    assert sorted(path.name for path in out.iterdir()) == [f"{article_id}.json" for article_id in sample_ids]
    first = json.loads((out / f"{sample_ids[0]}.json").read_text(encoding="utf-8"))
    assert set(first) == FACTS_KEYS
    assert first["article"] == f"{sample_ids[0]}.txt"
    assert first["published"] == "2020-01-13"
    hasanov = next(person for person in first["people"] if person["name"] == "Zakir Hasanov")
    assert hasanov["party"] == "AZE"
    assert "defence-minister" in hasanov["roles"]


def test_facts_names_a_json_lines_article_by_its_id(milgraph, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    article = {
        "id": "wire/2023 05",
        "text": "The Estonian Defence Minister Mart Kask visited Tbilisi on Monday.",
    }
    feed.write_text(json.dumps(article) + "\n", encoding="utf-8")
    run = milgraph("facts", feed, "--out", tmp_path / "facts")
    assert run.status == 0, run.err
    written = tmp_path / "facts" / "wire%2F2023%2005.json"
    assert json.loads(written.read_text(encoding="utf-8"))["article"] == "wire/2023 05"


def test_facts_into_an_unwritable_place_is_a_clear_error(milgraph, samples, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    run = milgraph("facts", samples, "--out", blocker / "facts")
    assert run.status == 2
    assert (
        run.err == f"milgraph: error: cannot create the output folder {blocker / 'facts'}: Not a directory\n"
    )


def test_facts_requires_an_output_folder(milgraph, samples) -> None:
    run = milgraph("facts", samples)
    assert run.status == 2
    assert run.err == (
        "milgraph: error: the following arguments are required: --out (see 'milgraph facts --help')\n"
    )
