"""Dates that are no event's (issue #8, fact names): a signature or source line with no verb and no
act ("The Central Committee of the Workers' Party, 15 January 1905", "9 April 2022 (press service of
the railways") dates the text, and "the deadliest police action since 1960" dates an earlier event
by which this one is measured. Neither is a date of what the account tells; both were named
"date" in the report. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import claims_of


def event_years(text: str) -> list[int]:
    return [c.value.start.year for c in claims_of(text) if c.kind == "event_date"]


@pytest.mark.parametrize(
    "text",
    [
        "The Central Committee of the Workers' Party of Ostra, 15 January 1905.",
        "9 April 2022 (press service of the Ostra railways).",
        "It was the deadliest police action in the country since 1960.",
        "The shelling was the worst attack on the city since May 1998.",
    ],
)
def test_a_signature_or_a_record_since_is_no_event_date(text: str) -> None:
    assert event_years(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The siege of the school, 1-3 September 2004.", 2004),  # no verb, but an act
        ("Fighting has gone on in the region since 2014, killing thousands.", 2014),  # no superlative
        # a sentence the parser gave no verb, its date in a phrase of its own: no signature
        (
            "The talks stalled. (Since 1997 the board of three envoys functions in groups with the help of the U.N.",
            1997,
        ),
    ],
)
def test_an_act_without_a_verb_or_a_plain_since_keeps_its_date(text: str, year: int) -> None:
    assert event_years(text) == [year]
