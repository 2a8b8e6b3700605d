"""Classes of WordNet's nouns (claims/data, built by tools/build_noun_classes.py): words that name
people (people_nouns.json), a building (structure_nouns.json), a weapon or an implement
(instrument_nouns.json). spaCy-free, so that comparison (analysis.parties) can read an actor's word
without loading a parser (issue #8)."""

from __future__ import annotations

from functools import lru_cache

from claims.data_files import NounClassFile, read
from claims.rules import rules


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Lemmas whose usual sense is a person or a group of people ("inmate", "villager", "clique")."""
    return frozenset(read("people_nouns.json", NounClassFile)[1].nouns)


@lru_cache(maxsize=1)
def people_of_a_nation() -> frozenset[str]:
    """ "youths", "villagers", "mob": people who are no state's agents, told by their nation's name
    ("Uzbek youths": a people, not the state; rules initiator.people_of_a_nation)."""
    return frozenset(rules()["initiator"]["people_of_a_nation"])


@lru_cache(maxsize=1)
def structure_nouns() -> frozenset[str]:
    """Lemmas whose usual sense is a construction or a part of one ("barrack", "stairwell", "window")."""
    return frozenset(read("structure_nouns.json", NounClassFile)[1].nouns)


@lru_cache(maxsize=1)
def instrument_nouns() -> frozenset[str]:
    """Lemmas whose usual sense is a weapon or an implement ("baton", "bayonet", "machete")."""
    return frozenset(read("instrument_nouns.json", NounClassFile)[1].nouns)


@lru_cache(maxsize=1)
def firing_sites() -> frozenset[str]:
    """Where fire may come from, the doer unseen ("from the barracks"): WordNet's constructions and the
    places it files under another first sense (rules.json initiator.firing_sites)."""
    return structure_nouns() | frozenset(rules()["initiator"]["firing_sites"])


@lru_cache(maxsize=1)
def arms() -> frozenset[str]:
    """What a charge is made with when it is a rush ("charged the crowd with batons"): WordNet's weapons
    and implements, and the weapons and fired things of rules.json initiator."""
    ini = rules()["initiator"]
    return instrument_nouns() | frozenset(ini["weapon_nouns"]) | frozenset(ini["fired_things"])


def people_word(word: str) -> bool:
    """A word as written in an actor's phrase: "inmates", "guardsmen" (a plural folded back); a
    capitalised word is a name, not such a noun."""
    if not word.islower():
        return False
    nouns = people_nouns()
    stems = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "")
    return any(s in nouns for s in stems) or (word.endswith("men") and word[:-3] + "man" in nouns)


def singular(word: str) -> str:
    """ "guardsmen" -> "guardsman", "militias" -> "militia", "deputies" -> "deputy", "marches" ->
    "march": enough for the people nouns' and event nouns' lemmas, and to tell one word in both
    numbers."""
    for plural, one in (("men", "man"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            return word[: -len(plural)] + one
    return word
