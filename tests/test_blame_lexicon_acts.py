"""Acts told by nouns and light verbs the blame readers did not know (issue #8): an assassination, a
looting or an abduction by someone; fire poured or rained on a place; a charge on a march; an act
ordered by an army's command. Sentences written for these tests; the places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, str | None]]:
    return [(a.actor, a.target) for a in blame_of(text) if not a.negated]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The assassination of the governor by the rebels shocked Varna.", "rebels", "governor"),
        ("Footage showed the looting of shops by soldiers in Oster.", "soldiers", "shops"),
        ("Villagers spoke of the abduction of their teachers by the militia.", "militia", "teachers"),
        ("Witnesses recalled the lynching of two drivers by the mob.", "mob", "two drivers"),
    ],
)
def test_an_act_of_violence_by_someone_names_its_doer(text: str, actor: str, target: str) -> None:
    """ "The assassination of X by Y": the act noun with its "by" names who did it, as "the killing
    of X by Y" does."""
    assert (actor, target) in blame(text)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("At dawn the militia poured machine-gun fire into the miners' camp.", "militia", "miners' camp"),
        ("The gunmen sprayed bullets into the crowd at the Tarn gate.", "gunmen", "crowd"),
    ],
)
def test_fire_poured_or_sprayed_on_a_place_is_an_attack(text: str, actor: str, target: str) -> None:
    assert (actor, target) in blame(text)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The clashes began after police charged a demonstration against the new tax.", "demonstration"),
        ("Mounted police charged the march as it reached the Orlen bridge.", "march"),
    ],
)
def test_a_charge_on_a_march_is_an_attack_on_it(text: str, target: str) -> None:
    assert ("police", target) in blame(text) or ("mounted police", target) in blame(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The shooting was ordered by the military command.", "military command"),
        ("The attack on the depot was planned by the high command.", "high command"),
    ],
)
def test_an_act_ordered_by_an_armys_command_names_the_command(text: str, actor: str) -> None:
    """An army's command is a doer: "ordered by the military command" blames it, as "ordered by the
    general" blames him."""
    assert actor in [a for a, _ in blame(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Troops under the command of Colonel Abel Varga guarded the bridge.",
        "Rain poured into the camp all night.",
    ],
)
def test_a_command_held_or_rain_poured_blames_no_one(text: str) -> None:
    assert blame(text) == []
