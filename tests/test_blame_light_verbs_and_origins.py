"""More ways an account says who did it (issue #8): the act as the object of a light verb ("the
militia did the killing", "the shooting was done by police"), a side that answered with fire ("the
police responded with live fire"), a part of the deaths put down to a doer ("most of the deaths were
the work of policemen"), and where the shots came from told by whose lines or ranks they were ("the
first shots came from the police lines"). Sentences written for these tests; the groups are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of, doers_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Witnesses said the militia did the killing while the soldiers watched.", "militia"),
        ("The shooting was done by police, the inquiry found.", "police"),
        ("Pupils threw stones, and the police responded with live fire.", "police"),
        ("The strikers jeered, and the guards replied with tear gas.", "guards"),
        ("Most of the deaths were the work of policemen, the historian found.", "policemen"),
        ("The first shots came from the police lines, several marchers said.", "police"),
        ("The first shots came from the ranks of the rebels.", "rebels"),
    ],
)
def test_the_doer_is_read(text: str, actor: str) -> None:
    assert doers_of(text) == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "The army did the fighting in the north.",  # a light verb with no act of violence
        "The army did nothing to stop the killing.",  # nothing done is no act
        "The minister responded with a statement of regret.",  # an answer in words
        "The shots came from the direction of the river.",  # a place that is no side
    ],
)
def test_no_doer_where_none_is_named(text: str) -> None:
    assert blame_of(text) == []


def test_an_answer_with_fire_gives_way_to_the_act_it_tells() -> None:
    """ "answered them with machine guns, firing on unarmed men": the firing names whom it struck."""
    text = "The guards answered them with machine guns, firing on unarmed men in the yard."
    assert [(b.actor, b.target) for b in blame_of(text)] == [("guards", "unarmed men")]
