"""claims.noun_classes.singular: one word in both numbers, for people nouns and for the event nouns
one account's two dates are told apart by ("another march": analysis.relate._another_of)."""

from __future__ import annotations

import pytest

from claims.noun_classes import singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("guardsmen", "guardsman"),
        ("militias", "militia"),
        ("deputies", "deputy"),
        ("marches", "march"),
        ("crashes", "crash"),
        ("raids", "raid"),
        ("march", "march"),
    ],
)
def test_one_word_in_both_numbers(plural: str, one: str) -> None:
    assert singular(plural) == one
