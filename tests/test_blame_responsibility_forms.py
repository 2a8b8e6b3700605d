"""Blame told as a part of the responsibility or as someone's responsibility for an act (issue #8):
"bore a share of responsibility for the deaths", "accepted a measure of the blame", "the heavy
responsibility of the authorities for the massacre". A duty ("the responsibility of the state to
protect") blames no one. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, bool]]:
    return [(a.actor, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The report said the government bore an undeniable share of responsibility for the deaths.",
            ("government", False),
        ),
        ("Belgium accepted a share of the blame for the murder of the three prisoners.", ("Belgium", False)),
        ("The government did not bear any share of responsibility for the deaths in Ostra.", ("government", True)),
        (
            "The inquiry acknowledged the heavy responsibility of the colonial authorities for the massacre.",
            ("colonial authorities", False),
        ),
        ("The court spoke of the guilt of the militia in the killings.", ("militia", False)),
        # the parser hangs "bore" on "responsibility" after a verb of saying
        ("Palestinian officials said Israel bore responsibility for the massacre.", ("Israel", False)),
        ("Palestinian officials said Israel bore no responsibility for the massacre.", ("Israel", True)),
    ],
)
def test_a_share_of_responsibility_or_someones_responsibility_blames_them(text: str, expected: tuple) -> None:
    assert expected in blame(text)


@pytest.mark.parametrize(
    "text",
    [
        "The report stressed the responsibility of the state to protect civilians in Ostra.",
        "The mayor took part in the memorial for the victims.",
    ],
)
def test_a_duty_or_a_part_taken_blames_no_one(text: str) -> None:
    assert blame(text) == []


def test_a_denied_responsibility_is_one_denial() -> None:
    # the denier's own denial, told once: not a second claim about "its forces"
    text = "The government denies any responsibility of its forces for the massacre in Ostra."
    assert blame(text) == [("government", True)]
