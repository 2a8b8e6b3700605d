"""Who fired, told by whose fire was answered or came on the others ("returned the fire of the
raiders"), and who set off a riot with an everyday verb ("students started the riot") (issue #8)."""

from __future__ import annotations

import pytest
from read_text import blame_of, doers_of


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The guards at the depot returned the fire of the raiders.", "raiders"),
        ("Its men did no more than answer the fire of the commandos.", "commandos"),
        ("The column came under the fire of insurgent snipers near the bridge.", "insurgent snipers"),
    ],
)
def test_whose_fire_was_answered_or_came_on_the_others_fired(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police did no more than answer the fire of the commandos.",
        "The guards did no more than return the fire of the commandos.",
    ],
)
def test_no_more_than_answering_fire_affirms_whose_it_was(text: str) -> None:
    """ "did no more than answer": only answered, so the commandos fired; no denial of it."""
    assert [(a.actor, a.negated) for a in blame_of(text)] == [("commandos", False)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Students started the riot, the police said.", "students"),
        ("The riot in the market was begun by dock workers.", "dock workers"),
        ("Officials said that agitators had caused the disturbances.", "agitators"),
    ],
)
def test_who_started_or_caused_the_riot_began_the_violence(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The police returned fire.",  # whose fire is not told
        "The rain caused trouble for the marchers.",  # no doer
        "The unrest began on Monday in the port.",  # no doer
    ],
)
def test_no_doer_when_none_is_told(text: str) -> None:
    assert doers_of(text) == []
