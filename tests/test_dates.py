"""claims/dates.py as tables: every date expression becomes an interval with a
precision; relative dates need the publication date (issue #2)."""

from __future__ import annotations

from datetime import date

import pytest

from claims.dates import DateMention, find_dates, overlaps, scan_dates
from claims.models import DateSpan

# A Thursday: "on Tuesday" is two days before it.
PUBLISHED = date(2023, 10, 12)
D = date


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"bug: {reason}")


def _only(text: str, published: date | None = None) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, f"{text!r}: expected one date, got {[m.span.text for m in found]}"
    return found[0]


# text, start, end, precision: the same with and without a publication date
ABSOLUTE = [
    ("September 27, 2020", D(2020, 9, 27), D(2020, 9, 27), "day"),
    ("27 September 2020", D(2020, 9, 27), D(2020, 9, 27), "day"),
    ("the 27th of September, 2020", D(2020, 9, 27), D(2020, 9, 27), "day"),
    ("2020-06-15", D(2020, 6, 15), D(2020, 6, 15), "day"),
    ("in March 1992", D(1992, 3, 1), D(1992, 3, 31), "month"),
    ("in February 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("mid-March 1992", D(1992, 3, 11), D(1992, 3, 20), "month"),
    ("in 1994", D(1994, 1, 1), D(1994, 12, 31), "year"),
    ("since 1975", D(1975, 1, 1), D(1975, 12, 31), "year"),
    ("the 2008 war", D(2008, 1, 1), D(2008, 12, 31), "year"),
    ("summer of 1992", D(1992, 6, 1), D(1992, 8, 31), "season"),
    ("winter of 1992", D(1992, 12, 1), D(1993, 2, 28), "season"),
    ("late 2020", D(2020, 9, 1), D(2020, 12, 31), "season"),
    ("early 1994", D(1994, 1, 1), D(1994, 4, 30), "season"),
    ("the early 1990s", D(1990, 1, 1), D(1993, 12, 31), "decade"),
    ("the 1990s", D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("1993-2003", D(1993, 1, 1), D(2003, 12, 31), "years"),
    ("between 1995 and 1999", D(1995, 1, 1), D(1999, 12, 31), "years"),
    ("from 1997 to 2007", D(1997, 1, 1), D(2007, 12, 31), "years"),
    ("the night of 7 to 8 August 2008", D(2008, 8, 7), D(2008, 8, 8), "days"),
    ("September 19-20, 2023", D(2023, 9, 19), D(2023, 9, 20), "days"),
    ("the night of 30 June to 1 July 2020", D(2020, 6, 30), D(2020, 7, 1), "days"),
    # a list of days: from the first to the last
    ("on 11, 12 and 13 June 2010", D(2010, 6, 11), D(2010, 6, 13), "days"),
    ("on June 3, 4 and 5, 1990", D(1990, 6, 3), D(1990, 6, 5), "days"),
]


@pytest.mark.parametrize("published", [None, PUBLISHED], ids=["no-pubdate", "pubdate"])
@pytest.mark.parametrize(("text", "start", "end", "precision"), ABSOLUTE)
def test_dates_find_absolute_interval_and_precision(text, start, end, precision, published):
    span = _only(text, published).span
    assert (span.start, span.end, span.precision) == (start, end, precision)


# text, start, end, precision, with PUBLISHED (Thursday 12 October 2023)
RELATIVE = [
    ("on Tuesday", D(2023, 10, 10), D(2023, 10, 10), "day"),
    ("on Thursday", D(2023, 10, 12), D(2023, 10, 12), "day"),
    ("last Thursday", D(2023, 10, 5), D(2023, 10, 5), "day"),
    ("yesterday", D(2023, 10, 11), D(2023, 10, 11), "day"),
    # "last night" is the evening before the day of writing; "tonight", "this morning" that day
    ("last night", D(2023, 10, 11), D(2023, 10, 11), "day"),
    ("tonight", D(2023, 10, 12), D(2023, 10, 12), "day"),
    ("this morning", D(2023, 10, 12), D(2023, 10, 12), "day"),
    # "last August" is the August of the year before ("this year's" would be "in August")
    ("last August", D(2022, 8, 1), D(2022, 8, 31), "month"),
    ("last year", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("Oct. 7", D(2023, 10, 7), D(2023, 10, 7), "day"),
    ("on 5 April", D(2023, 4, 5), D(2023, 4, 5), "day"),
    ("May 7", D(2023, 5, 7), D(2023, 5, 7), "day"),
    # a stretch of days counted back: the week (Monday to Sunday) or calendar month before that of writing
    ("last week", D(2023, 10, 2), D(2023, 10, 8), "days"),
    ("last month", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("earlier this week", D(2023, 10, 9), D(2023, 10, 12), "days"),
    ("earlier this month", D(2023, 10, 1), D(2023, 10, 12), "days"),
    ("over the past week", D(2023, 10, 5), D(2023, 10, 12), "days"),
    ("three days ago", D(2023, 10, 9), D(2023, 10, 9), "day"),
    ("a day ago", D(2023, 10, 11), D(2023, 10, 11), "day"),
    ("two weeks ago", D(2023, 9, 25), D(2023, 10, 1), "days"),
    ("a month ago", D(2023, 9, 5), D(2023, 9, 19), "days"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), RELATIVE)
def test_dates_find_relative_resolved_against_publication(text, start, end, precision):
    span = _only(text, PUBLISHED).span
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text", ["on Tuesday", "last August", "last year", "Oct. 7", "on 5 April", "yesterday", "last week", "two days ago"]
)
def test_dates_find_relative_needs_a_publication_date(text: str):
    assert find_dates(text) == []


def test_dates_a_yearless_list_of_days_is_one_mention():
    """ "on 11, 12 and 13 June": one span of days of unknown year, not also "12 and 13 June"."""
    undated = scan_dates("The mahallas were attacked on 11, 12 and 13 June.").undated
    assert [(d.span.start.day, d.span.end.day) for d in undated] == [(11, 13)]


def test_dates_find_no_day_in_the_last_night_of_something():
    assert find_dates("the last night of the siege", PUBLISHED) == []


def test_dates_find_no_day_of_writing_in_a_week_ago_tonight():
    found = find_dates("A week ago tonight, raiders crossed the line.", PUBLISHED)
    assert [m.span.text for m in found if "tonight" in m.span.text.lower()] == []


def test_dates_find_day_without_year_after_new_year_takes_previous_year():
    # published on 3 January: "Dec. 28" is last December, not this one
    span = _only("Dec. 28", date(2024, 1, 3)).span
    assert span.start == date(2023, 12, 28)


def test_dates_find_last_month_in_january_is_the_december_before():
    span = _only("last month", date(2024, 1, 3)).span
    assert (span.start, span.end) == (date(2023, 12, 1), date(2023, 12, 31))


def test_dates_find_last_month_name_is_a_year_back_also_early_in_the_year():
    span = _only("last December", date(2024, 1, 3)).span
    assert (span.start, span.end) == (date(2023, 12, 1), date(2023, 12, 31))


def test_dates_find_day_without_year_takes_an_earlier_year_of_the_text():
    text = "The siege began in 1992. On 5 April the first shells fell on the old town."
    first, second = find_dates(text, PUBLISHED)
    assert first.span.start == date(1992, 1, 1)
    assert (second.span.start, second.span.precision) == (date(1992, 4, 5), "day")


def test_a_news_pieces_day_is_not_placed_by_a_background_paragraphs_year():
    """A report whose title and lead name no year is dated by its publication: the year of a
    background paragraph ("memories of April 1996") does not place a later paragraph's "July 12"."""
    text = (
        "Shelling of river town kills 30\n\n"
        "ORLEN, July 30 - Shells hit the market of Orlen on Sunday, killing 30 people.\n\n"
        "The attack revived memories of April 1996, when a shell hit the same market.\n\n"
        "The war began on July 12 when rebels crossed the river."
    )
    days = [d.span.start for d in find_dates(text, date(2006, 7, 31))]
    assert date(2006, 7, 12) in days and date(1996, 7, 12) not in days


def test_a_day_takes_the_year_the_lead_counts_back_to():
    """An anniversary piece whose lead counts back to its event ("Ten years ago today") places the
    later paragraphs' days in that year, not in the year of publication (issue #8: yearless dates
    placed by the event they belong to)."""
    text = (
        "Ten years after the Orlen raid\n\n"
        "Ten years ago today, troops raided the camp at Orlen.\n\n"
        "On Oct. 6 a mortar round killed a soldier, and on June 5 an ambush had killed 24 guards."
    )
    days = [d.span.start for d in find_dates(text, date(2003, 10, 3))]
    assert date(1993, 10, 6) in days and date(1993, 6, 5) in days


@pytest.mark.parametrize(
    "text",
    [
        # a history that names its year in the lead carries it on to the next paragraphs
        "The siege of Orlen (1992)\n\nThe siege began in April 1992.\n\nOn 5 May the first shells fell on the town.",
        # a year in the same paragraph places the day, whatever the publication
        "Shelling of Orlen\n\nShells hit Orlen on Sunday.\n\nThe siege began in April 1992. On 5 May the first shells fell.",
    ],
)
def test_a_day_takes_the_year_of_its_history(text: str):
    days = [d.span.start for d in find_dates(text, date(2024, 1, 15))]
    assert date(1992, 5, 5) in days


def test_dates_find_day_without_year_is_never_well_after_publication():
    """The text's latest year would put "13 November" eight months after the piece was published:
    it was the November before."""
    text = "The bombings of 22 March 2016 came four months after the 13 November attacks in the capital."
    first, second = find_dates(text, date(2016, 3, 26))
    assert first.span.start == date(2016, 3, 22)
    assert second.span.start == date(2015, 11, 13)


def test_dates_find_day_written_with_its_year_before_places_it_again():
    """ "on 4 May 1970 ... arrived in April 1969 ... Around noon on 4 May": the day the lead dated,
    not the year named in between; a day shortly after it is of its year too (issue #8)."""
    text = (
        "Guardsmen fired on students on 4 May 1970. The unit had been formed in April 1969. "
        "Around noon on 4 May the shooting began. On 9 May the campus was shut."
    )
    spans = [(d.span.text, d.span.start) for d in find_dates(text)]
    assert ("4 May", date(1970, 5, 4)) in spans
    assert ("9 May", date(1970, 5, 9)) in spans


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        # an earlier year named in passing between a dated day and a later day and month
        (
            "The revolt began on 16 June 1976, against the language decree of 1974. "
            "On 18 June more were killed in the next township.",
            None,
            [date(1976, 6, 16), date(1974, 1, 1), date(1976, 6, 18)],
        ),
        # the same day and month told again is the day placed before
        (
            "On 16 June the schoolchildren of the township rose against the language decree of 1974. "
            "Nearly 200 were killed on 16 June alone.",
            date(1976, 12, 16),
            [date(1976, 6, 16), date(1974, 1, 1), date(1976, 6, 16)],
        ),
        # a later year named between moves the story on: its days are of that year
        (
            "The war began on 1 September 1939. In 1944 the tide turned. On 6 June the Allies landed.",
            None,
            [date(1939, 9, 1), date(1944, 1, 1), date(1944, 6, 6)],
        ),
        # the eve of days dated in full, told after a year named in passing: of their year
        (
            "The attacks in Orlen on 17 and 18 August 2017 followed one in Varn in July 2016.\n\n"
            "On the night of 16 August a blast destroyed a house in Alcan.",
            None,
            [date(2017, 8, 17), date(2016, 7, 1), date(2017, 8, 16)],
        ),
        # a day months after the dated one is no step of its sequence
        (
            "The strike began on 2 February 1980, against the wage law of 1978. On 20 October talks resumed.",
            None,
            [date(1980, 2, 2), date(1978, 1, 1), date(1978, 10, 20)],
        ),
    ],
)
def test_a_day_after_a_dated_day_is_not_of_a_year_named_in_passing(text: str, published: date | None,
                                                                  days: list[date]):  # fmt: skip
    assert [d.span.start for d in find_dates(text, published)] == days


@pytest.mark.parametrize(
    "text",
    [
        "The toll may rise in the coming days.",
        "Aid may 5 times exceed the need.",
        "May God keep them safe.",
        "Officials warned that fighting may resume.",
    ],
)
def test_dates_find_may_as_a_verb_is_not_a_date(text: str):
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "In March 20 percent of the villages were empty.",
        "Support fell to 27% in Sept. 27% of those asked agreed.",
        "Turnout was 19 per cent lower.",
        "Prices rose 2020 percent.",
    ],
)
def test_dates_find_percentage_is_not_a_date(text: str):
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 2000 soldiers died.",
        "About 1500 people were killed.",
        "Some 1995 families fled the valley.",
        "Over 1800 homes burned.",
    ],
)
def test_dates_find_count_without_separator_is_not_a_year(text: str):
    assert find_dates(text, PUBLISHED) == []


@pytest.mark.parametrize("text", ["September 31, 2020", "February 30, 2021", "the 45th of May 2001"])
def test_dates_find_impossible_day_gives_no_date(text: str):
    assert [m for m in find_dates(text) if m.span.precision == "day"] == []


def test_dates_find_offsets_point_at_the_date():
    text = "The ceasefire took effect in May 1994 after years of war."
    mention = _only(text)
    assert text[mention.start : mention.end] == "May 1994"
    assert not mention.relative


def test_dates_find_marks_relative_mentions():
    assert _only("on Tuesday", PUBLISHED).relative
    assert not _only("27 September 2020", PUBLISHED).relative


@pytest.mark.parametrize(
    "text", ["On Sunday, the 13th April 1919, a crowd gathered.", "It began on Sunday 13 April 1919 at dawn."]
)
def test_dates_find_weekday_before_a_date_names_that_date(text: str):
    """ "On Sunday, the 13th April 1919": the weekday is the date written after it, not the last
    Sunday before publication."""
    assert [(d.span.start, d.span.precision) for d in find_dates(text, PUBLISHED)] == [(date(1919, 4, 13), "day")]


def test_dates_weekday_that_the_year_given_a_day_does_not_bear_leaves_the_year_unknown():
    """ "Before dawn on Tuesday 18 April" in a memoir dated 22 April 2005 that names no year: 18 April
    2005 was a Monday, so the day is not of 2005; its year is unknown (the other accounts may give
    it), and the weekday is no Tuesday before publication either. Where the weekday fits, the day
    keeps its year, and the weekday is that day, told once."""
    memoir = date(2005, 4, 22)
    found, _, undated = scan_dates("The troops had surrounded the camp before dawn on Tuesday 18 April.", memoir)
    assert found == [] and [(d.span.start, d.span.precision) for d in undated] == [(date(1, 4, 18), "day")]
    found, _, undated = scan_dates("The troops had surrounded the camp before dawn on Monday 18 April.", memoir)
    assert [d.span.start for d in found] == [date(2005, 4, 18)] and undated == []
    # 29 February has no place in a year of unknown number (year 1 is no leap year): left as it was
    found, _, undated = scan_dates("The camp was closed on Monday 29 February.", date(2004, 3, 10))
    assert [d.span.start for d in found] == [date(2004, 3, 8), date(2004, 2, 29)] and undated == []


def test_dates_find_weekday_apart_from_a_date_is_still_read():
    text = "On Sunday the troops fired. On 13 April 1919 the crowd gathered."
    assert [d.span.start for d in find_dates(text, PUBLISHED)] == [date(2023, 10, 8), date(1919, 4, 13)]


def test_dates_scan_reports_unplaced_day_without_year():
    text = "The convoy left on 5 April."
    found, unplaced, undated = scan_dates(text)
    assert found == []
    assert len(unplaced) == 1
    start, end = unplaced[0]
    assert "5 April" in text[start:end]
    assert [(d.span.start.month, d.span.start.day) for d in undated] == [(4, 5)]


def test_dates_find_several_in_order_without_overlap():
    text = "Fighting broke out in 1991, peaked in the summer of 1992 and ended on 12 May 1994."
    found = find_dates(text)
    assert [m.span.precision for m in found] == ["year", "season", "day"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("a", "b", "slack", "expected"),
    [
        ((D(2020, 6, 1), D(2020, 6, 30)), (D(2020, 6, 15), D(2020, 6, 15)), 0, True),
        ((D(2020, 6, 15), D(2020, 6, 15)), (D(2020, 6, 16), D(2020, 6, 16)), 0, False),
        ((D(2020, 6, 15), D(2020, 6, 15)), (D(2020, 6, 16), D(2020, 6, 16)), 1, True),
        ((D(1990, 1, 1), D(1999, 12, 31)), (D(2000, 1, 1), D(2000, 12, 31)), 0, False),
    ],
)
def test_dates_overlaps_shares_a_day(a, b, slack, expected):
    sa = DateSpan(start=a[0], end=a[1], precision="days")
    sb = DateSpan(start=b[0], end=b[1], precision="days")
    assert overlaps(sa, sb, slack) is expected
    assert overlaps(sb, sa, slack) is expected


def test_a_day_and_month_takes_the_year_stated_just_after_it():
    """ "between 15 September and 18 September 1982": the first day is of 1982, not of the
    publication year (issue #8, FAILURE_MODES 10)."""
    text = "On 15 September, and again on 18 September 1982, the camp was shelled."
    found = scan_dates(text, date(2014, 9, 16)).found
    assert [d.span.start for d in found] == [date(1982, 9, 15), date(1982, 9, 18)]
    # another clause's year is not this day's: the publication year stays
    text = "Militias entered on 16 September; by 18 September 1982 hundreds were dead."
    assert scan_dates(text, date(2014, 9, 16)).found[0].span.start == date(2014, 9, 16)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a day told well before the dated day of its sentence is of that day's year
        ("On 3 March, the militia entered the village, and only by 5 March 1990 had it left.", date(1990, 3, 3)),
        ("On March 3 the militia entered the village and stayed there until March 20, 1990.", date(1990, 3, 3)),
        # across a new year: the December before the dated January
        ("On 30 December, soldiers reached the valley, and they left it on 2 January 1991.", date(1990, 12, 30)),
        # an abbreviated month's stop ends no sentence
        ("On Dec. 3 the militia entered the village and left it on Dec. 5, 1990.", date(1990, 12, 3)),
        # the later day is months away: no sequence, the publication year stays
        ("On 3 March, visitors came to the memorial; on 5 September 1990 it was closed.", date(2020, 3, 3)),
        ("On 3 March, visitors came to the memorial, which had been closed on 5 September 1990.", date(2020, 3, 3)),
        # a colon cuts the sentence in two parts with their own times
        ("On 3 March the memorial was closed again: on 5 March 1990 it had been shut for good.", date(2020, 3, 3)),
    ],
)
def test_a_day_takes_the_year_of_a_later_dated_day_of_its_sentence(text: str, day: date):
    """A retrospective piece written in 2020 (issue #8): "on 3 March ... by 5 March 1990" tells two
    days of one sequence, not a day of 2020 and one of 1990 (which made the claim's time span thirty
    years and meet every other event in them)."""
    assert scan_dates(text, date(2020, 3, 10)).found[0].span.start == day


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("They fled between April and December, 1948, the records show.", date(1948, 4, 1), date(1948, 12, 31)),
        ("From March to May 1992 the town was shelled.", date(1992, 3, 1), date(1992, 5, 31)),
        ("The siege lasted from November to February 1993.", date(1992, 11, 1), date(1993, 2, 28)),
    ],
)
def test_a_range_of_months_of_one_year(text: str, start: date, end: date):
    (found,) = scan_dates(text).found
    assert (found.span.start, found.span.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # counted from the day the text stated last (FAILURE_MODES 5)
        ("On April 7, 2002, an official gave a toll. Five days later, when the fighting stopped, another gave one.",
         date(2002, 4, 12)),
        ("The siege began on 1 September 2004. It ended three days later.", date(2004, 9, 4)),
        ("The truce was signed on 10 May 2021. Two days earlier, the shelling had stopped.", date(2021, 5, 8)),
        # the day after the last stated day, told without a number
        ("Troops entered Orlen on 12 May 1999. The following day, they shelled the market.", date(1999, 5, 13)),
        ("Troops entered Orlen on 12 May 1999. The next morning they shelled the market.", date(1999, 5, 13)),
        ("Troops entered Orlen on 12 May 1999, and the day after, they shelled the market.", date(1999, 5, 13)),
        # "on the third day": the day stated last is the first
        ("The siege of Orlen began on 1 September 2004. On the third day, troops stormed the school.",
         date(2004, 9, 3)),
    ],
)  # fmt: skip
def test_an_offset_counts_from_the_last_stated_day(text: str, day: date):
    found = scan_dates(text).found
    assert found[-1].span.start <= day <= found[-1].span.end


@pytest.mark.parametrize(
    "text",
    [
        "Five days later, the fighting stopped.",  # nothing to count from
        "It happened on 1 May 2001.\n\nThe next chapter. Three days later, talks resumed.",  # another paragraph
        "The next day, the fighting stopped.",
    ],
)
def test_an_offset_with_no_day_before_it_is_no_date(text: str):
    assert all(not d.span.text.lower().endswith(("later", "day")) for d in scan_dates(text).found)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Twenty-two years ago, the town was shelled.", 2001),  # not "two years ago"
        ("Forty-five years ago today the camp was raided.", 1978),
        ("Two years ago the town was shelled.", 2021),
    ],
)
def test_dates_find_years_ago_in_a_compound_number(text: str, year: int):
    (mention,) = find_dates(text, PUBLISHED)
    assert mention.span.start.year == year


def test_dates_scan_a_leap_day_without_a_year_is_left_unplaced():
    """ "On 29 February the van was stopped", no year known: unplaced, never a crash."""
    scan = scan_dates("On 29 February the van was stopped. Two days before, on 27 February, it was bought.")
    assert scan.found == [] and len(scan.unplaced) == 2
    assert [d.span.start.day for d in scan.undated] == [27]
    text = "On 29 February 2004 the van was stopped. On 29 February the police said so."
    assert [d.span.start for d in find_dates(text)] == [date(2004, 2, 29), date(2004, 2, 29)]


@pytest.mark.parametrize("text", ["Earlier this month, 40 bodies were found.", "Three days ago, 40 bodies were found."])
def test_scan_dates_leaves_loose_days_to_the_lead_and_out_of_counts(text: str):
    """A claim is not dated by "earlier this month" (when it was found, or the week of a republished
    page), and "three" of "three days ago" is no count: the span is date-like text all the same."""
    scan = scan_dates(text, PUBLISHED)
    assert scan.found == []
    assert [text[a:b].lower() for a, b in scan.unplaced] in (["this month"], ["three days ago"])
    assert len(find_dates(text, PUBLISHED)) == 1


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # the 14th of the month of writing was a Thursday
        ("The strike was broken on Thursday the 14th by mounted police.", date(1912, 3, 27), date(1912, 3, 14)),
        # the month of writing's 28th is yet to come: the month before's, a Sunday
        ("Shots rang out on Sunday the 28th near the docks.", date(1999, 3, 12), date(1999, 2, 28)),
        ("On Saturday, the 3rd, the garrison surrendered.", date(1860, 11, 16), date(1860, 11, 3)),
        # "of this month": the month of writing's, the weekday taken as written
        ("On Friday the 2nd of this month our sentries were fired upon.", date(1804, 6, 11), date(1804, 6, 2)),
        # with the month after it, the date says the day: one date, not also the last Tuesday
        ("The rising began on Tuesday the 17th of October.", date(1961, 10, 26), date(1961, 10, 17)),
    ],
)
def test_dates_weekday_with_a_day_of_the_month_is_that_day(text: str, published: date, day: date):
    """ "On Thursday the 14th": the day of the month names the date, the weekday confirms it; not the
    last Thursday before the day of writing."""
    assert [(d.span.start, d.span.end) for d in find_dates(text, published)] == [(day, day)]


def test_dates_weekday_with_a_day_no_recent_month_bears_is_no_date():
    """ "On Wednesday the 17th" in a text of 26 October 1961: neither 17 October nor 17 September
    was a Wednesday, so the text is from long after; no date, and not the last Wednesday either."""
    found, unplaced, _ = scan_dates("The rising began on Wednesday the 17th.", date(1961, 10, 26))
    assert found == [] and unplaced


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "February last": the last 22 February before writing, not the year the text named before
        ("The regiment landed in 1768. On the 22nd of February last a customs man fired.", date(1770, 2, 22)),
        ("The regiment landed in 1768. On 9 November last the mob rose.", date(1769, 11, 9)),
        # "last year": the year before writing's, whatever the month
        ("The regiment landed in 1768. On 5 February last year the mob rose.", date(1769, 2, 5)),
        ("The regiment landed in 1768. On 9 November last year the mob rose.", date(1769, 11, 9)),
        # no "last": the year the text named before
        ("The regiment landed in 1768. On 22 February the mob rose.", date(1768, 2, 22)),
        # a month's short name inside a word is no month: "1st Marines", "20 Marines" are no dates
        ("The regiment landed in 1768. On 5 March the 1st Marines and 20 Marines more came ashore.", date(1768, 3, 5)),
    ],
)
def test_dates_day_and_month_last_is_the_last_before_writing(text: str, day: date):
    assert [d.span.start for d in find_dates(text, date(1770, 3, 12)) if d.span.precision == "day"] == [day]


@pytest.mark.parametrize(
    ("text", "published", "month"),
    [
        # a month named alone is of the year the text tells of
        ("The raid on Velmor came on 3 March 1981. In July an inquiry cleared the police.", None, (1981, 7)),
        ("The raid on Velmor came on 3 March 1981. That July an inquiry cleared the police.", None, (1981, 7)),
        # with no year told, of the last such month before writing
        ("The minister told parliament in November that the army fired first.", date(2004, 2, 2), (2003, 11)),
        ("The minister told parliament in January that the army fired first.", date(2004, 2, 2), (2004, 1)),
        ("Talks stalled, and by May the truce had collapsed.", date(2011, 9, 1), (2011, 5)),
    ],
)
def test_a_month_named_alone_is_of_the_year_told(text: str, published: date | None, month: tuple[int, int]):
    months = [
        (d.span.start.year, d.span.start.month) for d in find_dates(text, published) if d.span.precision == "month"
    ]
    assert months == [month]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # its day or year after it: that date, read whole
        ("Shelling resumed in May 1994.", [(D(1994, 5, 1), D(1994, 5, 31))]),
        ("Shelling resumed in May of 1994.", [(D(1994, 5, 1), D(1994, 5, 31))]),
        ("Shelling lasted from March to May 1994.", [(D(1994, 3, 1), D(1994, 5, 31))]),
        ("Shelling resumed in May and June 1994.", [(D(1994, 5, 1), D(1994, 6, 30))]),
        ("Shelling resumed in May 7, 1994.", [(D(1994, 5, 7), D(1994, 5, 7))]),
        ("Shelling resumed in 1994 and again in May of the following year.", [(D(1994, 1, 1), D(1994, 12, 31))]),
        # a name, not a month; nor a month with no year known to place it
        ("The envoy met in May's office in 1994.", [(D(1994, 1, 1), D(1994, 12, 31))]),
        ("In June the river flooded.", []),
    ],
)
def test_a_month_named_alone_never_takes_a_fuller_date(text: str, spans: list[tuple[date, date]]):
    assert [(d.span.start, d.span.end) for d in find_dates(text)] == spans


def test_a_month_of_last_year_is_not_of_this_year():
    """ "in July last year": the year before writing's, as "last year" says; not July of this year."""
    found = find_dates("A bomb killed nine in July last year.", date(2017, 8, 17))
    assert [(d.span.start, d.span.end) for d in found] == [(D(2016, 1, 1), D(2016, 12, 31))]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a day of the month written as an ordinal word is that day, not the month
        ("Troops fired on the crowd on the fifth day of March 1770.", None, D(1770, 3, 5)),
        ("The garrison surrendered on the twenty-first of May, 1941.", None, D(1941, 5, 21)),
        ("It was the third of October 1993 when the helicopters went down.", None, D(1993, 10, 3)),
        # with no year, the text's year or the last such day before writing, as for "5 March"
        ("The siege of Velmor began in 1982. On the Sixteenth of September the camp fell.", None, D(1982, 9, 16)),
        ("The convoy was shelled on the thirtieth of June.", date(2004, 8, 1), D(2004, 6, 30)),
    ],
)
def test_a_day_written_as_an_ordinal_word_is_that_day(text: str, published: date | None, day: date):
    days = [d.span for d in find_dates(text, published) if d.span.precision == "day"]
    assert [(s.start, s.end) for s in days] == [(day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "On the third day of the siege the water ran out.",  # a day counted from another, not of a month
        "The first of the marchers reached the bridge.",
    ],
)
def test_an_ordinal_word_without_a_month_is_no_day_of_the_month(text: str):
    assert [d.span for d in find_dates(text) if d.span.precision == "day"] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "on the 14th": that day of the month of the date given last, or of the month after it
        ("Five men were shot on 5 March 1770. One of the wounded died on the 14th.", D(1770, 3, 14)),
        # a part of that day before it
        ("The gunmen entered the village on 3 May 1994 and left on the morning of the 5th.", D(1994, 5, 5)),
        ("Troops reached Velmor on 3 May 1999. On the 10th, they left.", D(1999, 5, 10)),
        ("The siege of Ostra began on 28 May 1940 and the town fell on the 2nd.", D(1940, 6, 2)),
    ],
)
def test_a_bare_day_of_the_month_is_of_the_month_told_last(text: str, day: date):
    assert [d.span.start for d in find_dates(text)][-1] == day


@pytest.mark.parametrize(
    "text",
    [
        "The 14th Army attacked on the 14th of the month.",  # no day told before to place it
        "Troops reached Velmor on 3 May 1999. The 14th Army arrived later.",  # a unit, not a day
        "Troops reached Velmor on 3 May 1999. It was built in the 14th century.",
    ],
)
def test_an_ordinal_that_is_no_day_of_a_told_month_is_no_date(text: str):
    assert [d.span.start.day for d in find_dates(text) if d.span.start.day == 14] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a day in two calendars: the one the writer leads with, the other in brackets
        ("A strike began at the Velmor works on 16 (3) January 1905.", D(1905, 1, 16)),
        ("On January 9 (22), 1905, troops fired on the marchers.", D(1905, 1, 9)),
        ("The strike of 1905 spread. Tempers had frayed on 19 (6) January.", D(1905, 1, 19)),
    ],
)
def test_a_day_in_two_calendars_is_the_one_written_first(text: str, day: date):
    assert [d.span.start for d in find_dates(text) if d.span.precision == "day"] == [day]


def test_a_bracketed_number_after_a_figure_is_no_second_calendar():
    found = find_dates("The vote was 16 (3) in favour on 5 May 1990.")
    assert [d.span.start for d in found] == [D(1990, 5, 5)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # counted from the day the text gave the event it names
        ("Mayor Kell was assassinated on 14 May 1982. Two days after the assassination, gunmen entered Dessel.",
         D(1982, 5, 16)),
        ("The vote was held on 3 May 1999. The day before the vote, troops moved into Dessel.", D(1999, 5, 2)),
        # the event's day, not the day told last
        ("The siege of Dessel began on 3 May 1999. Talks opened on 9 May 1999. A week after the siege began, "
         "the water ran out.", D(1999, 5, 10)),
    ],
)  # fmt: skip
def test_a_day_counted_from_a_named_event_is_counted_from_its_day(text: str, day: date):
    spans = [d.span for d in find_dates(text) if d.span.text.lower().startswith(("two", "the day", "a week"))]
    assert spans and spans[-1].start <= day <= spans[-1].end


@pytest.mark.parametrize(
    "text",
    [
        # an apposition says which day the date was: no day of its own
        "Troops left Dessel on 30 March 2022, the day after the Kell talks began in Ostra.",
        # a name's word is no event of the text's: not counted from a day whose sentence shares it
        "Dessel units withdrew on 30 March 2022. Two days after the Dessel-Ostra talks, shelling resumed.",
    ],
)
def test_a_day_said_of_a_date_or_of_a_name_is_no_day_of_its_own(text: str):
    assert [d.span.start for d in find_dates(text)] == [D(2022, 3, 30)]


def test_a_day_counted_from_an_event_with_its_day_beside_it_is_that_day():
    """ "A week after the shelling, on 6 April": the day told beside it, once."""
    text = "Shelling hit Dessel on 30 March 2022. A week after the shelling, on 6 April 2022, talks began."
    assert [d.span.start for d in find_dates(text)] == [D(2022, 3, 30), D(2022, 4, 6)]


def test_a_day_counted_from_an_event_the_text_never_dated_is_no_date():
    """ "Two days after the attack", with no day told for an attack: not counted from another day."""
    text = "Troops entered Dessel on 3 May 1999. Two days after the attack, they left."
    assert [d.span.text for d in find_dates(text)] == ["3 May 1999"]
