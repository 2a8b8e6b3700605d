"""The document's main event, as words any claim of it can carry (issue #8).

Accounts name their event once, in the headline or the lead, rarely in the
sentence that gives a figure. So every claim of a source carries the source's
event signature: the places, parties and named things of its title and first
sentences, and the years they mention. Alignment weighs two signatures by how
rare their shared words are across the collection: two accounts of one siege
share the town's name; an account of another war shares at most a country.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from claims.actors import AliasTable
from claims.dateline import filed_spans
from claims.dates import counted_from_writing, find_dates
from claims.years_back import years_back

if TYPE_CHECKING:  # only annotations: reading a workspace's claims must not import spaCy (issue #11)
    from spacy.tokens import Doc, Span

LEAD_SENTENCES = 3
LEAD_CHARS = 600
TOP_NAMES = 10  # the names a text keeps coming back to say what it is about
SIGNATURE_LABELS = {"GPE", "LOC", "FAC", "EVENT", "NORP", "ORG", "PERSON"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "the bloodiest day since troops were sent in in 1969": a year a lead counts from is a landmark of
# the past, not the year of its event
_SINCE = re.compile(r"\bsince\b[^.;:!?]{0,60}?\b(?:1[89]\d\d|20\d\d)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
PREFIX = "@ev:"
EVENT_YEAR = PREFIX + "y"


def is_year_key(key: str, prefix: str = EVENT_YEAR) -> bool:
    """A signature key that holds a year ("y1993"), not a name that begins with its letter
    ("yemen", "yeonpyeong")."""
    return key.startswith(prefix) and key[len(prefix) :].isdigit()


def lead_of(doc: Doc, sentences: list[Span]) -> list[Span]:
    """The headline and first sentences, where accounts name their event."""
    lead: list[Span] = []
    for sent in sentences:
        if sent.text.strip():
            lead.append(sent)
        if len(lead) >= LEAD_SENTENCES or sent.end_char >= LEAD_CHARS:
            break
    return lead


def _byline(ent: Span) -> bool:
    """ "By Ana Lind, May 2": the writer, named in every piece they write, is no name of the event."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].text != "By":
        return False
    before = doc[ent.start - 2] if ent.start >= 2 else None
    return before is None or before.is_space or "\n" in before.whitespace_


def _credit(ent: Span, filed: list[tuple[int, int]]) -> bool:
    """A wire's agency in its dateline, a photographer's credit ("Omar Haddad/AFP"): who made the
    piece, not what it tells."""
    if "/" in ent.text:
        return True
    return any(a <= ent.start_char and ent.end_char <= b for a, b in filed)


def name_key(text: str, aliases: AliasTable) -> str:
    """A name as every account spells it, as the signature keys it: "People’s" and "People's" are one name."""
    return (aliases.canonical(text) or text).lower().strip().replace("’", "'").replace("‘", "'")


def event_signature(doc: Doc, sentences: list[Span], title: str | None, aliases: AliasTable,
                    published: date | None = None, filed: list[tuple[int, int]] | None = None) -> list[str]:  # fmt: skip
    """The source's event words: named things of its lead, title words the text uses as names, years.
    `filed`: where its datelines' days and agencies stand (claims.dateline), when already found."""
    names: list[str] = []
    lead = lead_of(doc, sentences)
    end = lead[-1].end_char if lead else 0
    proper = set()
    frequent: Counter[str] = Counter()
    filed = filed_spans(doc.text) if filed is None else filed
    for ent in doc.ents:  # once per document: claims.tree.entities would import spaCy for analysis
        if ent.label_ in SIGNATURE_LABELS and not _byline(ent) and not _credit(ent, filed):
            proper.update(w.lower() for w in _WORD.findall(ent.text))
            name = name_key(ent.text, aliases)
            frequent[name] += 1
            if ent.end_char <= end:
                names.append(name)
    names.extend(name for name, n in frequent.most_common(TOP_NAMES) if n >= 2)
    proper.update(t.text.lower() for t in doc if t.pos_ == "PROPN")
    heads = [title or ""] + [sent.text for sent in lead]
    opening = [title or ""] + [sent.text for sent in sentences if sent.start_char < LEAD_CHARS]
    back = [y for text in opening for y in years_back(text, published)]
    # a lead counting years back from its own day ("marks the 20th anniversary") is a memorial:
    # its other years are when it was written
    years = back or [y for text in heads for y in _lead_years(text, published)]
    names.extend(f"y{y}" for y in years)
    if title:
        names.extend(w.lower() for w in _WORD.findall(title) if w.lower() in proper and len(w) > 2)
    if not any(n.startswith("y") and n[1:].isdigit() for n in names):
        names.extend(f"y{y}" for y in _fallback_years(doc.text, published))
    names.extend(w for n in list(names) if " " in n for w in _WORD.findall(n) if len(w) > 3 and w in proper)
    return [PREFIX + n for n in dict.fromkeys(n for n in names if n)]


def _years_named(text: str, published: date | None) -> list[str]:
    """The years a text names, but none after its day of writing ("a trial set for 2031")."""
    years = _YEAR.findall(_SINCE.sub(" ", text))
    return years if published is None else [y for y in years if int(y) <= published.year]


def _lead_years(text: str, published: date | None) -> list[str]:
    """The years a headline or lead sentence places its event in (issue #8, event time versus
    statement time): the years it names, and the year of a day it counts from its day of writing
    ("police opened fire on Thursday", "last December", "last year") though it names no year, and
    of a day and month written with no year ("from 13 to 15 February"), which is the year of writing
    or the one before."""
    years = _years_named(text, published)
    if published is None:
        return years
    text = _SINCE.sub(" ", text)
    found = find_dates(text, published)
    relative = [d for d in found if counted_from_writing(d, text)]
    # "from 13 to 15 February", with no year written: the lead's days are of the year it was written in
    yearless = [d for d in found if not d.relative and d.span.precision in ("day", "days", "month")
                and not _YEAR.search(text[d.start : d.end])]  # fmt: skip
    return years + [str(d.span.start.year) for d in relative + yearless]


def _fallback_years(text: str, published: date | None) -> list[str]:
    """When headline and lead name no year: the year the text names most, else the year it was
    published (a report with no year in it tells of its own days, not of a past war)."""
    counts = Counter(_years_named(text, published))
    if counts:
        top = max(counts.values())
        best = sorted(y for y, n in counts.items() if n == top)
        if published is not None and len(best) > 1 and str(published.year) in best:
            return [str(published.year)]  # a tie with the year of writing: the report tells of its own days
        return best
    return [str(published.year)] if published else []


def event_parts(signature: list[str]) -> tuple[tuple[int, ...], frozenset[str]]:
    """A signature's years and its names, apart: the years place the event in time, the names in
    the world."""
    keys = [k.removeprefix(PREFIX) for k in signature]
    years = tuple(sorted({int(k[1:]) for k in keys if k.startswith("y") and k[1:].isdigit()}))
    return years, frozenset(k for k in keys if not (k.startswith("y") and k[1:].isdigit()))
