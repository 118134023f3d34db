"""The custom `Doc._` attributes the milgraph components read and write.

Values are plain JSON-like data (str, int, list, dict) so that documents survive
spaCy's serialisation between worker processes.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.records import PartialDate

ATTRIBUTES = ("published", "dates", "people", "meetings", "agreements")

for _name in ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def published_of(doc: Doc) -> PartialDate | None:
    """The publication date the caller set on the document, if any."""
    return PartialDate.parse(doc._.published) if doc._.published else None
