"""The overview is kept by the analysis itself (issue #11): the dashboard's first visitor after an
analysis draws it without reading the report, as after a restart, and what is kept is what building
it anew from the report gives.

Real SQLite workspaces, the real app under streamlit.testing; the tests marked slow extract the demo
accounts with the real spaCy pipeline, the CLI's path runs the background process it starts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

import analysis.overview
from analysis.overview import overview_of
from cli import app
from tests.test_overview_data import fresh_server, page
from tests.test_overview_data import workspace as workspace  # noqa: PLC0414 - the fixture, used below
from workspace import fact_digests, overview, pipeline
from workspace.ingest import ingest_paths
from workspace.pipeline import workspace_report
from workspace.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
DEMO = Path(__file__).resolve().parents[1] / "demo"


@pytest.fixture(scope="module")
def nlp():
    from claims.nlp import load_nlp

    return load_nlp()


def built_anew(path: Path) -> analysis.overview.OverviewData:
    with Workspace(path) as ws:
        return overview_of(workspace_report(ws))


def kept_now(path: Path) -> analysis.overview.OverviewData | None:
    with Workspace(path) as ws:
        return overview.kept(path, overview.version(ws), wait=0)


def never(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
    raise AssertionError("built from the report")


def first_visit_without_the_report(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A new server's first visitor, with reading the report and building the overview forbidden."""
    fresh_server()
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "workspace_report", never)
        patched.setattr(analysis.overview, "overview_of", never)
        at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    return page(at)


@pytest.mark.slow
def test_an_analysis_keeps_the_overview_its_first_visitor_sees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp):
    monkeypatch.setenv("RASHOMON_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        ingest_paths(ws, [DEMO / "01_indian_ledger_galwan.txt", DEMO / "02_huaxia_bulletin_galwan.txt"])
        assert pipeline.analyse_workspace(ws, nlp=nlp).mode == "full"
    assert kept_now(path) == built_anew(path)
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(path))
    drawn = first_visit_without_the_report(monkeypatch)
    assert any("contradicting pair" in block for block in drawn)

    with Workspace(path) as ws:  # one more account analysed: its overview is kept too
        ingest_paths(ws, [DEMO / "03_meridian_wire_galwan.txt"])
        pipeline.analyse_workspace(ws, nlp=nlp)
    again = kept_now(path)
    assert again == built_anew(path) and again.n_sources == 3
    assert first_visit_without_the_report(monkeypatch) != drawn

    with Workspace(path) as ws:  # the dashboard's own analysis (sources added there): kept from its report
        ingest_paths(ws, [DEMO / "04_halden_analysis_galwan.txt"])
        report = pipeline.refresh(ws, nlp=nlp)
    assert kept_now(path) == overview_of(report) == built_anew(path)


@pytest.mark.slow
def test_rashomon_analyse_leaves_the_overview_to_a_process_of_its_own(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    monkeypatch.setenv("RASHOMON_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "ws.db"
    runner = CliRunner()
    added = runner.invoke(app, ["add", str(DEMO / "01_indian_ledger_galwan.txt"),
                                str(DEMO / "04_halden_analysis_galwan.txt"), "-w", str(path)])  # fmt: skip
    assert added.exit_code == 0, added.output
    analysed = runner.invoke(app, ["analyse", "-w", str(path)])
    assert analysed.exit_code == 0, analysed.output
    overview.wait_background()
    assert kept_now(path) == built_anew(path)
    assert not list((tmp_path / "cache" / overview.OVERVIEW_DIR).glob(f"*{overview.BUILDING}"))


def test_a_visitor_waits_for_the_overview_being_built_rather_than_build_it(workspace: Path):
    """The background build started by an analysis is awaited (not None at once, not built twice)."""
    with Workspace(workspace) as ws:
        assert overview.keep_in_background(ws) is not None
        key = overview.version(ws)
    try:
        found = overview.kept(workspace, key)
    finally:
        overview.wait_background()
    assert found is not None and found == built_anew(workspace)


def test_an_overview_built_by_a_visitor_is_kept_under_the_same_key(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    """The dashboard and the analysis keep it under one key: what a visitor built, the analysis finds."""
    fresh_server()
    AppTest.from_file(APP, default_timeout=60).run()
    monkeypatch.setattr(analysis.overview, "overview_of", never)
    with Workspace(workspace) as ws:
        assert overview.keep(ws) == kept_now(workspace) is not None


# --- a review decision or a metadata change keeps the overview current too ----------------------


def _fact_of(path: Path, claim_id: str) -> str:
    with Workspace(path) as ws:
        report = workspace_report(ws)
    return next(g.id for g in report.groups if claim_id in g.claim_ids)


def _no_marker_left(path: Path) -> bool:
    stored = overview.overview_file(path)
    return stored is not None and not stored.with_suffix(overview.BUILDING).exists()


def test_a_review_decision_on_the_cli_keeps_the_overview_its_next_visitor_sees(workspace: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    """`rashomon review reject` and `review undo`: the next server draws the new overview without
    reading the report (before, the decision left the kept overview stale: the visitor built it)."""
    fresh_server()
    before = page(AppTest.from_file(APP, default_timeout=60).run())  # kept by this first visit
    runner = CliRunner()
    done = runner.invoke(app, ["review", "reject", "s1cconvoy", "-w", str(workspace), "--note", "not a count"])
    assert done.exit_code == 0, done.output
    overview.wait_background()
    assert kept_now(workspace) == built_anew(workspace)
    assert _no_marker_left(workspace)
    rejected = first_visit_without_the_report(monkeypatch)
    assert rejected != before

    undone = runner.invoke(app, ["review", "undo", "1", "-w", str(workspace)])
    assert undone.exit_code == 0, undone.output
    overview.wait_background()
    assert kept_now(workspace) == built_anew(workspace)
    assert first_visit_without_the_report(monkeypatch) == before


def test_a_review_decision_in_the_dashboard_keeps_the_overview_its_next_visitor_sees(workspace: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    """The Review panel's "Save decision": the server that took it, and a restarted one, draw the new
    overview without building it."""
    fresh_server()
    before = page(AppTest.from_file(APP, default_timeout=60).run())
    group = _fact_of(workspace, "s1cmarket")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["fact.current"] = group
    at.session_state["tab"] = "Fact"
    at.query_params["tab"] = "Fact"
    at.run()
    assert not at.exception
    at.selectbox(key=f"review.claim.{group}").set_value("s1cmarket")
    at.radio(key=f"review.fact.{group}.action").set_value("reject")
    at.button(key=f"review.fact.{group}.save").click().run()
    assert not at.exception and any("saved" in s.value for s in at.success)
    overview.wait_background()
    with Workspace(workspace) as ws:
        assert ws.stats()["decisions"] == 1
    assert kept_now(workspace) == built_anew(workspace)
    drawn = first_visit_without_the_report(monkeypatch)
    assert drawn != before and any("contradicting pair" in block for block in drawn)


def test_a_metadata_change_on_the_cli_keeps_the_overview(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    """`rashomon update --publisher`: the next server shows the new name without building the overview;
    a new publication date leaves the analysis stale, so nothing is built before the next analysis."""
    fresh_server()
    AppTest.from_file(APP, default_timeout=60).run()
    runner = CliRunner()
    done = runner.invoke(app, ["update", "s1", "--publisher", "Renamed Desk", "-w", str(workspace)])
    assert done.exit_code == 0, done.output
    overview.wait_background()
    assert kept_now(workspace) == built_anew(workspace)
    assert any("Renamed Desk" in block for block in first_visit_without_the_report(monkeypatch))

    dated = runner.invoke(app, ["update", "s2", "--date", "2024-03-20", "-w", str(workspace)])
    assert dated.exit_code == 0, dated.output
    assert not overview._BACKGROUND  # stale: the next analysis keeps its own overview
    with Workspace(workspace) as ws:
        assert ws.stats()["stale"] and overview.keep_in_background(ws) is None


def test_a_build_overtaken_by_a_change_builds_nothing(workspace: Path, monkeypatch: pytest.MonkeyPatch):
    """A background build whose workspace changes while it reads the analysis stops there (the change
    started a build of its own); the builds of the analysis and of a visitor are not affected."""
    real = fact_digests.overview_from_digests

    def changed_while_read(ws: Workspace):  # noqa: ANN202
        built = real(ws)
        ws.update_source("s2", publisher="Another Desk")
        return built

    monkeypatch.setattr(fact_digests, "overview_from_digests", changed_while_read)
    with Workspace(workspace) as ws:
        assert overview.keep(ws, current_only=True) is None
    assert kept_now(workspace) is None
    monkeypatch.setattr(fact_digests, "overview_from_digests", real)
    with Workspace(workspace) as ws:
        assert overview.keep(ws, current_only=True) == kept_now(workspace) == built_anew(workspace)


def test_an_ended_build_of_this_process_is_not_waited_for(workspace: Path):
    """A dashboard starts a build per review decision: one that ended (a zombie until reaped: its pid
    still answers) is not awaited, and is reaped by the next start."""
    import subprocess
    import sys
    import time

    with Workspace(workspace) as ws:
        key = overview.version(ws)
    stored = overview.overview_file(workspace)
    assert stored is not None
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    overview._BACKGROUND.append(ended)
    try:
        overview._write_text(stored.with_suffix(overview.BUILDING), json.dumps({"key": key, "pid": ended.pid}))
        time.sleep(1.0)  # it has ended, unreaped
        started = time.monotonic()
        assert overview.kept(workspace, key, wait=5) is None
        assert time.monotonic() - started < 1
        with Workspace(workspace) as ws:
            ws.update_source("s1", publisher="Renamed Desk")
            assert overview.keep_in_background(ws) is not None
        assert ended not in overview._BACKGROUND
    finally:
        overview.wait_background()
