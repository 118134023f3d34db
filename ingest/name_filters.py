"""Reject capitalised runs that read as things, not people.

Headline words ("Ministers Agree Closer Ties"), places named by the common noun after them
("Tan Son airbase"), events with a year ("Iron Wolf 2024"), and the start of an organisation's
name that runs on to an institution word ("Northern Star and Pacific Alliance").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ingest.name_words import INSTITUTION_WORDS, NAMES

PLACE_NOUNS = frozenset(NAMES["place_nouns"])
HEADLINE_WORDS = frozenset(NAMES["headline_function_words"])
CONNECTORS = frozenset({"and", "of", "&", "for"})
# A line this long is a paragraph, not a headline.
HEADLINE_TOKENS = 30


def plausible(span: Span) -> bool:
    """Not an institution that looks like a name ("Camp Redwood", "Support Mission"), nor a place
    named by the common noun after it ("Lang Son province"), nor the start of an organisation's name that
    the NER reads on past it ("Northern Star and Pacific Alliance")."""
    doc = span.doc
    if any(t.text in INSTITUTION_WORDS for t in span):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS and after.text.islower():
        return False
    # "Northern Shield 2024": a name with a year is an exercise or an event.
    if after is not None and after.like_num and len(after.text) == 4 and after.text.isdigit():
        return False
    return not _names_a_thing(span)


def _names_a_thing(span: Span) -> bool:
    """The capitalised words go on, through "and" or "of", to an institution word: "Northern Star
    and Pacific Alliance". A run the NER reads as a person is left alone."""
    doc = span.doc
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    i = span.end
    while (
        i < min(len(doc), span.end + 6)
        and doc[i].ent_type_ != "PERSON"
        and (doc[i].text[:1].isupper() or doc[i].lower_ in CONNECTORS)
    ):
        if doc[i].text in INSTITUTION_WORDS:
            return True
        i += 1
    return False


def headline(token: Token) -> bool:
    """In a title-cased line ("Ministers Agree Closer Naval Ties"), whose capitals do not mark names."""
    line = _line(token)
    if line is None:
        return False
    words = [t for t in line if t.is_alpha]
    return len(words) >= 4 and all(t.text[:1].isupper() or t.lower_ in HEADLINE_WORDS for t in words)


def _line(token: Token) -> Span | None:
    """The token's line, between line breaks; None if it runs on like a paragraph."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text and token.i - start < HEADLINE_TOKENS:
        start -= 1
    end = token.i + 1
    while end < len(doc) and "\n" not in doc[end].text and end - token.i < HEADLINE_TOKENS:
        end += 1
    if end - start >= HEADLINE_TOKENS:
        return None
    return doc[start:end]


def supported(doc: Doc, span: tuple[int, int]) -> bool:
    """A name in a headline needs its last word in the body too: a headline capitalises every word."""
    if not headline(doc[span[0]]):
        return True
    last = doc[span[1] - 1].text
    return any(t.text == last and not headline(t) for t in doc if not span[0] <= t.i < span[1])
