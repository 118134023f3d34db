"""Give each person the party they represent, their roles and their rank, from the words around the name.

"Azerbaijani Defence Minister Col-Gen Zakir Hasanov" reads right to left from the name:
rank, title, demonym. An appositive after the name ("Thierry Burkhard, the French Chief
of Defence,") is read left to right. "His Latvian counterpart Artis Pabriks" takes the
roles of the person he is the counterpart of, in his own party.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.gazetteer import DEMONYM, ORGANISATION, RANK, RESOURCES, STATE, TITLE
from ingest.name_words import HONORIFICS, INSTITUTION_WORDS
from ingest.parties import companions, nearest_organisation, organisation_heads, parties_from_lists
from ingest.title_lists import share_plural_titles
from ingest.titles import GRAMMAR, title_party
from ingest.tokens import ent_end, ent_start

CONTEXT = json.loads((RESOURCES / "context.json").read_text(encoding="utf-8"))
# "Director of Policy at the Ministry of Defence": the title grammar's links join a title chain too.
LINKS = frozenset(CONTEXT["title_links"]) | frozenset(GRAMMAR["links"])
NOT_PARTY_AFTER = frozenset(CONTEXT["not_party_after"])
COUNTERPART = frozenset(CONTEXT["counterpart"])
FALLBACK_TITLES = frozenset(t.lower() for t in CONTEXT["fallback_titles"])
DEFENCE_WORDS = frozenset(CONTEXT["defence_words"])
MAX_CONTEXT_TOKENS = 30
# ", who is also Commander of the Navy,": words of a relative clause that only link a name to its title.
FILLERS = frozenset(GRAMMAR["appositive_fillers"])
CIVILIAN_WORDS = frozenset(GRAMMAR["civilian_words"])
DEPUTY_WORDS = frozenset(GRAMMAR["deputy_words"])
DEPUTY_ROLES = GRAMMAR["deputy_roles"]
POSSESSIVES = frozenset({"his", "her", "their", "its", "'s", "’s"})


@dataclass
class Context:
    """What the words around one mention say about the person."""

    titles: list[tuple[str, str]] = field(default_factory=list)
    party: str | None = None
    rank: str | None = None
    counterpart: bool = False
    # "his deputy X": X holds the subordinate post of the person named before.
    deputy: bool = False
    words: list[str] = field(default_factory=list)
    # Per title: does "of" precede it, as in "Director General of the Office of the Minister of Defence"?
    subordinate: list[bool] = field(default_factory=list)

    def own_titles(self) -> list[tuple[str, str]]:
        """The titles of the person: a title after "of" belongs to someone else if another title heads it."""
        heads = [i for i, after_of in enumerate(self.subordinate) if not after_of]
        if not heads:
            return self.titles
        return [t for i, t in enumerate(self.titles) if not self.subordinate[i] or i > max(heads)]


def _note(context: Context, doc: Doc, start: int, end: int) -> None:
    """Record what the gazetteer entity doc[start:end] says: a title, a rank or a party."""
    token = doc[start]
    label, key = token.ent_type_, token.ent_id_
    text = doc[start:end].text
    context.words += [t.lower_ for t in doc[start:end]]
    if label == TITLE:
        before = [t.lower_ for t in doc[max(0, start - 2) : start]]
        context.titles.append((key, text))
        context.subordinate.append(before[-1:] == ["of"] or before == ["of", "the"])
        if context.party is None:
            context.party = title_party(token)
    elif label == RANK and context.rank is None:
        context.rank = key
    elif label in (STATE, DEMONYM, ORGANISATION) and context.party is None:
        # "ambassador to the UK": the article does not change which state is the host.
        i = start - 1 if start == 0 or doc[start - 1].lower_ != "the" else start - 2
        before = doc[i].lower_ if i >= 0 else ""
        if before not in NOT_PARTY_AFTER:
            context.party = key


def read_left(doc: Doc, start: int, stop: int) -> Context:
    """Read the title chain that ends right before token `start` (not crossing token `stop`)."""
    context = Context()
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= max(stop, start - MAX_CONTEXT_TOKENS):
        token = doc[i]
        if i < sent_start:
            # The full stop of "Maj.-Gen." can end a sentence for the parser; the rank still introduces.
            honorific = token.text == "." and i > 0 and doc[i - 1].text in HONORIFICS
            if (token.ent_type_ not in (TITLE, RANK) and not honorific) or i + 1 != sent_start:
                break
            sent_start = token.sent.start
        if token.text == ")" and (opening := _opening(doc, i, max(stop, sent_start))) is not None:
            # "the Chief of Defence Staff (CDS), Gen. X": an acronym in brackets sits inside the chain.
            i = opening - 1
        elif token.ent_type_ in (TITLE, RANK, STATE, DEMONYM, ORGANISATION):
            begin = ent_start(token)
            _note(context, doc, begin, i + 1)
            sent_start = min(sent_start, doc[begin].sent.start)
            i = begin - 1
        elif token.lower_ in COUNTERPART:
            context.counterpart = True
            i -= 1
        elif token.lower_ in DEPUTY_WORDS and i > 0 and doc[i - 1].lower_ in POSSESSIVES:
            context.deputy = True
            i -= 1
        elif token.text in HONORIFICS or (token.text == "." and i > 0 and doc[i - 1].text in HONORIFICS):
            i -= 1
        elif token.lower_ in LINKS or (token.is_title and not _a_person(token) and i != sent_start):
            context.words.append(token.lower_)
            i -= 1
        elif (_describes(token) and doc[i - 1].text != ",") or _joins_title_words(doc, i):
            # After a comma a participle is the verb of the clause: ", hosted Defence Secretary X".
            i -= 1
        else:
            break
    return context


def _opening(doc: Doc, close: int, floor: int) -> int | None:
    """The "(" that the ")" at `close` closes, if a short bracket without a name lies between."""
    for j in range(close - 1, max(floor, close - 8) - 1, -1):
        if doc[j].text == "(":
            return j
        if doc[j].ent_type_ == "PERSON" or doc[j].text in (")", ";"):
            return None
    return None


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
            stop = ent_end(token)
            _note(context, doc, i, stop)
            i = stop
        elif token.text in (",", ".", ";", ")") or token.ent_type_ == "PERSON":
            break
        elif token.lower_ in COUNTERPART:
            context.counterpart = True
            i += 1
        elif (
            token.lower_ in LINKS
            or token.lower_ in FILLERS
            or token.is_title
            or _describes(token)
            or token.dep_ == "compound"
            or _joins_title_words(doc, i)
            or (token.lower_ == "and" and i + 1 < len(doc) and doc[i + 1].ent_type_ == TITLE)
        ):
            context.words.append(token.lower_)
            i += 1
        else:
            break
    # "X, the Vice Chief of the Defence Forces, Lt. Gen. Y" and the list "X, Defence Minister Y": the
    # title introduces Y, not X.
    if i < len(doc) and (
        doc[i].ent_type_ == "PERSON" or (doc[i].text == "," and _introduces_name(doc, i + 1))
    ):
        return Context()
    return context if context.titles or context.counterpart else Context()


def _introduces_name(doc: Doc, i: int) -> bool:
    while i < len(doc) and doc[i].ent_type_ == RANK:
        i += 1
    return i < len(doc) and (
        doc[i].ent_type_ == "PERSON" or (doc[i].pos_ == "PROPN" and doc[i].is_title and not doc[i].ent_type_)
    )


def _a_person(token: Token) -> bool:
    """A PERSON entity, unless it holds an institution word ("Air Force" read as a name)."""
    if token.ent_type_ != "PERSON":
        return False
    return not any(t.text in INSTITUTION_WORDS for t in token.doc[ent_start(token) : ent_end(token)])


def _joins_title_words(doc: Doc, i: int) -> bool:
    """The "and" of "Special Representative for the Caucasus and Central Asia"."""
    return doc[i].lower_ == "and" and 0 < i < len(doc) - 1 and doc[i - 1].is_title and doc[i + 1].is_title


def _describes(token: Token) -> bool:
    """Modifiers inside a title phrase: "the newly appointed military attaché"; not the verb of the
    clause ("the ambassador introduced to the minister the attaché")."""
    participle = token.tag_ in ("VBN", "VBG") and token.dep_ != "ROOT"
    return token.pos_ in ("ADJ", "ADV") or participle or token.dep_ == "amod"


def _sentence_words(doc: Doc, person: dict) -> list[str]:
    start = person["mentions"][0][0]
    return [t.lower_ for t in doc[start].sent]


def _roles(titles: list[tuple[str, str]], words: list[str], sentence: list[str]) -> list[tuple[str, str]]:
    """Distinct roles; generic titles only when nothing more specific is said."""
    specific = [(r, t) for r, t in titles if t.lower() not in FALLBACK_TITLES]
    # "Director" or "adviser" is a defence official only in a defence setting: the title's own words
    # say so, or they name no civilian body and the sentence is about defence ("the ministry's spokesman").
    civilian = any(w in CIVILIAN_WORDS for w in words)
    defence = any(w in DEFENCE_WORDS for w in words) or (
        not civilian and any(w in DEFENCE_WORDS for w in sentence)
    )
    unique: dict[str, str] = {}
    for role, title in specific or titles:
        if role == "defence-official" and not defence:
            role = "official"
        unique.setdefault(role, title)
    # A head of state is commander-in-chief by office; that does not make them a military commander.
    commander = unique.get("military-commander", "").lower().replace(" ", "-")
    if "head-of-state" in unique and "commander-in-chief" in commander:
        del unique["military-commander"]
    return list(unique.items())


def assign_roles(doc: Doc, people: list[dict]) -> None:
    """Add party, roles ([role, title] pairs) and rank to each person dict, from the words around the name."""
    ends = sorted(e for p in people for _, e in p["mentions"])
    counterparts: dict[int, int] = {}
    deputies: dict[int, int] = {}
    for number, person in enumerate(people):
        titles: list[tuple[str, str]] = []
        words: list[str] = []
        party = rank = None
        for start, end in person["mentions"]:
            previous_end = max((e for e in ends if e <= start), default=0)
            left = read_left(doc, start, previous_end)
            right = read_right(doc, end)
            titles += left.own_titles() + right.own_titles()
            words += left.words + right.words
            party = party or left.party or right.party
            rank = rank or left.rank or right.rank
            if (left.counterpart or right.counterpart) and number not in counterparts:
                counterparts[number] = start
            if left.deputy and number not in deputies:
                deputies[number] = start
        roles = _roles(titles, words, _sentence_words(doc, person))
        person.update(roles=[list(r) for r in roles], party=party, rank=rank, titles=[t for _, t in titles])
    share_plural_titles(doc, people)
    for number, at in counterparts.items():
        person = people[number]
        generic = all(title.lower() in FALLBACK_TITLES for _, title in person["roles"])
        if generic and (anchor := _anchor(people, person, at)):
            person["roles"] = [list(r) for r in anchor["roles"]]
    for number, at in deputies.items():
        person = people[number]
        if not person["roles"] and (anchor := _anchor(people, person, at)):
            person["roles"] = [[DEPUTY_ROLES.get(r, "official"), t] for r, t in anchor["roles"]]
            person["party"] = person["party"] or anchor["party"]
    parties_from_lists(doc, people)
    companions(doc, people)
    for person in people:
        # Only an official's title ("Secretary General") can belong to an organisation named nearby.
        if person["party"] is None and person["roles"] and all(r == "official" for r, _ in person["roles"]):
            person["party"] = nearest_organisation(doc, person)
        organisation_heads(person)


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


@Language.factory("milgraph_roles")
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader()


class RoleReader:
    """Complete every entry of `doc._.people` with "party", "roles", "rank" and the "titles" read."""

    def __call__(self, doc: Doc) -> Doc:
        assign_roles(doc, doc._.people or [])
        return doc
