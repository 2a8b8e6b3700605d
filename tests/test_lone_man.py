"""One man named as the doer against a state, a body or another man (issue #8): "Lieutenant James
Walker ordered the platoon to fire" beside "the army fired on the crowd". A state acts through its
officers, and two men may have acted together, so no account that names one man whose side it does
not tell contradicts the other; against a movement named as such he stays a rival culprit."""

from __future__ import annotations

import pytest
from read_text import claims_of

from analysis.compare import compare
from claims.actors import AliasTable
from claims.models import Actor, Claim

ALIASES = AliasTable()


def blame(text: str, source: str) -> Claim:
    found = [c for c in claims_of(text) if isinstance(c.value, Actor)]
    assert len(found) == 1, found
    return found[0].model_copy(update={"source_id": source, "id": f"{source}c1"})


MAN = "Witnesses said that James Walker shot the two farmers at the gate of the mill."


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("Witnesses said that Bolivian soldiers shot the two farmers at the gate of the mill.", "unclear"),
        ("Witnesses said that Peter Grant shot the two farmers at the gate of the mill.", "unclear"),
        (
            "Witnesses said that the Northern Liberation Front shot the two farmers at the gate of the mill.",
            "contradict",
        ),
    ],  # fmt: skip
)
def test_a_man_of_no_told_side(other: str, relation: str):
    man, them = blame(MAN, "s1"), blame(other, "s2")
    got, reason = compare(man, them, ALIASES)
    assert got == relation, reason
    assert compare(them, man, ALIASES)[0] == relation


def test_a_name_written_as_a_mans_is_his_whatever_the_model_reads():
    """ "Marek Dolan" is read by the model as an organisation's name, but it is written as one man's."""
    man = blame("Witnesses said that Marek Dolan shot the two farmers at the gate of the mill.", "s1")
    them = blame("Witnesses said that Bolivian soldiers shot the two farmers at the gate of the mill.", "s2")
    assert man.people_names == []  # the model read no person
    assert compare(man, them, ALIASES)[0] == "unclear"


@pytest.mark.parametrize("name", ["the Varna Rangers", "Dal-i-Korvex Pakistan"])
def test_a_body_of_men_or_a_movement_is_no_man(name: str):
    """A plural of a word for people ("Rangers") or a name joined by hyphens is a body, not a man."""
    body = blame(f"Witnesses said that {name} shot the two farmers at the gate of the mill.", "s1")
    them = blame("Witnesses said that Bolivian soldiers shot the two farmers at the gate of the mill.", "s2")
    assert "no account says whose side" not in compare(body, them, ALIASES)[1]


def test_a_titled_name_is_a_mans_whatever_the_model_reads():
    """ "Colonel Vance" is one man, even where the model reads no person in the name."""
    man = blame("Witnesses said that Colonel Vance shot the two farmers at the gate of the mill.", "s1")
    man = man.model_copy(update={"people_names": []})
    them = blame("Witnesses said that Bolivian soldiers shot the two farmers at the gate of the mill.", "s2")
    assert compare(man, them, ALIASES)[0] == "unclear"
