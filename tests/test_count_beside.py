"""A smaller count of people in general that its own sentence tells beside a larger one counts
some of them, not a rival toll (claims.count_beside, issue #8); figures a sentence gives as
estimates, rivals or revisions stay rival figures. Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.compare import builtin_aliases, compare_counts
from claims.actors import AliasTable
from claims.count_beside import PART_MARKER, mark_smaller_beside
from claims.extract import extract_from_doc
from claims.models import Claim, Count
from claims.nlp import load_nlp
from sources.models import Source, text_sha256


def _count(cid: str, low: int, scope: str | None, sentence: str, speaker: str | None = None,
           kind: str = "casualties") -> Claim:  # fmt: skip
    return Claim(id=cid, source_id=cid[:2], kind=kind, quote=str(low), sentence=sentence, start=0, end=1, sentence_start=0,
                 value=Count(low=low, high=low), scope=scope, speaker=speaker)  # fmt: skip


PARTS = "Two people died at the scene, and twelve more were killed when the bridge fell that night."
RIVALS = [
    "Police said three people were killed, while doctors at the hospital said twelve had died.",
    "The government figure of 3 dead stood for years beside the 12 counted by the church.",
    "The toll first stood at three and rose to twelve by the evening.",
    "The army admitted three deaths; the villagers' committee claims twelve.",
]


def test_a_smaller_general_count_beside_a_larger_one_is_marked_a_part():
    small, large = _count("s1c1", 2, "people", PARTS), _count("s1c2", 12, "people", PARTS)
    marked = mark_smaller_beside([small, large])
    assert marked[0].scope == f"people, {PART_MARKER}"
    assert marked[1].scope == "people"


@pytest.mark.parametrize("sentence", RIVALS)
def test_figures_given_as_estimates_or_revisions_stay_rival_figures(sentence: str):
    claims = [_count("s1c1", 3, "people", sentence), _count("s1c2", 12, "people", sentence)]
    assert [c.scope for c in mark_smaller_beside(claims)] == ["people", "people"]


@pytest.mark.parametrize(
    ("small", "large"),
    [
        # two voices: a dispute between them
        (_count("s1c1", 2, "people", PARTS, speaker="police"), _count("s1c2", 12, "people", PARTS, speaker="medics")),
        # a group of its own: the scope already says whose dead
        (_count("s1c1", 2, "soldiers", PARTS), _count("s1c2", 12, "people", PARTS)),
        # the larger counts a group: the smaller may be another group ("40 villagers, against 12 on the
        # army side")
        (_count("s1c1", 2, "people", PARTS), _count("s1c2", 12, "villagers", PARTS)),
        # another kind: the wounded are no part of the dead
        (_count("s1c1", 2, "people", PARTS), _count("s1c2", 12, "people", PARTS, kind="wounded")),
    ],
)
def test_counts_not_of_one_toll_are_left_as_they_are(small: Claim, large: Claim):
    assert mark_smaller_beside([small, large])[0].scope == small.scope


def test_the_marked_part_is_no_rival_of_another_accounts_toll():
    part = mark_smaller_beside([_count("s1c1", 2, "people", PARTS), _count("s1c2", 12, "people", PARTS)])[0]
    other = _count("s2c1", 14, "people", "Fourteen people were killed when the bridge collapsed.")
    relation, _ = compare_counts(part, other, builtin_aliases())
    assert relation == "different_scope"
    unmarked = part.model_copy(update={"scope": "people"})
    assert compare_counts(unmarked, other, builtin_aliases())[0] == "contradict"


@pytest.mark.slow  # loads the spaCy model
@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("Two people died at the scene, and twelve more were killed when the bridge fell that night.", 2, 12),
        ("Eight people died when the roof collapsed, and two others died later in hospital.", 2, 8),
    ],
)
def test_an_account_read_with_the_model_marks_the_smaller_count(text: str, part: int, whole: int):
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    scopes = {
        c.value.low: c.scope for c in extract_from_doc(src, load_nlp()(text), AliasTable()) if c.kind == "casualties"
    }
    assert (scopes[part] or "").endswith(PART_MARKER)
    assert not (scopes[whole] or "").endswith(PART_MARKER)
