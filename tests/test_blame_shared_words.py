"""Blame told with a word shared or pointed back to (issue #8): one "by" after passive participles
joined by "and" is the agent of each ("the riot was begun and carried on by students"); "responsible
for it", "for this", "for what happened" point back to the incident; "we" in the words of a side's
leader or commander is that side, as in its spokesman's; "bloodshed", "carnage" and "mayhem" are
violence someone started. Sentences written for these tests; the places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def blame(text: str) -> list[tuple[str, bool, bool]]:
    """(actor, negated, began) of each blame claim read."""
    return [(a.actor, a.negated, a.began) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The disturbance in Ostra was begun and carried on by students of the college.", "students"),
        ("The shooting was ordered and directed by the garrison command.", "garrison command"),
        ("The raid on the Varn depot was planned and carried out by the militia.", "militia"),
    ],
)
def test_one_agent_after_joined_participles_is_each_ones(text: str, actor: str) -> None:
    assert actor in [a for a, _, _ in blame(text)]


def test_a_participle_with_its_own_agent_keeps_it() -> None:
    found = [a for a, _, _ in blame("The farmer was shot by police and beaten by rioters in Ostra.")]
    assert "police" in found
    assert found.count("rioters") <= 1  # the beating's doer, never also the shooting's


@pytest.mark.parametrize(
    "text",
    [
        "The ministry in Varn holds the Ruritanian army fully responsible for it.",
        "The ministry in Varn holds the Ruritanian army responsible for what happened.",
        "The ministry in Varn holds the Ruritanian army responsible for this.",
    ],
)
def test_responsible_for_a_pointer_is_blame_for_the_incident(text: str) -> None:
    assert [(a, n) for a, n, _ in blame(text)] == [("Ruritanian army", False)]


@pytest.mark.parametrize(
    "text",
    ["The new minister is responsible for health care in Varn.", "The council is responsible for the roads."],
)
def test_responsible_for_a_duty_is_no_blame(text: str) -> None:
    assert blame(text) == []


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ('Tom Brack, the union leader, said: "We did not start this fight."', "union"),
        ("The militia commander said: we did not start the war.", "militia"),
    ],
)
def test_a_leaders_we_is_the_side_he_leads(text: str, side: str) -> None:
    assert (side, True, True) in blame(text)


def test_one_mans_we_with_no_title_names_no_side() -> None:
    assert blame('Brack said: "We did not start this fight."') == []


@pytest.mark.parametrize("violence", ["bloodshed", "carnage", "mayhem"])
def test_starting_the_bloodshed_is_beginning_it(violence: str) -> None:
    assert ("gangs", False, True) in [
        (a.split()[-1], n, b) for a, n, b in blame(f"Armed gangs started the {violence}.")
    ]


def test_a_rejected_claim_of_starting_the_bloodshed_is_a_denial() -> None:
    found = blame("The government rejected the claim that the militia started the bloodshed in Ostra.")
    assert ("militia", True, True) in found
