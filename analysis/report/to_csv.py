"""The CSV export: one row per claim, for spreadsheets (issue #2).

Source text goes into cells, and a spreadsheet runs a cell that starts with
"=", "+", "-" or "@" as a formula (CSV injection), so such cells get a leading
apostrophe.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from analysis.models import Group, Report
from analysis.pairs import related_claims, relation_sides
from analysis.report.labels import RELATION_VERBS
from analysis.report.view import group_relations
from claims.describe import describe_value
from claims.models import Actor, Claim, Count, DateSpan, Duration

COLUMNS = (
    "claim_id",
    "source_id",
    "source_name",
    "publisher",
    "side",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "date_start",
    "date_end",
    "precision",
    "actor",
    "target",
    "days",
    "scope",
    "speaker",
    "hedged",
    "quote",
    "sentence",
    "group_id",
    "group_topic",
    "group_status",
    "relations",
    "reviewed",
    "review_note",
    "reviewer",
    "machine_read",
    "group_reviewed",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (issue #2)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def _value_columns(claim: Claim) -> dict[str, Any]:
    value = claim.value
    cols: dict[str, Any] = {}
    match value:
        case Count():
            cols.update(low=value.low, high=value.high, qualifier=value.qualifier)
        case DateSpan():
            cols.update(date_start=value.start.isoformat(), date_end=value.end.isoformat(), precision=value.precision)
        case Actor():
            actor = f"not {value.actor}" if value.negated else value.actor
            cols.update(actor=actor, target=value.target)
        case Duration():
            days = int(value.days) if float(value.days).is_integer() else value.days
            cols.update(days=days, qualifier=value.qualifier)  # "more than an hour": the hedge, as for counts
    return cols


def _relation_summaries(report: Report) -> dict[str, str]:
    """Per claim: "contradicts s2 (c7); agrees with s3 (c9)"."""
    source_of = {c.id: c.source_id for c in report.claims}
    parts: dict[str, list[str]] = {}
    for rels in group_relations(report).values():
        for rel in rels:
            verb = RELATION_VERBS.get(rel.relation, rel.relation)
            by = " [set by a person]" if rel.reviewed else ""
            if not rel.also_a and not rel.also_b:
                for mine, other in ((rel.claim_a, rel.claim_b), (rel.claim_b, rel.claim_a)):
                    parts.setdefault(mine, []).append(f"{verb} {source_of.get(other, '?')} ({other}){by}")
                continue
            # a relation of statements many sources print (issue #11): each of its claims, once, with a count
            side_a, side_b = relation_sides(rel)
            involved = related_claims(rel, source_of)
            if set(side_a) == set(side_b):
                for mine in side_a:
                    if mine in involved:
                        text = f"{verb} {len(side_a) - 1:,} other claims stating the same{by}"
                        parts.setdefault(mine, []).append(text)
                continue
            for mine_side, other_side in ((side_a, side_b), (side_b, side_a)):
                other = other_side[0]
                text = f"{verb} {source_of.get(other, '?')} ({other}) and {len(other_side) - 1:,} more stating the same{by}"
                for mine in mine_side:
                    if mine in involved:
                        parts.setdefault(mine, []).append(text)
    return {cid: "; ".join(items) for cid, items in parts.items()}


def _review_columns(claim: Claim, group: Group | None) -> dict[str, Any]:
    """What a person decided, beside what the machine read (issue #9); empty when nobody did."""
    cols: dict[str, Any] = {}
    mark = claim.reviewed
    if mark is not None:
        was = "; ".join(f"{k}: {v.get('text') or v if isinstance(v, dict) else v}" for k, v in mark.was.items())
        cols.update(reviewed=", ".join(mark.actions), review_note=mark.note, reviewer=mark.reviewer,
                    machine_read=was or None)  # fmt: skip
    if group is not None and group.reviewed is not None:
        note = f": {group.reviewed.note}" if group.reviewed.note else ""
        cols["group_reviewed"] = ", ".join(group.reviewed.actions) + note
    return cols


def report_rows(report: Report) -> list[dict[str, Any]]:
    """The rows, neutralised, as dicts keyed by COLUMNS."""
    sources = {s.id: s for s in report.sources}
    group_of = {}
    for group in report.groups:
        for cid in group.claim_ids:
            group_of.setdefault(cid, group)
    summaries = _relation_summaries(report)
    rows = []
    rejected = report.review.rejected if report.review else []  # a person's rejections stay visible (issue #9)
    for claim in [*report.claims, *rejected]:
        source = sources.get(claim.source_id)
        group = group_of.get(claim.id)
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(
            claim_id=claim.id,
            source_id=claim.source_id,
            source_name=source.name if source else None,
            publisher=source.publisher if source else None,
            side=source.side if source else None,
            kind=claim.kind,
            value=describe_value(claim.value),
            scope=claim.scope,
            speaker=claim.speaker,
            hedged=claim.hedged,
            quote=claim.quote,
            sentence=claim.sentence,
            group_id=group.id if group else None,
            group_topic=group.topic if group else None,
            group_status=group.status if group else None,
            relations=summaries.get(claim.id, ""),
        )
        row.update(_value_columns(claim))
        row.update(_review_columns(claim, group))
        rows.append({key: neutralise(row[key]) for key in COLUMNS})
    return rows


def report_to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(report_rows(report))
    return out.getvalue()
