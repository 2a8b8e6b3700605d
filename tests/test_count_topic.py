"""A toll named in one sentence and given its figures in the next ones (claims.count_topic,
issue #8). Sentences written for these tests; the people and places are made up."""

from __future__ import annotations

from datetime import date

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def counts():
    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str) -> list[tuple[int | None, int | None, str | None]]:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text), published=date(2020, 5, 8))
        claims = extract_from_doc(src, nlp(text), aliases)
        return [(c.value.low, c.value.high, c.scope) for c in claims if c.kind == "casualties"]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The number of Osk villagers killed has never been settled. The governor put it at 210 in 1951 "
            "and later at about 400. Historians' estimates range from 2,000 to 3,000. The exiles give a "
            "figure of 9,000.",
            [(210, 210), (400, 400), (2000, 3000), (9000, 9000)],
        ),
        (
            "How many Osk villagers died is still disputed. The army admitted to about 400 dead. "
            "The exiles have long put the number at 9,000.",
            [(400, 400), (9000, 9000)],
        ),
    ],
)
def test_figures_of_a_toll_named_before_count_its_people(counts, text: str, expected: list[tuple[int, int]]):
    found = counts(text)
    assert [(low, high) for low, high, _ in found] == expected
    # the figures count the people the toll was named for, not "people" at large
    assert all("villagers" in (scope or "") for low, _, scope in found if (low, low) != (400, 400))


@pytest.mark.parametrize(
    "text",
    [
        # no toll named before: a light verb's figure is of something else
        "The ministry raised the alert to level four. It put the damage at 40 houses.",
        # the toll was named in another paragraph
        "The number of villagers killed is disputed.\n\nThe governor put it at 210.",
        # a figure of today is no figure of the event's toll
        "The number of villagers who fled in 1951 is disputed. The current figure of 90,000 includes "
        "their descendants.",
        # a sentence that gives its own figure is no topic for the next one
        "Twelve soldiers were killed on Monday. The ministry put the cost at 40 million.",
    ],
)
def test_no_toll_figures_without_a_toll_named_before(counts, text: str):
    figures = [low for low, _, _ in counts(text)]
    assert figures in ([], [12])


def test_a_toll_figure_told_again_is_not_a_second_count(counts):
    """ "In all 77 died. ... It was later put at 77": the count told in full stays; the revisions stay."""
    text = (
        "A bomb and a shooting in Osk killed 77 people in all.\n\nDeath toll. The first figures given by the "
        "police were much higher: the total rose to 93 before it was revised to 76. It was later put at 77."
    )
    assert sorted(low for low, _, _ in counts(text)) == [76, 77, 93]


@pytest.fixture(scope="module")
def whens():
    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str) -> dict[int, object]:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text), published=date(2020, 5, 8))
        return {c.value.low: c.when for c in extract_from_doc(src, nlp(text), aliases) if c.kind == "casualties"}

    return run


def test_a_toll_figure_is_dated_by_when_it_was_given_not_the_deaths(whens):
    """ "It was revised on 25 July to 76": the day the figure was given, no day of the deaths."""
    found = whens("The death toll of the attack is still disputed. Officials put it at 93, then on 25 July at 76.")
    assert found[93] is None and found[76] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rival figure of the toll the sentence before gave with its own figure
        (
            "No more than 2,500 villagers were killed in the raids on Osk, the commission said. It rejected "
            "the figure of 13,500 that a British writer gave in 1963.",
            [(None, 2500), (13500, 13500)],
        ),
        # a figure of something else counted after a toll is no rival of it
        ("Twelve soldiers were killed on Monday. A total of 40 vehicles were lost.", [(12, 12)]),
    ],
)
def test_a_figure_after_a_toll_told_with_its_figure_is_its_rival(counts, text: str, expected: list):
    found = counts(text)
    assert [(low, high) for low, high, _ in found] == expected
    assert all(scope == "villagers" for _, _, scope in found[:2] if expected[0][1] == 2500)
