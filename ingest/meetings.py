"""Find reported meetings and calls: who took part, for which parties, when and where.

A meeting is a clause whose head is a meeting word (met, received, held talks, a
telephone conversation) with named people hanging from it. Announced or planned
encounters ("is expected to visit", "will meet") are not meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.events import (
    EVENTS,
    date_in,
    dateline,
    governed_by,
    lead_date,
    mention_index,
    parties_named,
    people_in,
    place_in,
    publication,
    sentence_says,
)
from ingest.gazetteer import RANK, TITLE
from ingest.parties import article_pair, sentence_parties, settle_sides
from ingest.people import MAX_NAME_TOKENS
from ingest.records import PartialDate
from ingest.references import (
    bare_pair,
    clause_subjects,
    counted_people,
    described_people,
    is_anaphoric,
    is_plural_reference,
    pronoun_partner,
    pronoun_subject,
)

# How many sentences after a reported meeting "The meeting was also attended by ..." may still refer to it.
MAX_FOLLOW_UP = 8


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
    return token.pos_ == "NOUN" and token.lower_ in EVENTS["meeting_nouns"]


def _holds_meeting(token: Token) -> bool:
    """'held talks', 'the meeting they held', but not 'held a press conference'."""
    return any(t.lower_ in EVENTS["hold_objects"] or t.lemma_ in EVENTS["hold_objects"] for t in _held(token))


def _held(token: Token) -> list[Token]:
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
    if any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
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


def is_planned(token: Token) -> bool:
    """True for an encounter announced or denied rather than reported: 'will meet', 'is expected to
    visit', 'no separate meeting was on the schedule'."""
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in token.children):
        return True
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
        # "the session under the Marcos administration": a name that modifies a thing is not a person there.
        if token.dep_ == "compound" and token.head.pos_ == "NOUN":
            continue
        attached = governed_by(token, trigger)
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
            following = _apposed_name(child, index)
            if following and following not in found:
                found.append(following)
    # "General X, who was received in Beijing by Y": the person the relative clause is about.
    if trigger.dep_ == "relcl" and trigger.head.i in index and index[trigger.head.i] not in found:
        found.append(index[trigger.head.i])
    return found


def _apposed_name(noun: Token, index: dict[int, dict]) -> dict | None:
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


def _signers(sent: Span, index: dict[int, dict]) -> list[dict]:
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
            _add(found, [index[t.i] for s in subjects for t in s.subtree if t.i in index])
    return found


def _subjects(sent: Span, index: dict[int, dict]) -> list[dict]:
    """People in the subject of the sentence's main clause (and of clauses joined to it)."""
    heads = [sent.root, *(c for c in sent.root.children if c.dep_ == "conj")]
    subjects = [c for head in heads for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [index[t.i] for subject in subjects for t in subject.subtree if t.i in index]


def _joint_subjects(trigger: Token, index: dict[int, dict]) -> list[dict]:
    """'X and Y discussed ...': two or more named subjects of a joint verb are a meeting."""
    if trigger.pos_ != "VERB" or trigger.lemma_ not in EVENTS["joint_verbs"]:
        return []
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "agent")]
    found = [index[t.i] for s in subjects for t in s.subtree if t.i in index]
    unique = list({id(p): p for p in found}.values())
    return unique if len(unique) >= 2 else []


def _kind(sent: Span, trigger: Token) -> str | None:
    """A call is by telephone or video; a courtesy call is a visit. 'X and Y discussed ...' does not
    say how they talked: None."""
    if sentence_says(sent, "call_words"):
        return "call"
    if trigger.pos_ == "VERB" and trigger.lemma_ in EVENTS["call_verbs"]:
        return "call"
    if trigger.lower_ == "call" and not any(t.lower_ in EVENTS["visit_call_markers"] for t in trigger.lefts):
        return "call"
    words = _held(trigger) if trigger.lemma_ == "hold" else [trigger]
    if any(w.lemma_ in EVENTS["medium_neutral"] or w.lower_ in EVENTS["medium_neutral"] for w in words):
        return None
    return "meeting"


def _date(sent: Span, previous: str | None) -> tuple[str | None, bool]:
    """The meeting's date and whether the sentence itself gave it."""
    if date := date_in(sent):
        return date, True
    if sentence_says(sent, "same_day"):
        return previous, True
    if sentence_says(sent, "vague_past"):
        return None, True
    return publication(sent.doc) or lead_date(sent.doc), False


def _is_setting(sent: Span) -> bool:
    """'At the meeting, ...', 'During the talks, ...': more about the encounter just reported."""
    return any(
        t.pos_ == "NOUN"
        and t.lower_ in EVENTS["meeting_nouns"]
        and t.head.lower_ in EVENTS["setting_prepositions"]
        for t in sent
    )


@dataclass
class Candidate:
    """A meeting as read so far; parties are settled once the whole article is read."""

    kind: str
    people: list[dict]
    named: list[str]
    others: list[str]
    date: str | None
    place: str | None
    sentence: int
    evidence: list[int]
    # "X and Y also held a separate meeting": never one encounter with the meeting before.
    separate: bool = False

    def add(self, people: list[dict]) -> None:
        _add(self.people, people)


def _one_by_one(candidate: Candidate) -> list[Candidate]:
    """'X held meetings with A and B': one meeting of X with each of them."""
    sides: dict[str, list[dict]] = {}
    for person in candidate.people:
        if person["party"]:
            sides.setdefault(person["party"], []).append(person)
    alone = [people[0] for people in sides.values() if len(people) == 1]
    if len(sides) != 2 or not alone:
        return [candidate]
    met = [p for p in candidate.people if p is not alone[0]]
    if len(met) < 2:
        return [candidate]
    return [replace(candidate, people=[alone[0], other], separate=True) for other in met]


def _add(found: list[dict], more: list[dict]) -> None:
    found += [p for p in more if p not in found]


class MeetingScan:
    """One pass over an article's sentences, collecting meeting candidates in reading order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.index = mention_index(doc)
        self.people = doc._.people or []
        self.pair = article_pair(doc)
        self.candidates: list[Candidate] = []
        # A dated meeting sentence dates the next one; also one naming no one ("The meeting took place
        # in Georgia on 5 October").
        self.pending: tuple[int, str | None, str | None] | None = None
        # The last trip a sentence reported ("X travelled to Y"): sentence number, place, date (if said).
        self.trip: tuple[int, str, str | None, bool] | None = None
        breaks = [m.start() for m in re.finditer(r"\n\n", doc.text)] + [len(doc.text)] * 2
        self.opening_end, self.second_paragraph_end = breaks[0], breaks[1]

    def run(self) -> list[dict]:
        for number, sent in enumerate(self.doc.sents):
            self._read(number, sent)
        return merge_meetings([m for c in self.candidates if (m := self._settle(c))])

    def _recent(self, number: int) -> bool:
        return bool(self.candidates) and number - self.candidates[-1].sentence <= MAX_FOLLOW_UP

    def _read(self, number: int, sent: Span) -> None:
        found = self._encounter(sent)
        self._note_trip(number, sent)
        if found is None:
            if self._recent(number) and sentence_says(sent, "attendance") and self._same_time(sent):
                self._attended(sent, self.candidates[-1])
            elif self._recent(number) and not date_in(sent) and (signers := _signers(sent, self.index)):
                # "X put his signature to the pact, while Y signed for her government": at the ceremony.
                self.candidates[-1].add(signers)
            elif self._recent(number) and _is_setting(sent):
                # "At that meeting X thanked ... under the leadership of Y": only X was there.
                self.candidates[-1].add(_subjects(sent, self.index))
            elif any(is_trigger(t) and not is_planned(t) for t in sent) and (date := date_in(sent)):
                self.pending = (number, date, place_in(sent))
            return
        trigger, participants, referring = found
        if self._recent(number) and is_anaphoric(trigger) and not date_in(sent):
            self.candidates[-1].add(participants)
            if sentence_says(sent, "attendance"):
                self._attended(sent, self.candidates[-1])
            return
        if sentence_says(sent, "attendance"):
            _add(participants, [p for _, p in people_in(sent, self.index)])
        date, place = self._when_where(number, sent, referring, participants)
        candidate = Candidate(
            # Talks somewhere ("held talks in Baku") are in person; else as these people last talked.
            kind=_kind(sent, trigger) or ("meeting" if place_in(sent) else self._last_kind(participants)),
            people=participants,
            named=parties_named(list(trigger.subtree)),
            others=sentence_parties(sent),
            date=date,
            place=place,
            sentence=number,
            evidence=[sent.start_char, sent.end_char],
            # "Earlier in the day, X had welcomed Y": another encounter than the one reported.
            separate=any(t.lower_ in EVENTS["separate_markers"] for t in trigger.subtree)
            or sentence_says(sent, "day_sequence"),
        )
        if explicit_date := date_in(sent):
            # "The delegation landed yesterday and was met by X. The ministers then held talks.": that day.
            self.pending = (number, explicit_date, place)
        # Settle parties now, so that later sentences can refer to "the Pakistani general".
        settle_sides(participants, self.pair, candidate.others, place)
        if any(t.lower_ in EVENTS["several_meetings"] for t in [trigger, *trigger.children]):
            self.candidates += _one_by_one(candidate)
        else:
            self.candidates.append(candidate)

    def _encounter(self, sent: Span) -> tuple[Token, list[dict], bool] | None:
        """The meeting word of the sentence that reaches the most people, with them."""
        found = None
        for trigger in sent:
            referring = False
            participants = _joint_subjects(trigger, self.index)
            if not participants:
                if not is_trigger(trigger) or is_planned(trigger):
                    continue
                participants = _participants(sent, trigger, self.index)
                _add(participants, described_people(trigger, self.people, participants))
                _add(participants, clause_subjects(trigger, self.index))
                if (pair := bare_pair(trigger, self.index)) is not None:
                    _add(participants, pair)
                elif is_plural_reference(trigger) and self.candidates:
                    # "... President X and President Y at their summit. The two presidents spoke by phone."
                    reports = [*(c.people for c in self.candidates), self._named_before(sent)]
                    counted = counted_people(trigger, reports)
                    _add(participants, counted or self.candidates[-1].people)
                    referring = True
                if (subject := pronoun_subject(trigger, self.index)) and subject not in participants:
                    participants.insert(0, subject)
                elif len(participants) == 1 and (
                    partner := pronoun_partner(trigger, participants, self.index)
                ):
                    participants.append(partner)
            if participants and (found is None or len(participants) > len(found[1])):
                found = (trigger, participants, referring)
        return found

    def _same_time(self, sent: Span) -> bool:
        """A sentence dated otherwise ("In May, X attended ...") is not about the meeting just reported."""
        date = date_in(sent)
        return date is None or dates_compatible(date, self.candidates[-1].date)

    def _attended(self, sent: Span, candidate: Candidate) -> None:
        """'X was also present', 'The Turkish commanders took part in the meeting': more participants."""
        candidate.add([p for t, p in people_in(sent, self.index) if governed_by(t, sent.root)])
        candidate.add(described_people(sent.root, self.people, candidate.people))

    def _named_before(self, sent: Span) -> list[dict]:
        """The people named in the sentence before."""
        return [p for _, p in people_in(self.doc[sent.start - 1].sent, self.index)] if sent.start else []

    def _last_with(self, people: list[dict]) -> Candidate | None:
        """The latest meeting any of these people took part in, else the latest one."""
        shared = [c for c in self.candidates if any(p in c.people for p in people)]
        return shared[-1] if shared else self.candidates[-1] if self.candidates else None

    def _last_kind(self, people: list[dict]) -> str:
        """How people last met, for a report that does not say ('The two also discussed ...')."""
        shared = [c for c in self.candidates if any(p in c.people for p in people)]
        return shared[-1].kind if shared else "meeting"

    def _note_trip(self, number: int, sent: Span) -> None:
        """Remember where and when a sentence that tells of a visit or a journey went."""
        if not any(t.lemma_ in EVENTS["visit_words"] for t in sent) or not (place := place_in(sent)):
            return
        previous = self.candidates[-1].date if self.candidates else publication(self.doc)
        self.trip = (number, place, *_date(sent, previous))

    def _on_trip(self, number: int, sent: Span) -> tuple[str, str | None, bool] | None:
        """The trip a meeting belongs to: reported in the sentence just before, or named as 'that visit'."""
        if self.trip is None or self.trip[0] >= number:
            return None
        if self.trip[0] == number - 1:
            return self.trip[1:]
        refers = any(
            t.lemma_ in EVENTS["visit_words"]
            and t.pos_ == "NOUN"
            and any(c.lower_ in EVENTS["trip_determiners"] for c in t.lefts)
            for t in sent
        )
        return self.trip[1:] if refers and number - self.trip[0] <= MAX_FOLLOW_UP else None

    def _when_where(
        self, number: int, sent: Span, referring: bool, people: list[dict]
    ) -> tuple[str | None, str | None]:
        # "Later in the day, the four ministers ...": the day these people were last reported on.
        last = self._last_with(people)
        previous = last.date if last else publication(self.doc)
        date, explicit = _date(sent, previous)
        place = place_in(sent)
        if place is None and (trip := self._on_trip(number, sent)):
            place = trip[0]
            if not explicit and trip[2]:
                date, explicit = trip[1], True
        if not explicit and self.candidates and sentence_says(sent, "side_event"):
            # "On the sidelines of the summit, X also met Y": when and where the summit was.
            return previous, place or last.place
        if explicit:
            return date, place
        if self.pending and self.pending[0] == number - 1:
            return self.pending[1], place or self.pending[2]
        if referring:
            # "During the meeting, the sides discussed ...": the encounter just reported, on its date.
            return previous, place or last.place
        if sent.start_char < self.second_paragraph_end and (lead := lead_date(self.doc)):
            # The first paragraphs tell the news of the lead: "... on Wednesday signed ...".
            return lead, place
        return date, place

    def _settle(self, candidate: Candidate) -> dict | None:
        """The meeting as a record, if two parties met."""
        # A meeting in the opening paragraph without a place happened where the story is datelined;
        # a call has no one place.
        if candidate.place is None and candidate.evidence[0] < self.opening_end and candidate.kind != "call":
            candidate.place = dateline(self.doc)
        parties = settle_sides(candidate.people, self.pair, candidate.others, candidate.place)
        if len(parties) < 2:
            # Only the article's two sides: other countries in the clause are usually just topics.
            parties += [c for c in candidate.named if c not in parties and c in self.pair]
        if len(parties) < 2:
            return None
        return {
            "kind": candidate.kind,
            "parties": sorted(parties),
            "participants": [p["name"] for p in candidate.people],
            "date": candidate.date,
            "place": candidate.place,
            "evidence": candidate.evidence,
            "separate": candidate.separate,
        }


def find_meetings(doc: Doc) -> list[dict]:
    """The meetings and calls an article reports, one per encounter."""
    return MeetingScan(doc).run()


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Dates that may be the same day: equal, one of them unknown, or partial and not contradicting."""
    if a is None or b is None or a == b:
        return True
    pa, pb = PartialDate.parse(a), PartialDate.parse(b)
    return all(
        x is None or y is None or x == y
        for x, y in ((pa.year, pb.year), (pa.month, pb.month), (pa.day, pb.day))
    )


def merge_meetings(meetings: list[dict]) -> list[dict]:
    """One meeting per encounter: the same parties and date, one set of people within the other."""
    merged: list[dict] = []
    for meeting in meetings:
        separate = meeting.pop("separate", False)
        same = next(
            (
                m
                for m in merged
                if not separate
                and m["parties"] == meeting["parties"]
                and m["kind"] == meeting["kind"]
                and dates_compatible(m["date"], meeting["date"])
                and (m["place"] is None or meeting["place"] is None or m["place"] == meeting["place"])
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
