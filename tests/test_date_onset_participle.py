"""A date on a participle with no subject of its own dates its clause's subject (issue #8): "the
killings took place over three days, beginning on 16 September" dates the killings, "the offensive,
starting on 6 June, drove them north" the offensive. Sentences written for these tests; the places are
made up."""

from __future__ import annotations

from datetime import date

import pytest
from read_text import claims_of

from claims.models import DateSpan


def dates(text: str) -> list[tuple[date, str]]:
    return [(c.value.start, c.about) for c in claims_of(text) if isinstance(c.value, DateSpan)]


@pytest.mark.parametrize(
    ("text", "day", "word"),
    [
        (
            "The killings in Ostra took place over three days beginning on 16 September 1982.",
            date(1982, 9, 16),
            "killings",
        ),
        ("The offensive, starting on 6 June 1982, drove the Varn army north.", date(1982, 6, 6), "offensive"),
        ("Fighting broke out in the capital, beginning on 15 April 2023.", date(2023, 4, 15), "Fighting"),
    ],
)
def test_a_subjectless_onset_dates_its_clauses_subject(text: str, day: date, word: str) -> None:
    assert any(d == day and word in about for d, about in dates(text))


def test_a_participle_with_its_own_subject_keeps_it() -> None:
    # the date is the arrival's, told with its own words
    found = dates("The minister left Varn on Monday, his convoy arriving in Ostra on 3 May 1990.")
    assert any(d == date(1990, 5, 3) and "convoy" in about for d, about in found)
