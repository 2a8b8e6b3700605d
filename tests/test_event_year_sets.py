"""A document whose lead names two years (the year of its event and the year of its inquiry) is
about one of them, not every year between (issue #8): an undated count of it never meets an
undated count of another document placed in a year in the gap."""

from __future__ import annotations

from analysis.align import compatible
from claims.event import EVENT_YEAR
from claims.models import Claim, Count


def toll(cid: str, years: list[int]) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="casualties", quote="40 people were killed",
                 sentence="Some 40 people were killed.", start=0, end=5, sentence_start=0,
                 value=Count(low=40, high=40, text="40"), about="killed", terms=["kill", "people"],
                 event=[EVENT_YEAR + str(y) for y in years])  # fmt: skip


def test_an_undated_count_meets_one_of_its_documents_years() -> None:
    assert compatible(toll("s1c1", [1990, 1996]), toll("s2c1", [1996]))


def test_an_undated_count_does_not_meet_a_year_between_its_documents_years() -> None:
    assert not compatible(toll("s1c1", [1990, 1996]), toll("s2c1", [1993]))
