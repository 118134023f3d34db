"""When and where an encounter happened: the sentence's own date and place, or the narrative's."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span, Token

from ingest.events import date_in, lead_date, lead_paragraph, publication, sentence_says
from ingest.gazetteer import load_gazetteer

# A dateline city is a few words at the head of the lead paragraph.
MAX_DATELINE_CHARS = 40
MAX_CITY_WORDS = 3


def sentence_date(
    sent: Span, previous: str | None, trigger: Token | None = None, narrative: str | None = None
) -> tuple[str | None, bool]:
    """The meeting's date and whether the sentence itself gave it. `previous` is the date of the
    encounter these people were last reported in, `narrative` the last date the story gave."""
    if sentence_says(sent, "next_day"):
        # "X landed on Monday, and the next morning held talks with Y": the day after the day just told.
        return _day_after(date_in(sent) or narrative or previous), True
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


def _day_after(date: str | None) -> str | None:
    if date is None or len(date) != 10:
        return None
    return (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()


def _part(date: str | None, length: int) -> str | None:
    """The year ('2022') or month ('2022-05') of a date that has one."""
    if date is None or date.startswith("--") or len(date) < length:
        return None
    return date[:length]


def lead_city(doc: Doc) -> str | None:
    """The city a lead paragraph opens with, set off by punctuation ("HANOI, May 3 -", "Lima (AP) -"):
    where the story is filed from, and so where its lead event happened."""
    start, _ = lead_paragraph(doc)
    span = doc.char_span(start, min(start + MAX_DATELINE_CHARS, len(doc.text)), alignment_mode="contract")
    if span is None:
        return None
    words: list[str] = []
    for token in span:
        if token.is_space:
            continue
        if token.is_punct:
            break
        if not token.text[:1].isupper() or len(words) == MAX_CITY_WORDS:
            return None
        words.append(token.text)
    city = " ".join(words)
    city = city.title() if city.isupper() else city
    gazetteer = load_gazetteer()
    return city if words and (gazetteer.capital_of(city) or _is_place(span[0])) else None


def _is_place(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ == "B"
