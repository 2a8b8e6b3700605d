"""Acts told in other words than an attack verb with its doer (issue #8): many acts told as one ("carried
out a series of attacks on police stations", "launched a wave of air strikes") are the subject's, and a
fired thing coming down on a place ("government shells slammed into the camp") is an attack by whose it
was; a weapon of no one named names no doer. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, str | None]]:
    return [(a.actor, a.target) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels carried out a series of attacks on police stations in Ostra.", ("rebels", "police stations")),
        ("The militia waged a campaign of bombings against the Varn garrison.", ("militia", None)),
        ("The army launched a wave of air strikes on the town of Ostra.", ("army", None)),
    ],
)
def test_a_series_of_acts_is_its_subjects(text: str, expected: tuple) -> None:
    actor, target = expected
    found = blame(text)
    assert actor in [a for a, _ in found]
    if target is not None:
        assert (actor, target) in found


def test_a_series_of_arrests_is_no_attack() -> None:
    assert blame("The army launched a wave of arrests in Ostra.") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Government shells slammed into the Ostra camp on Tuesday.", "government"),
        ("Rebel rockets landed on the market in Varn.", "rebel"),
        ("Army mortar rounds fell on the school at noon.", "Army"),
    ],
)
def test_a_weapon_coming_down_is_an_attack_by_whose_it_was(text: str, actor: str) -> None:
    assert actor.casefold() in [a.casefold() for a, _ in blame(text)]


@pytest.mark.parametrize("text", ["A shell landed on the market in Varn.", "Heavy rain fell on the camp at Ostra."])
def test_a_weapon_of_no_one_named_names_no_doer(text: str) -> None:
    assert blame(text) == []
