"""What a SPARQL text asks for, read without a full parser: its query form and whether it names a dataset.

Both backends and the service need these before running a query: the form picks
the result media types, and a query's own FROM / FROM NAMED must win over the
store's union default graph.
"""

from __future__ import annotations

import re

from graph.store import QueryForm, QuerySyntaxError

# Strings, IRIs and comments can contain keywords; they are blanked out before looking.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_DATASET = re.compile(r"\bFROM\b", re.IGNORECASE)


def _keywords_only(query: str) -> str:
    return _OPAQUE.sub(" ", query)


def query_form(query: str) -> QueryForm:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword after the prologue."""
    found = _FORM.search(_keywords_only(query))
    if found is None:
        raise QuerySyntaxError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
    return found[1].upper()  # type: ignore[return-value]


def declares_dataset(query: str) -> bool:
    """True if the query has its own FROM or FROM NAMED clause."""
    return _DATASET.search(_keywords_only(query)) is not None
