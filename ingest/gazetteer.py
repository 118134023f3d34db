"""The gazetteers (states, organisations, ranks, role titles) and the entity rules built from them.

The data lives in `ingest/resources/*.tsv`; this module only reads it. The
`milgraph_gazetteer` component marks every known name as an entity *before* the
statistical NER runs, so the NER keeps them and never swallows a title or a rank
into a person's name.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import SpanRuler

from ingest.records import ROLES, Party

RESOURCES = Path(__file__).parent / "resources"

STATE = "STATE"
DEMONYM = "DEMONYM"
ORGANISATION = "IO"
RANK = "RANK"
TITLE = "TITLE"
PARTY_LABELS = frozenset({STATE, DEMONYM, ORGANISATION})


class GazetteerError(ValueError):
    """A gazetteer data file is malformed."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Every state, organisation, rank and title the pipeline knows, with the names that refer to them."""

    parties: dict[str, Party]
    party_names: dict[str, list[str]] = field(default_factory=dict)
    ranks: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    title_states: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    capital_names: dict[str, str] = field(default_factory=dict)

    def party(self, code: str) -> Party:
        return self.parties[code]

    def rank(self, text: str) -> str | None:
        """The full words of a rank written in any known form."""
        wanted = " ".join(text.split())
        for full, variants in self.ranks.items():
            if wanted == full or wanted in variants:
                return full
        return None

    def state_named(self, name: str) -> str | None:
        """The state a name or alternative name denotes ("Türkiye" -> TUR)."""
        folded = name.casefold()
        return next(
            (
                code
                for code, names in self.party_names.items()
                if self.parties[code].kind == "state" and folded in (n.casefold() for n in names)
            ),
            None,
        )

    def capital_of(self, city: str) -> str | None:
        """The state whose capital the city is ("Tehran" -> IRN)."""
        return self.capitals.get(city.casefold())

    def capital(self, code: str) -> str | None:
        """The capital city of a state ("IRN" -> "Tehran")."""
        return self.capital_names.get(code)

    def title_state(self, text: str) -> str | None:
        """The one state whose officials carry this title ("Secretary of Defense"), if it is that specific."""
        return self.title_states.get(title_key(text))


def title_key(text: str) -> str:
    """A title folded for lookup: lower case, without the optional "of" and "the"."""
    return " ".join(w for w in text.lower().replace("-", " ").split() if w not in ("of", "the"))


def _rows(name: str, width: int) -> list[list[str]]:
    path = RESOURCES / name
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) > width or not row[0].strip():
                raise GazetteerError(f"{path}:{number}: expected at most {width} tab-separated columns")
            rows.append([cell.strip() for cell in row] + [""] * (width - len(row)))
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer data files once per process."""
    parties: dict[str, Party] = {}
    names: dict[str, list[str]] = {}
    capitals: dict[str, str] = {}
    capital_names: dict[str, str] = {}
    for code, alpha2, name, aliases, demonyms, capital in _rows("states.tsv", 6):
        parties[code] = Party(code, "state", name, alpha2 or None, tuple(_split(demonyms)))
        names[code] = [name, *_split(aliases)]
        capitals |= {city.casefold(): code for city in _split(capital)}
        if cities := _split(capital):
            capital_names[code] = cities[0]
    for code, name, aliases in _rows("organisations.tsv", 3):
        parties[code] = Party(code, "organisation", name)
        names[code] = [code, name, *_split(aliases)]
    ranks = {full: _split(variants) for full, variants in _rows("ranks.tsv", 2)}
    titles: dict[str, str] = {}
    title_states: dict[str, str] = {}
    for title, role, state in _rows("titles.tsv", 3):
        if role not in ROLES:
            raise GazetteerError(f"{RESOURCES / 'titles.tsv'}: {title!r} maps to unknown role {role!r}")
        if state and state not in parties:
            raise GazetteerError(f"{RESOURCES / 'titles.tsv'}: {title!r} names unknown state {state!r}")
        titles[title] = role
        if state:
            title_states[title_key(title)] = state
    return Gazetteer(parties, names, ranks, titles, title_states, capitals, capital_names)


def entity_patterns(nlp: Language, gazetteer: Gazetteer) -> list[dict]:
    """SpanRuler patterns for every gazetteer name; the pattern id carries the code, rank or role."""

    def exact(text: str) -> list[dict]:
        return [{"ORTH": token.text} for token in nlp.make_doc(text)]

    def caseless(text: str) -> list[dict]:
        # Inner "of" and "the" are optional: "Chairman Joint Chiefs of Staff", "Chief of General Staff".
        tokens = list(nlp.make_doc(text))
        return [
            {"LOWER": t.lower_, "OP": "?"}
            if 0 < i < len(tokens) - 1 and t.lower_ in ("of", "the")
            else {"LOWER": t.lower_}
            for i, t in enumerate(tokens)
        ]

    patterns = []
    for code, party_names in gazetteer.party_names.items():
        label = STATE if gazetteer.parties[code].kind == "state" else ORGANISATION
        patterns += [{"label": label, "pattern": exact(name), "id": code} for name in party_names]
        for demonym in gazetteer.parties[code].demonyms:
            patterns.append({"label": DEMONYM, "pattern": exact(demonym), "id": code})
    for full, variants in gazetteer.ranks.items():
        patterns += [{"label": RANK, "pattern": exact(form), "id": full} for form in [full, *variants]]
    for title, role in gazetteer.titles.items():
        patterns.append({"label": TITLE, "pattern": caseless(title), "id": role})
    patterns += [{"label": TITLE, **pattern} for pattern in title_patterns()]
    return patterns


def title_patterns() -> list[dict]:
    """Token patterns for open-ended titles ("Chief of the International Military Cooperation Department")."""
    path = RESOURCES / "title_patterns.jsonl"
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise GazetteerError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        if item.get("role") not in ROLES or not isinstance(item.get("pattern"), list):
            raise GazetteerError(f"{path}:{number}: needs a known 'role' and a token 'pattern' list")
        found.append({"pattern": item["pattern"], "id": item["role"]})
    return found


@Language.factory("milgraph_gazetteer")
def make_gazetteer_ruler(nlp: Language, name: str) -> SpanRuler:
    """Entities for states, demonyms, organisations, ranks and titles; the longest match wins."""
    ruler = SpanRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=True)
    ruler.add_patterns(entity_patterns(nlp, load_gazetteer()))
    return ruler
