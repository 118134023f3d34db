"""Sentences never run across a paragraph break.

The parser sometimes joins the last sentence of a paragraph to the first of the next,
after an abbreviation ("... Minister of Defence, Nakatani Gen.\n\nDelpiano said ...");
marking the first word of each paragraph as a sentence start before parsing prevents it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("milgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and (
            (previous.is_space and "\n\n" in previous.text) or "\n\n" in previous.whitespace_
        ):
            token.is_sent_start = True
    return doc
