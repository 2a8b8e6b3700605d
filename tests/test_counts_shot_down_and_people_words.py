"""Counts of the dead told in two more ways (issue #8): people "shot down" ("troops shot down 69 of
the strikers"; the parser takes the particle for an adverb as often, and an aircraft shot down with
people aboard is no toll of them), and by words for people that the count lexicon lacked ("strikers",
"pickets", "snipers", "fugitives"). Sentences written for these tests; the numbers are made up."""

from __future__ import annotations

import pytest
from read_text import tolls_of


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Troops shot down 69 of the marchers near the bridge.", 69),
        ("Troops shot down 12 protesters in the square.", 12),
        ("The governor had 40 workers shot down at the gates.", 40),
        ("Soldiers shot dead 31 strikers at the mine.", 31),
        ("Guards killed four pickets outside the plant.", 4),
        ("Two snipers were killed in the exchange.", 2),
        ("The three fugitives were put to death.", 3),
    ],
)
def test_the_toll_is_read(text: str, low: int) -> None:
    assert [n for n, _ in tolls_of(text)] == [low]


@pytest.mark.parametrize(
    "text",
    [
        "A missile shot down the airliner with 298 people aboard.",  # aboard, not said to be dead
        "The pilot shot down two enemy aircraft over the sea.",  # no people
    ],
)
def test_no_toll_of_an_aircraft_shot_down(text: str) -> None:
    assert tolls_of(text) == []


def test_no_toll_of_missiles_shot_down() -> None:
    """ "shot down 71 of 103 cruise missiles": a number of things, not of people."""
    assert tolls_of("Air defences shot down 71 of 103 cruise missiles.") == []
