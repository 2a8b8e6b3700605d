"""A bare "the group" ("the organisation", "the movement") as a doer is the group last named before it
(issue #8): "Prosecutors say the Ostra Liberation Army planned it. Members of the group attacked the
trains." Not an international body or a state the actor table holds, and nobody when no group was
named. Sentences written for these tests; the places, groups and people are made up."""

from __future__ import annotations

import pytest
from read_text import doers_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Brotherhood of Kell is a sect founded in 1987. On Monday, members of the group attacked three trains.",
            "Brotherhood of Kell",
        ),
        (
            "Police said the Northern Front had been active for years. The group attacked the barracks at dawn.",
            "Northern Front",
        ),
        (
            "The Ostra Liberation Army was founded in 1990. Prosecutors say the organisation planned the bombing.",
            "Ostra Liberation Army",
        ),
    ],
)
def test_the_group_is_the_group_named_before(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # an international body is not "the group"
        "The United Nations condemned the raid on Ostra. The group attacked the barracks at dawn.",
        # no group named before
        "Shots rang out in Ostra at dawn. The group attacked the barracks.",
    ],
)
def test_no_group_named_before_names_no_one(text: str) -> None:
    assert doers_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Northern Front was founded in 1990. An armed group attacked the barracks at dawn.",
        # a clause on the group word says which group it is
        "The Northern Front claimed the bombings. All three men belonged to the network that organised the raids in Ostra.",
    ],
)
def test_a_group_word_that_says_which_group_keeps_it(text: str) -> None:
    assert [d for d in doers_of(text) if d == "Northern Front"] == (["Northern Front"] if "claimed" in text else [])
