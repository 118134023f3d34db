"""The facts of the bundled sample articles, read back from each backend: right, and the same on both.

`seeded_store` is the samples ingested through milgraph into the embedded store and into
a live Oxigraph server; the reference is `milgraph facts`' own path, a fresh in-memory store.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import MEMORY, open_store
from graph.facts import article_facts
from graph.loader import load_records
from graph.store import Store
from ingest.pipeline import Extractor
from ingest.reader import read_articles
from ingest.records import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
SIGNING = "004_23ce66ccd23087cf"


@pytest.fixture(scope="module")
def reference_facts() -> dict[str, dict]:
    store = open_store(MEMORY)
    articles = [a for a in read_articles([SAMPLES]) if isinstance(a, Article)]
    load_records(store, Extractor().extract(articles))
    facts = {f["article"]: f for f in article_facts(store)}
    store.close()
    return facts


def test_every_backend_reads_back_the_same_facts(seeded_store: Store, reference_facts) -> None:
    facts = {f["article"]: f for f in article_facts(seeded_store)}
    assert sorted(facts) == sorted(f"{p.stem}.txt" for p in SAMPLES.glob("*.txt"))
    assert facts == reference_facts


def test_the_signing_article_reads_back_its_people_meeting_and_agreement(seeded_store: Store) -> None:
    [facts] = article_facts(seeded_store, [SIGNING])
    assert facts["published"] == "2022-04-27"
    people = {p["name"]: p for p in facts["people"]}
    assert people["Zakir Hasanov"] == {
        "name": "Zakir Hasanov",
        "party": "AZE",
        "roles": ["defence-minister"],
        "rank": "Colonel General",
    }
    assert people["Artis Pabriks"]["party"] == "LVA"
    assert people["Artis Pabriks"]["roles"] == ["defence-minister"]
    assert {
        "parties": ["AZE", "LVA"],
        "participants": ["Artis Pabriks", "Zakir Hasanov"],
        "date": "2022-04-26",
        "place": "Azerbaijan",
        "kind": "meeting",
    } in facts["meetings"]
    [agreement] = facts["agreements"]
    assert agreement["title"].startswith("Agreement on Defence Cooperation between the Ministry of Defence")
    assert (agreement["parties"], agreement["signatories"], agreement["date"]) == (
        ["AZE", "LVA"],
        ["Artis Pabriks", "Zakir Hasanov"],
        "2022-04-26",
    )
