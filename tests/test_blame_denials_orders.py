"""Blame told by a denial of the act itself, by an order the act was done on, and by a bomb planted
(issue #8): "the army denied the killings", "the colonel denied ordering the shooting", "troops fired
on orders from the governor", "militants planted the bomb". Sentences written for these tests; the
places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, str | None, bool]]:
    return [(a.actor, a.target, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army denied the killings in Oster.", ("army", None, True)),
        ("The militia has denied the shelling of the Tarn camp.", ("militia", "Tarn camp", True)),
        ("The colonel denied ordering the shooting of the prisoners.", ("colonel", "prisoners", True)),
        ("The ministry denied directing the massacre.", ("ministry", None, True)),
        # a denial of wrongdoing
        ("The police have consistently denied any wrongdoing.", ("police", None, True)),
    ],
)
def test_a_denial_of_the_act_says_the_denier_did_not_do_it(text: str, expected: tuple) -> None:
    assert expected in blame(text)


def test_a_denial_of_accusations_against_another_is_no_own_denial() -> None:
    """ "Denied the accusations against the army": whom the accusations name is not the one denying."""
    assert not any(actor == "police" for actor, _, _ in blame("The police denied the accusations against the army."))


@pytest.mark.parametrize(
    ("text", "orderer"),
    [
        ("Troops fired on orders from the commander of the garrison.", "commander"),
        ("The massacre was carried out on the orders of the governor.", "governor"),
        ("The police fired on the governor's orders.", "governor"),
        ("Acting on orders from the general, the troops stormed the radio station.", "general"),
        # watched over, or done under someone's supervision (direction, command)
        ("The garrison commander supervised the massacre.", "garrison commander"),
        ("The shooting was overseen by the governor.", "governor"),
        ("The killings were carried out under the supervision of the governor.", "governor"),
        ("The gendarmes fired under the command of the prefect.", "prefect"),
    ],
)
def test_an_act_done_on_someones_orders_was_had_done_by_them(text: str, orderer: str) -> None:
    assert (orderer, None, False) in blame(text)


def test_supervising_anything_but_violence_is_no_blame() -> None:
    assert blame("The governor supervised the elections in the province.") == []


def test_orders_are_never_whom_the_fire_struck() -> None:
    """ "Fired on orders": "on" names the order, not a target."""
    assert all(target != "orders" for _, target, _ in blame("Soldiers fired on orders from the garrison."))


@pytest.mark.parametrize(
    "text",
    [
        "The militants planted the bomb outside the market.",
        "Two insurgents placed a device under the bridge.",
        # carried, and in the passive
        "Two brothers carried the bombs into the departure hall.",
        "The bomb was planted by the militants outside the market.",
        "The explosives were carried by two brothers.",
    ],
)
def test_who_planted_the_bomb_made_the_attack(text: str) -> None:
    assert any(not negated for _, _, negated in blame(text))


def test_planting_trees_is_no_attack() -> None:
    assert blame("The villagers planted trees along the road.") == []
    assert blame("The soldiers carried the wounded to the truck.") == []


def test_a_relative_word_is_no_target() -> None:
    """ "The story that protesters attacked the police": the parser may take "that" for the object."""
    found = blame_of("The story that protesters attacked the police is a fabrication.")
    assert [(a.actor, a.target) for a in found] == [("protesters", "police")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The riots in Oster were instigated by the rebels.", "rebels"),
        ("The unrest was masterminded by exiled leaders.", "exiled leaders"),
        ("Exiled leaders organised the riots in the capital.", "exiled leaders"),
        ("Agents of the regime incited the crowd to violence.", "regime"),
    ],
)
def test_who_set_off_the_unrest_started_it(text: str, actor: str) -> None:
    assert (actor, None, False) in blame(text)


@pytest.mark.parametrize(
    "text", ["The students organised a protest outside the ministry.", "The police directed the crowd to the square."]
)
def test_organising_a_protest_is_no_violence(text: str) -> None:
    assert blame(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The mob set the customs house alight.", "mob"),
        ("The customs house was set ablaze by the mob.", "mob"),
        ("The villagers were killed by the army's shells.", "army"),
        ("The hostages were killed by the rescuers' gas.", "rescuers"),
    ],
)
def test_fire_set_and_weapons_owned_name_the_doer(text: str, actor: str) -> None:
    assert any(a == actor and not negated for a, _, negated in blame(text))


def test_a_sky_set_ablaze_is_no_attack() -> None:
    assert blame("The setting sun set the sky ablaze over Oster.") == []
