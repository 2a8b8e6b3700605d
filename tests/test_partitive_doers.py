"""Some of a group did it (issue #8, claims.initiator_actor._quantity and _antecedent): "a number of
conscripts fired", "the majority of the rioters attacked", "the gendarmes, some of whom fired into the
crowd" name the group as the doers, as "some of the protesters" already did."""

from __future__ import annotations

import pytest
from read_text import blame_of


def doers(text: str) -> list[tuple[str, bool]]:
    return [(a.actor, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A number of conscripts fired into the crowd at the bridge.", "conscripts"),
        ("The majority of the rioters attacked the shops on the main street.", "rioters"),
        ("A handful of militiamen opened fire on the ambulance.", "militiamen"),
        ("The gendarmes, some of whom fired into the crowd, withdrew at dusk.", "gendarmes"),
    ],
)
def test_some_of_a_group_names_the_group_as_doers(text: str, actor: str) -> None:
    assert (actor, False) in doers(text)


def test_the_group_some_of_whom_were_harmed_is_no_doer() -> None:
    found = doers("The villagers, none of whom was armed, were shot by the gendarmes.")
    assert found == [("gendarmes", False)], found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Two bystanders swore that the Lieutenant ordered his platoon to fire.", "Lieutenant"),
        ("Then the Colonel gave the order to shoot.", "Colonel"),
    ],
)
def test_a_title_written_as_a_name_names_the_man(text: str, actor: str) -> None:
    assert (actor, False) in doers(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The dockers, who started the fight, were later arrested.", "dockers"),
        ("The pickets, some of whom started the fight, fled.", "pickets"),
    ],
)
def test_the_people_a_relative_clause_is_on_did_what_it_tells(text: str, actor: str) -> None:
    assert (actor, False) in doers(text)


def test_a_title_written_as_a_name_is_the_man_the_account_names_with_it() -> None:
    text = (
        "Major Ivo Marek commanded the checkpoint that night. Two drivers said the Major ordered the sentries to fire."
    )
    assert ("Ivo Marek", False) in doers(text)
