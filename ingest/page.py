"""Reading an article as a web page stores it: header lines, the dateline, and the lines that are not prose.

A stored page keeps its furniture (menus, headlines, photo captions, share lines, "Related" sidebars,
bylines) as lines of their own. Prose is what reads like a sentence: it ends like one, or runs long.
This module needs no spaCy, so the reader can use it before any model loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.datelines import match_dateline
from ingest.header_dates import PAGE, HeaderDate, header_date

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
HEADER_SEPARATORS = " \t,;|•·–—-"


def is_link_list(line: str) -> bool:
    """A menu, breadcrumb or share line: three or more short items between separators."""
    items = LINK_SEPARATOR.split(line)
    return len(items) >= 3 and all(len(item.split()) <= 6 for item in items)


def _longest_first(names: list[str]) -> list[str]:
    return sorted((name.casefold() for name in names), key=len, reverse=True)


SIDEBAR_LABELS = _longest_first(PAGE["sidebar_labels"])
CAPTION_LABELS = _longest_first(PAGE["caption_labels"])
LABEL_MAX_CHARS = 40
# "(L)", "(second right)": where a caption places a person in the picture.
POSITION_MARK = re.compile(rf"\((?i:{'|'.join(map(re.escape, PAGE['position_marks']))})\)")


def _starts_with_label(text: str, labels: list[str]) -> str | None:
    """The label a line opens with ("Read more: ..." -> "read more"), matched as whole words."""
    folded = text[:LABEL_MAX_CHARS].casefold().lstrip("([ ")
    for label in labels:
        if folded.startswith(label) and not folded[len(label) : len(label) + 1].isalnum():
            return label
    return None


def is_sidebar_label(line: str) -> bool:
    """A heading that opens a block of links to other stories ("Related", "Latest news:")."""
    text = line.strip().rstrip(":").strip()
    return text.casefold() in SIDEBAR_LABELS


def is_caption(line: str) -> bool:
    """A photo caption: it opens with a caption label, or places people in the picture ("(L)")."""
    words = len(line.split())
    if words > CAPTION_MAX_WORDS:
        return False
    label = _starts_with_label(line, CAPTION_LABELS)
    if label and re.match(rf"[\s(\[]*{re.escape(label)}\s*[:)\]]", line, re.IGNORECASE):
        return True
    return POSITION_MARK.search(line) is not None


def is_prose(line: str, after_intro: bool = False) -> bool:
    """True if the line is the article's own text, not furniture around it."""
    text = line.strip()
    if not PROSE.search(text) or is_link_list(text) or is_caption(text):
        return False
    label = _starts_with_label(text, SIDEBAR_LABELS)
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
    """ "Will Riga And Santiago Finally Sign?": a short question or exclamation in title case."""
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
    """ "By Nordic Wire OSLO — Talks ...": the byline ends where the dateline begins."""
    for m in re.finditer(r"\s", text[: BYLINE_MAX_CHARS + 4]):
        if m.start() > 3 and match_dateline(text[m.end() :]):
            return text[3 : m.start()].strip(), text[m.end() :]
    return None
