"""Parties for the whole article, settled before any meeting is read.

The words next to a name ("Azerbaijani Defence Minister X") are read by `milgraph_roles`.
Many people are introduced without them: a host by office alone, the subjects of a list
("the defence ministers of A and B, X and Y"), the home official of a wire story. Reading
those before the meetings means a meeting is built with both its sides known instead of
guessing one side from the other, and a wrong guess can no longer spread to later meetings.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.events import EVENTS, dateline, place_in
from ingest.gazetteer import PARTY_LABELS, RANK, TITLE
from ingest.parties import SIDE_WORDS, host_state
from ingest.people import MAX_NAME_TOKENS
from ingest.places import load_cities
from ingest.roles import CONTEXT, COUNTERPART
from ingest.tokens import ent_end, ent_start

# Words that may stand between the items of a list: "A, B and C", "A and the B".
LIST_GLUE = frozenset({",", "and", "the", "&"})
# Between a list of parties and the list of their people: "the ministers of A and B, X and Y".
ENTOURAGE_WORDS = frozenset(CONTEXT["entourage_words"])
SUCCESSION_NOUNS = frozenset({"predecessor", "successor"})
PAIR_JOINS = frozenset({"-", "–", "/"})
# How far past a name its apposition may run: ", who is heading Vietnam's delegation to the forum,".
MAX_CONTEXT = 15
# "X (rtd), signed for Nigeria": how far after the name the party signed for may be named.
SIGNED_FOR_REACH = 6
LIST_BRIDGE = frozenset({",", ":", "—", "–", "-", "("})


def _party_groups(sent: Span) -> list[tuple[int, int, list[str]]]:
    """Coordinated runs of two or more parties in the sentence: (first token, end token, codes)."""
    doc = sent.doc
    groups: list[tuple[int, int, list[str]]] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.ent_type_ not in PARTY_LABELS or token.ent_iob_ != "B" or not token.ent_id_:
            i += 1
            continue
        start, codes, end = i, [token.ent_id_], ent_end(token)
        j = end
        while j < sent.end:
            k = j
            while k < sent.end and doc[k].lower_ in LIST_GLUE:
                k += 1
            nxt = doc[k] if k < sent.end else None
            if k == j or nxt is None or nxt.ent_type_ not in PARTY_LABELS or nxt.ent_iob_ != "B":
                break
            codes.append(nxt.ent_id_)
            end = j = ent_end(nxt)
        if len(codes) >= 2:
            groups.append((start, end, codes))
        i = end
    return groups


def _people_run(doc: Doc, begin: int, stop: int, starts: dict[int, dict]) -> list[dict]:
    """The people listed from token `begin` on: names joined by commas and "and", ranks allowed."""
    found: list[dict] = []
    i = begin
    while i < stop:
        while i < stop and (doc[i].ent_type_ == RANK or (found and doc[i].lower_ in LIST_GLUE)):
            i += 1
        person = starts.get(i)
        if person is None:
            break
        found.append(person)
        i = next(end for start, end in person["mentions"] if start == i)
    return found


def respective_parties(doc: Doc, people: list[dict]) -> None:
    """'The defence ministers of A and B, X and Y, signed ...': X is of A and Y of B. The list says
    it more surely than the nearest party word, which would give X the party of B."""
    starts = {start: p for p in people for start, _ in p["mentions"]}
    for sent in doc.sents:
        for _, end, codes in _party_groups(sent):
            i = end
            while i < sent.end and doc[i].lower_ in LIST_BRIDGE:
                i += 1
            if i == end:
                continue
            listed = _people_run(doc, i, sent.end, starts)
            if len(listed) == len(codes) and len({id(p) for p in listed}) == len(codes):
                for person, code in zip(listed, codes, strict=True):
                    person["party"] = code


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
            anchor = _clause_subject(doc[start], index, person)
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


def _clause_subject(token: Token, index: dict[int, dict], person: dict) -> dict | None:
    """The person named in the subject of the clause `token` belongs to."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for node in child.subtree:
                if (found := index.get(node.i)) is not None and found is not person:
                    return found
    return None


def predecessor_parties(doc: Doc, people: list[dict]) -> None:
    """'Múcio's predecessor, X', 'his successor X': X held the same office for the same party."""
    ends = {end: p for p in people for _, end in p["mentions"]}
    index = {end - 1: p for p in people for _, end in p["mentions"]}
    for person in people:
        for start, _ in person["mentions"]:
            i = start - 1
            while i >= 0 and (doc[i].ent_type_ in (RANK, TITLE) or doc[i].text == ","):
                i -= 1
            if i < 1 or doc[i].lemma_ not in SUCCESSION_NOUNS:
                continue
            before = doc[i - 1]
            if before.lower_ in ("'s", "’s"):
                holder = ends.get(before.i)
            elif before.lower_ in EVENTS["person_possessives"]:
                holder = _clause_subject(doc[i], index, person)
            else:
                holder = None
            if holder is None or holder is person:
                continue
            if person["party"] is None:
                person["party"] = holder["party"]
            if not person["roles"]:
                person["roles"] = [list(r) for r in holder["roles"]]
            break


def entourage_parties(doc: Doc, people: list[dict]) -> None:
    """'X was accompanied by A; B; and C', 'the delegation included A, B and C': an entourage is of
    one side. The side is that of the entourage's members whose party is known, if they agree,
    else the one party the sentence gives its leader ("The Saudi minister was accompanied by")."""
    starts = sorted((start, p) for p in people for start, _ in p["mentions"])
    for sent in doc.sents:
        word = next(
            (
                t
                for t in sent
                if t.lower_ in ENTOURAGE_WORDS and t.i + 1 < sent.end and t.nbor().lower_ in ("by", "at")
            ),
            None,
        )
        if word is None:
            continue
        members = list({id(p): p for start, p in starts if word.i < start < sent.end}.values())
        known = {p["party"] for p in members if p["party"]}
        leader = {t.ent_id_ for t in doc[sent.start : word.i] if t.ent_type_ in PARTY_LABELS and t.ent_id_}
        side = known or leader
        if len(side) != 1:
            continue
        code = side.pop()
        for person in members:
            if person["party"] is None and code not in person.get("not_parties", ()):
                person["party"] = code


def delegation_heads(doc: Doc, people: list[dict]) -> None:
    """'X, who is heading Vietnam's delegation', 'X, head of the Kenyan delegation': X is of the party
    whose delegation he leads, whatever the place the story is datelined from."""
    starts = {start for p in people for start, _ in p["mentions"]}
    for person in people:
        if person["party"] is not None:
            continue
        for _, end in person["mentions"]:
            if end >= len(doc) or doc[end].text != ",":
                continue
            stop = min(end + MAX_CONTEXT, doc[end].sent.end)
            window = [t for t in doc[end + 1 : stop] if t.i not in starts]
            for i, token in enumerate(window):
                if token.lemma_ not in ("lead", "head"):
                    continue
                side = next((j for j in range(i + 1, len(window)) if window[j].lower_ in SIDE_WORDS), None)
                led = window[i + 1 : side] if side is not None else []
                codes = [t.ent_id_ for t in led if t.ent_type_ in PARTY_LABELS and t.ent_id_]
                if len(set(codes)) == 1:
                    person["party"] = codes[0]
                break
            if person["party"] is not None:
                break


def signed_for(doc: Doc, people: list[dict]) -> None:
    """'X signed for Nigeria and Y for Russia', 'Y, for Russia': whom a signatory signs for."""
    starts = {start for p in people for start, _ in p["mentions"]}
    for person in people:
        if person["party"] is not None:
            continue
        for _, end in person["mentions"]:
            if end >= len(doc):
                continue
            stop = min(end + SIGNED_FOR_REACH, doc[end].sent.end)
            for i in range(end, stop - 1):
                if i in starts:
                    break
                after = doc[i + 1]
                if doc[i].lower_ == "for" and after.ent_type_ in PARTY_LABELS and after.ent_id_:
                    if i <= end + 1 or any(t.lemma_ in EVENTS["sign_verbs"] for t in doc[end:i]):
                        person["party"] = after.ent_id_
                    break
            if person["party"] is not None:
                break


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
    """The two states a story is most about, by how often it names them; a compound that names a
    pair ("India-Japan talks", "U.S.-China relations") says it more than a passing mention."""
    counts: Counter[str] = Counter()
    for token in doc:
        if token.ent_type_ in PARTY_LABELS and token.ent_iob_ == "B" and token.ent_id_:
            end = ent_end(token)
            paired = (end + 1 < len(doc) and doc[end].text in PAIR_JOINS) or (
                token.i > 1 and doc[token.i - 1].text in PAIR_JOINS
            )
            counts[token.ent_id_] += 3 if paired else 1
    return [code for code, _ in counts.most_common(2)]


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
