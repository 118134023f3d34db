"""Names users type -> the nodes of the graph: parties by name, code or demonym, people by name."""

from __future__ import annotations

import pycountry

from api.errors import NotFound
from api.event_details import party_refs
from api.models import PartyRef
from api.queries import iri, literal, render
from api.suggestions import close_parties, close_people
from graph.identity import person_iri
from graph.store import Store
from ontology import ID


def resolve_party(store: Store, name: str) -> PartyRef:
    """The state or organisation `name` means: English name, ISO alpha-2/alpha-3 code, acronym or
    demonym, in any case ("Latvia", "lva", "LV", "Latvian"), or any name pycountry knows for a state.
    """
    text = name.strip()
    if not text:
        raise NotFound("a state or organisation needs a name, a code or a demonym; this one is blank")
    found = _parties_named(store, text)
    parties = [party for party_iri in found if (party := party_details(store, party_iri))]
    if len(parties) == 1:
        return parties[0]
    if parties:
        raise NotFound(
            f"{text!r} could mean any of {', '.join(p.code for p in parties)}; ask for one by its code",
            [p.name or p.code for p in parties],
        )
    raise NotFound(f"no state or organisation in the graph is called {text!r}", close_parties(store, text))


def _parties_named(store: Store, text: str) -> list[str]:
    """Party IRIs for `text`, the cheap ways first: pycountry (no query at all for a state's
    name or code), exact spellings (index lookups), then a case-blind scan."""
    if (code := _iso_alpha3(text)) and (state := f"{ID}state/{code}") in party_refs(store, [state]):
        return [state]
    spellings = {text, text.lower(), text.upper(), text.title(), text.capitalize()}
    values = " ".join(f"{literal(s)} {literal(s)}@en" for s in sorted(spellings))
    if found := {row["party"] for row in store.select(render("party-by-value", values=values))}:
        return sorted(found)
    return sorted({row["party"] for row in store.select(render("party-by-name", name=literal(text.lower())))})


def party_details(store: Store, party: str) -> PartyRef | None:
    return party_refs(store, [party]).get(party)


def _iso_alpha3(text: str) -> str | None:
    """pycountry knows official and common names ("Russian Federation") the graph's labels may not."""
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def resolve_person(store: Store, name: str) -> str:
    """The IRI of the person called `name` (any case and accents: "zakir hasanov", "Zakir HASANOV")."""
    text = name.strip()
    if person := find_person(store, text):
        return person
    if not any(ch.isalnum() for ch in text):
        raise NotFound(f"{text!r} is not a person's name: it has no letters or digits")
    raise NotFound(f"no person in the graph is called {text!r}", close_people(store, text))


def find_person(store: Store, name: str) -> str | None:
    """The IRI of the person called `name`, or None: one index lookup, no suggestions."""
    try:
        person = person_iri(name.strip())
    except ValueError:
        return None
    return person if store.ask(render("person-exists", person=iri(person))) else None
