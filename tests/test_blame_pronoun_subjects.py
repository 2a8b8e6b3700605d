"""Who a pronoun doer stands for (issue #8). "The marchers said they attacked no one": "they" is the
marchers, a word for people as much as a force's name, so the marchers' own denial is read. And a
pronoun that opens its sentence as its subject stands for the subject of the sentence before ("The
militiamen entered the camp at night. They shot families in their homes"), when the two agree: "he"
only for a man named so. Sentences written for these tests; the names are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    ("text", "actor", "negated"),
    [
        ("The marchers said they attacked no one.", "marchers", True),
        ("The villagers said they had beaten the tax collectors.", "villagers", False),
    ],
)
def test_a_pronoun_stands_for_the_people_who_tell(text: str, actor: str, negated: bool) -> None:
    assert [(b.actor, b.negated) for b in blame_of(text)] == [(actor, negated)]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The militiamen entered the camp at night. They shot families in their homes.", "militiamen", "families"),
        ("Tarek Osman fled on foot. He stabbed a driver to death to take his car.", "Tarek Osman", "driver"),
    ],
)
def test_a_pronoun_opening_a_sentence_is_the_subject_before(text: str, actor: str, target: str) -> None:
    assert (actor, target) in [(b.actor, b.target) for b in blame_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The police arrested Tarek Osman at dawn. He stabbed a driver to death to take his car.",  # not a man
        "Witnesses watched from a roof. Then the guards shot them.",  # no pronoun doer
    ],
)
def test_no_doer_the_sentence_before_does_not_give(text: str) -> None:
    assert "police" not in [b.actor for b in blame_of(text)] and "witnesses" not in [b.actor for b in blame_of(text)]
