"""Blame told as a part in the act (issue #8): "the officers participated in the massacre", "the
army was complicit in the killings", "the police had a hand in the shooting". A part in fighting that
has two sides ("took part in the fighting", "participated in the battle") is no blame. Sentences
written for these tests; the places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of

from analysis.parties import same_party


def blame(text: str) -> list[tuple[str, bool]]:
    return [(a.actor, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers of the garrison participated in the massacre at Oster.", ("officers", False)),
        ("The police joined in the killing of the prisoners.", ("police", False)),
        ("The militia engaged in the killing of villagers near Tarn.", ("militia", False)),
        ("The army was complicit in the massacre at Oster.", ("army", False)),
        ("The police had a hand in the shooting of the students.", ("police", False)),
        ("The army had a role in the massacre at Oster.", ("army", False)),
        ("Officers of the garrison participated in killing the prisoners.", ("officers", False)),
        # denials of such a part
        ("The army did not participate in the massacre at Oster.", ("army", True)),
        ("The army had no role in the massacre at Oster.", ("army", True)),
    ],
)
def test_a_part_in_the_act_is_blame_for_it(text: str, expected: tuple) -> None:
    assert expected in blame(text)


@pytest.mark.parametrize(
    "text",
    [
        "Army units took part in the fighting around Oster.",
        "Militiamen who participated in the battle for Tarn were later arrested.",
        "The army participated in the talks at Oster.",
        "The militia played a key role in the war.",
    ],
)
def test_a_part_in_fighting_or_talks_is_no_blame(text: str) -> None:
    assert blame(text) == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the Blackshirts", "Blackshirt", True),
        ("Varnists", "the Varnist", True),
        ("the Red Guards", "Red Guard units", True),
        ("the Varnists", "the Varna", False),
        ("soldiers", "soldier", False),  # words for people, not names: the actor rules read them
    ],
)
def test_a_name_and_its_plural_are_one_party(a: str, b: str, same: bool) -> None:
    assert same_party(a, b) is same
