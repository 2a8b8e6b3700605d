"""Names an account itself ties together (issue #8): "Islamic Jihad, widely regarded as a cover
name used by Hezbollah", "the Qassam Brigades, the armed wing of Hamas", "Lehi, also known as the
Stern Gang". Such a name and the one it stands for are one party to every account of the
collection, so the analysis reads them as an alias (analysis/ties.py); blame laid on the one then
agrees with blame laid on the other.

The cue phrases are data (rules.json `ties`). A proxy, an ally, a faction or an offshoot is
another party and is not tied.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.actors import AliasTable, group_name_words
from claims.rules import rules

# a name as written: capitalised words, with "of", "al-", "the" between them ("Islamic Jihad
# Organization", "Army of the Righteous", "Jaish al-Adl"); a dot only inside a word ("U.S"), never
# the sentence's end; at most eight words, so that a long run of capitals costs no more than a short one
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_NAME = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+(?:(?:of|for|al|el|the|and|bin|ibn|de|la)\s+|(?:al|el|ad|ud|an|ash|as)-)?{_WORD}){{0,7}}"


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], ...]:
    """(X, <cue> Y), (X, also known as Y) and a leader named with his group ("X, the leader of Y",
    "Y's leader, X", "the Y commander X", "X, a Y commander") as regular expressions over a sentence."""
    words = rules()["ties"]
    hedge = "|".join(map(re.escape, words["hedges"]))
    kinds = "|".join(map(re.escape, sorted(words["cover_nouns"], key=len, reverse=True)))
    links = "|".join(map(re.escape, words["links"]))
    known = "|".join(map(re.escape, words["known_as"]))
    stands_for = re.compile(
        rf"(?P<x>{_NAME})\s*,\s+(?:(?:which\s+is\s+|who\s+are\s+)?(?:\w+ly\s+)?(?:{hedge})\s+(?:to\s+be\s+|as\s+)?)?"
        rf"(?:a|an|the)\s+(?:\w+\s+)?(?:{kinds})\s+(?:{links})\s+(?P<y>{_NAME})"
    )
    also = re.compile(rf"(?P<x>{_NAME})\s*(?:,|\()\s*(?:{known})\s+(?P<y>{_NAME})")
    leaders = "|".join(map(re.escape, words["leader_nouns"]))
    if not leaders:
        return stands_for, also
    leads = re.compile(rf"(?P<x>{_NAME})\s*,\s+(?:a|an|the)\s+(?:\w+\s+)?(?:{leaders})\s+of\s+(?P<y>{_NAME})")
    whose = re.compile(rf"(?P<y>{_NAME})['’]s\s+(?:\w+\s+)?(?:{leaders})\s*,\s+(?P<x>{_NAME})")
    titled = re.compile(rf"(?P<y>{_NAME})\s+(?:{leaders})\s*,?\s+(?P<x>{_NAME})")
    member = re.compile(rf"(?P<x>{_NAME})\s*,\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?P<y>{_NAME})\s+(?:{leaders})\b")
    return stands_for, also, leads, whose, titled, member


def doc_ties(text: str, aliases: AliasTable) -> dict[str, str]:
    """name -> the party it stands for, as this text ties them (each as the actor table names it)."""
    found: dict[str, str] = {}
    for cue in _cues():
        for m in cue.finditer(text):
            x, y = (aliases.canonical(_bare(m.group(g))) for g in ("x", "y"))
            if x and y and x.casefold() != y.casefold():
                found.setdefault(x, y)
    for x, y in _led_groups(text, aliases):
        found.setdefault(x, y)
    return found


_POSSESSED = re.compile(rf"(?P<x>{_NAME})['’]s\s+(?P<y>{_NAME})")


def _led_groups(text: str, aliases: AliasTable) -> list[tuple[str, str]]:
    """ "Mohamed Aidid's Somali National Alliance", "Hamas's Qassam Brigades": a group named as someone's
    is that one's party (the man who leads it, the movement whose wing it is). Not a state's ("Russia's
    Wagner Group"): a state's proxy or ally is another party."""
    pairs = []
    for m in _POSSESSED.finditer(text):
        owner = re.split(r"\s+of\s+", m.group("x"))[-1]  # "militiamen of Mohamed Aidid's": Aidid's
        x, y = aliases.canonical(_bare(owner)), aliases.canonical(_bare(m.group("y")))
        if not x or not y or x.casefold() == y.casefold() or y.split()[-1].casefold() not in group_name_words():
            continue
        if "state" in (aliases.kind(x), aliases.kind(aliases.resolve(x) or "")):
            continue
        pairs.append((x, y))
    return pairs


def _bare(name: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", name.strip().rstrip(".,"))
