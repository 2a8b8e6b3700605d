"""A wire's dateline: "KESWIN, March 3 (Probe Agency) -", "NAIROBI (Wire) -" (issue #8).

The city may be the event's place; the day, the agency and the dash that follow
say when and by whom the piece was filed: no claim and no name of the event
comes from them (claims.context, claims.event).
"""

from __future__ import annotations

import re

# A wire dateline opening a paragraph: a city, perhaps a date, the agency in brackets, a dash.
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<city>[A-Z][A-Z.'’ -]{1,40}?)(?:,[^\n()]{1,40}?)?|(?P<town>[A-Z][a-z]+(?: [A-Z][a-z]+)*),"
    r"[^\n()]{1,40}?)\s*\([^()\n]{2,40}\)\s*[-–—]"
    # "DRESDEN, Germany, March 17 -": a city in capitals and a day, with no agency named
    r"|^[ \t]*(?P<capital>[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+)*),[^\n()]{0,30}?\b(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?\s+[-–—]\s"
    # "Addis Ababa, November 14/2020 (Agency) Officials said": a town, a day and the agency with no dash
    r"|^[ \t]*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*),[^\n()]{0,30}?\d[^\n()]{0,20}?\([^()\n]{2,40}\)(?=[ \t]+[A-Z])"
)


def filed_spans(text: str) -> list[tuple[int, int]]:
    """Where each dateline's day and agency stand (after the city, to the dash)."""
    return [(m.end(_city(m)), m.end()) for m in DATELINE.finditer(text)]


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Each whole dateline, its city too: "QANA, Lebanon, July 30 -" names where the piece was
    filed, never who did what (a parser may take the city for the subject of the story's verb)."""
    return [(m.start(_city(m)), m.end()) for m in DATELINE.finditer(text)]


def _city(m: re.Match[str]) -> str:
    return next(name for name in ("city", "town", "capital", "place") if m[name])
