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
from collections import defaultdict
from collections.abc import Iterable

from claims.event import EVENT_YEAR, PREFIX
from claims.models import Claim
from claims.rules import rules
from claims.specificity import name_specificity

MAX_POSTINGS = 400  # a name held by more documents than this blocks nothing (it still weighs)


def event_names(claims: Iterable[Claim]) -> dict[str, list[str]]:
    """source id -> the event names and years of its headline and lead, sources in the order their
    claims come."""
    found: dict[str, list[str]] = {}
    for c in claims:
        names = found.setdefault(c.source_id, [])
        names.extend(t for t in c.event if t not in names)
    return found


def _weighed(names: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Each document's names with their squared specificity; years, and words so common they name
    nothing ("the" of a headline), left out."""
    floor = rules()["event_prior"]["floor"]
    out: dict[str, dict[str, float]] = {}
    for source, held in names.items():
        weights = {t: name_specificity(t[len(PREFIX) :]) for t in held if not t.startswith(EVENT_YEAR)}
        out[source] = {t: w * w for t, w in weights.items() if w > floor}
    return out


def _years(names: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {s: frozenset(t for t in held if t.startswith(EVENT_YEAR)) for s, held in names.items()}


def _similarities(names: dict[str, dict[str, float]]) -> dict[tuple[str, str], float]:
    """Cosine of every two documents that share a name held by at most MAX_POSTINGS documents."""
    postings: dict[str, list[str]] = defaultdict(list)
    for source, held in names.items():
        for t in held:
            postings[t].append(source)
    norms = {s: math.sqrt(sum(w.values())) for s, w in names.items()}
    pairs: dict[tuple[str, str], float] = {}
    for holders in postings.values():
        if len(holders) > MAX_POSTINGS:
            continue
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                key = (a, b) if a < b else (b, a)
                if key in pairs:
                    continue
                wa, wb = names[key[0]], names[key[1]]
                shared = sum(w for t, w in wa.items() if t in wb)
                norm = norms[key[0]] * norms[key[1]]
                pairs[key] = shared / norm if norm else 0.0
    return pairs


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
    """source id -> its incident, named by its first source in `event_names`' order."""
    names = _weighed(event_names)
    if not names:
        return {}
    sets = _Sets(list(names))
    sims = _similarities(names)
    link = rules()["event_prior"]["incident_link"]
    for (a, b), sim in sorted(sims.items(), key=lambda kv: (sets.order[kv[0][0]], sets.order[kv[0][1]])):
        if sim >= link:
            sets.union(a, b)
    # a document linked to none joins the one it shares most with (the earlier one of a tie)
    lone = {s for s in names if sets.size(s) == 1}
    best: dict[str, tuple[float, int, str]] = {}
    for (a, b), sim in sims.items():
        for one, other in ((a, b), (b, a)):
            if one in lone and sim > 0 and (sim, -sets.order[other]) > best.get(one, (0.0, 0, ""))[:2]:
                best[one] = (sim, -sets.order[other], other)
    for one in sorted(best, key=sets.order.__getitem__):
        sets.union(one, best[one][2])
    # one that shares no name with any is not cut off from its event: it joins the incident whose
    # documents share most of its years, else the largest
    years = _years(event_names)
    for s in [s for s in names if s in lone and s not in best]:
        sets.union(s, max((o for o in names if o != s), key=lambda o: _closeness(sets, years, s, o), default=s))
    return {s: sets.find(s) for s in names}


def _closeness(sets: _Sets, years: dict[str, frozenset[str]], lone: str, other: str) -> tuple[int, int, int]:
    """How well `other`'s incident suits a document that shares no name: years shared, its size, earliness."""
    return (len(years[lone] & years[other]), sets.size(other), -sets.order[sets.find(other)])


class _Sets:
    """Union-find over sources; a set is named by its earliest source."""

    def __init__(self, items: list[str]) -> None:
        self.order = {s: n for n, s in enumerate(items)}
        self.parent = {s: s for s in items}
        self.sizes = dict.fromkeys(items, 1)

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
