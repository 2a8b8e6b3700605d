"""A side's policy is no account of the act (issue #8): "the army does not target civilians", "our
troops never fire on crowds" tell what a side says it never does, in the present; read as denials of the
incident's act, they contradicted every account of the strike. A denial told in the past ("did not fire
on the crowd") still denies the act. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    "text",
    [
        "The Ostran army does not target civilians.",
        "Our soldiers never fire on peaceful crowds.",
        "Velmor's air force does not bomb hospitals, the ministry said.",
    ],
)
def test_a_policy_in_the_present_is_no_blame_claim(text: str) -> None:
    assert blame_of(text) == []


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The troops did not fire on the crowd in Velmor.", "troops"),
        ("The Ostran army never fired on the marchers, the ministry said.", "army"),
        # blame denied in the present is still a denial: only acts of violence are a policy
        ("Responsibility for the shelling of Velmor does not lie with the army.", "army"),
        ("Ostra does not bear responsibility for the attack.", "ostra"),
    ],
)
def test_a_denial_told_in_the_past_still_denies_the_act(text: str, doer: str) -> None:
    assert [(a.actor.split()[-1].lower(), a.negated) for a in blame_of(text)] == [(doer, True)]
