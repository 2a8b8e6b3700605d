"""What the dead included, listed (issue #8): "the dead included the army chief, two cabinet ministers
and three crew members" counts the ministers and the crew, whatever the list's first member is and
though "ministers" is no word of the count lexicon; the dead say these are people killed. Another
subject's list ("the delegation included two ministers") counts no dead. Sentences written for these
tests; the figures are made up."""

from __future__ import annotations

import pytest
from read_text import tolls_of


@pytest.mark.parametrize(
    ("text", "figure", "word"),
    [
        ("The dead in Ostra included the army chief, two cabinet ministers and three crew members.", 2, "ministers"),
        ("The dead in Ostra included the army chief, two cabinet ministers and three crew members.", 3, "crew"),
        ("Those killed in Varn included a journalist, two doctors and four nurses.", 4, "nurses"),
        ("The dead in Ostra included two ministers.", 2, "ministers"),
    ],
)
def test_what_the_dead_included_is_counted(text: str, figure: int, word: str) -> None:
    assert any(low == figure and word in scope and "included" in scope for low, scope in tolls_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The delegation to Ostra included two ministers and three aides.",
        "Two ministers in Varn were forced from office.",
    ],
)
def test_a_list_that_is_not_the_dead_counts_no_one(text: str) -> None:
    assert tolls_of(text) == []


@pytest.mark.parametrize(
    ("text", "figure", "word"),
    [
        ("Among the dead in Ostra were two ministers and three journalists.", 2, "ministers"),
        ("Two ministers were among the dead in Ostra.", 2, "ministers"),
        ("Among those killed in Varn were two ministers.", 2, "ministers"),
    ],
)
def test_who_was_among_the_dead_is_counted(text: str, figure: int, word: str) -> None:
    assert any(low == figure and word in scope for low, scope in tolls_of(text))


def test_among_the_living_counts_no_one() -> None:
    assert tolls_of("Two ministers were among the guests in Ostra.") == []


@pytest.mark.parametrize(
    ("text", "figure", "word"),
    [
        ("The blast in Ostra killed 120 people. Eighty of the victims were children.", 80, "children"),
        ("The blast in Ostra killed 120 people. Among the victims were 52 women.", 52, "women"),
    ],
)
def test_who_some_of_the_victims_were_is_counted(text: str, figure: int, word: str) -> None:
    """ "The victims", told before, some of whom a number says who they were, are the dead."""
    assert any(low == figure and word in scope for low, scope in tolls_of(text))


@pytest.mark.parametrize(
    "text",
    ["Two of the victims of the fraud in Varn spoke to the court.", "Lawyers for 40 of the victims sued the bank."],
)
def test_what_some_victims_did_counts_no_dead(text: str) -> None:
    assert tolls_of(text) == []
