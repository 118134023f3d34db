"""The vocabulary of names, from `resources/names.json`: particles, honorifics, suffixes and the words
that mark a capitalised run as a thing rather than a person."""

from __future__ import annotations

import json

from ingest.gazetteer import RESOURCES

NAMES = json.loads((RESOURCES / "names.json").read_text(encoding="utf-8"))
PARTICLES = frozenset(NAMES["particles"])
SUFFIXES = frozenset(NAMES["suffixes"])
GENERATIONAL = frozenset(NAMES["generational_suffixes"])
NOT_NAMES = frozenset(NAMES["not_names"])
HONORIFICS = frozenset(NAMES["honorifics"])
INSTITUTION_WORDS = frozenset(NAMES["institution_words"])
INTRODUCERS = frozenset(NAMES["introducers"])
CIVILIAN_ROLES = frozenset(NAMES["civilian_roles"])
# NER labels that say a capitalised run is a thing, not a person.
NOT_PEOPLE = frozenset({"ORG", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "NORP"})
MAX_NAME_TOKENS = 7
RETIRED = frozenset(NAMES["retired_markers"])
MONARCHS = frozenset(NAMES["monarch_titles"])
