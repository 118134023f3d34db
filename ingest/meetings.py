"""Find reported meetings and calls: who took part, for which parties, when and where.

The scan reads an article sentence by sentence: `ingest.triggers` finds the meeting
words, `ingest.participants` the people, `ingest.encounters` splits and merges the
encounters and `ingest.anchoring` dates and places them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.anchoring import MAX_FOLLOW_UP, Trips, lead_city, sentence_date
from ingest.encounters import Candidate, dates_compatible, merge_meetings, partner_scenes, split_encounter
from ingest.events import (
    EVENTS,
    date_in,
    dateline,
    governed_by,
    lead_date,
    lead_paragraph,
    mention_index,
    paragraphs,
    parties_named,
    people_in,
    place_in,
    publication,
    sentence_says,
)
from ingest.participants import (
    add_new,
    governed_people,
    joint_subjects,
    main_subjects,
    partner_states,
    signers_in,
    subject_people,
)
from ingest.parties import article_pair, sentence_parties, settle_sides
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
from ingest.triggers import is_planned, is_setting, is_trigger, meeting_kind, repeats_partner_preposition


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
        self.trips = Trips(self.index)
        # The last date the story gave, which "that year" and "later that day" refer to.
        self.narrative: str | None = None
        spans = paragraphs(doc)
        lead = lead_paragraph(doc)
        after = [end for start, end in spans if start > lead[0]]
        self.lead, self.second_paragraph_end = lead, after[0] if after else lead[1]

    def run(self) -> list[dict]:
        for number, sent in enumerate(self.doc.sents):
            self._read(number, sent)
            self.narrative = date_in(sent) or self.narrative
        return merge_meetings([m for c in self.candidates if (m := self._settle(c))])

    def _recent(self, number: int) -> bool:
        return bool(self.candidates) and number - self.candidates[-1].sentence <= MAX_FOLLOW_UP

    def _read(self, number: int, sent: Span) -> None:
        found = self._encounters(sent)
        previous = self.candidates[-1].date if self.candidates else publication(self.doc)
        self.trips.note(number, sent, previous, self.narrative)
        if not found:
            if self._recent(number) and sentence_says(sent, "attendance") and self._same_time(sent):
                self._attended(sent, self.candidates[-1])
            elif self._recent(number) and not date_in(sent) and (signers := signers_in(sent, self.index)):
                # "X put his signature to the pact, while Y signed for her government": at the ceremony.
                self.candidates[-1].add(signers)
            elif self._recent(number) and is_setting(sent):
                # "At that meeting X thanked ... under the leadership of Y": only X was there.
                self.candidates[-1].add(main_subjects(sent, self.index))
            elif any(is_trigger(t) and not is_planned(t) for t in sent) and (date := date_in(sent)):
                self.pending = (number, date, place_in(sent))
            return
        first, *more = found
        self._report(number, sent, *first, alone=not more)
        for trigger, participants, referring in more:
            self._report(number, sent, trigger, participants, referring, alone=False)

    def _report(
        self, number: int, sent: Span, trigger: Token, participants: list[dict], referring: bool, alone: bool
    ) -> None:
        """A candidate for one encounter the sentence reports (or more about the last one)."""
        if alone and self._recent(number) and is_anaphoric(trigger) and not date_in(sent):
            self.candidates[-1].add(participants)
            if sentence_says(sent, "attendance"):
                self._attended(sent, self.candidates[-1])
            return
        if alone and sentence_says(sent, "attendance"):
            add_new(participants, [p for _, p in people_in(sent, self.index)])
        date, place = self._when_where(number, sent, trigger, referring, participants)
        candidate = Candidate(
            # Talks somewhere ("held talks in Baku") are in person; else as these people last talked.
            kind=meeting_kind(sent, trigger)
            or ("meeting" if place_in(sent) else self._last_kind(participants)),
            people=participants,
            named=parties_named(list(trigger.subtree)),
            others=sentence_parties(sent),
            date=date,
            place=place,
            sentence=number,
            evidence=[sent.start_char, sent.end_char],
            # "Earlier in the day, X had welcomed Y": another encounter than the one reported.
            separate=not alone
            or any(t.lower_ in EVENTS["separate_markers"] for t in trigger.subtree)
            or sentence_says(sent, "day_sequence"),
        )
        if explicit_date := date_in(sent, trigger):
            # "The delegation landed yesterday and was met by X. The ministers then held talks.": that day.
            self.pending = (number, explicit_date, place)
        # Settle parties now, so that later sentences can refer to "the Pakistani general".
        settle_sides(participants, self.pair, candidate.others, place)
        if any(t.lower_ in EVENTS["multilateral_markers"] for t in sent):
            self.candidates.append(candidate)
            return
        each = any(t.lower_ in EVENTS["several_meetings"] for t in [trigger, *trigger.children])
        each = each or sentence_says(sent, "one_by_one") or repeats_partner_preposition(trigger)
        leaders, named = subject_people(trigger, self.index)
        scenes = partner_scenes(sent, [p for p in participants if p not in leaders], self.index)
        # "with A in Paris on Monday and with B in Rome on Tuesday": told apart by their own time and place.
        apart = len({date for date, _ in scenes.values() if date}) >= 2
        pieces = split_encounter(candidate, leaders, partner_states(trigger), each, named)
        if apart and len(pieces) > 1:
            for piece in pieces:
                own = [scenes[id(p)] for p in piece.people if id(p) in scenes]
                date, place = own[0] if own else (None, None)
                piece.date, piece.place = date or piece.date, place or piece.place
        self.candidates += pieces

    def _encounters(self, sent: Span) -> list[tuple[Token, list[dict], bool]]:
        """The encounters the sentence reports: the meeting word reaching the most people first, then
        those of other meeting words that reach someone else ('X was received by A and then met B')."""
        found = sorted(self._triggered(sent), key=lambda f: -len(f[1]))
        kept: list[tuple[Token, list[dict], bool]] = []
        for item in found:
            if not kept or self._another_encounter(item[0], item[1], kept):
                kept.append(item)
        return kept

    @staticmethod
    def _another_encounter(
        trigger: Token, people: list[dict], kept: list[tuple[Token, list[dict], bool]]
    ) -> bool:
        """A second meeting verb tells of another encounter when it has a verb of its own and someone of
        the first encounter meets someone new there."""
        first = {id(p) for p in kept[0][1]}
        ids = {id(p) for p in people}
        return (
            trigger.pos_ == "VERB"
            and len(ids) >= 2
            and bool(ids & first)
            and not any(ids <= {id(p) for p in k[1]} for k in kept)
        )

    def _triggered(self, sent: Span) -> list[tuple[Token, list[dict], bool]]:
        """Each meeting word of the sentence with the people it reaches."""
        found = []
        for trigger in sent:
            referring = False
            participants = joint_subjects(trigger, self.index)
            if not participants:
                if not is_trigger(trigger) or is_planned(trigger):
                    continue
                participants = governed_people(sent, trigger, self.index)
                add_new(participants, described_people(trigger, self.people, participants))
                add_new(participants, clause_subjects(trigger, self.index))
                participants = [p for p in participants if not self._met_elsewhere(p, trigger, sent)]
                if (pair := bare_pair(trigger, self.index)) is not None:
                    add_new(participants, pair)
                elif is_plural_reference(trigger) and self.candidates:
                    # "... President X and President Y at their summit. The two presidents spoke by phone."
                    reports = [*(c.people for c in self.candidates), self._named_before(sent)]
                    counted = counted_people(trigger, reports)
                    add_new(participants, counted or self.candidates[-1].people)
                    referring = True
                if (subject := pronoun_subject(trigger, self.index)) and subject not in participants:
                    participants.insert(0, subject)
                elif len(participants) == 1 and (
                    partner := pronoun_partner(trigger, participants, self.index)
                ):
                    participants.append(partner)
            if participants:
                found.append((trigger, participants, referring))
        return found

    def _met_elsewhere(self, person: dict, trigger: Token, sent: Span) -> bool:
        """'X, who had met A on Monday, held talks with B': A is named only inside another encounter."""
        mentions = [self.doc[end - 1] for start, end in person["mentions"] if sent.start <= start < sent.end]
        return bool(mentions) and all(
            any(
                v != trigger
                and v.pos_ == "VERB"
                and v.dep_ in ("relcl", "advcl", "conj")
                and v not in trigger.ancestors
                and is_trigger(v)
                and not is_planned(v)
                for v in token.ancestors
            )
            for token in mentions
        )

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

    def _when_where(
        self, number: int, sent: Span, trigger: Token, referring: bool, people: list[dict]
    ) -> tuple[str | None, str | None]:
        date, place = self._anchor(number, sent, trigger, referring, people)
        return date, place or self.trips.visiting(number, people, date)

    def _anchor(
        self, number: int, sent: Span, trigger: Token, referring: bool, people: list[dict]
    ) -> tuple[str | None, str | None]:
        # "Later in the day, the four ministers ...": the day these people were last reported on.
        last = self._last_with(people)
        previous = last.date if last else publication(self.doc)
        date, explicit = sentence_date(sent, previous, trigger, self.narrative)
        place = place_in(sent, trigger)
        if place is None and (trip := self.trips.told_before(number, sent)):
            place = trip.place
            if not explicit and trip.dated:
                date, explicit = trip.date, True
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
        if last and last.date and self._continues(number, last, people):
            # "X was received by A. X also met B.": the story goes on with the same visitor and day.
            return last.date, place or last.place
        if sent.start_char < self.second_paragraph_end and (lead := lead_date(self.doc)):
            # The first paragraphs tell the news of the lead: "... on Wednesday signed ...".
            return lead, place
        return date, place

    def _continues(self, number: int, last: Candidate, people: list[dict]) -> bool:
        """True if an undated report goes on with someone of the last dated encounter, a few sentences on."""
        return number - last.sentence <= MAX_FOLLOW_UP // 2 and any(p in last.people for p in people)

    def _settle(self, candidate: Candidate) -> dict | None:
        """The meeting as a record, if two parties met."""
        # A meeting in the opening paragraph without a place happened where the story is datelined;
        # a call has no one place.
        if candidate.kind == "call":
            # "X telephoned Y before he spoke in Washington": a call links two places, it has none.
            candidate.place = None
        in_lead = candidate.evidence[0] < self.lead[1] and candidate.evidence[1] > self.lead[0]
        if candidate.place is None and in_lead and candidate.kind != "call":
            candidate.place = dateline(self.doc) or lead_city(self.doc)
        parties = settle_sides(candidate.people, self.pair, candidate.others, candidate.place)
        if candidate.sides:
            parties = list(candidate.sides)
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


@Language.factory("milgraph_meetings")
def make_meeting_reader(nlp: Language, name: str) -> MeetingReader:
    return MeetingReader()


class MeetingReader:
    """Set `doc._.meetings`: kind, parties, participants (names), date, place, evidence offsets."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.meetings = find_meetings(doc)
        return doc
