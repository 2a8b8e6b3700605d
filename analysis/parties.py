"""Is this the same party, named another way? (issue #8)

Accounts name one party as "the National Defence Front", "NDF",
"NDF forces" or "the NDF clique". Two names are one party when they are the
same after tidying (case, curly apostrophes, a leading "the"), when one is the
initials of the other, or when they differ only by a force word after the name.
The words are data (`rules.json` "party").

An actor no table names is kept as written ("federal forces", "the hostage takers"):
`side` says whether such a descriptive actor is a state's force, an armed group, or
neither (`rules.json` "initiator" "actor_nouns" and "generic_actors"), issue #8.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.actors import AliasTable
from claims.noun_classes import people_word, singular
from claims.rules import rules

_WORD = re.compile(r"[^\W_][\w'’.-]*")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    party = rules()["party"]
    return frozenset(party["force_words"]), frozenset(party["initial_skip"])


@lru_cache(maxsize=8192)
def _tidy(name: str) -> str:
    text = name.replace("’", "'").replace("‘", "'").casefold().strip()
    text = re.sub(r"\s*\([^)]*\)\s*", " ", text)  # "National Defence Front (NDF)"
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def _core(name: str) -> str:
    """The name without force words after it: "NDF forces" -> "ndf"."""
    force, _ = _words()
    words = _tidy(name).split()
    while len(words) > 1 and words[-1] in force:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=8192)
def _initials(name: str) -> str:
    _, skip = _words()
    words = [w for w in _WORD.findall(name.replace("’", "'")) if w.casefold() not in skip]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words).upper()


@lru_cache(maxsize=8192)
def _hyphen_initials(name: str) -> str:
    """ "Tehrik-i-Taliban Pakistan" -> "TTP": the capitalised parts of hyphened words, each an
    initial ("i", "e", "ul" join them); "" when no word is hyphened."""
    if "-" not in name:
        return ""
    _, skip = _words()
    parts = [p for w in _WORD.findall(name.replace("’", "'")) if w.casefold() not in skip for p in w.split("-")]
    capitals = [p for p in parts if p[:1].isupper()]
    return "".join(p[0] for p in capitals) if len(capitals) >= 2 else ""


def _one_name_in_two_numbers(a: str, b: str) -> bool:
    """ "the Blackshirts" / "Blackshirt", "Chetniks" / "Chetnik": a name and its plural, for a
    member and the body (a capitalised last word in both numbers, claims.noun_classes.singular)."""
    wa, wb = _core(a).split(), _core(b).split()
    if len(wa) != len(wb) or wa[:-1] != wb[:-1]:
        return False
    short, long = sorted((wa[-1], wb[-1]), key=len)
    capitalised = any(w[:1].isupper() and w.casefold().startswith(short) for w in f"{a} {b}".split())
    return capitalised and len(short) >= 3 and long != short and singular(long) == short


def _acronym(name: str) -> str:
    """ "NDF" in "NDF", "NDF forces", "the NDF clique"; "" when the name is not initials."""
    words = _tidy(name).split()
    raw = [w for w in name.split() if w.casefold() != "the"]
    if not raw or not words:
        return ""
    first = raw[0].strip(",.;:")
    return (
        first
        if 2 <= len(first) <= 8 and first.isalpha() and first.isupper() and _core(name) == first.casefold()
        else ""
    )


def same_party(a: str | None, b: str | None) -> bool:
    """True when `a` and `b` name one party (see the module docstring)."""
    if not a or not b:
        return False
    if a == b or _tidy(a) == _tidy(b) or _core(a) == _core(b) or _one_name_in_two_numbers(a, b):
        return True
    for long, short in ((a, b), (b, a)):
        acronym = _acronym(short)
        if acronym and acronym in (_initials(long), _hyphen_initials(long)):
            return True
    # "National Defence Front (NDF)" written out with its initials
    paren_a, paren_b = re.findall(r"\(([A-Z]{2,8})\)", a), re.findall(r"\(([A-Z]{2,8})\)", b)
    if set(paren_a) & ({_core(b).upper()} | set(paren_b)) or set(paren_b) & {_core(a).upper()}:
        return True
    return _transliterated(a, b) or _one_person(a, b)


_NAME_WORD = re.compile(r"^[A-Z][\w'’-]*\.?$")


@lru_cache(maxsize=8192)
def _person_parts(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(surname, given names or initials) of a person's name with its titles left out, or None when
    the name is not written as a person's: every word capitalised, at least one title or given name
    before the surname, no word a force word ("Islamic State", "Free State" are no persons)."""
    titles = frozenset(rules()["party"]["person_titles"])
    force, _ = _words()
    words = [w.strip(",") for w in re.split(r"\s+", name.replace("’", "'").strip()) if w.strip(",")]
    if len(words) < 2 or not all(_NAME_WORD.match(w) for w in words):
        return None
    if any(w.casefold() in force for w in words):
        return None
    titled = False
    while words and (words[0].casefold().rstrip(".") in titles or "-" in words[0] and all(
            p in titles for p in words[0].casefold().split("-"))):  # fmt: skip
        words.pop(0)
        titled = True
    if not words or len(words[-1].rstrip(".")) < 3:
        return None
    given = tuple(w.rstrip(".").casefold() for w in words[:-1])
    if not titled and not given:
        return None
    return words[-1].casefold(), given


def named_as(text: str | None, nouns: frozenset[str]) -> bool:
    """The phrase's head is one of `nouns`: its last word or last two ("the hostage takers", "five
    attackers"), as actors and targets are written."""
    words = re.findall(r"[\w'’-]+", (text or "").lower())
    return bool(words) and (words[-1] in nouns or " ".join(words[-2:]) in nouns)


def surname(name: str) -> str | None:
    """The surname of a name written as a person's ("Younes Abouyaaqoub": "abouyaaqoub"), or None."""
    parts = _person_parts(name)
    return parts[0] if parts else None


def _one_person(a: str, b: str) -> bool:
    """ "General R. E. H. Dyer", "Brigadier-General Reginald Dyer", "General Dyer": one person, named
    with and without a title and given names (issue #8). Names the actor table knows are matched by
    the table."""
    pa, pb = _person_parts(a), _person_parts(b)
    if pa is None or pb is None or pa[0] != pb[0]:
        return False
    ga, gb = pa[1], pb[1]
    if ga and gb and ga[0][:1] != gb[0][:1]:
        return False  # "Reginald Dyer" and "Edward Dyer": two men of one name
    if ga and gb and len(ga[0]) > 1 and len(gb[0]) > 1 and ga[0] != gb[0]:
        return False
    table = _actor_table()
    return not (table.resolve(a) or table.resolve(b))


MIN_SKELETON = 4  # consonants: shorter names collide by chance


def skeleton(word: str) -> str:
    """The consonants of a capitalised name, doubled ones once: "Hizbullah" and "Hezbollah" -> "hzblh"."""
    out = re.sub(r"[aeiouy'’-]", "", word.casefold())
    return re.sub(r"(.)\1+", r"\1", out)


def _transliterated(a: str, b: str) -> bool:
    """ "Hezbollah" / "Hizbullah", "Taliban" / "Taleban": one capitalised name no table knows, spelt
    in two transliterations (the same consonants in order, the same first letter). Names the actor
    table knows (states, bodies) are matched by the table, never by their letters ("Armenia" and
    "Romania" share their consonants)."""
    ca, cb = _core(a), _core(b)
    if " " in ca or " " in cb or ca[:1] != cb[:1] or not (a.strip()[:1].isupper() and b.strip()[:1].isupper()):
        return False
    consonants = skeleton(ca)
    if len(consonants) < MIN_SKELETON or consonants != skeleton(cb):
        return False
    table = _actor_table()
    return not (table.resolve(ca) or table.resolve(cb))


@lru_cache(maxsize=1)
def _actor_table() -> AliasTable:
    return AliasTable()


@lru_cache(maxsize=1)
def _sides() -> dict[str, str]:
    nouns = rules()["initiator"]["actor_nouns"]
    table = {w.casefold(): "irregular" for w in rules()["generic_actors"]}
    for side in ("unsided", "state", "irregular"):  # the more telling side wins a word listed twice
        table.update({w.casefold(): side for w in nouns[side]})
    table.update({w.casefold(): "state" for w in rules()["party"]["state_bodies"]})  # "Special Warfare Command"
    return table


@lru_cache(maxsize=4096)
def side(name: str | None) -> str | None:
    """ "state" (the army, federal forces), "irregular" (militants, hostage takers), "unsided"
    (a brigade, a gunship) for an actor described by its head noun; None for a name."""
    words = _tidy(name or "").replace("’", "'").split()
    if not words:
        return None
    table = _sides()
    former = frozenset(rules()["initiator"]["former_modifiers"])
    if words[-1].startswith("ex-"):  # "ex-soldiers"
        words = [*words[:-1], "ex", words[-1][3:]]
    found = table.get(" ".join(words[-2:])) or table.get(words[-1])
    if found == "state" and any(w in former for w in words[:-1]):
        return "irregular"  # "former government soldiers", "renegade troops": no longer the state's
    if found != "irregular" and any(table.get(w) == "irregular" for w in words[:-1]):
        return "irregular"  # "rebel forces", "separatist leaders", "insurgent groups": an armed group's
    if found == "unsided" and any(table.get(w) == "state" for w in words[:-1]):
        return "state"  # "government aircraft", "army helicopters", "police snipers": the state's
    if found in (None, "unsided") and people_word((name or "").split()[-1].strip(".,;:")):
        if any(w in rules()["initiator"]["armed_modifiers"] for w in words[:-1]):
            return "irregular"  # "armed villagers", "armed Black men": an armed group, whoever they are
        if found is None:
            return "unsided"  # "inmates", "guardsmen": people whose side the word does not say
    return found


def named_in(name: str) -> bool:
    """A described actor that carries a name: "Varna militia", "Kestrian rebels" (a capital
    before the head noun), not "federal forces"."""
    words = (name or "").split()
    return any(w[:1].isupper() and not w.isupper() for w in words[:-1]) or any(
        w.isupper() and len(w) > 1 for w in words
    )


def accuse_each_other(a_actor: str, a_target: str | None, b_actor: str, b_target: str | None) -> bool:
    """Mirrored accusations: each account names the other's culprit as the one struck (X hit Y, Y hit X),
    one dispute about one act, whatever else their words share (issues #2, #8)."""
    return same_party(a_target, b_actor) or same_party(b_target, a_actor)
