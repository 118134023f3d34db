"""Who took part in an encounter: the people a meeting word governs, and those the parse loses."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events import EVENTS, governed_by, parties_named, people_in
from ingest.gazetteer import RANK, TITLE
from ingest.people import MAX_NAME_TOKENS
from ingest.triggers import is_planned, is_trigger

# How far after a verb of meeting its object may be named when the parse loses it.
MAX_PHRASE_GAP = 8
# How far a meeting verb's partner may be named when the parse of a long sentence fails.
MAX_CLAUSE_REACH = 30


def governed_people(sent: Span, trigger: Token, index: dict[int, dict]) -> list[dict]:
    found = []
    for token, person in people_in(sent, index):
        # "the session under the Marcos administration": a name that modifies a thing is not a person there.
        if token.dep_ == "compound" and token.head.pos_ == "NOUN":
            continue
        attached = governed_by(token, trigger) and not _own_encounter(token, trigger)
        if not attached and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            attached = governed_by(token, trigger.head) and any(
                t.dep_ in ("nsubj", "nsubjpass") for t in [token, *token.ancestors] if t.head == trigger.head
            )
        if attached and person not in found:
            found.append(person)
    # The parser sometimes leaves "met with" without an object; the next person named is it.
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and not any(c.dep_ == "pobj" for c in prep.children):
            following = [p for t, p in people_in(sent, index) if t.i > prep.i and p not in found]
            found += following[:1]
    # "received the newly appointed attaché of Türkiye, Major General X": X even if misattached.
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ == "NOUN":
            following = apposed_name(child, index)
            if following and following not in found:
                found.append(following)
    # "General X, who was received in Beijing by Y": the person the relative clause is about.
    if trigger.dep_ == "relcl" and trigger.head.i in index and index[trigger.head.i] not in found:
        found.append(index[trigger.head.i])
    add_new(found, [p for t in inherited_subjects(trigger) for p in _people_under(t, index)])
    if len(found) < 2 and (person := _next_in_phrase(trigger, index)) and person not in found:
        found.append(person)
    add_new(found, _met_through_verb(trigger, index))
    add_new(found, _owners(trigger, index))
    if len({p["party"] for p in found if p["party"]}) < 2 and (
        other := _across_the_clause(trigger, found, index)
    ):
        found.append(other)
    # "the talks that X attended": the relative clause names who took part.
    for clause in trigger.children:
        if clause.dep_ == "relcl" and trigger.pos_ == "NOUN":
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
            add_new(found, [p for s in subjects for p in _people_under(s, index)])
    return found


def _next_in_phrase(trigger: Token, index: dict[int, dict]) -> dict | None:
    """'X telephoned President Y' parsed with the verb as a modifier of 'President': when the parse gives
    a verb of meeting no one to meet, the person named right after it, before any other verb."""
    if trigger.pos_ != "VERB" or trigger.lemma_ not in EVENTS["person_meeting_verbs"]:
        return None
    if any(c.dep_ in ("dobj", "agent", "nsubjpass") for c in trigger.children):
        return None
    doc = trigger.doc
    for token in doc[trigger.i + 1 : min(trigger.i + 1 + MAX_PHRASE_GAP, trigger.sent.end)]:
        if token.i in index:
            return index[token.i]
        # Only a title may come between: "telephoned President Y", not "welcoming ceremony, Y".
        if token.pos_ in ("VERB", "AUX", "NOUN", "PUNCT") and token.ent_type_ not in (TITLE, RANK):
            return None
    return None


def _owners(noun: Token, index: dict[int, dict]) -> list[dict]:
    """'the statement made by A and B at their summit': whose meeting it was, from the verb it hangs on."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children):
        return []
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return []
    doers = [c for c in verb.children if c.dep_ in ("agent", "nsubj", "nsubjpass") and c.i < noun.i]
    return [p for doer in doers for p in _people_under(doer, index)]


def _across_the_clause(trigger: Token, found: list[dict], index: dict[int, dict]) -> dict | None:
    """When a long sentence defeats the parser: the nearest person of another known party within the
    meeting verb's stretch of text, which ends at a semicolon or another verb of meeting."""
    if trigger.pos_ != "VERB" or not found:
        return None
    parties = {p["party"] for p in found}
    sent = trigger.sent
    for step in (1, -1):
        i = trigger.i + step
        while sent.start <= i < sent.end and abs(i - trigger.i) <= MAX_CLAUSE_REACH:
            token = trigger.doc[i]
            if token.text == ";" or (token.pos_ == "VERB" and token.lemma_ in EVENTS["meeting_verbs"]):
                break
            person = index.get(i)
            if person is not None and person["party"] and person["party"] not in parties:
                return person
            i += step
    return None


def _own_encounter(token: Token, trigger: Token) -> bool:
    """'X was received by A and then met B': B hangs from a joined meeting verb, another encounter."""
    for node in token.ancestors:
        if node == trigger:
            return False
        if node.dep_ == "conj" and node.pos_ == "VERB" and is_trigger(node) and not is_planned(node):
            return True
    return False


def _met_through_verb(noun: Token, index: dict[int, dict]) -> list[dict]:
    """A meeting noun as subject, the people on its verb: 'the meeting was with X', 'the talks brought
    together X and Y', 'the session was attended by X'."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    links = [
        c
        for c in verb.children
        if c.dep_ in ("agent", "dobj") or (c.dep_ == "prep" and c.lower_ in EVENTS["partner_prepositions"])
    ]
    return [p for link in links for p in _people_under(link, index)]


def inherited_subjects(trigger: Token) -> list[Token]:
    """The subject a subjectless clause borrows from the clause it hangs from: 'Welcoming the visitor,
    X said', 'After hosting Y, X flew home', 'X went on to meet Y'."""
    verb = trigger if trigger.pos_ == "VERB" else None
    if verb is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return []
    node = verb
    # "after hosting": the participle is the object of a preposition hanging from the main verb.
    if node.dep_ == "pcomp" and node.head.dep_ == "prep":
        node = node.head
    elif node.dep_ not in ("advcl", "xcomp"):
        return []
    host = node.head
    if host.pos_ not in ("VERB", "AUX") or host == verb:
        return []
    return [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]


def subject_people(trigger: Token, index: dict[int, dict]) -> tuple[list[dict], list[str]]:
    """The people who are the subject of the meeting word's clause (the visitor of 'X met A and B'), and
    the parties their phrase names."""
    verb = trigger
    if trigger.pos_ == "NOUN":
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), trigger)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects = subjects or inherited_subjects(verb)
    found: list[dict] = []
    add_new(found, [p for s in subjects for p in _people_under(s, index)])
    return found, parties_named([t for s in subjects for t in s.subtree])


def partner_states(trigger: Token) -> list[str]:
    """States listed for the people met, not named: 'met his counterparts from Chile, Peru and Brazil',
    'spoke with the Chilean and Peruvian ministers'. Two or more, else none."""
    subjects = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    for token in trigger.subtree:
        plural = token.tag_ == "NNS" and token.lemma_ in EVENTS["reference_nouns"]
        if not plural or token.i in subjects or not governed_by(token, trigger):
            continue
        states = parties_named(list(token.subtree))
        if len(states) >= 2:
            return states
    return []


def _people_under(token: Token, index: dict[int, dict]) -> list[dict]:
    return [index[t.i] for t in token.subtree if t.i in index]


def apposed_name(noun: Token, index: dict[int, dict]) -> dict | None:
    """The person named right after a noun phrase and a comma (ranks allowed in between)."""
    doc = noun.doc
    i = noun.right_edge.i + 1
    # The parser may hang a trailing "in Azerbaijan" on the verb; it still sits before the comma.
    while (
        i < min(len(doc), noun.right_edge.i + 5) and doc[i].text != "," and doc[i].pos_ not in ("VERB", "AUX")
    ):
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and doc[i].ent_type_ == RANK:
        i += 1
    return next((index[j] for j in range(i, min(i + MAX_NAME_TOKENS, len(doc))) if j in index), None)


def signers_in(sent: Span, index: dict[int, dict]) -> list[dict]:
    """The named subjects of 'signed' or 'put his signature to' in the sentence."""
    found: list[dict] = []
    for token in sent:
        signs = token.pos_ == "VERB" and token.lemma_ in EVENTS["sign_verbs"]
        puts_signature = token.lemma_ in EVENTS["signature_verbs"] and any(
            c.dep_ == "dobj" and c.lower_ in EVENTS["signature_nouns"] for c in token.children
        )
        # "signed a new accord with France" is another signing, not more about this one.
        another = any(
            c.dep_ == "dobj" and any(d.lower_ in ("a", "an") for d in c.children) for c in token.children
        )
        if (signs or puts_signature) and not another and not is_planned(token):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "agent")]
            add_new(found, [index[t.i] for s in subjects for t in s.subtree if t.i in index])
    return found


def main_subjects(sent: Span, index: dict[int, dict]) -> list[dict]:
    """People in the subject of the sentence's main clause (and of clauses joined to it)."""
    heads = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj")]
    subjects = [c for head in heads for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [index[t.i] for subject in subjects for t in subject.subtree if t.i in index]


def joint_subjects(trigger: Token, index: dict[int, dict]) -> list[dict]:
    """'X and Y discussed ...': two or more named subjects of a joint verb are a meeting."""
    if trigger.pos_ != "VERB" or trigger.lemma_ not in EVENTS["joint_verbs"]:
        return []
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    # "X, who had met Y, discussed ...": Y is in a clause of its own.
    found = [index[t.i] for s in subjects for t in s.subtree if t.i in index and not _in_own_clause(t, s)]
    unique = list({id(p): p for p in found}.values())
    return unique if len(unique) >= 2 else []


def _in_own_clause(token: Token, top: Token) -> bool:
    """True if a clause (relative, adverbial, participle) opens between the token and `top`."""
    for node in [token, *token.ancestors]:
        if node == top:
            return False
        if node.dep_ in ("relcl", "acl", "advcl"):
            return True
    return False


def add_new(found: list[dict], more: list[dict]) -> None:
    found += [p for p in more if p not in found]
