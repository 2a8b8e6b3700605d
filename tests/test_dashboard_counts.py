"""The overview's four numbers, counted without reading the report (issue #11: the first paint).

The dashboard draws them from `Workspace.stats()` (SQL counts) or from the
demo's stored JSON, before it reads the whole report; they must be the numbers
the report gives (`ReportCounts.of_report`, what the overview counted before).
Checked on real SQLite workspaces; and that the first paint's modules load
neither pandas nor, for the demo, the report's pydantic models.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from analysis.counts import ReportCounts
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan
from dashboard import demo, state
from sources.models import Source, text_sha256
from workspace import review
from workspace.pipeline import analyse_claims, claim_terms, workspace_report
from workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
WORDS = {
    "market": ["tromville", "market", "shell"],
    "bridge": ["birtara", "bridge", "assault"],
    "convoy": ["shiovo", "convoy", "ambush"],
    "depot": ["kelmor", "depot", "fire"],
    "harbour": ["vastra", "harbour", "mine"],
    "airfield": ["dunmere", "airfield", "raid"],
    "station": ["orlek", "station", "bomb"],
}


def claim(source_id: str, number: int, event: str, killed: int, day: int, month: int = 3) -> Claim:
    when = DateSpan(start=date(2024, month, day), end=date(2024, month, day), precision="day")
    return Claim(id=f"{source_id}c{number}", source_id=source_id, kind="casualties", quote=f"{killed} people were killed",
                 sentence=f"{killed} people were killed in the {event} attack ({number}).", start=number * 100,
                 end=number * 100 + 20, sentence_start=number * 100, value=Count(low=killed, high=killed,
                 text=str(killed)), about="kill people", terms=list(WORDS[event]), when=when)  # fmt: skip


def add(ws: Workspace, name: str, claims_of) -> str:  # noqa: ANN001 - source id -> its claims
    text = f"The account {name}."
    sid = ws.add_source(Source(id="new", name=name, text=text, sha256=text_sha256(text))).source_id
    ws.replace_claims(sid, claims_of(sid), "test-1", terms=claim_terms(claims_of(sid)))
    return sid


@pytest.fixture
def analysed(tmp_path: Path):
    """Four sources, eight facts, every count different: a market attack and a convoy ambush they
    contradict on, a bridge attack two of them agree on (each said twice by one source: three
    restatements folded), and five facts told by one source alone."""
    with Workspace(tmp_path / "ws.db") as ws:
        add(ws, "a.txt", lambda s: [claim(s, 1, "market", 40, 4), claim(s, 2, "market", 40, 4),
                                    claim(s, 3, "bridge", 7, 11), claim(s, 4, "convoy", 20, 25),
                                    claim(s, 5, "harbour", 3, 2, month=10)])  # fmt: skip
        add(ws, "b.txt", lambda s: [claim(s, 1, "market", 12, 4), claim(s, 2, "bridge", 7, 11),
                                    claim(s, 3, "bridge", 7, 11), claim(s, 4, "airfield", 6, 9, month=5)])  # fmt: skip
        add(ws, "c.txt", lambda s: [claim(s, 1, "market", 38, 4), claim(s, 2, "market", 5, 20),
                                    claim(s, 3, "station", 8, 15, month=12)])  # fmt: skip
        add(ws, "d.txt", lambda s: [claim(s, 1, "convoy", 30, 25), claim(s, 2, "convoy", 30, 25),
                                    claim(s, 3, "depot", 9, 27, month=8)])  # fmt: skip
        groups, relations = analyse_claims(ws.claims(), AliasTable())
        ws.save_analysis(groups, relations, pipeline="test-1")
        yield ws


def test_workspace_counts_are_the_reports(analysed: Workspace):
    counted = ReportCounts.of_report(workspace_report(analysed))
    assert counted == ReportCounts(sources=4, claims=12, folded=3, facts=8, contested=2)  # each count told apart
    assert state.workspace_counts(analysed.stats()) == counted


def test_a_review_decision_makes_the_dashboard_count_the_report(analysed: Workspace):
    """A rejected claim leaves the report, not the claims table: the SQL counts no longer apply."""
    report = workspace_report(analysed)
    lone = next(c for c in report.claims if c.value.low == 5)  # type: ignore[union-attr]
    review.reject(analysed, lone.id, note="another event")
    reviewed = ReportCounts.of_report(workspace_report(analysed))
    stats = analysed.stats()
    assert reviewed.claims == stats["claims"] - 1  # what the SQL alone would have got wrong
    assert state.workspace_counts(stats) is None
    data = state.Data("key", analysed.path, lambda: workspace_report(analysed), state.workspace_counts(stats))
    assert data.counts == reviewed and not data.empty


def test_an_empty_workspace_counts_nothing(fresh_workspace: Workspace):
    counts = state.workspace_counts(fresh_workspace.stats())
    assert counts == ReportCounts.of_report(workspace_report(fresh_workspace)) == ReportCounts(0, 0, 0, 0, 0)
    assert state.Data("key", Path("ws.db"), lambda: pytest.fail("the report was read"), counts).empty


def test_demo_counts_are_those_of_its_shipped_report():
    shipped = demo.precomputed()
    assert shipped is not None, "demo/.analysis.json is not current: make demo-analysis"
    counts = demo.precomputed_counts()
    assert counts == ReportCounts.of_report(shipped)
    assert counts.folded > 0 and counts.contested > 0  # type: ignore[union-attr]


def test_demo_counts_are_refused_when_the_shipped_analysis_is_stale(tmp_path: Path):
    copy = tmp_path / "demo"
    shutil.copytree(demo.DEMO_DIR, copy)
    assert demo.precomputed_counts(copy / ".analysis.json", copy) is not None
    (copy / "01_indian_ledger_galwan.txt").write_text("Changed.\n", encoding="utf-8")
    assert demo.precomputed_counts(copy / ".analysis.json", copy) is None
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps({"fingerprint": demo.fingerprint(), "report": {"sources": []}}), encoding="utf-8")
    assert demo.precomputed_counts(damaged) is None


def first_paint_imports() -> list[str]:
    """The modules app.py imports before it draws anything, and the overview's numbers."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    names = [a.name for n in top if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in top if isinstance(n, ast.ImportFrom) and n.module]
    names += [f"{n.module}.{a.name}" for n in top if isinstance(n, ast.ImportFrom) and n.module == "dashboard"
              for a in n.names]  # fmt: skip
    return [*names, "dashboard.overview", "dashboard.demo"]


@pytest.mark.parametrize("case", ["demo", "workspace"])
def test_the_first_paint_loads_neither_pandas_nor_the_models(case: str, analysed: Workspace):
    """What the overview's numbers need is loaded without pandas (0.6 s) and, for the demo, without the
    report's pydantic models; the rest of the overview imports them after the numbers are drawn."""
    code = (
        "import importlib, sys\n"
        f"for name in {first_paint_imports()!r}: importlib.import_module(name)\n"
        "from dashboard import demo, state\n"
        + (
            "assert demo.precomputed_counts() is not None\n"
            if case == "demo"
            else f"ws = state.open_workspace({str(analysed.path)!r})\n"
            "assert state.workspace_counts(ws.stats()) is not None\n"
        )
        + "print(' '.join(sorted(m for m in ('pandas', 'analysis.models', 'jinja2', 'spacy', 'pydantic', 'pydantic_settings') if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert loaded == ([] if case == "demo" else ["analysis.models", "pydantic"]), loaded


def test_the_report_and_tables_are_built_with_the_collector_paused(analysed: Workspace,
                                                                    monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    """The cyclic garbage collector walks every model already built at each collection: paused while
    the report is read and the overview's tables are built (issue #11), and running again after."""
    import gc

    from dashboard import tables

    seen = []
    read = analysed.report
    monkeypatch.setattr(analysed, "report", lambda: (seen.append(("report", gc.isenabled())), read())[1])
    build = tables.fact_frame
    monkeypatch.setattr(tables, "fact_frame", lambda *a: (seen.append(("facts", gc.isenabled())), build(*a))[1])
    assert gc.isenabled()
    report = workspace_report(analysed)
    facts = state.facts("paused-gc-test", report)
    assert seen == [("report", False), ("facts", False)] and gc.isenabled()
    assert len(facts) == ReportCounts.of_report(report).facts


def test_a_report_that_cannot_be_read_is_one_error_under_the_numbers(analysed: Workspace, monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    """The numbers come from SQL; the analysis is read afterwards (the report, or the facts' digests: issue
    #11), and its error is shown, not a traceback."""
    from streamlit.testing.v1 import AppTest

    from sources.errors import WorkspaceError
    from workspace import fact_digests, pipeline

    def unreadable(ws, **_):  # noqa: ANN001, ANN202
        raise WorkspaceError(str(ws.path), detail="the report cannot be read")

    monkeypatch.setattr(pipeline, "workspace_report", unreadable)
    monkeypatch.setattr(fact_digests, "overview_from_digests", unreadable)
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(analysed.path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert {m.label: m.value for m in at.metric} == {
        "Sources": "4",
        "Claims": "12",
        "Facts": "8",
        "Contested facts": "2",
    }
    assert not at.exception
    assert len(at.error) == 1 and "workspace problem: the report cannot be read" in at.error[0].value
