"""A report as Parquet tables (issue #11): claims, groups, relations and sources, for pandas,
Dask, DuckDB or Spark over archives too large for a spreadsheet.

One file per table in the folder given (`claims.parquet`, `groups.parquet`, `relations.parquet`,
`sources.parquet`), each written whole to a temporary name and then renamed, so a reader never
sees half a table. Values are kept both readable (`value`) and as typed columns (low, high,
date_start, ...), and whole as JSON (`value_json`) so nothing the report holds is lost.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from analysis.models import Report
from analysis.pairs import pair_count
from claims.describe import describe_value
from claims.models import Actor, Claim, Count, DateSpan, Duration
from sources.errors import UnwritablePath

TABLES = ("claims", "groups", "relations", "sources")


def check_folder(folder: Path) -> None:
    """Make the folder (and its parents) now, before the analysis; one line if that cannot be done."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UnwritablePath(str(folder), detail="it is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnwritablePath(str(folder), detail=exc.strerror or str(exc)) from None
    if not os.access(folder, os.W_OK):
        raise UnwritablePath(str(folder), detail="permission denied")


def _value_columns(claim: Claim) -> dict[str, Any]:
    v = claim.value
    cols: dict[str, Any] = dict.fromkeys(
        ("low", "high", "qualifier", "date_start", "date_end", "precision", "actor", "target", "negated", "days")
    )
    if isinstance(v, Count):
        cols.update(low=v.low, high=v.high, qualifier=v.qualifier)
    elif isinstance(v, DateSpan):
        cols.update(date_start=v.start, date_end=v.end, precision=v.precision)
    elif isinstance(v, Actor):
        cols.update(actor=v.actor, target=v.target, negated=v.negated)
    elif isinstance(v, Duration):
        cols.update(days=float(v.days), qualifier=v.qualifier)
    return cols


def claim_rows(report: Report) -> list[dict[str, Any]]:
    group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
    rows = []
    for c in report.claims:
        row = {"claim_id": c.id, "source_id": c.source_id, "kind": c.kind, "value": describe_value(c.value)}
        row.update(_value_columns(c))
        row.update(scope=c.scope, speaker=c.speaker, hedged=c.hedged, about=c.about, quote=c.quote,
                   sentence=c.sentence, start=c.start, end=c.end, when_start=c.when.start if c.when else None,
                   when_end=c.when.end if c.when else None, also=list(c.also), group_id=group_of.get(c.id),
                   value_json=c.value.model_dump_json())  # fmt: skip
        rows.append(row)
    return rows


def group_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for g in report.groups:
        summary = g.summary
        rows.append({"group_id": g.id, "kind": g.kind, "topic": g.topic, "status": g.status,
                     "claim_ids": list(g.claim_ids), "claims": len(g.claim_ids),
                     "low": summary.low if summary else None, "best": summary.best if summary else None,
                     "high": summary.high if summary else None,
                     "repeats_json": json.dumps(g.repeats, ensure_ascii=False)})  # fmt: skip
    return rows


def relation_rows(report: Report) -> list[dict[str, Any]]:
    group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
    source_of = {c.id: c.source_id for c in report.claims}
    return [
        {
            "group_id": group_of.get(r.claim_a),
            "claim_a": r.claim_a,
            "claim_b": r.claim_b,
            "source_a": source_of.get(r.claim_a),
            "source_b": source_of.get(r.claim_b),
            "relation": r.relation,
            "reason": r.reason,
            "confidence": r.confidence,
            "category": r.category,
            # issue #11: the claims that state the same as claim_a / claim_b; the verdict holds for every
            # cross-source pair of the two sides (analysis.pairs), `pairs` of them
            "also_a": list(r.also_a),
            "also_b": list(r.also_b),
            "pairs": pair_count(r, source_of),
        }  # fmt: skip
        for r in report.relations
    ]


def source_rows(report: Report) -> list[dict[str, Any]]:
    return [
        {"source_id": s.id, "name": s.name, "title": s.title, "publisher": s.publisher, "published": s.published,
         "side": s.side, "address": s.address, "language": s.language, "characters": len(s.text), "sha256": s.sha256}
        for s in report.sources
    ]  # fmt: skip


_COLUMNS = {
    "claims": ["claim_id", "source_id", "kind", "value"],
    "groups": ["group_id", "kind", "topic", "status"],
    "relations": ["group_id", "claim_a", "claim_b", "relation"],
    "sources": ["source_id", "name"],
}


def write_parquet(report: Report, folder: Path) -> dict[str, Path]:
    """The report's tables as Parquet files in `folder` (made if missing); returns their paths."""
    import pandas as pd

    check_folder(folder)
    made = {}
    builders = {"claims": claim_rows, "groups": group_rows, "relations": relation_rows, "sources": source_rows}
    for name in TABLES:
        rows = builders[name](report)
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=_COLUMNS[name])
        path = Path(folder) / f"{name}.parquet"
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, path)
        except OSError as exc:
            raise UnwritablePath(str(path), detail=exc.strerror or str(exc)) from None
        made[name] = path
    return made
