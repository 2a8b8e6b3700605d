"""Review pays off (issue #9): on the seed corpus, a handful of hand-made corrections where the
machine is wrong (per the gold file) make the exported report score higher with the shared scorer.

Reads ../shared/seeds and ../shared/eval beside the repository and skips when they are absent;
no text of theirs is copied here: the corrections name claims by source file, kind and value.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from analysis.models import Report
from claims.models import Claim, Count, DateSpan
from workspace import pipeline, review
from workspace.ingest import ingest_paths
from workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS, GOLD, SCORER = SHARED / "seeds", SHARED / "eval" / "seeds.gold.json", SHARED / "eval" / "score.py"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.exists() and SCORER.exists()), reason="needs ../shared"),
]


def _scorer():  # noqa: ANN202 - the shared module
    spec = importlib.util.spec_from_file_location("rashomon_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _one(report: Report, prefix: str, kind: str, test) -> Claim:  # noqa: ANN001
    names = {s.id: s.name for s in report.sources}
    hits = [c for c in report.claims if names[c.source_id].startswith(prefix) and c.kind == kind and test(c.value)]
    assert len(hits) == 1, [c.id for c in hits]
    return hits[0]


def _count(n: int):  # noqa: ANN202
    return lambda v: isinstance(v, Count) and v.low == n and v.high == n


def _month(year: int, month: int, day: int | None = None):  # noqa: ANN202
    def test(v: object) -> bool:
        if not isinstance(v, DateSpan) or (v.start.year, v.start.month) != (year, month):
            return False
        return v.precision == "month" if day is None else (v.precision, v.start.day) == ("day", day)

    return test


def _correct_by_hand(ws: Workspace) -> None:
    """Where the machine is wrong on the seeds: two reports of one displacement counted as different
    populations, and the April 2016 war's dates left in three facts."""
    r = pipeline.workspace_report(ws)
    refugees, expelled = (
        _one(r, "001_", "displaced", _count(1_000_000)),
        _one(r, "002_", "displaced", _count(1_000_000)),
    )
    review.relate(ws, refugees.id, expelled.id, "agree", reason="the same million people", reviewer="test")
    april = _one(r, "001_", "event_date", _month(2016, 4))
    review.move(ws, _one(r, "003_", "event_date", _month(2016, 4)).id, april.id, note="the same war")
    review.merge(ws, april.id, _one(r, "003_", "event_date", _month(2016, 4, 1)).id, note="it began on 1 April")


def test_review_seeds_reviewed_report_scores_higher(tmp_path: Path):
    from claims.nlp import load_nlp

    score = _scorer().score
    with Workspace(tmp_path / "seeds.db") as ws:
        _results, errors = ingest_paths(ws, [SEEDS])
        assert not errors
        pipeline.analyse_workspace(ws, nlp=load_nlp())
        before = tmp_path / "machine.json"
        before.write_text(json.dumps(json.loads(pipeline.export(ws, "json"))), encoding="utf-8")
        _correct_by_hand(ws)
        after = tmp_path / "reviewed.json"
        pipeline.export(ws, "json", after)
    machine, reviewed = score(GOLD, before), score(GOLD, after)
    keys = ("claim_recall", "value_accuracy", "alignment_recall", "contradiction_f1", "agreement_recall")
    print("\nseeds, machine only: " + ", ".join(f"{k}={machine[k]}" for k in keys))
    print("seeds, reviewed:     " + ", ".join(f"{k}={reviewed[k]}" for k in keys))
    assert all(reviewed[k] >= machine[k] for k in keys)
    assert reviewed["alignment_recall"] > machine["alignment_recall"]
    assert reviewed["agreement_recall"] > machine["agreement_recall"]
    assert reviewed["false_alarms"] <= machine["false_alarms"]
