"""Who a description, a pronoun or a plural stands for: "the Russian minister", "him", "the two sides".

Meeting reports name their participants once and then refer to them; these rules
map such references back to the people found by `milgraph_people`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.events import EVENTS, governed_by, parties_named


def described_people(trigger: Token, people: list[dict], named: list[dict]) -> list[dict]:
    """People referred to by description: 'the Russian minister' (party and office), 'the minister'
    (office), 'his guest' (the main person of the other side)."""
    found: list[dict] = []
    sides = {p["party"] for p in named if p["party"]}
    named_at = {end - 1 for person in people for _, end in person["mentions"]}
    for token in [*trigger.subtree, *_shared_subject(trigger)]:
        if token.lemma_ not in EVENTS["reference_nouns"] or token.pos_ != "NOUN":
            continue
        # "his counterpart, General X" is X already; "the minister, who told the Uzbek leader": other clause.
        if any(t.i in named_at for t in _own_phrase(token)) or not (
            governed_by(token, trigger) or token.dep_ in ("nsubj", "nsubjpass")
        ):
            continue
        codes = parties_named(list(token.lefts))
        lefts = {t.lower_ for t in token.lefts}
        if codes:
            matches = [p for code in codes for p in people if p["party"] == code and p["roles"]]
            if token.lemma_ in EVENTS["other_side_nouns"] and named:
                # "his Iranian counterpart": of that party, preferably holding the same office.
                own = {r for p in named for r, _ in p["roles"]}
                matches.sort(key=lambda p: not own & {r for r, _ in p["roles"]})
        elif (
            token.lemma_ in EVENTS["other_side_nouns"] and lefts & set(EVENTS["person_possessives"]) and sides
        ):
            matches = [p for p in people if p["roles"] and p["party"] and p["party"] not in sides]
        elif "the" in lefts and token.tag_ == "NN":
            matches = [
                p
                for p in people
                if any(token.lemma_ in title.lower() for _, title in p["roles"])
                or token.lemma_ in p.get("honorifics", [])
            ]
        else:
            matches = []
        person = next((p for p in matches if p not in found), None)
        if person:
            found.append(person)
    return found


def _own_phrase(noun: Token) -> list[Token]:
    """The noun phrase without the clauses hanging from it ('the minister, who greeted President X')."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl", "advcl")]
    inside = {t.i for clause in clauses for t in clause.subtree}
    return [t for t in noun.subtree if t.i not in inside]


def _shared_subject(trigger: Token) -> list[Token]:
    """'The minister toured the base and held a meeting with X': the subject of the first verb is
    also the subject of the verb joined to it, which holds the meeting."""
    verb = (
        trigger if trigger.pos_ == "VERB" else next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
    )
    if verb is None or verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def pronoun_partner(trigger: Token, participants: list[dict], index: dict[int, dict]) -> dict | None:
    """'Pistorius welcomed him', 'his meeting with X': the person named last before the pronoun."""
    pronouns = [
        t for t in trigger.subtree if t.lower_ in EVENTS["person_pronouns"] and governed_by(t, trigger)
    ] + [t for t in _shared_subject(trigger) if t.lower_ in EVENTS["person_pronouns"]]
    if not pronouns:
        return None
    before = [p for i, p in sorted(index.items()) if i < pronouns[0].i and p not in participants]
    return before[-1] if before else None


def is_anaphoric(trigger: Token) -> bool:
    """'The meeting, also attended by X, ...': a definite meeting noun points back to the last report."""
    return trigger.pos_ == "NOUN" and any(c.lower_ in EVENTS["definite_determiners"] for c in trigger.lefts)


def clause_subjects(trigger: Token, index: dict[int, dict]) -> list[dict]:
    """'X made a visit to Japan, where a summit was held', 'X signed at a ceremony attended by Y': the
    subject of the clause a meeting noun belongs to takes part, unless the clause only reports speech."""
    if trigger.pos_ != "NOUN":
        return []
    verb = None
    for node in trigger.ancestors:
        if node.lemma_ in EVENTS["reporting_verbs"]:
            return []
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            verb = node
            break
    if verb is None:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [index[t.i] for subject in subjects for t in subject.subtree if t.i in index]


def is_plural_reference(trigger: Token) -> bool:
    """'The two ministers held talks', 'both sides discussed': the people of the last report met."""
    for child in trigger.children:
        subject = child.dep_ in ("nsubj", "nsubjpass", "agent") and child.lemma_ in EVENTS["reference_nouns"]
        if subject and (
            child.tag_ == "NNS" or any(t.lower_ in EVENTS["plural_markers"] for t in child.lefts)
        ):
            return True
    return False


def bare_pair(trigger: Token, index: dict[int, dict]) -> list[dict] | None:
    """'the two had already held talks': the two people named last before 'the two'."""
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in EVENTS["bare_pairs"] or list(subject.children)[1:]:
        return None
    named: list[dict] = []
    for i in sorted(index, reverse=True):
        if i < subject.i and index[i] not in named:
            named.append(index[i])
        if len(named) == 2:
            return named
    return None
