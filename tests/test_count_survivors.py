"""A toll told by its survivors (issue #8, claims.count_survivors): "none of the 132 people aboard
survived" counts 132 dead; a survival word with no number, or one that says some lived, counts none."""

from __future__ import annotations

import pytest
from read_text import claims_of


def tolls(text: str) -> list[tuple[int | None, str | None, str]]:
    return [(c.value.low, c.scope, c.quote) for c in claims_of(text) if c.kind == "casualties"]


@pytest.mark.parametrize(
    ("text", "low", "scope", "quote"),
    [
        ("None of the 132 people aboard the ferry survived.", 132, "people", "None of the 132 people"),
        ("Of the 57 miners underground, none survived the blast.", 57, "miners", "Of the 57 miners"),
        ("There were no survivors among the 88 passengers.", 88, "passengers", "no survivors among the 88"),
        ("Not one of the 23 hostages survived, the envoy said.", 23, "hostages", "one of the 23 hostages"),
        ("The patrol boat sank and none of the 14 sailors on it survived.", 14, "sailors", "none of the 14"),
    ],
)
def test_none_survived_counts_every_one_of_them_dead(text: str, low: int, scope: str, quote: str) -> None:
    found = tolls(text)
    assert [(n, s) for n, s, _ in found] == [(low, scope)], found
    assert found[0][2].startswith(quote) or quote in found[0][2], found


@pytest.mark.parametrize(
    "text",
    [
        "There were no survivors.",  # no number of people
        "Only three of the 40 hostages survived.",  # some lived: the dead are not written
        "All 12 climbers survived the avalanche.",  # everyone lived
    ],
)
def test_survival_without_a_stated_toll_counts_no_dead(text: str) -> None:
    assert [n for n, _, _ in tolls(text) if n] == []
