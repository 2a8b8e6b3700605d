"""What the overview below its four numbers shows, as plain data (issue #11).

What the overview finally draws is small: five cards, a 30-source heatmap, a
list of sources and the head of the review queue. `OverviewData` holds exactly
that, kept as JSON (`to_json`, `from_json`). It is assembled (`assemble`) from
each fact's digest (analysis.fact_digest), which the workspace keeps, so an
overview after adding one source to 1,000 reads the relations of the few facts
that changed (workspace/fact_digests.py); `overview_of` assembles it from a
whole report the same way. The workspace builds and keeps it when an analysis
ends (workspace/overview.py), so the dashboard's first visitor after an
analysis, as after a restart, draws the overview without reading the report.

Pure: no Streamlit, no pandas. The panels draw from this object only, so a kept
copy and a fresh one draw the same page (tests/test_overview_data.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from analysis import heatmap, views
from analysis.counts import ReportCounts
from analysis.fact_digest import FactDigest, digest_of
from analysis.report.labels import ALONE, CONTRADICTS, kind_label
from analysis.review_queue import reviewed_facts
from analysis.views import Index

if TYPE_CHECKING:
    from analysis.models import Group, Report
    from claims.models import Claim
    from sources.models import Source

FORMAT = 3  # bump when the fields change: a stored copy of another format is not read (2: counts, 3: no spec)
TOP_CONTESTED = 5
CARD_VALUES = 6  # statements shown per contested fact
QUEUE_SHOWN = 5


@dataclass(frozen=True)
class Statement:
    source: str
    status: str
    value: str


@dataclass(frozen=True)
class Card:
    """One of the most contested facts: who says what, and the first reason they clash."""

    group_id: str
    topic: str
    kind: str
    contradictions: int
    n_sources: int
    statements: list[Statement]  # contradicting ones first, at most CARD_VALUES
    more: int  # statements not shown
    reason: str | None


@dataclass(frozen=True)
class QueueEntry:
    group_id: str
    topic: str
    reasons: list[str]


@dataclass(frozen=True)
class OverviewData:
    """Everything the overview draws below its numbers."""

    errors: list[str]
    n_sources: int
    cards: list[Card]
    queue_total: int
    queue: list[QueueEntry]  # its head: QUEUE_SHOWN entries
    heatmap_labels: list[str]
    heatmap_cells: list[dict[str, Any]]  # analysis.heatmap.cells
    sources: list[list[Any]] = field(default_factory=list)  # SOURCE_COLUMNS, one row per source
    # the four numbers above it (analysis.counts.ReportCounts), for when only the report can count them:
    # a workspace with review decisions in force (dashboard.state.workspace_counts)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def report_counts(self) -> ReportCounts | None:
        return ReportCounts(**self.counts) if self.counts else None

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **asdict(self)}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> OverviewData | None:
        """The stored overview, or None when it is of another format or unreadable."""
        try:
            raw = json.loads(text)
            if raw.pop("format", None) != FORMAT:
                return None
            raw["cards"] = [
                Card(**(c | {"statements": [Statement(**s) for s in c["statements"]]})) for c in raw["cards"]
            ]
            raw["queue"] = [QueueEntry(**q) for q in raw["queue"]]
            return cls(**raw)
        except (ValueError, TypeError, KeyError):
            return None


def overview_of(report: Report, *, index: Index | None = None) -> OverviewData:
    """The overview's data from the report (`index`: its look-ups, when a caller has them)."""
    index = index or Index(report)
    digests = digests_of(report.groups, index, index.source_ids)

    def claims_of(group_ids: Iterable[str]) -> dict[str, Claim]:
        return index.claims

    parts = OverviewParts(report.sources, report.groups, index.source_ids, digests, ReportCounts.of_report(report),
                          list(report.errors), reviewed_facts(report))  # fmt: skip
    return assemble(parts, claims_of)


def digests_of(groups: Iterable[Group], index: Index, claim_sources: Mapping[str, str]) -> dict[str, FactDigest]:
    """Each fact's digest from the report's look-ups (`claim_sources`: every claim shown -> its source)."""
    return {
        g.id: digest_of(g, [index.claims[c] for c in g.claim_ids if c in index.claims], index.relations_in.get(g.id, []),
                        claim_sources)
        for g in groups
    }  # fmt: skip


@dataclass(frozen=True)
class OverviewParts:
    """What the overview is assembled from: the report's sources and facts, each claim's source, and each
    fact's digest (analysis.fact_digest), which the workspace keeps (issue #11)."""

    sources: Sequence[Source]
    groups: Sequence[Group]  # in report order
    claim_sources: Mapping[str, str]  # every claim the report shows -> its source
    digests: Mapping[str, FactDigest]  # group -> its digest
    counts: ReportCounts
    errors: list[str]
    reviewed: set[str] = field(default_factory=set)  # facts a person has reviewed: not in the queue


def assemble(parts: OverviewParts, claims_of: Callable[[Iterable[str]], Mapping[str, Claim]]) -> OverviewData:
    """The overview from its parts; `claims_of(groups)`: the claims of these facts as the report shows
    them (at least those, by id), for the cards of the most contested."""
    statuses = _statuses(parts)
    worst = [pair for digest in parts.digests.values() for pair in digest.pairs]
    labels, counted = heatmap.shown_of(views.labels_of(parts.sources), worst, heatmap.HEATMAP_MAX_SOURCES)
    queue = _queue(parts)
    return OverviewData(
        errors=list(parts.errors),
        n_sources=len(parts.sources),
        cards=_cards(parts, statuses, claims_of),
        queue_total=len(queue),
        queue=queue[:QUEUE_SHOWN],
        heatmap_labels=list(labels),
        heatmap_cells=heatmap.cells(heatmap.rows_of(parts.sources, counted)),
        sources=views.source_rows_of(parts.sources, parts.claim_sources, statuses),
        counts=asdict(parts.counts),
    )


def _statuses(parts: OverviewParts) -> dict[str, str]:
    """Each claim's status (analysis.views.claim_statuses): the worst any fact's relations give it."""
    worst: dict[str, str] = {}
    for digest in parts.digests.values():
        for cid, status in digest.statuses.items():
            worst[cid] = views.worse(worst.get(cid), status)
    return {cid: worst.get(cid, ALONE) for cid in parts.claim_sources}


def _queue(parts: OverviewParts) -> list[QueueEntry]:
    """The review queue (analysis.review_queue): unreviewed facts worth a look, most worth it first."""
    found = []
    for n, group in enumerate(parts.groups):
        digest = parts.digests.get(group.id)
        if digest is not None and digest.queue_score > 0 and group.id not in parts.reviewed:
            found.append((-digest.queue_score, n, QueueEntry(group.id, group.topic, list(digest.queue_reasons))))
    return [entry for *_, entry in sorted(found, key=lambda t: (t[0], t[1]))]


def _cards(parts: OverviewParts, statuses: dict[str, str],
           claims_of: Callable[[Iterable[str]], Mapping[str, Claim]]) -> list[Card]:  # fmt: skip
    digests = parts.digests
    contested = views.ranked_contested(
        parts.groups,
        {gid: d.contradictions for gid, d in digests.items()},
        {gid: d.n_sources for gid, d in digests.items()},
        TOP_CONTESTED,
    )
    groups = {g.id: g for g in parts.groups}
    claims = claims_of([row.group_id for row in contested])
    cards = []
    for row in contested:
        members = [claims[c] for c in groups[row.group_id].claim_ids if c in claims]
        said = views.statements_of(members, parts.sources, statuses)
        said.sort(key=lambda s: s.status != CONTRADICTS)  # contradicting statements first
        cards.append(
            Card(
                group_id=row.group_id,
                topic=row.topic,
                kind=kind_label(row.kind),
                contradictions=row.contradictions,
                n_sources=row.n_sources,
                statements=[Statement(s.source, s.status, s.value) for s in said[:CARD_VALUES]],
                more=max(len(said) - CARD_VALUES, 0),
                reason=digests[row.group_id].first_contradiction,
            )
        )
    return cards
