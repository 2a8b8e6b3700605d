"""A day and month with no year ("fighting began on November 4") against a dated claim (issue #8).

An excerpt often names its event's day without the year, and has no
publication date to take one from. Such a date keeps year 1 (claims.dates
.YEAR_UNKNOWN); compared with another account's date it is read in that
date's year, so "November 4" agrees with "4 November 2020" and differs by two
days from "November 2, 2020". Two yearless dates compare by day and month.
"""

from __future__ import annotations

from analysis.models import Group
from claims.dates import YEAR_UNKNOWN
from claims.models import Claim, DateSpan


def yearless(d: DateSpan) -> bool:
    return d.start.year == YEAR_UNKNOWN


def _moved(d: DateSpan, year: int) -> DateSpan | None:
    try:
        start = d.start.replace(year=year)
        end = d.end.replace(year=year + (d.end.year - d.start.year))
    except ValueError:  # 29 February in a common year
        return None
    return d.model_copy(update={"start": start, "end": end})


def gap_days(a: DateSpan, b: DateSpan) -> int:
    """Days between two spans, 0 when they overlap."""
    return max((a.start - b.end).days, (b.start - a.end).days, 0)


def placed(d: DateSpan, other: DateSpan) -> DateSpan:
    """`d` read in the year of `other` that brings it closest (unchanged when `d` has its year or
    `other` has none)."""
    if not yearless(d) or yearless(other):
        return d
    options = [m for y in range(other.start.year - 1, other.end.year + 2) if (m := _moved(d, y)) is not None]
    return min(options, key=lambda m: gap_days(m, other), default=d)


def as_pair(a: DateSpan, b: DateSpan) -> tuple[DateSpan, DateSpan]:
    """The two dates with a missing year taken from the other."""
    return placed(a, b), placed(b, a)


def years_from_siblings(claims: list[Claim], groups: list[Group]) -> list[Claim]:
    """A yearless date takes the year the other accounts of its fact give, when they give one
    (FAILURE_MODES 10: "dates of the same event in sibling sources"); its text says so."""
    by_id = {c.id: c for c in claims}
    update: dict[str, DateSpan] = {}
    for g in groups:
        members = [by_id[i] for i in g.claim_ids if i in by_id]
        dated = [c.value for c in members if isinstance(c.value, DateSpan) and not yearless(c.value)]
        for c in members:
            v = c.value
            if not isinstance(v, DateSpan) or not yearless(v) or not dated:
                continue
            years = {placed(v, d).start.year for d in dated}
            if len(years) == 1:
                year = years.pop()
                moved = _moved(v, year)
                if moved is not None:
                    text = (v.text or "").replace(" (year unknown)", "")
                    update[c.id] = moved.model_copy(
                        update={"text": f"{text} ({year}, the year the other accounts give)"}
                    )
    if not update:
        return claims
    return [c.model_copy(update={"value": update[c.id]}) if c.id in update else c for c in claims]
