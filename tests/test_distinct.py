"""Scoring and comparing each distinct statement once (issue #11) gives exactly what scoring every
pair gives: the same groups, scores and relations, on collections of many copies of a few stories."""

from __future__ import annotations

import random

import pytest

from analysis import distinct
from analysis.align import Vocabulary, align
from analysis.distinct import PairMemo, statement_keys
from analysis.pairs import pair_count
from analysis.relate import relate
from claims.actors import AliasTable
from claims.models import Claim
from tests.random_claims import story


def _copies(stories: int, copies: int, seed: int) -> list[Claim]:
    """`copies` sources per story, each holding the story's claims at its own offsets."""
    rng = random.Random(seed)
    texts = [story(rng, rng.randint(3, 8), sentences=3) for _ in range(stories)]
    out = []
    for n in range(stories * copies):
        source = f"s{n + 1}"
        for k, c in enumerate(texts[n % stories]):
            out.append(
                c.model_copy(update={"id": f"{source}c{k}", "source_id": source, "start": n + k, "end": n + k + 1})
            )
    return out


def _unmemoised(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair computed anew, as before issue #11."""
    monkeypatch.setattr(PairMemo, "memo", lambda self, fn: lambda i, j: fn(self.claims[i], self.claims[j]))
    monkeypatch.setattr(
        PairMemo, "memo_with", lambda self, fn: lambda i, j, extra: fn(self.claims[i], self.claims[j], extra)
    )


def test_copies_share_a_statement_key_and_nothing_else_does():
    claims = _copies(2, 3, seed=1)
    keys = statement_keys(claims)
    per_source = {}
    for c, key in zip(claims, keys, strict=True):
        per_source.setdefault(c.source_id, []).append(key)
    assert per_source["s1"] == per_source["s3"] != per_source["s2"]
    changed = claims[0].model_copy(update={"scope": "children"})
    assert statement_keys([claims[0], changed]) == [0, 1]
    assert distinct.POSITIONAL == {"id", "source_id", "start", "end", "sentence_start"}


@pytest.mark.parametrize(("stories", "copies", "seed"), [(2, 5, 1), (3, 12, 2), (4, 20, 3), (12, 1, 4)])
def test_memoised_analysis_equals_every_pair_anew(stories: int, copies: int, seed: int,
                                                  monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    claims = _copies(stories, copies, seed)
    fast = align(claims, Vocabulary.of(claims))
    fast_groups, fast_relations = relate(fast, Vocabulary.of(claims), AliasTable())
    _unmemoised(monkeypatch)
    plain = align(claims, Vocabulary.of(claims))
    plain_groups, plain_relations = relate(plain, Vocabulary.of(claims), AliasTable())
    assert [[c.id for c in g] for g in fast.groups] == [[c.id for c in g] for g in plain.groups]
    assert fast.scores == plain.scores
    assert [g.model_dump() for g in fast_groups] == [g.model_dump() for g in plain_groups]
    assert [r.model_dump() for r in fast_relations] == [r.model_dump() for r in plain_relations]
    assert [r.model_fields_set for r in fast_relations] == [r.model_fields_set for r in plain_relations]
    if copies > 1:  # copies were reused; with one copy of each story, every statement is computed once anyway
        source_of = {c.id: c.source_id for c in claims}
        pairs = sum(pair_count(r, source_of) for r in fast_relations)
        assert pairs > 10 * len({(r.relation, r.reason) for r in fast_relations})
