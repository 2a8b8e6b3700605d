"""Put claims about the same fact into one group (issue #2).

Blocking first: only claims of one kind whose times can meet are compared,
and only pairs that share a word of their context (an inverted index), so the
work grows with the number of plausible pairs, not with n². Each pair gets a
score from IDF-weighted shared context words, rapidfuzz similarity of what
the claims are about, agreement of time, and kind-specific evidence (the same
day, the same length, the same parties). Clusters then grow by average
linkage, and a claim never joins a cluster holding a claim whose time it
cannot share: two different events in one period stay apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache, partial
from itertools import combinations

from rapidfuzz import fuzz

from analysis.compare import scope_key, scopes_disjoint
from analysis.distinct import PairScores, Units
from analysis.event_keys import event_keys, written_names
from analysis.parties import accuse_each_other, same_party, side
from analysis.yearless import as_pair, gap_days, placed
from claims.actors import AliasTable
from claims.dates import YEAR_UNKNOWN
from claims.event import EVENT_YEAR, PREFIX, is_year_key
from claims.infobox import sides_differ
from claims.models import ACCIDENT, NOBODY, NUMERIC_KINDS, Actor, Claim, Count, DateSpan, Duration
from claims.rules import rules
from claims.specificity import name_specificity
from claims.sub_event import (
    series_of_acts,
    tells_expulsion,
    tells_firing,
    tells_incident,
    tells_killing,
    tells_unrest_onset,
    tells_war_onset,
    violent_words,
)
from sources.settings import thresholds

RESTATEMENT_SHARE = 0.6  # the same source giving the same value needs less context in common
MAX_POSTINGS = 400  # a word in more distinct statements than this says nothing about which fact
TIME_SLACK = {"day": 2, "days": 2, "month": 10, "season": 31, "year": 31, "years": 62, "decade": 365}


@dataclass
class Vocabulary:
    """Document frequencies of context words over the claims being aligned."""

    df: Counter[str] = field(default_factory=Counter)
    n: int = 0

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> Vocabulary:
        voc = cls()
        for c in claims:
            voc.n += 1
            voc.df.update(set(features(c)) | set(event_keys(c)))
        return voc

    _weights: dict[str, tuple[dict[str, float], float, float]] = field(default_factory=dict)
    _events: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict)
    _priors: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict)

    def idf(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1.0

    def weights(self, c: Claim) -> tuple[dict[str, float], float, float]:
        """A claim's words with their IDF, their sum and their squared norm (cached per claim)."""
        found = self._weights.get(c.id)
        if found is None:
            w = {word: self.idf(word) for word in features(c)}
            found = (w, sum(w.values()), sum(v * v for v in w.values()))
            self._weights[c.id] = found
        return found

    def prior_weights(self, c: Claim) -> tuple[dict[str, float], float]:
        """A claim's event names (years left to time) with their squared specificity in English at
        large, and its norm (cached per claim)."""
        found = self._priors.get(c.id)
        if found is None:
            # "Kwangju" and "Gwangju" one key, as specific as the name written
            w = {k: name_specificity(t[len(PREFIX) :]) ** 2 for k, t in written_names(c).items()
                 if not is_year_key(t)}  # fmt: skip
            found = self._priors[c.id] = (w, math.sqrt(sum(w.values())))
        return found

    def event_weights(self, c: Claim) -> tuple[dict[str, float], float]:
        """A claim's event names (years left to time) with their squared IDF, and its norm (cached per
        claim: alignment asks for every candidate pair)."""
        found = self._events.get(c.id)
        if found is None:
            w = {t: self.idf(t) ** 2 for t in event_keys(c) if not is_year_key(t)}
            found = self._events[c.id] = (w, math.sqrt(sum(w.values())))
        return found


def features(c: Claim) -> list[str]:
    words = list(c.terms) + [e.lower() for e in c.entities]
    if isinstance(c.value, Actor):
        words.append(c.value.actor.lower())
        if c.value.target:
            words.append(c.value.target.lower())
    return list(dict.fromkeys(words))


def times_meet(a: DateSpan | None, b: DateSpan | None, *, at_least: int = 0) -> bool | None:
    """True/False when both times are known, None when either is not; `at_least` widens the slack."""
    if a is None or b is None:
        return None
    if a.start.year == YEAR_UNKNOWN or b.start.year == YEAR_UNKNOWN:
        return _yearless_meet(a, b)
    slack = timedelta(days=max(TIME_SLACK.get(a.precision, 2), TIME_SLACK.get(b.precision, 2), at_least))
    return a.start - slack <= b.end and b.start - slack <= a.end


def event_years(c: Claim) -> list[int]:
    """The years the claim's document names its event by (headline, lead), earliest first."""
    return sorted({int(t[len(EVENT_YEAR) :]) for t in c.event if is_year_key(t)})


def event_time(c: Claim) -> DateSpan | None:
    """The span of its document's event years: a claim that gives no time of its own is still about
    that event, not any time at all (issue #8)."""
    years = event_years(c)
    if not years:
        return None
    return DateSpan(start=date(years[0], 1, 1), end=date(years[-1], 12, 31), precision="years")


def claim_time(c: Claim) -> DateSpan | None:
    """When the claim's fact happened: its own time, else its document's event years."""
    return c.when if c.when is not None else event_time(c)


def claim_times(c: Claim) -> list[DateSpan]:
    """When the claim's fact may have happened: its own time, else any one of its document's event
    years (a lead naming the year of its event and the year of its inquiry is about one of them,
    not every year between)."""
    if c.when is not None:
        return [c.when]
    return [DateSpan(start=date(y, 1, 1), end=date(y, 12, 31), precision="years") for y in event_years(c)]


def told_here(c: Claim) -> bool:
    """The claim's time is written in its own sentence, not carried over from one before."""
    return c.when is not None and c.when.text.lower() in c.sentence.lower()


UNKNOWN_TIME_PENALTY = {"initiator": 0.06}
COUNT_TIME_SLACK = 366  # days
# One account's own counts of a kind are taken to tell of one event (its incidents are told apart by
# time and place); measured better than a half weight on the dev cases (align 0.43 vs 0.37).
SAME_SOURCE_EVENT = 1.0
# Counts are told in words that rarely name their event: the headline and lead do (issue #8). Two
# accounts' blame claims are most often about the event's main act, and still contradict only when
# their own words tie them to one act (analysis.relate).
EVENT_WEIGHT = {
    "casualties": 0.6,
    "displaced": 0.6,
    "wounded": 0.6,
    "event_date": 0.4,
    "duration": 0.4,
    "initiator": 0.4,
}
VALUE_BOUND_PRIOR = frozenset({"event_date", "duration"})  # the prior joins only values that meet
EVENT_DATE_MAX_GAP = 31  # days


def value_key(c: Claim) -> tuple:
    """What makes two statements of one source the same claim."""
    v = c.value
    if isinstance(v, Count):
        return ("count", v.low, v.high)
    if isinstance(v, DateSpan):
        return ("date", v.start, v.end)
    if isinstance(v, Actor):
        return ("actor", v.actor, v.negated)
    if isinstance(v, Duration):
        return ("duration", round(v.days, 1))
    return ("other", id(v))


YEAR_LONG = 360  # days: a period this long cannot place a day of unknown year


def _yearless_meet(a: DateSpan, b: DateSpan) -> bool | None:
    """A day and month of unknown year ("on March 25") against another time."""
    if a.start.year != YEAR_UNKNOWN:
        a, b = b, a
    if b.start.year == YEAR_UNKNOWN:
        return abs((a.start - b.start).days) <= 2
    if (b.end - b.start).days >= YEAR_LONG:
        return False  # a day of some year cannot be placed in a period: keep apart rather than guess
    return gap_days(placed(a, b), b) <= 2  # read in b's year (analysis.yearless), two days' slack


def _yearless_in_period(a: DateSpan | None, b: DateSpan | None) -> bool:
    """A day of unknown year against a year or more: one account's "on Sept. 3" and another's
    "in 2004" may be one moment. Within one account the writer who names a year beside a bare day
    speaks of two moments (keep apart: `_yearless_meet`)."""
    if a is None or b is None or (a.start.year == YEAR_UNKNOWN) == (b.start.year == YEAR_UNKNOWN):
        return False
    period = b if a.start.year == YEAR_UNKNOWN else a
    return (period.end - period.start).days >= YEAR_LONG


def time_bonus(a: DateSpan, b: DateSpan, *, numeric: bool) -> float:
    """Sharing a time says more the narrower the times are. Counts lean on it most:
    the words around "30,000 were killed" rarely name the event; the period does."""
    if YEAR_UNKNOWN in (a.start.year, b.start.year):
        return 0.1
    span = max((a.end - a.start).days, (b.end - b.start).days)
    for limit, bonus in ((3, 0.3), (31, 0.25), (400, 0.2), (1500, 0.16)):
        if span <= limit:
            return bonus + (0.12 if numeric else 0.0)
    return 0.05


def compatible(a: Claim, b: Claim, aliases: AliasTable | None = None) -> bool:
    """Can these two claims be about one fact at all? (`aliases`: the table scopes are read with.)"""
    if a.kind != b.kind:
        return False
    if a.kind == "event_date":
        # the dates are the values compared, so they only block when far apart: a date
        # stated a month or more away from another is another event, not a contradiction
        va, vb = a.value, b.value
        if isinstance(va, DateSpan) and isinstance(vb, DateSpan):
            va, vb = as_pair(va, vb)
            gap = max((va.start - vb.end).days, (vb.start - va.end).days)
            return gap <= EVENT_DATE_MAX_GAP
        return True
    if a.kind in NUMERIC_KINDS and scope_key(a.scope, aliases).wide != scope_key(b.scope, aliases).wide:
        return False  # the war's or country's toll and the incident's: two facts
    if a.kind in NUMERIC_KINDS and _nations_differ(a.scope, b.scope, aliases, same_source=a.source_id == b.source_id):
        return False  # "Indian soldiers killed" and "Chinese soldiers killed" are two facts
    if a.source_id == b.source_id and a.kind in NUMERIC_KINDS and sides_differ(a.sentence, b.sentence):
        return False  # one fact box's "Casualties1" and "Casualties2": two sides' dead
    if a.kind in NUMERIC_KINDS and (_of_another_year(a, b) or _of_another_year(b, a)):
        return False  # "on 8 February 1962 nine were killed" beside accounts of October 1961
    # a count's sentence date is often when it was stated or counted, not when the deaths were:
    # unless both name a day, only times a year apart keep two counts apart (issue #8, event
    # time versus statement time); two days a week apart are two incidents
    ta, tb = claim_time(a), claim_time(b)
    slack = 0
    days = ta and tb and {ta.precision, tb.precision} <= {"day", "days"}
    if a.kind in NUMERIC_KINDS and not (days and told_here(a) and told_here(b)):
        # a day an earlier sentence gave ("on Sunday ... 'No civilian casualties were reported'") may
        # be when it was said or counted: only a count's own day keeps it apart from another's
        slack = COUNT_TIME_SLACK
    elif a.when is None or b.when is None:
        slack = COUNT_TIME_SLACK  # a document's event years often include when it was written
    elif isinstance(a.value, Duration) and isinstance(b.value, Duration):
        if _timed_by_itself(a) or _timed_by_itself(b):
            return True  # "it ended three days later": a time counted from the length is no time of its own
        # a length's sentence dates its start ("held them for three days from 1 May") or its end:
        # two times that far apart still meet
        slack = math.ceil(max(a.value.days, b.value.days)) + ACT_DAY_SLACK
    if a.kind == "initiator" and _days_apart(a.when, b.when):
        return False  # "stormed the school on 1 September" / "entered it on 3 September": two acts
    pairs = [(x, y) for x in claim_times(a) for y in claim_times(b)]
    if not pairs or any(times_meet(x, y, at_least=slack) for x, y in pairs):
        return True
    # across accounts, a day of unknown year may fall in the other's year
    return a.source_id != b.source_id and any(_yearless_in_period(x, y) for x, y in pairs)


def _of_another_year(timed: Claim, other: Claim) -> bool:
    """A count whose own sentence dates it in years that neither its document nor the other's
    names its event in, against a count with no time of its own or one in its document's event years
    (so of its document's event): an earlier or later incident told beside the event ("the killings
    are set beside those of 8 February 1962, when nine died", "after the genocide of 1994, in which
    800,000 were murdered"), not a rival count of it."""
    if timed.when is None or not told_here(timed):
        return False
    own, theirs = event_years(timed), event_years(other)
    if not own or not theirs or timed.when.start.year == YEAR_UNKNOWN:
        return False
    if other.when is not None and (
        other.when.start.year == YEAR_UNKNOWN
        or not set(range(other.when.start.year, other.when.end.year + 1)) <= set(theirs)
    ):
        return False  # a count with a time of its own outside its account's event years: no anchor
    years = set(range(timed.when.start.year, timed.when.end.year + 1))
    return years.isdisjoint(own) and years.isdisjoint(theirs)


def _timed_by_itself(c: Claim) -> bool:
    """ "It ended three days later": the length's own words are its time, counted from an anchor
    that may be another event's."""
    return isinstance(c.value, Duration) and c.when is not None and c.when.text.lower() in c.value.text.lower()


ACT_DAY_SLACK = 1  # days: one act told a day apart (a night, a time zone) is still one act


def _days_apart(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Both name the day of their act, more than a day apart."""
    if a is None or b is None or not {a.precision, b.precision} <= {"day", "days"}:
        return False
    a, b = as_pair(a, b)  # "the Sept. 3 storming": the other's year
    if YEAR_UNKNOWN in (a.start.year, b.start.year):
        return False
    slack = timedelta(days=ACT_DAY_SLACK)
    return a.end + slack < b.start or b.end + slack < a.start


def _denies_the_act(a: Claim, va: Actor, b: Claim, vb: Actor) -> bool:
    """One account says an actor did an act, the other that it did not: the same act word, and the
    same party or a state's unnamed forces against a name (FAILURE_MODES 15)."""
    if va.negated == vb.negated or not a.about or not b.about or a.about.split()[0] != b.about.split()[0]:
        return False
    if same_party(va.actor, vb.actor):
        return True
    sides = {side(va.actor), side(vb.actor)}
    return "state" in sides and sides <= {"state", None}


def _different_attacks(a: Actor, b: Actor) -> bool:
    """X hit one thing, Y hit another: two attacks (a strike and the reply), not two accounts of one.
    Mirrored accusations (X hit Y, Y hit X) and claims without a target are one dispute."""
    if same_party(a.actor, b.actor) or not a.target or not b.target:
        return False
    if accuse_each_other(a.actor, a.target, b.actor, b.target):
        return False
    return fuzz.token_set_ratio(_bare(a.target), _bare(b.target)) < 60


def _bare(phrase: str) -> str:
    """ "the bridge" -> "bridge": two targets share no article's worth of likeness."""
    return re.sub(r"^(the|a|an)\s+", "", phrase.lower().strip())


def war_onset(c: Claim) -> bool:
    """The blame claim says who began the conflict as a whole (claims.sub_event.tells_war_onset)."""
    if not isinstance(c.value, Actor):
        return False
    return tells_war_onset(_told(c), re.findall(r"[a-z]+", c.sentence.lower()), c.value.target, c.value.began)


def _told(c: Claim) -> list[str]:
    """What a blame claim's own words say it is about: its act word and its quote's words."""
    return [*c.about.lower().split(), *re.findall(r"[a-z]+", c.quote.lower())]


def _denies_it_happened(denial: Claim, other: Claim) -> bool:
    """ "The reported raid never took place" against an account of who carried out the raid: the act
    it names is in the other's words, or both are of the incident's killing (FAILURE_MODES 15)."""
    va, vb = denial.value, other.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or va.actor != NOBODY or vb.actor == NOBODY:
        return False
    act = denial.about.lower().split()[:1]
    told = _told(other)
    if act and (act[0] in told or act[0].rstrip("s") in {w.rstrip("s") for w in told}):
        return True
    if not tells_killing(_told(denial), None):
        return False
    # "there was no massacre" / "blamed the security forces": a blame that names no act of its own is
    # blame for the incident, whose killing the denial says never happened
    return tells_killing(told, vb.target) or (vb.target is None and names_no_act(told))


def names_no_act(words: list[str]) -> bool:
    """A blame claim's words name no act or war: "blamed the security forces", "accused the police"."""
    return act_vocabulary().isdisjoint(words)


@lru_cache(maxsize=1)
def act_vocabulary() -> frozenset[str]:
    """Every word that names an act or a war, as written."""
    forms = {w.lower() for w in violent_words()}
    return frozenset(forms | {f + s for f in forms for s in ("s", "ed", "ing", "d")})


def accident_meets(a: Claim, b: Claim) -> bool:
    """ "The crash was caused by a technical failure" / "a missile brought the airliner down": one says
    it was an accident, the other who did it to a craft (rules initiator.craft_nouns): the accounts of
    one event name one craft in many words ("the aircraft", "the plane", "the flight")."""
    va, vb = a.value, b.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or a.source_id == b.source_id:
        return False
    if (va.actor == ACCIDENT) == (vb.actor == ACCIDENT):
        return False
    other = b if va.actor == ACCIDENT else a
    craft = _craft_nouns()
    told = [*(other.value.target or "").lower().split(), *_told(other)]  # type: ignore[union-attr]
    return any(w in craft or w.rstrip("s") in craft for w in told)


@lru_cache(maxsize=1)
def _craft_nouns() -> frozenset[str]:
    """Read once: blame claims are scored pair by pair (rules initiator.craft_nouns)."""
    return frozenset(rules()["initiator"]["craft_nouns"])


def violence_begun_and_done(a: Claim, b: Claim) -> bool:
    """One account says who began the incident's bloodshed ("the militants had started the violence"),
    the other who fired on or killed its people ("soldiers fired into the crowd"): across accounts, one
    question of who is to blame for it (claims.sub_event.tells_unrest_onset)."""
    va, vb = a.value, b.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or a.source_id == b.source_id:
        return False
    if NOBODY in (va.actor, vb.actor):
        return False
    ta, tb = _told(a), _told(b)
    return (tells_unrest_onset(ta) and _harms(b, tb)) or (tells_unrest_onset(tb) and _harms(a, ta))


def _harms(c: Claim, told: list[str]) -> bool:
    """The blame claim tells who fired, or who killed the incident's people."""
    return tells_firing(c.about) or tells_killing(told, c.value.target)  # type: ignore[union-attr]


def one_incident_act(a: Claim, b: Claim) -> bool:
    """Two accounts' blame claims answer the incident's one question of who did it: both say who
    killed its people, both who made them leave, or both name the incident only as a whole ("is
    responsible for this crime" / "carried out the attack") without naming two targets
    (claims.sub_event.tells_killing, tells_expulsion, tells_incident). Never the war's onset."""
    va, vb = a.value, b.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or a.source_id == b.source_id:
        return False
    if war_onset(a) or war_onset(b):
        return False
    ta, tb = _told(a), _told(b)
    if tells_killing(ta, va.target) and tells_killing(tb, vb.target):
        return True
    if tells_expulsion(ta) and tells_expulsion(tb):
        return True
    if tells_firing(a.about) and tells_firing(b.about):
        return True  # "opened fire on the march" / "came under fire from gunmen": who fired
    if NOBODY in (va.actor, vb.actor):
        return False  # "there was no massacre" denies its own act only (_denies_it_happened)
    return tells_incident(ta, va.target) and tells_incident(tb, vb.target) and not _different_attacks(va, vb)


def _nations_differ(a: str | None, b: str | None, aliases: AliasTable | None = None, *,
                    same_source: bool = False) -> bool:  # fmt: skip
    """Two states the actor table knows: a hard block. A people's name it does not know ("Arabs"
    against "Palestinians") may be the same people in other words (issue #8), so it only weighs;
    but one account naming two sides (its "Casualties1" and "Casualties2") means two sides."""
    sa, sb = scope_key(a, aliases), scope_key(b, aliases)
    if not (sa.named and sb.named) and not same_source:
        return False
    return bool(sa.nations and sb.nations and not (sa.nations & sb.nations) and not (sa.total or sb.total))


def _weighted_overlap(a: Claim, b: Claim, voc: Vocabulary) -> float:
    wa, sum_a, sq_a = voc.weights(a)
    wb, sum_b, sq_b = voc.weights(b)
    if not wa or not wb:
        return 0.0
    common = [w for w in wa if w in wb]  # in word order: a float sum must not follow string hashing
    shared = sum(min(wa[w], wb[w]) for w in common)
    dice = 2 * shared / (sum_a + sum_b)
    norm = math.sqrt(sq_a * sq_b)
    cosine = sum(wa[w] * wb[w] for w in common) / norm if norm else 0.0
    return max(dice, cosine)


def event_similarity(a: Claim, b: Claim, voc: Vocabulary) -> float:
    """How surely two claims' documents tell of one event, for a verdict: the rarer the names their
    headlines and leads share across the collection, the surer (IDF-weighted cosine; years are left
    to time). Strict where every account is of one event: analysis.relate lets two counts contradict
    on it only when it is high."""
    return _cosine(a, b, voc.event_weights)


def event_prior(a: Claim, b: Claim, voc: Vocabulary) -> float:
    """How likely two claims' documents tell of one event, for grouping: the names their headlines
    and leads share, weighed by how specific each is in English at large (claims.specificity), so that
    accounts of one event share its town's name at full weight whatever else was collected (issue #8:
    weighed by the collection, the name every account shares weighed least)."""
    return _cosine(a, b, voc.prior_weights)


def _cosine(a: Claim, b: Claim, weights: Callable[[Claim], tuple[dict[str, float], float]]) -> float:
    if a.source_id == b.source_id:
        return SAME_SOURCE_EVENT
    (wa, na), (wb, nb) = weights(a), weights(b)
    if not na or not nb:
        return 0.0
    return sum(w for t, w in wa.items() if t in wb) / (na * nb)


def pair_score(a: Claim, b: Claim, voc: Vocabulary, aliases: AliasTable | None = None) -> float | None:
    """How likely two claims state the same fact (None: they cannot): their own evidence, plus for
    counts the prior that two accounts of one event give counts of that event (issue #8)."""
    evidence = pair_evidence(a, b, voc, aliases)
    if evidence is None:
        return None
    weight = EVENT_WEIGHT.get(a.kind, 0.0)
    if a.kind == "initiator" and a.source_id == b.source_id:
        weight = 0.0  # one account blames for many acts; across accounts, for the event's main one
    if a.kind in VALUE_BOUND_PRIOR and not _values_meet(a, b):
        weight = 0.0  # two dates or lengths that differ are two things of one event, not one fact
    return evidence + weight * event_prior(a, b, voc)


def _values_meet(a: Claim, b: Claim) -> bool:
    va, vb = a.value, b.value
    if isinstance(va, DateSpan) and isinstance(vb, DateSpan):
        va, vb = as_pair(va, vb)
        # a year holds every event of that year: only days and months say "the same moment"
        precise = {va.precision, vb.precision} <= {"day", "days", "month"}
        return precise and va.start <= vb.end and vb.start <= va.end
    if isinstance(va, Duration) and isinstance(vb, Duration):
        return abs(va.days - vb.days) <= 0.1 * max(va.days, vb.days, 1)
    return True


NEAR_DAYS = 3  # two days named this close are more often rival days of one act than two acts


def _days_off(a: DateSpan, b: DateSpan) -> bool:
    """Two days, apart by at most NEAR_DAYS."""
    if not {a.precision, b.precision} <= {"day", "days"}:
        return False
    return max((a.start - b.end).days, (b.start - a.end).days) <= NEAR_DAYS


def pair_evidence(a: Claim, b: Claim, voc: Vocabulary, aliases: AliasTable | None = None) -> float | None:
    """What the two claims' own words, times and values say about being one fact (None: they cannot)."""
    if not compatible(a, b, aliases):
        return None
    text = _weighted_overlap(a, b, voc)
    about = fuzz.token_set_ratio(a.about.lower(), b.about.lower()) / 100.0 if a.about and b.about else 0.0
    score = 0.75 * text + 0.25 * about
    if a.kind != "event_date":
        meet = times_meet(a.when, b.when)
        if meet is None:
            score -= UNKNOWN_TIME_PENALTY.get(a.kind, 0.0)
        elif meet:
            score += time_bonus(a.when, b.when, numeric=a.kind in NUMERIC_KINDS)
    va, vb = a.value, b.value
    if isinstance(va, DateSpan) and isinstance(vb, DateSpan):
        va, vb = as_pair(va, vb)
        if va.start == vb.start and va.end == vb.end and va.precision in ("day", "days"):
            score += 0.3
        elif va.start <= vb.end and vb.start <= va.end:
            score += 0.1
        elif _days_off(va, vb):
            score -= 0.1  # "began on 16 September" / "on 17 September": rival days of one act, likelier than two acts
        else:
            score -= 0.3
    elif isinstance(va, Duration) and isinstance(vb, Duration):
        score += 0.3 if abs(va.days - vb.days) <= 0.05 * max(va.days, vb.days, 1) else -0.1
    elif isinstance(va, Count) and isinstance(vb, Count):
        # "Indian soldiers killed" and "Chinese soldiers killed" are two facts
        sa, sb = scope_key(a.scope, aliases), scope_key(b.scope, aliases)
        if scopes_disjoint(sa, sb):
            score -= 0.15  # different roles (soldiers, civilians): likely two facts
        elif sa.nations and sa.nations == sb.nations:
            score += 0.12
    elif isinstance(va, Actor) and isinstance(vb, Actor):
        score = _blame_evidence(a, va, b, vb, score)
    return score


def _blame_evidence(a: Claim, va: Actor, b: Claim, vb: Actor, score: float) -> float:
    """Two blame claims: who-started claims about one war name the same parties, whoever they blame."""
    pa = {va.actor, va.target, *a.entities} - {None}
    pb = {vb.actor, vb.target, *b.entities} - {None}
    if pa and pb:
        shared = sum(1 for x in pa if any(same_party(x, y) for y in pb))
        score += 0.25 * shared / (len(pa) + len(pb) - shared)
    if war_onset(a) and war_onset(b):
        # "X started the war" / "the war erupted when Y attacked": one question, at least at the bar
        return max(score, align_threshold())
    if a.source_id != b.source_id and (_denies_it_happened(a, b) or _denies_it_happened(b, a)):
        return max(score, align_threshold())  # "the raid never took place" / "troops raided the village"
    if violence_begun_and_done(a, b):
        return max(score, align_threshold())  # "militants started the violence" / "troops fired on the crowd"
    if accident_meets(a, b):
        return max(score, align_threshold())  # "a technical failure" / "shot down by a missile"
    if one_incident_act(a, b):
        # "the victims were killed by X" / "Y massacred the families": who killed the incident's
        # people; "X expelled them" / "their leaders told them to leave": who made them leave
        return max(score, align_threshold())
    if _denies_the_act(a, va, b, vb):
        return max(score, align_threshold())  # "troops did not fire on citizens" / "Uzbek troops opened fire"
    # two attacks, or a running series of them beside one act; a war's beginning has no one target
    two_targets = _different_attacks(va, vb) and not (war_onset(a) or war_onset(b))
    if two_targets or series_of_acts(a.quote) != series_of_acts(b.quote):
        score -= 0.3
    return score


@dataclass
class Alignment:
    groups: list[list[Claim]]
    scores: Mapping[tuple[str, str], float]


def block_keys(c: Claim) -> list[str]:
    """Keys of the inverted index: context words, and the years the claim's time covers
    (counts are often told in words that share nothing but the period)."""
    keys = list(features(c)) + event_keys(c)
    if c.when is not None and c.when.start.year != YEAR_UNKNOWN and c.when.end.year - c.when.start.year <= 10:
        keys.extend(f"@year:{y}" for y in range(c.when.start.year, c.when.end.year + 1))
    return keys


def candidate_pairs(claims: list[Claim]) -> set[tuple[int, int]]:
    """Pairs sharing at least one context word or year (blocking by an inverted index)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for w in block_keys(c):
            postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for idx in postings.values():
        if len(idx) <= MAX_POSTINGS:
            # indices are ascending: the same pairs, in the same order, as a double loop (issue #11)
            pairs.update(combinations(idx, 2))
    return pairs


def align_threshold() -> float:
    """The score at which two claims are one fact: 0.34 unless $RASHOMON_ALIGN_THRESHOLD says otherwise."""
    return thresholds().align


def align(claims: list[Claim], voc: Vocabulary | None = None, threshold: float | None = None,
          aliases: AliasTable | None = None) -> Alignment:  # fmt: skip
    """Group claims (all kinds mixed in; kinds never share a group); `threshold` defaults to align_threshold().

    Claims are aligned as distinct statements (analysis.distinct.alignment_keys, issue #11): copies of
    one statement in many sources are one unit that carries their number, so N copies of a few
    accounts give the facts a few copies give, with more members."""
    threshold = align_threshold() if threshold is None else threshold
    voc = voc or Vocabulary.of(claims)
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_kind[c.kind].append(c)
    groups: list[list[Claim]] = []
    scores = PairScores()
    for kind in sorted(by_kind):
        members = by_kind[kind]
        groups.extend(_cluster(members, voc, threshold, scores, aliases))
    groups.sort(key=lambda g: min(c.start for c in g) if g else 0)
    groups.sort(key=lambda g: (g[0].source_id, g[0].start))
    return Alignment(groups, scores)


def _cluster(members: list[Claim], voc: Vocabulary, threshold: float, scores: PairScores,
             aliases: AliasTable | None = None) -> list[list[Claim]]:  # fmt: skip
    """Cluster one kind's claims as units of distinct statements; each unit's claims join as one."""
    units = Units(members, partial(compatible, aliases=aliases))
    reps = units.reps
    edges, incompatible, local, known = _score_units(units, voc, threshold, scores, aliases)
    cluster_of = list(range(len(reps)))
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(reps))}
    weight = list(units.weights)  # claims per cluster: a merge is judged on the mean over claim pairs
    # Clusters only grow, so (id, size) names one state of a cluster: a merge refused between
    # two states is refused again, without walking their member pairs anew (issue #11).
    refused: set[tuple[int, int, int, int]] = set()
    fits = units.fits
    for _s, i, j in sorted(edges, reverse=True):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = clusters[ci], clusters[cj]
        state = (ci, len(a), cj, len(b))
        if state in refused:
            continue
        total = _linkage(reps, a, b, known, incompatible, fits)
        if total is None or total / (weight[ci] * weight[cj]) < threshold * 0.75:
            refused.add(state)
            continue
        a.extend(b)
        weight[ci] += weight[cj]
        del clusters[cj]
        for x in b:
            cluster_of[x] = ci
    _attach_restatements(reps, local, incompatible, clusters, cluster_of, threshold, fits)
    return [[members[k] for k in sorted(m for i in idx for m in units.members[i])] for idx in clusters.values()]


def _score_units(units: Units, voc: Vocabulary, threshold: float, scores: PairScores,
                 aliases: AliasTable | None = None) -> tuple[
        list[tuple[float, int, int]], set[tuple[int, int]], dict[tuple[int, int], float],
        dict[tuple[int, int], float | None]]:  # fmt: skip
    """Score the candidate pairs of units, each kind of claim pair they stand for once: (edges at the
    threshold, incompatible unit pairs, scores of unit pairs whose claims share a source, what each
    scored unit pair adds to a merge).

    Two statements that some source makes together are read as that source makes them, wherever
    else they are printed: their pair is scored as one of one source (alignment's same-source rules),
    and that score counts for every claim pair they stand for. So how many sources reprint an account
    does not change how its statements align (issue #11). A pair any of whose kinds of claim pairs
    cannot be one fact is never merged across."""
    edges: list[tuple[float, int, int]] = []
    incompatible: set[tuple[int, int]] = set()
    local: dict[tuple[int, int], float] = {}
    known: dict[tuple[int, int], float | None] = {}
    table: dict[tuple[int, int, bool], float] = {}
    weights = units.weights
    for i, j in candidate_pairs(units.reps):
        found: float | None = None
        fits = True
        for same, _n in units.pair_counts(i, j):  # of two sources first, then of one
            s = pair_score(*units.as_pair(i, j, same), voc, aliases)
            if s is None:
                fits = False
                continue
            table[(i, j, same)] = s
            found = s
            if same:
                local[(i, j)] = s
        if not fits:
            incompatible.add((i, j))
            known[(i, j)] = None
            continue
        assert found is not None
        if found >= threshold:
            edges.append((found, i, j))
        known[(i, j)] = found if weights[i] == weights[j] == 1 else weights[i] * weights[j] * found
    for i in units.repeated():  # copies of one statement: scored among themselves, for the verdicts
        for same, _n in units.pair_counts(i, i):
            s = pair_score(*units.as_pair(i, i, same), voc, aliases)
            if s is not None:
                table[(i, i, same)] = s
    scores.add(units, table)
    return edges, incompatible, local, known


def _linkage(members: list[Claim], a: list[int], b: list[int], known: dict[tuple[int, int], float | None],
             incompatible: set[tuple[int, int]],
             fits: Callable[[int, int], bool] | None = None) -> float | None:  # fmt: skip
    """The summed scores of every pair across two clusters, in reading order (None: a pair cannot
    be one fact). Pairs met for the first time are checked for compatibility and remembered."""
    total = 0.0
    for x in a:
        for y in b:
            key = (x, y) if x < y else (y, x)
            found = known.get(key, _UNSEEN)
            if found is _UNSEEN:
                ok = fits(x, y) if fits is not None else compatible(members[x], members[y])
                found = 0.0 if ok else None
                known[key] = found
                if found is None:
                    incompatible.add(key)
            if found is None:
                return None
            total += found  # type: ignore[operator]
    return total


_UNSEEN = object()  # a pair not met yet


def _attach_restatements(reps: list[Claim], local: dict[tuple[int, int], float], incompatible: set[tuple[int, int]],
                         clusters: dict[int, list[int]], cluster_of: list[int], threshold: float,
                         fits: Callable[[int, int], bool]) -> None:  # fmt: skip
    """A lone statement that restates, in its source's own words, a value the same source gives
    inside a group joins that group (it is folded into the fuller statement later). `local` holds
    the scores of unit pairs whose claims share a source; a lone unit is a cluster of one statement
    (however many sources print it), a group one of two statements or more."""
    for (i, j), s in sorted(local.items(), key=lambda kv: -kv[1]):
        if s < RESTATEMENT_SHARE * threshold:
            continue
        if value_key(reps[i]) != value_key(reps[j]):
            continue
        for lone, anchor in ((i, j), (j, i)):
            if len(clusters[cluster_of[lone]]) != 1 or len(clusters[cluster_of[anchor]]) < 2:
                continue
            target = cluster_of[anchor]
            if any((min(lone, x), max(lone, x)) in incompatible or not fits(lone, x) for x in clusters[target]):
                continue
            del clusters[cluster_of[lone]]
            clusters[target].append(lone)
            cluster_of[lone] = target
            break
