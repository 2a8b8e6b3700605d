"""Two readings of who did it and to whom (issue #8). A group word with a name beside it ("the
religious movement Kell Anshin", "the sect Varo Dai") is that group, even when the tagger takes the
name for a building or tags nothing; and a pronoun a verb governs is never that verb's own subject:
"Ostra said that Marova attacked it first" was attacked by Marova, not by itself. Sentences written for
these tests; the places, groups and people are made up (states the actor table knows where a state is
needed)."""

from __future__ import annotations

import pytest
from read_text import blame_of, doers_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the tagger takes the name for a building
        ("The attack was carried out by members of the religious movement Sekai Tower.", "Sekai Tower"),
        # control: a name the tagger takes for an organisation, read before as now
        ("The bombing was carried out by members of the sect Kodo Bridge.", "Kodo Bridge"),
    ],
)
def test_a_group_word_names_the_group_beside_it(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # a place beside the group word says where the group is from, not which group
        "Fighters of the Gaza group fired rockets at the town.",
    ],
)
def test_a_place_beside_a_group_word_is_no_group(text: str) -> None:
    assert "Gaza" not in doers_of(text)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("South Korea said that North Korea attacked it first.", "North Korea", "South Korea"),
        ("Lebanon is resisting an aggression that Israel unleashed upon it.", "Israel", "Lebanon"),
        ("Georgia said on Friday that Russia had attacked it without warning.", "Russia", "Georgia"),
    ],
)
def test_an_object_pronoun_is_not_its_own_verbs_subject(text: str, actor: str, target: str) -> None:
    assert [(b.actor, b.target) for b in blame_of(text)] == [(actor, target)]


def test_a_subject_pronoun_is_still_the_clause_above() -> None:
    """Control: "when it attacked" is the main clause's subject, as before."""
    assert [b.actor for b in blame_of("Georgia provoked the war when it attacked Tskhinvali.")] == ["Georgia"]
