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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    r = rules()
    words = sorted(r["number_words"], key=len, reverse=True)
    word_num = rf"(?:{_alt([w for w in words if w not in ('a', 'an')])})"
    tens_units = rf"(?:{word_num}(?:[\s-]+{word_num})?)"
    mult = r"(?:hundred|thousand|million|billion|dozen)"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    # a single amount: 30,000 | 1.5 million | one million | a million | twenty-five | 2m
    amount = (
        rf"(?:{digits}(?:\s*(?:{mult})\b|(?:m|bn|k)\b)?"
        rf"|(?:(?:a|an)\s+)?{mult}(?:\s+(?:and\s+)?{tens_units})?"
        rf"|{tens_units}(?:\s+{mult})*(?:\s+(?:and\s+)?{tens_units}(?:\s+{mult})*)*)"
    )
    vague = _alt(phrases("vague_amounts"))
    quals = _alt(
        sorted(
            set(phrases("qualifiers", "lower_bound"))
            | set(phrases("qualifiers", "upper_bound"))
            | set(phrases("qualifiers", "approximate")),
            key=len,
            reverse=True,
        )
    )
    # "and" joins a range only after "between": "300 and 400" alone is two numbers
    dash = r"\s*(?(between)(?:-?to-?|-|–|—|and)|(?:-?to-?|-|–|—))\s*"
    full = (
        rf"(?<![\w.,])(?P<qual>(?:(?:{quals})\s+(?:the\s+)?(?:low\s+end\s+of\s+(?:the\s+)?)?)+)?"
        rf"(?:(?P<between>between|from)\s+)?"
        rf"(?:(?P<vague>{vague})\b(?!\s*-)"
        rf"|(?P<a>{amount})(?:(?P<dash>{dash})(?P<b>{amount}))?)"
        rf"(?![\w,]*\d)"
    )
    return re.compile(full, re.IGNORECASE), re.compile(amount, re.IGNORECASE)


def parse_amount(text: str) -> int | None:
    """'30,000' -> 30000, 'one million' -> 1000000, 'a million' -> 1000000, '1.5m' -> 1500000."""
    r = rules()
    words = r["number_words"]
    mults = r["multipliers"]
    t = text.lower().replace(",", "").strip()
    t = re.sub(r"(\d)(m|bn|k)\b", r"\1 \2", t)
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


def _qualifier(raw: str | None) -> str | None:
    """The qualifier nearest the number decides: "far fewer than the nearly 500" -> "nearly"."""
    if not raw:
        return None
    q = re.sub(r"\s+", " ", raw.strip().lower())
    q = re.sub(r"\s+the$", "", q)
    known = sorted(
        set(phrases("qualifiers", "lower_bound"))
        | set(phrases("qualifiers", "upper_bound"))
        | set(phrases("qualifiers", "approximate")),
        key=len,
        reverse=True,
    )
    for _ in range(4):
        head, sep, tail = q.partition(" the ")
        if sep and any(tail.startswith(k) for k in known):
            q = tail
        else:
            break
    return q or None


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in `text`, as stated (no tolerance applied)."""
    full, _ = _patterns()
    vague_table = rules()["vague_amounts"]
    lower = set(phrases("qualifiers", "lower_bound"))
    upper = set(phrases("qualifiers", "upper_bound")) - set(phrases("qualifiers", "approximate"))
    found: list[NumberMention] = []
    for m in full.finditer(text):
        qual = _qualifier(m.group("qual"))
        lead = m.start()
        if qual and m.group("qual"):
            spots = list(re.finditer(r"\s+".join(map(re.escape, qual.split())), m.group("qual"), re.IGNORECASE))
            lead = m.start("qual") + (spots[-1].start() if spots else 0)
        if m.group("vague"):
            key = re.sub(r"\s+", " ", m.group("vague").lower())
            low, high = vague_table[key]
            count = Count(low=low, high=high, qualifier=qual or key, vague=True, text=m.group(0).strip())
            found.append(NumberMention(lead, m.end(), count))
            continue
        a = parse_amount(m.group("a"))
        if a is None:
            continue
        b = parse_amount(m.group("b")) if m.group("b") else None
        dash = (m.group("dash") or "").strip().lower()
        if b is not None and dash == "and" and not m.group("between"):
            b = None  # "300 and 400" without "between" is two numbers, not a range
        start, end = lead, m.end()
        if b is None and m.group("b"):
            end = m.start("dash")
        if b is not None:
            # "10-15 thousand": a bare first number borrows the second's multiplier
            if a < b and b >= 1000 and a < 1000 and re.fullmatch(r"\d+", m.group("a").strip()):
                mult = b // int(m.group("b").split()[0].replace(",", "")) if m.group("b")[0].isdigit() else 1
                a = a * mult if mult > 1 else a
            low, high = min(a, b), max(a, b)
            count = Count(low=low, high=high, qualifier=qual, text=text[start:end].strip())
        else:
            base = qual or ""
            first = base.split(" low end")[0].strip()
            # the longest bound phrase the qualifier ends with decides: "no more than" is a cap
            # although it ends with "more than" (issue #8)
            bound = max((q for q in lower | upper if first == q or first.endswith(" " + q)), key=len, default="")
            if bound in lower:
                count = Count(low=a, high=None, qualifier=qual, text=text[start:end].strip())
            elif bound in upper:
                count = Count(low=None, high=a, qualifier=qual, text=text[start:end].strip())
            else:
                count = Count(low=a, high=a, qualifier=qual, text=text[start:end].strip())
        found.append(NumberMention(start, end, count))
    return found
