"""HTTP content negotiation: pick the media type to answer in from an Accept header (RFC 9110 §12.5.1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MediaRange:
    """One entry of an Accept header: `type/subtype` (either may be `*`) and its weight."""

    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How closely this range names `media_type`: 2 exactly, 1 by `type/*`, 0 by `*/*`, -1 not at all."""
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed entries are skipped, as browsers and proxies expect."""
    ranges = []
    for entry in header.split(","):
        media, *params = (part.strip() for part in entry.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q))
    return ranges


def choose(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers, or None when it accepts none of them.

    Each offered type takes the weight of the most specific range naming it, so
    `text/csv;q=0, */*` refuses CSV but takes anything else. Equal weights go to
    the earlier offered type: `offered` is in the server's order of preference.
    """
    if not accept or not accept.strip():
        return offered[0] if offered else None
    ranges = parse_accept(accept)
    best: str | None = None
    best_q = 0.0
    for media_type in offered:
        matches = [(r.specificity(media_type), r.q) for r in ranges if r.specificity(media_type) >= 0]
        if not matches:
            continue
        q = max(matches)[1]
        if q > best_q:
            best, best_q = media_type, q
    return best
