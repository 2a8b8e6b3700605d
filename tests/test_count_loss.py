"""'With the loss of 46 sailors': a loss of people is their death (rules triggers.casualties.nouns);
a loss of arms or money counts no one, and 'suffered no losses' may be of arms as well as of men
(rules stated_zero.not_zero_nouns). Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import tolls_of


@pytest.mark.parametrize(
    ("text", "figure", "word"),
    [
        ("The patrol boat Varna sank off Keswin in March with the loss of 46 sailors.", 46, "sailors"),
        ("The ministry admitted the loss of 1,351 soldiers in the Tarn offensive.", 1351, "soldiers"),
    ],
)
def test_a_loss_of_people_is_their_death(text: str, figure: int, word: str) -> None:
    assert any(low == figure and word in (scope or "") for low, scope in tolls_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "The brigade reported the loss of 300 tanks near Keswin.",
        "The Tarn shipyard reported a loss of 12 million dollars last year.",
        "The regiment suffered no losses in the raid on Keswin.",
    ],
)
def test_a_loss_of_things_counts_no_one(text: str) -> None:
    assert tolls_of(text) == []
