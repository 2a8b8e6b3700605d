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
)


def filed_spans(text: str) -> list[tuple[int, int]]:
    """Where each dateline's day and agency stand (after the city, to the dash)."""
    return [(m.end("city") if m["city"] else m.end("town"), m.end()) for m in DATELINE.finditer(text)]
