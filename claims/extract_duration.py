"""How long something lasted: "the 44-day war", "lasted 44 days", "five-day war" (issue #2)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.numbers import parse_amount
from claims.rules import rules
from claims.tree import span_of

_UNITS = r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?)"
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|half\s+an?|[A-Za-z]+(?:-[A-Za-z]+)?)"  # "1,425 days", "half an hour"
HALF = re.compile(r"half\s+an?", re.I)
# "about", "nearly", "more than" ... before a length: one list for every pattern
_ABOUT = r"(?:(?:about|nearly|almost|some|around|roughly|more than|over)\s+)?"
# the acts whose length a sentence may give: "shelled the town for three days", "In six days, the army captured"
_ACTS = (
    r"killed|shot|fired|shelled|bombed|bombarded|attacked|struck|stormed|captured|seized|raided|fought|"
    r"massacred|murdered|slaughtered"
)
PATTERNS = [
    # "the 44-day war", "Five-Day War", "a 30-year-long occupation"
    re.compile(
        rf"\b{_NUM}[-\s](?P<unit1>day|week|month|year|hour|decade|night)(?:s)?(?:[-\s]long)?[-\s]+(?P<noun>[A-Za-z]+)",
        re.I,
    ),
    # "lasted 44 days", "lasted for about six hours", "for 45 days"
    re.compile(
        rf"\b(?P<verb>last(?:ed|s|ing)?|went on|continued|raged)\s+(?:for\s+)?{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "the troops fired for some ten minutes", "shelled the town for three days": how long the firing went on
    re.compile(
        rf"\b(?P<verb>{_ACTS})\b[^.;]{{0,40}}?\bfor\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "during 33 days of occupation", "after three weeks of fighting": how long the noun lasted
    re.compile(rf"\b(?!an?\s)(?!the\s){_NUM}\s+{_UNITS}\s+of\s+(?P<noun>[a-z]+)", re.I),  # not "a night of stones"
    # "held 1,100 people hostage for three days", "besieged the town for 12 weeks"
    re.compile(
        rf"\b(?P<verb>held|kept|besieged|occupied)\b[^.;]{{0,40}}?\bfor\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "held 1,100 pupils, their parents and teachers hostage for three days": however long the list
    re.compile(
        rf"\b(?P<verb>hostage|captive)\s+for\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "it ended three days later": from its start to its end
    re.compile(rf"\b(?P<verb>ended|finished)\s+{_NUM}\s+{_UNITS}\s+later\b", re.I),
    # "the killings took place over three days": how long what happened went on
    re.compile(
        rf"\b(?P<verb>took place|occurred|happened|unfolded|continued|went on|raged)\s+(?:over|across|during)\s+(?:the\s+(?:next|following)\s+)?{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "ten bombs exploded within about three minutes", "went off in the space of three minutes"
    re.compile(
        rf"\b(?P<verb>exploded|went off|detonated|blew up)\b[^.;]{{0,40}}?\b(?:within|in the space of|over)\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "in about four hours killed 504 people", "Over the next 36 hours the militia killed", "For three days,
    # militiamen killed": how long the killing went on, told before it
    re.compile(
        rf"\b(?:over|in|within|for)\s+(?:a period of\s+|the\s+(?:next|following)\s+)?{_ABOUT}{_NUM}\s+{_UNITS},?"
        rf"\s+[^.;]{{0,40}}?\b(?P<verb>{_ACTS})\b",
        re.I,
    ),
    # "the hospital was struck repeatedly over a period of about an hour": the length after the act
    re.compile(
        rf"\b(?P<verb>{_ACTS})\b[^.;]{{0,40}}?\bover\s+a\s+period\s+of\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
    # "the war was over in six days", "ended in six days"
    re.compile(rf"\b(?P<verb>was over|were over|ended|finished|won)\s+in\s+{_ABOUT}{_NUM}\s+{_UNITS}\b", re.I),
    # "the siege ended after 52 hours": how long it had gone on
    re.compile(
        rf"\b(?P<verb>ended|finished|concluded)\s+after\s+{_ABOUT}{_NUM}\s+{_UNITS}\b",
        re.I,
    ),
]


# "Between 07:37 and 07:40 ten bombs went off", "lasted from 2:08 a.m. to 3:15 a.m.": the length of a span
# of clock times, in a sentence that tells of an act
_CLOCK = r"(?P<{n}h>\d{{1,2}})(?::(?P<{n}m>\d{{2}})(?:\s*(?P<{n}ap>[ap]\.?m\b\.?))?|\.(?P<{n}m2>\d{{2}})\s*(?P<{n}ap2>[ap]\.?m\b\.?))"
CLOCK_RANGE = re.compile(
    rf"\b(?:between|from)\s+{_CLOCK.format(n='a')}\s+(?:and|to|until|till)\s+{_CLOCK.format(n='b')}", re.I
)
CLOCK_ACTS = re.compile(rf"\b(?:{_ACTS}|lasted|continued|went on|went off|exploded|detonated|took place)\b", re.I)
MAX_CLOCK_MINUTES = 18 * 60  # a longer span of clock times is two days' times, not one act's length


@dataclass
class DurationHit:
    start: int
    end: int
    days: float
    text: str
    anchor: Token
    about: list[Token]


def _days(num: str, unit: str) -> float | None:
    amount = 0.5 if HALF.fullmatch(num) else parse_amount(num)
    if amount is None or amount <= 0:
        return None
    per = rules()["duration_units"].get(unit.lower().rstrip("s"))
    if per is None:
        return None
    return round(amount * per, 4)


def _minutes(m: re.Match, n: str) -> int | None:
    """Minutes after midnight of one clock time of a CLOCK_RANGE match ("3:15 a.m.", "15:10", "9.40 pm")."""
    hour, minute = int(m.group(f"{n}h")), int(m.group(f"{n}m") or m.group(f"{n}m2"))
    half = (m.group(f"{n}ap") or m.group(f"{n}ap2") or "").lower()[:1]
    if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
        return None
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + minute


def _clock_ranges(ctx: DocContext, sent: Span) -> list[DurationHit]:
    """The lengths of the spans of clock times in a sentence that tells of an act (CLOCK_ACTS)."""
    text = ctx.text[sent.start_char : sent.end_char]
    if not CLOCK_ACTS.search(text):
        return []
    hits = []
    for m in CLOCK_RANGE.finditer(ctx.text, sent.start_char, sent.end_char):
        start, end = _minutes(m, "a"), _minutes(m, "b")
        if start is None or end is None:
            continue
        length = (end - start) % (24 * 60)
        if not 0 < length <= MAX_CLOCK_MINUTES:
            continue
        verb = sent.root
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        hits.append(DurationHit(m.start(), m.end(), round(length / (24 * 60), 4), m.group(0), verb, subj[:1] or [verb]))
    return hits


def find_duration_hits(ctx: DocContext, sent: Span) -> list[DurationHit]:
    hits: list[DurationHit] = _clock_ranges(ctx, sent)
    text = ctx.text
    for pattern in PATTERNS:
        for m in pattern.finditer(text, sent.start_char, sent.end_char):
            unit = m.groupdict().get("unit1") or m.groupdict().get("unit") or ""
            days = _days(m.group("num"), unit)
            if days is None:
                continue
            span = span_of(sent, m.start(), m.end())
            if span is None or len(span) == 0:
                continue
            if m.groupdict().get("noun"):
                noun_tok = span[-1]
                if noun_tok.pos_ not in ("NOUN", "PROPN"):
                    continue
                about = [noun_tok]
                anchor = noun_tok
            else:
                told = span_of(sent, m.start("verb"), m.end("verb"))
                verb = told[0] if told is not None and len(told) else span[0]
                subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                target = subj[0] if subj else verb.head
                if target.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    target = verb.head
                about = [target]
                anchor = verb
            if any(h.days == days and h.start < m.end() and m.start() < h.end for h in hits):
                continue  # two patterns reading one statement ("held ... hostage for three days")
            hits.append(DurationHit(m.start(), m.end(), days, m.group(0), anchor, about))
    return hits
