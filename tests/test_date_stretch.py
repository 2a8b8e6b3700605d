"""Two days told as the ends of one stretch are one span of days (issue #8, claims.extract_dates):
"from the evening of 3 May until the morning of 5 May" dates the event 3-5 May, not 3 May and
5 May apart, which another account's "4 May" would then contradict."""

from __future__ import annotations

import pytest
from read_text import claims_of


def dates(text: str) -> list[tuple[int, int, int, int]]:
    """(start month, start day, end month, end day) of each event date read from `text`."""
    return [
        (c.value.start.month, c.value.start.day, c.value.end.month, c.value.end.day)
        for c in claims_of(text)
        if c.kind == "event_date"
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The gunmen held the village from the evening of 3 May until the morning of 5 May.", (5, 3, 5, 5)),
        ("The shelling of the port went on from 29 June to 2 July 1994.", (6, 29, 7, 2)),
        ("Looting continued from the night of 11 March till the afternoon of 13 March.", (3, 11, 3, 13)),
        # each end with its weekday, set off by commas
        ("The gunmen held the village from Tuesday, 3 May, until Thursday, 5 May 1994.", (5, 3, 5, 5)),
        (
            "Looting went on from the evening of Friday, 11 March, until the morning of Sunday, 13 March.",
            (3, 11, 3, 13),
        ),
    ],
)
def test_days_from_one_until_another_are_one_span(text: str, span: tuple[int, int, int, int]) -> None:
    assert dates(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting broke out on 3 May, and a ceasefire was signed on 9 May.",  # two events
        "The rebels moved from the hills on 3 May to the coast, which they reached on 9 May.",
    ],
)
def test_two_days_not_told_as_one_stretch_stay_apart(text: str) -> None:
    assert len(dates(text)) == 2
