"""Reading each article's facts back out of the store, in the format of the evaluation (FORMAT.md).

Everything comes from SPARQL over the article's named graph, so the facts show
what a user of the graph gets, on any backend.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from graph import queries
from graph.identity import article_graph_iri
from graph.store import Store

Rows = list[dict[str, str]]


def _select(store: Store, name: str, graphs: list[str] | None) -> Rows:
    text = queries.load(name)
    if graphs is not None:
        # FROM NAMED lets the store open only these graphs; a VALUES on ?g would be joined
        # after reading every graph (measured 500x slower with 2,000 articles).
        dataset = " ".join(f"FROM NAMED <{graph}>" for graph in graphs)
        text = text.replace("\nWHERE {", f"\n{dataset}\nWHERE {{", 1)
    return store.select(text)


def _by_node(rows: Rows, node: str) -> dict[str, dict[str, Rows]]:
    """Rows grouped by graph, then by the node they describe."""
    grouped: dict[str, dict[str, Rows]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        grouped[row["g"]][row[node]].append(row)
    return grouped


def _values(rows: Rows, key: str) -> list[str]:
    return sorted({row[key] for row in rows if key in row})


def _first(rows: Rows, key: str) -> str | None:
    values = _values(rows, key)
    return values[0] if values else None


def _person(rows: Rows) -> dict[str, Any]:
    return {
        "name": _first(rows, "name"),
        "party": _first(rows, "party"),
        "roles": _values(rows, "role"),
        "rank": _first(rows, "rank"),
    }


def _meeting(rows: Rows) -> dict[str, Any]:
    return {
        "parties": _values(rows, "party"),
        "participants": _values(rows, "participant"),
        "date": _first(rows, "date"),
        "place": _first(rows, "place"),
        "kind": "call" if _first(rows, "call") in ("true", "1") else "meeting",
    }


def _agreement(rows: Rows) -> dict[str, Any]:
    return {
        "title": _first(rows, "title"),
        "parties": _values(rows, "party"),
        "signatories": _values(rows, "signatory"),
        "date": _first(rows, "date"),
    }


def _article_name(article_id: str, source_file: str | None) -> str:
    """The file name when the article had a file of its own (`004.txt` for id `004`), else the id."""
    if source_file and PurePath(source_file).stem == article_id:
        return source_file
    return article_id


def article_facts(store: Store, article_ids: Iterable[str] | None = None) -> Iterator[dict]:
    """One facts document per article in the store (or per id given that the store holds), by id."""
    graphs = None if article_ids is None else [article_graph_iri(i) for i in dict.fromkeys(article_ids)]
    if graphs == []:
        return
    articles = _select(store, "facts_articles", graphs)
    people = _by_node(_select(store, "facts_people", graphs), "person")
    meetings = _by_node(_select(store, "facts_meetings", graphs), "meeting")
    agreements = _by_node(_select(store, "facts_agreements", graphs), "agreement")
    for article in sorted(articles, key=lambda row: row["id"]):
        graph = article["g"]
        yield {
            "article": _article_name(article["id"], article.get("file")),
            "published": article.get("issued"),
            "people": sorted((_person(r) for r in people[graph].values()), key=lambda p: p["name"]),
            "meetings": sorted(
                (_meeting(r) for r in meetings[graph].values()),
                key=lambda m: (m["date"] or "", m["parties"], m["participants"]),
            ),
            "agreements": sorted(
                (_agreement(r) for r in agreements[graph].values()),
                key=lambda a: (a["date"] or "", a["title"]),
            ),
        }
