"""When and where an encounter happened: the sentence's own date and place, or the narrative's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ingest.encounters import dates_compatible
from ingest.events import EVENTS, date_in, lead_date, lead_paragraph, place_in, publication, sentence_says
from ingest.gazetteer import load_gazetteer
from ingest.participants import subject_people

# How many sentences after a reported meeting "The meeting was also attended by ..." may still refer to it.
MAX_FOLLOW_UP = 8
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


@dataclass
class Trip:
    """A visit or journey a sentence told of: where to, when (if said), and who went."""

    sentence: int
    place: str
    date: str | None
    dated: bool
    travellers: list[dict]


class Trips:
    """The last visit or journey the story told of, which places the encounters of that trip."""

    def __init__(self, index: dict[int, dict]) -> None:
        self.index = index
        self.last: Trip | None = None

    def note(self, number: int, sent: Span, previous: str | None, narrative: str | None) -> None:
        """Remember where and when a sentence that tells of a visit or a journey went, and who went."""
        visits = [t for t in sent if t.lemma_ in EVENTS["visit_words"]]
        if not visits or not (place := place_in(sent)):
            return
        travellers = [p for t in visits for p in subject_people(t, self.index)[0]]
        self.last = Trip(number, place, *sentence_date(sent, previous, narrative=narrative), travellers)

    def told_before(self, number: int, sent: Span) -> Trip | None:
        """The trip a meeting belongs to: reported in the sentence just before, or named as 'that visit'."""
        trip = self.last
        if trip is None or trip.sentence >= number:
            return None
        if trip.sentence == number - 1:
            return trip
        refers = any(
            t.lemma_ in EVENTS["visit_words"]
            and t.pos_ == "NOUN"
            and any(c.lower_ in EVENTS["trip_determiners"] for c in t.lefts)
            for t in sent
        )
        return trip if refers and number - trip.sentence <= MAX_FOLLOW_UP else None

    def visiting(self, number: int, people: list[dict], date: str | None) -> str | None:
        """Where the traveller of the last trip still is: 'X arrived in Hanoi. ... X also met Y.'"""
        trip = self.last
        if trip is None or trip.sentence >= number or number - trip.sentence > MAX_FOLLOW_UP:
            return None
        # A trip lasts days: a meeting of the same month may be part of it.
        same_time = dates_compatible(date and date[:7], trip.date and trip.date[:7])
        if not any(p in trip.travellers for p in people) or not same_time:
            return None
        return trip.place
