"""A compass word alone names the one state of that name the account names (issue #8, X-ACTOR:
qualified demonyms): after "North Korea", "the North" and "the North's artillery" are North Korea.
With two such states named, or none, the word names no one. The sentences are made up."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "North Korea accused South Korea of a provocation. The South shelled the island on Tuesday.",
            ["South Korea", "South Korea"],
        ),
        (
            "North Korean guns shelled the island. Seoul said the North's artillery opened fire first.",
            ["North Korea", "North Korea"],
        ),
        # two states of one compass word: "the South" is neither
        ("South Korea and South Africa held talks. The South shelled the island on Tuesday.", []),
        # none named: no state to read it as
        ("The South shelled the island on Tuesday.", []),
    ],
)
def test_the_short_name_is_the_one_state_the_text_names(initiator_values, text: str, actors: list[str]):
    assert [v.actor for v in initiator_values(text)] == actors
