"""Event time versus statement time (issue #8): the day a figure was said, documented or
marked is not the day of the deaths, so a claim takes its time only from dates of what
happened. Sentences written for these tests; the places are made up."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import compatible
from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import Claim
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model

PUBLISHED = date(2021, 6, 4)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _claims(nlp, text: str, sid: str = "s1") -> list[Claim]:
    src = Source(id=sid, name=f"{sid}.txt", text=text, sha256=text_sha256(text), published=PUBLISHED)
    return extract_from_doc(src, nlp(text), AliasTable())


def _count(nlp, text: str, sid: str = "s1") -> Claim:
    found = [c for c in _claims(nlp, text, sid) if c.kind == "casualties"]
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "The provincial office said on Tuesday that 40 people were killed in the blast at Marvel Bridge.",
        "The rebel commander on Monday claimed responsibility for the raid that killed 12 guards.",
        "Monitors documented on Wednesday the killing of 31 civilians in the village of Orlen.",
        "On Sunday the town marked the anniversary of the blast that killed 17 miners at Keswin.",
        "The agency tweeted on May 15, 2020, that 900 people were killed in the war.",
        # a statement named by a noun: the interviews were yesterday, not the deaths
        "In an interview yesterday with families of the Keswin miners, an official put the dead at 40 people.",
        "At a briefing on Tuesday, the ministry said 60 soldiers had been killed at Orlen.",
        # a day in apposition to the weekday of a memorial: still the memorial's
        "Sunday, October 4, marks the anniversary of the raid that killed 17 miners at Keswin.",
        # a byline's day, one line up, is when the piece was written
        "By Ana Lind, May 6, 2003\nRescuers said 40 people were killed in the camp at Orlen.",
        # a verb that is a statement with the word beside it
        "The command today made public its findings, announcing that 40 people were killed at Orlen.",
        # a year in brackets beside a name or a title cites when the work was written
        "In The Fall of Orlen (1991) Mara Vell estimated that some 200 people were killed.",
        "The historian Vell (1991) estimated that some 200 people were killed at Orlen.",
        # "on" a day after a report of the massacre: when it was reported, whichever word "on" hangs on
        "The weekly reported the massacre on 2 May 1994, saying that soldiers had killed 80 villagers.",
        # a publication's year is when it was written: a book, a study, a report
        "Rumour spread a figure of 200,000, and a 1963 book by the writer Mara Vell put the toll at 135,000.",
        # a count made on a day or by an inquiry of a year is the counting, not the deaths
        "An inquiry by Ana Lind (1998) counted 32 dead at the Orlen depot.",
        "His figure is well above the 32 deaths counted last year by the Lind inquiry.",
        # the day the dead were found, dug up or named is the finding's, not the deaths'
        "The remains of 88 villagers were exhumed from the well at Orlen in 2004.",
        "The 2004 exhumation at Orlen yielded the remains of 88 villagers.",
        "By 2012 the remains of 640 victims had been identified through DNA tests.",
        "Searchers found the bodies of 45 miners near Keswin on 16 January 2020.",
        # a cleft puts the day of the admission in focus, not the day of the deaths
        "It was not until 1990 that the government admitted that its troops had killed 80 villagers at Orlen.",
        "It was only in May 2011 that the army acknowledged that 14 civilians were killed at Keswin.",
    ],
)
def test_a_date_of_saying_is_not_the_time_of_the_deaths(nlp, text: str) -> None:
    assert _count(nlp, text).when is None


def _undated_count(nlp, text: str) -> Claim:
    """A count of a source with no publication date: its days of no year stay of no year."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    return next(c for c in extract_from_doc(src, nlp(text), AliasTable()) if c.kind == "casualties")


def test_a_day_of_no_year_that_dates_a_statement_is_not_the_time_of_the_deaths(nlp) -> None:
    assert _undated_count(nlp, "In a statement on 3 May, the ministry said 46 people had died at Keswin.").when is None
    # the deaths' own day beside it stays theirs
    when = _undated_count(nlp, "In a report on 3 May, the ministry said 46 people died at Keswin on 2 May.").when
    assert when is not None and (when.start.month, when.start.day) == (5, 2)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Forty people were killed on Tuesday in the blast at Marvel Bridge, the office said.", date(2021, 6, 1)),
        ("On March 3, 2019, gunmen killed 12 guards at the Orlen depot.", date(2019, 3, 3)),
        # the day of the deaths beside a statement's day of no year
        ("In a report on 3 May, the ministry said 46 people died at Keswin on 2 May 2014.", date(2014, 5, 2)),
        # a date on the massacre a verb of telling recalls is the massacre's
        (
            "The raid recalled the Orlen massacre of 2 May 1994, when shelling of the depot killed 80 villagers.",
            date(1994, 5, 2),
        ),
        # a cleft whose focus is the day of the act itself
        ("It was on 2 May 1994 that shelling of the depot killed 80 villagers at Orlen.", date(1994, 5, 2)),
    ],
)
def test_a_date_of_the_deaths_stays_their_time(nlp, text: str, day: date) -> None:
    when = _count(nlp, text).when
    assert when is not None and when.start == day


@pytest.mark.parametrize(
    "text",
    [
        "Veterans laid wreaths at Keswin on Sunday, eighty years after raiders attacked the garrison there.",
        "The town held a vigil on Friday, a year after gunmen attacked its market.",
    ],
)
def test_a_date_of_a_clause_before_or_after_is_not_the_acts_time(nlp, text: str) -> None:
    """ "On Sunday, eighty years after troops attacked": the day is the memorial's, the attack's
    time is another one the sentence does not give (issue #8)."""
    (blame,) = [c for c in _claims(nlp, text) if c.kind == "initiator"]
    assert blame.when is None


def test_a_bracketed_year_beside_what_happened_is_its_time(nlp) -> None:
    when = _count(nlp, "The Orlen War (1991) killed some 200 people.").when
    assert when is not None and when.start.year == 1991


def test_of_several_dates_the_ones_beside_the_count_date_it(nlp) -> None:
    """ "the night of 17 October was overshadowed by another charge: on 8 February 1962 nine people
    were killed": the part of the sentence after the colon dates the nine."""
    text = (
        "For years the night of 17 October 1961 was overshadowed by another charge: on 8 February 1962, "
        "at the Keswin station, nine people were killed when police charged a march."
    )
    when = _count(nlp, text).when
    assert when is not None and (when.start, when.end) == (date(1962, 2, 8), date(1962, 2, 8))


def test_a_date_naming_the_event_is_its_time(nlp) -> None:
    when = _count(nlp, "The commission on the 1994 war confirmed that 800 people were killed.").when
    assert when is not None and when.start.year == 1994


def test_two_accounts_dated_by_their_statements_still_meet(nlp) -> None:
    """One toll reported on two days a week apart: the days are of the statements, so
    alignment must not keep the two counts apart as two incidents."""
    a = _count(nlp, "Officials said on Monday that 52 people were killed in the siege of Orlen.", "s1")
    b = _count(nlp, "The ministry announced on Friday that 57 people died in the siege of Orlen.", "s2")
    assert compatible(a, b)


@pytest.mark.parametrize(
    ("text", "month"),
    [
        # the dateline dates the filing; a date the story gives is the deaths'
        ("KESWIN, June 3 - No more than 250 people were killed when raiders burned Keswin in February 1945.", 2),
        # with no other date, the dateline's day stays the count's: a wire most often files on the day
        ("KESWIN, June 3 - At least 250 people were killed in the raids, officials said.", 6),
    ],
)
def test_a_datelines_day_gives_way_to_the_storys_own_date(nlp, text: str, month: int) -> None:
    when = _count(nlp, text).when
    assert when is not None and when.start.month == month and when.end.month == month


def test_a_report_compiled_on_a_day_dates_the_report(nlp) -> None:
    text = "The report compiled by the Keswin police on 15 March 1945 counted 18,375 dead."
    assert _count(nlp, text).when is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a relative clause on a person, named or not, dates that person's own story
        ("Among the wounded was a marcher who emigrated in 1995. Troops had killed 28 people.", None),
        ("Among the wounded was Ana Lind, who emigrated in 1995. Troops had killed 28 people.", None),
        # the sentence's own act still dates what follows
        ("Troops fired on the march at Orlen in 1992. They killed 28 people.", 1992),
    ],
)
def test_a_date_of_one_persons_story_is_not_carried_to_the_next_sentence(nlp, text: str, year: int | None):
    when = _count(nlp, text).when
    assert (when.start.year if when else None) == year
