"""The SPARQL behind the REST routes, one `.rq` file per question, with `$name` placeholders.

Placeholders take terms already written as SPARQL by `iri`, `iris` or `literal`, so
no request value reaches a query unescaped.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from string import Template

from ontology import SPARQL_PREFIXES

HERE = Path(__file__).parent
# Characters RFC 3987 and the SPARQL grammar forbid inside <...>.
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
BROKEN_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


@cache
def _template(name: str) -> Template:
    # Comment lines go: they name the placeholders, which must not be filled in there.
    lines = (HERE / f"{name}.rq").read_text(encoding="utf-8").splitlines()
    return Template(SPARQL_PREFIXES + "\n".join(line for line in lines if not line.lstrip().startswith("#")))


def render(name: str, /, **terms: str) -> str:
    """The query in `{name}.rq` with each `$placeholder` replaced by the SPARQL term given for it."""
    return _template(name).substitute(terms)


def iri(value: str) -> str:
    if not value or IRI_FORBIDDEN.search(value):
        raise ValueError(f"not an IRI: {value!r}")
    return f"<{value}>"


def is_absolute_iri(value: str) -> bool:
    """A scheme and then nothing SPARQL forbids in an IRI: what a graph name or source URL must be."""
    return (
        SCHEME.match(value) is not None
        and IRI_FORBIDDEN.search(value) is None
        and BROKEN_PERCENT.search(value) is None
    )


def iris(values: list[str]) -> str:
    """A space-separated list of IRIs, for `VALUES ?x { $list }`."""
    return " ".join(iri(value) for value in values)


def literal(value: str) -> str:
    return f'"{value.translate(ESCAPES)}"'


def integer(value: int) -> str:
    return str(int(value))
