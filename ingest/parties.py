"""The party of people whose own words do not say it, from lists, companions, meetings and the story.

"On the Iranian side, X and Y were present"; "Albanese travelled with Minister Z";
someone of unknown party meeting a Turkish minister is on the other side; failing all
that, an office holder belongs to the state the story is about.
"""

from __future__ import annotations

import json
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.events import EVENTS, dateline, parties_named
from ingest.gazetteer import DEMONYM, ORGANISATION, PARTY_LABELS, RESOURCES, STATE, load_gazetteer
from ingest.places import city_state
from ingest.tokens import ent_end

CONTEXT = json.loads((RESOURCES / "context.json").read_text(encoding="utf-8"))
SIDE_WORDS = frozenset(CONTEXT["side_words"])
COMPANION_WORDS = frozenset(CONTEXT["companion_words"])
COUNTERPART_WORDS = frozenset(CONTEXT["counterpart"])
PERSON_POSSESSIVES = frozenset(EVENTS["person_possessives"])
ORG_HEAD_ROLES = frozenset({"head-of-state", "head-of-government"})
PARTY_ENTS = (STATE, DEMONYM, ORGANISATION)


def organisation_heads(person: dict) -> None:
    """A president or chair of an international organisation is one of its officials, not a head of state."""
    if person["party"] and load_gazetteer().party(person["party"]).kind == "organisation":
        person["roles"] = [["official", t] if r in ORG_HEAD_ROLES else [r, t] for r, t in person["roles"]]


def parties_from_lists(doc: Doc, people: list[dict]) -> None:
    """A list announced by its side names everyone's party: 'On the Iranian side, X, Y and Z were
    present', 'the command of the Turkish Armed Forces: X; Y; Z'."""
    for person in people:
        if person["party"] is not None:
            continue
        for start, _ in person["mentions"]:
            sent = doc[start].sent
            parties = [t for t in sent if t.ent_type_ in PARTY_ENTS and t.ent_iob_ == "B" and t.i < start]
            sides = [
                t.ent_id_ for t in parties if ent_end(t) < len(doc) and doc[ent_end(t)].lower_ in SIDE_WORDS
            ]
            colons = [t.i for t in sent if t.text == ":" and t.i < start]
            if not sides and colons:
                sides = [t.ent_id_ for t in parties if t.i < colons[-1]]
            if sides:
                person["party"] = sides[-1]
                break


def companions(doc: Doc, people: list[dict]) -> None:
    """'X travelled to Y with Minister Z', 'X, accompanied by Z': Z is on X's side. ('X held talks
    with Z' is the other way round: 'with' joins sides only after a verb of travel.)"""
    index = {end - 1: p for p in people for _, end in p["mentions"]}
    for i, person in index.items():
        if person["party"] is not None:
            continue
        for ancestor in doc[i].ancestors:
            if ancestor.lower_ not in COMPANION_WORDS and ancestor.lemma_ not in COMPANION_WORDS:
                continue
            verb = next((a for a in ancestor.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is None or (ancestor.lower_ == "with" and verb.lemma_ not in EVENTS["visit_words"]):
                break
            subjects = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
            leaders = [index[t.i] for t in subjects if t.i in index and index[t.i] is not person]
            named = parties_named(subjects)
            if leaders and leaders[0]["party"]:
                person["party"] = leaders[0]["party"]
            elif not leaders and len(named) == 1:
                # "The Saudi minister was accompanied by X".
                person["party"] = named[0]
            break


def nearest_organisation(doc: Doc, person: dict) -> str | None:
    """The organisation named closest to the person's first mention, in the same sentence."""
    start = person["mentions"][0][0]
    sent = doc[start].sent
    orgs = [t for t in sent if t.ent_type_ == ORGANISATION and t.ent_iob_ == "B"]
    if not orgs:
        return None
    return min(orgs, key=lambda t: abs(t.i - start)).ent_id_


def settle_sides(
    participants: list[dict], pair: list[str], others: list[str], place: str | None = None
) -> list[str]:
    """Parties of the participants. Those of unknown party facing one known side belong to the other
    side: the one other party the sentence names, else the article's other side if the sentence names
    it among others, else the host whose capital or country the meeting was in, else the article's
    other side. With no side known, titles only one state
    uses ("Secretary of State", "External Affairs Minister") decide."""
    gazetteer = load_gazetteer()
    if not any(p["party"] for p in participants):
        for person in participants:
            titled = (gazetteer.title_state(title) for title in person.get("titles", []))
            person["party"] = next((s for s in titled if s), None)
    parties = list(dict.fromkeys(p["party"] for p in participants if p["party"]))
    if len(parties) != 1:
        return parties
    named = list(dict.fromkeys(c for c in others if c != parties[0]))
    host = host_state(place)
    paired = (
        next((c for c in pair if c != parties[0]), None) if len(pair) == 2 and parties[0] in pair else None
    )
    if len(named) == 1:
        other = named[0]
    elif paired in named:
        other = paired
    elif host and host != parties[0]:
        other = host
    elif paired:
        other = paired
    else:
        return parties
    # "X met his Japanese counterpart": X is not Japanese, whatever else the sentence names.
    unknown = [p for p in participants if p["party"] is None and other not in p.get("not_parties", ())]
    for person in unknown:
        person["party"] = other
    return [*parties, other] if unknown else parties


def host_state(place: str | None) -> str | None:
    """The state a meeting place belongs to: a capital, a state or a known city ("Mogadishu",
    "Bulgaria", "Sochi"). A state's own name wins over a city that shares it ("Jordan")."""
    if not place:
        return None
    gazetteer = load_gazetteer()
    return gazetteer.capital_of(place) or gazetteer.state_named(place) or city_state(place)


# "India-Japan talks", "U.S./China": a compound that names the story's pair.
PAIR_JOINS = frozenset({"-", "–", "/"})


def party_mentions(doc: Doc) -> Counter[str]:
    """How often the story names each party; a compound that names a pair ("India-Japan talks",
    "U.S.-China relations") says it more than a passing mention."""
    counts: Counter[str] = Counter()
    for token in doc:
        if token.ent_type_ in PARTY_LABELS and token.ent_iob_ == "B" and token.ent_id_:
            end = ent_end(token)
            paired = (end + 1 < len(doc) and doc[end].text in PAIR_JOINS) or (
                token.i > 1 and doc[token.i - 1].text in PAIR_JOINS
            )
            counts[token.ent_id_] += 3 if paired else 1
    return counts


def article_pair(doc: Doc) -> list[str]:
    """The article's two sides: the parties its people represent, then the ones it mentions most."""
    counts = party_mentions(doc)
    for person in doc._.people or []:
        if person["party"]:
            counts[person["party"]] += 3
    return [code for code, _ in counts.most_common(2)]


def sentence_parties(sent: Span) -> list[str]:
    """Parties the sentence names, leaving out places ("in Cambodia")."""
    return [
        t.ent_id_
        for t in sent
        if t.ent_type_ in PARTY_LABELS
        and t.ent_iob_ == "B"
        and t.ent_id_
        and not (t.i > 0 and t.doc[t.i - 1].lower_ in EVENTS["place_prepositions"])
    ]


def fill_default_parties(doc: Doc, people: list[dict]) -> None:
    """An office holder of still unknown party: the one state with that title, else the other side of
    the counterpart the text gives them, else the host of the meetings they took part in, else the
    home state."""
    gazetteer = load_gazetteer()
    companions(doc, people)
    home = home_state(doc)
    pair = article_pair(doc)
    for person in people:
        if person["party"] is None and person["roles"]:
            titled = (gazetteer.title_state(title) for title in person.get("titles", []))
            state = next((state for state in titled if state), None)
            candidates = (state, _facing(doc, person, people, pair), _host(doc, person), home)
            excluded = person.get("not_parties", ())
            person["party"] = next((c for c in candidates if c and c not in excluded), None)
        organisation_heads(person)


def _host(doc: Doc, person: dict) -> str | None:
    """Visitors are introduced by their country, hosts often only by office ("the Cabinet Secretary for
    Defence"): someone of unknown party meeting in a party's capital or country is of that party."""
    if _visits(doc, person):
        return None
    hosts = {
        state
        for meeting in doc._.meetings or []
        if person["name"] in meeting["participants"]
        and (state := host_state(meeting["place"])) in meeting["parties"]
    }
    return hosts.pop() if len(hosts) == 1 else None


def _visits(doc: Doc, person: dict) -> bool:
    """'X travelled to Y', 'X made his first visit to Y': the person is the one who came."""
    for _, end in person["mentions"]:
        verb = next((a for a in doc[end - 1].ancestors if a.pos_ == "VERB"), None)
        if verb is not None and (
            verb.lemma_ in EVENTS["visit_words"]
            or any(c.lemma_ in EVENTS["visit_words"] for c in verb.children)
        ):
            return True
    return False


def _facing(doc: Doc, person: dict, people: list[dict], pair: list[str]) -> str | None:
    """'X is expected in Baku at the invitation of his Azerbaijani counterpart': X is of the article's
    other side."""
    named_at = {start for p in people for start, _ in p["mentions"]}
    for start, end in person["mentions"]:
        for token in doc[end : doc[start].sent.end]:
            if token.i in named_at:
                break
            lefts = list(token.lefts)
            if token.lower_ not in COUNTERPART_WORDS or not any(
                t.lower_ in PERSON_POSSESSIVES for t in lefts
            ):
                continue
            sides = parties_named(lefts)
            if len(sides) == 1 and len(pair) == 2 and sides[0] in pair:
                return pair[1] if sides[0] == pair[0] else pair[0]
    return None


def home_state(doc: Doc) -> str | None:
    """The state an untitled 'President X' most likely leads: the one whose capital the story is
    datelined from, if the story names it, else the one it mentions most."""
    counts = Counter(t.ent_id_ for t in doc if t.ent_type_ in (STATE, DEMONYM) and t.ent_iob_ == "B")
    # A Brussels dateline is usually about the EU or NATO, not Belgium: the state must be in the story.
    if (city := dateline(doc)) and (state := load_gazetteer().capital_of(city)) and state in counts:
        return state
    return counts.most_common(1)[0][0] if counts else None


@Language.factory("milgraph_default_party")
def make_default_party(nlp: Language, name: str) -> DefaultParty:
    return DefaultParty()


class DefaultParty:
    """Last resort, after the meetings had their say: parties of office holders from the whole story."""

    def __call__(self, doc: Doc) -> Doc:
        fill_default_parties(doc, doc._.people or [])
        return doc
