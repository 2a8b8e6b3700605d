"""The JSON export: the machine-readable report the scorer and other tools read (issue #2).

Follows the report contract: sources (metadata, not their full text), claims
with every Claim field, groups, relations, errors. Key order is fixed so two
exports of the same analysis diff cleanly.
"""

from __future__ import annotations

from typing import Any

from analysis.gc_pause import paused_gc
from analysis.models import Relation, Report
from analysis.report.json_text import Lazy, dumps
from claims.models import Claim
from sources.models import Source

# Scored fields first, the discriminator last (issue #2).
_VALUE_ORDER = (
    "low",
    "high",
    "qualifier",
    "vague",
    "start",
    "end",
    "precision",
    "actor",
    "target",
    "negated",
    "actor_text",
    "target_text",
    "days",
    "text",
    "type",
)


def _ordered(data: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    known = {key: data[key] for key in order if key in data}
    return known | {key: value for key, value in data.items() if key not in known}


def source_to_dict(source: Source) -> dict[str, Any]:
    """Metadata and a fingerprint; the text itself stays in the workspace (it can be long)."""
    return {
        "id": source.id,
        "name": source.name,
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published.isoformat() if source.published else None,
        "side": source.side,
        "address": source.address,
        "language": source.language,
        "sha256": source.sha256,
        "length": len(source.text),
    }


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    data = claim.model_dump(mode="json")
    data["value"] = _ordered(data["value"], _VALUE_ORDER)
    if data.get("when"):
        data["when"] = _ordered(data["when"], _VALUE_ORDER)
    return data


def report_to_dict(report: Report, *, lazy: bool = False) -> dict[str, Any]:
    """The report as plain JSON-ready data, in contract order; `lazy`: relations as json_text.Lazy
    (each made into a dict as it is written, not all of them held at once: issue #11)."""
    relations = Lazy(report.relations, _relation_to_dict)
    return {
        "sources": [source_to_dict(s) for s in report.sources],
        "claims": [claim_to_dict(c) for c in report.claims],
        "groups": [g.model_dump(mode="json") for g in report.groups],
        "relations": relations if lazy else list(relations),
        "errors": list(report.errors),
        "pipeline": report.pipeline,
        "generated": report.generated.isoformat() if report.generated else None,
        # What a person decided (issue #9): every decision, applied or orphaned, and the rejected claims.
        # Each claim, group and relation a person touched also carries its own `reviewed` block.
        "review": report.review.model_dump(mode="json") if report.review else None,
    }


def _relation_to_dict(relation: Relation) -> dict[str, Any]:
    data = relation.model_dump(mode="json")
    for side in ("also_a", "also_b"):  # only a relation standing for copies' pairs names them (issue #11)
        if not data[side]:
            del data[side]
    return data


def report_to_json(report: Report) -> str:
    """Readable, non-ASCII kept as is (names like "Stepanakert" or "Şuşa" stay legible)."""
    with paused_gc():  # a dict per relation, hundreds of thousands of them (issue #11)
        # = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
        return dumps(report_to_dict(report, lazy=True), end="\n")
