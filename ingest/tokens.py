"""Token helpers over spaCy's entity annotation."""

from __future__ import annotations

from spacy.tokens import Token


def ent_start(token: Token) -> int:
    """Index of the first token of the entity `token` belongs to (its own index outside entities)."""
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def ent_end(token: Token) -> int:
    """Index just past the entity `token` belongs to."""
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].ent_iob_ == "I":
        i += 1
    return i
