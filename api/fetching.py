"""Refusing SPARQL that would make the server fetch other URLs: SERVICE clauses and LOAD.

pyoxigraph evaluates `SERVICE <url> { ... }` by posting the query to `url`, and `LOAD <url>` by
downloading it; so does almost any server behind a remote store. Left alone, any client could
make the service reach hosts the client cannot (server-side request forgery). pyoxigraph has
no switch to turn either off, so the service refuses the text before it reaches the store.

The keywords are looked for the way `graph.sparqltext` finds a query's form: with strings,
IRIs, comments and escaped characters blanked out, so that a literal or a prefixed name never
trips the check. Some servers (Jena) decode `\\u` escapes before parsing and would read a
keyword spelt with them, so the text is checked once more with the escapes decoded.
"""

from __future__ import annotations

import re

from fastapi import HTTPException, status

from graph.sparqltext import keywords_only

# Every backslash escape, taken in pairs from the left as the grammar reads them: inside a
# string it stays inside, and a quote escaped in a prefixed name (`ex:a\\'b`) opens no string.
_ESCAPE = re.compile(r"\\.")
# Variables, prefixed names, blank node labels and language tags may be spelt like the keywords.
_FETCHING = re.compile(r"(?<![\w?$:@-])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
WHY = {
    "SERVICE": "SERVICE clauses (federated queries) are not run here: this service does not send "
    "queries to other endpoints",
    "LOAD": "LOAD is not run here: this service does not download data from URLs; "
    "send the data with INSERT DATA instead",
}


def _decode_escapes(text: str) -> str:
    def codepoint(match: re.Match[str]) -> str:
        value = int(match[1] or match[2], 16)
        return chr(value) if value <= 0x10FFFF else match[0]

    return _CODEPOINT_ESCAPE.sub(codepoint, text)


def fetching_keyword(text: str) -> str | None:
    """`SERVICE` or `LOAD` if the SPARQL text uses either as a keyword, else None."""
    for variant in (text, _decode_escapes(text)):
        if found := _FETCHING.search(keywords_only(_ESCAPE.sub("__", variant))):
            return found[1].upper()
    return None


def refuse_fetching(text: str) -> None:
    """403 for a query or update that would make the service fetch a URL."""
    if keyword := fetching_keyword(text):
        raise HTTPException(status.HTTP_403_FORBIDDEN, WHY[keyword])
