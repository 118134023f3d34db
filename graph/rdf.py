"""An article's extraction record as RDF: the triples of its named graph (see `docs/model.md`)."""

from __future__ import annotations

from pathlib import PurePath

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from graph import identity
from graph.store import GraphUpload
from graph.wikidata import wikidata_iri
from ingest.records import (
    AgreementRecord,
    ArticleRecord,
    Evidence,
    MeetingRecord,
    PartialDate,
    Party,
    PersonRecord,
)
from ontology import DCTERMS, MG, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD


class InvalidRecord(ValueError):
    """An extraction record that cannot become RDF; the message names the article and the problem."""


_PARTY_CLASS = {"state": MG.State, "organisation": MG.InternationalOrganisation}
_MEETING_CLASS = {"meeting": MG.InPersonMeeting, "call": MG.Call}


def _iri(term: str) -> NamedNode:
    return NamedNode(str(term))


def _date(date: PartialDate) -> Literal:
    return Literal(date.lexical, datatype=_iri(XSD[date.xsd_type]))


class _ArticleGraph:
    """Collects the triples of one article's graph; every node it names is typed and labelled in it."""

    def __init__(self, record: ArticleRecord) -> None:
        self.record = record
        self.article_id = record.article.id
        self.article = NamedNode(identity.article_iri(self.article_id))
        self.triples: set[Triple] = set()

    def add(self, subject: NamedNode, predicate: str, obj: NamedNode | Literal) -> None:
        self.triples.add(Triple(subject, _iri(predicate), obj))

    def evidence(self, evidence: Evidence | None, fact: NamedNode) -> None:
        if evidence is None:
            return
        if not 0 <= evidence.start <= evidence.end:
            raise ValueError(f"evidence offsets {evidence.start}-{evidence.end} are not a span of the text")
        node = NamedNode(identity.evidence_iri(self.article_id, evidence))
        self.add(node, RDF.type, _iri(MG.Evidence))
        self.add(node, PROV.wasQuotedFrom, self.article)
        self.add(node, OA.exact, Literal(evidence.sentence))
        self.add(node, OA.start, Literal(evidence.start))
        self.add(node, OA.end, Literal(evidence.end))
        self.add(fact, PROV.wasDerivedFrom, node)

    def party(self, party: Party) -> NamedNode:
        node = NamedNode(identity.party_iri(party))
        self.add(node, RDF.type, _iri(_PARTY_CLASS[party.kind]))
        self.add(node, SKOS.prefLabel, Literal(party.name, language="en"))
        self.add(node, SKOS.notation, Literal(party.code))
        if party.alpha2:
            self.add(node, MG.alpha2, Literal(party.alpha2))
        for demonym in party.demonyms:
            self.add(node, MG.demonym, Literal(demonym, language="en"))
        if same := wikidata_iri(party):
            self.add(node, OWL.sameAs, NamedNode(same))
        return node

    def article_node(self) -> None:
        article = self.record.article
        node = self.article
        self.add(node, RDF.type, _iri(SCHEMA.NewsArticle))
        self.add(node, DCTERMS.identifier, Literal(article.id))
        self.add(node, MG.contentHash, Literal(self.record.content_hash))
        if article.published:
            self.add(node, DCTERMS.issued, _date(article.published))
        if article.source:
            self.add(node, DCTERMS.creator, Literal(article.source))
        if article.url:
            try:
                url = NamedNode(article.url)
            except ValueError as exc:
                raise ValueError(f"url {article.url!r} is not an IRI ({exc})") from exc
            self.add(node, SCHEMA.url, url)
        if article.path:
            self.add(node, MG.sourceFile, Literal(PurePath(article.path).name))

    def person(self, person: PersonRecord) -> None:
        node = NamedNode(identity.person_iri(person.name))
        self.add(node, RDF.type, _iri(SCHEMA.Person))
        self.add(node, SCHEMA.name, Literal(person.name))
        self.evidence(person.evidence, node)
        party = self.party(person.party) if person.party else None
        if party:
            self.add(node, ORG.memberOf, party)
        if person.rank:
            self.add(node, MG.rank, Literal(person.rank))
        for post in person.roles:
            membership = NamedNode(identity.membership_iri(person.name, person.party, post.role))
            self.add(membership, RDF.type, _iri(ORG.Membership))
            self.add(membership, ORG.member, node)
            if party:
                self.add(membership, ORG.organization, party)
            self.add(membership, ORG.role, NamedNode(identity.role_iri(post.role)))
            self.add(membership, RDFS.label, Literal(post.title))
            self.evidence(person.evidence, membership)

    def named_person(self, name: str, evidence: Evidence | None) -> NamedNode:
        """A participant or signatory; people the record does not list get a node of their own here."""
        node = NamedNode(identity.person_iri(name))
        if not any(identity.person_key(p.name) == identity.person_key(name) for p in self.record.people):
            self.add(node, RDF.type, _iri(SCHEMA.Person))
            self.add(node, SCHEMA.name, Literal(name))
            self.evidence(evidence, node)
        return node

    def meeting(self, meeting: MeetingRecord) -> None:
        node = NamedNode(identity.meeting_iri(meeting))
        self.add(node, RDF.type, _iri(MG.Meeting))
        self.add(node, RDF.type, _iri(_MEETING_CLASS[meeting.kind]))
        for party in meeting.parties:
            self.add(node, MG.party, self.party(party))
        for name in meeting.participants:
            self.add(node, SCHEMA.attendee, self.named_person(name, meeting.evidence))
        if meeting.date:
            self.add(node, DCTERMS.date, _date(meeting.date))
        if meeting.place:
            place = NamedNode(identity.place_iri(meeting.place))
            self.add(place, RDF.type, _iri(SCHEMA.Place))
            self.add(place, SCHEMA.name, Literal(meeting.place))
            self.add(node, SCHEMA.location, place)
        self.evidence(meeting.evidence, node)

    def agreement(self, agreement: AgreementRecord) -> None:
        node = NamedNode(identity.agreement_iri(agreement))
        self.add(node, RDF.type, _iri(MG.Agreement))
        self.add(node, DCTERMS.title, Literal(agreement.title))
        for party in agreement.parties:
            self.add(node, MG.party, self.party(party))
        for name in agreement.signatories:
            self.add(node, MG.signatory, self.named_person(name, agreement.evidence))
        if agreement.date:
            self.add(node, DCTERMS.date, _date(agreement.date))
        self.evidence(agreement.evidence, node)


def article_triples(record: ArticleRecord) -> set[Triple]:
    """Every triple the article asserts, each node it mentions typed and labelled."""
    graph = _ArticleGraph(record)
    graph.article_node()
    for person in record.people:
        graph.person(person)
    for meeting in record.meetings:
        graph.meeting(meeting)
    for agreement in record.agreements:
        graph.agreement(agreement)
    return graph.triples


def article_upload(record: ArticleRecord) -> GraphUpload:
    """The article's named graph as sorted N-Triples, tagged with the article's content hash.

    Raises `InvalidRecord` when a value cannot be part of the graph (a name with
    no letters, a role outside the closed list, a url that is not an IRI).
    """
    try:
        triples = article_triples(record)
    except ValueError as exc:
        where = f" ({record.article.path})" if record.article.path else ""
        raise InvalidRecord(f"article {record.article.id}{where}: {exc}") from exc
    lines = serialize(triples, format=RdfFormat.N_TRIPLES).splitlines(keepends=True)
    return GraphUpload(
        iri=identity.article_graph_iri(record.article.id),
        ntriples=b"".join(sorted(lines)),
        content_hash=record.content_hash,
        meta={"article": record.article.id},
    )
