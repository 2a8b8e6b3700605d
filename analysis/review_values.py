"""A corrected value as a person types it, read into the claim's value (issue #9).

"over 30,000", "25,000-30,000", "around 300" for counts; "2016", "2016-04",
"2016-04-01" for dates; "Armenia", "Armenia -> Azerbaijan", "not Armenia" for
who started; "44", "44 days", "3 weeks" for durations. A value that cannot be
read raises ValueError with the forms it accepts, so the face can say so in one line.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from claims.models import NUMERIC_KINDS, Actor, Count, DateSpan, Duration

LOWER_WORDS = ("more than", "over", "at least", "above", "upwards of")
UPPER_WORDS = ("up to", "at most", "fewer than", "less than", "as many as", "under")
ABOUT_WORDS = ("around", "about", "approximately", "nearly", "almost", "some", "roughly", "an estimated")
_NUMBER = r"(\d[\d,\.]*)"
_RANGE = re.compile(rf"^{_NUMBER}\s*(?:-|–|to)\s*{_NUMBER}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}
HELP = {
    "count": "a number, a range or a qualified number: 300, 25,000-30,000, over 30,000, around 300",
    "date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "actor": "who did it: Armenia, Armenia -> Azerbaijan (against whom), or not Armenia",
    "duration": "a length: 44, 44 days, 3 weeks, 2 months",
}


def _int(text: str) -> int:
    return int(round(float(text.replace(",", ""))))


def parse_count(text: str) -> Count:
    said = " ".join(text.strip().split())
    low_text = said.lower()
    for words, side in ((LOWER_WORDS, "low"), (UPPER_WORDS, "high"), (ABOUT_WORDS, "both")):
        for word in words:
            if low_text.startswith(word + " "):
                n = _int(low_text[len(word) :].strip())
                low = None if side == "high" else n
                high = None if side == "low" else n
                return Count(low=low, high=high, qualifier=word, text=said)
    found = _RANGE.match(low_text)
    if found:
        low, high = sorted((_int(found.group(1)), _int(found.group(2))))
        return Count(low=low, high=high, text=said)
    if re.fullmatch(_NUMBER, low_text):
        n = _int(low_text)
        return Count(low=n, high=n, text=said)
    raise ValueError(f"{text!r} is not {HELP['count']}")


def parse_date(text: str) -> DateSpan:
    found = _DATE.match(text.strip())
    if not found:
        raise ValueError(f"{text!r} is not {HELP['date']}")
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return DateSpan(start=date(year, 1, 1), end=date(year, 12, 31), precision="year", text=text.strip())
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return DateSpan(start=date(year, month, 1), end=date(year, month, last), precision="month",
                            text=text.strip())  # fmt: skip
        return DateSpan(start=date(year, month, day), end=date(year, month, day), precision="day", text=text.strip())
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from exc


def parse_actor(text: str) -> Actor:
    said = " ".join(text.strip().split())
    negated = said.lower().startswith("not ")
    if negated:
        said = said[4:].strip()
    parts = re.split(r"\s*(?:->|→|\bagainst\b)\s*", said, maxsplit=1)
    actor = parts[0].strip()
    if not actor:
        raise ValueError(f"{text!r} is not {HELP['actor']}")
    target = parts[1].strip() or None if len(parts) > 1 else None
    return Actor(actor=actor, target=target, negated=negated, actor_text=actor, target_text=target)


def parse_duration(text: str) -> Duration:
    said = text.strip().lower()
    found = re.fullmatch(rf"{_NUMBER}\s*([a-z]*)", said)
    if not found or (found.group(2) and found.group(2) not in _DAYS):
        raise ValueError(f"{text!r} is not {HELP['duration']}")
    days = float(found.group(1).replace(",", "")) * _DAYS.get(found.group(2) or "days", 1)
    return Duration(days=days, text=text.strip())


def parse_value(kind: str, text: str) -> Count | DateSpan | Actor | Duration:
    """The value a person typed, for a claim of `kind`; ValueError says what is expected."""
    if kind in NUMERIC_KINDS:
        return parse_count(text)
    if kind == "event_date":
        return parse_date(text)
    if kind == "initiator":
        return parse_actor(text)
    if kind == "duration":
        return parse_duration(text)
    raise ValueError(f"unknown kind {kind!r}")
