"""The pairs of claims a relation stands for (issue #11).

A relation compares two claims of one group from different sources. When other
sources print the same statements word for word, analysis.relate makes one
relation for each two distinct statements of a group and names the other
claims in `also_a` and `also_b`: its verdict holds for every pair of a claim of
[claim_a, *also_a] and one of [claim_b, *also_b] from different sources, each
pair once (the two sides are the same claims when both state one statement).
These functions read that, so no reader has to list a million pairs to count them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from analysis.models import Relation


def relation_pairs(relation: Relation, source_of: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """Every pair of claims a relation stands for (issue #11): (claim_a, claim_b) itself, and, for a
    relation of repeated statements, each pair of a claim of its side a and one of its side b from
    different sources, once."""
    if not relation.also_a and not relation.also_b:
        yield relation.claim_a, relation.claim_b
        return
    side_a = [relation.claim_a, *relation.also_a]
    side_b = [relation.claim_b, *relation.also_b]
    if set(side_a) == set(side_b):  # one statement's copies, each pair once
        for i, a in enumerate(side_a):
            for b in side_a[i + 1 :]:
                if source_of[a] != source_of[b]:
                    yield a, b
        return
    for a in side_a:
        for b in side_b:
            if source_of[a] != source_of[b]:
                yield a, b


def related_claims(relation: Relation, source_of: Mapping[str, str]) -> set[str]:
    """The claims that are in at least one of the pairs a relation stands for (without listing the pairs)."""
    if not relation.also_a and not relation.also_b:
        return {relation.claim_a, relation.claim_b}
    side_a = [relation.claim_a, *relation.also_a]
    side_b = [relation.claim_b, *relation.also_b]
    out: set[str] = set()
    for mine, other in ((side_a, side_b), (side_b, side_a)):
        sources = {source_of[c] for c in other}
        out.update(c for c in mine if len(sources) > 1 or source_of[c] not in sources)
    return out


def pair_count(relation: Relation, source_of: Mapping[str, str]) -> int:
    """How many pairs of claims a relation stands for (counted, not listed)."""
    if not relation.also_a and not relation.also_b:
        return 1
    side_a = [relation.claim_a, *relation.also_a]
    side_b = [relation.claim_b, *relation.also_b]
    in_a = Counter(source_of[c] for c in side_a)
    if set(side_a) == set(side_b):
        n = len(side_a)
        return n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in in_a.values())
    in_b = Counter(source_of[c] for c in side_b)
    return len(side_a) * len(side_b) - sum(k * in_b.get(source, 0) for source, k in in_a.items())


def relation_sides(relation: Relation) -> tuple[list[str], list[str]]:
    """The claims of each side of a relation: [claim_a, *also_a], [claim_b, *also_b]."""
    return [relation.claim_a, *relation.also_a], [relation.claim_b, *relation.also_b]


def expand_relations(relations: list[Relation], source_of: Mapping[str, str]) -> list[Relation]:
    """One relation per pair of claims, as before issue #11 (what a person's review works on): a
    relation of repeated statements becomes one relation for each pair it stands for, with its verdict."""
    if not any(r.also_a or r.also_b for r in relations):
        return relations
    out: list[Relation] = []
    for r in relations:
        if not r.also_a and not r.also_b:
            out.append(r)
            continue
        plain = r.model_copy(update={"also_a": [], "also_b": []})
        out.extend(plain.model_copy(update={"claim_a": a, "claim_b": b}) for a, b in relation_pairs(r, source_of))
    return out
