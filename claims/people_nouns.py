"""Words that name people (claims/data/people_nouns.json, from WordNet): spaCy-free, so that
comparison (analysis.parties) can read an actor's word without loading a parser (issue #8)."""

from __future__ import annotations

from functools import lru_cache

from claims.data_files import PeopleNounFile, read


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Lemmas whose usual sense is a person or a group of people ("inmate", "villager", "clique")."""
    return frozenset(read("people_nouns.json", PeopleNounFile)[1].nouns)


def people_word(word: str) -> bool:
    """A word as written in an actor's phrase: "inmates", "guardsmen" (a plural folded back); a
    capitalised word is a name, not such a noun."""
    if not word.islower():
        return False
    nouns = people_nouns()
    stems = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "")
    return any(s in nouns for s in stems) or (word.endswith("men") and word[:-3] + "man" in nouns)
