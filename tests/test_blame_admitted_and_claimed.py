"""Blame in a doer's own words, told in forms the patterns missed (issue #8): "X admitted to the
killings", "X confessed to the bombing", "the attack, claimed by X, killed 20"; and a hedge the tagger
takes into a group's name at the start of a sentence ("Suspected Ostra Front militants") is no part
of the name, so two accounts' "Ostra Front" stay one party. Sentences written for these tests; the
groups are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    "text",
    [
        "The Ostra Front admitted to the killings.",
        "The Ostra Front confessed to the bombing of the market.",
        "The attack, claimed by the Ostra Front, killed 20 people.",
        "Suspected Ostra Front militants attacked the bus.",
    ],
)
def test_the_group_did_it(text: str) -> None:
    assert [(b.actor, b.negated) for b in blame_of(text)] == [("Ostra Front", False)]


@pytest.mark.parametrize(
    "text",
    [
        "The Ostra Front never admitted to the killings.",  # no admission is no denial either
        "Many lives were claimed by the epidemic.",
    ],
)
def test_no_admission_and_no_claim_of_an_act_name_no_one(text: str) -> None:
    assert blame_of(text) == []
