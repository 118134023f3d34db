"""The JSON the REST routes answer with; the examples are what the OpenAPI docs show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PartyKind = Literal["state", "organisation"]
EventKind = Literal["meeting", "call", "agreement"]

LATVIA = {"id": "https://w3id.org/milgraph/id/state/LVA", "code": "LVA", "name": "Latvia", "kind": "state"}
AZERBAIJAN = {
    "id": "https://w3id.org/milgraph/id/state/AZE",
    "code": "AZE",
    "name": "Azerbaijan",
    "kind": "state",
}
HASANOV = {
    "id": "https://w3id.org/milgraph/id/person/zakir-hasanov",
    "name": "Zakir Hasanov",
    "party": "AZE",
    "roles": ["defence-minister"],
}
SOURCE = {
    "article": "004_23ce66ccd23087cf",
    "id": "https://w3id.org/milgraph/id/article/004_23ce66ccd23087cf",
    "published": "2022-04-27",
    "source": "Azernews",
    "url": None,
    "evidence": [
        {
            "sentence": "Azerbaijani Defence Minister Colonel General Zakir Hasanov met with Latvian "
            "Defence Minister Artis Pabriks in Baku on April 26.",
            "start": 0,
            "end": 118,
        }
    ],
}
MEETING = {
    "id": "https://w3id.org/milgraph/id/meeting/3f2a9b0c1d2e3f40",
    "kind": "meeting",
    "date": "2022-04-26",
    "place": "Baku",
    "title": None,
    "parties": [AZERBAIJAN, LATVIA],
    "participants": [
        HASANOV,
        {
            "id": "https://w3id.org/milgraph/id/person/artis-pabriks",
            "name": "Artis Pabriks",
            "party": "LVA",
            "roles": ["defence-minister"],
        },
    ],
    "sources": [SOURCE],
}
AGREEMENT = {
    **MEETING,
    "id": "https://w3id.org/milgraph/id/agreement/9c1e2d3f4a5b6c7d",
    "kind": "agreement",
    "place": None,
    "title": "Agreement on Defence Cooperation between the Republic of Azerbaijan and the Republic of Latvia",
}


def examples(*values: object) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(values)})


class PartyRef(BaseModel):
    id: str = Field(description="the party's IRI")
    code: str = Field(description="ISO 3166-1 alpha-3 code of a state, acronym of an organisation")
    name: str | None = Field(None, description="English name")
    kind: PartyKind


class PartySummary(PartyRef):
    meetings: int = Field(description="meetings the party took part in")
    agreements: int = Field(description="agreements the party is bound by")
    people: int = Field(description="people who represent the party")


class PartyList(BaseModel):
    model_config = examples(
        {"parties": [{**AZERBAIJAN, "meetings": 3, "agreements": 1, "people": 4}], "count": 1}
    )

    parties: list[PartySummary]
    count: int


class Participant(BaseModel):
    id: str
    name: str | None = None
    party: str | None = Field(None, description="code of the party the person represents")
    roles: list[str] = Field(default_factory=list, description="values of the closed role list")


class Evidence(BaseModel):
    sentence: str
    start: int = Field(description="character offset of the sentence in the article text")
    end: int


class Source(BaseModel):
    article: str | None = Field(None, description="the article's id")
    id: str = Field(description="the article's IRI")
    published: str | None = None
    source: str | None = Field(None, description="the by-line")
    url: str | None = None
    evidence: list[Evidence] = Field(default_factory=list, description="the sentences the fact was read from")


class Event(BaseModel):
    model_config = examples(MEETING)

    id: str
    kind: EventKind
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, as precise as known")
    place: str | None = None
    title: str | None = Field(None, description="an agreement's title")
    parties: list[PartyRef] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list, description="attendees or signatories")
    sources: list[Source] = Field(default_factory=list)


class Partner(BaseModel):
    party: PartyRef
    meetings: int = Field(description="meetings and calls with the partner")
    agreements: int
    first: str | None = Field(None, description="date of the earliest dated event")
    last: str | None = Field(None, description="date of the latest dated event")
    events: list[Event] = Field(description="the partner's events on this page, in date order")


class Relations(BaseModel):
    model_config = examples(
        {
            "party": LATVIA,
            "partners": [
                {
                    "party": AZERBAIJAN,
                    "meetings": 1,
                    "agreements": 1,
                    "first": "2022-04-26",
                    "last": "2022-04-26",
                    "events": [MEETING, AGREEMENT],
                }
            ],
            "limit": 100,
            "offset": 0,
            "next_offset": None,
        }
    )

    party: PartyRef
    partners: list[Partner] = Field(description="every partner, with counts over all its events")
    limit: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page of events, or null on the last")


class RoleHistory(BaseModel):
    role: str = Field(description="a value of the closed role list")
    party: str | None = Field(None, description="code of the party the role is held for")
    titles: list[str] = Field(default_factory=list, description="the titles the articles use")
    first_seen: str | None = Field(None, description="publication date of the first article naming it")
    last_seen: str | None = None


class RankHistory(BaseModel):
    rank: str
    first_seen: str | None = None
    last_seen: str | None = None


class Counterpart(Participant):
    meetings: int = Field(description="meetings and calls shared with the person")
    agreements: int = Field(description="agreements both signed")


class PersonView(BaseModel):
    model_config = examples(
        {
            "id": HASANOV["id"],
            "name": "Zakir Hasanov",
            "party": AZERBAIJAN,
            "roles": [
                {
                    "role": "defence-minister",
                    "party": "AZE",
                    "titles": ["Defence Minister"],
                    "first_seen": "2022-04-27",
                    "last_seen": "2022-04-27",
                }
            ],
            "ranks": [{"rank": "Colonel General", "first_seen": "2022-04-27", "last_seen": "2022-04-27"}],
            "meetings": [MEETING],
            "agreements": [AGREEMENT],
            "counterparts": [
                {
                    "id": "https://w3id.org/milgraph/id/person/artis-pabriks",
                    "name": "Artis Pabriks",
                    "party": "LVA",
                    "roles": ["defence-minister"],
                    "meetings": 1,
                    "agreements": 1,
                }
            ],
        }
    )

    id: str
    name: str | None
    party: PartyRef | None
    roles: list[RoleHistory]
    ranks: list[RankHistory]
    meetings: list[Event]
    agreements: list[Event]
    counterparts: list[Counterpart]


class EventPage(BaseModel):
    model_config = examples({"items": [MEETING], "limit": 50, "offset": 0, "next_offset": None})

    items: list[Event]
    limit: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page, or null on the last page")


class Node(BaseModel):
    id: str
    label: str | None
    type: Literal["person", "state", "organisation", "meeting", "call", "agreement"]


class Edge(BaseModel):
    source: str
    target: str
    type: Literal["party", "attendee", "signatory", "memberOf"]


class Neighbourhood(BaseModel):
    model_config = examples(
        {
            "centre": HASANOV["id"],
            "hops": 1,
            "nodes": [
                {"id": HASANOV["id"], "label": "Zakir Hasanov", "type": "person"},
                {"id": AZERBAIJAN["id"], "label": "Azerbaijan", "type": "state"},
                {"id": MEETING["id"], "label": "meeting 2022-04-26", "type": "meeting"},
            ],
            "edges": [
                {"source": HASANOV["id"], "target": AZERBAIJAN["id"], "type": "memberOf"},
                {"source": MEETING["id"], "target": HASANOV["id"], "type": "attendee"},
            ],
            "truncated": False,
        }
    )

    centre: str
    hops: int
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool = Field(description="true when the size cap left nodes out")


class Health(BaseModel):
    model_config = examples({"status": "ok", "store": "/home/analyst/.local/share/milgraph/store"})

    status: Literal["ok"]
    store: str


class NotFoundBody(BaseModel):
    model_config = examples(
        {"detail": "no state or organisation is called 'Latvija'", "suggestions": ["Latvia"]}
    )

    detail: str
    suggestions: list[str] = Field(default_factory=list, description="close matches in the graph")
