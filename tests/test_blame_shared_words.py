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


def test_a_participle_with_its_own_subject_is_another_clause() -> None:
    text = (
        "Village elders have asserted that more than 50 people, mostly farmers, were killed in the camp and that"
        " many of the dead were buried by militia fighters in mass graves."
    )
    assert blame(text) == []  # who buried the dead is not said to have killed them


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


@pytest.mark.parametrize(
    ("text", "actor", "began"),
    [
        ("The war that the rebels started has killed thousands.", "rebels", True),
        ("The war the rebels started has killed thousands.", "rebels", True),
        ("This was the attack that the militia carried out.", "militia", False),
        ("The bombing, which was carried out by the militia, killed nine.", "militia", False),
        ("The offensive, which the army launched in May, failed.", "army", False),
    ],
)
def test_a_relative_clause_on_the_act_names_its_doer(text: str, actor: str, began: bool) -> None:
    assert (actor, False, began) in blame(text)


def test_an_act_that_killed_names_no_doer() -> None:
    assert blame("The attack that killed 20 people in Varn was condemned.") == []


@pytest.mark.parametrize("group", ["Hezbollah", "Hamas"])
def test_a_group_before_the_attacks_one_was_killed_in_is_their_doer(group: str) -> None:
    assert [a for a, _, _ in blame(f"Many civilians were killed in {group} attacks.")] == [group]


def test_a_place_one_was_killed_in_is_still_a_place() -> None:
    assert blame("The Ostra shelling was condemned. Three people died in Ostra.") == []
