"""Whose figure a count is (issue #8, rules speaker.figure_nouns, figure_verbs): a toll someone
owns or gives is told in their voice, so an account that cites a rival's figure beside its own is
not read as giving both. Sentences written for these tests; the bodies are made up."""

from __future__ import annotations

import pytest
from read_text import claims_of


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in claims_of(text) if c.kind == "casualties"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Kestrian government's official toll is 338.", "The Kestrian government"),
        ("The ministry's figure of 52 dead was disputed by the families.", "The ministry"),
        ("The relief agency gave a figure of 2,000 dead.", "The relief agency"),
    ],
)
def test_the_owner_or_giver_of_a_figure_is_its_voice(text: str, speaker: str) -> None:
    assert speaker in speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Orlen's death toll rose to 300 on Monday.",  # a place's toll: no one's voice
        "The attack's toll rose to 30.",  # an event's
        "Its toll of 52 was disputed.",  # a pronoun names no one
    ],
)
def test_a_place_event_or_pronoun_is_no_voice(text: str) -> None:
    assert speakers(text) == [None]
