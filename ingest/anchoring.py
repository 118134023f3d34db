"""When and where an encounter happened: the sentence's own date and place, or the narrative's."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events import date_in, lead_date, publication, sentence_says


def sentence_date(
    sent: Span, previous: str | None, trigger: Token | None = None, narrative: str | None = None
) -> tuple[str | None, bool]:
    """The meeting's date and whether the sentence itself gave it. `previous` is the date of the
    encounter these people were last reported in, `narrative` the last date the story gave."""
    if date := date_in(sent, trigger):
        return date, True
    if sentence_says(sent, "same_day"):
        return previous, True
    if sentence_says(sent, "same_occasion"):
        return narrative or previous, True
    if sentence_says(sent, "same_month"):
        return _part(narrative or previous, 7), True
    if sentence_says(sent, "same_year"):
        return _part(narrative or previous, 4), True
    if sentence_says(sent, "vague_past"):
        return None, True
    return publication(sent.doc) or lead_date(sent.doc), False


def _part(date: str | None, length: int) -> str | None:
    """The year ('2022') or month ('2022-05') of a date that has one."""
    if date is None or date.startswith("--") or len(date) < length:
        return None
    return date[:length]
