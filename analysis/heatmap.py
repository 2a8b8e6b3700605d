"""Who contradicts whom: the source-by-source counts the overview's heatmap shows (issues #4, #11).

Counted per fact, not per claim pair, so a source that repeats a figure three
times does not weigh three times; only pairs of sources that share a fact are
counted (1,000 sources are a million pairs, of which a few thousand speak of
the same facts). dashboard/heatmap.py draws them as an HTML table. Pure Python, so
the overview kept with a workspace's analysis (analysis/overview.py) is built
without pandas; dashboard/tables.py makes frames of the same rows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from analysis.models import Relation, Report
from analysis.pairs import relation_pairs
from analysis.report.labels import AGREES, CLAIM_STATUSES, CONTRADICTS, RELATION_LABELS, SCOPE, UNCLEAR
from analysis.views import Index, labels_of, source_labels, worse
from sources.models import Source

HEATMAP_COLUMNS = ["a", "b", "shared", "agree", "contradict", "scope", "unclear", "contradict_share"]
# Cells whose text would overlap beyond this many sources are left to the tooltip.
HEATMAP_TEXT_MAX = 12
HEATMAP_MAX_SOURCES = 30  # more is a grid of specks, and slow to draw (issue #4: the overview in < 3 s)
COUNTS = ("shared", "agree", "contradict", "scope", "unclear")
Counts = dict[tuple[str, str], dict[str, int]]


def worst_per_fact(report: Report, index: Index) -> dict[tuple[str, str, str], str]:
    """(source a, source b, group) -> the worst relation between their claims on that fact, each pair of
    sources once, in the order its relations first name them (issue #11)."""
    return {
        (sa, sb, gid): status
        for gid, relations in index.relations_in.items()
        for (sa, sb), status in worst_in_fact(relations, index.source_ids).items()
    }


def worst_in_fact(relations: Iterable[Relation], source_of: Mapping[str, str]) -> dict[tuple[str, str], str]:
    """(source a, source b) -> the worst relation between their claims among one fact's relations, each
    pair of sources once, in the order the relations first name them."""
    worst: dict[tuple[str, str], str] = {}
    for rel in relations:
        status = RELATION_LABELS.get(rel.relation, UNCLEAR)
        if rel.also_a or rel.also_b:
            pairs = [(source_of.get(a), source_of.get(b)) for a, b in relation_pairs(rel, source_of)]
        else:  # one pair (issue #11: the most of a large workspace's relations)
            pairs = [(source_of.get(rel.claim_a), source_of.get(rel.claim_b))]
        for sa, sb in pairs:  # every pair of sources it stands for (issue #11)
            if sa is None or sb is None or sa == sb:
                continue
            key = (sa, sb) if (sb, sa) not in worst else (sb, sa)
            worst[key] = worse(worst.get(key), status)
    return worst


def pair_counts(report: Report, index: Index) -> Counts:
    """(source a, source b) -> how many facts they share by status, both ways round."""
    return tally((sa, sb, status) for (sa, sb, _gid), status in worst_per_fact(report, index).items())


def tally(worst: Iterable[tuple[str, str, str]]) -> Counts:
    """pair_counts from each fact's (source a, source b, worst status)."""
    counted: Counts = {}
    for sa, sb, status in worst:
        pair = (sa, sb) if (sb, sa) not in counted else (sb, sa)
        counts = counted.get(pair)
        if counts is None:
            counts = counted[pair] = dict.fromkeys(CLAIM_STATUSES, 0)
        counts[status] += 1
    return {**counted, **{(b, a): counts for (a, b), counts in counted.items()}}  # the same counts either way


def shown(report: Report, limit: int, index: Index) -> tuple[list[str], Counts]:
    """The sources a heatmap of at most `limit` shows (those sharing the most facts, in report order) and
    the counts of their pairs only (issue #11: the overview of 1,000 sources draws 30 of them)."""
    worst = [(sa, sb, status) for (sa, sb, _gid), status in worst_per_fact(report, index).items()]
    return shown_of(source_labels(report), worst, limit)


def shown_of(labels: Mapping[str, str], worst: Sequence[tuple[str, str, str]], limit: int
             ) -> tuple[list[str], Counts]:  # fmt: skip
    """shown, from the sources' labels and each fact's (source a, source b, worst status): a source's
    weight is the facts it shares, pair by pair; only the pairs of the sources chosen are counted (1,000
    sources share facts in some 100,000 pairs)."""
    everyone = list(labels.values())
    if len(everyone) <= limit:
        return everyone, tally(worst)
    weight: dict[str, int] = defaultdict(int)
    for sa, sb, _status in worst:
        if sa in labels and sb in labels:
            weight[labels[sa]] += 1
            weight[labels[sb]] += 1
    chosen = set(sorted(everyone, key=lambda label: -weight.get(label, 0))[:limit])
    ids = {sid for sid, label in labels.items() if label in chosen}
    return [label for label in everyone if label in chosen], tally(w for w in worst if w[0] in ids and w[1] in ids)


def rows(report: Report, counted: Counts) -> list[dict[str, Any]]:
    """One row (HEATMAP_COLUMNS) per ordered pair counted, in the sources' order; `contradict_share` is
    contradict / (agree + contradict), NaN when the pair decided nothing."""
    return rows_of(report.sources, counted)


def rows_of(sources: Sequence[Source], counted: Counts) -> list[dict[str, Any]]:
    """rows, from the sources in report order."""
    labels = labels_of(sources)
    order = {source.id: n for n, source in enumerate(sources)}
    out = []
    for a, b in sorted(counted, key=lambda pair: (order.get(pair[0], -1), order.get(pair[1], -1))):
        if a not in labels or b not in labels:
            continue
        counts = counted[(a, b)]
        decided = counts[AGREES] + counts[CONTRADICTS]
        out.append(
            {
                "a": labels[a],
                "b": labels[b],
                "shared": sum(counts.values()),
                "agree": counts[AGREES],
                "contradict": counts[CONTRADICTS],
                "scope": counts[SCOPE],
                "unclear": counts[UNCLEAR],
                "contradict_share": counts[CONTRADICTS] / decided if decided else math.nan,
            }
        )
    return out


def cells(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The cells drawn: only pairs that share a fact, the share rounded (None: nothing decided)."""
    out = []
    for pair in pairs:
        if pair["shared"] <= 0:
            continue
        cell: dict[str, Any] = {"a": pair["a"], "b": pair["b"], **{k: int(pair[k]) for k in COUNTS}}
        share = pair["contradict_share"]
        cell["share"] = None if share is None or math.isnan(share) else round(float(share), 2)
        out.append(cell)
    return out
