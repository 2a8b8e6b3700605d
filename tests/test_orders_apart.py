"""Two counts a hundredfold apart are rarely rival figures of one toll (issue #8): "the twelve people
aboard" and "a million killed in 100 days" are two events' dead that an account told side by side.
A stated zero still denies any count, and a vague amount ("thousands") is no figure to be apart from."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Claim, Count


def count(cid: str, low: int, quote: str, vague: bool = False) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="casualties", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, about="killed people", scope="people",
                 value=Count(low=low, high=low, vague=vague),
                 terms=["killed", "people"], event=["@ev:one"])  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # a hundredfold apart: perhaps two events' dead, not a dispute
        (count("s1c1", 12, "killing all twelve people"), count("s2c1", 800_000, "killed about 800,000 people"),
         "unclear"),
        # rival figures of one toll, a few times apart, still contradict
        (count("s1c1", 68, "killed 68 people"), count("s2c1", 300, "killed 300 people"), "contradict"),
        # a stated zero denies any count
        (count("s1c1", 0, "no one was killed"), count("s2c1", 1_400, "killed 1,400 people"), "contradict"),
        # a vague amount is no figure to be a hundredfold from
        (count("s1c1", 2_000, "thousands were killed", vague=True), count("s2c1", 1_000_000, "a million killed"),
         "contradict"),
    ],
)  # fmt: skip
def test_counts_a_hundredfold_apart_are_not_rivals(a: Claim, b: Claim, relation: str):
    voc = Vocabulary.of([a, b])
    got = relation_of(a, b, 1.0, AliasTable(), voc)
    assert got.relation == relation, got.reason
    assert relation_of(b, a, 1.0, AliasTable(), voc).relation == relation
