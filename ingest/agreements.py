"""Find agreements reported as signed: title, parties, signatories and date.

The title is the quoted name of the document when the sentence gives one, else the
noun phrase of the signed document ("the Bilateral Cooperation Plan for 2020").
A bare reference ("the document was signed by ...") adds signatories to the agreement
just found instead of making a new one, and an unnamed agreement ("a military
cooperation accord") gives way to a named one between the same parties.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.encounters import dates_compatible
from ingest.events import (
    EVENTS,
    date_in,
    governed_by,
    mention_index,
    parties_named,
    people_in,
    publication,
    sentence_says,
)
from ingest.gazetteer import DEMONYM, STATE
from ingest.parties import article_pair
from ingest.triggers import is_planned

QUOTED = re.compile(r"(?:^|(?<=[\s(]))[\"“«‘']([A-Z][^\"”»’]{6,300}?)[\"”»’'](?=[\s,.;:)]|$)")
DROP_LEFT = frozenset({"DET", "NUM", "PRON", "PUNCT", "CCONJ", "ADP"})
TITLE_PREPOSITIONS = frozenset({"for", "on", "of", "between", "in"})
MAX_ACRONYM = 6
BRACKETED_ACRONYM = re.compile(r"\s*\([A-Za-z]{1,6}\)")
TITLE_STOPS = frozenset({",", ";", ":", "(", ")", ".", '"', "“", "”"})
# "... with each of them" looks back over this many meetings for who "them" are.
MAX_RECENT_MEETINGS = 6
SCENE_PREPOSITIONS = frozenset({"in", "on", "at"})
SCENE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", STATE})


def _is_document(token: Token) -> bool:
    # "(MoU)" after a memorandum is its short name, not another document.
    doc, i = token.doc, token.i
    if 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")":
        return False
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in EVENTS["document_nouns"] or token.lower_ in EVENTS["document_nouns"]
    )


def is_sign_trigger(token: Token) -> bool:
    """'signed', 'inked', and 'put his signature to'."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_ in EVENTS["sign_verbs"]:
        return True
    return token.lemma_ in EVENTS["signature_verbs"] and any(
        c.dep_ == "dobj" and c.lemma_ in EVENTS["signature_nouns"] for c in token.children
    )


def _documents(trigger: Token) -> list[Token]:
    """The document nouns signed: objects, passive subjects, the noun a participle describes, conjuncts."""
    found = []
    if trigger.dep_ in ("acl", "relcl") and _is_document(trigger.head):
        found.append(trigger.head)
    by_agent = any(c.dep_ == "agent" or c.lower_ == "by" for c in trigger.children)
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass", "obj") or (child.dep_ == "nsubj" and by_agent):
            # "The previous one, a military cooperation plan for 2017-2018, was signed"
            found += [child] if _is_document(child) else [c for c in child.children if c.dep_ == "appos"]
        if child.dep_ == "prep" and child.lower_ in ("to", "with"):
            found += [c for c in child.children if _is_document(c)]
        # "signed a roadmap for 2025-2027 and a protocol": a second object the parser hung on the verb.
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            found.append(child)
    found = [t for t in found if _is_document(t)]
    for noun in list(found):
        for other in noun.subtree:
            listed = other != noun and _is_document(other) and other.dep_ in ("conj", "appos", "pobj")
            if listed and other.head.dep_ != "compound" and other.head.lower_ not in ("of", "under", "on"):
                found.append(other)
    return list(dict.fromkeys(found))


def _title(noun: Token) -> str:
    """The document's name: the noun with its modifiers, without articles or relative clauses."""
    doc = noun.doc
    lefts = [t for t in noun.lefts if t.dep_ not in ("det", "poss", "nummod", "punct", "predet")]
    left = min([noun.i, *(t.left_edge.i for t in lefts)])
    right = _title_end(noun)
    while left < right and doc[left].pos_ in DROP_LEFT:
        left += 1
    while right > left and doc[right].pos_ in ("PUNCT", "CCONJ", "ADP", "DET"):
        right -= 1
    text = f" {BRACKETED_ACRONYM.sub('', doc[left : right + 1].text)} "
    for cut in EVENTS["title_cuts"]:
        text = text.split(f" {cut} ")[0] + " " if f" {cut} " in text else text
    return text.strip(" ,")


def _title_end(noun: Token) -> int:
    """The last word of the phrases that complete a document's name, read left to right (the parser
    often hangs "for 2026-2030" on the verb): "plan of military cooperation between X and Y for 2025",
    but not "in Rabat", "on Monday", ", the first such agreement" or "and a programme"."""
    doc = noun.doc
    right = noun.i
    between = False
    for token in doc[noun.i + 1 : noun.sent.end]:
        if token.pos_ == "ADP":
            if token.lower_ not in TITLE_PREPOSITIONS or _sets_the_scene(token):
                break
            between = between or token.lower_ == "between"
        elif token.pos_ == "CCONJ":
            # "between the Ministry of X and the Ministry of Y" is one name; "and a programme" is another.
            if not between:
                break
            between = False
        elif _acronym_in_brackets(token):
            # "memorandum of understanding (MoU) on cyber defence": the name goes on after its acronym.
            continue
        elif token.text in TITLE_STOPS or token.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            break
        elif token.pos_ not in ("DET", "PUNCT"):
            right = token.i
    return right


def _acronym_in_brackets(token: Token) -> bool:
    """A token of "(MoU)": the brackets or the short capitalised word between them."""
    doc = token.doc

    def short_caps(t: Token) -> bool:
        return len(t.text) <= MAX_ACRONYM and any(c.isupper() for c in t.text) and t.text.isalpha()

    def bracketed(i: int) -> bool:
        inside = 0 < i < len(doc) - 1 and doc[i - 1].text == "(" and doc[i + 1].text == ")"
        return inside and short_caps(doc[i])

    return any(bracketed(i) for i in (token.i - 1, token.i, token.i + 1))


def _sets_the_scene(prep: Token) -> bool:
    """'in Rabat', 'on Wednesday': where or when it was signed, not part of the name."""
    doc = prep.doc
    i = prep.i + 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if prep.lower_ not in SCENE_PREPOSITIONS or i >= len(doc):
        return False
    # "in the Kazakh capital", "in the Turkish city of Kayseri": a place described by its state.
    while i < len(doc) and doc[i].ent_type_ == DEMONYM:
        i += 1
    return i < len(doc) and (
        doc[i].ent_type_ in SCENE_ENTITIES or doc[i].lower_ in EVENTS["settlement_nouns"]
    )


def _is_named(title: str, quoted: bool) -> bool:
    """A proper title ("Trinity House Agreement"), as opposed to a description ("a defence pact")."""
    return quoted or any(word[:1].isupper() for word in title.split())


def _is_reference(noun: Token) -> bool:
    """'the document', 'the first such agreement': a mention of a document named elsewhere.
    An indefinite one ('a defence pact') is a new agreement, if an unnamed one."""
    lefts = [t.lower_ for t in noun.lefts]
    if any(w in EVENTS["reference_determiners"] for w in lefts):
        return True
    generic = noun.lower_ in EVENTS["generic_documents"] and not any(t.pos_ == "PROPN" for t in noun.lefts)
    return generic and not any(w in ("a", "an") for w in lefts)


def _parties_around(trigger: Token) -> list[str]:
    """Parties named in the signing clause and in the subject of the clause it depends on."""
    tokens = list(trigger.subtree)
    if trigger.dep_ in ("acl", "relcl"):
        tokens += list(trigger.head.subtree)
    for ancestor in list(trigger.ancestors)[:2]:
        for child in ancestor.children:
            if child.dep_ == "nsubj":
                tokens += list(child.subtree)
    return parties_named(sorted(set(tokens), key=lambda t: t.i))


def _signatories(sent: Span, trigger: Token, index: dict[int, dict], meetings: list[dict]) -> list[dict]:
    """The people who signed: named with the verb, or "the ministers" of the meeting just reported."""
    found = [p for t, p in people_in(sent, index) if governed_by(t, trigger)]
    # "X and Y discussed ... and signed a protocol": the subjects of the first verb signed too.
    if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
        found += [
            p
            for t, p in people_in(sent, index)
            if any(a.dep_ == "nsubj" and a.head == trigger.head for a in [t, *t.ancestors])
        ]
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    plural = subject is not None and (
        (subject.lemma_ in EVENTS["reference_nouns"] and subject.tag_ == "NNS")
        or subject.lower_ in EVENTS["plural_markers"]
        or subject.lower_ in EVENTS["plural_pronouns"]
    )
    if plural and (earlier := _meetings_before(meetings, sent.start_char)):
        names = earlier[-1]["participants"]
        present = [p for p in (sent.doc._.people or []) if p["name"] in names]
        # "the two prime ministers signed": those titled so, else the first two of the meeting.
        office = (
            " ".join(t.lower_ for t in subject.lefts if t.dep_ in ("amod", "compound")) + " " + subject.lemma_
        )
        titled = [p for p in present if any(office.strip() in t.lower() for _, t in p["roles"])]
        found += titled if len(titled) >= 2 else [p for p in present if p["name"] in names[:2]]
    return list({p["name"]: p for p in found}.values())


def find_agreements(doc: Doc) -> list[dict]:
    """The agreements an article reports as signed, named ones preferred over descriptions."""
    index = mention_index(doc)
    meetings = doc._.meetings or []
    sides = article_pair(doc)
    agreements: list[dict] = []
    for sent in doc.sents:
        for trigger in sent:
            if not is_sign_trigger(trigger) or is_planned(trigger):
                continue
            signatories = _signatories(sent, trigger, index, meetings)
            documents = _documents(trigger)
            quoted = QUOTED.search(sent.text)
            titles = (
                [quoted.group(1).strip()]
                if quoted
                else [_title(noun) for noun in documents if not _is_reference(noun)]
            )
            date = date_in(sent)
            if sentence_says(sent, "same_day") and agreements:
                date = date or agreements[-1]["date"]
            if documents and not titles:
                _complete(agreements[-2:], signatories, date)
                continue
            earlier = _meetings_before(meetings, sent.start_char)
            parties = _agreement_parties(trigger, signatories, earlier, sides)
            if len(parties) < 2:
                continue
            for title, pair in itertools.product(
                dict.fromkeys(titles), _pairs(sent, parties, signatories, earlier)
            ):
                agreements.append(
                    {
                        "title": title,
                        "named": _is_named(title, bool(quoted)),
                        "parties": sorted(pair),
                        "signatories": [p["name"] for p in signatories if p["party"] in (*pair, None)],
                        "date": date
                        or _meeting_date(signatories, meetings, sent.start_char)
                        or _just_reported(meetings, sent),
                        "explicit": date is not None,
                        "evidence": [sent.start_char, sent.end_char],
                    }
                )
    settled = _settle(agreements, publication(doc))
    for agreement in settled:
        _join_signing_meeting(agreement, meetings)
    return settled


def _pairs(sent: Span, parties: list[str], signatories: list[dict], earlier: list[dict]) -> list[list[str]]:
    """'signed agreements with each of them', 'signed separately with A and B': one agreement per
    partner, the partners named or those the signer last met; otherwise one among all parties."""
    home = next((p["party"] for p in signatories if p["party"]), None)
    if home is None or not sentence_says(sent, "one_by_one"):
        return [parties]
    partners = [c for c in parties if c != home]
    if len(partners) < 2:
        recent = [m for m in earlier[-MAX_RECENT_MEETINGS:] if home in m["parties"]]
        partners = list(dict.fromkeys(c for m in recent for c in m["parties"] if c != home))
    return [[home, c] for c in partners] if len(partners) >= 2 else [parties]


def _join_signing_meeting(agreement: dict, meetings: list[dict]) -> None:
    """Documents are signed at meetings: the signatories took part in the meeting of the same parties
    and day, the one they are named at or else the last reported before the signing."""
    at = agreement["evidence"][0]
    same = [
        m
        for m in meetings
        if m["parties"] == agreement["parties"] and dates_compatible(m["date"], agreement["date"])
    ]
    shared = [m for m in same if set(m["participants"]) & set(agreement["signatories"])]
    before = [m for m in same if m["evidence"][0] <= at]
    meeting = next(iter(shared), None) or (before[-1] if before else None)
    if meeting is not None:
        meeting["participants"] += [s for s in agreement["signatories"] if s not in meeting["participants"]]


def _meetings_before(meetings: list[dict], at: int) -> list[dict]:
    return [m for m in meetings if m["evidence"][0] <= at]


def _agreement_parties(
    trigger: Token, signatories: list[dict], earlier: list[dict], sides: list[str]
) -> list[str]:
    """The signatories' parties, else those named around the signing, else the last meeting's, else
    the article's two sides ("The previous plan was signed in March 2017")."""
    parties = list(dict.fromkeys(p["party"] for p in signatories if p["party"]))
    for fallback in (_parties_around(trigger), earlier[-1]["parties"] if earlier else [], sides):
        if len(parties) < 2:
            parties += [c for c in fallback if c not in parties]
    return parties


def _complete(agreements: list[dict], signatories: list[dict], date: str | None) -> None:
    """'The document was signed on Monday by X and Y': more about the agreements just found."""
    for agreement in agreements:
        agreement["signatories"] += [
            p["name"] for p in signatories if p["name"] not in agreement["signatories"]
        ]
        agreement["date"] = agreement["date"] or date


def _meeting_date(signatories: list[dict], meetings: list[dict], at: int) -> str | None:
    """Documents are signed at meetings: the date of the one the signatories attended."""
    names = {p["name"] for p in signatories}
    dated = [m for m in meetings if names and names <= set(m["participants"]) and m["date"]]
    earlier = [m for m in dated if m["evidence"][0] <= at]
    chosen = (earlier or dated)[-1:] if earlier else dated[:1]
    return chosen[0]["date"] if chosen else None


def _just_reported(meetings: list[dict], sent: Span) -> str | None:
    """'Following the meeting, a plan was signed': an undated signing without named signatories is
    dated by the meeting reported in its own sentence or the one before."""
    doc = sent.doc
    before = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    near = [m for m in meetings if before <= m["evidence"][0] <= sent.start_char and m["date"]]
    return near[-1]["date"] if near else None


def _settle(agreements: list[dict], published: str | None) -> list[dict]:
    """Fold unnamed mentions into a named agreement between the same parties; fill missing dates."""
    kept: list[dict] = []
    for agreement in agreements:
        same = next(
            (
                a
                for a in kept
                if a["title"].lower() == agreement["title"].lower() and a["parties"] == agreement["parties"]
            ),
            None,
        )
        if same is not None:
            same["signatories"] += [s for s in agreement["signatories"] if s not in same["signatories"]]
            continue
        named = [
            a
            for a in agreements
            if a["named"]
            and a["parties"] == agreement["parties"]
            and _close(a["date"] or published, agreement["date"] or published)
        ]
        if not agreement["named"] and named:
            target = named[0]
            if agreement["explicit"] and not target["explicit"]:
                target["date"], target["explicit"] = agreement["date"], True
            target["signatories"] += [s for s in agreement["signatories"] if s not in target["signatories"]]
            continue
        kept.append(agreement)
    for agreement in kept:
        agreement["date"] = agreement["date"] or published
        del agreement["named"], agreement["explicit"]
    return kept


def _close(a: str | None, b: str | None) -> bool:
    """Dates that may be one day: equal, a day apart (publication lag), or either unknown."""
    if a is None or b is None or a == b:
        return True
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1
    except ValueError:
        return False


@Language.factory("milgraph_agreements")
def make_agreement_reader(nlp: Language, name: str) -> AgreementReader:
    return AgreementReader()


class AgreementReader:
    """Set `doc._.agreements`: title, parties, signatories (names), date, evidence offsets."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.agreements = find_agreements(doc)
        return doc
