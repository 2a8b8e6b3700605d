"""A date whose own words are few still dates its act (issue #8): a clock time before the day ("at
about 7:15 on 19 November") is part of when, "the attacks of 12 October were carried out by X"
dates the attacks the sentence tells, a verb conjoined to one with a subject shares it ("broke off
relations in 2006 and restored them in 2009"), and "the three were executed" has a subject. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import datetime as dt

import pytest
from read_text import claims_of

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.nlp import load_nlp
from sources.models import Source, text_sha256


def dates(text: str) -> list[dt.date]:
    return [c.value.start for c in claims_of(text) if c.kind == "event_date"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "At about 7:15 on 19 November 2005, a bomb destroyed a truck in the convoy near Oster.",
            dt.date(2005, 11, 19),
        ),
        ("At 6 a.m. on 3 May 1999 the police raided the camp at Tarn.", dt.date(1999, 5, 3)),
        ("The attacks of 12 October 2002 were carried out by members of the network.", dt.date(2002, 10, 12)),
        # an act named alone; a day the parse hung on the noun before it
        ("The court sentenced two members of the cell behind the Oster attacks of August 2017.", dt.date(2017, 8, 1)),
        (
            "The guards of the convoy opened fire without provocation on Sept. 16, 2007, in the square.",
            dt.date(2007, 9, 16),
        ),
        # a cleft puts the day on "was": what happened is its clause
        ("It was on 5 May 1999 that the troops fired on the crowd at Tarn.", dt.date(1999, 5, 5)),
        ("It was not until 11 January 2020 that Varna admitted shooting down the airliner.", dt.date(2020, 1, 11)),
        # a day the parse hung on the comma after the weekday before it
        ("On Sunday, the 13th April 1919, a large crowd gathered in the square.", dt.date(1919, 4, 13)),
        # a verb conjoined to one with the subject shares it; a subject told by its number
        (
            "Varna broke off relations with Tarn in November 2006 and restored them in November 2009.",
            dt.date(2009, 11, 1),
        ),
        (
            "Two men were sentenced in August 2003, and the three were executed on 9 November 2008.",
            dt.date(2008, 11, 9),
        ),
    ],
)
def test_the_day_of_the_act(text: str, day: dt.date) -> None:
    assert day in dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Published 12 October 2002, 7:15 GMT",  # a stamp, not an act
        "The report of 12 October 2002 was released.",  # a record's date: no act told
    ],
)
def test_no_act_no_date(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On 17 January 1961 the prisoners were flown to Oster. That night, five hours after the plane "
            "landed, the three men were shot near the villa.",
            dt.date(1961, 1, 17),
        ),
        (
            "On 7 May 1945 marchers crossed the square in Oster. A second march at Tarn was broken up by "
            "the police the same evening.",
            dt.date(1945, 5, 7),
        ),
    ],
)
def test_the_same_evening_is_the_day_told_before(text: str, day: dt.date) -> None:
    second = [c for c in claims_of(text) if c.kind == "event_date"][1:]
    assert [c.value.start for c in second] == [day]


def test_the_same_day_needs_one_day_told_before() -> None:
    text = "Between 3 and 9 May 1945 marchers crossed Oster. A march at Tarn was broken up the same evening."
    assert len([c for c in claims_of(text) if c.kind == "event_date"]) == 1


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Rescuers said dozens died in the attack late on Saturday.", dt.date(2018, 4, 7)),
        ("Police said an explosion late on Wednesday destroyed a house in Tarn.", dt.date(2018, 4, 4)),
    ],
)
def test_a_weekday_hung_on_an_adverb_dates_the_act(text: str, day: dt.date) -> None:
    """ "late on Saturday": the parse hangs the day on "late", whose head is the act."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text), published=dt.date(2018, 4, 9))
    found = extract_from_doc(src, load_nlp()(text), AliasTable())
    assert [c.value.start for c in found if c.kind == "event_date"] == [day]
