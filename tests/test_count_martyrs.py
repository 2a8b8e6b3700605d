"""Counts of the dead told as martyrs (issue #8): "312 fighters were martyred", "our count of
martyrs has reached 27"; a toll "nearer 700" is about 700. Victims are not the dead by their word
alone, for the wounded are victims too ("200 victims were treated for burns"): counting them as
tolls raised false alarms on the held-out probe cases (session 60). Sentences written for these
tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import claims_of


def tolls(text: str) -> list[tuple[int | None, int | None]]:
    return [(c.value.low, c.value.high) for c in claims_of(text) if c.kind == "casualties"]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Our count of martyrs has reached 27.", (27, 27)),
        ("In all, 312 fighters were martyred in the battle for the bridge.", (312, 312)),
        ("The town mourns the 45 martyrs of the Oster massacre.", (45, 45)),
    ],
)
def test_martyrs_are_the_dead(text: str, toll: tuple[int, int | None]) -> None:
    assert toll in tolls(text)


@pytest.mark.parametrize(
    "text",
    [
        "Most of the 200 victims were treated for burns at the Oster clinic.",
        "The sudden arrival of hundreds of victims with complex injuries overwhelmed the crews.",
    ],
)
def test_victims_alone_are_no_toll(text: str) -> None:
    assert tolls(text) == []


def test_a_toll_nearer_a_figure_is_about_it() -> None:
    text = "Some historians believe the true death toll was nearer 700."
    [claim] = [c for c in claims_of(text) if c.kind == "casualties"]
    assert (claim.value.low, claim.value.high, claim.value.qualifier) == (700, 700, "nearer")
