"""Two readings of blame (issue #8). Rounds fired to light, signal or salute are no attack: "troops
fired illumination flares over the camp" names no one who struck anyone, so it must not stand against
another account's culprit as a rival one. And "their men", "its fighters" are the men of the side the
clause above names, as "its artillery" already was: "the militia denied that their men had killed
anyone" is the militia's denial of its own part. Sentences written for these tests; the groups are
made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers fired illumination flares over the camp through the night.",
        "The troops fired flares to light the road for the militia.",
        "A guard of honour fired a salute over the grave.",
    ],
)
def test_rounds_fired_to_light_or_salute_are_no_attack(text: str) -> None:
    assert blame_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers fired rockets at the camp through the night.",
        "The troops fired tear gas at the marchers.",
    ],
)
def test_rounds_fired_at_people_or_places_stay_attacks(text: str) -> None:
    assert len(blame_of(text)) == 1


@pytest.mark.parametrize(
    ("text", "actor", "negated"),
    [
        ("The Ostra Guards denied that their men had killed anyone in the camp.", "Ostra Guards", True),
        ("The Kell Front said its fighters had attacked the base at dawn.", "Kell Front", False),
    ],
)
def test_their_men_are_the_sides_men(text: str, actor: str, negated: bool) -> None:
    assert [(b.actor, b.negated) for b in blame_of(text)] == [(actor, negated)]


def test_other_peoples_men_stay_whom_they_are() -> None:
    """Control: "their men" struck by others are the villagers' men, not a doer."""
    assert [b.actor for b in blame_of("Villagers said soldiers shot their men in the square.")] == ["soldiers"]
