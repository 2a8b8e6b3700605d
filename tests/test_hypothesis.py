"""What must hold for any input (issue #2, STYLE.md): the parsers never crash on a
string, every count range is ordered, every date interval runs forwards, and
the offsets they return point into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.compare import interval
from claims.actors import AliasTable
from claims.dates import find_dates
from claims.models import Count
from claims.numbers import find_numbers, parse_amount
from claims.rules import phrases, rules

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that reach deep into the parsers' patterns; joined at random they make
# near-misses that plain random text seldom hits.
PIECES = [
    "over", "more than", "at least", "up to", "as many as", "nearly", "around", "between", "and", "to", "from",
    "-", "–", "-to-", ",", ".", "%", "percent", "per cent", "km", "a", "an", "the", "of", "one", "twenty", "five",
    "hundred", "thousand", "million", "dozen", "thousands", "tens of thousands", "hundreds", "m", "bn", "k",
    "0", "1", "7", "12", "31", "45", "471", "1,000", "30,000", "1.5", "1992", "1994", "2008", "2020", "1990s",
    "May", "may", "March", "Oct.", "Sept", "September", "Tuesday", "last", "this", "next", "year", "summer",
    "winter", "early", "mid-", "late", "night", "on", "in", "since", "'s", "’s", "\n", "  ",
]  # fmt: skip
newsy = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=14).map(" ".join)
any_text = st.one_of(st.text(), newsy)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@SETTINGS
@given(any_text)
def test_hypothesis_find_numbers_never_crashes_and_ranges_are_ordered(text: str):
    found = find_numbers(text)
    for mention in found:
        count = mention.count
        assert 0 <= mention.start < mention.end <= len(text)
        assert count.low is not None or count.high is not None
        if count.low is not None and count.high is not None:
            assert count.low <= count.high
        for bound in (count.low, count.high):
            assert bound is None or bound > 0
        iv = interval(count)
        assert iv.low <= iv.high


@SETTINGS
@given(any_text)
def test_hypothesis_find_numbers_mentions_do_not_overlap(text: str):
    found = find_numbers(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@SETTINGS
@given(any_text)
def test_hypothesis_parse_amount_never_crashes(text: str):
    value = parse_amount(text)
    assert value is None or (isinstance(value, int) and value > 0)


@SETTINGS
@given(any_text, published)
def test_hypothesis_find_dates_never_crashes_and_intervals_run_forwards(text: str, pub: date | None):
    found = find_dates(text, pub)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.span.start <= mention.span.end
    for a, b in zip(found, found[1:], strict=False):
        assert a.start <= b.start
        assert a.end <= b.start, "date mentions must not overlap"


_TABLE = AliasTable.with_user({"Kelbajar": "Kalbajar", "CSCE": "OSCE"})


@SETTINGS
@given(any_text)
def test_hypothesis_alias_table_never_crashes(text: str):
    resolved = _TABLE.resolve(text)
    assert resolved is None or isinstance(resolved, str)
    assert isinstance(_TABLE.canonical(text), str)
    assert isinstance(_TABLE.is_generic(text), bool)
    # the cache must give the same answer twice
    assert _TABLE.resolve(text) == resolved


QUALIFIERS = sorted(
    set(phrases("qualifiers", "lower_bound"))
    | set(phrases("qualifiers", "upper_bound"))
    | set(phrases("qualifiers", "approximate"))
)
amounts = st.integers(min_value=1, max_value=10**12)


@st.composite
def counts(draw: st.DrawFn) -> Count:
    """Counts as the extractor can make them: exact, a range, open on one side, or vague."""
    shape = draw(st.sampled_from(["exact", "range", "low", "high", "vague"]))
    qualifier = draw(st.one_of(st.none(), st.sampled_from(QUALIFIERS)))
    if shape == "vague":
        key = draw(st.sampled_from(sorted(rules()["vague_amounts"])))
        low, high = rules()["vague_amounts"][key]
        return Count(low=low, high=high, qualifier=key, vague=True)
    a, b = sorted((draw(amounts), draw(amounts)))
    if shape == "exact":
        return Count(low=a, high=a, qualifier=qualifier)
    if shape == "range":
        return Count(low=a, high=b, qualifier=qualifier)
    if shape == "low":
        return Count(low=a, high=None, qualifier=qualifier)
    return Count(low=None, high=b, qualifier=qualifier)


@SETTINGS
@given(counts())
def test_hypothesis_interval_of_any_count_is_ordered(count: Count):
    iv = interval(count)
    assert 0 <= iv.low <= iv.high
    if count.low is not None and count.high is not None and count.low == count.high and not count.vague:
        assert iv.low <= count.low <= iv.high
