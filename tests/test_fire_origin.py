"""Where the fire came from names who fired (issue #8, rules initiator.origin_nouns): a side's
positions or lines are its own, as its territory or its side are."""

from __future__ import annotations

import pytest
from read_text import doers_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The mortar rounds came from army positions above the valley.", "army"),
        ("Observers said the shells were fired from positions held by the insurgents.", "insurgents"),
    ],
)
def test_fire_from_a_sides_positions_names_that_side(text: str, actor: str) -> None:
    assert actor in doers_of(text)


def test_positions_taken_up_name_no_fire() -> None:
    assert doers_of("The army took up positions along the ridge before dawn.") == []
