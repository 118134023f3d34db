"""Reading an article as a web page stores it: header lines, the dateline, and the lines that are not prose.

A stored page keeps its furniture (menus, headlines, photo captions, share lines, "Related" sidebars,
bylines) as lines of their own. Prose is what reads like a sentence: it ends like one, or runs long.
This module needs no spaCy, so the reader can use it before any model loads.
"""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PAGE = json.loads((Path(__file__).parent / "resources" / "page.json").read_text(encoding="utf-8"))

# Lines with no word of three letters are page furniture ("---", "+ ↺ − 16 px"), not prose.
PROSE = re.compile(r"[^\W\d_]{3,}")
# A sentence ends with . ! ? …, perhaps inside quotes or brackets, perhaps then a credit: "(APP)", "— VNS".
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s*\([^()\n]{1,24}\)|\s+[—–-]{1,2}\s*[A-Z][\w/-]{1,15})?$")
INTRO_END = re.compile(r":[\"'”’»)\]]*$")
# A truncated paragraph, or one closed by a credit ("... in 2019. — VNS"), is still prose when this long.
LONG_LINE_WORDS = 20
INTRO_MIN_WORDS = 5
CAPTION_MAX_WORDS = 40
BYLINE_MAX_CHARS = 60
# A hard-wrapped line fills most of its block's width, and that width is a line's, not a word's.
WRAP_SHARE = 0.7
WRAP_MIN_WIDTH = 50
# "By Jana Novak", "By Staff Writer, Cairo.": a byline, with or without a full stop.
BYLINE = re.compile(r"By\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?\.?$")
HEADLINE_MAX_WORDS = 16
TITLE_CASE_SHARE = 0.8
BULLET = re.compile(r"^(?:[-•*·–—▪►]|\d{1,2}[.)])\s+")
# Menus and link lists: "Home / Politics / Defence", "News | Print | A- A A+", "Inicio > Noticias".
LINK_SEPARATOR = re.compile(r"\s(?:\||/|>|»|›|•)\s|\s\|\s?|\s?\|\s")


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


def _prefixes(names: list[str]) -> str:
    """An alternation of the names and their shortenings to three or more letters, longest first."""
    forms = {name[:n] for name in names for n in range(3, len(name) + 1)}
    return "|".join(sorted(forms, key=len, reverse=True))


def _number(word: str, names: list[str]) -> int | None:
    """1-based position of the one name `word` shortens ("Sept" -> 9), if any."""
    word = word.rstrip(".").casefold()
    if len(word) < 3:
        return None
    found = [i for i, name in enumerate(names, start=1) if name.casefold().startswith(word)]
    return found[0] if len(found) == 1 else None


MONTH = rf"(?i:{_prefixes(PAGE['months'])})"
WEEKDAY = rf"(?i:{_prefixes(PAGE['weekdays'])})"
ORDINAL = r"(?:st|nd|rd|th)?"
_LABELS = "|".join(sorted(map(re.escape, PAGE["date_labels"]), key=len, reverse=True))
LEAD = re.compile(rf"\s*(?:(?P<label>(?i:{_LABELS}))\b\s*:?\s*)?(?:(?P<weekday>{WEEKDAY})\b\.?,?\s*)?")
DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?=T|\b)"),
    re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\b"),
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)\b"),
    re.compile(rf"(?P<mon>{MONTH})\b\.?\s+(?P<d>\d{{1,2}}){ORDINAL},?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?P<d>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<mon>{MONTH})\b\.?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"(?P<mon>{MONTH})\b\.?,?\s+(?P<y>\d{{4}})\b"),
)
# "T10:32:00Z", ", 10:32 AM GMT+3", "| 14h05", "at 9.15 pm": the time of day a header may add.
TIME = re.compile(
    r"(?:\s*(?:[,|•–—-]|\bat\b)?\s*|T)\d{1,2}[:.h]\d\d(?::\d\d(?:\.\d+)?)?"
    r"(?:\s*(?i:[ap]\.?m\.?))?(?:\s*(?:Z|UTC|GMT|[A-Z]{1,4}T|MSK)?\s*[+-]\d{1,2}(?::?\d\d)?|\s*(?:Z|UTC|GMT|[A-Z]{1,4}T|MSK)\b)?"
)
HEADER_SEPARATORS = " \t,;|•·–—-"


@dataclass(frozen=True, slots=True)
class HeaderDate:
    """A date read from a header line: its parts, the text it was read from, and where it ends."""

    year: int
    month: int | None
    day: int | None
    text: str
    end: int
    labelled: bool


def header_date(line: str) -> HeaderDate | None:
    """The date a header line opens with ("date 2022-12-19", "Wed, 10/08/2014", "Friday 24 April 2015")."""
    lead = LEAD.match(line)
    start = lead.end()
    for form in DATE_FORMS:
        if not (m := form.match(line, start)):
            continue
        parts = _date_parts(m, lead["weekday"])
        if parts is None:
            continue
        end = m.end()
        if time := TIME.match(line, end):
            end = time.end()
        return HeaderDate(*parts, m.group(0), end, lead["label"] is not None)
    return None


def _date_parts(m: re.Match, weekday: str | None) -> tuple[int, int | None, int | None] | None:
    groups = m.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000
    if groups.get("mon"):
        month = _number(groups["mon"], PAGE["months"])
        if month is None:
            return None
        return year, month, int(groups["d"]) if groups.get("d") else None
    if groups.get("a"):
        return _numeric_date(year, int(groups["a"]), int(groups["b"]), weekday)
    return year, int(groups["m"]), int(groups["d"])


def _numeric_date(year: int, a: int, b: int, weekday: str | None) -> tuple[int, int, int] | None:
    """Day and month of "10/08/2014": the order that makes a date, and fits the weekday if one is given."""
    readings = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append((datetime.date(year, month, day), (year, month, day)))
        except ValueError:
            continue
    wanted = _number(weekday, PAGE["weekdays"]) if weekday else None
    if wanted is not None:
        readings = [r for r in readings if r[0].isoweekday() == wanted] or readings
    # Without a weekday to tell them apart, day first: most of the world writes dates that way.
    return readings[0][1] if readings else None


def is_link_list(line: str) -> bool:
    """A menu, breadcrumb or share line: three or more short items between separators."""
    items = LINK_SEPARATOR.split(line)
    return len(items) >= 3 and all(len(item.split()) <= 6 for item in items)


def _starts_with_label(text: str, labels: list[str]) -> str | None:
    """The label a line opens with ("Read more: ..." -> "read more"), matched as whole words."""
    folded = text.casefold().lstrip("([ ")
    for label in sorted(labels, key=len, reverse=True):
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalnum():
            return label
    return None


def is_sidebar_label(line: str) -> bool:
    """A heading that opens a block of links to other stories ("Related", "Latest news:")."""
    text = line.strip().rstrip(":").strip()
    return text.casefold() in PAGE["sidebar_labels"]


def is_caption(line: str) -> bool:
    """A photo caption: it opens with a caption label, or places people in the picture ("(L)")."""
    words = len(line.split())
    if words > CAPTION_MAX_WORDS:
        return False
    label = _starts_with_label(line, PAGE["caption_labels"])
    if label and re.match(rf"[\s(\[]*{re.escape(label)}\s*[:)\]]", line, re.IGNORECASE):
        return True
    marks = "|".join(map(re.escape, PAGE["position_marks"]))
    return re.search(rf"\((?i:{marks})\)", line) is not None


def is_prose(line: str, after_intro: bool = False) -> bool:
    """True if the line is the article's own text, not furniture around it."""
    text = line.strip()
    if not PROSE.search(text) or is_link_list(text) or is_caption(text):
        return False
    label = _starts_with_label(text, PAGE["sidebar_labels"])
    if label and text[len(label) :].lstrip().startswith(":"):
        return False
    words = len(text.split())
    if after_intro and BULLET.match(text):
        return True
    if BYLINE.match(text) or is_title_case_headline(text):
        return False
    return (
        SENTENCE_END.search(text) is not None
        or words >= LONG_LINE_WORDS
        or (INTRO_END.search(text) is not None and words >= INTRO_MIN_WORDS)
    )


def is_title_case_headline(text: str) -> bool:
    """ "Will Ankara And Athens Finally Talk?": a short question or exclamation in title case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if not text.endswith(("?", "!")) or len(text.split()) > HEADLINE_MAX_WORDS or len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def byline(text: str) -> str | None:
    """The source a "By Some Agency" line names, if it is a byline and not a sentence."""
    m = re.match(r"\s*By\s+(?P<source>.+?)\s*$", text)
    if not m or len(m["source"]) > BYLINE_MAX_CHARS or SENTENCE_END.search(m["source"]):
        return None
    return m["source"]


@dataclass(slots=True)
class Page:
    """What a stored page holds: the header date and source, and the article's paragraphs."""

    date: HeaderDate | None
    date_line: int | None
    source: str | None
    paragraphs: list[str]


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped paragraph, which a text editor or e-mail broke at a fixed width.

    A line is continued when it is close to the width of its block, does not end a sentence, and the
    next line carries on (one ends on a small word, a comma or a hyphen, or the next starts in lower
    case). Short lines one under another (a list of headlines) stay apart.
    """
    joined: list[list[str]] = []
    widths = _block_widths(lines)
    for line, width in zip(lines, widths, strict=True):
        # Only the last physical line matters, so a long paragraph costs no more than its lines.
        previous = joined[-1][-1].rstrip() if joined else ""
        carries_on = (
            line[:1].islower()
            or line[:1].isdigit()
            or previous[-1:].islower()
            or previous.endswith((",", ";", "-"))
        )
        wrapped = (
            width >= WRAP_MIN_WIDTH
            and len(previous) >= WRAP_SHARE * width
            and not SENTENCE_END.search(previous)
        )
        if line.strip() and previous and wrapped and carries_on:
            joined[-1].append(line.strip())
        else:
            joined.append([line])
    return [" ".join(part.strip() for part in parts) if len(parts) > 1 else parts[0] for parts in joined]


def _block_widths(lines: list[str]) -> list[int]:
    """For each line, the length of the longest line of its block (the lines between blank lines)."""
    widths = [0] * len(lines)
    start = 0
    for number in range(len(lines) + 1):
        if number == len(lines) or not lines[number].strip():
            width = max((len(line.rstrip()) for line in lines[start:number]), default=0)
            widths[start:number] = [width] * (number - start)
            start = number + 1
    return widths


def read_page(lines: list[str]) -> Page:
    """Set the header and furniture apart from the paragraphs of the article."""
    lines = unwrap(lines)
    page = Page(None, None, None, [])
    header_lines: set[int] = set()
    body_started = False
    in_sidebar = False
    for number, line in enumerate(lines):
        if not line.strip():
            in_sidebar = False
            continue
        rest = line
        if not body_started:
            rest = _read_header(page, number, line)
            if rest != line:
                header_lines.add(number)
        if in_sidebar:
            continue
        if is_sidebar_label(rest):
            in_sidebar = True
            continue
        after_intro = bool(page.paragraphs) and (
            INTRO_END.search(page.paragraphs[-1]) is not None or BULLET.match(page.paragraphs[-1]) is not None
        )
        if is_prose(rest, after_intro):
            page.paragraphs.append(rest.strip())
            body_started = True
    if not page.paragraphs:
        # A text that never ends a sentence (a list, notes) is read as it is, rather than refused.
        page.paragraphs = [
            line.strip() for i, line in enumerate(lines) if i not in header_lines and PROSE.search(line)
        ]
    return page


def _read_header(page: Page, number: int, line: str) -> str:
    """Take the date and the byline out of a header line; what is left may open the article."""
    rest = line
    found = header_date(line)
    if found and page.date is None and (found.labelled or _header_like(line[found.end :])):
        page.date, page.date_line = found, number
        rest = line[found.end :]
    if number == 0 and page.source is None:
        trimmed = rest.strip(HEADER_SEPARATORS)
        # " date 2022-01-05 + ↺ − 16 px By Trend": widget noise may come before the byline.
        if (by := re.search(r"(?:^|\s)By\s", trimmed)) and not PROSE.search(trimmed[: by.start()]):
            trimmed = trimmed[by.start() :].strip()
        if source := byline(trimmed):
            page.source = source
            return ""
        if trimmed.startswith("By ") and (split := _split_byline(trimmed)):
            page.source, rest = split
    return rest


def _header_like(rest: str) -> bool:
    """What may follow a date in a header: nothing, furniture, a separator, a byline or a dateline."""
    # After a comma the sentence may simply go on ("May 5, 2024, the ministers met ...").
    text = rest.strip().lstrip(",").strip()
    return (
        not PROSE.search(text)
        or text[0] in HEADER_SEPARATORS
        or text.startswith("By ")
        or match_dateline(text) is not None
    )


def _split_byline(text: str) -> tuple[str, str] | None:
    """ "By TASS MINSK, December 19. /TASS/. Talks ...": the byline ends where the dateline begins."""
    for m in re.finditer(r"\s", text[: BYLINE_MAX_CHARS + 4]):
        if m.start() > 3 and match_dateline(text[m.end() :]):
            return text[3 : m.start()].strip(), text[m.end() :]
    return None


# A wire dateline: "TEHRAN —", "HÀ NỘI —", "STUTTGART, Germany —", "NEW DELHI:", "ULAANBAATAR /MONTSAME/.",
# "MINSK, December 19. /TASS/.", "Berlin [Germany], February 28 (ANI):", "ISLAMABAD, Jan 5 (APP):",
# "SANTIAGO, Aug 16 (EFE).-", "NUR-SULTAN. KAZINFORM –", "Baku, 26 April (AZERTAC)".
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
