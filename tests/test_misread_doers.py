"""Doers the readers took from the wrong words (issue #8): the people fired on read as the ones who
began it, the victims of a raised passive read as its doers, the focus of a cleft read as denied,
and "whose fighters" read as a name (check not_victims on the no-fire-at patterns; check
active_trigger on raised twins; initiator_negation._contrasted; ActorReader._whose). Sentences
written for these tests; the places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


def stances(text: str) -> list[tuple[str, bool]]:
    return [(a.actor, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        # fire said not to have met a crowd says nothing of who began it
        "No shots were fired at the demonstrators in Orlen.",
        "Nobody fired at the marchers on the bridge.",
        "The marchers were not fired upon.",
        # a passive act's raised subject is its victim, not its doer
        "Fourteen persons are reported to have been killed in the disturbances at Orlen.",
        "Two guards are said to have been shot at the Keswin gate.",
    ],
)
def test_no_doer_is_read(text: str) -> None:
    assert stances(text) == []


def test_no_fire_at_soldiers_still_says_they_began() -> None:
    assert ("soldiers", False) in stances("No shots were fired at the soldiers before they opened fire.")


def test_a_raised_active_doer_is_still_read() -> None:
    assert ("rebels", False) in stances("The rebels are believed to have killed the hostages at Orlen.")


@pytest.mark.parametrize(
    "text",
    [
        "It was the army, not the rebels, that set off the explosion on the Orlen railway.",
        "It was the army, not the rebels, that fired first.",
    ],
)
def test_a_cleft_that_sets_another_aside_does_not_deny_its_focus(text: str) -> None:
    found = stances(text)
    assert ("army", False) in found
    assert ("army", True) not in found


def test_whose_men_are_no_doer_called_whose() -> None:
    found = stances("The commander Ivo Rask, whose fighters seized a hospital in January, died in prison.")
    assert not any("whose" in actor for actor, _ in found)


@pytest.mark.parametrize(
    ("text", "doer", "not_doer"),
    [
        # the parser gives the verb the "as" phrase's noun as a second subject: what the doer looked like
        ("A gunman dressed as a policeman killed 30 people at the camp in Orlen.", "gunman", "policeman"),
        ("A man disguised as a police officer opened fire on the crowd.", "man", "police officer"),
    ],
)
def test_a_doer_told_as_another_is_not_that_other(text: str, doer: str, not_doer: str) -> None:
    found = [actor for actor, _ in stances(text)]
    assert doer in found
    assert not_doer not in found
