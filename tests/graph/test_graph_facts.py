"""Facts read back from the graph with SPARQL equal what the records put in (FORMAT.md shape)."""

from __future__ import annotations

import dataclasses

from sample_records import make_record, riga_record, tallinn_record

from graph.facts import article_facts
from graph.loader import load_records
from graph.store import Store

TALLINN_FACTS = {
    "article": "est-geo-001.txt",
    "published": "2023-05-04",
    "people": [
        {"name": "Anna Lind", "party": "NATO", "roles": ["official"], "rank": None},
        {
            "name": "Giorgi Tsiklauri",
            "party": "GEO",
            "roles": ["chief-of-general-staff", "deputy-defence-minister"],
            "rank": "Lieutenant General",
        },
        {"name": "Mart Kask", "party": "EST", "roles": ["defence-minister"], "rank": None},
        {"name": "Nino Beridze", "party": "GEO", "roles": ["defence-minister"], "rank": None},
        {"name": "Peeter Tamm", "party": None, "roles": ["official"], "rank": None},
    ],
    "meetings": [
        {
            "parties": ["EST", "GEO"],
            "participants": ["Giorgi Tsiklauri", "Mart Kask", "Nino Beridze"],
            "date": "--05-03",
            "place": "Tallinn",
            "kind": "meeting",
        },
        {
            "parties": ["EST", "NATO"],
            "participants": ["Anna Lind", "Mart Kask"],
            "date": "2023-05",
            "place": None,
            "kind": "call",
        },
    ],
    "agreements": [
        {
            "title": "Memorandum on Cyber Defence Cooperation",
            "parties": ["EST", "GEO"],
            "signatories": ["Mart Kask", "Nino Beridze"],
            "date": "2023",
        }
    ],
}


def test_facts_read_back_equal_the_records(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    facts = list(article_facts(any_store))
    assert [f["article"] for f in facts] == ["est-geo-001.txt", "est-geo-002.txt"]
    assert facts[0] == TALLINN_FACTS


def test_each_article_keeps_its_own_wording_of_shared_nodes(any_store: Store) -> None:
    load_records(any_store, [tallinn_record(), riga_record()])
    (riga,) = article_facts(any_store, ["est-geo-002"])
    assert riga["published"] == "2023-05-05"
    assert [p["name"] for p in riga["people"]] == ["Giorgi Tsiklauri", "Mart Kask", "Nino Beridze"]
    assert riga["agreements"] == []
    assert riga["meetings"] == [TALLINN_FACTS["meetings"][0]]


def test_articles_from_a_shared_file_are_named_by_id(any_store: Store) -> None:
    record = make_record("wire-17", "A note.")
    record.article = dataclasses.replace(record.article, path="/feeds/wire.jsonl", published=None)
    load_records(any_store, [record])
    assert list(article_facts(any_store)) == [
        {"article": "wire-17", "published": None, "people": [], "meetings": [], "agreements": []}
    ]


def test_unknown_ids_yield_nothing(any_store: Store) -> None:
    load_records(any_store, [tallinn_record()])
    assert list(article_facts(any_store, ["no-such-article"])) == []
    assert list(article_facts(any_store, [])) == []
