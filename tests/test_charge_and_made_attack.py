"""A rush on a crowd and an attack told with a light verb are attacks by their subject (issue #8,
initiator patterns charge-crowd, made-attack-on); a charge laid against people is not a rush on
them. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, str | None]]:
    return [(a.actor, a.target) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Mounted police charged the crowd outside the Orlen town hall.", "mounted police", "crowd"),
        ("The cavalry then charged the marchers, who scattered.", "cavalry", "marchers"),
        ("The rebels made an attack on the garrison at Keswin.", "rebels", "garrison"),
        ("That night the militia made a fresh assault on the village.", "militia", "village"),
    ],
)
def test_a_rush_on_a_crowd_or_an_attack_made_is_an_attack(text: str, actor: str, target: str) -> None:
    assert (actor, target) in blame(text)


@pytest.mark.parametrize(
    "text",
    [
        "The police charged the demonstrators near the Orlen bridge.",
        "The cavalry then charged the marchers, who scattered.",
    ],
)
def test_the_people_charged_by_a_rush_are_not_blamed(text: str) -> None:
    assert not any(actor in ("demonstrators", "marchers") for actor, _ in blame(text))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Prosecutors charged the protesters with rioting.", "protesters"),
        ("The commander made no attack on the town.", "town"),
    ],
)
def test_a_charge_laid_or_an_attack_not_made_is_no_attack(text: str, target: str) -> None:
    assert not any(a.target == target and not a.negated for a in blame_of(text))
