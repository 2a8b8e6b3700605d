"""Which incident each source tells of (issue #8: several events in one collection).

A collection may hold accounts of many incidents. Two documents are of one
incident when the names their headlines and leads share are specific in English
at large (the event prior, analysis.align.event_prior, per document); incidents
are the connected documents. A document linked to no other joins the one it
shares most with, so a short or oddly titled account is not cut off from its
event. Claims of different incidents are never compared, and each incident's
words are weighed by its own documents: the name every account of one event
shares is weighed as in a collection of that event alone.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from analysis.event_keys import sounded
from claims.dates import MONTHS, WEEKDAYS
from claims.event import EVENT_YEAR, PREFIX, is_year_key
from claims.models import Claim
from claims.rules import rules
from claims.specificity import name_specificity

CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
WRITTEN = PREFIX + "w"  # the year a document was written, beside its event years (EVENT_YEAR)
MAX_POSTINGS = 400  # a name held by more documents than this blocks nothing (it still weighs)


def event_names(claims: Iterable[Claim]) -> dict[str, list[str]]:
    """source id -> the event names and years of its headline and lead, and the year it was written,
    sources in the order their claims come."""
    found: dict[str, list[str]] = {}
    for c in claims:
        names = found.setdefault(c.source_id, [])
        names.extend(t for t in [*c.event, *published_year(c.published)] if t not in names)
    return found


def published_year(published: date | None) -> list[str]:
    """The year a document was written counts among its event years: a wire of the day names no year
    ("on Monday night"), and its lead may name an older event ("the worst since 2005")."""
    return [f"{WRITTEN}{published.year}"] if published is not None else []


def _weighed(names: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Each document's names with their squared specificity; years, months and weekdays ("July" of a
    headline's date), and words so common they name nothing ("the"), left out. A one-word name is
    held under its sound (sounded): "Kwangju" in the accounts of 1980 and "Gwangju" in later ones
    are one town."""
    floor = rules()["event_prior"]["floor"]
    out: dict[str, dict[str, float]] = {}
    for source, held in names.items():
        weights: dict[str, float] = {}
        for t in sorted(set(held)):  # in one order whoever lists them: float sums must not differ
            if is_year_key(t) or is_year_key(t, WRITTEN) or t[len(PREFIX) :] in CALENDAR:
                continue
            key = sounded(t)
            weights[key] = max(weights.get(key, 0.0), name_specificity(t[len(PREFIX) :]))
        out[source] = {t: w * w for t, w in weights.items() if w > floor}
    return out


def _years(names: dict[str, list[str]], *, written: bool = True) -> dict[str, frozenset[int]]:
    """Each document's event years, and (`written`) the year it was written."""
    prefixes = (EVENT_YEAR, WRITTEN) if written else (EVENT_YEAR,)
    return {
        s: frozenset(int(t[len(p) :]) for t in held for p in prefixes if is_year_key(t, p)) for s, held in names.items()
    }


class _Cosines:
    """Documents' cosine over the names they share, by an index of the names (a name held by more
    than MAX_POSTINGS documents offers no pairs, though it still weighs); 0 for two documents whose
    event years are all far apart (rules event_prior.incident_years_apart)."""

    def __init__(self, names: dict[str, dict[str, float]], years: dict[str, frozenset[int]]) -> None:
        self.names, self.years = names, years
        self.apart = rules()["event_prior"]["incident_years_apart"]
        self.norms = {s: math.sqrt(sum(w.values())) for s, w in names.items()}
        postings: dict[str, list[str]] = defaultdict(list)
        for source, held in names.items():
            for t in held:
                postings[t].append(source)
        self.postings = {t: holders for t, holders in postings.items() if len(holders) <= MAX_POSTINGS}

    def of(self, a: str, b: str) -> float:
        ya, yb = self.years[a], self.years[b]
        if ya and yb and _far(ya, yb, self.apart):
            return 0.0  # the raid of 2002 and the massacre of 1982: two incidents
        wa, wb = self.names[a], self.names[b]
        norm = self.norms[a] * self.norms[b]
        return sum(w for t, w in wa.items() if t in wb) / norm if norm else 0.0

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Every two documents that share an indexed name (a pair may come once per name)."""
        for holders in self.postings.values():
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    yield a, b

    def neighbours(self, one: str) -> Iterator[str]:
        """The documents sharing an indexed name with `one`, each once."""
        seen = {one}
        for t in self.names[one]:
            for other in self.postings.get(t, ()):
                if other not in seen:
                    seen.add(other)
                    yield other


def _far(a: frozenset[int], b: frozenset[int], apart: int) -> bool:
    """Every year of one at least `apart` from every year of the other."""
    return min(abs(x - y) for x in a for y in b) >= apart


def incidents(claims: list[Claim]) -> dict[str, str]:
    """source id -> its incident (the first source of it, in the claims' order)."""
    return partition(event_names(claims))


def by_incident(claims: list[Claim]) -> list[list[Claim]]:
    """The claims of each incident, incidents in the order of their first claim."""
    of = incidents(claims)
    parts: dict[str, list[Claim]] = {}
    for c in claims:
        parts.setdefault(of[c.source_id], []).append(c)
    return list(parts.values())


def partition(event_names: dict[str, list[str]]) -> dict[str, str]:
    """source id -> its incident, named by its first source in `event_names`' order.

    Documents that name the same things and years (reprints of one account) count as one (issue #11,
    as alignment counts distinct statements): how many copies a collection holds does not change
    how its accounts fall into incidents, nor which names are too common to link by."""
    unit_of: dict[str, str] = {}
    first: dict[tuple[str, ...], str] = {}
    for source, held in event_names.items():
        unit_of[source] = first.setdefault(tuple(sorted(set(held))), source)
    sizes = Counter(unit_of.values())
    roots = _partition_units({unit: event_names[unit] for unit in sizes}, sizes)
    return {source: roots[unit] for source, unit in unit_of.items()}


def _partition_units(event_names: dict[str, list[str]], sizes: Counter[str]) -> dict[str, str]:
    """partition() over distinct documents, each standing for `sizes` of them (a lone one is one
    document: an account reprinted twice is an incident of its own)."""
    names = _weighed(event_names)
    if not names:
        return {}
    years = _years(event_names)
    sets = _Sets(list(names), sizes)
    cosines = _Cosines(names, years)
    link = rules()["event_prior"]["incident_link"]
    for a, b in cosines.pairs():  # components do not depend on the order links are found in
        if sets.find(a) != sets.find(b) and cosines.of(a, b) >= link:
            sets.union(a, b)
    # a document linked to none joins the one it shares most with (the earlier one of a tie)
    lone = [s for s in names if sets.size(s) == 1]
    best: dict[str, str] = {}
    for one in lone:
        scored = [
            (sim, -sets.order[other], other) for other in cosines.neighbours(one) if (sim := cosines.of(one, other)) > 0
        ]
        if scored:
            best[one] = max(scored)[2]
    for one in lone:
        if one in best:
            sets.union(one, best[one])
    # one that shares no name with any is not cut off from its event: it joins the incident whose
    # documents share most of its years, else the largest
    nameless = [s for s in lone if s not in best]
    if nameless:
        places = _Years(sets, years, _years(event_names, written=False))
        for one in nameless:
            sets.union(one, places.best(one))
    return {s: sets.find(s) for s in names}


class _Years:
    """Which incident suits a document that shares no name with any: the one whose documents name
    most of the years its text names, then most of all its years (the year written included), then
    the largest, then the earlier. Counted once over the incidents as the names left them, so each
    such document costs its own years, not a pass over every document."""

    def __init__(self, sets: _Sets, years: dict[str, frozenset[int]], told: dict[str, frozenset[int]]) -> None:
        self.sets, self.years, self.told = sets, years, told
        self.of_told: dict[int, Counter[str]] = defaultdict(Counter)
        self.of_all: dict[int, Counter[str]] = defaultdict(Counter)
        for s in sets.order:
            root = sets.find(s)
            for y in told[s]:
                self.of_told[y][root] += 1
            for y in years[s]:
                self.of_all[y][root] += 1
        self.largest = sets.find(max(sets.order, key=lambda s: (sets.size(s), -sets.order[sets.find(s)])))

    def best(self, one: str) -> str:
        score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for y in self.told[one]:
            for root, n in self.of_told[y].items():
                score[root][0] += n
        for y in self.years[one]:
            for root, n in self.of_all[y].items():
                score[root][1] += n
        score.pop(one, None)  # itself: alone when the counts were made
        if not score:
            return self.largest
        return max(score, key=lambda r: (*score[r], self.sets.size(r), -self.sets.order[r]))


class _Sets:
    """Union-find over sources; a set is named by its earliest source."""

    def __init__(self, items: list[str], sizes: Counter[str]) -> None:
        self.order = {s: n for n, s in enumerate(items)}
        self.parent = {s: s for s in items}
        self.sizes = {s: sizes[s] for s in items}

    def find(self, s: str) -> str:
        while self.parent[s] != s:
            self.parent[s] = self.parent[self.parent[s]]
            s = self.parent[s]
        return s

    def size(self, s: str) -> int:
        return self.sizes[self.find(s)]

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self.order.__getitem__)
            self.parent[second] = first
            self.sizes[first] += self.sizes.pop(second)


def group_order(grouped: list[Claim]) -> tuple[str, int, int]:
    """Where analysis.align.align puts a group among all (its first claim's source and offset, then
    its earliest offset): groups of several incidents are put in the order one alignment gives."""
    return (grouped[0].source_id, grouped[0].start, min(c.start for c in grouped))
