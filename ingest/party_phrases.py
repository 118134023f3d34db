"""Parties the phrases around a name give, read over the whole article before meetings.

"The defence ministers of A and B, X and Y"; "X, who is heading Peru's delegation";
"Múcio's predecessor, Y"; "accompanied by A; B; and C"; "X signed for Nigeria".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ingest.events import EVENTS
from ingest.gazetteer import PARTY_LABELS, RANK, TITLE
from ingest.parties import SIDE_WORDS
from ingest.roles import CONTEXT
from ingest.tokens import ent_end

# Words that may stand between the items of a list: "A, B and C", "A and the B".
LIST_GLUE = frozenset({",", "and", "the", "&"})
ENTOURAGE_WORDS = frozenset(CONTEXT["entourage_words"])
SUCCESSION_NOUNS = frozenset({"predecessor", "successor"})
# How far past a name its apposition may run: ", who is heading Vietnam's delegation to the forum,".
MAX_CONTEXT = 15
# "X (rtd), signed for Nigeria": how far after the name the party signed for may be named.
SIGNED_FOR_REACH = 6
# Between a list of parties and the list of their people: "the ministers of A and B, X and Y".
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


def clause_subject(token: Token, index: dict[int, dict], person: dict) -> dict | None:
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
                holder = clause_subject(doc[i], index, person)
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
