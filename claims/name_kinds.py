"""Which of a document's names are a person's, not a place's (issue #8): a fact named "people killed
in Asahara" reads wrong.

Read once per document and keyed as the event signature keys names (claims.event.name_key), so that
the fact labels (analysis.topics, which has no spaCy) can leave them out of where it happened. The
model's PERSON tag on a name alone will not do: it tags many a town it has never seen a person
("Houla", "Gwangju", even "PS752"). A full name ("Shoko Asahara") says more: its last word is a
surname, unless the text writes that word where a place goes ("Doron Baga" beside "in Baga").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from claims.actors import AliasTable
from claims.dates import MONTHS, WEEKDAYS
from claims.event import name_key
from claims.rules import rules

if TYPE_CHECKING:  # only annotations: reading a workspace's claims must not import spaCy (issue #11)
    from spacy.tokens import Span

PLACE_PREPOSITIONS = r"(?:in|at|near|outside|inside|around)"


def people_names(ents: Iterable[Span], text: str, aliases: AliasTable) -> list[str]:
    """The full names the model tags a person's and their last words ("Asahara" of "Shoko Asahara",
    though it may read "Asahara" alone as a city), and a name the text says was arrested, charged or
    sentenced ("police arrested Amrozi", "Amrozi was sentenced"); never one the text writes where a
    place goes. Lower case, as the signature keys names."""
    names: set[str] = {name_key(n, aliases) for n in _held_in_custody(text) if not _placed(n, text)}
    placed: dict[str, bool] = {}  # a name is looked for once per document, however often it is tagged
    for ent in ents:
        words = _bare(ent.text).split()
        if ent.label_ != "PERSON" or len(words) < 2 or not all(_a_name(w) for w in words):
            continue
        last = name_key(words[-1], aliases)
        for name in (words[-1], last):
            if name not in placed:
                placed[name] = _placed(name, text)
        if not (placed[words[-1]] or placed[last]):  # "Doron Baga" beside "in Baga": a town
            names |= {name_key(" ".join(words), aliases), last}
    return sorted(names)


@lru_cache(maxsize=1)
def custody_forms() -> frozenset[str]:
    """ "arrested", "sentenced", "acquitted": the past forms of what is done to a person held or tried
    (rules count_link.custody_verbs)."""

    def past(verb: str) -> str:
        if verb.endswith("e"):
            return f"{verb}d"  # "charged"
        return f"{verb}ted" if verb.endswith("it") else f"{verb}ed"  # "acquitted", "arrested"

    return frozenset(past(v) for v in rules()["count_link"]["custody_verbs"])


@lru_cache(maxsize=1)
def _custody_pattern() -> re.Pattern[str]:
    forms = "|".join(sorted(custody_forms()))
    name = r"([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
    return re.compile(rf"\b(?:{forms})\s+{name}\b(?![-'’\w])|\b{name}\s+(?:was|had\s+been|has\s+been)\s+(?:{forms})\b")


def _held_in_custody(text: str) -> set[str]:
    """Single names the text writes right after "arrested", "sentenced" (or before "was arrested"):
    a person, whatever the model tagged them; not a weekday or a month ("arrested Monday")."""
    found = {m.group(1) or m.group(2) for m in _custody_pattern().finditer(text)}
    return {n for n in found if n.casefold() not in CALENDAR_WORDS}


CALENDAR_WORDS = frozenset({*MONTHS, *WEEKDAYS})  # a time's name, never a person's or a place's


def _a_name(word: str) -> bool:
    """ "Shoko", "Al-Bakr", "O'Neill", "R.": a word of a person's name; not "PS752" nor "the"."""
    bare = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return bare.isalpha() and word[:1].isupper()


def _placed(name: str, text: str) -> bool:
    """ "in Baga", "at the Westgate": written where a place goes (not "in Dyer's report")."""
    pattern = rf"\b{PLACE_PREPOSITIONS}\s+(?:the\s+)?{re.escape(name)}\b(?![’']s)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def _bare(text: str) -> str:
    """ "Mohamed Farrah Aidid's" -> "Mohamed Farrah Aidid"."""
    text = text.strip()
    for end in ("'s", "’s"):
        text = text.removesuffix(end)
    return text
