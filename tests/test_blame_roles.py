"""Who did it, told by a role or a modifier (issue #8): "the gunmen responsible for the shooting", "X,
the mastermind of the attacks", "the organiser of the bombings, X", "X was the ringleader of the attack",
"police named X as the organiser of the bombings" name the doer as surely as "X attacked" does. Not a
role in something else ("the architect of the peace deal", "the ministry responsible for security").
Sentences written for these tests; the people and places are made up or used for their names only."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Police arrested the gunmen responsible for the shooting in Velmor.", "gunmen"),
        # the clause the noun stands in says something else: "never found" does not deny the massacre
        ("The militiamen responsible for the massacre were never found.", "militiamen"),
        ("Salah Hamdi, the mastermind of the attacks, was arrested in Ostra.", "Salah Hamdi"),
        ("The organiser of the bombings, Ali Ghufron, was executed in 2008.", "Ali Ghufron"),
        ("Salah Hamdi was the ringleader of the attack on the Velmor depot.", "Salah Hamdi"),
        ("Investigators named Salah Hamdi as the organiser of the bombings.", "Salah Hamdi"),
    ],
)
def test_a_role_in_the_act_names_its_doer(text: str, doer: str) -> None:
    assert [(a.actor, a.negated) for a in blame_of(text)] == [(doer, False)]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry responsible for security in Velmor declined to comment.",
        "The architect of the peace deal, Salah Hamdi, spoke on Sunday.",
        "Salah Hamdi was the organiser of the march.",
    ],
)
def test_a_role_in_no_act_of_violence_names_no_doer(text: str) -> None:
    assert blame_of(text) == []


def test_a_role_denied_is_a_denial() -> None:
    assert [(a.actor, a.negated) for a in blame_of("Salah Hamdi was not the organiser of the bombings.")] == [
        ("Salah Hamdi", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ostra said the operation targeted fighters responsible for the rocket attacks.",
        "Salah Hamdi, the mastermind of the attacks, was killed in a raid on Ostra.",
    ],
)
def test_a_role_of_those_an_act_is_done_to_is_background(text: str) -> None:
    """The sentence tells of the act done to them; who they are is background, as a relative clause
    on them is ("the gunmen who seized the school were killed")."""
    assert not [a.actor for a in blame_of(text) if "fighters" in a.actor or "Hamdi" in a.actor]
