"""What a SPARQL text asks for, read without a full parser: its query form.

Both backends and the service need it before running a query: the form picks
the result media types.
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


def keywords_only(text: str) -> str:
    """The SPARQL text with strings, IRIs and comments blanked out, leaving keywords and punctuation."""
    return _OPAQUE.sub(" ", text)


def query_form(query: str) -> QueryForm:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword after the prologue."""
    found = _FORM.search(keywords_only(query))
    if found is None:
        raise QuerySyntaxError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE found")
    return found[1].upper()  # type: ignore[return-value]
