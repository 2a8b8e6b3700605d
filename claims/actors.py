"""Resolve who is meant: "Armenian forces", "Azerbaijan's armed forces", "Baku" -> the state.

The table is data (the world's states from ISO 3166 plus claims/data/countries.json
for demonyms and capitals, claims/countries.py; international bodies and former
states in claims/data/actors*.json) plus the user's own aliases (transliterations, renamed
bodies: "Kelbajar" = "Kalbajar", "CSCE" = "OSCE"), issue #2. Nothing here
names a particular conflict.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from claims.countries import capitals, country_actors, subdivision_states
from claims.data_files import DATA, ActorEntry, ActorFile, read
from claims.rules import rules

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
MISSPELT_LENGTH = 1  # letters a misspelling may add or drop ("Isreali", "Azerbaidjan")
# Words that only describe the force, never who it belongs to.
_FORCE_WORDS = re.compile(
    r"\b(?:armed|forces?|troops?|army|armies|military|militaries|government|authorities|officials?|"
    r"soldiers?|side|leadership|regime|units?|air|navy|defen[cs]e|ministry|military's|state)\b",
    re.I,
)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:()\"'")
    text = _LEADING.sub("", text)
    return _POSSESSIVE.sub("", text).strip().lower()


def _is_acronym(alias: str) -> bool:
    """ "US", "WHO", "AU": matched as written, since in lower case they are ordinary words."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return bool(letters) and letters.isupper() and len(letters) <= 6


def builtin_actors(*, historical: bool = True) -> list[ActorEntry]:
    """The built-in table: the states (claims/countries.py), then claims/data/actors*.json."""
    found = country_actors()
    for entry in sorted(DATA.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("actors") and entry.name.endswith(".json"):
            if historical or entry.name == "actors.json":
                found += read(entry.name, ActorFile)[1].actors
    return found


@lru_cache(maxsize=1)
def _builtin() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """alias (normalised) -> canonical name, canonical -> kind, acronym (as written) -> canonical."""
    alias_of: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for actor in builtin_actors():
        name = actor.name
        kind_of[name] = actor.kind
        for alias in [name, *actor.aliases]:
            bare = _LEADING.sub("", alias.strip())
            if _is_acronym(bare):
                acronyms.setdefault(bare.replace(".", ""), name)
            else:
                alias_of.setdefault(_norm(alias), name)
    return alias_of, kind_of, acronyms


@lru_cache(maxsize=1)
def _movement_words() -> frozenset[str]:
    return frozenset(rules()["movement_name_words"])


def _movement(words: list[str]) -> bool:
    """Words of a movement's name beside a place ("liberation", "republican"): rules movement_name_words."""
    return not _movement_words().isdisjoint(words)


@lru_cache(maxsize=1)
def group_name_words() -> frozenset[str]:
    """Words that make a capitalised name a group's ("Southern League", "Crescent Alliance", "Red Hand
    Brigades"): rules movement_name_words, initiator.group_heads and initiator.group_name_words."""
    r = rules()
    return frozenset([*r["movement_name_words"], *r["initiator"]["group_heads"], *r["initiator"]["group_name_words"]])


@lru_cache(maxsize=1)
def _generic_actors() -> frozenset[str]:
    return frozenset(rules()["generic_actors"])


@dataclass
class AliasTable:
    """Built-in actor table plus user aliases; `resolve` maps a mention to a canonical name."""

    user: dict[str, str] = field(default_factory=dict)
    fuzzy_cutoff: float = 85.0
    # of `user`, the names an account tied to another party (with_ties): a verdict says so
    ties: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        builtin, self._kind, self._acronyms = _builtin()
        self._alias = dict(builtin)
        self._user = {_norm(k): v for k, v in self.user.items()}
        self._ties = {_norm(k): v for k, v in self.ties.items()}
        # a capital written a letter off is as often a village of its own ("Mainila" is not Manila):
        # only names of states and bodies and their peoples' are read through a misspelling
        self._choices = [a for a in self._alias if len(a) >= 6 and a not in capitals()]
        self._cache: dict[str, str | None] = {}
        self._by_mention: dict[str, str | None] = {}  # as written: the key above costs three regexes

    @classmethod
    def with_user(cls, aliases: Mapping[str, str] | None) -> AliasTable:
        return cls(user=dict(aliases or {}))

    def with_ties(self, ties: Mapping[str, str]) -> AliasTable:
        """This table plus the names the accounts tie to another party (claims.ties); the user's
        own aliases win over a tie of the same name."""
        own = {_norm(k) for k in self.user}
        extra = {name: party for name, party in ties.items() if _norm(name) not in own}
        if not extra:
            return self
        return AliasTable(user={**extra, **self.user}, fuzzy_cutoff=self.fuzzy_cutoff, ties={**self.ties, **extra})

    def tie(self, name: str) -> str | None:
        """The party an account tied `name` to ("Islamic Jihad" -> "Hezbollah"), if one did."""
        return self._ties.get(_norm(name))

    def kind(self, name: str) -> str | None:
        """'state', 'organisation', or None for names the table does not know."""
        return self._kind.get(name)

    def _lookup(self, key: str) -> str | None:
        seen: set[str] = set()
        target: str | None = None
        while key in self._user and key not in seen:  # user aliases may chain: CSCE -> OSCE -> ...
            seen.add(key)
            target = self._user[key]
            key = _norm(target)
        return self._alias.get(key, target)  # a name mapped to itself is still a known actor

    def resolve(self, mention: str) -> str | None:
        """Canonical actor for a mention, or None if it names no known actor."""
        if mention in self._by_mention:
            return self._by_mention[mention]
        found = self._by_mention[mention] = self._resolve(mention)
        return found

    def _resolve(self, mention: str) -> str | None:
        key = _norm(mention)
        if not key:
            return None
        written = _POSSESSIVE.sub("", _LEADING.sub("", mention.strip()).replace(".", "")).strip()
        # a word in lower case is looked up without the misspelling step: it keys its own entry
        cache_key = written if written.isupper() else key if written[:1].isupper() else f"{key}\0"
        if cache_key in self._cache:
            return self._cache[cache_key]
        found = self._lookup(key) if not _is_acronym(written) or key in self._user else None
        if found is None and written in self._acronyms:
            found = self._acronyms[written]
        if found is None and not _is_acronym(written):
            found = self._lookup(key)
        if found is None:
            stripped = _norm(_FORCE_WORDS.sub(" ", key))
            if stripped and stripped != key:
                found = self._lookup(stripped)
                if found is None:
                    # "Pakistan Army" is Pakistan's; "Kosovo Liberation Army" a movement, not Kosovo
                    words = stripped.split()
                    found = self._lookup(words[0]) if len(words) > 1 and not _movement(words[1:]) else None
        if found is None and len(key) >= 6 and key.isalpha() and written[:1].isupper():
            # misspellings and transliterations of known names ("Isreali"), which are written with a
            # capital: a word in lower case ("a rocket-propelled grenade") is no name of Grenada
            best = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
            # a misspelling keeps its first letter ("Isreali"); "Taliban" is not "Italian"
            # and about its length: "Mossadeq" (a man's name) is not "Mossad" misspelt
            if best and best[0][0] == key[0] and abs(len(best[0]) - len(key)) <= MISSPELT_LENGTH:
                # "Indiana" / "Indian", "Granada" / "Grenada": a region's own name, not a misspelling of
                # another state's name; "Barbuda" is a part of Antigua and Barbuda
                regions_of = subdivision_states().get(key)
                if regions_of is None or self._alias[best[0]] in regions_of:
                    found = self._alias[best[0]]
        self._cache[cache_key] = found
        return found

    def canonical(self, mention: str) -> str:
        """The canonical name if known, else the mention itself, tidied (for places and bodies)."""
        resolved = self.resolve(mention)
        if resolved:
            return resolved
        user = self._user.get(_norm(mention))
        return user or re.sub(r"\s+", " ", _LEADING.sub("", mention.strip())).strip(" .,;:'\"’")

    def is_generic(self, mention: str) -> bool:
        """'militants', 'rebels': an actor described, not named."""
        return _norm(mention) in _generic_actors()
