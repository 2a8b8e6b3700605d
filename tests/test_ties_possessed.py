"""A group named as someone's is that one's party (issue #8): "militiamen of Tomas Verrin's Crescent
Alliance" ties the man to the group he leads, "the Valdorian Union's Red Hand Brigades" a wing to its
movement; a state's named proxy or ally ("Ruritania's Sable Group") stays another party. The names and
the sentences are made up."""

from __future__ import annotations

import pytest

from claims.actors import AliasTable
from claims.ties import doc_ties


@pytest.mark.parametrize(
    ("text", "ties"),
    [
        (
            "Militiamen of Tomas Verrin's Crescent Alliance fought the patrol.",
            {"Tomas Verrin": "Crescent Alliance"},
        ),
        ("The Valdorian Union's Red Hand Brigades fired the rockets.", {"Valdorian Union": "Red Hand Brigades"}),
    ],
)
def test_a_group_named_as_someones_is_tied_to_them(text: str, ties: dict[str, str]) -> None:
    assert doc_ties(text, AliasTable()) == ties


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Sable Group took the town.",  # a state's proxy is another party
        "Tomas Verrin's house was searched.",  # no group
        "Tomas Verrin's men fired first.",  # no group's name
    ],
)
def test_no_tie_without_a_group_or_with_a_state(text: str) -> None:
    assert doc_ties(text, AliasTable()) == {}
