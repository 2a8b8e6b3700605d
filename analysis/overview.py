"""What the overview below its four numbers shows, as plain data (issue #11).

The overview of a 1,000-source workspace needs its whole report (12,000 claims,
78,000 relations as pydantic models) and the tables built from it: about 2.5 s
of a server's CPU. What it finally draws is small: five cards, a 30-source
heatmap, a list of sources and the head of the review queue. `OverviewData`
holds exactly that, built from the report (`overview_of`) and kept as JSON
(`to_json`, `from_json`). The workspace builds and keeps it when an analysis
ends (workspace/overview.py), so the dashboard's first visitor after an
analysis, as after a restart, draws the overview without reading the report.

Pure: no Streamlit, no pandas. The panels draw from this object only, so a kept
copy and a fresh one draw the same page (tests/test_overview_data.py).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from analysis import heatmap, views
from analysis.counts import ReportCounts
from analysis.report.labels import CONTRADICTS, kind_label
from analysis.review_queue import review_queue
from analysis.views import Index

if TYPE_CHECKING:
    from analysis.models import Report

FORMAT = 2  # bump when the fields change: a stored copy of another format is not read (2: counts)
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
    heatmap_spec: dict[str, Any]
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


def overview_of(report: Report, *, index: Index | None = None, statuses: dict[str, str] | None = None) -> OverviewData:
    """The overview's data from the report (`index` and `statuses`: the look-ups, when a caller has them)."""
    index = index or Index(report)
    statuses = statuses if statuses is not None else views.claim_statuses(report, index)
    labels, counted = heatmap.shown(report, heatmap.HEATMAP_MAX_SOURCES, index)
    cells, spec = heatmap.spec(heatmap.rows(report, counted), labels)
    queue = review_queue(report, index)
    return OverviewData(
        errors=list(report.errors),
        n_sources=len(report.sources),
        cards=_cards(report, index, statuses),
        queue_total=len(queue),
        queue=[QueueEntry(q.group_id, q.topic, list(q.reasons)) for q in queue[:QUEUE_SHOWN]],
        heatmap_labels=list(labels),
        heatmap_cells=cells,
        heatmap_spec=spec,
        sources=views.source_rows(report, statuses),
        counts=asdict(ReportCounts.of_report(report)),
    )


def _cards(report: Report, index: Index, statuses: dict[str, str]) -> list[Card]:
    cards = []
    for row in views.most_contested(report, TOP_CONTESTED, index):
        said = views.statements(report, row.group_id, index, statuses)
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
                reason=views.first_contradiction(report, row.group_id, index),
            )
        )
    return cards
