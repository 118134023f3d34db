"""GET /suggest: the names a search box offers as the user types: states, organisations and people."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import StoreDep
from api.errors import NotFound
from api.models import examples
from api.queries import render
from api.resolve import resolve_party
from api.suggestions import known_people
from graph.identity import person_iri

router = APIRouter(tags=["search"])


class Suggestion(BaseModel):
    id: str = Field(description="the node's IRI")
    kind: Literal["state", "organisation", "person"]
    label: str = Field(description="the name to show and to open the node's view with")
    code: str | None = Field(None, description="a party's code")


class Suggestions(BaseModel):
    model_config = examples(
        {
            "query": "lat",
            "items": [
                {
                    "id": "https://w3id.org/milgraph/id/state/LVA",
                    "kind": "state",
                    "label": "Latvia",
                    "code": "LVA",
                }
            ],
        }
    )

    query: str
    items: list[Suggestion] = Field(description="the best matches first: exact, then by the start of a word")


@router.get("/suggest", summary="Parties and people whose name, code or demonym matches what was typed")
def suggest(
    store: StoreDep,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="the start of a name or of any word in it, a code or a demonym, any case",
            examples=["lat", "Latvian", "hasan"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=50, description="at most this many")] = 10,
) -> Suggestions:
    text = " ".join(q.split())
    if not text:
        return Suggestions(query=q, items=[])
    ranked: dict[str, tuple[int, str, Suggestion]] = {}

    def offer(rank: int | None, suggestion: Suggestion) -> None:
        if rank is None:
            return
        held = ranked.get(suggestion.id)
        if held is None or rank < held[0]:
            ranked[suggestion.id] = (rank, suggestion.label.lower(), suggestion)

    try:
        # What the API itself resolves the text to (a demonym, an alpha-2 code, a long-form name).
        party = resolve_party(store, text)
        offer(0, Suggestion(id=party.id, kind=party.kind, label=party.name or party.code, code=party.code))
    except NotFound:
        pass
    for row in store.select(render("parties")):
        label = row.get("name") or row["code"]
        rank = min(r for r in (match_rank(text, label), match_rank(text, row["code"]), 9) if r is not None)
        kind = "state" if row["kind"].endswith("State") else "organisation"
        offer(
            rank if rank < 9 else None, Suggestion(id=row["party"], kind=kind, label=label, code=row["code"])
        )
    for name in known_people(store):
        if (rank := match_rank(text, name)) is None:
            continue
        try:
            offer(rank, Suggestion(id=person_iri(name), kind="person", label=name))
        except ValueError:
            continue
    best = sorted(ranked.values(), key=lambda held: held[:2])
    return Suggestions(query=q, items=[suggestion for *_, suggestion in best[:limit]])


def match_rank(text: str, name: str) -> int | None:
    """How well `text` matches `name`: 0 the same, 1 its start, 2 the starts of its words, 3 inside it."""
    typed, known = text.casefold(), name.casefold()
    if typed == known:
        return 0
    if known.startswith(typed):
        return 1
    words = known.replace("-", " ").split()
    if all(any(word.startswith(part) for word in words) for part in typed.split()):
        return 2
    if len(typed) >= 3 and typed in known:
        return 3
    return None
