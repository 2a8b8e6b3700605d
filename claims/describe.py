"""Short readable renderings of claim values, shared by every report and the app (issue #2).

Values are shown as the source stated them ("over 30,000", "Mar 1992"), not as
the normalised interval, so a reader can check them against the quote.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from claims.models import ACCIDENT, NOBODY, UNKNOWN, Actor, Count, DateSpan, Duration
from claims.rules import rules

# Fixed English month names: strftime("%b") follows the locale (issue #2).
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
# Range qualifiers already said by the dash itself: "between 100 and 300" -> "100–300".
_RANGE_WORDS = frozenset({"between", "from"})
_DASH = "–"


def describe_number(n: int) -> str:
    """Thousands separators, the way news text writes counts: 30000 -> "30,000"."""
    return f"{n:,}"


@lru_cache(maxsize=1)
def _told_after() -> frozenset[str]:
    """The hedges told after a figure ("or more", "or so"): rules.json's *_after lists, read once."""
    q = rules()["qualifiers"]
    return frozenset({*q["lower_bound_after"], *q["upper_bound_after"], *q["approximate_after"]})


def _with_qualifier(qualifier: str | None, body: str) -> str:
    """ "more than 30,000", and a hedge told after the figure after it: "100 or more", "an hour or so"."""
    if not qualifier:
        return body
    return f"{body} {qualifier}" if qualifier in _told_after() else f"{qualifier} {body}"


def describe_count(value: Count) -> str:
    """A count as stated: exact, range, open-ended, or vague ("thousands")."""
    qualifier = (value.qualifier or "").strip() or None
    if value.vague and value.text:
        return value.text
    low, high = value.low, value.high
    if low == 0 and high == 0:
        return "none"  # "no casualties", "nobody was killed"
    if low is not None and high is not None:
        if low == high:
            return _with_qualifier(qualifier, describe_number(low))
        if qualifier and qualifier.lower() in _RANGE_WORDS:
            qualifier = None
        return _with_qualifier(qualifier, f"{describe_number(low)}{_DASH}{describe_number(high)}")
    if low is not None:
        return _with_qualifier(qualifier or "at least", describe_number(low))
    if high is not None:
        return _with_qualifier(qualifier or "up to", describe_number(high))
    return value.text or "unknown"


def _day(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _month(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.year}"


def _days_span(start: date, end: date) -> str:
    """A multi-day span, sharing month and year when they match: "7–8 Aug 2008"."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{_DASH}{end.day} {_MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} {_DASH} {_day(end)}"
    return f"{_day(start)} {_DASH} {_day(end)}"


def describe_date(value: DateSpan) -> str:
    """A date at the precision it was stated at: "27 Sep 2020", "Mar 1992", "1997"."""
    start, end = value.start, value.end
    match value.precision:
        case "day":
            return _day(start) if start == end else _days_span(start, end)
        case "days":
            return _days_span(start, end)
        case "month":
            return (
                _month(start)
                if (start.year, start.month) == (end.year, end.month)
                else (f"{_month(start)} {_DASH} {_month(end)}")
            )
        case "year":
            return str(start.year) if start.year == end.year else f"{start.year}{_DASH}{end.year}"
        case "years":
            return f"{start.year}{_DASH}{end.year}" if start.year != end.year else str(start.year)
        case "season":
            if value.text:
                return value.text
            season = _SEASONS.get(start.month)
            return f"{season} {start.year}" if season else f"{_month(start)} {_DASH} {_month(end)}"
        case "decade":
            return value.text or f"{start.year - start.year % 10}s"
    return value.text or f"{start.isoformat()} {_DASH} {end.isoformat()}"


def describe_actor(value: Actor) -> str:
    """Who acted, and on whom: "Armenia → Azerbaijan", "not Israel", "no one (it never happened)",
    "not established who"."""
    if value.actor == NOBODY:
        return "no one (it never happened)"
    if value.actor == UNKNOWN:
        return "not established who"
    if value.actor == ACCIDENT:
        return "no one (an accident)"
    actor = " and ".join([value.actor, *value.allies])
    who = f"not {actor}" if value.negated else actor
    return f"{who} → {value.target}" if value.target else who


def describe_duration(value: Duration) -> str:
    """In the unit a person would use, with its hedge or range: "44 days", "6 hours", "more than
    1 hour", "about 30 minutes", "10\u201315 minutes"."""
    shown = _length_words(value.days)
    if value.high is not None:
        top = _length_words(value.high)
        (n, unit), (_, top_unit) = shown.split(" ", 1), top.split(" ", 1)
        same = unit.rstrip("s") == top_unit.rstrip("s")
        shown = f"{n}{_DASH}{top}" if same else f"{shown} {_DASH} {top}"
        vague = vague_length(value.qualifier)
        if vague is not None:  # "a few seconds (2–5 seconds)": the words, then their span; "within minutes"
            per = value.days / vague[0]  # the unit's length in days: the least is that many of it
            named = min(rules()["duration_units"].items(), key=lambda kv: abs(kv[1] - per))[0]
            words = f"{value.qualifier} {named}s"
            return words if by_unit_alone(vague) else f"{words} ({shown})"
    return _with_qualifier(value.qualifier, shown)


def vague_length(qualifier: str | None) -> tuple[int, int] | None:
    """How many of its unit a length told in vague words is said of ("a few": 2 to 5, "several": 3 to
    9; rules vague_duration_amounts), or None for a length told in figures."""
    found = rules()["vague_duration_amounts"].get(qualifier or "")
    return (found[0], found[1]) if found else None


def by_unit_alone(amount: tuple[int, int]) -> bool:
    """ "within minutes": a length told by its unit alone, from one of it up to a bound (its amount's
    least is one)."""
    return amount[0] == 1


def _length_words(days: float) -> str:
    """ "44 days", "1 day", "2.5 days", "6 hours", "58 hours", "1 month", "30 years", "90 minutes"."""
    for unit, size in (("year", 365.25), ("month", 30.4375), ("week", 7.0)):
        n = days / size
        if n >= 1 and abs(n - round(n)) < 0.02:
            return _plural(round(n), unit)
    if not float(days * 2).is_integer():  # a whole or half day is told in days
        for unit, per_day in (("hour", 24), ("minute", 24 * 60), ("second", 24 * 3600)):
            n = days * per_day
            if round(n) >= 1 and abs(n - round(n)) <= 0.02 * n:
                return _plural(round(n), unit)
    shown = str(int(days)) if float(days).is_integer() else f"{days:.3g}"
    return f"{shown} day" if shown == "1" else f"{shown} days"


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def describe_value(value: Count | DateSpan | Actor | Duration | None) -> str:
    """One short string for any claim value, as the source stated it."""
    match value:
        case Count():
            return describe_count(value)
        case DateSpan():
            return describe_date(value)
        case Actor():
            return describe_actor(value)
        case Duration():
            return describe_duration(value)
        case None:
            return ""
    return str(value)
