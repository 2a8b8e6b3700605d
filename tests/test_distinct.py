"""Scoring and comparing each distinct statement once (issue #11) gives exactly what scoring every
pair gives: the same groups, scores and relations, on collections of many copies of a few stories."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from analysis import distinct
from analysis.align import Vocabulary, align
from analysis.distinct import PairMemo, statement_keys
from analysis.pairs import pair_count
from analysis.relate import relate
from claims.actors import AliasTable
from claims.models import Actor, Claim, Count, DateSpan, Duration

WORDS = ["siege", "town", "shelling", "hospital", "bridge", "convoy", "market", "village"]
PLACES = ["Arlen", "Brisk", "Corvo"]
SCOPES = [None, "civilians", "soldiers", "Arlenian soldiers"]


def _story(rng: random.Random, n: int) -> list[Claim]:
    """One article's claims (ids and sources filled in by _copies)."""
    out = []
    for i in range(n):
        kind = rng.choice(["casualties", "casualties", "event_date", "duration", "initiator"])
        year = rng.choice([1994, 2008])
        when = (
            DateSpan(start=date(year, 5, 1), end=date(year, 5, 31), precision="month") if rng.random() < 0.7 else None
        )
        if kind == "casualties":
            dead = rng.choice([12, 15, 40, 300])
            value: Count | DateSpan | Duration | Actor = Count(low=dead, high=dead, text=str(dead))
        elif kind == "event_date":
            day = date(year, 5, 1) + timedelta(days=rng.choice([0, 1, 40]))
            value = DateSpan(start=day, end=day, precision="day", text=str(day))
        elif kind == "duration":
            value = Duration(days=rng.choice([1.0, 3.0]), text="days")
        else:
            value = Actor(actor=rng.choice(PLACES), target=rng.choice([None, *PLACES]))
        terms = rng.sample(WORDS, rng.randint(1, 3))
        out.append(
            Claim(
                id="x",
                source_id="x",
                kind=kind,
                quote="q",
                sentence=f"q {i % 3}",
                start=0,
                end=1,
                sentence_start=0,
                value=value,
                scope=rng.choice(SCOPES) if kind == "casualties" else None,
                about=" ".join(terms[:2]),
                terms=terms,
                entities=rng.sample(PLACES, rng.randint(0, 2)),
                when=when,
                event=[f"@ev:{rng.choice(PLACES).lower()}", f"@ev:y{year}"],
            )  # fmt: skip
        )
    return out


def _copies(stories: int, copies: int, seed: int) -> list[Claim]:
    """`copies` sources per story, each holding the story's claims at its own offsets."""
    rng = random.Random(seed)
    texts = [_story(rng, rng.randint(3, 8)) for _ in range(stories)]
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
