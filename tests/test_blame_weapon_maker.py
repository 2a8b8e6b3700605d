"""Whose weapon it was, not who made it (issue #8): "Varnian shells struck the school" blames Varnia,
but "a Varnian-made missile", "US-supplied bombs" and "Soviet-era rockets" name the weapon's maker,
seller or time, not who fired it. Sentences written for these tests; the places are made up, the
states real where the actor table must know them."""

from __future__ import annotations

import pytest
from read_text import doers_of


@pytest.mark.parametrize(
    "text",
    [
        "The airliner over Ostra was hit by a Russian-made missile.",
        "Russian-made shells struck the school in Ostra.",
        "US-supplied bombs hit the wedding party in Varn.",
        "A Soviet-era rocket landed on the market in Ostra.",
    ],
)
def test_a_weapons_maker_is_not_who_fired_it(text: str) -> None:
    assert doers_of(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russian shells struck the school in Ostra.", "Russia"),
        ("Separatists shot down the airliner over Ostra with a Russian-made missile.", "separatists"),
    ],
)
def test_whose_weapon_it_was_still_names_them(text: str, actor: str) -> None:
    assert actor in doers_of(text)
