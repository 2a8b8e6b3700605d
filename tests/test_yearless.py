"""Yearless dates (issue #8, FAILURE_MODES 10): "fighting began on November 4" in an undated
excerpt is still a date claim, compared by day and month with other accounts, and shown in
the year those accounts give."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import Vocabulary, align, compatible
from analysis.compare import compare
from analysis.models import Group
from analysis.yearless import placed, years_from_siblings
from claims.actors import AliasTable
from claims.dates import YEAR_UNKNOWN
from claims.models import Actor, Claim, DateSpan

ALIASES = AliasTable()


def day(y: int, m: int, d: int, text: str) -> DateSpan:
    return DateSpan(start=date(y, m, d), end=date(y, m, d), precision="day", text=text)


def dated(cid: str, value: DateSpan, about: str = "fighting began") -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="event_date", quote=value.text, sentence=f"{about} {value.text}.",
                 start=0, end=5, sentence_start=0, value=value, when=value, about=about,
                 terms=["fight", "begin", "troops"])  # fmt: skip


NOV4 = day(YEAR_UNKNOWN, 11, 4, "November 4 (year unknown)")


@pytest.mark.parametrize(
    ("other", "relation"),
    [
        (day(2020, 11, 4, "4 November 2020"), "agree"),
        (day(2020, 11, 2, "November 2, 2020"), "contradict"),
        (day(YEAR_UNKNOWN, 11, 4, "Nov. 4 (year unknown)"), "agree"),
    ],
)
def test_a_yearless_day_compares_by_day_and_month(other: DateSpan, relation: str) -> None:
    a, b = dated("s1c1", NOV4), dated("s2c1", other)
    assert compatible(a, b)
    assert compare(a, b, ALIASES)[0] == relation


def test_a_yearless_day_far_from_the_other_date_is_another_event() -> None:
    assert not compatible(dated("s1c1", NOV4), dated("s2c1", day(2020, 6, 15, "15 June 2020")))


def test_a_yearless_day_is_read_in_the_nearest_year_of_the_other() -> None:
    """Late December against early January of the next year: days apart, not a year."""
    dec = day(YEAR_UNKNOWN, 12, 30, "December 30 (year unknown)")
    assert placed(dec, day(2021, 1, 2, "2 January 2021")).start == date(2020, 12, 30)


def test_grouped_yearless_date_takes_the_year_the_others_give() -> None:
    claims = [dated("s1c1", NOV4), dated("s2c1", day(2020, 11, 4, "4 November 2020")),
              dated("s3c1", day(2020, 11, 4, "November 4, 2020"))]  # fmt: skip
    groups = align(claims, Vocabulary.of(claims)).groups
    assert len(groups) == 1
    group = Group(
        id="g1", kind="event_date", topic="when: fighting began", claim_ids=[c.id for c in claims], status="agree"
    )
    shown = {c.id: c.value for c in years_from_siblings(claims, [group])}
    assert shown["s1c1"].start == date(2020, 11, 4)
    assert "2020" in shown["s1c1"].text


def test_siblings_that_disagree_on_the_year_leave_it_unknown() -> None:
    claims = [dated("s1c1", NOV4), dated("s2c1", day(2020, 11, 4, "4 November 2020")),
              dated("s3c1", day(2021, 11, 4, "4 November 2021"))]  # fmt: skip
    group = Group(id="g1", kind="event_date", topic="when", claim_ids=[c.id for c in claims], status="agree")
    shown = {c.id: c.value for c in years_from_siblings(claims, [group])}
    assert shown["s1c1"].start.year == YEAR_UNKNOWN


@pytest.mark.slow  # loads the spaCy model
def test_an_undated_excerpt_keeps_its_yearless_event_date() -> None:
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    text = "The regional government said the fighting began on November 4 between its troops and the militia."
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text), published=None)
    dates = [c for c in extract_from_doc(src, load_nlp()(text), ALIASES) if c.kind == "event_date"]
    assert [(d.value.start.month, d.value.start.day, d.value.start.year) for d in dates] == [(11, 4, YEAR_UNKNOWN)]


def _blame(cid: str, when: DateSpan) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote="troops stormed the school",
                 sentence="Troops stormed the school.", start=0, end=5, sentence_start=0,
                 value=Actor(actor="Ruritania"), when=when, about="storming")  # fmt: skip


def test_a_yearless_day_may_fall_in_another_accounts_year():
    """ "the Sept. 3 storming" in one account, "two years ago" (a year) in another: which year the
    day is of is unknown, so time does not keep them apart (issue #8); within one account a bare
    day beside a year the writer names is another moment."""
    year = DateSpan(start=date(2004, 1, 1), end=date(2004, 12, 31), precision="year", text="in 2004")
    yearless = day(YEAR_UNKNOWN, 9, 3, "Sept. 3 (year unknown)")
    assert compatible(_blame("s1c1", yearless), _blame("s2c1", year))
    assert not compatible(_blame("s1c1", yearless), _blame("s1c2", year))
