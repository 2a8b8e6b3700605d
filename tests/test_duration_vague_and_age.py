"""Lengths told by a vague amount or as an age (issue #8): "the firing lasted a few seconds", "the
fighting went on for several hours" are ranges of lengths ("a few" two to five, "several" three to
nine of the unit), and "the 19-day-old war" is 19 days of war; a person's age ("a 19-year-old
student") is no act's length. Sentences written for these tests."""

from __future__ import annotations

import pytest
from read_text import claims_of

from claims.models import Duration

SECOND, HOUR = 1 / 86400, 1 / 24


def lengths(text: str) -> list[Duration]:
    return [c.value for c in claims_of(text) if isinstance(c.value, Duration)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The firing at the gate lasted only a few seconds.", 2 * SECOND, 5 * SECOND),
        ("The firing itself was over in a few seconds.", 2 * SECOND, 5 * SECOND),
        ("The fighting in the square lasted for several hours.", 3 * HOUR, 9 * HOUR),
        ("The shooting went on for a couple of minutes.", 2 * 60 * SECOND, 3 * 60 * SECOND),
    ],
)
def test_a_vague_length_is_a_range(text: str, low: float, high: float) -> None:
    found = lengths(text)
    assert len(found) == 1
    assert found[0].days == pytest.approx(low, rel=0.01) and found[0].high == pytest.approx(high, rel=0.01)


def test_an_acts_age_is_its_length() -> None:
    assert [d.days for d in lengths("The 19-day-old war had already killed hundreds.")] == [19.0]


@pytest.mark.parametrize(
    "text",
    [
        "A 19-year-old student was among the dead.",  # a person's age
        "The fighting lasted several hour.",  # no plural unit: no length read
    ],
)
def test_no_length(text: str) -> None:
    assert lengths(text) == []


def _length_claim(text: str):
    return next(c for c in claims_of(text) if isinstance(c.value, Duration))


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        ("The firing lasted 13 seconds.", "unclear"),  # near a few seconds: said loosely
        ("The firing lasted four seconds.", "agree"),
        ("The firing lasted ten minutes.", "contradict"),  # far beyond any few seconds
    ],
)
def test_a_vague_length_contradicts_only_a_length_far_from_it(other: str, relation: str) -> None:
    from analysis.compare import compare_durations

    vague = _length_claim("The firing lasted only a few seconds.")
    assert compare_durations(vague, _length_claim(other))[0] == relation


def test_a_vague_length_is_shown_in_its_words_and_its_span() -> None:
    from claims.describe import describe_value

    assert describe_value(_length_claim("The fighting lasted for several hours.").value) == "several hours (3–9 hours)"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The return of fire was over within seconds.", "within seconds"),
        ("The building came down within minutes of the strike.", "within minutes"),
    ],
)
def test_a_length_told_by_its_unit_alone(text: str, shown: str) -> None:
    from claims.describe import describe_value

    found = lengths(text)
    assert [describe_value(d) for d in found] == [shown]


def test_within_minutes_against_several_hours_is_a_dispute() -> None:
    """ "came down within minutes" against "stood for several hours after the strike"."""
    from analysis.compare import compare_durations

    quick = _length_claim("The building came down within minutes.")
    slow = _length_claim("The fighting lasted for several hours.")
    assert compare_durations(quick, slow)[0] == "contradict"
