"""When and where an encounter happened: the sentence's own date and place, or the narrative's."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events import date_in, lead_date, publication, sentence_says


def sentence_date(sent: Span, previous: str | None, trigger: Token | None = None) -> tuple[str | None, bool]:
    """The meeting's date and whether the sentence itself gave it."""
    if date := date_in(sent, trigger):
        return date, True
    if sentence_says(sent, "same_day"):
        return previous, True
    if sentence_says(sent, "vague_past"):
        return None, True
    return publication(sent.doc) or lead_date(sent.doc), False
