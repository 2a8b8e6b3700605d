"""claims/numbers.py as tables: find_numbers reads a number expression as stated,
parse_amount turns one amount into an int (issue #2).

find_numbers promises number expressions with their qualifier, not counts of
people: percentages, distances and years are filtered later, in context
(claims/context.py), so they are not tested here.
"""

from __future__ import annotations

import pytest

from claims.numbers import NumberMention, find_numbers, parse_amount
from claims.rules import rules


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"bug: {reason}")


def _only(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, f"{text!r}: expected one number, got {[m.count.text for m in found]}"
    return found[0]


# text, low, high, qualifier
STATED = [
    ("over 30,000", 30_000, None, "over"),
    ("more than 1,000", 1_000, None, "more than"),
    ("at least 471", 471, None, "at least"),
    ("no fewer than 12", 12, None, "no fewer than"),
    ("upward of 300", 300, None, "upward of"),
    ("up to 45", None, 45, "up to"),
    ("fewer than 50", None, 50, "fewer than"),
    ("as many as 45", None, 45, "as many as"),
    ("nearly 500", 500, 500, "nearly"),
    ("almost 2,000", 2_000, 2_000, "almost"),
    ("about 200", 200, 200, "about"),
    ("some 120,000", 120_000, 120_000, "some"),
    ("approximately 1,200", 1_200, 1_200, "approximately"),
    ("25,000-30,000", 25_000, 30_000, None),
    ("25,000–30,000", 25_000, 30_000, None),
    ("around 25,000-30,000", 25_000, 30_000, "around"),
    ("between 100 and 300", 100, 300, None),
    ("between 1,500 and 2,000", 1_500, 2_000, None),
    # a hedge after "between" is the range's: "between about 100 and 200"
    ("between about 100 and 200", 100, 200, "about"),
    ("from roughly 300 to 500", 300, 500, "roughly"),
    ("100-to-300", 100, 300, None),
    ("100 to 300", 100, 300, None),
    ("from 10 to 20", 10, 20, None),
    ("10-15 thousand", 10_000, 15_000, None),
    ("a million", 1_000_000, 1_000_000, None),
    ("one million", 1_000_000, 1_000_000, None),
    # fractions of a multiplier
    ("nearly half a million", 500_000, 500_000, "nearly"),
    ("one and a half million", 1_500_000, 1_500_000, None),
    ("a quarter of a million", 250_000, 250_000, None),
    ("three quarters of a million", 750_000, 750_000, None),
    ("1.5 million", 1_500_000, 1_500_000, None),
    ("2m", 2_000_000, 2_000_000, None),
    ("twenty-five", 25, 25, None),
    ("five hundred", 500, 500, None),
    ("one hundred and twenty", 120, 120, None),
    ("30,000", 30_000, 30_000, None),
    ("a dozen", 12, 12, None),
    ("two thousand five hundred", 2_500, 2_500, None),
    # issue #8: alternatives are one vague range, open upper ends, bounds said after the figure
    ("closer to 8,000 or 10,000", 8_000, 10_000, "closer to"),
    ("30, if not 40", 30, 40, None),
    ("six or seven hundred", 600, 700, None),
    ("from 300 to more than 700", 300, None, None),
    ("between 40 and over 60", 40, None, None),
    ("2,000 to 3,000 or more", 2_000, None, None),
    ("1,000 or more", 1_000, None, "or more"),
    ("250,000 and more", 250_000, None, "and more"),
    ("90 or fewer", None, 90, "or fewer"),
    ("12 or so", 12, 12, "or so"),
    ("a minimum estimate of 500", 500, None, "minimum estimate of"),
    ("the maximum estimate of 900", None, 900, "maximum estimate of"),
    ("1-2m", 1_000_000, 2_000_000, None),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier"), STATED)
def test_numbers_find_reads_value_as_stated(text: str, low: int | None, high: int | None, qualifier: str | None):
    count = _only(text).count
    assert (count.low, count.high, count.qualifier) == (low, high, qualifier)
    assert not count.vague


@pytest.mark.parametrize("phrase", ["thousands", "tens of thousands", "hundreds", "dozens", "several hundred",
                                    "hundreds of thousands", "millions", "a few thousand", "several dozen",
                                    "a few dozen"])  # fmt: skip
def test_numbers_find_vague_amount_uses_rules_range(phrase: str):
    low, high = rules()["vague_amounts"][phrase]
    count = _only(f"{phrase} of people").count
    assert count.vague
    assert (count.low, count.high) == (low, high)
    assert low <= high


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials said over 30,000 people were killed.", "over 30,000"),
        ("The toll rose to between 100 and 300 in the town.", "between 100 and 300"),
        ("Nearly 500 soldiers died.", "Nearly 500"),
        ("Tens of thousands fled the valley.", "Tens of thousands"),
        ("Up to 45 villagers were hurt.", "Up to 45"),
        ("As many as 45 troops may have died.", "As many as 45"),
    ],
)
def test_numbers_find_offsets_cover_qualifier_and_number(sentence: str, expected: str):
    mention = _only(sentence)
    assert sentence[mention.start : mention.end] == expected
    assert mention.count.text == expected


def test_numbers_find_several_in_one_sentence():
    text = "The raid killed 300 people, wounded 1,200 and forced some 40,000 to flee."
    found = find_numbers(text)
    assert [(m.count.low, m.count.high) for m in found] == [(300, 300), (1_200, 1_200), (40_000, 40_000)]
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("several hundred to 1,000 or more", 200, None), ("hundreds, if not thousands", 200, 9_999),
     ("dozens to hundreds", 24, 999), ("thousands or more", 2_000, None), ("several hundred to 1,000", 200, 1_000),
     # a hedge below the first figure (found by the property test): the ends in order, never reversed
     ("a million to thousands", 9_999, 1_000_000)],
)  # fmt: skip
def test_numbers_find_vague_range(text: str, low: int, high: int | None):
    """A vague amount opens a range ("several hundred to 1,000 or more"): one claim, not two (issue #8)."""
    count = _only(text).count
    assert count.vague
    assert (count.low, count.high) == (low, high)


@pytest.mark.parametrize(
    "text", ["killed 30 and wounded 40", "30 people, 40 homes", "in 30 villages or 40 towns", "30 of them or more of"]
)
def test_numbers_find_alternatives_only_between_adjacent_figures(text: str):
    """ "or" and "if not" join two figures only when nothing else stands between them."""
    assert all(m.count.low == m.count.high for m in find_numbers(text) if m.count.low == 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's day, its dash, and the story's first figure
        ("ORLEN, March 17 - At least 250 people were killed.", [(17, 17), (250, None)]),
        ("ORLEN, 18 October 1961 - Two people died.", [(18, 18), (1961, 1961), (2, 2)]),
        # a range written with spaces round the dash stays one
        ("Some 300 - 400 people died.", [(300, 400)]),
    ],
)
def test_numbers_find_no_range_across_a_dash_that_opens_a_statement(text: str, expected: list):
    """A dash before a hedge or a capital begins a new statement ("March 17 - At least 250"), no range."""
    assert [(m.count.low, m.count.high) for m in find_numbers(text)] == expected


def test_numbers_find_pair_joined_by_and_gives_two_numbers():
    # "300 and 400" without "between" is two numbers, not a range
    found = find_numbers("The raids killed 300 and 400 people.")
    assert [(m.count.low, m.count.high) for m in found] == [(300, 300), (400, 400)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guesses run from the police figure of 212 to several thousand.", [(212, 212), (2_000, 9_999)]),
        ("Tallies went from an official count of 45 to more than 300.", [(45, 45), (300, None)]),
        ("Reports ranged from the army's own estimate of 9 to 40.", [(9, 9), (40, 40)]),
    ],
)
def test_numbers_find_range_from_one_counters_figure_gives_two_figures(text: str, expected: list):
    """ "from the police figure of 212 to several thousand": two rival figures, not one range."""
    assert [(m.count.low, m.count.high) for m in find_numbers(text)] == expected


@pytest.mark.parametrize("text", ["Guesses run from 212 to 900.", "a toll of 50 to 60", "a figure of 50 to 60"])
def test_numbers_find_plain_range_stays_one_range(text: str):
    assert len(find_numbers(text)) == 1


@pytest.mark.parametrize(
    "text",
    ["", "no figures here", "the army and the police", "a few words", "-,.%",
     # a number word inside a longer word is no number (issue #8: "physical ones" read as 1)
     "wounds of the mind as well as bodily ones", "their loved ones waited", "the 3rd brigade"],
)  # fmt: skip
def test_numbers_find_nothing_in_text_without_numbers(text: str):
    assert find_numbers(text) == []


def test_numbers_find_keeps_thousands_separator_together():
    (mention,) = find_numbers("30,000")
    assert (mention.count.low, mention.start, mention.end) == (30_000, 0, 6)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30,000", 30_000),
        ("471", 471),
        ("one million", 1_000_000),
        ("a million", 1_000_000),
        ("1.5m", 1_500_000),
        ("1.5 million", 1_500_000),
        ("2bn", 2_000_000_000),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2_500),
        ("a hundred", 100),
        ("a dozen", 12),
    ],
)
def test_numbers_parse_amount_reads_one_amount(text: str, value: int):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["", "   ", "abc", "0", "many", "thousand people"])
def test_numbers_parse_amount_none_for_non_amounts(text: str):
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a number of parts is no count: "three quarters of them", "two-thirds of the dead"
        ("The toll was put at about 470, nearly three quarters of them farmers.", ["about 470"]),
        ("Two-thirds of the 90 dead were children.", ["90"]),
        ("One third of the 300 houses burned.", ["300"]),
        # a fraction of a multiplier is still an amount
        ("Some three quarters of a million people fled.", ["Some three quarters of a million"]),
    ],
)
def test_numbers_a_fraction_is_no_count(text: str, found: list[str]):
    assert [n.count.text for n in find_numbers(text)] == found
