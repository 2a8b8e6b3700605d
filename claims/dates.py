"""Find dates in text and normalise them to intervals with a precision (issue #2).

"September 27, 2020" -> day; "March 1992" -> month; "summer of 1992" -> season;
"1994" -> year; "1995-1999" -> years; "the early 1990s" -> decade. Relative
dates ("on Tuesday", "last year", "Oct. 7") are resolved against the
publication date when it is known, and against the latest year mentioned
before them otherwise.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from claims.models import DateSpan
from claims.numbers import compound_words, parse_amount

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
PARTS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12), "end": (10, 12)}

_FULL_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = (
    r"(?P<{n}>"
    + _FULL_MONTHS
    + r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>1[5-9]\d\d|20\d\d)"
_RANGE = r"\s*(?:-|–|—|/|to|and|or)\s*"
_LISTED_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"  # a day between the first and the last of a list ("11, 12 and 13 June")


def _m(n: str) -> str:
    return _MONTH.format(n=n)


def _d(n: str) -> str:
    return _DAY.format(n=n)


def _y(n: str) -> str:
    return _YEAR.format(n=n)


# Counts of days, weeks or years in words ("five days later", "ten years ago"): one table for both.
_NUMBER_WORDS = {"a": 1, **{w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())},
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90}  # fmt: skip
# "on the third day": the day counted with the last stated date as the first (not "first": that date itself)
ORDINAL_DAYS = {w: i for i, w in enumerate("second third fourth fifth sixth seventh eighth ninth tenth".split(), 2)}
# "the fifth of March", "the twenty-first day of May": days of the month written as ordinal words
_ORDINAL_ONES = "first second third fourth fifth sixth seventh eighth ninth".split()
DAY_ORDINALS = {
    **{w: i for i, w in enumerate(_ORDINAL_ONES, 1)},
    **{w: i for i, w in enumerate("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
                                  "eighteenth nineteenth twentieth".split(), 10)},
    **{f"twenty-{w}": 20 + i for i, w in enumerate(_ORDINAL_ONES, 1)},
    "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
# "twenty-two years ago" is one number: its "two" alone is not the count
_COUNT_WORDS = compound_words(_NUMBER_WORDS) + "|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))


def _count(num: str) -> int:
    if num.isdigit():
        return int(num)
    return _NUMBER_WORDS.get(num, 0) if "-" not in num else (parse_amount(num) or 0)


# "the 3rd of May last week": "last" with its own time word is no "May last"; "5 April last year" is the year before writing's
_TIME_AFTER_LAST = r"(?:year|years|week|weeks|month|months|night|time|summer|winter|spring|autumn|fall|weekend|day)\b"

# Ordered: the first pattern that matches at a position wins (longest forms first).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:1[5-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "30 June to 1 July 2020", "June 30 - July 1, 2020": a span across two months
    (
        "dd_month_range",
        re.compile(rf"\b{_d('d1')}\s+{_m('mo')}{_RANGE}{_d('d2')}\s+{_m('mo2')}(?:,?\s+{_y('y')})?\b"),
    ),
    (
        "month_dd_month_dd",
        re.compile(rf"\b{_m('mo')}\s+{_d('d1')}{_RANGE}{_m('mo2')}\s+{_d('d2')}(?:,?\s+{_y('y')})?\b"),
    ),
    # "on 11, 12 and 13 June 2010": a list of days, from the first to the last
    (
        "dd_range_month",
        re.compile(
            rf"\b{_d('d1')}(?:,\s*{_LISTED_DAY})+,?\s+(?:and|or)\s+{_d('d2')}\s+(?:of\s+)?{_m('mo')}(?:,?\s+{_y('y')})?\b"
        ),
    ),
    # "June 11, 12 and 13, 2010"
    (
        "month_dd_range",
        re.compile(
            rf"\b{_m('mo')}\s+{_d('d1')}(?:,\s*{_LISTED_DAY})+,?\s+(?:and|or)\s+{_d('d2')}(?:,?\s+{_y('y')})?\b"
        ),
    ),
    # "the night of 7 to 8 August 2008", "7/8 August", "19-20 September 2023"
    ("dd_range_month", re.compile(rf"\b{_d('d1')}{_RANGE}{_d('d2')}\s+(?:of\s+)?{_m('mo')}(?:,?\s+{_y('y')})?\b")),
    # "September 19-20, 2023", "May 7 and 8, 1992"
    (
        "month_dd_range",
        re.compile(rf"\b{_m('mo')}\s+{_d('d1')}{_RANGE}{_d('d2')}(?:,?\s+{_y('y')})?\b(?!\s*(?:%|percent))"),
    ),
    # "27 September 2020", "the 5th of April"
    # "the 22nd of February last": the last such day before the day of writing, whatever year the text named before
    (
        "dd_month",
        re.compile(
            rf"\b{_d('d')}\s+(?:of\s+)?{_m('mo')}\b(?:,?\s+{_y('y')}\b|\s+(?P<last>last)(?P<last_year>\s+year)?\b(?!\s+{_TIME_AFTER_LAST}))?"
        ),
    ),
    # "on 16 (3) January 1905", "January 9 (22)": a day given in two calendars (the old style's in
    # brackets, or the new's): the one the writer leads with
    (
        "dual_dd_month",
        re.compile(rf"\b{_d('d')}\s*\([0-3]?\d\)\s+(?:of\s+)?{_m('mo')}\b(?:,?\s+{_y('y')}\b)?"),
    ),
    ("dual_month_dd", re.compile(rf"\b{_m('mo')}\s+{_d('d')}\s*\([0-3]?\d\)(?:,?\s+{_y('y')}\b)?")),
    # "on the fifth of March 1770", "the twenty-first day of May": a day written as an ordinal word
    (
        "word_day_month",
        re.compile(
            r"\b(?:[Oo]n\s+)?(?:[Tt]he\s+)?(?P<dw>(?i:"
            + "|".join(sorted(DAY_ORDINALS, key=len, reverse=True))
            + rf"))\s+(?:day\s+)?of\s+{_m('mo')}\b(?:,?\s+{_y('y')}\b)?"
        ),
    ),
    # "September, 1, 2004": a stray comma after the month, only with the year
    ("month_dd", re.compile(rf"\b{_m('mo')},\s+{_d('d')},\s+{_y('y')}\b")),
    # "September 27, 2020", "Oct. 7", "Aug 7"; a dateline's "March 17 - At least ..." (not "17-year")
    (
        "month_dd",
        re.compile(rf"\b{_m('mo')}\s+{_d('d')}\b(?!\s*(?:%|percent|per\s*cent|-\s*\d)|-\w)(?:,?\s+{_y('y')}\b)?"),
    ),
    # "early March 1992", "mid-March", "late May"
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late)[-\s]+{_m('mo')}(?:,?\s+(?:of\s+)?{_y('y')})?\b")),
    # "in May", "that July", "by November": a month named alone, of the year the text tells of (or the
    # last such month before writing); not a month with its day or year after it ("in May 1994",
    # "in May and June 1994", "in July last year"), nor a name ("May's cabinet"). The mention starts
    # at the month.
    (
        "month_alone",
        re.compile(
            rf"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hat|(?:[Ee]arly|[Ll]ate)\s+in)\s+(?P<mo>{_FULL_MONTHS})\b"
            rf"(?!['’]s|\s*,?\s*(?:of\s+)?\d|\s*(?:-|–|—|to|and|or|until|through)\s*(?:{_FULL_MONTHS}|\d)"
            r"|\s+(?:of\s+)?(?:last|this|next|that|the\s+same|the\s+following|the\s+previous)\s+year)"
        ),
    ),
    # "between April and December, 1948", "from March to May 1992": months of one year
    (
        "month_range",
        re.compile(rf"\b{_m('mo')}\s*(?:-|–|—|to|and|until|through)\s*{_m('mo2')},?\s+(?:of\s+)?{_y('y')}\b"),
    ),
    # "March 1992", "March of 1992"
    ("month_year", re.compile(rf"\b{_m('mo')},?\s+(?:of\s+)?{_y('y')}\b")),
    # "summer of 1992"
    ("season", re.compile(rf"\b(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_y('y')}\b", re.I)),
    # "the early 1990s"
    ("decade", re.compile(r"\b(?:(?P<part>early|mid|late)[-\s]+)?(?P<dec>1[5-9]\d0|20\d0)'?s\b", re.I)),
    # "late 2020", "early 1994"
    ("part_year", re.compile(rf"\b(?P<part>early|mid|middle|late|end\s+of)[-\s]+{_y('y')}\b", re.I)),
    # "between 1995 and 1999", "1993-2003", "from 1997 to 2007"
    ("year_range", re.compile(rf"\b{_y('y1')}\s*(?:-|–|—|to|and|until)\s*{_y('y2')}\b")),
    # a bare year, only where it reads as a time ("in 1994", "since 1997", "1991's")
    (
        "year",
        re.compile(
            r"(?:\b(?:in|since|by|until|till|of|from|during|after|before|around|circa|year)\s+(?:the\s+year\s+)?|\()"
            rf"{_y('y')}\b(?!\s*(?:%|percent|people|soldiers|troops|km|kilometres))",
            re.I,
        ),
    ),
    # a year after a name: "the Georgia-Russia War 2008", "Euro 2024"
    (
        "year_after_name",
        re.compile(
            rf"\b(?!(?:{'|'.join(k.capitalize() for k in MONTHS)})\b)[A-Z][a-z]+\s+{_y('y')}\b(?!\s*(?:%|percent|[a-z]))"
        ),
    ),
    # a year as a modifier: "the 2008 war", "its 1994 ceasefire"
    ("year_attr", re.compile(rf"\b(?:the|a|its|their|this|that)\s+{_y('y')}\s+(?=[a-z])")),
    # "on Tuesday the 17th", "Friday the 2nd of this month": a day of the month of writing (or the one
    # before) that fell on that weekday; with a month after it ("Tuesday the 17th of October") the
    # date itself says the day (_named_days)
    (
        "weekday_nth",
        re.compile(
            r"\b(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+the\s+"
            r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?P<this>\s+(?:of\s+)?(?:this|the)\s+month|\s+inst\b\.?)?"
            rf"(?!\s+(?:of\s+)?{_m('mo')})"
        ),
    ),
    # relative: "on Tuesday", "last August", "last year", "yesterday"
    (
        "weekday",
        re.compile(r"\b(?:on\s+|last\s+|this\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"),
    ),
    ("last_month", re.compile(rf"\blast\s+{_m('mo')}\b")),
    ("rel_year", re.compile(r"\b(?P<rel>last|this|next|previous)\s+year\b", re.I)),
    # "yesterday", "today", "last night", "tonight", "this morning": the day of writing, or the day before
    (
        "rel_day",
        re.compile(
            r"\b(?P<rel>yesterday|today|(?<!ago\s)tonight|(?<!the\s)last\s+night|this\s+(?:morning|afternoon|evening))\b",
            re.I,
        ),
    ),
    # "last week", "earlier this month", "in the past week": a stretch of days counted from the day of writing
    ("rel_period", re.compile(r"\b(?P<rel>last|this|previous|past)\s+(?P<unit>week|month)\b", re.I)),
    # "three days ago", "two weeks ago", "a month ago": that many days before the day of writing
    (
        "units_ago",
        re.compile(rf"\b(?P<num>\d{{1,3}}|an?|{_COUNT_WORDS})\s+(?P<unit>days?|weeks?|months?)\s+ago\b", re.I),
    ),
    # "ten years ago today": the day that many years before publication; "20 years ago": that year
    (
        "years_ago",
        re.compile(
            rf"\b(?P<num>\d{{1,3}}|{_COUNT_WORDS})\s+years?\s+ago(?P<today>\s+(?:today|this\s+week))?\b",
            re.I,
        ),
    ),
    # "five days later", "two weeks earlier": counted from the date the text gave last
    (
        "offset",
        re.compile(
            rf"\b(?P<num>\d{{1,3}}|{_COUNT_WORDS})\s+(?P<unit>days?|weeks?|months?)\s+(?P<dir>later|afterwards|earlier)\b",
            re.I,
        ),
    ),
    # "two days after the assassination", "the day before the vote": counted from the day the text gave
    # that event, named by a word of its own ("assassinated on 14 September")
    (
        "offset_event",
        re.compile(
            rf"\b(?:(?P<num>\d{{1,3}}|{_COUNT_WORDS})\s+(?P<unit>days?|weeks?)|the\s+(?P<one>day))\s+"
            r"(?P<dir>after|before)\s+(?:the|his|her|their|its)\s+(?P<event>[a-z][a-z-]{3,})\b",
            re.I,
        ),
    ),
    # "on the third day (of the siege)": counted from the date the text gave last, its first day
    (
        "nth_day",
        re.compile(rf"\bon\s+the\s+(?P<ord>{'|'.join(ORDINAL_DAYS)})\s+day\b", re.I),
    ),
    # "died on the 14th.", "on the 2nd of that month": a day of the month of the date the text gave last
    (
        "nth_of_month",
        re.compile(
            r"\b[Oo]n\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?the\s+(?P<nth>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?=\s*[,.;:)]|\s+of\s+(?:that|the\s+same)\s+month\b)"
        ),
    ),
    # "the following day", "the next morning", "and the day after,": one day after the date the text gave last
    (
        "next_day",
        re.compile(
            r"\b(?:the\s+)?(?:following|next)\s+(?:day|morning|afternoon|evening|night)\b|\bthe\s+day\s+after(?=\s*[,;.])",
            re.I,
        ),
    ),
    # "the same evening", "that night": the day the text gave last
    (
        "same_day",
        re.compile(
            r"\b(?P<same>the\s+same\s+(?:day|morning|afternoon|evening|night)|that\s+(?:morning|afternoon|evening|night))\b",
            re.I,
        ),
    ),
]

# Month names that are also ordinary words need a day or a year with them.
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec", "jun", "sep", "oct", "aug", "apr", "nov", "jul", "feb"}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    span: DateSpan
    relative: bool = False


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, context_year: int | None, published: date | None) -> int | None:
    """Year of a "15 June" without a year: the text's latest year, else the last such day before
    publication; never a day well after publication (a "13 November" told in March 2016, after
    "22 March 2016", was the November before)."""
    if context_year:
        candidate = _safe_date(context_year, month, min(day, _last_day(context_year, month)))
        if published is None or candidate is None or candidate <= published + timedelta(days=7):
            return context_year
    if published:
        candidate = _safe_date(published.year, month, min(day, _last_day(published.year, month)))
        if candidate and candidate > published + timedelta(days=7):
            return published.year - 1
        return published.year
    return None


# kinds that name one day of a month: "5 March", "March 5", "the fifth of March", "5 (22) March"
DAY_MONTH_KINDS = ("dd_month", "month_dd", "word_day_month", "dual_dd_month", "dual_month_dd")


def _day_number(g: dict[str, str | None]) -> int:
    """The day of the month a mention names, in figures or as an ordinal word."""
    return DAY_ORDINALS[g["dw"].lower()] if g.get("dw") else int(g.get("d") or 0)


def _span(kind: str, m: re.Match[str], context_year: int | None, published: date | None) -> DateSpan | None:  # noqa: C901 (issue #7: split in the extraction rework)
    g = m.groupdict()
    text = m.group(0).strip()
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["mo"]), int(g["d"]))
        return DateSpan(start=d, end=d, precision="day", text=text) if d else None
    if kind in ("dd_month_range", "month_dd_month_dd"):
        m1, m2 = _month(g["mo"]), _month(g["mo2"])
        d1, d2 = int(g["d1"]), int(g["d2"])
        y2 = int(g["y"]) if g.get("y") else _infer_year(m2, d2, context_year, published)
        if y2 is None:
            return None
        y1 = y2 - 1 if m1 > m2 else y2  # "30 December to 2 January 2021"
        a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if a is None or b is None or not a < b or (b - a).days > 62:
            return None
        return DateSpan(start=a, end=b, precision="days", text=text)
    if kind in ("dd_range_month", "month_dd_range"):
        mo = _month(g["mo"])
        d1, d2 = int(g["d1"]), int(g["d2"])
        y = int(g["y"]) if g.get("y") else _infer_year(mo, d1, context_year, published)
        if y is None or not (1 <= d1 < d2 <= 31):
            return None
        a, b = _safe_date(y, mo, d1), _safe_date(y, mo, d2)
        return DateSpan(start=a, end=b, precision="days", text=text) if a and b else None
    if kind in DAY_MONTH_KINDS:
        mo, d = _month(g["mo"]), _day_number(g)
        told = None if g.get("last") and published else context_year  # "February last": before writing
        y = int(g["y"]) if g.get("y") else _infer_year(mo, d, told, published)
        if g.get("last_year") and published:
            y = published.year - 1  # "on 5 February last year", written in March
        if y is None:
            return None
        day = _safe_date(y, mo, d)
        return DateSpan(start=day, end=day, precision="day", text=text) if day else None
    if kind == "part_month":
        mo = _month(g["mo"])
        y = int(g["y"]) if g.get("y") else _infer_year(mo, 15, context_year, published)
        if y is None:
            return None
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, _last_day(y, mo))}[g["part"].lower()]
        return DateSpan(start=date(y, mo, lo), end=date(y, mo, hi), precision="month", text=text)
    if kind == "month_alone":
        mo = _month(g["mo"])
        y = _infer_year(mo, 1, context_year, published)
        if y is None:
            return None
        return DateSpan(start=date(y, mo, 1), end=date(y, mo, _last_day(y, mo)), precision="month", text=text)
    if kind == "month_range":
        m1, m2, y = _month(g["mo"]), _month(g["mo2"]), int(g["y"])
        y1 = y - 1 if m1 > m2 else y  # "November to February 1993"
        return DateSpan(start=date(y1, m1, 1), end=date(y, m2, _last_day(y, m2)), precision="season", text=text)
    if kind == "month_year":
        mo, y = _month(g["mo"]), int(g["y"])
        return DateSpan(start=date(y, mo, 1), end=date(y, mo, _last_day(y, mo)), precision="month", text=text)
    if kind == "season":
        y = int(g["y"])
        first, last = SEASONS[g["s"].lower()]
        if first > last:  # winter runs into the next year
            return DateSpan(start=date(y, first, 1), end=date(y + 1, last, _last_day(y + 1, last)),
                            precision="season", text=text)  # fmt: skip
        return DateSpan(start=date(y, first, 1), end=date(y, last, _last_day(y, last)), precision="season", text=text)
    if kind == "decade":
        dec = int(g["dec"])
        lo, hi = dec, dec + 9
        part = (g.get("part") or "").lower()
        if part == "early":
            hi = dec + 3
        elif part in ("mid", "middle"):
            lo, hi = dec + 3, dec + 6
        elif part == "late":
            lo = dec + 6
        return DateSpan(start=date(lo, 1, 1), end=date(hi, 12, 31), precision="decade", text=text)
    if kind == "part_year":
        y = int(g["y"])
        first, last = PARTS[g["part"].lower().split()[0]]
        return DateSpan(start=date(y, first, 1), end=date(y, last, _last_day(y, last)), precision="season", text=text)
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 100:
            return None
        return DateSpan(start=date(y1, 1, 1), end=date(y2, 12, 31), precision="years", text=text)
    if kind in ("year", "year_attr", "year_after_name"):
        y = int(g["y"])
        return DateSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year", text=text)
    if published is None:
        return None
    if kind == "weekday_nth":
        return _weekday_of_month(g, published, text)
    if kind == "weekday":
        wd = WEEKDAYS.index(g["wd"].lower())
        back = (published.weekday() - wd) % 7
        if text.lower().startswith("last") and back == 0:
            back = 7
        d = published - timedelta(days=back)
        return DateSpan(start=d, end=d, precision="day", text=text)
    if kind == "last_month":
        # "last August" in a text of October 2009 is August 2008: this year's would be "in August"
        mo = _month(g["mo"])
        y = published.year - 1
        return DateSpan(start=date(y, mo, 1), end=date(y, mo, _last_day(y, mo)), precision="month", text=text)
    if kind == "rel_year":
        offset = {"last": -1, "previous": -1, "this": 0, "next": 1}[g["rel"].lower()]
        y = published.year + offset
        return DateSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year", text=text)
    if kind == "rel_day":
        before = g["rel"].lower() == "yesterday" or g["rel"].lower().startswith("last")
        d = published - timedelta(days=1 if before else 0)
        return DateSpan(start=d, end=d, precision="day", text=text)
    if kind == "years_ago":
        return _years_ago(g, published, text)
    if kind == "rel_period":
        return _period(g["rel"].lower(), g["unit"].lower(), published, text)
    if kind == "units_ago":
        return _units_ago(g, published, text)
    return None


NTH_DAY_MONTHS_BACK = 2  # "Tuesday the 17th": of the month of writing or the one before, no further


def _weekday_of_month(g: dict[str, str | None], published: date, text: str) -> DateSpan | None:
    """ "Tuesday the 17th": the last 17th, up to the day of writing, that was a Tuesday, within the
    month of writing and the one before; "the 2nd of this month": the month of writing's. None when
    no such day fits: a memoir's weekday and day name no year that can be trusted."""
    n, wd = int(g["d"] or 0), WEEKDAYS.index((g["wd"] or "").lower())
    month = published.replace(day=1)
    for _ in range(NTH_DAY_MONTHS_BACK):
        day = _safe_date(month.year, month.month, n)
        if day is not None and day <= published and (g.get("this") or day.weekday() == wd):
            return DateSpan(start=day, end=day, precision="day", text=text)
        if g.get("this"):
            return None
        month = (month - timedelta(days=1)).replace(day=1)
    return None


def _period(rel: str, unit: str, published: date, text: str) -> DateSpan:
    """ "last week" (Monday to Sunday before the week of writing), "last month" (the calendar month
    before), "this week", "this month" (up to the day of writing), "the past week" (the seven days before)."""
    if rel == "past":
        return DateSpan(start=published - timedelta(days=7 if unit == "week" else 30), end=published,
                        precision="days", text=text)  # fmt: skip
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        if rel == "this":
            return DateSpan(start=monday, end=published, precision="days", text=text)
        return DateSpan(start=monday - timedelta(days=7), end=monday - timedelta(days=1), precision="days", text=text)
    if rel == "this":
        return DateSpan(start=published.replace(day=1), end=published, precision="days", text=text)
    last = published.replace(day=1) - timedelta(days=1)
    return DateSpan(start=last.replace(day=1), end=last, precision="month", text=text)


def _units_ago(g: dict[str, str], published: date, text: str) -> DateSpan | None:
    """ "three days ago": that day; "two weeks ago", "a month ago": the days around then."""
    num = g["num"].lower()
    n = 1 if num in ("a", "an") else _count(num)
    unit = g["unit"].lower().rstrip("s")
    if n <= 0:
        return None
    back = n * _UNIT_DAYS[unit]
    if unit == "day":
        day = published - timedelta(days=back)
        return DateSpan(start=day, end=day, precision="day", text=text)
    give = 3 if unit == "week" else 7  # a week or a month ago is said loosely
    return DateSpan(start=published - timedelta(days=back + give), end=published - timedelta(days=back - give),
                    precision="days", text=text)  # fmt: skip


def _years_ago(g: dict[str, str], published: date, text: str) -> DateSpan | None:
    """ "ten years ago today" in a text of 22 July 2021: 22 July 2011; "20 years ago": that year."""
    num = g["num"].lower()
    n = _count(num)
    y = published.year - n
    if n <= 0 or y < 1:
        return None
    if g.get("today"):
        day = (
            published.replace(year=y, day=28)
            if (published.month, published.day) == (2, 29)
            else published.replace(year=y)
        )
        if "week" in g["today"]:
            return DateSpan(start=day - timedelta(days=3), end=day + timedelta(days=3), precision="days", text=text)
        return DateSpan(start=day, end=day, precision="day", text=text)
    return DateSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="year", text=text)


def _plausible(kind: str, m: re.Match[str], text: str) -> bool:
    mo = m.groupdict().get("mo")
    if mo and mo[0].isalpha():
        word = mo.rstrip(".")
        if not word[0].isupper():
            return False
        if word.lower() in AMBIGUOUS_MONTHS and kind == "month_dd" and word.lower() in ("may", "march"):
            return True  # "May 7" / "March 24" carry a day: fine
    return True


# a relative date counted from the day of writing: "on Thursday", "last December", "yesterday", "last
# year", "last week", "three days ago"; not a bare weekday, which may be a name ("Bloody Sunday"), nor
# "five days later", which counts from another date
FROM_WRITING = re.compile(r"^(?:on|last|this|past)\s|^(?:yesterday|today|tonight)$|year|\sago$", re.I)


def counted_from_writing(mention: DateMention, text: str) -> bool:
    """Is this date the text's own day of writing moved back ("last week"), not a date it states?"""
    return mention.relative and FROM_WRITING.search(text[mention.start : mention.end]) is not None


# days counted back loosely from the day of writing: enough to tell the year of a lead's event, too
# loose to date a claim ("earlier this month, bodies were found" tells when they were found, and the
# week of a republished text is not that of its report)
LOOSE = {"rel_period", "units_ago"}
RELATIVE = {
    "weekday",
    "weekday_nth",
    "last_month",
    "rel_year",
    "rel_day",
    "offset",
    "offset_event",
    "next_day",
    "same_day",
    "nth_day",
    "nth_of_month",
    "years_ago",
} | LOOSE
OFFSET_REACH = 600  # characters: a date this far back, in the same paragraph, is what "N days later" counts from
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _offset(m: re.Match[str], found: list[DateMention], text: str, start: int) -> DateSpan | None:
    """ "On April 7 ... Five days later": the day the text's last stated date points to (issue #8,
    FAILURE_MODES 5). Nothing when no day was stated shortly before, in the same paragraph."""
    anchors = [d for d in found if d.end <= start and d.span.precision in ("day", "days")]
    if not anchors:
        return None
    anchor = anchors[-1]
    if start - anchor.end > OFFSET_REACH or "\n\n" in text[anchor.end : start]:
        return None
    groups = m.re.groupindex
    if "ord" in groups:  # "on the third day": the stated day is the first
        day = anchor.span.start + timedelta(days=ORDINAL_DAYS[m["ord"].lower()] - 1)
        precision = "day"
    elif "nth" in groups:  # "on the 14th": that day of the stated day's month, or of the next month
        later = _day_of_month_after(anchor.span.end, int(m["nth"]))
        if later is None:
            return None
        day, precision = later, "day"
    elif "same" in groups:  # "the same evening", "that night": the stated day itself, if it is one day
        if anchor.span.precision != "day":
            return None
        day, precision = anchor.span.end, "day"
    elif "num" not in groups:  # "the following day", "the next morning"
        day, precision = anchor.span.end + timedelta(days=1), "day"
    else:
        days, precision = _told_length(m)
        day = _counted_from(anchor.span, days, later=m["dir"].lower() != "earlier")
    return _around(day, precision, m.group(0))


def _told_length(m: re.Match[str]) -> tuple[int, str]:
    """ "five days" -> (5, "day"), "two weeks" -> (14, "days"): a length told in days or longer units,
    and the precision of a day counted by it (a week or a month off names no one day)."""
    unit = m["unit"].lower().rstrip("s")
    return _count(m["num"].lower()) * _UNIT_DAYS[unit], "day" if unit == "day" else "days"


def _counted_from(anchor: DateSpan, days: int, *, later: bool) -> date:
    """The day `days` after the anchor's last day, or before its first."""
    return anchor.end + timedelta(days=days) if later else anchor.start - timedelta(days=days)


def _around(day: date, precision: str, text: str) -> DateSpan:
    """A counted day; one counted in weeks or months holds three days either side."""
    slack = timedelta(days=0 if precision == "day" else 3)
    return DateSpan(start=day - slack, end=day + slack, precision=precision, text=text)


OFFSETS = frozenset({"offset", "next_day", "same_day", "nth_day", "nth_of_month"})


def _placed(kind: str, m: re.Match[str], found: list[DateMention], text: str, start: int,
            context_year: int | None, published: date | None) -> DateSpan | None:  # fmt: skip
    """A mention's time: counted from a day told before it, else read by itself."""
    if kind in OFFSETS:
        return _offset(m, found, text, start)
    if kind == "offset_event":
        return _offset_from_event(m, found, text, start)
    return _span(kind, m, context_year, published)


EVENT_STEM = 5  # letters two words must share to name one event ("assassination", "assassinated")


def _offset_from_event(m: re.Match[str], found: list[DateMention], text: str, start: int) -> DateSpan | None:
    """ "Two days after the assassination": the day counted from the last day the text gave, before
    it, in a sentence with a word of the event ("was assassinated on 14 September"). Nothing when
    no such day was told: not counted from whatever day was told last."""
    if m["event"][:1].isupper():
        return None  # "the day after the Russia-Ukraine talks": a name's word, not the event's
    stem = m["event"].lower()[:EVENT_STEM]  # a word of four letters ("vote") is its own stem
    told_before = [d for d in found if d.end <= start and d.span.precision == "day" and not d.relative]
    if told_before and not text[told_before[-1].end : start].strip(" ,"):
        return None  # "on March 30, the day after the talks": it says which day March 30 was
    if re.match(r"\s*,\s*(?:on\s+)?\d|\s*,\s*(?:on\s+)?[A-Z][a-z]+\s+\d", text[m.end() :]):
        return None  # "a week after the attack, on April 14, 2018": the day it names is told
    for told in reversed(told_before):
        left = max(text.rfind(". ", 0, told.start), text.rfind("\n", 0, told.start)) + 1
        right = min(x for x in (text.find(". ", told.end), text.find("\n", told.end), len(text)) if x >= 0)
        if any(w.startswith(stem) for w in re.findall(r"[a-z-]+", text[left:right].lower())):
            anchor = told
            break
    else:
        return None
    days, precision = (1, "day") if m["one"] else _told_length(m)
    day = _counted_from(anchor.span, days, later=m["dir"].lower() == "after")
    return _around(day, precision, m.group(0))


def _day_of_month_after(anchor: date, nth: int) -> date | None:
    """The first day numbered `nth` on or after `anchor`: in its month, else in the next."""
    day = _safe_date(anchor.year, anchor.month, nth)
    if day is not None and day >= anchor:
        return day
    year, month = (anchor.year + 1, 1) if anchor.month == 12 else (anchor.year, anchor.month + 1)
    return _safe_date(year, month, nth)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """All date expressions in `text`, non-overlapping, in order of position, with the loose ones."""
    return scan_dates(text, published, loose=True)[0]


class DateScan(NamedTuple):
    """Everything scan_dates found in one text."""

    found: list[DateMention]
    unplaced: list[tuple[int, int]]  # date-like text with no time known: numbers there are still not counts
    undated: list[DateMention]  # of those, a day and month of unknown year (year 1, see YEAR_UNKNOWN)


# kinds whose mention starts at one of their groups, not at the words before it ("in 1994", "in May")
_STARTS_AT = {"year": "y", "year_attr": "y", "year_after_name": "y", "month_alone": "mo"}


def scan_dates(text: str, published: date | None = None, *, loose: bool = False) -> DateScan:
    """Dates found, and the date-like text that could not be placed in time ("on 5 April" with no year known).
    Loose dates ("earlier this month", "two weeks ago") are found only when asked; else they are
    date-like text, whose numbers are no counts."""
    taken: list[tuple[int, int]] = []
    unplaced: list[tuple[int, int]] = []
    undated: list[DateMention] = []
    found: list[DateMention] = []
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start = m.start(_STARTS_AT[kind]) if kind in _STARTS_AT else m.start()
            candidates.append((start, -(m.end() - start), kind, m))
    order = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
    candidates.sort(key=lambda c: (c[0], c[1], order[c[2]]))
    year_marks = [(m.start(), int(m.group(0))) for m in re.finditer(r"\b(?:1[5-9]\d\d|20\d\d)\b", text)]
    news = _dated_by_publication(year_marks, text, published)
    lead_end = _paragraph_end(text, LEAD_PARAGRAPHS) if news else 0
    for start, _neg, kind, m in candidates:
        end = m.end("y") if kind == "year_attr" else m.end()
        if any(start < b and end > a for a, b in taken):
            continue
        if not _plausible(kind, m, text):
            continue
        before = [(pos, y) for pos, y in year_marks if pos < start]
        before += [(d.start, d.span.start.year) for d in found if d.start < start and d.relative]
        context_year = max(before)[1] if before else None
        if before and news and "\n" in text[max(before)[0] : start] and max(before)[0] >= lead_end:
            # a background paragraph's year: placed by the publication date instead; not the year the
            # lead itself counts back to ("Ten years ago today, troops raided ..."): the event's
            context_year = None
        soon = [y for pos, y in year_marks if end <= pos <= end + YEAR_AHEAD and not _BREAK.search(text[end:pos])]
        later = _year_of_a_later_day(kind, m, text)
        if later:  # "on 3 March, ..., and by 5 March 1990": the year of a later day in its sentence
            context_year = later
        elif soon:  # "between 15 September and 18 September 1982": the year stated just after
            context_year = soon[0]
        else:  # "on 16 March 1968 ... Early on 16 March": a day the text gave with its year before
            context_year = (
                _year_given_before(kind, m, found, text)
                or _year_of_an_earlier_day(kind, m, found, text, context_year)
                or context_year
            )
        if kind in LOOSE and not loose:
            unplaced.append((start, end))
            continue
        span = _placed(kind, m, found, text, start, context_year, published)
        if span is None:
            if kind == "weekday_nth":  # "on Wednesday the 17th" that fits no recent month: not "on Wednesday" alone
                taken.append((start, end))
                unplaced.append((start, end))
            elif kind not in RELATIVE:
                unplaced.append((start, end))
                yearless = _yearless(kind, m)
                if yearless is not None and not any(start < d.end and end > d.start for d in undated):
                    undated.append(DateMention(start, end, yearless))  # the longest reading at its place only
            continue
        taken.append((start, end))
        found.append(DateMention(start, end, span, relative=kind in RELATIVE))
    found.sort(key=lambda d: d.start)
    kept, unknown = _named_days(found, text)
    return DateScan(kept, unplaced, sorted([*undated, *unknown], key=lambda d: d.start))


LEAD_PARAGRAPHS = 2  # the title and the lead: a news piece names no year there, a history does


def _dated_by_publication(year_marks: list[tuple[int, int]], text: str, published: date | None) -> bool:
    """ "The killings revived memories of April 1996 ...\n\nThe war began on July 12": a piece whose
    title and lead name no year (a news report, dated by its publication) does not take an earlier
    paragraph's background year for a day and month told in a later one. A history that names its
    years in its lead carries them on, as before."""
    if published is None:
        return False
    lead_end = _paragraph_end(text, LEAD_PARAGRAPHS)
    return not any(pos < lead_end for pos, _ in year_marks)


def _paragraph_end(text: str, count: int) -> int:
    """Where the `count`-th paragraph (lines with text, a title being one) ends."""
    seen = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            seen += 1
        pos += len(line)
        if seen >= count:
            return pos
    return pos


def _year_given_before(kind: str, m: re.Match[str], found: list[DateMention], text: str) -> int | None:
    """The year of the same day and month written out with its year earlier in the text: a lead's
    "16 March 1968" places a later "16 March", whatever other year came between."""
    day = _yearless(kind, m)
    return None if day is None else _same_day_before(day, found, text, written=True)


def _same_day_before(day: DateSpan, found: list[DateMention], text: str, *, written: bool) -> int | None:
    """The year of the last day found before with the same day and month (only one written with its
    year, when `written`)."""
    for d in reversed(found):
        span = d.span
        if (
            span.precision == "day"
            and not d.relative
            and (span.start.month, span.start.day) == (day.start.month, day.start.day)
            and (not written or re.search(r"\d{4}", text[d.start : d.end]))
        ):
            return span.start.year
    return None


def _year_of_an_earlier_day(kind: str, m: re.Match[str], found: list[DateMention], text: str,
                            context_year: int | None) -> int | None:  # fmt: skip
    """ "It began on 16 June 1976 ... the Afrikaans decree of 1974 ... on 18 June more were killed": a
    day and month told shortly after the last day the text dated in full is of that day's year, not
    of an earlier year named in passing between them (a later year named between moves the story on);
    so is one told a few days before it ("attacks on 17 and 18 August 2017 ... in Nice in July 2016 ...
    on the night of 16 August", the eve of them); the same day and month told again without its year
    is the day placed before ("on 16 June ... 16 June alone")."""
    day = _yearless(kind, m)
    if day is None:
        return None
    same = _same_day_before(day, found, text, written=False)
    if same is not None:
        return same
    full = next(
        (
            d
            for d in reversed(found)
            if d.span.precision in ("day", "days") and re.search(r"\d{4}", text[d.start : d.end])
        ),
        None,
    )
    if full is None or (context_year is not None and full.span.start.year <= context_year):
        return None
    told = _safe_date(full.span.start.year, day.start.month, day.start.day)
    if told is not None and -timedelta(days=PRELUDE_REACH) <= told - full.span.start <= timedelta(days=SEQUENCE_REACH):
        return full.span.start.year
    return None


SEQUENCE_REACH = 92  # days: a day and month this shortly before a later dated day of its sentence is of that year
PRELUDE_REACH = 7  # days: "on the night of 16 August" told after "on 17 and 18 August 2017": the eve of it
# the end of the clause a yearless day looks in: a sentence's end (not the stop of "Dec. 5"), or a
# colon or semicolon, which claims.context also takes as a cut between a sentence's parts
_SENTENCE_END = re.compile(r"[;:\n]|[.!?](?=\s+[\"'“‘]?[A-Z]|\s*$)")
_FULL_DATE = re.compile(rf"\b(?:{_d('d')}\s+(?:of\s+)?{_m('mo')}|{_m('mo2')}\s+{_d('d2')}),?\s+{_y('y')}\b")


def _year_of_a_later_day(kind: str, m: re.Match[str], text: str) -> int | None:
    """ "On 3 March, the militia entered the village, and by 5 March 1990 ...": a day and month told
    shortly before a day the same sentence dates in full is of that day's year (or the one before,
    across a new year), not the year of publication of a piece written decades later."""
    day = _yearless(kind, m)
    if day is None:
        return None
    stop = _SENTENCE_END.search(text, m.end())
    later = _FULL_DATE.search(text, m.end(), stop.start() if stop else len(text))
    if later is None:
        return None
    g = later.groupdict()
    year = int(g["y"])
    full = _safe_date(year, _month(g["mo"] or g["mo2"]), int(g["d"] or g["d2"]))
    if full is None:
        return None
    for y in (year, year - 1):
        told = _safe_date(y, day.start.month, day.start.day)
        if told is not None and timedelta(0) <= full - told <= timedelta(days=SEQUENCE_REACH):
            return y
    return None


_WEEKDAY_BEFORE_DATE = re.compile(r"[,\s]*(?:the\s+)?", re.I)


def _named_days(found: list[DateMention], text: str) -> tuple[list[DateMention], list[DateMention]]:
    """ "On Sunday, the 13th April 1919": the weekday names the date written after it, with its year,
    not the last Sunday before publication. "Before dawn on Tuesday 18 April" with no year said: the
    day and month are of the year given them only if that year's 18 April was a Tuesday; if not (a
    memoir that names no year, dated by its publication a decade on), their year is unknown, and
    both the day (of no year) and the weekday (no Tuesday before publication) are taken back.
    Returns the dates kept and the days whose year is unknown."""
    keep: list[DateMention] = []
    unknown: list[DateMention] = []
    skip: set[int] = set()
    for i, d in enumerate(found):
        if i in skip:
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        name = text[d.start : d.end].split()[-1].lower().rstrip("s")
        named = (
            d.relative
            and name in WEEKDAYS
            and nxt is not None
            and not nxt.relative
            and nxt.span.precision == "day"
            and _WEEKDAY_BEFORE_DATE.fullmatch(text[d.end : nxt.start])
        )
        if named and (re.search(r"\d{4}", nxt.span.text) or nxt.span.start.weekday() == WEEKDAYS.index(name)):
            # "Wednesday 21 August 1968", "Tuesday the 17th of October" (a Tuesday that year): the
            # date says the day, not the weekday counted back from the day of writing
            continue
        if named and nxt.span.start.weekday() != WEEKDAYS.index(name):
            day = _unknown_year(nxt.span.start, nxt.span.start, text[nxt.start : nxt.end])
            if day is not None:
                skip.add(i + 1)
                unknown.append(DateMention(nxt.start, nxt.end, day))
                continue
        keep.append(d)
    return keep, unknown


# A day and month whose year could not be told ("on March 25" with no year in sight)
# still says "not the time of that other event": such a time carries year 1 (see analysis.align).
YEAR_UNKNOWN = 1
YEAR_AHEAD = 40  # characters: a year this close after a day and month, in one clause, is its year
_BREAK = re.compile(r"[.;:!?()\n]")
JOINED = " / "  # between the dates of one sentence read as one span ("in 1991 / in 1994", claims.context)


def _unknown_year(first: date, last: date, written: str) -> DateSpan | None:
    """Days and a month told with no year that can be trusted: year YEAR_UNKNOWN. None for 29
    February, which that year has not: left unplaced."""
    if (first.month, first.day) == (2, 29) or (last.month, last.day) == (2, 29):
        return None
    return DateSpan(
        start=first.replace(year=YEAR_UNKNOWN),
        end=last.replace(year=YEAR_UNKNOWN),
        precision="day",
        text=f"{written.strip()} (year unknown)",
    )


def _yearless(kind: str, m: re.Match[str]) -> DateSpan | None:
    g = m.groupdict()
    if kind not in (*DAY_MONTH_KINDS, "dd_range_month", "month_dd_range") or not g.get("mo"):
        return None
    mo = _month(g["mo"])
    d1 = _day_number(g) if kind in DAY_MONTH_KINDS else int(g.get("d1") or 0)
    d2 = int(g.get("d2") or d1)
    a, b = _safe_date(2000, mo, d1), _safe_date(2000, mo, d2)  # 2000: a leap year, so 29 Feb is valid
    if a is None or b is None or b < a:
        return None
    return _unknown_year(a, b, m.group(0))


def overlaps(a: DateSpan, b: DateSpan, slack_days: int = 0) -> bool:
    """Do two intervals share a day (with `slack_days` of give on each side)?"""
    return a.start - timedelta(days=slack_days) <= b.end and b.start - timedelta(days=slack_days) <= a.end
