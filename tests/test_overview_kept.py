"""The overview is kept by the analysis itself (issue #11): the dashboard's first visitor after an
analysis draws it without reading the report, as after a restart, and what is kept is what building
it anew from the report gives.

Real SQLite workspaces, the real app under streamlit.testing; the tests marked slow extract the demo
accounts with the real spaCy pipeline, the CLI's path runs the background process it starts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

import analysis.overview
from analysis.overview import overview_of
from cli import app
from tests.test_overview_data import fresh_server, page
from tests.test_overview_data import workspace as workspace  # noqa: PLC0414 - the fixture, used below
from workspace import overview, pipeline
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
