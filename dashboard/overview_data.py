"""What the overview below its four numbers shows, as plain data (issue #11).

The overview of a 1,000-source workspace needs its whole report (12,000 claims,
77,000 relations as pydantic models) and four tables built from it: about 2.5 s
of a server's CPU for the first visitor after every restart. What it finally
draws is small: five cards, a 30-source heatmap, a list of sources and the
head of the review queue. `OverviewData` holds exactly that, built once from
the report (`of_report`) and kept as JSON (`to_json`, `from_json`), so a
restarted server draws the overview of an unchanged workspace without reading
the report (dashboard/state.py `overview`, which keeps it on disk).

Pure: no Streamlit. The panels draw from this object only, so a stored copy and
a fresh one draw the same page (tests/test_overview_data.py).
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from analysis.report.labels import CONTRADICTS, kind_label

if TYPE_CHECKING:
    import pandas as pd

    from analysis.models import Report
    from analysis.review_queue import QueueItem
    from dashboard.tables import Index

FORMAT = 1  # bump when the fields change: a stored copy of another format is not read
TOP_CONTESTED = 5
CARD_VALUES = 6  # statements shown per contested fact
QUEUE_SHOWN = 5
SOURCE_COLUMNS = ["Source", "Publisher", "Side", "Published", "Claims", "Contradicting", "File or address"]


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
    heatmap_cells: list[dict[str, Any]]  # dashboard.heatmap.heatmap_data's rows, names as strings
    heatmap_spec: dict[str, Any]
    sources: list[list[Any]] = field(default_factory=list)  # SOURCE_COLUMNS, one row per source

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


def of_report(report: Report, *, index: Index, statuses: dict[str, str],
              heatmap: tuple[list[str], pd.DataFrame, dict[str, Any]], sources: pd.DataFrame,
              queue: list[QueueItem]) -> OverviewData:  # fmt: skip
    """The overview's data from the report and the tables the dashboard builds (and caches) anyway."""
    labels, frame, spec = heatmap
    return OverviewData(
        errors=list(report.errors),
        n_sources=len(report.sources),
        cards=_cards(report, index, statuses),
        queue_total=len(queue),
        queue=[QueueEntry(q.group_id, q.topic, list(q.reasons)) for q in queue[:QUEUE_SHOWN]],
        heatmap_labels=list(labels),
        heatmap_cells=_records(frame),
        heatmap_spec=spec,
        sources=[list(row) for row in sources[SOURCE_COLUMNS].itertuples(index=False)],
    )


def _cards(report: Report, index: Index, statuses: dict[str, str]) -> list[Card]:
    from dashboard import fact_tables, tables

    cards = []
    for row in tables.most_contested(report, TOP_CONTESTED, index):
        said = fact_tables.statements(report, row.group_id, index, statuses)
        why = [r for r in fact_tables.reasons(report, row.group_id, index) if r.relation == CONTRADICTS]
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
                reason=why[0].reason if why else None,
            )
        )
    return cards


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The heatmap's cells as JSON-ready rows: categories as strings, NaN as None, numpy ints as ints."""
    rows = []
    for record in frame.to_dict("records"):
        out: dict[str, Any] = {}
        for key, value in record.items():
            if isinstance(value, float) and math.isnan(value):
                value = None
            elif hasattr(value, "item"):  # a numpy scalar
                value = value.item()
            out[str(key)] = value
        rows.append(out)
    return rows
