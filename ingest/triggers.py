"""Meeting words: which tokens report an encounter, whether it happened, and how (in person or by call).

A meeting is a clause whose head is a meeting word (met, received, held talks, a
telephone conversation) with named people hanging from it. Announced or planned
encounters ("is expected to visit", "will meet") are not meetings.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.events import EVENTS, sentence_says
from ingest.gazetteer import RANK, TITLE
from ingest.references import is_plural_reference


def is_trigger(token: Token) -> bool:
    """Meeting words: met, received, held talks, a telephone conversation; 'signed ... with' a person."""
    joint = token.pos_ == "VERB" and token.lemma_ in EVENTS["joint_verbs"]
    if joint and (is_plural_reference(token) or _with_someone(token)):
        return True
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["courtesy_verbs"]:
        return _calls_on_someone(token)
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["speech_verbs"]:
        return _with_someone(token) or is_plural_reference(token)
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["meeting_verbs"]:
        if token.lemma_ in EVENTS["person_object_verbs"]:
            return _receives_someone(token)
        if token.lemma_ == "hold":
            return _holds_meeting(token)
        return True
    if token.pos_ == "NOUN" and token.lemma_ == "visit":
        # "paid a courtesy visit to the minister": a visit to someone, not to a place.
        return any(c.lower_ in EVENTS["visit_call_markers"] for c in token.lefts)
    return token.pos_ == "NOUN" and token.lower_ in EVENTS["meeting_nouns"]


def _holds_meeting(token: Token) -> bool:
    """'held talks', 'the meeting they held', but not 'held a press conference'."""
    return any(t.lower_ in EVENTS["hold_objects"] or t.lemma_ in EVENTS["hold_objects"] for t in held(token))


def held(token: Token) -> list[Token]:
    """What a form of 'hold' holds: its object, or the noun its relative clause describes."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "relcl":
        objects.append(token.head)
    return objects


def _with_someone(token: Token) -> bool:
    """'... with his Moroccan counterpart, X': a person (named or described) as the partner."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for node in prep.subtree:
                if node.ent_type_ == "PERSON" or node.lemma_ in EVENTS["reference_nouns"]:
                    return True
    return False


def _calls_on_someone(token: Token) -> bool:
    """'X called on the minister' is a courtesy visit; 'X called on both sides to show restraint' and
    'X called on Monday for talks' are not."""
    # "called on both sides to show restraint" is an appeal; "called on X to discuss ..." a visit.
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ not in EVENTS["joint_verbs"] for c in token.children):
        return False
    hosts = [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "on"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.ent_type_ != "DATE"
    ]
    return any(
        node.ent_type_ in ("PERSON", TITLE, RANK) or node.lower_ in EVENTS["person_pronouns"]
        for obj in hosts
        for node in obj.subtree
    )


def _receives_someone(token: Token) -> bool:
    """'X welcomed the delegation', 'Y was received by Z', but not 'X welcomed the move': whom a
    welcoming verb takes must be a person."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "agent")]
    if token.dep_ == "relcl":
        objects.append(token.head)
    return not objects or any(
        node.pos_ == "PROPN"
        or node.ent_type_ in ("PERSON", TITLE, RANK)
        or node.lower_ in EVENTS["person_pronouns"]
        or node.lower_ in EVENTS["object_pronouns"]
        or node.lemma_ in EVENTS["reference_nouns"]
        for obj in objects
        for node in obj.subtree
    )


def _told_as_past(token: Token) -> bool:
    """A verb with its own subject in the simple past ('X received Y', 'Y was received')."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    return token.tag_ == "VBD" or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in token.children)


def is_planned(token: Token) -> bool:
    """True for an encounter announced or denied rather than reported: 'will meet', 'is expected to
    visit', 'no separate meeting was on the schedule'."""
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
        return True
    if _told_as_past(token):
        # "The visit was prepared at a meeting on 16 March, when X received Y": that clause happened.
        return False
    for node in [token, *token.ancestors]:
        if any(c.dep_ == "aux" and c.lower_ in EVENTS["future_auxiliaries"] for c in node.children):
            return True
        if node != token and node.lemma_ in EVENTS["planning_heads"]:
            return True
        if node.pos_ == "VERB" and node != token:
            break
    return False


def meeting_kind(sent: Span, trigger: Token) -> str | None:
    """A call is by telephone or video; a courtesy call is a visit. 'X and Y discussed ...' does not
    say how they talked: None."""
    if sentence_says(sent, "call_words"):
        return "call"
    if trigger.pos_ == "VERB" and trigger.lemma_ in EVENTS["call_verbs"]:
        return "call"
    if trigger.lower_ == "call" and not any(t.lower_ in EVENTS["visit_call_markers"] for t in trigger.lefts):
        return "call"
    words = held(trigger) if trigger.lemma_ == "hold" else [trigger]
    if any(w.lemma_ in EVENTS["medium_neutral"] or w.lower_ in EVENTS["medium_neutral"] for w in words):
        return None
    return "meeting"


def is_setting(sent: Span) -> bool:
    """'At the meeting, ...', 'During the talks, ...': more about the encounter just reported."""
    return any(
        t.pos_ == "NOUN"
        and t.lower_ in EVENTS["meeting_nouns"]
        and t.head.lower_ in EVENTS["setting_prepositions"]
        for t in sent
    )


def repeats_partner_preposition(trigger: Token) -> bool:
    """'talks with A and with B', 'separate calls with A and then with B': a preposition said again
    for each partner tells of one encounter with each."""
    return any(t.lower_ == "with" and t.dep_ == "conj" and t.head.pos_ == "ADP" for t in trigger.subtree)
