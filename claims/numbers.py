"""Find and normalise number expressions: "over 30,000", "25,000-30,000", "a million",
"between 100 and 300", "thousands" (issue #2).

Works on plain text and returns character offsets, so it is usable on any
string (and never crashes on one: see tests/test_hypothesis.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.models import Count
from claims.rules import phrases, rules


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    count: Count


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _quals() -> list[str]:
    return sorted(
        set(phrases("qualifiers", "lower_bound"))
        | set(phrases("qualifiers", "upper_bound"))
        | set(phrases("qualifiers", "approximate")),
        key=len,
        reverse=True,
    )


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    r = rules()
    words = sorted(r["number_words"], key=len, reverse=True)
    word_num = rf"(?:{_alt([w for w in words if w not in ('a', 'an')])})"
    tens_units = rf"(?:{word_num}(?:[\s-]+{word_num})?)"
    mult = r"(?:hundred|thousand|million|billion|dozen)"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    # a single amount: 30,000 | 1.5 million | one million | a million | twenty-five | 2m
    # "half a million", "one and a half million", "a quarter of a million", "three quarters of a million"
    fraction = (
        rf"(?:(?:{tens_units}\s+and\s+)?(?:a\s+)?half(?:\s+of)?\s+(?:a\s+)?{mult}"
        rf"|(?:a|one|three)\s+quarters?\s+of\s+(?:a\s+)?{mult})"
    )
    amount = (
        rf"(?:{fraction}\b"
        rf"|{digits}(?:\s*(?:{mult})\b|(?:m|bn|k)\b)?"
        rf"|(?:(?:a|an)\s+)?{mult}(?:\s+(?:and\s+)?{tens_units})?"
        rf"|{tens_units}(?:\s+{mult})*(?:\s+(?:and\s+)?{tens_units}(?:\s+{mult})*)*)"
    )
    vague = _alt(phrases("vague_amounts"))
    quals = _alt(_quals())
    # "30, if not 40", "8,000 or 10,000": two figures given as alternatives are one vague range (issue #8)
    alts = _alt(sorted(phrases("qualifiers", "alternatives"), key=len, reverse=True))
    tails = _alt(sorted(_tails(), key=len, reverse=True))
    # "and" joins a range only after "between": "300 and 400" alone is two numbers
    # "March 17 - At least 25,000 were killed", "18 October 1961 - Two people died": a dash before a
    # hedge or a capital opens a new statement (a dateline's), no range
    bare = rf"(?:-|–|—)(?!\s*(?:{quals})\b)(?!\s+(?-i:[A-Z]))"
    dash = rf"\s*(?(between)(?:-?to-?|{bare}|and)|(?:-?to-?|{bare}|,?\s*(?:{alts})\b))\s*"
    full = (
        rf"(?<![\w.,])(?P<qual>(?:(?:{quals})\s+(?:the\s+)?(?:low\s+end\s+of\s+(?:the\s+)?)?)+)?"
        # "between about 100 and 200": a hedge after "between" is the range's
        rf"(?:(?P<between>between|from)\s+(?P<bqual0>(?:{quals})\s+)?)?"
        # a number word is a whole word: "ones" and "someone" hold no "one"
        rf"(?:(?P<vague>{vague})\b(?!\s*-\w)|(?P<a>{amount})(?![^\W\d_]))"
        # "from 300 to more than 700": the upper end may be open (issue #8)
        rf"(?:(?P<dash>{dash})(?P<bqual>(?:{quals})\s+)?(?:(?P<bvague>{vague})|(?P<b>{amount}))(?!\w))?"
        rf"(?:\s+(?P<tail>{tails})\b)?"
        rf"(?![\w,]*\d)"
    )
    return re.compile(full, re.IGNORECASE), re.compile(amount, re.IGNORECASE)


def _tails() -> list[str]:
    q = rules()["qualifiers"]
    return [*q["lower_bound_after"], *q["upper_bound_after"], *q["approximate_after"]]


def compound_words(words: dict[str, int]) -> str:
    """A regex alternation of the number words of `words` written with a hyphen ("twenty-two",
    "forty-five"): so "twenty-two years ago" is read as one number, not its "two" alone."""
    tens = [w for w, n in words.items() if n >= 20 and n % 10 == 0]
    units = [w for w, n in words.items() if 1 <= n <= 9 and w not in ("a", "an")]
    return rf"(?:{_alt(tens)})-(?:{_alt(units)})"


def parse_amount(text: str) -> int | None:
    """'30,000' -> 30000, 'one million' -> 1000000, 'a million' -> 1000000, '1.5m' -> 1500000."""
    r = rules()
    words = r["number_words"]
    mults = r["multipliers"]
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"(\d)(m|bn|k)\b", r"\1 \2", t)
    fraction = _fraction(t, mults)
    if fraction is not None:
        return fraction
    tokens = [tok for tok in re.split(r"[\s-]+", t) if tok and tok != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += float(tok)
            seen = True
        elif tok in words:
            current += words[tok]
            seen = True
        elif tok in mults:
            current = (current or 1) * mults[tok]
            if mults[tok] >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    value = total + current
    if not seen or value <= 0 or value > 1e13:
        return None
    return int(round(value))


_FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
_FRACTION = re.compile(
    r"(?:(?P<whole>.+?)\s+and\s+)?(?:a\s+|one\s+|three\s+)?(?P<part>half|quarters?)(?:\s+of)?\s+(?:a\s+)?(?P<mult>\w+)"
)


def _fraction(text: str, mults: dict[str, int]) -> int | None:
    """ "half a million" -> 500000, "one and a half million" -> 1500000, "three quarters of a
    million" -> 750000; None for anything else."""
    m = _FRACTION.fullmatch(text)
    if m is None or m.group("mult") not in mults:
        return None
    whole = parse_amount(m.group("whole")) if m.group("whole") else 0
    if whole is None:
        return None
    return int(round((whole + _FRACTIONS[m.group("part")]) * mults[m.group("mult")]))


def _qualifier(raw: str | None) -> str | None:
    """The qualifier nearest the number decides: "far fewer than the nearly 500" -> "nearly"."""
    if not raw:
        return None
    q = re.sub(r"\s+", " ", raw.strip().lower())
    q = re.sub(r"\s+the$", "", q)
    known = _quals()
    for _ in range(4):
        head, sep, tail = q.partition(" the ")
        if sep and any(tail.startswith(k) for k in known):
            q = tail
        else:
            break
    return q or None


def _bound(qual: str | None, tail: str | None) -> str:
    """ "lower", "upper" or "" for a qualifier before the figure or a tail after it ("or more")."""
    q = rules()["qualifiers"]
    if tail:
        t = re.sub(r"\s+", " ", tail.lower())
        return "lower" if t in q["lower_bound_after"] else "upper" if t in q["upper_bound_after"] else ""
    lower = set(phrases("qualifiers", "lower_bound"))
    upper = set(phrases("qualifiers", "upper_bound")) - set(phrases("qualifiers", "approximate"))
    first = (qual or "").split(" low end")[0].strip()
    # the longest bound phrase the qualifier ends with decides: "no more than" is a cap
    # although it ends with "more than" (issue #8)
    bound = max((b for b in lower | upper if first == b or first.endswith(" " + b)), key=len, default="")
    return "lower" if bound in lower and bound else "upper" if bound in upper and bound else ""


def bound_of(qualifier: str | None) -> str:
    """ "lower", "upper" or "" for a hedge as a claim keeps it, told before the figure ("more than",
    "no more than") or after it ("or more"): for lengths as for counts."""
    q = rules()["qualifiers"]
    said = re.sub(r"\s+", " ", (qualifier or "").strip().lower())
    after = said in q["lower_bound_after"] or said in q["upper_bound_after"]
    return _bound(None, said) if after else _bound(said, None)


def _single(a: int, qual: str | None, tail: str | None, text: str) -> Count:
    bound = _bound(qual, tail)
    if bound == "lower":
        return Count(low=a, high=None, qualifier=qual or tail, text=text)
    if bound == "upper":
        return Count(low=None, high=a, qualifier=qual or tail, text=text)
    approx = tail and re.sub(r"\s+", " ", tail.lower()) in rules()["qualifiers"]["approximate_after"]
    return Count(low=a, high=a, qualifier=qual or (tail if approx else None), text=text)


_MULTIPLIED = re.compile(r"hundred|thousand|million|billion|dozen|\d\s*(?:m|bn|k)\b|,", re.IGNORECASE)


def _second(m: re.Match[str], a: int) -> tuple[int, int | None, bool]:
    """The upper end of a range: (first, second, open) where open means "or more" / "to more than M"."""
    b_text = m.group("b").strip()
    b = parse_amount(b_text)
    if b is None:
        return a, None, False
    # "10-15 thousand", "six or seven hundred": a bare first number borrows the second's multiplier
    lead_text = re.match(r"[\d.]+|[A-Za-z]+", b_text)
    lead = parse_amount(lead_text.group(0)) if lead_text else None
    first = m.group("a").strip()
    said = float(first) if re.fullmatch(r"\d+\.\d+", first) else a  # "1.5 to 2 million": not 2 to 2 million
    if lead and b > lead and said < lead and not _MULTIPLIED.search(m.group("a")):
        a = int(round(said * (b // lead)))
    open_end = _bound(_qualifier(m.group("bqual")), m.group("tail")) == "lower"
    return a, b, open_end


def _vague_low(m: re.Match[str]) -> tuple[int, int, str]:
    key = re.sub(r"\s+", " ", m.group("vague").lower())
    low, high = rules()["vague_amounts"][key]
    return low, high, key


def _count_of(m: re.Match[str], text: str, start: int) -> Count | None:
    qual = _qualifier(m.group("qual")) or _qualifier(m.group("bqual0"))
    said = text[start : m.end()].strip()
    tail = m.group("tail")
    dash = (m.group("dash") or "").strip().lower()
    if m.group("b") and dash == "and" and not m.group("between"):
        return None  # read again without the second number, below
    if m.group("bvague"):  # "hundreds, if not thousands"
        first = _vague_low(m)[0] if m.group("vague") else parse_amount(m.group("a") or "")
        bkey = re.sub(r"\s+", " ", m.group("bvague").lower())
        if first is None:
            return None
        key = _vague_low(m)[2] if m.group("vague") else bkey
        high = rules()["vague_amounts"][bkey][1]
        # "a million to thousands", a hedge below the first figure: its ends in order, never reversed
        return Count(low=min(first, high), high=max(first, high), qualifier=qual or key, vague=True, text=said)
    if m.group("vague"):
        low, high, key = _vague_low(m)
        b = parse_amount(m.group("b")) if m.group("b") else None
        open_end = _bound(_qualifier(m.group("bqual")), tail) == "lower"
        if b is not None and b >= low:  # "several hundred to 1,000 or more"
            return Count(low=low, high=None if open_end else b, qualifier=qual or key, vague=True, text=said)
        return Count(low=low, high=None if open_end else high, qualifier=qual or key, vague=True, text=said)
    a = parse_amount(m.group("a"))
    if a is None:
        return None
    if not m.group("b"):
        return _single(a, qual, tail, said)
    a, b, open_end = _second(m, a)
    if b is None:
        return None
    if open_end:  # "from 300 to more than 700", "500 to 1,000 or more"
        return Count(low=min(a, b), high=None, qualifier=qual, text=said)
    return Count(low=min(a, b), high=max(a, b), qualifier=qual, text=said)


def _rival_bounds(text: str, lead: int) -> bool:
    """ "range from the government figure of 187 to several hundred": a range whose first end is one
    counter's figure gives two rival figures, not one range (rules rival_bound_nouns)."""
    return _rival_bound_pattern().search(text, max(0, lead - 80), lead) is not None


@lru_cache(maxsize=1)
def _rival_bound_pattern() -> re.Pattern[str]:
    nouns = _alt(rules()["rival_bound_nouns"])
    return re.compile(rf"\bfrom\s+(?:[\w'’-]+\s+){{0,3}}(?:{nouns})\s+of\s+$", re.IGNORECASE)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in `text`, as stated (no tolerance applied)."""
    full, _ = _patterns()
    found: list[NumberMention] = []
    pos = 0
    while pos <= len(text):
        m = full.search(text, pos)
        if m is None:
            break
        qual = _qualifier(m.group("qual"))
        lead = m.start()
        if qual and m.group("qual"):
            spots = list(re.finditer(r"\s+".join(map(re.escape, qual.split())), m.group("qual"), re.IGNORECASE))
            lead = m.start("qual") + (spots[-1].start() if spots else 0)
        count = _count_of(m, text, lead)
        if (m.group("b") or m.group("bvague")) and (count is None or _rival_bounds(text, lead)):
            # "300 and 400" without "between" is two numbers; a second number that does not
            # parse is not part of this one; nor is a range from one counter's figure to another's
            end = m.start("dash")
            a = parse_amount(m.group("a")) if m.group("a") else None
            if a is not None:
                found.append(NumberMention(lead, end, _single(a, qual, None, text[lead:end].strip())))
            pos = max(end, m.start() + 1)
            continue
        if count is not None and not _FRACTION_AFTER.match(text, m.end()):
            found.append(NumberMention(lead, m.end(), count))
        pos = max(m.end(), m.start() + 1)
    return found


# "three quarters of them", "two-thirds of the dead": the number says how many parts, not how many people
_FRACTION_AFTER = re.compile(
    r"\s*-?\s*(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", re.I
)
