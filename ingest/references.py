"""Who a description, a pronoun or a plural stands for: "the Russian minister", "him", "the two sides".

Meeting reports name their participants once and then refer to them; these rules
map such references back to the people found by `milgraph_people`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events import EVENTS, governed_by, parties_named
from ingest.gazetteer import load_gazetteer

# "He" is about someone named in its own sentence or the one before (counting both).
MAX_PRONOUN_REACH = 2


def described_people(trigger: Token, people: list[dict], named: list[dict]) -> list[dict]:
    """People referred to by description: 'the Russian minister' (party and office), 'the minister'
    (office), 'his guest' (the main person of the other side)."""
    found: list[dict] = []
    sides = {p["party"] for p in named if p["party"]}
    # A title only one state uses ("Under Secretary of Defense") tells the side before the party is settled.
    represented = {p["party"] or _title_state(p) for p in named} - {None}
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
        if codes and represented >= set(codes) and token.tag_ == "NN":
            # "X phoned Y, again on the US side's initiative": Y is the US side already.
            matches = []
        elif codes:
            matches = [p for code in codes for p in people if p["party"] == code and p["roles"]]
            if token.lemma_ in EVENTS["other_side_nouns"] and named:
                # "his Iranian counterpart": of that party, preferably holding the same office.
                own = {r for p in named for r, _ in p["roles"]}
                matches.sort(key=lambda p: not own & {r for r, _ in p["roles"]})
            else:
                # "the Azerbaijani minister" is the Azerbaijani whose title says minister, not the president.
                matches.sort(key=lambda p: not _titled(p, token.lemma_))
                if token.tag_ == "NNS":
                    # "the Turkish commanders": every one of them.
                    found += [p for p in matches if _titled(p, token.lemma_) and p not in found]
        elif (
            token.lemma_ in EVENTS["other_side_nouns"] and lefts & set(EVENTS["person_possessives"]) and sides
        ):
            matches = [p for p in people if p["roles"] and p["party"] and p["party"] not in sides]
        elif "the" in lefts and token.tag_ == "NN":
            matches = [
                p for p in people if _titled(p, token.lemma_) or token.lemma_ in p.get("honorifics", [])
            ]
        else:
            matches = []
        person = next((p for p in matches if p not in found), None)
        if person:
            found.append(person)
    return found


def _title_state(person: dict) -> str | None:
    gazetteer = load_gazetteer()
    return next((s for title in person.get("titles", []) if (s := gazetteer.title_state(title))), None)


def _titled(person: dict, noun: str) -> bool:
    """True if one of the person's titles contains `noun` ("minister" in "Minister of Defence")."""
    return any(noun in title.lower() for _, title in person["roles"])


def _own_phrase(noun: Token) -> list[Token]:
    """The noun phrase without the clauses or conjuncts hanging from it ('the minister, who greeted
    President X', 'the commanders and Ambassador X')."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl", "advcl", "conj")]
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


def pronoun_subject(trigger: Token, index: dict[int, dict]) -> dict | None:
    """'He and Woods then held talks with ...': 'he' is the person the sentence, or else the one
    before it, is about (the subject of its main clause)."""
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"] + _shared_subject(trigger)
    pronoun = next((s for s in subjects if s.lower_ in EVENTS["subject_pronouns"]), None)
    if pronoun is None:
        return None
    sent = trigger.sent
    for _ in range(MAX_PRONOUN_REACH):
        named = [p for i, p in sorted(index.items()) if i < pronoun.i and i in _main_subject_tokens(sent)]
        if named:
            return named[0]
        if sent.start == 0:
            return None
        sent = trigger.doc[sent.start - 1].sent
    return None


def _main_subject_tokens(sent: Span) -> set[int]:
    heads = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj")]
    subjects = [c for head in heads for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {t.i for subject in subjects for t in subject.subtree}


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
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "where a summit was held": the summit is its own clause's subject; the visitor is further up.
        if node.pos_ in ("VERB", "AUX") and subjects and not any(s.i == trigger.i for s in subjects):
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


def counted_people(trigger: Token, earlier: list[list[dict]]) -> list[dict] | None:
    """'The four ministers sat down': the four people holding such an office in the latest reports
    (`earlier`, oldest first), or None if the text does not count them or so many are not found."""
    subject = next(
        (
            c
            for c in trigger.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ in EVENTS["reference_nouns"]
        ),
        None,
    )
    counts = (
        [EVENTS["plural_markers"][t.lower_] for t in subject.lefts if t.lower_ in EVENTS["plural_markers"]]
        if subject
        else []
    )
    if not counts:
        return None
    count = counts[0]
    # By role where the office is known: "Defense Secretary" is one of "the ministers", "Prime Minister" not.
    roles = set(EVENTS["office_roles"].get(subject.lemma_, []))

    def holds(person: dict) -> bool:
        return bool(roles & {r for r, _ in person["roles"]}) if roles else _titled(person, subject.lemma_)

    found: list[dict] = []
    for people in reversed(earlier):
        found += [p for p in people if p not in found and holds(p)]
        if len(found) >= count:
            return found[:count]
    return None


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
