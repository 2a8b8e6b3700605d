"""A movement whose name carries a place is the movement, not the state (issue #8: actors not in
the country table kept as descriptive actors): "Kosovo Liberation Army", "Irish Republican Army",
"Tehrik-i-Taliban Pakistan"; a state's own army ("Pakistan Army") stays the state's. The sentences
are made up."""

from __future__ import annotations

import pytest

from claims.actors import AliasTable


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("Kosovo Liberation Army", None),
        ("Irish Republican Army", None),
        ("Sudan People's Liberation Army", None),
        ("Mali Patriotic Front", None),
        # a state's forces, named by its state or people
        ("Pakistan Army", "Pakistan"),
        ("Syrian Arab Army", "Syria"),
        ("Israel Defense Forces", "Israel"),
    ],
)
def test_a_movement_named_after_a_place_is_not_that_state(name: str, party: str | None):
    assert AliasTable().resolve(name) == party


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Kosovo Liberation Army attacked a police patrol near the border.", "Kosovo Liberation Army"),
        ("The Georgia Liberation Army attacked a police patrol.", "Georgia Liberation Army"),
        # the tagger splits the place off the group's name
        ("The Tehrik-i-Taliban Pakistan (TTP) stormed the school.", "Tehrik-i-Taliban Pakistan"),
        # its acronym, defined before, is the group too
        (
            "The Tehrik-i-Taliban Pakistan (TTP) is banned. The TTP claimed responsibility for the attack.",
            "Tehrik-i-Taliban Pakistan",
        ),
        ("The Mali Army attacked the garrison.", "Mali"),
    ],
)
def test_the_doer_is_the_movement_not_the_state(initiator_values, text: str, actor: str):
    assert [v.actor for v in initiator_values(text)] == [actor]


def test_the_movement_named_before_its_attack_is_the_doer(initiator_values):
    text = "The Tehrik-i-Taliban Pakistan (TTP) attack on the school killed 141."
    assert [v.actor for v in initiator_values(text)] == ["Tehrik-i-Taliban Pakistan"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the state or body a site belongs to, named before it, was hit: it did not attack
        ("The deadliest attack since the 1998 United States embassy bombing in the capital.", []),
        ("The US embassy bombing killed 213.", []),
        ("It was the worst since the Kestrel University College attack.", []),
        # a craft is the doer's own
        ("The Israeli plane strike hit the school.", ["Israel"]),
    ],
)
def test_a_site_s_owner_before_the_attack_is_not_its_doer(initiator_values, text: str, actors: list[str]):
    assert [v.actor for v in initiator_values(text)] == actors
