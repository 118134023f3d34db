"""Wire datelines: the place (and perhaps date and agency) a story opens with.

"OSLO —", "HÀ NỘI —", "LIMA, Peru —", "NEW DELHI:", "QUITO /XYZ/.", "OSLO, March 3. /NTB/.",
"Valletta [Malta], June 2 (XYZ):", "SOFIA, Sept 4 (XYZ).-", "ASTANA. XYZNEWS –", "Riga, 9 May (XYZ) ...".
Capitals are any Unicode capitals, so that accented place names are read as well as ASCII ones.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.header_dates import MONTH, ORDINAL


def _letters(category: str) -> str:
    """A regex character class body holding every Basic Multilingual Plane letter of a Unicode category."""
    ranges: list[str] = []
    start = None
    for code in range(0x10001):
        inside = code < 0x10000 and unicodedata.category(chr(code)) == category
        if inside and start is None:
            start = code
        elif not inside and start is not None:
            first, last = re.escape(chr(start)), re.escape(chr(code - 1))
            ranges.append(first if start == code - 1 else f"{first}-{last}")
            start = None
    return "".join(ranges)


UPPER = _letters("Lu")
LOWER = _letters("Ll")

# A capitalised place; a short word with a full stop ("ST.") only when another capitalised word follows.
_CAPS_WORD = rf"(?:[{UPPER}]{{1,3}}\.(?=\s[{UPPER}])|[{UPPER}](?:[{UPPER}'’-]|\.(?=[{UPPER}]))*)"
_TITLE_WORD = rf"[{UPPER}][{LOWER}'’-]+"
_REGION_WORD = rf"[{UPPER}][{UPPER}{LOWER}.'’-]*"
_DAY_MONTH = (
    rf"(?:(?:{MONTH}\.?\s+\d{{1,2}}{ORDINAL}|\d{{1,2}}{ORDINAL}\s+{MONTH}\.?)(?:,?\s+\d{{4}})?"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
)
DATELINE = re.compile(
    rf"(?:(?P<caps>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})|(?P<city>{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}}))"
    rf"(?:,\s*(?P<region>{_REGION_WORD}(?: {_REGION_WORD}){{0,2}}))?"
    r"(?:\s*(?P<bracket>\[[^\]\n]{1,40}\]))?"
    rf"(?:,?\s*(?P<date>{_DAY_MONTH}))?"
    r"(?:\.?\s*(?P<agency>\([^)\n]{1,30}\)|/[^/\n]{1,30}/))?"
    rf"(?:\.\s+(?P<wire>[{UPPER}][{UPPER}0-9&-]+))?"
    # It ends in a separator, or right after the agency ("Baku, 26 April (AZERTAC) The minister ...").
    r"(?:(?P<separator>\s*(?:\.?\s*[—–―-]{1,2}|:|\.(?!\w)))|(?<=[)/]))\s+"
)


# A dateline lies within a doc's first tokens: the rest of a long text is never rebuilt to look for one.
DATELINE_TOKENS = 64
# Far longer than any dateline; a regex never has to back off through a whole paragraph.
DATELINE_MAX_CHARS = 200


def match_dateline(text: str) -> re.Match | None:
    """The dateline a story opens with, if any.

    A capitalised place alone needs a separator ("WASHINGTON —"); a place in ordinary case needs more
    to tell it from a sentence's first words: a bracketed region, a date or an agency.
    """
    m = DATELINE.match(text[:DATELINE_MAX_CHARS])
    if m is None:
        return None
    if m["caps"] or m["bracket"] or m["date"] or m["agency"] or m["wire"]:
        return m
    return None


def dateline_city(m: re.Match) -> str:
    """The place a dateline names, in ordinary case ("HÀ NỘI" -> "Hà Nội")."""
    if not m["caps"]:
        return m["city"]
    # str.title() gives "St. John'S": a possessive stays lower case, unlike the "D" of "N'Djamena".
    return re.sub(r"(?<=['’])S\b", "s", m["caps"].title())
