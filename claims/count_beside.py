"""Smaller counts told beside a larger one in the same sentence (issue #8).

"Two people died at the scene, and twelve more were killed when the bridge fell", "eight died
when the roof collapsed, and two others later in hospital": when one sentence gives two figures
of one kind for people in general, and the same voice gives both, the smaller cannot be the
whole toll the larger is: it counts some of them (one place, one moment, one group the parse did
not name). Marked so (", of them"), analysis reads it as a part, never as a rival figure for
another account's toll. Figures a sentence gives as estimates, rivals or revisions of one toll
("the government figure of 187", "first announced 169, later 187", "police said 3, while medics
said 12") stay rival figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.models import Claim, Count
from claims.rules import rules
from claims.running_count import RUNNING_KEYS, says

COUNT_KINDS = frozenset({"casualties", "wounded", "displaced"})
PART_MARKER = "of them"  # a scope marker analysis reads as "some of the others" (rules scope.added_markers)


@lru_cache(maxsize=1)
def _general_words() -> frozenset[str]:
    return frozenset(rules()["scope"]["general"])


@lru_cache(maxsize=1)
def _estimate_words() -> frozenset[str]:
    """Words by which a sentence gives figures of one toll (rules count_link.estimate_words and
    contrast_marks)."""
    r = rules()
    return frozenset({*r["count_link"]["estimate_words"], *r["count_link"]["contrast_marks"]})


def _rival_figures(sentence: str) -> bool:
    """Does the sentence give its figures as estimates, rivals or revisions of one toll?"""
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    return bool(_estimate_words() & words) or any(says(sentence, key) for key in RUNNING_KEYS)


def _general(scope: str | None) -> bool:
    """A scope of people in general ("people", "victims"), with no group, place, part or marker."""
    return bool(scope) and all(w in _general_words() for w in scope.lower().split())  # type: ignore[union-attr]


def _low(claim: Claim) -> float:
    value = claim.value
    assert isinstance(value, Count)
    return value.low if value.low is not None else value.high or 0


def _high(claim: Claim) -> float:
    value = claim.value
    assert isinstance(value, Count)
    return value.high if value.high is not None else value.low or 0


def mark_smaller_beside(claims: list[Claim]) -> list[Claim]:
    """One sentence's claims, each general count below another general count of its kind by the
    same voice marked as a part of that one."""
    counts = [c for c in claims if c.kind in COUNT_KINDS and isinstance(c.value, Count)]
    if len(counts) < 2 or _rival_figures(counts[0].sentence):
        return claims
    counted = {id(c) for c in counts}
    out: list[Claim] = []
    for claim in claims:
        larger = (
            id(claim) in counted
            and _general(claim.scope)
            and any(
                other.kind == claim.kind
                and other.speaker == claim.speaker
                # of people in general too, whatever its marker ("twelve more"): "40 villagers, against
                # 12 on the army side" counts another group
                and _general((other.scope or "").split(",")[0])
                and _low(other) > _high(claim)
                for other in counts
                if other is not claim
            )
        )
        out.append(claim.model_copy(update={"scope": f"{claim.scope}, {PART_MARKER}"}) if larger else claim)
    return out
