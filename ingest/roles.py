"""Give each person the party they represent, their roles and their rank, from the words around the name.

"Azerbaijani Defence Minister Col-Gen Zakir Hasanov" reads right to left from the name:
rank, title, demonym. An appositive after the name ("Thierry Burkhard, the French Chief
of Defence,") is read left to right. "His Latvian counterpart Artis Pabriks" takes the
roles of the person he is the counterpart of, in his own party.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.events import dateline
from ingest.gazetteer import DEMONYM, ORGANISATION, RANK, RESOURCES, STATE, TITLE, load_gazetteer

CONTEXT = json.loads((RESOURCES / "context.json").read_text(encoding="utf-8"))
LINKS = frozenset(CONTEXT["title_links"])
NOT_PARTY_AFTER = frozenset(CONTEXT["not_party_after"])
COUNTERPART = frozenset(CONTEXT["counterpart"])
FALLBACK_TITLES = frozenset(t.lower() for t in CONTEXT["fallback_titles"])
DEFENCE_WORDS = frozenset(CONTEXT["defence_words"])
SIDE_WORDS = frozenset(CONTEXT["side_words"])
COMPANION_WORDS = frozenset(CONTEXT["companion_words"])
PARTY_ENTS = (STATE, DEMONYM, ORGANISATION)
ORG_HEAD_ROLES = frozenset({"head-of-state", "head-of-government"})
MAX_CONTEXT_TOKENS = 30


@dataclass
class Context:
    """What the words around one mention say about the person."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    party: str | None = None
    rank: str | None = None
    counterpart: bool = False
    words: list[str] = field(default_factory=list)


def _ent_start(token: Token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _ent_end(token: Token) -> int:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].ent_iob_ == "I":
        i += 1
    return i


def _note(context: Context, doc: Doc, start: int, end: int, *, leftwards: bool) -> None:
    token = doc[start]
    label, key = token.ent_type_, token.ent_id_
    text = doc[start:end].text
    context.words += [t.lower_ for t in doc[start:end]]
    if label == TITLE:
        context.titles.append((key, text))
    elif label == RANK and context.rank is None:
        context.rank = key
    elif label in (STATE, DEMONYM, ORGANISATION) and context.party is None:
        before = doc[start - 1].lower_ if start > 0 else ""
        if before not in NOT_PARTY_AFTER:
            context.party = key


def read_left(doc: Doc, start: int, stop: int) -> Context:
    """Read the title chain that ends right before token `start` (not crossing token `stop`)."""
    context = Context()
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= max(sent_start, stop, start - MAX_CONTEXT_TOKENS):
        token = doc[i]
        if token.ent_type_ in (TITLE, RANK, STATE, DEMONYM, ORGANISATION):
            begin = _ent_start(token)
            _note(context, doc, begin, i + 1, leftwards=True)
            i = begin - 1
        elif token.lower_ in COUNTERPART:
            context.counterpart = True
            i -= 1
        elif token.lower_ in LINKS or (token.is_title and token.ent_type_ != "PERSON" and i != sent_start):
            context.words.append(token.lower_)
            i -= 1
        elif _describes(token) or (token.lower_ == "and" and doc[i - 1].is_title and doc[i + 1].is_title):
            i -= 1
        else:
            break
    return context


def read_right(doc: Doc, end: int) -> Context:
    """Read an appositive title after the name: ", the French Chief of Defence,"."""
    context = Context()
    if end >= len(doc) or doc[end].text != ",":
        return context
    i = end + 1
    sent_end = doc[end].sent.end
    while i < min(sent_end, end + MAX_CONTEXT_TOKENS):
        token = doc[i]
        if token.ent_type_ in (TITLE, RANK, STATE, DEMONYM, ORGANISATION):
            stop = _ent_end(token)
            _note(context, doc, i, stop, leftwards=False)
            i = stop
        elif token.text in (",", ".", ";", ")") or token.ent_type_ == "PERSON":
            break
        elif token.lower_ in LINKS or token.is_title or _describes(token):
            context.words.append(token.lower_)
            i += 1
        else:
            break
    return context if context.titles else Context()


def _describes(token: Token) -> bool:
    """Modifiers inside a title phrase: "the newly appointed military attaché"."""
    return token.pos_ in ("ADJ", "ADV") or token.tag_ in ("VBN", "VBG") or token.dep_ == "amod"


def _roles(titles: list[tuple[str, str]], words: list[str]) -> list[tuple[str, str]]:
    """Distinct roles; generic titles only when nothing more specific is said."""
    specific = [(r, t) for r, t in titles if t.lower() not in FALLBACK_TITLES]
    # "Director" or "adviser" is a defence official only in a defence setting.
    defence = any(w in DEFENCE_WORDS for w in words)
    unique: dict[str, str] = {}
    for role, title in specific or titles:
        if role == "defence-official" and not defence:
            role = "official"
        unique.setdefault(role, title)
    return list(unique.items())


def assign_roles(doc: Doc, people: list[dict]) -> None:
    """Add party, roles ([role, title] pairs) and rank to each person dict, from the words around the name."""
    ends = sorted(e for p in people for _, e in p["mentions"])
    counterparts: dict[int, int] = {}
    for number, person in enumerate(people):
        titles: list[tuple[str, str]] = []
        words: list[str] = []
        party = rank = None
        for start, end in person["mentions"]:
            previous_end = max((e for e in ends if e <= start), default=0)
            left = read_left(doc, start, previous_end)
            right = read_right(doc, end)
            titles += left.titles + right.titles
            words += left.words + right.words
            party = party or left.party or right.party
            rank = rank or left.rank or right.rank
            if left.counterpart and not left.titles and number not in counterparts:
                counterparts[number] = start
        roles = _roles(titles, words)
        person.update(roles=[list(r) for r in roles], party=party, rank=rank, titles=[t for _, t in titles])
    for number, at in counterparts.items():
        person = people[number]
        if not person["roles"] and (anchor := _anchor(people, person, at)):
            person["roles"] = [list(r) for r in anchor["roles"]]
    _parties_from_sentences(doc, people)
    for person in people:
        # Only an official's title ("Secretary General") can belong to an organisation named nearby.
        if person["party"] is None and person["roles"] and all(r == "official" for r, _ in person["roles"]):
            person["party"] = _nearest_organisation(doc, person)
        _organisation_heads(person)


def _organisation_heads(person: dict) -> None:
    """A president or chair of an international organisation is one of its officials, not a head of state."""
    if person["party"] and load_gazetteer().party(person["party"]).kind == "organisation":
        person["roles"] = [["official", t] if r in ORG_HEAD_ROLES else [r, t] for r, t in person["roles"]]


def _parties_from_sentences(doc: Doc, people: list[dict]) -> None:
    """A list announced by its side names everyone's party: 'On the Iranian side, X, Y and Z were
    present', 'the command of the Turkish Armed Forces: X; Y; Z'."""
    for person in people:
        if person["party"] is not None:
            continue
        for start, _ in person["mentions"]:
            sent = doc[start].sent
            parties = [t for t in sent if t.ent_type_ in PARTY_ENTS and t.ent_iob_ == "B" and t.i < start]
            sides = [t.ent_id_ for t in parties if _ent_end(t) < len(doc) and doc[_ent_end(t)].lower_ in SIDE_WORDS]
            colons = [t.i for t in sent if t.text == ":" and t.i < start]
            if not sides and colons:
                sides = [t.ent_id_ for t in parties if t.i < colons[-1]]
            if sides:
                person["party"] = sides[-1]
                break


def _companions(doc: Doc, people: list[dict]) -> None:
    """'X travelled to Y with Minister Z', 'X, accompanied by Z': Z is on X's side."""
    index = {end - 1: p for p in people for _, end in p["mentions"]}
    for i, person in index.items():
        if person["party"] is not None:
            continue
        for ancestor in doc[i].ancestors:
            if ancestor.lower_ in COMPANION_WORDS or ancestor.lemma_ in COMPANION_WORDS:
                verb = next((a for a in ancestor.ancestors if a.pos_ in ("VERB", "AUX")), None)
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
                leaders = [index[t.i] for s in subjects for t in s.subtree if t.i in index]
                if leaders and leaders[0]["party"] and leaders[0] is not person:
                    person["party"] = leaders[0]["party"]
                break


def fill_default_parties(doc: Doc, people: list[dict]) -> None:
    """Give an office holder of still unknown party the one state with that title, else the article's home state."""
    gazetteer = load_gazetteer()
    _companions(doc, people)
    home = _home_state(doc)
    for person in people:
        if person["party"] is None and person["roles"]:
            titled = (gazetteer.title_state(title) for title in person.get("titles", []))
            person["party"] = next((state for state in titled if state), home)
        _organisation_heads(person)


def _anchor(people: list[dict], person: dict, at: int) -> dict | None:
    """The person named most recently before the counterpart mention who has roles."""
    best, best_start = None, -1
    for other in people:
        if other is person or not other["roles"]:
            continue
        for start, _ in other["mentions"]:
            if best_start < start < at:
                best, best_start = other, start
    return best


def _nearest_organisation(doc: Doc, person: dict) -> str | None:
    start = person["mentions"][0][0]
    sent = doc[start].sent
    orgs = [t for t in sent if t.ent_type_ == ORGANISATION and t.ent_iob_ == "B"]
    if not orgs:
        return None
    return min(orgs, key=lambda t: abs(t.i - start)).ent_id_


def _home_state(doc: Doc) -> str | None:
    """The state an untitled 'President X' most likely leads: the one whose capital the story is
    datelined from, else the one the article mentions most."""
    if (city := dateline(doc)) and (state := load_gazetteer().capital_of(city)):
        return state
    counts = Counter(t.ent_id_ for t in doc if t.ent_type_ in (STATE, DEMONYM) and t.ent_iob_ == "B")
    return counts.most_common(1)[0][0] if counts else None


@Language.factory("milgraph_roles")
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader()


class RoleReader:
    """Complete every entry of `doc._.people` with "party", "roles" and "rank"."""

    def __call__(self, doc: Doc) -> Doc:
        assign_roles(doc, doc._.people or [])
        return doc


@Language.factory("milgraph_default_party")
def make_default_party(nlp: Language, name: str) -> DefaultParty:
    return DefaultParty()


class DefaultParty:
    """Last resort, after the meetings had their say: an office holder of unknown party gets the home state."""

    def __call__(self, doc: Doc) -> Doc:
        fill_default_parties(doc, doc._.people or [])
        return doc
