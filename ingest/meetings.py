"""Find reported meetings and calls: who took part, for which parties, when and where.

A meeting is a clause whose head is a meeting word (met, received, held talks, a
telephone conversation) with named people hanging from it. Announced or planned
encounters ("is expected to visit", "will meet") are not meetings.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.events import (
    EVENTS,
    date_in,
    dateline,
    governed_by,
    mention_index,
    parties_named,
    people_in,
    place_in,
    publication,
    sentence_says,
)
from ingest.gazetteer import PARTY_LABELS, load_gazetteer
from ingest.records import PartialDate

# How many sentences after a reported meeting "The meeting was also attended by ..." may still refer to it.
MAX_FOLLOW_UP = 8


def is_trigger(token: Token) -> bool:
    """Meeting words: met, received, held talks, a telephone conversation; 'signed ... with' a person."""
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["joint_verbs"]:
        if _plural_reference(token) or _with_someone(token):
            return True
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["speech_verbs"]:
        return _with_someone(token)
    if token.pos_ == "VERB" and token.lemma_ in EVENTS["meeting_verbs"]:
        if token.lemma_ == "hold":
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if token.dep_ == "relcl":
                objects.append(token.head)
            return any(t.lower_ in EVENTS["hold_objects"] or t.lemma_ in EVENTS["hold_objects"] for t in objects)
        return True
    return token.pos_ == "NOUN" and token.lower_ in EVENTS["meeting_nouns"]


def _with_someone(token: Token) -> bool:
    """'... with his Moroccan counterpart, X': a person (named or described) as the partner."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for node in prep.subtree:
                if node.ent_type_ == "PERSON" or node.lemma_ in EVENTS["reference_nouns"]:
                    return True
    return False


def is_planned(token: Token) -> bool:
    """True for an encounter announced rather than reported: 'will meet', 'is expected to visit'."""
    for node in [token, *token.ancestors]:
        if any(c.dep_ == "aux" and c.lower_ in EVENTS["future_auxiliaries"] for c in node.children):
            return True
        if node != token and node.lemma_ in EVENTS["planning_heads"]:
            return True
        if node.pos_ == "VERB" and node != token:
            break
    return False


def _participants(sent: Span, trigger: Token, index: dict[int, dict]) -> list[dict]:
    found = []
    for token, person in people_in(sent, index):
        attached = governed_by(token, trigger)
        if not attached and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            attached = governed_by(token, trigger.head) and any(
                t.dep_ in ("nsubj", "nsubjpass") for t in [token, *token.ancestors] if t.head == trigger.head
            )
        if attached and person not in found:
            found.append(person)
    return found


def _referenced(trigger: Token, people: list[dict], named: list[dict]) -> list[dict]:
    """People referred to by description: 'the Russian minister' (party and office), 'the minister'
    (office), 'his guest' (the main person of the other side)."""
    found: list[dict] = []
    sides = {p["party"] for p in named if p["party"]}
    named_at = {i for person in people for _, end in person["mentions"] for i in [end - 1]}
    for token in trigger.subtree:
        if token.lemma_ not in EVENTS["reference_nouns"] or token.pos_ != "NOUN":
            continue
        # "his counterpart, General X" is already X; "the minister, who told the Uzbek leader" is another clause.
        if any(t.i in named_at for t in token.subtree) or not governed_by(token, trigger):
            continue
        codes = parties_named(list(token.lefts))
        lefts = {t.lower_ for t in token.lefts}
        if codes:
            matches = [p for code in codes for p in people if p["party"] == code and p["roles"]]
        elif token.lemma_ in EVENTS["other_side_nouns"] and lefts & set(EVENTS["person_possessives"]) and sides:
            matches = [p for p in people if p["roles"] and p["party"] and p["party"] not in sides]
        elif "the" in lefts and token.tag_ == "NN":
            matches = [p for p in people if any(token.lemma_ in title.lower() for _, title in p["roles"])]
        else:
            matches = []
        person = next((p for p in matches if p not in found), None)
        if person:
            found.append(person)
    return found


def _pronoun_partner(trigger: Token, participants: list[dict], index: dict[int, dict]) -> dict | None:
    """'Pistorius welcomed him', 'his meeting with X': the person named last before the pronoun."""
    pronouns = [t for t in trigger.subtree if t.lower_ in EVENTS["person_pronouns"] and governed_by(t, trigger)]
    if not pronouns:
        return None
    before = [p for i, p in sorted(index.items()) if i < pronouns[0].i and p not in participants]
    return before[-1] if before else None


def _is_anaphoric(trigger: Token) -> bool:
    """'The meeting, also attended by X, ...': a definite meeting noun points back to the last report."""
    return trigger.pos_ == "NOUN" and any(c.lower_ in EVENTS["definite_determiners"] for c in trigger.lefts)


def _kind(sent: Span, trigger: Token) -> str:
    """A call is by telephone or video; a courtesy call is a visit."""
    if sentence_says(sent, "call_words"):
        return "call"
    if trigger.lower_ == "call" and not any(t.lower_ in EVENTS["visit_call_markers"] for t in trigger.lefts):
        return "call"
    return "meeting"


def _date(sent: Span, previous: str | None) -> tuple[str | None, bool]:
    """The meeting's date and whether the sentence itself gave it."""
    if date := date_in(sent):
        return date, True
    if sentence_says(sent, "same_day"):
        return previous, True
    if sentence_says(sent, "vague_past"):
        return None, True
    return publication(sent.doc), False


def _is_setting(sent: Span) -> bool:
    """'At the meeting, ...', 'During the talks, ...': the sentence goes on about an encounter just reported."""
    return any(
        t.pos_ == "NOUN"
        and t.lower_ in EVENTS["meeting_nouns"]
        and t.head.lower_ in EVENTS["setting_prepositions"]
        for t in sent
    )


def _joint_subjects(trigger: Token, index: dict[int, dict]) -> list[dict]:
    """'X and Y discussed ...': two or more named subjects of a joint verb are a meeting."""
    if trigger.pos_ != "VERB" or trigger.lemma_ not in EVENTS["joint_verbs"]:
        return []
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    found = [index[t.i] for s in subjects for t in s.subtree if t.i in index]
    unique = list({id(p): p for p in found}.values())
    return unique if len(unique) >= 2 else []


def _plural_reference(trigger: Token) -> bool:
    """'The two ministers held talks', 'both sides discussed': the people of the last report met."""
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass", "agent") and child.lemma_ in EVENTS["reference_nouns"]:
            if child.tag_ == "NNS" or any(t.lower_ in EVENTS["plural_markers"] for t in child.lefts):
                return True
    return False


def _parties(participants: list[dict], pair: list[str], others: list[str]) -> list[str]:
    """Parties of the participants. Someone of unknown party facing one known side belongs to the other
    side: the one other party the sentence names, else the other of the article's two sides. With no
    side known, a title only one state uses ("Secretary of State") decides."""
    gazetteer = load_gazetteer()
    if not any(p["party"] for p in participants):
        for person in participants:
            titled = [gazetteer.title_state(title) for title in person.get("titles", [])]
            if state := next((s for s in titled if s), None):
                person["party"] = state
                break
    parties = list(dict.fromkeys(p["party"] for p in participants if p["party"]))
    if len(parties) != 1:
        return parties
    named = list(dict.fromkeys(c for c in others if c != parties[0]))
    if len(named) == 1:
        other = named[0]
    elif len(pair) == 2 and parties[0] in pair:
        other = pair[1] if parties[0] == pair[0] else pair[0]
    else:
        return parties
    for person in participants:
        if person["party"] is None:
            person["party"] = other
            parties.append(other)
            break
    return parties


def article_pair(doc: Doc) -> list[str]:
    """The article's two sides: the parties its people represent, then the ones it mentions most."""
    counts = Counter(
        t.ent_id_ for t in doc if t.ent_type_ in PARTY_LABELS and t.ent_iob_ == "B" and t.ent_id_
    )
    for person in doc._.people or []:
        if person["party"]:
            counts[person["party"]] += 3
    return [code for code, _ in counts.most_common(2)]


def _sentence_parties(sent: Span) -> list[str]:
    """Parties the sentence names, leaving out places ("in Cambodia")."""
    return [
        t.ent_id_
        for t in sent
        if t.ent_type_ in PARTY_LABELS
        and t.ent_iob_ == "B"
        and t.ent_id_
        and not (t.i > 0 and t.doc[t.i - 1].lower_ in EVENTS["place_prepositions"])
    ]


def find_meetings(doc: Doc) -> list[dict]:
    index = mention_index(doc)
    people = doc._.people or []
    pair = article_pair(doc)
    candidates: list[dict] = []
    # A meeting sentence that names no one ("The meeting took place in Georgia on 5 October") dates the next one.
    pending: tuple[int, str | None, str | None] | None = None
    for number, sent in enumerate(doc.sents):
        found = None
        referring = False
        for trigger in sent:
            participants = _joint_subjects(trigger, index)
            if not participants:
                if not is_trigger(trigger) or is_planned(trigger):
                    continue
                participants = _participants(sent, trigger, index)
                participants += [p for p in _referenced(trigger, people, participants) if p not in participants]
                if _plural_reference(trigger) and candidates:
                    participants += [p for p in candidates[-1]["people"] if p not in participants]
                    referring = True
                if len(participants) == 1 and (partner := _pronoun_partner(trigger, participants, index)):
                    participants.append(partner)
            # Several meeting words often describe one encounter; the one that reaches most people wins.
            if participants and (found is None or len(participants) > len(found[1])):
                found = (trigger, participants)
        if found is None:
            recent = candidates and number - candidates[-1]["sentence"] <= MAX_FOLLOW_UP
            if recent and (sentence_says(sent, "attendance") or _is_setting(sent)):
                extra = [p for t, p in people_in(sent, index) if governed_by(t, sent.root)]
                candidates[-1]["people"] += [p for p in extra if p not in candidates[-1]["people"]]
            elif any(is_trigger(t) and not is_planned(t) for t in sent) and (date := date_in(sent)):
                pending = (number, date, place_in(sent))
            continue
        trigger, participants = found
        recent = candidates and number - candidates[-1]["sentence"] <= MAX_FOLLOW_UP
        if recent and _is_anaphoric(trigger) and not date_in(sent):
            candidates[-1]["people"] += [p for p in participants if p not in candidates[-1]["people"]]
            continue
        if sentence_says(sent, "attendance"):
            participants += [p for _, p in people_in(sent, index) if p not in participants]
        previous = candidates[-1]["date"] if candidates else publication(doc)
        date, explicit = _date(sent, previous)
        place = place_in(sent)
        if not explicit and pending and pending[0] == number - 1:
            date, place = pending[1], place or pending[2]
        elif not explicit and referring:
            # "During the meeting, the sides discussed ...": the encounter just reported, on its date.
            date, place = previous, place or candidates[-1]["place"]
        candidates.append(
            {
                "kind": _kind(sent, trigger),
                "people": participants,
                "named": parties_named(list(trigger.subtree)),
                "others": _sentence_parties(sent),
                "date": date,
                "place": place,
                "sentence": number,
                "evidence": [sent.start_char, sent.end_char],
            }
        )
    # A meeting reported in the opening paragraph without a place happened where the story is datelined.
    opening_end = doc.text.find("\n\n") if "\n\n" in doc.text else len(doc.text)
    city = dateline(doc)
    meetings = []
    for candidate in candidates:
        if candidate["place"] is None and city and candidate["evidence"][0] < opening_end:
            candidate["place"] = city
        parties = _parties(candidate["people"], pair, candidate["others"])
        if len(parties) < 2:
            # Only the article's two sides: other countries in the clause are usually just topics.
            parties += [c for c in candidate["named"] if c not in parties and c in pair]
        if len(parties) < 2:
            continue
        meetings.append(
            {
                "kind": candidate["kind"],
                "parties": sorted(parties),
                "participants": [p["name"] for p in candidate["people"]],
                "date": candidate["date"],
                "place": candidate["place"],
                "evidence": candidate["evidence"],
            }
        )
    return merge_meetings(meetings)


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    pa, pb = PartialDate.parse(a), PartialDate.parse(b)
    return all(
        x is None or y is None or x == y
        for x, y in ((pa.year, pb.year), (pa.month, pb.month), (pa.day, pb.day))
    )


def merge_meetings(meetings: list[dict]) -> list[dict]:
    """One meeting per encounter: the same parties, a compatible date, and one set of people within the other."""
    merged: list[dict] = []
    for meeting in meetings:
        same = next(
            (
                m
                for m in merged
                if m["parties"] == meeting["parties"]
                and m["kind"] == meeting["kind"]
                and _compatible(m["date"], meeting["date"])
                and (
                    set(m["participants"]) <= set(meeting["participants"])
                    or set(meeting["participants"]) <= set(m["participants"])
                )
            ),
            None,
        )
        if same is None:
            merged.append(meeting)
            continue
        same["participants"] += [p for p in meeting["participants"] if p not in same["participants"]]
        same["date"] = same["date"] or meeting["date"]
        same["place"] = same["place"] or meeting["place"]
    return merged


@Language.factory("milgraph_meetings")
def make_meeting_reader(nlp: Language, name: str) -> MeetingReader:
    return MeetingReader()


class MeetingReader:
    """Set `doc._.meetings`: kind, parties, participants (names), date, place, evidence offsets."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.meetings = find_meetings(doc)
        return doc
