"""Sentences never run across a paragraph break, nor across the end of a dateline.

The parser sometimes joins the last sentence of a paragraph to the first of the next,
after an abbreviation ("... Minister of Defence, Nakatani Gen.\n\nDelpiano said ...");
marking the first word of each paragraph as a sentence start before parsing prevents it.
A dateline ("HÀ NỘI —", "MINSK, December 19. /TASS/.") is no part of the lead sentence's grammar:
the parser reads the lead better when the sentence starts after it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.datelines import DATELINE_TOKENS, match_dateline


@Language.component("milgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and (
            (previous.is_space and "\n\n" in previous.text) or "\n\n" in previous.whitespace_
        ):
            token.is_sent_start = True
    if m := match_dateline(doc[:DATELINE_TOKENS].text):
        after = next((t for t in doc if t.idx >= m.end() and not t.is_space), None)
        if after is not None and after.i > 0:
            after.is_sent_start = True
    return doc
