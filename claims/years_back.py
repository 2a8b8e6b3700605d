"""Years counted back from the day of writing to the event (issue #8, FAILURE_MODES 8).

A memorial piece opens "Friday marks the 20th anniversary of the raid"; a
follow-up says "the siege two years ago" or "ten years on". Its lead's own
years (a page stamp, the dateline) are when it was written; the event is that
many years earlier: the year of publication minus the count (a year the
sentence names may be the event's own: "the 2002 siege, 15 years ago"). The
words are data (rules.json `event_years_back`).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from claims.numbers import compound_words, parse_amount
from claims.rules import rules

MAX_BACK = 150  # years: a larger count is no anniversary of a reported event


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    r = rules()
    back = r["event_years_back"]
    ordinal = _alternatives(list(back["ordinals"]))
    nouns = _alternatives(back["anniversary_nouns"])
    number = _alternatives(list(r["number_words"]))
    words = _alternatives(back["years_back_words"])
    anniversary = re.compile(rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<ord>{ordinal}))\s+(?:{nouns})\b", re.I)
    # "twenty-two years ago" is one number: its "two" alone is not the count
    years = re.compile(
        rf"\b(?P<n>\d{{1,3}}|{compound_words(r['number_words'])}|{number})\s+years?\s+(?:{words})\b", re.I
    )
    return anniversary, years


def _count(m: re.Match[str]) -> int | None:
    r = rules()
    found = m.groupdict()
    if found.get("ord"):
        return r["event_years_back"]["ordinals"].get(found["ord"].lower())
    n = found["n"].lower()
    if "-" in n:
        return parse_amount(n)
    return int(n) if n.isdigit() else r["number_words"].get(n)


def years_back(sentence: str, published: date | None) -> list[int]:
    """The event years a sentence counts back to ("the 20th anniversary of ..." written in 2019: 1999)."""
    found: list[int] = []
    if published is None:
        return found
    anchor = published.year
    for pattern in _patterns():
        for m in pattern.finditer(sentence):
            n = _count(m)
            if n and 0 < n <= MAX_BACK and anchor - n not in found:
                found.append(anchor - n)
    return found
