"""The fact view's data: one fact's ranges, dates, statements and reasons (issue #4).

Pure pandas, like dashboard/tables.py, whose look-ups (Index, labels,
statuses) it reads; split from it to keep each module to one job.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

import pandas as pd

from analysis.compare import interval
from analysis.models import Report
from analysis.report.labels import ALONE, RELATION_LABELS, SELF_SPEAKER, STATUS_RANK, UNCLEAR
from claims.describe import describe_value
from claims.models import Claim, Count, DateSpan
from dashboard.tables import Index, cell_text, claim_statuses, source_labels

RANGE_COLUMNS = ["claim_id", "source", "value", "low", "high", "stated", "open_high", "qualifier", "status", "speaker"]


def count_ranges(report: Report, group_id: str, statuses: dict[str, str] | None = None) -> pd.DataFrame:
    """Per count claim: the interval it admits (analysis.compare.interval), for the range chart.

    `high` is NaN for an open bound ("at least 40"): the chart draws it to
    its right edge with an arrow. `stated` is the figure as written.
    """
    statuses = statuses if statuses is not None else claim_statuses(report)
    labels = source_labels(report)
    rows = []
    for cid, claim in _group_members(report, group_id):
        if claim is None or not isinstance(claim.value, Count):
            continue
        iv = interval(claim.value)
        stated = claim.value.low if claim.value.low is not None else claim.value.high
        rows.append(
            {
                "claim_id": cid,
                "source": labels.get(claim.source_id, claim.source_id),
                "value": cell_text(claim),
                "low": iv.low,
                "high": iv.high if math.isfinite(iv.high) else math.nan,
                "stated": float(stated) if stated is not None else math.nan,
                "open_high": not math.isfinite(iv.high),
                "qualifier": claim.value.qualifier or "",
                "status": statuses.get(cid, ALONE),
                "speaker": claim.speaker or SELF_SPEAKER,
            }
        )
    return pd.DataFrame(rows, columns=RANGE_COLUMNS)


def _group_members(report: Report, group_id: str) -> list[tuple[str, Claim | None]]:
    """A group's claim ids with their claims (None where the report lacks one)."""
    group = next((g for g in report.groups if g.id == group_id), None)
    claims = {c.id: c for c in report.claims}
    return [(cid, claims.get(cid)) for cid in (group.claim_ids if group else [])]


DATE_COLUMNS = ["claim_id", "source", "value", "start", "end", "precision", "status", "speaker"]


def date_ranges(report: Report, group_id: str, statuses: dict[str, str] | None = None) -> pd.DataFrame:
    """Per date claim: [start, end + 1 day) so a single day has width on the timeline."""
    statuses = statuses if statuses is not None else claim_statuses(report)
    labels = source_labels(report)
    rows = []
    for cid, claim in _group_members(report, group_id):
        if claim is None or not isinstance(claim.value, DateSpan):
            continue
        rows.append(
            {
                "claim_id": cid,
                "source": labels.get(claim.source_id, claim.source_id),
                "value": describe_value(claim.value),
                "start": pd.Timestamp(claim.value.start),
                "end": pd.Timestamp(claim.value.end + timedelta(days=1)),
                "precision": claim.value.precision,
                "status": statuses.get(cid, ALONE),
                "speaker": claim.speaker or SELF_SPEAKER,
            }
        )
    return pd.DataFrame(rows, columns=DATE_COLUMNS)


@dataclass(frozen=True)
class Statement:
    """One source's claim on a fact, ready to show."""

    claim_id: str
    source_id: str
    source: str
    value: str
    status: str


@dataclass(frozen=True)
class Reason:
    relation: str  # a cell status: contradicts, agrees, ...
    claim_a: str
    claim_b: str
    source_a: str
    source_b: str
    reason: str


def statements(report: Report, group_id: str, index: Index, statuses: dict[str, str]) -> list[Statement]:
    """The fact's claims in source order, as the matrix row shows them."""
    labels = source_labels(report)
    order = {s.id: n for n, s in enumerate(report.sources)}
    group = next((g for g in report.groups if g.id == group_id), None)
    claims = [index.claims[c] for c in (group.claim_ids if group else []) if c in index.claims]
    claims.sort(key=lambda c: order.get(c.source_id, len(order)))
    return [
        Statement(c.id, c.source_id, labels.get(c.source_id, c.source_id), cell_text(c), statuses.get(c.id, ALONE))
        for c in claims
    ]


def reasons(report: Report, group_id: str, index: Index) -> list[Reason]:
    """Every cross-source pair of the fact with its reason, contradictions first."""
    labels = source_labels(report)
    group = next((g for g in report.groups if g.id == group_id), None)
    members = set(group.claim_ids) if group else set()
    found = []
    for rel in report.relations:
        if rel.claim_a in members and rel.claim_b in members:
            sa, sb = index.source_of(rel.claim_a) or "", index.source_of(rel.claim_b) or ""
            found.append(
                Reason(
                    RELATION_LABELS.get(rel.relation, UNCLEAR),
                    rel.claim_a,
                    rel.claim_b,
                    labels.get(sa, sa) + _others(index, sa, rel.also_a),
                    labels.get(sb, sb) + _others(index, sb, rel.also_b),
                    rel.reason,
                )
            )
    found.sort(key=lambda r: STATUS_RANK.get(r.relation, len(STATUS_RANK)))
    return found


def _others(index: Index, source: str, also: list[str]) -> str:
    """' and 1,249 other sources' when other sources print the same statement (issue #11)."""
    others = {index.source_of(c) for c in also} - {source, None}
    return f" and {len(others):,} other source{'s' if len(others) != 1 else ''}" if others else ""
