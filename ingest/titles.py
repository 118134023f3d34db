"""Read office titles compositionally: modifiers + head + organisation.

"First Deputy Minister of National Defence", "Chief of the Royal Army General Staff",
"Defence Cabinet Minister", "head of the Navy's Logistics Department": the head says what
kind of office it is, the organisation says of what, the modifiers whether it is the top
post or a subordinate one. The role follows from rules over these three parts
(`resources/title_grammar.json`), so a title the exact list in `titles.tsv` lacks still
gets a role. The exact list wins where it names the very same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import PARTY_LABELS, RANK, RESOURCES, TITLE
from ingest.tokens import ent_start

GRAMMAR = json.loads((RESOURCES / "title_grammar.json").read_text(encoding="utf-8"))
LINKS = frozenset(GRAMMAR["links"])
RUN_LINKS = frozenset(GRAMMAR["run_links"])
ATTACHED = frozenset(GRAMMAR["attached_links"])
MAX_RUN = GRAMMAR["max_run_tokens"]
# Which organisation decides the role when a title names several ("Head of the Department of the
# Ministry of Defence" is a department head): the most specific kind first.
DOMAIN_ORDER = (
    "staff",
    "service-staff",
    "security",
    "embassy",
    "unit",
    "defence",
    "foreign",
    "industry",
    "service",
)
# Domains that may stand before the head: "Defence Minister", "Army Commander", "Intelligence Chief".
PRE_HEAD_DOMAINS = frozenset({"defence", "foreign", "service", "security", "staff", "service-staff"})
SUBORDINATE = ("deputy", "assistant")
# Where the parties written inside a composed title are kept ("Commander of the Polish Land Forces").
TITLE_PARTIES = "milgraph_title_parties"
# Where the starts of plural titles are kept ("the defence ministers of A and B, X and Y").
PLURAL_TITLES = "milgraph_plural_titles"


@dataclass
class Title:
    start: int
    end: int
    role: str
    parties: list[str]
    plural: bool = False


class PhraseTable:
    """Lower-case phrases of one or more tokens, found at a position, longest first."""

    def __init__(self, nlp: Language, phrases: dict[str, str]) -> None:
        self.table = {tuple(t.lower_ for t in nlp.make_doc(p)): v for p, v in phrases.items()}
        self.longest = max(len(k) for k in self.table)

    def at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """(end, value) of the longest phrase starting at token i."""
        for n in range(min(self.longest, len(doc) - i), 0, -1):
            value = self.table.get(tuple(t.lower_ for t in doc[i : i + n]))
            if value is not None:
                return i + n, value
        return None

    def ending(self, doc: Doc, end: int, floor: int) -> tuple[int, str] | None:
        """(start, value) of the longest phrase ending right before token `end`, not before `floor`."""
        for n in range(min(self.longest, end - floor), 0, -1):
            value = self.table.get(tuple(t.lower_ for t in doc[end - n : end]))
            if value is not None:
                return end - n, value
        return None


class TitleComposer:
    """Finds composed titles in a doc and marks them as TITLE entities with their role as id."""

    def __init__(self, nlp: Language) -> None:
        self.modifiers = PhraseTable(nlp, GRAMMAR["modifiers"])
        self.heads = PhraseTable(nlp, GRAMMAR["heads"])
        self.verbs = PhraseTable(nlp, GRAMMAR["verb_heads"])
        self.plurals = PhraseTable(nlp, GRAMMAR["plural_heads"])
        self.domains = PhraseTable(nlp, GRAMMAR["domains"])
        self.rules = GRAMMAR["roles"]

    def __call__(self, doc: Doc) -> None:
        titles: list[Title] = []
        i = 0
        while i < len(doc):
            title = self._title_at(doc, i, titles[-1].end if titles else 0)
            if title is None:
                i += 1
                continue
            titles.append(title)
            i = title.end
        _mark(doc, titles)

    def _title_at(self, doc: Doc, i: int, floor: int) -> Title | None:
        if doc[i].ent_type_ == RANK:
            # "Wing Commander" is a rank, not the head of a title.
            return None
        found = self.heads.at(doc, i)
        plural = found is None and doc[i].tag_ == "NNS" and (found := self.plurals.at(doc, i)) is not None
        if found is None:
            return self._verb_title_at(doc, i)
        head_end, head = found
        start, modifier, domains = self._left(doc, i, floor)
        end = head_end
        parties: list[str] = []
        if head_end < len(doc) and doc[head_end].lower_ in LINKS:
            run = self._right(doc, head_end + 1, head in ("chief", "director"))
            if run:
                end, more, parties = run
                # "Chief of Staff to the Army Commander": an aide attached to an office, not its holder.
                domains += [] if doc[head_end].lower_ in ATTACHED else more
        if end == head_end and not _capitalised_or_known(doc, i, start):
            return None
        if plural and not _names_follow(doc, end):
            return None
        role = self._role(head, modifier, domains)
        return Title(start, end, role, parties, plural) if role else None

    def _verb_title_at(self, doc: Doc, i: int) -> Title | None:
        """ "who heads the Navy's logistics directorate": a verb of leading, then what is led."""
        found = self.verbs.at(doc, i)
        if found is None or not doc[i].text.islower() or found[0] >= len(doc):
            return None
        if doc[found[0]].lower_ != "the":
            return None
        run = self._right(doc, found[0], named=False)
        if run is None:
            return None
        end, domains, parties = run
        role = self._role(found[1], "none", domains)
        return Title(i, end, role, parties) if role else None

    def _left(self, doc: Doc, head: int, floor: int) -> tuple[int, str, list[str]]:
        """Modifiers and organisation words before the head: "First Deputy", "Defence Cabinet"."""
        start, modifier, domains = head, "none", []
        floor = max(doc[head].sent.start, head - 6, floor)
        while start > floor:
            if doc[start - 1].text == "-" and start - 1 > floor:
                start -= 1
                continue
            mod = self.modifiers.ending(doc, start, floor)
            dom = self.domains.ending(doc, start, floor)
            if dom and dom[1] in PRE_HEAD_DOMAINS and doc[dom[0]].ent_type_ not in PARTY_LABELS:
                domains.append(dom[1])
                start = dom[0]
            elif mod:
                if mod[1] in SUBORDINATE or (mod[1] != "neutral" and modifier == "none"):
                    modifier = mod[1]
                start = mod[0]
            else:
                break
        if start < head and doc[start].text == "-":
            start += 1
        return start, modifier, domains

    def _right(self, doc: Doc, i: int, named: bool) -> tuple[int, list[str], list[str]] | None:
        """The organisation after "of"/"for": up to the end of the last organisation word in the run."""
        end, domains, last = None, [], i
        party_at: list[tuple[int, str]] = []
        if i >= len(doc):
            return None
        stop = min(len(doc), i + MAX_RUN, doc[i].sent.end)
        j = i
        while j < stop:
            token = doc[j]
            dom = self.domains.at(doc, j)
            if dom and dom[0] <= stop:
                domains.append(dom[1])
                j = end = last = dom[0]
                continue
            if token.ent_type_ in PARTY_LABELS:
                party_at.append((j, token.ent_id_))
            elif token.ent_type_ in ("PERSON", RANK) or (
                # Another title begins: "Minister of Defence Chief of Staff ..."; the head's own exact
                # title ("Chief of the Joint Staff") goes on.
                token.ent_type_ == TITLE and ent_start(token) >= i and not _possessed(token)
            ):
                break
            # Lower-case nouns go on an organisation's name ("the navy's training command") only
            # as far as an organisation word: the title ends there.
            common = (token.pos_ in ("NOUN", "ADJ") and token.text.islower()) or token.like_num
            capital = token.text[:1].isupper()
            if token.lower_ in RUN_LINKS or capital or token.ent_type_ in PARTY_LABELS or common:
                if token.text[:1].isupper() and token.ent_type_ not in PARTY_LABELS:
                    last = j + 1
                j += 1
                continue
            break
        if end is None and named and last > i and _run_ends(doc, last):
            # "head of the Presidential Cabinet": an organisation known only by its capitalised name.
            end, domains = last, ["named"]
        if end is None:
            return None
        while end > i and doc[end - 1].lower_ in RUN_LINKS:
            end -= 1
        parties = [code for at, code in party_at if at < end]
        return end, domains, parties

    def _role(self, head: str, modifier: str, domains: list[str]) -> str | None:
        ordered = [d for d in (*DOMAIN_ORDER, "named") if d in domains] or [None]
        for domain in ordered:
            for rule in self.rules:
                if rule["head"] != head or rule.get("domain", domain) != domain:
                    continue
                wanted = rule.get("modifier")
                if wanted == "none" and modifier in SUBORDINATE:
                    continue
                if wanted not in (None, "none") and wanted != modifier:
                    continue
                return rule["role"]
        return None


def _capitalised_or_known(doc: Doc, i: int, start: int) -> bool:
    """A head in lower case is a title only where the gazetteer or the context already says so."""
    token = doc[i]
    after_article = start > 0 and doc[start - 1].lower_ in ("the", "its", "two", "both")
    return doc[start].text[:1].isupper() or token.ent_type_ == TITLE or after_article


def _names_follow(doc: Doc, i: int) -> bool:
    """A plural title counts only as the head of a list of names: "the ministers of A and B, X and Y"."""
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        while i < len(doc) and (doc[i].ent_type_ in PARTY_LABELS or doc[i].lower_ in ("and", "the")):
            i += 1
    return i + 1 < len(doc) and doc[i].text in (",", ":") and doc[i + 1].text[:1].isupper()


def _possessed(token: Token) -> bool:
    """A title inside an organisation's name: "the President's Office"."""
    doc = token.doc
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end < len(doc) and doc[end].lower_ in ("'s", "’s")


def _run_ends(doc: Doc, end: int) -> bool:
    return end >= len(doc) or not doc[end].text[:1].isupper()


def _mark(doc: Doc, titles: list[Title]) -> None:
    """Composed titles replace the entities they cover, unless an exact title has the same words."""
    if not titles:
        return
    plurals = doc.user_data.setdefault(PLURAL_TITLES, {})
    for title in titles:
        if title.plural:
            plurals[title.start] = (title.end, title.role, doc[title.start : title.end].text)
    exact = [(e.start, e.end) for e in doc.ents if e.label_ == TITLE]
    # A composed title replaces exact ones only where it holds them whole and says more.
    keep = [
        t
        for t in titles
        if all(
            e <= t.start or t.end <= s or (t.start <= s and e <= t.end and (s, e) != (t.start, t.end))
            for s, e in exact
        )
    ]
    spans = [Span(doc, t.start, t.end, label=TITLE, span_id=t.role) for t in keep]
    covered = {i for t in keep for i in range(t.start, t.end)}
    kept = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
    parties = doc.user_data.setdefault(TITLE_PARTIES, {})
    for title in keep:
        if title.parties:
            parties[title.start] = title.parties[0]
    doc.ents = sorted(kept + spans, key=lambda s: s.start)


def plural_titles(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, role, text) of the titles that name several office holders, in order."""
    return sorted((start, *rest) for start, rest in doc.user_data.get(PLURAL_TITLES, {}).items())


def title_party(token: Token) -> str | None:
    """The party written inside the composed title that starts at `token`, if any."""
    return token.doc.user_data.get(TITLE_PARTIES, {}).get(token.i)
