"""Alignment by distinct statements (issue #11): many copies of the same accounts give the facts a
few copies give, with more members, also past the point where every word is held by more claims
than blocking accepts; and the rules for two claims of one source still hold when the statements
they make are printed by other sources too."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from analysis.align import MAX_POSTINGS, Vocabulary, align, align_threshold, block_keys, candidate_pairs, pair_score
from analysis.distinct import Units, alignment_keys
from analysis.pairs import expand_relations, pair_count, related_claims, relation_pairs
from analysis.relate import relate, relation_of
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan
from tests.random_claims import story


def _copies(stories: list[list[Claim]], copies: int, *, worded: bool = True) -> list[Claim]:
    """`copies` sources per story; each copy's claims at its own offsets and (`worded`) its first
    claim in words of its own (a headline numbered as a dispatch: the same statement, worded apart)."""
    out = []
    for n in range(len(stories) * copies):
        source = f"s{n + 1}"
        for k, c in enumerate(stories[n % len(stories)]):
            update = {"id": f"{source}c{k}", "source_id": source, "start": n + k, "end": n + k + 1}
            if k == 0 and worded:
                update["sentence"] = f"{c.sentence} (dispatch no. {n})"
            out.append(c.model_copy(update=update))
    return out


def _facts(groups: list[list[Claim]], stories: int) -> set[frozenset[tuple[int, int]]]:
    """Each group as the statements it holds: (story, claim of the story)."""
    return {frozenset(((int(c.source_id[1:]) - 1) % stories, int(c.id.split("c")[1])) for c in g) for g in groups}


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_many_copies_give_the_facts_of_two_past_the_posting_limit(seed: int):
    rng = random.Random(seed)
    stories = [story(rng, rng.randint(5, 9)) for _ in range(3)]
    few, many = _copies(stories, 2), _copies(stories, 450)
    # past the limit: claim by claim, blocking would offer no pair at all in the biggest kind
    kind, _n = Counter(c.kind for c in many).most_common(1)[0]
    members = [c for c in many if c.kind == kind]
    held = Counter(key for c in members for key in set(block_keys(c)))
    assert min(held.values()) > MAX_POSTINGS and not candidate_pairs(members)
    small, large = align(few, Vocabulary.of(few)), align(many, Vocabulary.of(many))
    assert _facts(large.groups, 3) == _facts(small.groups, 3)
    assert any(len(f) > 1 for f in _facts(large.groups, 3))  # statements were aligned, not left alone
    assert sorted(len(g) for g in large.groups) == sorted(225 * len(g) for g in small.groups)
    one = _copies(stories, 1)  # a statement pair read as its one source makes it, however often it is reprinted
    assert _facts(align(one, Vocabulary.of(one)).groups, 3) == _facts(small.groups, 3)


def test_pair_scores_are_those_of_the_claims_themselves():
    rng = random.Random(7)
    claims = _copies([story(rng, 7) for _ in range(2)], 3)
    voc = Vocabulary.of(claims)
    alignment = align(claims, voc)
    scores = dict(alignment.scores)
    by_id = {c.id: c for c in claims}
    assert len(scores) > len(claims)
    for (a, b), s in scores.items():
        assert s == pair_score(by_id[a], by_id[b], voc), (a, b)
    for g in alignment.groups:
        ids = [c.id for c in g]
        part = alignment.scores.restrict(ids)
        assert dict(part) == {(a, b): s for (a, b), s in scores.items() if a in ids and b in ids}


def _box(source: str, n: int, side: int, dead: int = 20) -> Claim:
    """A fact box's line of one side: 'CasualtiesN: 20 soldiers killed'."""
    return Claim(id=f"{source}c{n}", source_id=source, kind="casualties", quote=f"{dead} soldiers",
                 sentence=f"Casualties{side}: {dead} soldiers killed", start=n, end=n + 1, sentence_start=n,
                 value=Count(low=dead, high=dead, text=str(dead)), scope="soldiers", about="soldiers killed",
                 terms=["soldier", "kill", "border"], entities=["Arlen"], event=["@ev:arlen", "@ev:y1994"],
                 when=DateSpan(start=date(1994, 5, 1), end=date(1994, 5, 31), precision="month"))  # fmt: skip


@pytest.mark.parametrize("copies", [1, 3, 500])
def test_two_sides_of_one_box_stay_apart_when_other_sources_print_them(copies: int):
    """s1's box gives each side's dead; other sources print one side's line each. Claims of two
    sources with those words align; the two lines of one box never make one fact."""
    claims = [_box("s1", 0, 1), _box("s1", 1, 2)]
    for n in range(copies):
        claims += [_box(f"a{n}", 0, 1), _box(f"b{n}", 0, 2)]
    voc = Vocabulary.of(claims)
    units = Units(claims, lambda a, b: True)
    assert len(units.members) == 2  # the two sides are two statements, each printed by copies + 1 sources
    assert pair_score(claims[2], claims[3], voc) >= align_threshold()  # other sources' lines would align
    alignment = align(claims, voc)
    for g in alignment.groups:
        assert not {"s1c0", "s1c1"} <= {c.id for c in g}
    assert len(alignment.groups) == 2


def test_a_restatement_printed_by_many_sources_joins_its_sources_fact():
    """Each copy restates in a headline (other words, the same value) a count its body gives with a
    second account's: the headline joins that fact in every copy, as it does in one."""
    base = dict(kind="casualties", quote="40", start=0, end=1, sentence_start=0, scope="soldiers",
                value=Count(low=40, high=40, text="40"), entities=["Arlen"], event=["@ev:arlen", "@ev:y1994"],
                when=DateSpan(start=date(1994, 5, 1), end=date(1994, 5, 31), precision="month"))  # fmt: skip
    head = Claim(id="h", source_id="x", sentence="Forty die", about="toll", terms=["toll"], **base)
    body = Claim(id="b", source_id="x", sentence="40 soldiers were killed at the bridge", about="soldiers killed bridge",
                 terms=["soldier", "kill", "bridge", "siege"], **base)  # fmt: skip
    other = body.model_copy(update={"about": "soldiers killed bridge shelling", "sentence": "40 soldiers died",
                                    "terms": ["soldier", "die", "bridge", "siege"]})  # fmt: skip
    facts = []
    for copies in (1, 2, 300):
        claims = []
        for n in range(copies):
            claims += [head.model_copy(update={"id": f"s{n}h", "source_id": f"s{n}"}),
                       body.model_copy(update={"id": f"s{n}b", "source_id": f"s{n}"}),
                       other.model_copy(update={"id": f"t{n}o", "source_id": f"t{n}"})]  # fmt: skip
        groups = align(claims, Vocabulary.of(claims)).groups
        facts.append(sorted(sorted({c.id[-1] for c in g}) for g in groups))
    assert facts[0] == [["b", "h", "o"]]  # the headline joined its body's fact
    assert facts[1] == facts[0] and facts[2] == facts[0]


def _related(copies: int):
    rng = random.Random(3)
    claims = _copies([story(rng, 6) for _ in range(2)], copies, worded=False)  # a verdict reads the wording
    claims.append(claims[0].model_copy(update={"id": "s1c99", "start": 99}))  # a statement its source repeats
    voc = Vocabulary.of(claims)
    alignment = align(claims, voc)
    return claims, alignment, voc, relate(alignment, voc, AliasTable())


@pytest.mark.parametrize("copies", [1, 4, 60])
def test_copies_relations_stand_for_every_cross_source_pair_with_the_claims_verdict(copies: int):
    claims, alignment, voc, (groups, relations) = _related(copies)
    by_id = {c.id: c for c in claims}
    source_of = {c.id: c.source_id for c in claims}
    expected = set()
    for g in groups:
        ids = g.claim_ids
        expected |= {frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1 :] if source_of[a] != source_of[b]}
    found = [frozenset(pair) for r in relations for pair in relation_pairs(r, source_of)]
    assert len(found) == len(set(found)) and set(found) == expected and expected
    assert sum(pair_count(r, source_of) for r in relations) == len(expected)
    for r in relations:
        for a, b in relation_pairs(r, source_of):
            plain = relation_of(by_id[a], by_id[b], alignment.scores.get((a, b), 0.0), AliasTable(), voc)
            assert (r.relation, r.reason, r.confidence) == (plain.relation, plain.reason, plain.confidence)
        assert related_claims(r, source_of) == {x for pair in relation_pairs(r, source_of) for x in pair}
    if copies == 1:
        assert not any(r.also_a or r.also_b for r in relations)  # every statement once: a relation per pair
    else:  # relations do not grow with the copies: one per two distinct statements of a group
        assert len(relations) == len(_related(2)[3][1]) < len(expected) / 2


def test_alignment_keys_ignore_wording_but_not_the_side_of_a_box():
    a = _box("s1", 0, 1)
    worded = a.model_copy(
        update={"id": "s2c0", "source_id": "s2", "quote": "twenty", "sentence": "Casualties1: twenty"}
    )
    other_side = a.model_copy(update={"sentence": "Casualties2: 20 soldiers killed"})
    other_scope = a.model_copy(update={"scope": "civilians"})
    assert alignment_keys([a, worded, other_side, other_scope]) == [0, 0, 1, 2]


def test_expanded_relations_are_one_per_pair_with_the_verdict():
    """What a person's review works on: the relations as one per pair of claims, as before issue #11."""
    claims, _alignment, _voc, (_groups, relations) = _related(5)
    source_of = {c.id: c.source_id for c in claims}
    expanded = expand_relations(relations, source_of)
    assert not any(r.also_a or r.also_b for r in expanded)
    assert len(expanded) == sum(pair_count(r, source_of) for r in relations) > len(relations)
    verdict = {frozenset(p): (r.relation, r.reason) for r in relations for p in relation_pairs(r, source_of)}
    assert {frozenset((r.claim_a, r.claim_b)): (r.relation, r.reason) for r in expanded} == verdict
    once = [r for r in relations if not r.also_a and not r.also_b]
    assert expand_relations(once, source_of) is once
