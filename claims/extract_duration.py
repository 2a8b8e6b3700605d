"""How long something lasted: "the 44-day war", "lasted 44 days", "five-day war" (issue #2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.numbers import parse_amount
from claims.rules import rules
from claims.sub_event import act_nouns
from claims.tree import span_of

_UNIT_WORDS = r"seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?"
_UNITS = rf"(?P<unit>{_UNIT_WORDS})"
_WORD_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|half\s+an?|a\s+few|a\s+couple\s+of|[A-Za-z]+(?:-[A-Za-z]+)?"
_NUM = rf"(?P<num>{_WORD_NUM})"  # "1,425 days", "half an hour"
HALF = re.compile(r"half\s+an?", re.I)
# before a length: "the next", then "just", then a hedge from rules.json's qualifiers ("about", "more than")
_LEAD = r"(?:the\s+(?:next|following|first|last|final)\s+)?(?:(?:just|only|barely)\s+)?"
# the acts whose length a sentence may give: "shelled the town for three days", "In six days, the army captured"
_ACTS = (
    r"kill(?:ed|ing)|shot|shooting|fir(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing)|bombard(?:ed|ing)|attack(?:ed|ing)|"
    r"struck|striking|hit|hitting|storm(?:ed|ing)|captur(?:ed|ing)|seiz(?:ed|ing)|raid(?:ed|ing)|fought|fighting|"
    r"massacr(?:ed|ing)|murder(?:ed|ing)|slaughter(?:ed|ing)|pound(?:ed|ing)|rampag(?:ed|ing)|"
    r"defeat(?:ed|ing)|conquer(?:ed|ing)|overr[au]n|destroy(?:ed|ing)|burn(?:ed|ing|t)|loot(?:ed|ing)|"
    r"riot(?:ed|ing)|clash(?:ed|ing)"
)
# "over the course of an hour", "over a span of three days": how long, after the act
_COURSE = r"(?:over|in|during)\s+(?:the\s+course|a\s+(?:period|span))\s+of"


@lru_cache(maxsize=1)
def _long_acts() -> frozenset[str]:
    """Nouns of acts and wars that last ("nineteen days of an aggression", "three weeks of the siege")."""
    return act_nouns() | frozenset(rules()["initiator"]["war_nouns"])


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    """The hedges a length may carry: rules.json's count qualifiers, before the figure."""
    q = rules()["qualifiers"]
    return frozenset({*q["lower_bound"], *q["upper_bound"], *q["approximate"]})


@lru_cache(maxsize=1)
def _noun_modifiers() -> str:
    """ "heavy", "open": words between a length and its act's noun (rules duration_noun_modifiers)."""
    return "|".join(re.escape(w) for w in rules()["duration_noun_modifiers"])


@lru_cache(maxsize=1)
def _length() -> str:
    """A length as told: "about 30 minutes", "more than an hour", "two and a half hours", "an hour and
    a half", "one hour and 15 minutes", "10 to 15 minutes", "between 10 and 15 minutes"."""
    qual = "|".join(re.escape(h) for h in sorted(_hedges(), key=len, reverse=True))
    return (
        rf"{_LEAD}(?:(?P<qual>{qual})\s+)?(?P<btw>between\s+)?{_NUM}(?P<half1>\s+and\s+a\s+half)?"
        rf"(?:(?(btw)\s+and\s+|(?:\s*[-\u2013]\s*|\s+to\s+))(?P<num2>{_WORD_NUM}))?\s+(?:(?:straight|consecutive|full|whole|long)\s+)?{_UNITS}\b"
        rf"(?:\s+and\s+(?:(?P<half2>a\s+half)\b|(?P<num3>{_WORD_NUM})\s+(?P<unit3>{_UNIT_WORDS})\b))?"
        r"(?:\s+(?P<tail>or\s+(?:more|longer|so|less))\b)?"
    )


# the length before a noun: "the 44-day war", "Five-Day War", "a 30-year-long occupation", "a 30-minute
# barrage" (minutes and seconds hyphenated only: "a second barrage" is the next one)
NOUN_LENGTH = re.compile(
    rf"\b{_NUM}(?:[-\s](?!minute|second)|-)(?P<unit1>day|week|month|year|hour|minute|second|decade|night)(?:s)?(?:[-\s]long|-(?P<old>old))?[-\s]+(?P<noun>[A-Za-z]+)",
    re.I,
)


@lru_cache(maxsize=1)
def patterns() -> list[re.Pattern[str]]:
    """The sentences that tell how long something lasted, each with one length (`_length`)."""
    n = _length()
    told = [
        # "lasted 44 days", "lasted for about six hours", "went on for more than an hour"
        rf"\b(?P<verb>last(?:ed|s|ing)?|went on|continued|raged)\s+(?:for\s+)?{n}",
        # "the troops fired for some ten minutes", "shelled the town for three days", "killed 800 people
        # over two days", "shot 51 people within 36 minutes": how long the act went on
        rf"\b(?P<verb>{_ACTS})\b[^.;]{{0,40}}?\b(?:for|over|within|in|in the space of|{_COURSE})\s+{n}",
        # "during 33 days of occupation", "after three weeks of (heavy) fighting": how long the noun lasted;
        # with an article, an act's only ("nineteen days of an aggression", not "two days of the week")
        rf"\b(?!an?\s)(?!the\s){_NUM}\s+{_UNITS}\s+of\s+(?P<article>(?:an?|the)\s+)?(?:(?:{_noun_modifiers()})\s+)?(?P<noun>[a-z]+)",  # not "a night of stones"
        # "the raids took about five hours", "the assault took less than an hour": how long it went on
        rf"\b(?P<verb>took|takes|take)\s+{n}",
        # "held 1,100 people hostage for three days", "besieged the town for 12 weeks"
        rf"\b(?P<verb>held|kept|besieged|occupied)\b[^.;]{{0,40}}?\bfor\s+{n}",
        # "held 1,100 pupils, their parents and teachers hostage for three days": however long the list
        rf"\b(?P<verb>hostage|captive)\s+for\s+{n}",
        # "it ended three days later": from its start to its end
        rf"\b(?P<verb>ended|finished)\s+{_NUM}\s+{_UNITS}\s+later\b",
        # "the killings took place over three days": how long what happened went on
        rf"\b(?P<verb>took place|occurred|happened|unfolded|continued|went on|raged)\s+(?:over|across|during)\s+{n}",
        # "ten bombs exploded within about three minutes", "went off in the space of three minutes"
        rf"\b(?P<verb>exploded|went off|detonated|blew up)\b[^.;]{{0,40}}?\b(?:within|in the space of|over)\s+{n}",
        # "in about four hours killed 504 people", "Over the next 36 hours the militia killed", "For three days,
        # militiamen killed": how long the killing went on, told before it
        rf"\b(?:over|in|within|for)\s+(?:a period of\s+)?{n},?\s+[^.;]{{0,40}}?\b(?P<verb>{_ACTS})\b",
        # "the hospital was struck repeatedly over a period of about an hour": the length after the act
        rf"\b(?P<verb>{_ACTS})\b[^.;]{{0,40}}?\bover\s+a\s+period\s+of\s+{n}",
        # "the war was over in six days", "ended in six days", "won the war in less than a week"
        rf"\b(?P<verb>was over|were over|ended|finished|won)\b[^.;]{{0,40}}?\bin\s+{n}",
        # "the siege ended after 52 hours": how long it had gone on
        rf"\b(?P<verb>ended|finished|concluded)\s+after\s+{n}",
        # "released after 11 days in captivity", "caught after 17 years on the run": how long the state
        # before the act lasted
        rf"\b(?P<verb>after)\s+{n}\s+(?:in|on|as)\s",
        # "tracked the airliner for two and a half hours", "For four days the displaced were held on the
        # hill": a length on any verb, how long what it tells went on
        rf"\b(?P<forv>for|(?:in|over)\s+the\s+course\s+of)\s+{n}",
        # "a siege of 52 days", "a war of nineteen days": an act's length after its noun
        rf"\b(?P<actnoun2>[a-z]+)\s+of\s+{n}",
        # "the firing was over within seconds", "the building came down within minutes": a length told by
        # its unit alone, as a vague amount of it
        rf"\b(?P<verb>was over|were over|ended|came down|collapsed|fell|{_ACTS})\b[^.;]{{0,40}}?\b"
        rf"(?P<num>within|in)\s+(?:a\s+matter\s+of\s+)?(?P<unit>seconds|minutes)\b",
    ]
    return [NOUN_LENGTH, *(re.compile(t, re.I) for t in told)]


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
    high: float | None = None  # "10 to 15 minutes": the range's top, in days
    qualifier: str | None = None  # "more than", "about": the hedge before the length
    part: str | None = None  # "second barrage": the one of several parts whose length it is


def _part(about: list[Token]) -> str | None:
    """ "The second barrage lasted half an hour", "each wave lasted ten minutes": the length of a part
    (rules sub_event.ordinal_parts), as "second barrage"."""
    ordinals = rules()["sub_event"]["ordinal_parts"]
    subjects = [c for t in about for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]  # "began and lasted"
    for noun in [*about, *subjects]:
        marks = [c for c in noun.children if c.dep_ in ("amod", "det", "nummod") and c.lower_ in ordinals]
        if marks:
            return f"{marks[0].lower_} {noun.lemma_.lower()}"
    return None


def _vague_length(num: str, unit: str) -> tuple[float, float] | None:
    """ "a few seconds", "several hours": a length told by a vague amount, as the range of lengths it
    is said of (rules vague_duration_amounts)."""
    amounts = rules()["vague_duration_amounts"].get(re.sub(r"\s+", " ", num.lower()))
    per = _unit_days(unit)
    if amounts is None or per is None or not unit.lower().endswith("s"):
        return None  # "several hour": no length
    return round(amounts[0] * per, 6), round(amounts[1] * per, 6)


def _vague_words(m: re.Match[str]) -> str | None:
    """ "a few", "several": the vague amount a length was told in, kept as its qualifier."""
    num = re.sub(r"\s+", " ", m.group("num").lower())
    return num if num in rules()["vague_duration_amounts"] else None  # "within" for "within minutes"


def _days(num: str, unit: str) -> float | None:
    amount = 0.5 if HALF.fullmatch(num) else parse_amount(num)
    if amount is None or amount <= 0:
        return None
    per = _unit_days(unit)
    return None if per is None else round(amount * per, 6)


def _unit_days(unit: str) -> float | None:
    return rules()["duration_units"].get(unit.lower().rstrip("s"))


def _told_length(m: re.Match[str]) -> tuple[float, float | None] | None:
    """(days, top of a range or None) of the length a pattern matched: "an hour and a half" 1.5 hours,
    "one hour and 15 minutes", "two and a half hours", "10 to 15 minutes" (10 to 15)."""
    groups = m.groupdict()
    unit = groups.get("unit1") or groups.get("unit") or ""
    vague = _vague_length(m.group("num"), unit)
    if vague is not None:
        alone = not any(groups.get(g) for g in ("num2", "half1", "half2", "num3", "unit1"))
        return vague if alone else None  # "a few to ten minutes", "a few-day war": no one reading
    low, per = _days(m.group("num"), unit), _unit_days(unit)
    if low is None or per is None:
        return None
    if groups.get("half1"):
        low += 0.5 * per
    high = _days(groups["num2"], unit) if groups.get("num2") else None
    if groups.get("num2") and (high is None or high <= low):
        return None  # "2 to 1 hours", "one to go hours": no range of lengths
    extra = 0.0
    if groups.get("half2"):
        extra = 0.5 * per
    elif groups.get("num3"):
        extra = _days(groups["num3"], groups["unit3"]) or 0.0
        if {unit.lower().rstrip("s"), groups["unit3"].lower().rstrip("s")} == {"day", "night"}:
            # "two days and three nights": the nights fall between and around the days, so the
            # length is from the shorter count to the longer, not their sum
            if high is not None:
                return None  # "two to three days and four nights": no one reading
            short, long = sorted((low, extra))
            return round(short, 6), (round(long, 6) if long > short else None)
    return round(low + extra, 6), (round(high + extra, 6) if high is not None else None)


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
        hits.append(DurationHit(m.start(), m.end(), round(length / (24 * 60), 6), m.group(0), verb, subj[:1] or [verb]))
    return hits


def _hedge(m: re.Match[str]) -> str | None:
    """The qualifier as told: "just under" when the lead word and the hedge make one of rules.json's."""
    qual = (m.groupdict().get("qual") or "").lower()
    tail = re.sub(r"\s+", " ", (m.groupdict().get("tail") or "").lower())
    if not qual:
        return {"or longer": "or more"}.get(tail, tail) or None
    lead = re.search(r"(\w+)\s+$", m.string[max(0, m.start("qual") - 12) : m.start("qual")])
    joined = f"{lead.group(1).lower()} {qual}" if lead else ""
    return joined if joined in _hedges() else qual


def _length_noun(m: re.Match[str], span: Span) -> Token | None:
    """The noun whose length a pattern read: "33 days of occupation"; with an article or before the
    length ("nineteen days of an aggression", "a siege of 52 days") only an act's or a war's."""
    groups = m.groupdict()
    tok = span[0] if groups.get("actnoun2") else span[-1]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if (
        groups.get("article") or groups.get("actnoun2") or groups.get("old")
    ) and tok.lemma_.lower() not in _long_acts():
        return None  # "two days of the week", "a period of three days", "a 19-year-old student": no act's length
    return tok


def find_duration_hits(ctx: DocContext, sent: Span) -> list[DurationHit]:
    hits: list[DurationHit] = _clock_ranges(ctx, sent)
    text = ctx.text
    for pattern in patterns():
        for m in pattern.finditer(text, sent.start_char, sent.end_char):
            length = _told_length(m)
            if length is None:
                continue
            days, high = length
            span = span_of(sent, m.start(), m.end())
            if span is None or len(span) == 0:
                continue
            groups = m.groupdict()
            if groups.get("noun") or groups.get("actnoun2"):
                noun_tok = _length_noun(m, span)
                if noun_tok is None:
                    continue
                about = [noun_tok]
                anchor = noun_tok
            else:
                told = span_of(sent, m.start("verb"), m.end("verb")) if m.groupdict().get("verb") else None
                verb = told[0] if told is not None and len(told) else span[0]
                if m.groupdict().get("forv"):
                    verb = verb.head  # "for" hangs on the verb whose act lasted
                    if verb.pos_ not in ("VERB", "AUX"):
                        continue  # "a curfew for two days", "for 30 years of rule": a noun's, not an act's
                subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                target = subj[0] if subj else verb.head
                if target.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    target = verb.head
                about = [target]
                anchor = verb
            if any(
                h.start < m.end()
                and m.start() < h.end
                and (h.days == days or h.start <= m.start() and m.end() <= h.end)
                for h in hits
            ):
                continue  # two patterns reading one statement ("held ... hostage for three days"), or a part of it
            qualifier = _vague_words(m) or _hedge(m)
            hits.append(DurationHit(m.start(), m.end(), days, m.group(0), anchor, about, high, qualifier, _part(about)))
    return hits
