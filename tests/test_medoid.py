"""The linear-time medoid (issue #11) picks the member the pairwise sum picked: the same fact names."""

from __future__ import annotations

import random

import pytest

from analysis.medoid import medoid
from claims.models import Claim, Count


def _claim(n: int, about: str) -> Claim:
    return Claim(id=f"s{n}c1", source_id=f"s{n}", kind="casualties", quote="q", sentence="q", start=0, end=1,
                 sentence_start=0, value=Count(low=1, high=1), about=about)  # fmt: skip


def _words(c: Claim) -> set[str]:
    return {w.lower() for w in c.about.split() if len(w) > 2}


@pytest.mark.parametrize("seed", range(8))
def test_medoid_equals_the_pairwise_sum(seed: int):
    rng = random.Random(seed)
    vocab = ["Siege", "town", "shelling", "hospital", "bridge", "of", "the", "convoy"]
    claims = [_claim(n, " ".join(rng.choices(vocab, k=rng.randint(0, 5)))) for n in range(rng.randint(1, 30))]
    claims += rng.sample(claims, min(3, len(claims)))  # the same object twice
    plain = max(claims, key=lambda c: (sum(len(_words(c) & _words(o)) for o in claims if o is not c), -len(c.about)))
    assert medoid(claims, _words) is plain
