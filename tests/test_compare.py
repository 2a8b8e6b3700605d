"""analysis/compare.py on hand-built claims: counts as intervals with scope, dates by
overlap, actors after alias resolution, durations by length (issue #2)."""

from __future__ import annotations

import math
from datetime import date

import pytest

from analysis.compare import compare, interval, overlap, scope_of, scopes_disjoint
from claims.actors import AliasTable
from claims.models import NOBODY, UNKNOWN, Actor, Claim, Count, DateSpan, Duration

D = date


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"bug: {reason}")


@pytest.fixture(scope="module")
def aliases() -> AliasTable:
    return AliasTable()


def _claim(cid: str, value, *, kind: str = "casualties", scope: str | None = None, source: str = "s1") -> Claim:
    quote = getattr(value, "text", "") or "x"
    return Claim(id=cid, source_id=source, kind=kind, quote=quote, sentence=quote, start=0, end=len(quote),
                 sentence_start=0, value=value, scope=scope)  # fmt: skip


def _pair(va, vb, *, kind: str = "casualties", scope_a: str | None = None, scope_b: str | None = None):
    return _claim("s1c1", va, kind=kind, scope=scope_a, source="s1"), _claim("s2c1", vb, kind=kind, scope=scope_b,
                                                                             source="s2")  # fmt: skip


def count(low: int | None, high: int | None, qualifier: str | None = None, vague: bool = False) -> Count:
    return Count(low=low, high=high, qualifier=qualifier, vague=vague)


def exact(n: int) -> Count:
    return count(n, n)


def _id(value: object) -> str | None:
    """Readable test ids: "over 30000-None", "2020-06-15..2020-06-15", "not Israel"."""
    if isinstance(value, Count):
        return f"{value.qualifier or ''} {value.low}-{value.high}".strip()
    if isinstance(value, DateSpan):
        return f"{value.start}..{value.end}"
    if isinstance(value, Actor):
        return ("not " if value.negated else "") + value.actor + (f">{value.target}" if value.target else "")
    return None


# count a, scope a, count b, scope b, relation
COUNTS = [
    # regressions: a plane's passengers and crew are parts of all on board, not rival totals
    (exact(298), "people", exact(283), "passengers", "different_scope"),
    (exact(298), "people", exact(15), "crew members", "different_scope"),
    (exact(298), "all people", exact(298), "people", "agree"),
    # regressions: a people the actor table does not know is still a particular population
    (count(6_700, None, "at least"), "Rohingya", exact(12), "members of the security forces", "different_scope"),
    (count(9_000, None, "at least"), "Rohingya", count(400, 400, "about"), "people", "contradict"),
    (exact(20), "Indian soldiers", exact(20), "Indian soldiers", "agree"),
    (count(30_000, None, "over"), "people", count(25_000, 40_000), "people", "agree"),
    (count(None, 45, "up to"), "villagers", exact(40), "villagers", "agree"),
    (count(500, 500, "nearly"), "people", exact(480), "people", "agree"),
    (count(500, 500, "nearly"), "people", exact(560), "people", "contradict"),
    # close figures are not called a contradiction: counts of another day or counter (issue #8)
    (count(500, 500, "nearly"), "people", exact(510), "people", "unclear"),
    (exact(52), "people", exact(53), "people", "unclear"),
    (exact(331), "people", count(339, None, "at least"), "people", "unclear"),
    (exact(52), "people", exact(58), "people", "contradict"),
    # an estimate's own give is not widened again by the close-figures slack: "approximately 720,000"
    # against "no more than 650,000" or "800,000" are rival figures (issue #8)
    (count(720_000, 720_000, "approximately"), "people", count(None, 650_000, "no more than"), "people", "contradict"),
    (count(800_000, 1_000_000), "people", count(720_000, 720_000, "approximately"), "people", "contradict"),
    (count(720_000, 720_000, "approximately"), "people", exact(740_000), "people", "agree"),
    (count(100, 100, "around"), "people", exact(108), "people", "agree"),
    (count(100, 100, "around"), "people", exact(125), "people", "contradict"),
    (count(40, None, "at least"), "soldiers", exact(40), "soldiers", "agree"),
    # "over 30,000" against exactly 30,000: nothing between them but the open bound (issue #8: close figures)
    (count(30_000, None, "over"), "people", exact(30_000), "people", "unclear"),
    (count(30_000, None, "over"), "people", exact(27_000), "people", "contradict"),
    (exact(4), "Chinese soldiers", count(40, None, "at least"), "Chinese soldiers", "contradict"),
    (exact(20), "people", exact(200), "people", "contradict"),
    (count(100, 300), "people", count(400, 500), "people", "contradict"),
    # a part that exceeds the whole
    (count(30_000, None, "over"), "ethnic Azerbaijanis", count(25_000, 30_000, "around"), "people", "contradict"),
    (exact(500), "civilians", exact(300), "people", "contradict"),
    # a part smaller than the whole is another population, not a disagreement
    (exact(3_000), "Azerbaijani soldiers", count(6_500, None, "over"), "people", "different_scope"),
    (exact(20), "Indian soldiers", exact(24), "soldiers from both sides", "different_scope"),
    (exact(4), "Chinese soldiers", exact(24), "soldiers from both sides", "different_scope"),
    (exact(40), "Chinese soldiers", exact(24), "soldiers from both sides", "contradict"),
    # "soldiers" next to "Chinese soldiers": whose soldiers is left to the context
    (exact(20), "Indian soldiers", exact(24), "soldiers", "unclear"),
    (exact(20), "Indian soldiers", exact(20), "soldiers", "agree"),
    (exact(40), "Chinese soldiers", exact(20), "Indian soldiers", "different_scope"),
    # the people of two nations together are no part of one nation's: only a part of a count of both
    (exact(40), "Chinese and Indian soldiers", exact(30), "Chinese soldiers", "different_scope"),
    (exact(40), "Chinese and Indian soldiers", exact(30), "people", "contradict"),
    (exact(20), "Chinese soldiers", exact(30), "Chinese and Indian soldiers", "different_scope"),
    (exact(40), "Chinese soldiers", exact(30), "Chinese and Indian soldiers", "contradict"),
    (exact(1_200), "children", exact(5_000), "civilians", "different_scope"),
    # children, women, protesters are civilians: more of them than all the civilians, or any against
    # none, is a dispute (rules scope.civilian_roles)
    (exact(37), "children", exact(0), "civilians", "contradict"),
    (exact(37), "children", exact(30), "civilians", "contradict"),
    (exact(12), "protesters", exact(0), "civilians", "contradict"),
    (exact(37), "children", exact(0), "soldiers", "different_scope"),
    # vague amounts use their documented range
    (count(2_000, 9_999, "thousands", vague=True), "people", exact(1_000_000), "people", "contradict"),
    (count(2_000, 9_999, "thousands", vague=True), "people", exact(3_500), "people", "agree"),
    # a rough order of size says how large, not how large at most: a figure above it, up to the next
    # order, does not contradict it; one below it, or far beyond, does (issue #8)
    (count(20_000, 99_999, "tens of thousands", vague=True), "refugees", exact(120_000), "refugees", "unclear"),
    (count(200, 999, "hundreds", vague=True), "people", exact(1_429), "people", "unclear"),
    (count(200, 999, "hundreds", vague=True), "people", exact(40), "people", "contradict"),
    (count(200, 999, "hundreds", vague=True), "people", exact(25_000), "people", "contradict"),
    (count(200, 500, "a few hundred", vague=True), "people", exact(1_429), "people", "contradict"),
    # and loose below: "thousands" is said of a thousand and more, "dozens" of a dozen and more; a
    # figure under half its least contradicts it
    (count(2_000, 9_999, "several thousand", vague=True), "people", count(1_500, 1_500, "about"), "people", "unclear"),
    (count(2_000, 9_999, "thousands", vague=True), "people", count(500, 1_000), "people", "unclear"),
    (count(24, 99, "dozens", vague=True), "people", exact(14), "people", "unclear"),
    (count(2_000, 9_999, "thousands", vague=True), "people", exact(338), "people", "contradict"),
    (count(24, 99, "dozens", vague=True), "people", exact(3), "people", "contradict"),
    # "as many as 45" is an upper estimate near 45, not "anything from 0 to 45" (docs/demo-corpus.md)
    (exact(4), "Chinese soldiers", count(None, 45, "as many as"), "Chinese troops", "contradict"),
    (exact(40), "Chinese soldiers", count(None, 45, "as many as"), "Chinese troops", "agree"),
    (count(40, None, "at least"), "Chinese soldiers", count(None, 45, "as many as"), "Chinese troops", "unclear"),
    # the attackers' dead are no part of their victims' toll, nor a rival count of it
    (exact(9), "assailants", exact(2), "people", "different_scope"),
    (exact(7), "terrorists", exact(1), "man", "different_scope"),
    (exact(7), "attackers", exact(130), "people", "different_scope"),
    (exact(7), "attackers", exact(3), "attackers", "contradict"),
    # gunmen counted dead are the attackers, in any word for them; never the soldiers they fought
    (exact(5), "terrorists", exact(4), "gunmen", "contradict"),
    (exact(4), "gunmen", exact(14), "soldiers", "different_scope"),
    # a state's soldiers and an armed group's fighters are two sides' dead, never rival figures;
    # a neutral word ("combatants") or "from both sides" says neither side (rules scope.combatant_sides)
    (exact(40), "fighters", exact(11), "soldiers", "different_scope"),
    (exact(25), "militants", exact(9), "troops", "different_scope"),
    (exact(40), "rebel fighters", exact(11), "rebels", "contradict"),
    (exact(40), "combatants", exact(11), "soldiers", "contradict"),
    (exact(40), "fighters from both sides", exact(11), "soldiers", "different_scope"),
]


@pytest.mark.parametrize(("a", "scope_a", "b", "scope_b", "relation"), COUNTS, ids=_id)
def test_compare_counts(aliases: AliasTable, a: Count, scope_a: str, b: Count, scope_b: str, relation: str):
    ca, cb = _pair(a, b, scope_a=scope_a, scope_b=scope_b)
    got, reason = compare(ca, cb, aliases)
    assert got == relation, reason
    assert reason
    back, _ = compare(cb, ca, aliases)
    assert back == relation, "compare must not depend on the order of the pair"


def test_compare_counts_open_lower_bound_vs_upper_estimate_is_unclear(aliases: AliasTable):
    ca, cb = _pair(count(40, None, "at least"), count(None, 45, "as many as"), scope_a="Chinese soldiers",
                   scope_b="Chinese troops")  # fmt: skip
    assert compare(ca, cb, aliases)[0] == "unclear"


def test_compare_counts_scope_reason_names_both_populations(aliases: AliasTable):
    ca, cb = _pair(exact(20), exact(24), scope_a="Indian soldiers", scope_b="soldiers from both sides")
    relation, reason = compare(ca, cb, aliases)
    assert relation == "different_scope"
    assert "Indian soldiers" in reason


@pytest.mark.parametrize(
    ("c", "low", "high"),
    [
        (exact(20), 20, 20),
        (count(30_000, None, "over"), 30_000, math.inf),
        (count(25_000, 30_000, "around"), 25_000, 30_000),
        (count(2_000, 9_999, "thousands", vague=True), 2_000, 9_999),
        (count(500, 500, "nearly"), 440, 500),
        (count(100, 100, "around"), 90, 110),
        # stated to two figures, "approximately" admits less than a round one-figure estimate
        (count(720_000, 720_000, "approximately"), 684_000, 756_000),
    ],
)
def test_compare_interval_of_count(c: Count, low: float, high: float):
    iv = interval(c)
    assert iv.low == pytest.approx(low)
    assert iv.high == pytest.approx(high)
    assert iv.low <= iv.high


@pytest.mark.parametrize("qualifier", ["up to", "as many as"])
def test_compare_interval_upper_estimate_stays_near_its_number(qualifier: str):
    iv = interval(count(None, 45, qualifier))
    assert iv.high == 45
    assert 4 < iv.low < 45


def test_compare_interval_strict_lower_bound_is_open():
    assert interval(count(30_000, None, "over")).low_open
    assert not interval(count(30_000, None, "at least")).low_open


def test_compare_overlap_at_a_shared_end():
    assert overlap(interval(count(40, None, "at least")), interval(exact(40)))
    assert not overlap(interval(count(40, None, "more than")), interval(exact(40)))


@pytest.mark.parametrize(
    ("text", "nations", "roles", "marked"),
    [
        ("people", set(), set(), False),
        ("ethnic Azerbaijanis", {"Azerbaijan"}, set(), True),
        ("Azerbaijani soldiers", {"Azerbaijan"}, {"combatant"}, False),
        ("Indian soldiers", {"India"}, {"combatant"}, False),
        ("civilians", set(), {"civilian"}, False),
        (None, set(), set(), False),
    ],
)
def test_compare_scope_of_reads_nation_role_and_marker(aliases, text, nations, roles, marked):
    scope = scope_of(text, aliases)
    assert (set(scope.nations), set(scope.roles), scope.marked) == (nations, roles, marked)


@pytest.mark.parametrize("text", ["hostage-takers", "hostage takers", "the three hostage-takers"])
def test_hostage_takers_are_perpetrators_not_hostages(aliases, text):
    """ "All three hostage-takers were killed" counts no hostage: its people and the hostages' never overlap."""
    takers, hostages = scope_of(text, aliases), scope_of("hostages", aliases)
    assert "perpetrator" in takers.roles and "prisoner" not in takers.roles
    assert scopes_disjoint(takers, hostages)


def span(start: date, end: date, precision: str) -> DateSpan:
    return DateSpan(start=start, end=end, precision=precision)


DATES = [
    (span(D(2020, 6, 15), D(2020, 6, 15), "day"), span(D(2020, 6, 15), D(2020, 6, 15), "day"), "agree"),
    (span(D(2020, 6, 15), D(2020, 6, 15), "day"), span(D(2020, 6, 1), D(2020, 6, 30), "month"), "agree"),
    (span(D(1994, 5, 12), D(1994, 5, 12), "day"), span(D(1994, 1, 1), D(1994, 12, 31), "year"), "agree"),
    (span(D(1992, 6, 1), D(1992, 8, 31), "season"), span(D(1990, 1, 1), D(1993, 12, 31), "decade"), "agree"),
    (span(D(2020, 6, 22), D(2020, 6, 22), "day"), span(D(2020, 6, 30), D(2020, 6, 30), "day"), "contradict"),
    (span(D(1991, 1, 1), D(1991, 12, 31), "year"), span(D(1994, 5, 1), D(1994, 5, 31), "month"), "contradict"),
    (span(D(2008, 8, 7), D(2008, 8, 8), "days"), span(D(2008, 8, 8), D(2008, 8, 8), "day"), "agree"),
    # two spans of days that overlap but differ in their bounds: "16-18 May" against "15-17 May"
    (span(D(1999, 5, 16), D(1999, 5, 18), "days"), span(D(1999, 5, 15), D(1999, 5, 17), "days"), "contradict"),
    (span(D(1999, 5, 16), D(1999, 5, 18), "days"), span(D(1999, 5, 16), D(1999, 5, 18), "days"), "agree"),
    # a span joined from two dates of one sentence ("on 16 May ... by 18 May") bounds nothing
    (
        DateSpan(start=D(1999, 5, 16), end=D(1999, 5, 18), precision="days", text="16 May / 18 May"),
        span(D(1999, 5, 15), D(1999, 5, 17), "days"),
        "agree",
    ),
]


@pytest.mark.parametrize(("a", "b", "relation"), DATES, ids=_id)
def test_compare_dates(aliases: AliasTable, a: DateSpan, b: DateSpan, relation: str):
    ca, cb = _pair(a, b, kind="event_date")
    got, reason = compare(ca, cb, aliases)
    assert got == relation, reason
    assert compare(cb, ca, aliases)[0] == relation


@pytest.mark.parametrize(
    ("start", "relation"),
    [(D(2002, 4, 3), "contradict"), (D(2002, 4, 1), "agree"), (D(2002, 4, 2), "agree")],
)
def test_compare_a_start_against_the_span_of_the_event(aliases: AliasTable, start: date, relation: str):
    """ "The army launched the operation on April 3" against "the siege took place on April 1-11":
    a start is the span's first day or a rival start, not a day inside it (issue #8)."""
    began, lasted = _pair(span(start, start, "day"), span(D(2002, 4, 1), D(2002, 4, 11), "days"), kind="event_date")
    began = began.model_copy(update={"about": "army launched operation"})
    lasted = lasted.model_copy(update={"about": "siege took place in camp"})
    assert compare(began, lasted, aliases)[0] == relation
    assert compare(lasted, began, aliases)[0] == relation
    # a day that is not said to be the start lies inside the span
    said = began.model_copy(update={"about": "minister visited camp"})
    assert compare(said, lasted, aliases)[0] == "agree"


@pytest.mark.parametrize(
    ("other", "relation"),
    [(D(1905, 1, 3), "agree"), (D(1905, 1, 4), "contradict"), (D(1905, 1, 16), "agree")],
)
def test_a_day_in_two_calendars_meets_the_other_calendars_day(aliases: AliasTable, other: date, relation: str):
    """ "A strike began on 16 (3) January 1905" against "since 3 January a strike has been in
    progress": one day, told by one account in both calendars and by the other in the old one."""
    dual = DateSpan(start=D(1905, 1, 16), end=D(1905, 1, 16), precision="day", text="16 (3) January 1905")
    ca, cb = _pair(dual, span(other, other, "day"), kind="event_date")
    assert compare(ca, cb, aliases)[0] == relation
    assert compare(cb, ca, aliases)[0] == relation


def test_compare_dates_reason_gives_the_gap(aliases: AliasTable):
    ca, cb = _pair(span(D(2020, 6, 22), D(2020, 6, 22), "day"), span(D(2020, 6, 30), D(2020, 6, 30), "day"),
                   kind="event_date")  # fmt: skip
    assert "8 days" in compare(ca, cb, aliases)[1]


def actor(name: str, target: str | None = None, negated: bool = False) -> Actor:
    return Actor(actor=name, target=target, negated=negated)


ACTORS = [
    (actor("China", "India"), actor("China"), "agree"),
    (actor("China", "India"), actor("India", "China"), "contradict"),
    (actor("Armenia"), actor("Azerbaijan"), "contradict"),
    (actor("Israel", negated=True), actor("Israel"), "contradict"),
    (actor("Israel", negated=True), actor("Israel", negated=True), "agree"),
    (actor("Israel", negated=True), actor("Hamas"), "unclear"),
    (actor("militants"), actor("Hamas"), "agree"),
    (actor("Varna militia"), actor("armed groups"), "agree"),
    (actor("Russia"), actor("militants"), "contradict"),
    # two unnamed armed groups against the state: one side; a militia may be the state's
    (actor("militants"), actor("rebels"), "agree"),
    (actor("militiamen"), actor("rebels"), "unclear"),
    # "it is not known who fired": accuses no one, so it contradicts no culprit and no denial
    (actor(UNKNOWN), actor(UNKNOWN), "agree"),
    (actor(UNKNOWN), actor("Russia"), "unclear"),
    (actor(UNKNOWN), actor("Russia", negated=True), "unclear"),
    (actor(UNKNOWN), actor(NOBODY, negated=True), "unclear"),
    # one account names the other's doers with more words before the same head (issue #8)
    (actor("Guardsmen"), actor("Varna National Guardsmen"), "agree"),
    (actor("the Lancers"), actor("Ruritanian Lancers"), "agree"),
    (actor("Guardsmen", negated=True), actor("Varna National Guardsmen"), "contradict"),
    (actor("Guardsmen"), actor("Varna Rangers"), "contradict"),
    (actor("forces", negated=True), actor("rebel forces"), "unclear"),  # "forces" only describes
    # the doers named are of the kind the other rules out, one or more, described more closely
    (actor("student", negated=True), actor("students", "officers"), "contradict"),
    (actor("protesters", negated=True), actor("armed protesters"), "contradict"),
    (actor("demonstrators", negated=True), actor("extremists"), "unclear"),
    # the same name with its country after it
    (actor("Dal-i-Korvex"), actor("Dal-i-Korvex Pakistan"), "agree"),
    (actor("Dal-i-Korvex"), actor("Dal-i-Korvex Veterans"), "contradict"),
    # a name inside the other's, joined to its words by a hyphen: the same movement
    (actor("Korvex"), actor("Dal-i-Korvex Pakistan"), "agree"),
    (actor("Zarqa"), actor("al-Zarqa"), "agree"),
    (actor("Zarqa"), actor("Zarqa al-Varna"), "contradict"),
    # the country after a movement's name says where it is, not that the state did it
    (actor("Pakistan"), actor("Dal-i-Korvex Pakistan"), "contradict"),
    (actor("Ukraine"), actor("Defence Forces of Ukraine"), "agree"),
    # those who did the deed, under the same people's name as a force, may be that force
    (actor("Varnan captors"), actor("Varnan soldiers"), "unclear"),
    (actor("the captors"), actor("the soldiers"), "contradict"),
    (actor("Varnan captors"), actor("Ruritanian soldiers"), "contradict"),
    # an army's company named by its letter word is a state's force, not an armed group's name
    (actor("Support Company"), actor("rebel gunmen"), "contradict"),
    (actor("Charlie Company"), actor("rebel gunmen"), "contradict"),
]


# two denials: of one party, or of the one state the fact's accounts name and its forces (issue #8)
DENIALS = [
    ("Syria", "army", "Syria", "agree"),
    ("government", "army", "Syria", "agree"),
    ("troops", "government forces", "", "agree"),  # no state named: one state's all the same
    ("Syria", "army", None, "unclear"),  # two states named: the army may be either's
    ("army", "rebels", "Syria", "unclear"),
    ("Syria", "Turkey", "Syria", "unclear"),
]


@pytest.mark.parametrize(("a", "b", "sole", "relation"), DENIALS)
def test_compare_two_denials(aliases: AliasTable, a: str, b: str, sole: str | None, relation: str):
    ca, cb = _pair(actor(a, negated=True), actor(b, negated=True), kind="initiator")
    got, reason = compare(ca, cb, aliases, sole)
    assert got == relation, reason
    assert compare(cb, ca, aliases, sole)[0] == relation


@pytest.mark.parametrize(("a", "b", "relation"), ACTORS, ids=_id)
def test_compare_actors(aliases: AliasTable, a: Actor, b: Actor, relation: str):
    ca, cb = _pair(a, b, kind="initiator")
    got, reason = compare(ca, cb, aliases)
    assert got == relation, reason
    assert compare(cb, ca, aliases)[0] == relation


DURATIONS = [
    (44, 44, "agree"),
    (44, 45, "agree"),
    (0.25, 0.25, "agree"),
    (5, 44, "contradict"),
    (30.4375, 42, "contradict"),
    (0.25, 1, "contradict"),
]

HOUR, MINUTE = 1 / 24, 1 / 1440
# lengths of under a day, hedged or ranged: compared at their own scale (issue #8)
LENGTHS = [
    (Duration(days=30 * MINUTE), Duration(days=HOUR), "contradict"),
    (Duration(days=30 * MINUTE, qualifier="about"), Duration(days=HOUR, qualifier="more than"), "contradict"),
    (Duration(days=HOUR, qualifier="more than"), Duration(days=90 * MINUTE), "agree"),
    (Duration(days=HOUR, qualifier="about"), Duration(days=62 * MINUTE), "agree"),
    (Duration(days=10 * MINUTE, high=15 * MINUTE), Duration(days=12 * MINUTE), "agree"),
    (Duration(days=10 * MINUTE, high=15 * MINUTE), Duration(days=HOUR), "contradict"),
    (Duration(days=HOUR, qualifier="up to"), Duration(days=40 * MINUTE), "agree"),
    (Duration(days=5 * MINUTE, qualifier="less than"), Duration(days=20 * MINUTE), "contradict"),
    (Duration(days=6 * HOUR), Duration(days=8 * HOUR), "contradict"),
    (Duration(days=HOUR, qualifier="or more"), Duration(days=2 * HOUR), "agree"),
    (Duration(days=HOUR, qualifier="or more"), Duration(days=30 * MINUTE), "contradict"),
]


@pytest.mark.parametrize(("a", "b", "relation"), DURATIONS)
def test_compare_durations(aliases: AliasTable, a: float, b: float, relation: str):
    ca, cb = _pair(Duration(days=a), Duration(days=b), kind="duration")
    got, reason = compare(ca, cb, aliases)
    assert got == relation, reason


@pytest.mark.parametrize(("a", "b", "relation"), LENGTHS)
def test_compare_lengths_of_minutes_and_hours_with_their_hedges(aliases: AliasTable, a, b, relation):
    """ "About 30 minutes" against "more than an hour" is a dispute, though both are under a day."""
    ca, cb = _pair(a, b, kind="duration")
    assert compare(ca, cb, aliases)[0] == relation
    assert compare(cb, ca, aliases)[0] == relation


def test_compare_values_of_different_types_are_unclear(aliases: AliasTable):
    ca = _claim("s1c1", exact(5))
    cb = _claim("s2c1", Duration(days=5), kind="duration", source="s2")
    assert compare(ca, cb, aliases)[0] == "unclear"


def test_align_keeps_a_strike_and_the_next_days_reply_apart():
    """Regression: "India struck a camp" and "Pakistan shot down an Indian jet" (the next day) are two
    attacks, not rival accounts of one; a mirrored accusation (X hit Y / Y hit X) stays one dispute."""
    from analysis.align import Vocabulary, pair_score

    def claim(cid: str, source: str, actor: str, target: str, day: int) -> Claim:
        when = DateSpan(start=date(2019, 2, day), end=date(2019, 2, day), precision="day")
        return Claim(id=cid, source_id=source, kind="initiator", quote="q", sentence="q", start=0, end=1,
                     sentence_start=0, value=Actor(actor=actor, target=target), terms=["strike", "border"],
                     when=when)  # fmt: skip

    strike, reply = claim("a", "s1", "India", "training camp", 26), claim("b", "s2", "Pakistan", "jet fighter", 27)
    mirrored = claim("c", "s2", "Pakistan", "India", 26)
    voc = Vocabulary.of([strike, reply, mirrored])
    assert pair_score(strike, reply, voc) < pair_score(claim("d", "s1", "India", "Pakistan", 26), mirrored, voc)
    assert pair_score(strike, reply, voc) < 0.34


@pytest.mark.parametrize(
    ("scope_a", "scope_b", "relation"),
    [
        # a people's name the actor table does not know, against a nation: the same people, disputed
        ("Arabs", "Palestinians", "contradict"),
        # two roles are still two populations
        ("Arab fighters", "Palestinian civilians", "different_scope"),
    ],
)
def test_compare_counts_a_people_named_in_other_words(aliases: AliasTable, scope_a: str, scope_b: str,
                                                      relation: str):  # fmt: skip
    ca, cb = _pair(count(720_000, 720_000, "approximately"), exact(800_000), scope_a=scope_a, scope_b=scope_b)
    assert compare(ca, cb, aliases)[0] == relation


def test_align_blame_claims_of_two_accounts_of_one_event_lean_on_the_event():
    """Two accounts of one siege blaming different sides, in words that share little: their
    documents' event names group them; one account's own two blame claims get no such push."""
    from analysis.align import Vocabulary, pair_evidence, pair_score

    def blame(cid: str, source: str, actor: str, terms: list[str], event: list[str]) -> Claim:
        return Claim(id=cid, source_id=source, kind="initiator", quote="q", sentence="q", start=0, end=1,
                     sentence_start=0, value=Actor(actor=actor), terms=terms, event=event)  # fmt: skip

    siege = ["@ev:keswin", "@ev:ruritania"]
    first = blame("a", "s1", "Ruritania", ["storm", "troops"], siege)
    second = blame("b", "s2", "militants", ["explosion", "blame"], siege)
    own = blame("c", "s1", "militants", ["explosion", "blame"], siege)
    other = blame("d", "s3", "militants", ["explosion", "blame"], ["@ev:dessel", "@ev:borduria"])
    voc = Vocabulary.of([first, second, own, other])
    assert pair_score(first, second, voc) > pair_evidence(first, second, voc)
    assert pair_score(first, own, voc) == pair_evidence(first, own, voc)
    assert pair_score(first, other, voc) == pair_evidence(first, other, voc)


@pytest.mark.parametrize(
    ("scope_a", "a", "scope_b", "b", "relation"),
    [
        # the marker a part carries ("among them", "included") is no kind of people
        ("children, them", 49, "children, included", 49, "agree"),
        ("police officers, them", 2, "police officers", 2, "agree"),
        # some of the dead told before, against all the children: not a rival figure
        ("children, them", 12, "children", 40, "different_scope"),
        # a place singled out ("in our street alone") counts a part of the toll, unless it exceeds it
        ("people, alone", 23, "people", 400, "different_scope"),
        ("people, alone", 500, "people", 400, "contradict"),
        ("people, alone", 23, "people, alone", 40, "contradict"),
        # the speaker's own people ("200 of our people") are a part of all the dead
        ("people, our", 200, "people", 470, "different_scope"),
        ("people, our", 2000, "people", 470, "contradict"),
    ],
)
def test_compare_a_parts_marker_is_not_its_people(aliases: AliasTable, scope_a: str, a: int, scope_b: str, b: int,
                                                  relation: str):  # fmt: skip
    ca, cb = _pair(exact(a), exact(b), scope_a=scope_a, scope_b=scope_b)
    assert compare(ca, cb, aliases)[0] == relation


@pytest.mark.parametrize(
    ("scope_a", "scope_b", "relation"),
    [
        ("second barrage", None, "different_scope"),  # a part's length against the whole's
        ("first wave", "second wave", "different_scope"),
        (None, None, "contradict"),
        ("second barrage", "second barrage", "contradict"),
    ],
)
def test_compare_length_of_a_part_against_the_whole(aliases: AliasTable, scope_a, scope_b, relation):
    """ "The second barrage lasted half an hour" does not deny "the attack lasted an hour" (issue #8)."""
    ca, cb = _pair(Duration(days=30 * MINUTE), Duration(days=HOUR), kind="duration", scope_a=scope_a, scope_b=scope_b)
    assert compare(ca, cb, aliases)[0] == relation
    assert compare(cb, ca, aliases)[0] == relation


@pytest.mark.parametrize(
    ("a", "scope_a", "b", "scope_b", "relation"),
    [
        # those who fled to one place are a part of all the displaced
        (111_000, "people in Uzbekistan", 400_000, "people", "different_scope"),
        (400_000, "people", 75_000, "people in Andijan", "different_scope"),
        # more of them than all the displaced is still a dispute
        (500_000, "people in Uzbekistan", 400_000, "people", "contradict"),
        # both of one place, or neither: compared as figures
        (100_000, "people in Uzbekistan", 75_000, "people in Uzbekistan", "contradict"),
        (400_000, "people", 300_000, "people", "contradict"),
    ],
)
def test_compare_those_displaced_to_one_place_against_all_of_them(aliases: AliasTable, a: int, scope_a: str, b: int,
                                                                   scope_b: str, relation: str):  # fmt: skip
    ca, cb = _pair(exact(a), exact(b), kind="displaced", scope_a=scope_a, scope_b=scope_b)
    assert compare(ca, cb, aliases)[0] == relation


@pytest.mark.parametrize(
    ("quote_a", "actor_a", "quote_b", "actor_b", "relation"),
    [
        # a group's own claim of the attack and the man named as doing it: no rival culprits
        (
            "the Northern Front claimed responsibility",
            "Northern Front",
            "Tomas Verhaar drove the truck",
            "Tomas Verhaar",
            "unclear",
        ),
        # blame laid by others on a group, against a man: two culprits
        (
            "investigators blamed the Northern Front",
            "Northern Front",
            "Tomas Verhaar drove the truck",
            "Tomas Verhaar",
            "contradict",
        ),
        # two groups, one of them claiming it: a dispute
        (
            "the Northern Front claimed responsibility",
            "Northern Front",
            "the Southern League planted the bomb",
            "Southern League",
            "contradict",
        ),
    ],
)
def test_compare_a_groups_claim_and_the_man_who_did_it(aliases: AliasTable, quote_a: str, actor_a: str, quote_b: str,
                                                       actor_b: str, relation: str):  # fmt: skip
    ca = Claim(id="s1c1", source_id="s1", kind="initiator", quote=quote_a, sentence=quote_a, start=0,
               end=len(quote_a), sentence_start=0, value=actor(actor_a))  # fmt: skip
    cb = Claim(id="s2c1", source_id="s2", kind="initiator", quote=quote_b, sentence=quote_b, start=0,
               end=len(quote_b), sentence_start=0, value=actor(actor_b))  # fmt: skip
    assert compare(ca, cb, aliases)[0] == relation
    assert compare(cb, ca, aliases)[0] == relation
