"""Event names under one key per name as it sounds (issue #8).

Accounts written decades apart spell one place two ways: "Kwangju" in the wires of 1980,
"Gwangju" in later ones. A one-word name is held under its consonants, voiced and unvoiced
alike and doubled ones once, so both are one name to the incident split and to alignment's
event evidence. Names of fewer consonants are kept as written: they collide by chance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.parties import MIN_SKELETON, skeleton
from claims.event import PREFIX
from claims.models import Claim

SOUND_PAIRS = str.maketrans({"g": "k", "d": "t", "b": "p", "v": "f", "z": "s", "q": "k", "c": "k"})
SOUNDED = PREFIX + "~"


@lru_cache(maxsize=16384)
def sounded(name: str) -> str:
    """An event key by its sound ("@ev:kwangju", "@ev:gwangju" -> "@ev:~knkj"); a name of several
    words, digits or few consonants as it is."""
    word = name[len(PREFIX) :] if name.startswith(PREFIX) else name
    if not word.isalpha():
        return name
    # the consonants parties.skeleton keeps for transliterations, less h and w, voiced as unvoiced
    consonants = re.sub(r"[hw]", "", skeleton(word)).translate(SOUND_PAIRS)
    consonants = re.sub(r"(.)\1+", r"\1", consonants)
    return f"{SOUNDED}{consonants}" if len(consonants) >= MIN_SKELETON else name


def event_keys(c: Claim) -> list[str]:
    """The claim's event names as keys, each once, in order."""
    return list(dict.fromkeys(sounded(t) for t in c.event))


def written_names(c: Claim) -> dict[str, str]:
    """key -> the name as written (the first), for what needs the words (how specific a name is)."""
    found: dict[str, str] = {}
    for t in c.event:
        found.setdefault(sounded(t), t)
    return found
