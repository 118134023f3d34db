"""Close matches for a name the graph does not know: the "did you mean" of a 404.

Matching needs the name of every party and every person, and reading those is a scan of the
graph, so each store's are read on the first miss and kept until something is written to it.
"""

from __future__ import annotations

import difflib
from weakref import WeakKeyDictionary

from api.queries import render
from graph.store import Store

# Lower-cased name or code -> the name to suggest, per store.
_PARTY_NAMES: WeakKeyDictionary[Store, dict[str, str]] = WeakKeyDictionary()
_PEOPLE_NAMES: WeakKeyDictionary[Store, dict[str, str]] = WeakKeyDictionary()
# Other answers read by a scan of the whole graph (the party network), kept the same way.
_KEPT: WeakKeyDictionary[Store, dict[object, object]] = WeakKeyDictionary()
# People sharing the stem of a misspelt name that difflib compares it with: enough to find it,
# few enough to answer in milliseconds.
MAX_CANDIDATES = 200


def close_parties(store: Store, text: str) -> list[str]:
    """Up to 5 names of states or organisations spelt like `text` (or whose code is)."""
    names = _party_names(store)
    close = difflib.get_close_matches(text.lower(), list(names), n=5, cutoff=0.6)
    return list(dict.fromkeys(names[match] for match in close))


def close_people(store: Store, text: str) -> list[str]:
    """Up to 5 names of people spelt like `text`."""
    # Comparing with every name would take long; names sharing the start of the longest word
    # ("hasa" for "Hasanof") are enough to find a misspelt one.
    words = text.lower().split()
    if not words:
        return []
    stem = max(words, key=len)[:4]
    names = _people_names(store)
    candidates = [lower for lower in names if stem in lower]
    # A word starting with the stem is the likelier misspelling: those go first when some must go.
    candidates.sort(key=lambda lower: not any(word.startswith(stem) for word in lower.split()))
    chosen = candidates[:MAX_CANDIDATES]
    return [names[m] for m in difflib.get_close_matches(text.lower(), chosen, n=5, cutoff=0.5)]


def forget_names(store: Store) -> None:
    """Drop the names (and what else is kept) for `store`: call it after writing to the store."""
    _PARTY_NAMES.pop(store, None)
    _PEOPLE_NAMES.pop(store, None)
    _KEPT.pop(store, None)


def kept(store: Store) -> dict[object, object]:
    """A place for answers read from a scan of the whole of `store`, emptied by `forget_names`."""
    return _KEPT.setdefault(store, {})


def _party_names(store: Store) -> dict[str, str]:
    if (names := _PARTY_NAMES.get(store)) is None:
        # Filled before it is shared: requests run on several threads.
        names = {}
        for row in store.select(render("parties")):
            label = row.get("name") or row["code"]
            names.setdefault(row["code"].lower(), label)
            names.setdefault(label.lower(), label)
        _PARTY_NAMES[store] = names
    return names


def _people_names(store: Store) -> dict[str, str]:
    if (names := _PEOPLE_NAMES.get(store)) is None:
        found = sorted(row["name"] for row in store.select(render("people-names")))
        names = _PEOPLE_NAMES[store] = {name.lower(): name for name in found}
    return names


def known_people(store: Store) -> list[str]:
    """Every person's name in the graph (kept like the names for close matches)."""
    return list(_people_names(store).values())
