"""Parties for the whole article, settled before any meeting is read.

The words next to a name ("Azerbaijani Defence Minister X") are read by `milgraph_roles`.
Many people are introduced without them: a host by office alone, the subjects of a list
("the defence ministers of A and B, X and Y"), the home official of a wire story. Reading
those before the meetings means a meeting is built with both its sides known instead of
guessing one side from the other, and a wrong guess can no longer spread to later meetings.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.events import EVENTS, dateline, place_in
from ingest.gazetteer import PARTY_LABELS, RANK, TITLE
from ingest.parties import host_state, party_mentions
from ingest.party_phrases import (
    clause_subject,
    delegation_heads,
    entourage_parties,
    predecessor_parties,
    respective_parties,
    signed_for,
)
from ingest.people import MAX_NAME_TOKENS
from ingest.places import load_cities
from ingest.roles import COUNTERPART
from ingest.tokens import ent_end, ent_start


def counterpart_parties(doc: Doc, people: list[dict]) -> None:
    """'X, his Japanese counterpart' and 'his Japanese counterpart X': X is Japanese and holds the
    office of the person he is the counterpart of, the subject of the clause, who is not Japanese:
    of the story's other state, if Japan is one of the two it is about."""
    index = {end - 1: p for p in people for _, end in p["mentions"]}
    pair = story_pair(doc)
    for person in people:
        for start, end in person["mentions"]:
            named = _counterpart_after(doc, end) or _counterpart_before(doc, start)
            if len(named) != 1:
                continue
            if person["party"] is None:
                person["party"] = named[0]
            anchor = clause_subject(doc[start], index, person)
            if anchor is not None:
                anchor.setdefault("not_parties", []).append(named[0])
                # "X met his Turkish counterpart" in a story of Greece and Turkey: X is Greek.
                if anchor["party"] is None and len(pair) == 2 and named[0] in pair:
                    anchor["party"] = pair[1] if pair[0] == named[0] else pair[0]
                if not person["roles"]:
                    person["roles"] = [list(r) for r in anchor["roles"]]
            break


def _counterpart_after(doc: Doc, end: int) -> list[str]:
    """The parties of ', his Japanese counterpart' right after a name."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    i = end + 1
    if i < len(doc) and doc[i].lower_ in EVENTS["person_possessives"]:
        i += 1
    named = []
    while i < len(doc) and doc[i].ent_type_ in PARTY_LABELS and doc[i].ent_id_:
        named.append(doc[i].ent_id_)
        i = ent_end(doc[i])
    return named if i < len(doc) and doc[i].lower_ in COUNTERPART else []


def _counterpart_before(doc: Doc, start: int) -> list[str]:
    """The parties of 'his Japanese counterpart (, Defence Minister)' right before a name."""
    i = start - 1
    while i >= 0 and (doc[i].ent_type_ in (RANK, TITLE) or doc[i].text == ","):
        i -= 1
    if i < 0 or doc[i].lower_ not in COUNTERPART:
        return []
    named = []
    i -= 1
    while i >= 0 and doc[i].ent_type_ in PARTY_LABELS and doc[i].ent_id_:
        named.append(doc[i].ent_id_)
        i = ent_start(doc[i]) - 1
    return named


def host_parties(doc: Doc, people: list[dict]) -> None:
    """'X received Y in Baku', 'The visitor was later received by X', 'he called on X': the one who
    receives is at home, in the place the sentence names, else where the visit reported last went."""
    index = {end - 1: p for p in people for _, end in p["mentions"]}
    destination = None
    for sent in doc.sents:
        state = host_state(place_in(sent))
        if state and any(t.lemma_ in EVENTS["visit_words"] for t in sent):
            destination = state
        state = state or destination
        if state is None:
            continue
        for word in sent:
            if word.pos_ == "VERB" and word.lemma_ in EVENTS["person_object_verbs"]:
                hosts = _hosts(word, index)
            elif word.lemma_ in EVENTS["courtesy_verbs"]:
                hosts = _called_on(word, index)
            else:
                continue
            for person in hosts:
                if person["party"] is None:
                    person["party"] = state


def _hosts(verb: Token, index: dict[int, dict]) -> list[dict]:
    """Who receives: the subject, or the agent of a passive ("was received by the commander of the
    navy, Admiral X", where the small parser often leaves the apposed name off the agent)."""
    passive = _passive(verb)
    found = []
    for child in verb.children:
        if child.dep_ != ("agent" if passive else "nsubj"):
            continue
        found += [index[t.i] for t in child.subtree if t.i in index]
        after = child.right_edge.i + 1
        if passive and not found and after < len(verb.doc) and verb.doc[after].text == ",":
            i = after + 1
            while i < len(verb.doc) and verb.doc[i].ent_type_ == RANK:
                i += 1
            found += [p for j in range(i, min(i + MAX_NAME_TOKENS, len(verb.doc))) if (p := index.get(j))][:1]
    return found


def _called_on(word: Token, index: dict[int, dict]) -> list[dict]:
    """'X called on the minister, Y', 'paid courtesy calls on A and on B': those called on are hosts."""
    ons = [c for c in word.children if c.dep_ == "prep" and c.lower_ == "on"]
    return [index[t.i] for on in ons for t in on.subtree if t.i in index and t.ent_type_ != "DATE"]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def dateline_party(doc: Doc, people: list[dict]) -> None:
    """A wire story names its own officials by office alone: in a story datelined from a state's
    capital, the first office holder of the opening paragraph not introduced otherwise is of that
    state. Not when the dateline is only the venue: the state is not one of the story's two sides,
    or the opening introduces someone else as of that state (as a writer from elsewhere does)."""
    city = dateline(doc)
    state = host_state(city)
    pair = story_pair(doc)
    if not state or (len(pair) == 2 and state not in pair):
        return
    opening_end = doc.text.find("\n\n", doc.text.find(city) if city in doc.text else 0)
    opening_end = len(doc.text) if opening_end < 0 else opening_end
    opening = sorted(
        (p for p in people if p["mentions"] and doc[p["mentions"][0][0]].idx < opening_end),
        key=lambda p: p["mentions"][0][0],
    )
    if any(p["party"] == state for p in opening):
        return
    for person in opening:
        if person["roles"] and person["party"] is None:
            person["party"] = state
            return


def story_pair(doc: Doc) -> list[str]:
    """The two parties the story names most, before anyone's party is guessed."""
    return [code for code, _ in party_mentions(doc).most_common(2)]


def resolve_parties(doc: Doc, people: list[dict]) -> None:
    """Settle what the whole article says of people's parties, surest evidence first."""
    respective_parties(doc, people)
    delegation_heads(doc, people)
    counterpart_parties(doc, people)
    predecessor_parties(doc, people)
    entourage_parties(doc, people)
    signed_for(doc, people)
    host_parties(doc, people)
    dateline_party(doc, people)


@Language.factory("milgraph_parties")
def make_party_resolver(nlp: Language, name: str) -> PartyResolver:
    load_cities()
    return PartyResolver()


class PartyResolver:
    """Complete `doc._.people` parties from the article as a whole, before meetings are read."""

    def __call__(self, doc: Doc) -> Doc:
        resolve_parties(doc, doc._.people or [])
        return doc
