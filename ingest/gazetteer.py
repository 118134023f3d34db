"""The gazetteers (states, organisations, ranks, role titles) and the entity rules built from them.

The data lives in `ingest/resources/*.tsv`, and the states' codes and formal names in
pycountry; this module only reads them. The `milgraph_gazetteer` component marks every
known name as an entity *before* the statistical NER runs, so the NER keeps them and
never swallows a title or a rank into a person's name. Party names match whatever their
accents ("Việt Nam", "Viet Nam").
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from ingest.records import ROLES, Party

RESOURCES = Path(__file__).parent / "resources"

STATE = "STATE"
DEMONYM = "DEMONYM"
ORGANISATION = "IO"
RANK = "RANK"
TITLE = "TITLE"
PARTY_LABELS = frozenset({STATE, DEMONYM, ORGANISATION})
# The token attribute party names match on, so that "Việt Nam" and "Viet Nam" are one name.
# Letters NFKD does not split into a base letter and a mark.
UNDECOMPOSED = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
        "’": "'",
    }
)


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
    state_keys: dict[str, str] = field(default_factory=dict)

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
        """The state a name or alternative name denotes ("Türkiye", "Turkey" -> TUR), accents aside."""
        return self.state_keys.get(name_key(name))

    def capital_of(self, city: str) -> str | None:
        """The state whose capital the city is ("Tehran", "HÀ NỘI" -> IRN, VNM)."""
        return self.capitals.get(name_key(city))

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


def unaccented(text: str) -> str:
    """The text without diacritics, case kept: "Việt Nam" -> "Viet Nam", "Đà Nẵng" -> "Da Nang"."""
    # The gazetteer asks this of every token; most words are plain ASCII and need nothing done.
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """A place or state name folded for lookup, without case, accents or spaces ("Hà Nội" = "Hanoi")."""
    return "".join(c for c in unaccented(text).casefold() if c.isalnum())


def _iso_name(value: str | None) -> str | None:
    """A pycountry name as prose writes it ("Korea, Republic of" -> "Republic of Korea"), if it can be."""
    if not value:
        return None
    value = value.split("(")[0].strip()
    if ", " in value:
        head, tail = value.split(", ", 1)
        if not re.search(r"\bof(?: the)?$", tail):
            return None
        value = f"{tail} {head}"
    return re.sub(r"^[Tt]he ", "", value)


def _iso_names(code: str) -> tuple[str | None, list[str]]:
    """The alpha-2 code and the names pycountry knows for an alpha-3 code, the common name first."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None, []
    found = (_iso_name(getattr(country, key, None)) for key in ("common_name", "name", "official_name"))
    return country.alpha_2, list(dict.fromkeys(name for name in found if name))


def _states() -> tuple[dict[str, Party], dict[str, list[str]], dict[str, str], dict[str, str]]:
    """States from pycountry, with the short names, other names, demonyms and capitals of states.tsv.

    A name two states could claim ("Congo") goes to the one whose own row lists it; pycountry's formal
    names come after every row's own names.
    """
    beyond_iso = {code: (alpha2, name) for code, alpha2, name in _rows("states_beyond_iso.tsv", 3)}
    parties: dict[str, Party] = {}
    names: dict[str, list[str]] = {}
    capitals: dict[str, str] = {}
    capital_names: dict[str, str] = {}
    formal: dict[str, list[str]] = {}
    for code, short, aliases, demonyms, capital in _rows("states.tsv", 5):
        alpha2, iso = _iso_names(code)
        if code in beyond_iso:
            alpha2, iso = beyond_iso[code][0], [beyond_iso[code][1]]
        if not iso and not short:
            raise GazetteerError(
                f"{RESOURCES / 'states.tsv'}: {code!r} is not in ISO 3166-1; list it in states_beyond_iso.tsv"
            )
        parties[code] = Party(code, "state", short or iso[0], alpha2, tuple(_split(demonyms)))
        names[code] = list(dict.fromkeys([short or iso[0], *_split(aliases)]))
        formal[code] = iso
        cities = _split(capital)
        capitals |= {name_key(city): code for city in cities}
        if cities:
            capital_names[code] = cities[0]
    claimed = {unaccented(name): code for code in reversed(names) for name in names[code]}
    for code, iso in formal.items():
        for name in iso:
            if claimed.setdefault(unaccented(name), code) == code and name not in names[code]:
                names[code].append(name)
    return parties, names, capitals, capital_names


@cache
def load_gazetteer() -> Gazetteer:
    """Read the gazetteer data files once per process."""
    parties, names, capitals, capital_names = _states()
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
    state_keys: dict[str, str] = {}
    for code, party_names in names.items():
        if parties[code].kind == "state":
            for name in party_names:
                state_keys.setdefault(name_key(name), code)
    return Gazetteer(parties, names, ranks, titles, title_states, capitals, capital_names, state_keys)


def entity_patterns(nlp: Language, gazetteer: Gazetteer) -> list[dict]:
    """SpanRuler patterns for every gazetteer name; the pattern id carries the code, rank or role."""

    def caseless(text: str) -> list[dict]:
        # Inner "of" and "the" are optional: "Chairman Joint Chiefs of Staff", "Chief of General Staff".
        tokens = list(nlp.make_doc(text))
        return [
            {"LOWER": t.lower_, "OP": "?"}
            if 0 < i < len(tokens) - 1 and t.lower_ in ("of", "the")
            else {"LOWER": t.lower_}
            for i, t in enumerate(tokens)
        ]

    def spellings(text: str) -> list[str]:
        # As written and in the capitals of wire copy, without diacritics (the ruler also reads the doc
        # without them); otherwise the case counts ("US" is not "us"). Phrases, not token patterns: the
        # phrase matcher looks every name up at once, where token patterns are each tried at every token.
        plain = unaccented(text)
        return list(dict.fromkeys([text, plain, plain.upper()]))

    # A name two parties share ("Congolese") goes to the first that lists it, so that the match is stable.
    party_patterns: dict[str, dict] = {}
    for code, party_names in gazetteer.party_names.items():
        label = STATE if gazetteer.parties[code].kind == "state" else ORGANISATION
        named = [(label, name) for name in party_names]
        named += [(DEMONYM, demonym) for demonym in gazetteer.parties[code].demonyms]
        for kind, name in named:
            for spelling in spellings(name):
                party_patterns.setdefault(spelling, {"label": kind, "pattern": spelling, "id": code})
    patterns = list(party_patterns.values())
    for full, variants in gazetteer.ranks.items():
        patterns += [{"label": RANK, "pattern": form, "id": full} for form in [full, *variants]]
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
def make_gazetteer_ruler(nlp: Language, name: str) -> GazetteerRuler:
    """Entities for states, demonyms, organisations, ranks and titles; the longest match wins."""
    ruler = GazetteerRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=True)
    ruler.add_patterns(entity_patterns(nlp, load_gazetteer()))
    return ruler


class GazetteerRuler(SpanRuler):
    """A span ruler that leaves out parties named only to be negated: "a non-NATO ally" is not NATO's,
    "an anti-Russian stance" is no Russian's."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc) + self._unaccented_matches(doc))
        prefixes = _negating_prefixes()
        doc.ents = [
            ent
            for ent in doc.ents
            if not (
                ent.label_ in PARTY_LABELS
                and ent.start >= 2
                and doc[ent.start - 1].text == "-"
                and doc[ent.start - 2].lower_ in prefixes
            )
        ]
        return doc

    def _unaccented_matches(self, doc: Doc) -> list[Span]:
        """Matches on the doc's twin without diacritics ("Việt Nam" read as "Viet Nam"), token for
        token, so that every spelling of a name is found by one phrase lookup."""
        if doc.text.isascii():
            return []
        words = [unaccented(token.text) for token in doc]
        twin = Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])
        return [Span(doc, m.start, m.end, label=m.label, span_id=m.id) for m in self.match(twin)]


@cache
def _negating_prefixes() -> frozenset[str]:
    context = json.loads((RESOURCES / "context.json").read_text(encoding="utf-8"))
    return frozenset(context["negating_prefixes"])
