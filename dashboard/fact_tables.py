"""The fact view's data: one fact's ranges, dates, statements and reasons (issue #4).

Pure pandas, like dashboard/tables.py, whose look-ups (labels, statuses) it
reads; split from it to keep each module to one job. A fact's statements and
reasons are plain Python in analysis.views (the overview kept with the analysis
shows them too, issue #11).
"""

from __future__ import annotations

import math
from datetime import timedelta

import pandas as pd

from analysis.compare import interval
from analysis.models import Report
from analysis.report.labels import ALONE, SELF_SPEAKER
from analysis.views import Reason, Statement, reasons, statements  # noqa: F401 - the fact's statements and reasons
from claims.describe import describe_value
from claims.models import Claim, Count, DateSpan
from dashboard.tables import cell_text, claim_statuses, source_labels

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
