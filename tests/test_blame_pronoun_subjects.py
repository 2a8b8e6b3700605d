"""Who a pronoun doer stands for (issue #8). "The marchers said they attacked no one": "they" is the
marchers, a word for people as much as a force's name, so the marchers' own denial is read.
Sentences written for these tests; the names are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    ("text", "actor", "negated"),
    [
        ("The marchers said they attacked no one.", "marchers", True),
        ("The villagers said they had beaten the tax collectors.", "villagers", False),
    ],
)
def test_a_pronoun_stands_for_the_people_who_tell(text: str, actor: str, negated: bool) -> None:
    assert [(b.actor, b.negated) for b in blame_of(text)] == [(actor, negated)]


def test_a_pronoun_struck_stays_struck() -> None:
    """Control: "they" attacked by others names those others as the doers, not the tellers."""
    assert [(b.actor, b.target) for b in blame_of("Villagers said they were attacked by soldiers.")] == [
        ("soldiers", "villagers")
    ]
