"""The faster clustering and relation summaries (issue #11) give exactly what the plain
versions gave: the same groups, scores and summaries, on collections built to have big
blocks, refused merges and claims whose times cannot meet."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from analysis.align import RESTATEMENT_SHARE, Vocabulary, align, candidate_pairs, compatible, pair_score, value_key
from analysis.distinct import alignment_keys
from analysis.models import Relation
from analysis.relate import _same_population, _scope_id, relate
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan, Duration

WORDS = ["siege", "town", "shelling", "hospital", "bridge", "convoy", "market", "village", "camp", "border"]
PLACES = ["Arlen", "Brisk", "Corvo", "Dunmere"]
SCOPES = [None, "civilians", "soldiers", "children", "Arlenian soldiers", "Corvan civilians"]


def _claims(n: int, seed: int) -> list[Claim]:
    """n claims of three kinds from sources s1..s40: few words, so blocks are big and mixed."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = rng.choice(["casualties", "casualties", "event_date", "duration"])
        year = rng.choice([1994, 1995, 2008])
        when = (
            DateSpan(start=date(year, 5, 1), end=date(year, 5, 31), precision="month") if rng.random() < 0.7 else None
        )
        if kind == "casualties":
            n_dead = rng.choice([12, 15, 40, 41, 300])
            value: Count | DateSpan | Duration = Count(low=n_dead, high=n_dead, text=str(n_dead))
        elif kind == "event_date":
            day = date(year, 5, 1) + timedelta(days=rng.choice([0, 1, 3, 40]))
            value = DateSpan(start=day, end=day, precision="day", text=str(day))
        else:
            value = Duration(days=rng.choice([1.0, 3.0, 7.0]), text="days")
        terms = rng.sample(WORDS, rng.randint(1, 4))
        out.append(
            Claim(
                id=f"s{i % 40 + 1}c{i}",
                source_id=f"s{i % 40 + 1}",
                kind=kind,
                quote="q",
                sentence="q",
                start=i,
                end=i + 1,
                sentence_start=i,
                value=value,
                scope=rng.choice(SCOPES),
                about=" ".join(terms[:2]),
                terms=terms,
                entities=rng.sample(PLACES, rng.randint(0, 2)),
                when=when,
                event=[f"@ev:{rng.choice(PLACES).lower()}", f"@ev:y{year}"],
            )  # fmt: skip
        )
    return out


def _plain_cluster(members: list[Claim], voc: Vocabulary, threshold: float,
                   scores: dict[tuple[str, str], float]) -> list[list[Claim]]:  # fmt: skip
    """The clustering as it was before issue #11, claim by claim: every member pair walked on every edge."""
    edges, incompatible, local = [], set(), {}
    for i, j in candidate_pairs(members):
        s = pair_score(members[i], members[j], voc)
        if s is None:
            incompatible.add((i, j))
            continue
        local[(i, j)] = s
        scores[(members[i].id, members[j].id)] = scores[(members[j].id, members[i].id)] = s
        if s >= threshold:
            edges.append((s, i, j))
    checked: set[tuple[int, int]] = set()
    cluster_of = list(range(len(members)))
    clusters = {i: [i] for i in range(len(members))}
    for _s, i, j in sorted(edges, reverse=True):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = clusters[ci], clusters[cj]
        total, ok = 0.0, True
        for x in a:
            for y in b:
                key = (min(x, y), max(x, y))
                if key in incompatible:
                    ok = False
                    break
                if key not in local and key not in checked:
                    checked.add(key)
                    if not compatible(members[x], members[y]):
                        incompatible.add(key)
                        ok = False
                        break
                total += local.get(key, 0.0)
            if not ok:
                break
        if not ok or total / (len(a) * len(b)) < threshold * 0.75:
            continue
        clusters[ci] = a + b
        del clusters[cj]
        for x in b:
            cluster_of[x] = ci
    _plain_restatements(members, local, incompatible, clusters, cluster_of, threshold)
    return [[members[i] for i in sorted(idx)] for idx in clusters.values()]


def _plain_restatements(members, local, incompatible, clusters, cluster_of, threshold) -> None:
    """A lone claim restating a value its source gives in a group joins it (as before issue #11)."""
    for (i, j), s in sorted(local.items(), key=lambda kv: -kv[1]):
        if s < RESTATEMENT_SHARE * threshold or members[i].source_id != members[j].source_id:
            continue
        if value_key(members[i]) != value_key(members[j]):
            continue
        for lone, anchor in ((i, j), (j, i)):
            if len(clusters[cluster_of[lone]]) != 1 or len(clusters[cluster_of[anchor]]) < 2:
                continue
            target = cluster_of[anchor]
            if any((min(lone, x), max(lone, x)) in incompatible or not compatible(members[lone], members[x])
                   for x in clusters[target]):  # fmt: skip
                continue
            del clusters[cluster_of[lone]]
            clusters[target].append(lone)
            cluster_of[lone] = target
            break


def plain_align(claims: list[Claim], voc: Vocabulary, threshold: float = 0.34) -> tuple[list[list[Claim]], dict]:
    """align() claim by claim, as before issue #11: (groups, scores of every scored claim pair)."""
    by_kind: dict[str, list[Claim]] = {}
    for c in claims:
        by_kind.setdefault(c.kind, []).append(c)
    groups, scores = [], {}
    for kind in sorted(by_kind):
        groups.extend(_plain_cluster(by_kind[kind], voc, threshold, scores))
    groups.sort(key=lambda g: min(c.start for c in g))
    groups.sort(key=lambda g: (g[0].source_id, g[0].start))
    return groups, scores


def _plain_same_population(members: list[Claim], relations: list[Relation]) -> tuple[list[Claim], bool]:
    """_same_population before issue #11 (a scan of all relations per member), and whether it left one apart."""
    apart = {
        c.id
        for c in members
        if (mine := [r for r in relations if c.id in (r.claim_a, r.claim_b)])
        and all(r.relation == "different_scope" for r in mine)
    }
    kept = [c for c in members if c.id not in apart] or members
    keys = Counter(_scope_id(c) for c in kept)
    main, n = keys.most_common(1)[0]
    if n >= 2:
        kept = [c for c in kept if _scope_id(c) == main or not any(_scope_id(c))]
    return kept, bool(apart)


@pytest.mark.parametrize(("n", "seed"), [(30, 1), (120, 2), (240, 3), (240, 4)])
def test_clustering_equals_the_plain_walk(n: int, seed: int):
    claims = _claims(n, seed)
    assert len(set(alignment_keys(claims))) == len(claims)  # every statement made once: units are the claims
    voc = Vocabulary.of(claims)
    fast = align(claims, voc, threshold=0.34)
    plain_groups, plain_scores = plain_align(claims, Vocabulary.of(claims))
    assert [[c.id for c in g] for g in fast.groups] == [[c.id for c in g] for g in plain_groups]
    assert dict(fast.scores) == plain_scores
    assert any(len(g) > 2 for g in fast.groups) and any(len(g) == 1 for g in fast.groups)  # merges and refusals


def test_same_population_equals_the_plain_scan():
    met = set()
    for seed in (1, 2, 3, 4, 5, 6):
        _compare_same_population(_claims(200, seed), met)
    assert met == {True, False}  # groups with and without a count left apart, over the seeds


def _compare_same_population(claims: list[Claim], met: set[bool]) -> None:
    voc = Vocabulary.of(claims)
    groups, relations = relate(align(claims, voc), voc, AliasTable())
    by_id = {c.id: c for c in claims}
    for g in groups:
        members = [by_id[i] for i in g.claim_ids]
        own = [r for r in relations if r.claim_a in g.claim_ids]
        for given in (own, relations):  # the incremental path passes a group's relations, tests all
            plain, left_apart = _plain_same_population(members, given)
            assert [c.id for c in _same_population(members, given)] == [c.id for c in plain]
            met.add(left_apart)
