"""Acronyms an account defines (issue #8): "the South African Defence Force (SADF)", "the Kosovo
Liberation Army (KLA)". The acronym then names what its full name names, here and, through the
claims' ties, in every other account of the collection that writes only the acronym.

Only a definition whose letters follow the full name's initials is read: "(SADF)" after "South
African Defence Force", not "(AFP)" after a quote nor "(1983)" after a name; or, for a name translated
from a language that orders its words otherwise, three or more letters that are its initials
reordered: "(FLN)" after "National Liberation Front".
"""

from __future__ import annotations

import re

# a name as written: capitalised words, with short joining words between them; the acronym right
# after it in brackets
_WORD = r"[A-Z][\w'’-]*"
_JOIN = r"(?:of|for|and|the|de|la|al|el|du|des|e|i|y)"
_DEFINED = re.compile(rf"(?P<full>{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD}){{1,7}})\s*\((?P<acr>[A-Z][A-Z.&-]{{1,9}})\)")


def defined_acronyms(text: str) -> dict[str, tuple[int, int]]:
    """acronym -> where its full name stands (first definition), for those whose letters fit."""
    found: dict[str, tuple[int, int]] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group("acr").replace(".", "")
        full, start = _fitting(m.group("full"), acronym)
        if full is not None and len(acronym) >= 2:
            begin = m.start("full") + start
            found.setdefault(acronym, (begin, begin + len(full)))
    return found


def _fitting(full: str, acronym: str) -> tuple[str | None, int]:
    """The shortest ending of `full` whose capitals spell the acronym in order ("attack by the South
    African Defence Force" -> "South African Defence Force"), and where it starts; None if none."""
    words = list(re.finditer(r"\S+", full))
    for n in range(len(words) - 1, -1, -1):
        tail = full[words[n].start() :]
        if _spells(tail, acronym) or _reordered(tail, acronym):
            while n < len(words) - 1 and not words[n].group()[0].isupper():
                n += 1
            return full[words[n].start() :], words[n].start()
    return None, 0


def _spells(name: str, acronym: str) -> bool:
    """The acronym's letters are the name's capitals, in order, beginning with the first."""
    capitals = [w[0] for w in re.findall(r"[\w'’]+", name) if w[0].isupper()]
    letters = [c for c in acronym if c.isalpha()]
    if not capitals or not letters or capitals[0] != letters[0]:
        return False
    i = 0
    for c in capitals:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters) and len(capitals) <= len(letters) + 2


def _reordered(name: str, acronym: str) -> bool:
    """ "the National Liberation Front (FLN)", "the Revolutionary Armed Forces of Colombia (FARC)": an
    acronym of the name in its own language, whose words stand in another order, has the same capitals;
    three or more, so that chance does not make one."""
    capitals = sorted(w[0] for w in re.findall(r"[\w'’]+", name) if w[0].isupper())
    letters = sorted(c for c in acronym if c.isalpha())
    return len(letters) >= 3 and capitals == letters
