"""The relations of the facts a person's review reaches, per position (issues #9, #11). Pure.

A fact printed by thousands of sources has one relation per two distinct
statements (Relation.also_a, also_b: analysis.relate), not one per pair of
claims. Review used to expand such a fact's relations to one per pair as soon
as a decision reached it: two thousand copies are two million relations. Here
the fact's claims are cut into classes whose pairs all get one verdict in one
direction, and each two classes get a relation standing for their pairs:

- a claim no decision changed keeps the machine's verdicts: its class is its
  position (the side of the machine's relations it is on);
- a claim a person moved in, corrected or added is compared again
  (analysis.relate.relation_of): its class is its statement (analysis.distinct);
- each claim of a pair a person set a relation for is a class of its own, so
  that pair is one plain relation the decision sets.

Pairs are oriented as comparing them one by one orients them (the machine's
relation's sides, or the fact's order of claims for a new comparison): where
two classes interleave, one class of one claim splits the other in two, and
only two interleaving classes of several claims are compared pair by pair.
Expanded (analysis.pairs.expand_relations), the result is what reviewing every
pair gives (tests/test_review_positions.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from analysis.distinct import statement_keys
from analysis.models import Relation
from analysis.pairs import expand_relations, relation_sides
from analysis.relate import own_wholes, relation_of, sole_state, toll_figures
from claims.actors import AliasTable
from claims.models import Claim

Position = frozenset[str]


@dataclass(frozen=True)
class Fact:
    """One fact a decision reached, as the review left it."""

    members: list[str]  # its claims, in the fact's order
    changed: set[str]  # claims a person moved in, corrected or added: compared again
    isolated: set[str]  # claims of a pair a person set a relation for
    relations: list[Relation]  # the machine's relations of its claims before the review


@dataclass
class _Class:
    claims: list[str]
    parent: Position | None  # the machine's position of unchanged claims; None: compared again


def fact_relations(fact: Fact, claims: Mapping[str, Claim], source_of: Mapping[str, str],
                   aliases: AliasTable) -> list[Relation]:  # fmt: skip
    """The fact's relations after review: the machine's verdict on each two unchanged claims, a new
    comparison (score 1.0: a person put them together) on each pair with a changed claim."""
    positions = _positions(fact.relations)
    if positions is None:  # sides that overlap: read pair by pair, as before issue #11
        fact = Fact(fact.members, fact.changed, fact.isolated, expand_relations(fact.relations, dict(source_of)))
        positions = _positions(fact.relations)
    assert positions is not None  # one relation per pair: every side is one claim
    side_of, verdicts = positions
    order = {cid: n for n, cid in enumerate(fact.members)}
    sole = sole_state([claims[c] for c in fact.members], aliases)
    figures = toll_figures([claims[c] for c in fact.members])
    wholes = own_wholes([claims[c] for c in fact.members])
    classes = _classes(fact, side_of, claims)
    out: list[Relation] = []
    for i, one in enumerate(classes):
        for other in classes[i:]:
            for side_a, side_b, verdict in _rectangles(one, other, verdicts, order):
                pair = _first_pair(side_a, side_b, source_of)
                if pair is None:
                    continue
                a, b = pair
                found = (
                    verdict
                    if verdict is not None
                    else relation_of(claims[a], claims[b], 1.0, aliases, sole=sole, figures=figures, wholes=wholes)
                )
                update: dict[str, object] = {"claim_a": a, "claim_b": b}
                for name, side, rep in (("also_a", side_a, a), ("also_b", side_b, b)):
                    others = [c for c in side if c != rep]
                    if others or getattr(found, name):  # a plain relation stays as relation_of made it
                        update[name] = others
                out.append(found.model_copy(update=update))
    return out


def _positions(
    relations: list[Relation],
) -> tuple[dict[str, Position], dict[tuple[Position, Position], Relation]] | None:
    """Each claim's position (the side of the machine's relations it is on) and the relation of each two
    positions, keyed both ways round; None when a claim is on two different sides."""
    side_of: dict[str, Position] = {}
    verdicts: dict[tuple[Position, Position], Relation] = {}
    for rel in relations:
        sides = [frozenset(side) for side in relation_sides(rel)]
        for side in sides:
            for cid in side:
                if side_of.setdefault(cid, side) != side:
                    return None
        verdicts[(sides[0], sides[1])] = verdicts[(sides[1], sides[0])] = rel
    return side_of, verdicts


def _classes(fact: Fact, side_of: Mapping[str, Position], claims: Mapping[str, Claim]) -> list[_Class]:
    """The fact's claims cut into classes whose pairs share one verdict: unchanged claims by position,
    changed ones by statement, each isolated claim alone; in the fact's order of first claims."""
    changed = [c for c in fact.members if c in fact.changed]
    keys = dict(zip(changed, statement_keys([claims[c] for c in changed]), strict=True))
    by_key: dict[tuple, _Class] = {}
    for cid in fact.members:
        position = side_of.get(cid, frozenset((cid,))) if cid not in fact.changed else None
        key = (
            ("alone", cid)
            if cid in fact.isolated
            else ("old", position)
            if position is not None
            else ("new", keys[cid])
        )
        by_key.setdefault(key, _Class([], position)).claims.append(cid)
    return list(by_key.values())


Rectangle = tuple[list[str], list[str], Relation | None]


def _rectangles(one: _Class, other: _Class, verdicts: Mapping[tuple[Position, Position], Relation],
                order: Mapping[str, int]) -> Iterator[Rectangle]:  # fmt: skip
    """The pairs of a claim of `one` and one of `other` (each pair once when they are one class), as
    (side a, side b, the machine's verdict or None: compare again), each pair in the direction its
    verdict reads it."""
    known = None
    if one.parent is not None and other.parent is not None:
        known = verdicts.get((one.parent, other.parent))
    if known is None:  # compared again: in the fact's order
        rank = order
    else:
        side_a, side_b = relation_sides(known)
        if one.parent != other.parent:  # the machine's sides, whole
            first, second = (one, other) if one.parent == frozenset(side_a) else (other, one)
            yield _by(first.claims, side_a), _by(second.claims, side_b), known
            return
        rank = {cid: n for n, cid in enumerate(side_a)}  # one statement's copies: in its side's order
    if one is other:
        ranked = sorted(one.claims, key=rank.__getitem__)
        yield ranked, ranked, known
        return
    yield from ((a, b, known) for a, b in _split(one.claims, other.claims, rank))


def _by(cids: Sequence[str], side: Sequence[str]) -> list[str]:
    wanted = set(cids)
    return [c for c in side if c in wanted]


def _split(one: list[str], other: list[str], rank: Mapping[str, int]) -> Iterator[tuple[list[str], list[str]]]:
    """The pairs of two classes as sides whose every pair runs from side a to side b in `rank`'s order."""
    one, other = sorted(one, key=rank.__getitem__), sorted(other, key=rank.__getitem__)
    if rank[one[-1]] < rank[other[0]]:
        yield one, other
    elif rank[other[-1]] < rank[one[0]]:
        yield other, one
    elif len(one) == 1 or len(other) == 1:
        alone, many = (one, other) if len(one) == 1 else (other, one)
        (cid,) = alone
        yield [c for c in many if rank[c] < rank[cid]], alone
        yield alone, [c for c in many if rank[c] > rank[cid]]
    else:  # two interleaving classes of several claims: pair by pair
        for a in one:
            for b in other:
                yield ([a], [b]) if rank[a] < rank[b] else ([b], [a])


def _first_pair(side_a: list[str], side_b: list[str], source_of: Mapping[str, str]) -> tuple[str, str] | None:
    """analysis.relate.first_pair over ids: the first pair from two sources (each pair once when the
    sides are one list)."""
    for i, a in enumerate(side_a):
        for b in side_b[i + 1 :] if side_a is side_b else side_b:
            if source_of[a] != source_of[b]:
                return a, b
    return None


def group_relations(relations: list[Relation], origin: Mapping[str, str]) -> dict[str, list[Relation]]:
    """The machine's relations by the fact they were made in (`origin`: claim -> its fact before review)."""
    out: dict[str, list[Relation]] = defaultdict(list)
    for rel in relations:
        gid = origin.get(rel.claim_a)
        if gid is not None:
            out[gid].append(rel)
    return out
