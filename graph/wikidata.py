"""Links out: the Wikidata item of a state or an organisation, from the static table ontology/wikidata.tsv.

The service never fetches anything; the links let users join milgraph with Wikidata in
their own federated queries (`?party owl:sameAs ?item . SERVICE <https://query.wikidata.org/sparql> {...}`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ingest.records import Party
from ontology import WD, WIKIDATA_FILE

_ITEM = re.compile(r"Q[1-9][0-9]*")
_KINDS = frozenset({"state", "organisation"})


def read_table(path: Path) -> dict[tuple[str, str], str]:
    """(kind, code) -> Wikidata item IRI; a malformed line is an error naming the file and line."""
    items: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, code, item, *_ = [*line.split("\t"), "", "", ""]
        if kind not in _KINDS or not code or not _ITEM.fullmatch(item) or (kind, code) in items:
            raise ValueError(
                f"{path}:{number}: expected 'state|organisation<TAB>CODE<TAB>Q-id', unique: {line!r}"
            )
        items[kind, code] = str(WD[item])
    return items


@cache
def _table() -> dict[tuple[str, str], str]:
    return read_table(WIKIDATA_FILE)


def wikidata_iri(party: Party) -> str | None:
    """The party's Wikidata item, or None when the table does not list it."""
    return _table().get((party.kind, party.code))
