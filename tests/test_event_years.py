"""The years a document's event is placed in (issue #8): its headline and lead, else the year
its text names most, else the year it was published. So an undated count of a report with no
year in its lead is of its own days, and never meets a count of a war decades before."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import compatible
from claims.actors import AliasTable
from claims.event import EVENT_YEAR
from claims.extract import extract_from_doc
from claims.models import Claim
from claims.nlp import load_nlp
from claims.years_back import years_back
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _claims(nlp, text: str, sid: str, published: date | None) -> list[Claim]:
    src = Source(id=sid, name=f"{sid}.txt", text=text, sha256=text_sha256(text), published=published)
    return extract_from_doc(src, nlp(text), AliasTable())


def _years(claims: list[Claim]) -> set[str]:
    return {e.removeprefix(EVENT_YEAR) for c in claims for e in c.event if e.startswith(EVENT_YEAR)}


LEAD = "Rescuers dug through rubble in the old town. Families waited outside the hospital. "


@pytest.mark.parametrize(
    ("text", "published", "years"),
    [
        # no year in the lead: the year the text keeps naming
        (LEAD + "The siege of 1994 was recalled. In 1994 the town fell. Some 40 people were killed.", None, {"1994"}),
        # no year in the lead, and the years the text names tie: the year of writing, whose days it tells
        (
            LEAD + "Nobody was spared. In 2019 the miners at Dolsk were shot down. In 2021 we marched. Some "
            "40 of us were killed.",
            date(2021, 1, 28),
            {"2021"},
        ),
        # no year anywhere: the year of publication
        (LEAD + "Some 40 people were killed.", date(2023, 10, 19), {"2023"}),
        # a year in the lead wins
        ("The 1994 siege was recalled on its anniversary. " + LEAD + "Some 40 people were killed.", None, {"1994"}),
        # ... but not a landmark the lead counts from: the day is the worst since then, not of then
        (
            "Some 40 people were killed on Sunday, the worst day in the valley since the militia came in 1988. " + LEAD,
            date(2003, 3, 10),
            {"2003"},
        ),
    ],
)
def test_event_years(nlp, text: str, published: date | None, years: set[str]) -> None:
    assert _years(_claims(nlp, text, "s1", published)) == years


def test_an_undated_report_never_meets_a_count_of_a_past_war(nlp) -> None:
    today = [c for c in _claims(nlp, LEAD + "Some 40 people were killed.", "s1", date(2023, 10, 19))
             if c.kind == "casualties"]  # fmt: skip
    past = [c for c in _claims(nlp, "In the war of 1967, some 900 people were killed in the valley.", "s2", None)
            if c.kind == "casualties"]  # fmt: skip
    assert today and past
    assert not compatible(today[0], past[0])


def test_a_long_name_also_signs_the_event_by_its_words(nlp) -> None:
    """ "the Tarn People's Liberation Front" in one account and "Tarn" in another share "tarn"."""
    text = "The Kestrel People’s Liberation Front attacked an army base on Tuesday. Some 40 people were killed."
    event = set(_claims(nlp, text, "s1", date(2020, 11, 5))[0].event)
    assert "@ev:kestrel" in event


@pytest.mark.parametrize(
    ("text", "published", "years"),
    [
        # a memorial counts back from its own day: the page's stamp year is when it was written
        (
            "Posted 18 Oct 2019. Sunday marks the 15th anniversary of the raid on Keswin, in which "
            "58 people died. Some 58 people were killed.",
            date(2019, 10, 18),
            {"2004"},
        ),
        (
            "Survivors of the Orlen siege two years ago still wait for answers. Some 40 people were killed.",
            date(2006, 12, 22),
            {"2004"},
        ),
        (
            "Marvel Bridge, ten years on: the town rebuilds. Some 40 people were killed in the blast.",
            date(2020, 5, 1),
            {"2010"},
        ),
        # no publication date: nothing to count back from, the lead's years stand
        ("Posted 2019. Sunday marks the 15th anniversary of the raid. Some 58 people were killed.", None, {"2019"}),
        # "a year after" in the body, not in the lead: the lead's own year stands
        (
            LEAD + "The 1994 siege was recalled. " + "Nothing changed. " * 30 + "A year after the siege, "
            "some 40 people were killed.",
            date(2021, 1, 1),
            {"1994"},
        ),
    ],
)
def test_a_lead_counting_years_back_places_its_event(nlp, text: str, published: date | None,
                                                     years: set[str]) -> None:  # fmt: skip
    assert _years(_claims(nlp, text, "s1", published)) == years


def test_a_bylines_writer_is_no_name_of_the_event(nlp) -> None:
    """The reporter signs every piece they write: their name says nothing about which event."""
    text = (
        "By Charles Whitcombe, May 2, 2002\nKESWIN - Some 40 people were killed in the camp at Keswin, officials said."
    )
    events = {e for c in _claims(nlp, text, "s1", date(2002, 5, 2)) for e in c.event}
    assert not any("whitcombe" in e for e in events)
    assert any("keswin" in e for e in events)


def test_a_wires_agency_and_a_photo_credit_are_no_names_of_the_event(nlp) -> None:
    text = ("KESWIN, May 2 (Reuters) - Some 40 people were killed in the camp at Keswin, officials said.\n"
            "Mourners at the funeral. Omar Haddad/AFP\n")  # fmt: skip
    events = {e for c in _claims(nlp, text, "s1", date(2002, 5, 2)) for e in c.event}
    assert not any("reuters" in e or "haddad" in e for e in events)


def test_event_names_are_one_whatever_apostrophe_each_account_types(nlp):
    """ "the People’s Front" and "the People's Front": one name, so two accounts share it."""
    curly = "The Northern People’s Front attacked an army base on Monday. 12 soldiers were killed."
    straight = "The Northern People's Front denied attacking an army base. 12 soldiers died."
    names = [
        {e for c in _claims(nlp, text, sid, date(2021, 5, 3)) for e in c.event if "front" in e}
        for text, sid in ((curly, "s1"), (straight, "s2"))
    ]
    assert names[0] and names[0] == names[1]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("Twenty-two years ago, on this day, warplanes attacked the town.", [1988]),  # not "two years ago"
        ("Two years ago the town was attacked.", [2008]),
    ],
)
def test_event_years_counted_back_by_a_compound_number(sentence: str, years: list[int]):
    assert years_back(sentence, date(2010, 3, 16)) == years


BACKGROUND = " " + LEAD + "The valley had seen a massacre in 1986." + " In 1986 nobody was tried." * 2


@pytest.mark.parametrize(
    ("lead", "published", "years"),
    [
        # a day counted from the day of writing: its year, not the background year the text repeats
        ("Police opened fire on striking miners on Thursday, killing 12.", date(2011, 12, 17), {"2011"}),
        ("Troops fired on the crowd last December, killing 12.", date(2012, 1, 20), {"2011"}),
        ("The shooting of 12 miners yesterday shocked the country.", date(2011, 12, 17), {"2011"}),
        ("Police opened fire on striking miners last week, killing 12.", date(2012, 1, 4), {"2011"}),
        ("Police opened fire on striking miners three days ago, killing 12.", date(2012, 1, 2), {"2011"}),
        # a weekday in a name is no day counted from the page's date
        ("Bloody Sunday is remembered in the valley.", date(2011, 12, 17), {"1986"}),
        # a day and month with no year written: of the year the piece was written in (or the one before)
        ("For three days, from 13 to 15 February, bombers struck the valley.", date(2011, 3, 25), {"2011"}),
        ("Troops fired on the crowd on 28 December, killing 12.", date(2012, 1, 20), {"2011"}),
    ],
)
def test_a_lead_counting_days_from_its_writing_places_its_event(nlp, lead: str, published: date,
                                                                years: set[str]) -> None:  # fmt: skip
    assert _years(_claims(nlp, lead + BACKGROUND + " Some 12 people were killed.", "s1", published)) == years


def test_a_year_after_the_day_of_writing_is_no_year_of_the_event(nlp) -> None:
    """ "a trial set for 2031" is a plan, not when the deaths were."""
    text = "The trial over the shooting is set for 2031. " + LEAD + "Some 40 people were killed."
    assert _years(_claims(nlp, text, "s1", date(2024, 3, 2))) == {"2024"}
