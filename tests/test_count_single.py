"""One death told without a number (issue #8, claims.count_single): "a policeman was killed" counts
one, as "one policeman was killed" does; an article anywhere else counts nothing."""

from __future__ import annotations

import pytest
from read_text import claims_of


def tolls(text: str) -> list[tuple[int | None, str | None]]:
    """(figure, scope) of each count of dead people in `text`, read with the real model."""
    return [(c.value.low, c.scope) for c in claims_of(text) if c.kind == "casualties"]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("A policeman was killed when the crowd rushed the station.", "policeman"),
        ("The shell killed a shepherd near the river.", "shepherd"),
        ("A student died in hospital two days later.", "student"),
        ("A mortar round killed another conscript on Friday.", "conscript"),
    ],
)
def test_an_article_on_one_dead_person_counts_one(text: str, scope: str) -> None:
    found = tolls(text)
    assert [low for low, _ in found] == [1], found
    assert (found[0][1] or "").startswith(scope)


@pytest.mark.parametrize(
    "text",
    [
        "A sniper killed two guards at the gate.",  # the doer, not the dead
        "A spokesman said the guards were unharmed.",  # no death told
        "A soldier was wounded in the leg.",  # wounded, not dead
        "Nine miners were killed, among them a foreman.",  # a part of the toll, not a toll of its own
        "A total of 90 pupils were killed at the school.",  # "a total of" is no one person
    ],
)
def test_an_article_elsewhere_counts_no_dead(text: str) -> None:
    assert all(low != 1 for low, _ in tolls(text)), tolls(text)
