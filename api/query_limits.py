"""Refusing SPARQL whose structure the engines cannot survive, before any engine sees it.

Oxigraph's parser and evaluator recurse once per level of the query's tree, on a thread's
stack: a query nested a few thousand brackets deep, or a few thousand patterns or operators
chained at one level (`{} UNION {} UNION ...`, `1+1+...`, a run of BINDs), overflows the stack
and aborts the whole process, embedded store and `oxigraph serve` alike. So a query or update
is scanned first, in one pass and without recursion, and refused past two limits:

- depth: brackets `{ } ( ) [ ]` and triple-term `<< >>` open at once;
- size: the brackets, operators, separators and keywords outside constant data, each of which
  can add a level to the engine's tree (a separator of triples or a path step counts three).
  Terms (IRIs, literals, variables, names) never do, and neither does constant data:
  `INSERT DATA` / `DELETE DATA` blocks and `VALUES` rows, which the engines read flat, so that
  loading data in bulk stays possible.

With both at their limits a query fits in a 2 MB thread stack, on a store with data.

The scan reads strings, IRIs and comments as the SPARQL grammar tokenises them. Inside an
expression, Oxigraph reads `<` after an operand as "less than" even where `<...>` looks like an
IRI, so an IRI in that position is also counted as if it were code. Some servers decode `\\u`
escapes before parsing, so text holding them is scanned once more decoded.
"""

from __future__ import annotations

import re

from graph.store import QuerySyntaxError

MAX_DEPTH = 100
MAX_SIZE = 1_000

_IRI = r"""<[^<>"{}|^`\\\x00-\x20]*>"""
# Unrolled (`a*(?:b a*)*`) rather than `(?:a|b)*`: several times faster on megabytes of data.
_STRING = (
    r'''"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'''
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"'
    r"|'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*'"
)
_BLANK = r"\s+|\#[^\n\r]*"
# Variables, blank node labels, language tags, numbers, prefixed names; a name may hold dots
# and escapes (`ex:a\'b`) but never ends with a dot, which then ends a triple.
_TERM = (
    r"[?$]\w+|_:[\w.-]*\w|@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
    r"|[\w-]*:(?:(?:[\w.:%-]|\\.)*(?:[\w:%-]|\\.))?"
)
_TOKEN = re.compile(
    rf"(?P<iri>{_IRI})|(?P<blank>{_BLANK})"
    rf"|(?P<operands>(?:{_BLANK})*(?:{_STRING}|{_TERM})(?:{_BLANK}|{_STRING}|{_TERM})*)"
    r"|(?P<word>[A-Za-z_]\w*)|(?P<punct>\|\||&&|!=|<=|>=|\^\^|<<|>>|.)",
    re.DOTALL,
)
# Inside constant data only brackets matter: everything up to the next one is skipped at once.
_PLAIN = r"""[^{}()\[\]<>"'#\\]*"""
_DATA_RUN = re.compile(rf"{_PLAIN}(?:(?:{_IRI}|{_STRING}|\#[^\n\r]*|\\.){_PLAIN})*", re.DOTALL)
_OPENERS = frozenset({"{", "(", "[", "<<"})
_CLOSING = {"}": "{", ")": "(", "]": "[", ">>": "<<"}
# Where a `<` can only start an IRI: after an opener, a separator or an operator.
_BEFORE_OPERAND = frozenset({"{", "(", "[", "<<", ",", ";", ".", "||", "&&", "!=", "<=", ">=", "^^"})
_BEFORE_OPERAND |= frozenset("=<>+-*/!|^")
_DATA_KEYWORDS = frozenset({"DATA", "VALUES"})
# Each separator of triples or step of a path adds a triple pattern to a join, which costs the
# evaluator several times the stack of an operator: a few hundred constant patterns in one group
# overflow a 2 MB thread (Oxigraph's server answers on such threads when it has a timeout).
_JOINS = frozenset({".", ";", ",", "/"})
_JOIN_WEIGHT = 3
# Between VALUES and its rows come the variables, bare or in parentheses.
_BEFORE_DATA = frozenset({"(", ")"})
_CODE_IN_IRI = re.compile(r"[()\[\]&=!+*/,;.-]")
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QueryTooComplex(QuerySyntaxError):
    """The SPARQL text is nested deeper or built larger than the limits the engines survive."""


def check_structure(text: str, what: str = "query") -> None:
    """Raise `QueryTooComplex`, naming the limit and where it was passed, if `text` is over a limit."""
    _Scan(text, what).run()
    if "\\u" in text or "\\U" in text:
        _Scan(_decode_escapes(text), what).run()


def _decode_escapes(text: str) -> str:
    def codepoint(match: re.Match[str]) -> str:
        value = int(match[1] or match[2], 16)
        return chr(value) if value <= 0x10FFFF else match[0]

    return _CODEPOINT_ESCAPE.sub(codepoint, text)


class _Scan:
    """One pass over the tokens, keeping the open brackets (each marked if it holds constant data)."""

    def __init__(self, text: str, what: str) -> None:
        self.text = text
        self.what = what
        self.open: list[tuple[str, bool]] = []
        self.size = 0
        self.offset = 0

    def run(self) -> None:
        text = self.text
        data_next = False
        previous = "{"
        position = 0
        while position < len(text):
            in_data = bool(self.open) and self.open[-1][1]
            if in_data and (run := _DATA_RUN.match(text, position)) and run.end() > position:
                position = run.end()
                continue
            token = _TOKEN.match(text, position)
            assert token is not None  # `punct` takes any one character
            position = token.end()
            kind, value = token.lastgroup, token[0]
            self.offset = token.start()
            if kind == "blank":
                continue
            if kind == "operands":
                previous = "?"
                continue
            if kind == "iri":
                if not in_data and self.innermost == "(" and previous not in _BEFORE_OPERAND:
                    self.as_code(value[1:-1])
                previous = "?"
                continue
            if value in _OPENERS:
                self.push(value, in_data or (data_next and value == "{"))
            elif value in _CLOSING:
                self.pop(value)
            if not in_data:
                self.grow(_JOIN_WEIGHT if value in _JOINS else 1)
            if kind == "word" and value.upper() in _DATA_KEYWORDS:
                data_next = True
            elif value not in _BEFORE_DATA:
                data_next = False
            previous = value if kind == "punct" else value.upper()

    @property
    def innermost(self) -> str:
        return self.open[-1][0] if self.open else "{"

    def push(self, opener: str, data: bool) -> None:
        self.open.append((opener, data))
        if len(self.open) > MAX_DEPTH:
            raise QueryTooComplex(
                f"the {self.what} is nested too deep to run safely: more than {MAX_DEPTH} brackets "
                f"({{ }}, ( ), [ ] or << >>) open at once (the limit), passed at {self.position()}"
            )

    def pop(self, closer: str) -> None:
        # A closer that does not match the innermost bracket closes the nearest one it matches,
        # as a parser recovering would; with none open, it closes nothing.
        opener = _CLOSING[closer]
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == opener:
                del self.open[index:]
                return

    def grow(self, count: int) -> None:
        self.size += count
        if self.size > MAX_SIZE:
            raise QueryTooComplex(
                f"the {self.what} is too large to run safely: it has more than {MAX_SIZE:,} brackets, "
                f"operators, separators and keywords outside constant data (the limit), passed at "
                f"{self.position()}; split it, or put constant data in VALUES or INSERT DATA"
            )

    def as_code(self, content: str) -> None:
        """Count what an IRI-looking token holds as the operators and brackets a parser may read."""
        for found in _CODE_IN_IRI.finditer(content):
            char = found[0]
            if char in _OPENERS:
                self.push(char, False)
            elif char in _CLOSING:
                self.pop(char)
            self.grow(1)

    def position(self) -> str:
        line = self.text.count("\n", 0, self.offset) + 1
        column = self.offset - (self.text.rfind("\n", 0, self.offset) + 1) + 1
        return f"line {line}, column {column}"
