"""The demo's shipped analysis (issue #11): current, and never used once it is not.

demo/.analysis.json spares the dashboard's first paint the spaCy load and
the analysis. If it differs from what the pipeline gives now, run
`make demo-analysis` and commit the file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import demo

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo.DEMO_DIR, folder)
    return folder


@pytest.mark.slow  # the real spaCy model
def test_the_shipped_analysis_is_what_the_pipeline_gives_now() -> None:
    shipped = demo.precomputed()
    assert shipped is not None, "demo/.analysis.json is missing or out of date: run `make demo-analysis`"
    fresh = demo.analyse_demo()
    assert demo.comparable(shipped) == demo.comparable(fresh), "run `make demo-analysis` and commit the file"


def test_the_shipped_analysis_holds_the_demo_accounts() -> None:
    report = demo.precomputed()
    assert report is not None, "run `make demo-analysis`"
    assert [s.name for s in report.sources] == sorted(p.name for p in demo.DEMO_DIR.glob("*.txt"))
    assert all(s.text for s in report.sources)  # the source view shows the text
    assert report.groups and report.relations


def test_the_shipped_overview_is_the_shipped_reports() -> None:
    """What the demo's overview draws is shipped too (its first visit needs neither the report nor
    pandas), and is what the shipped report gives."""
    from analysis.overview import overview_of

    shipped = demo.precomputed_overview()
    assert shipped is not None, "run `make demo-analysis`"
    assert json.loads(shipped.to_json()) == json.loads(overview_of(demo.precomputed()).to_json())
    assert shipped.cards and shipped.heatmap_cells and len(shipped.sources) == 4


def test_the_demo_overview_is_drawn_without_the_report() -> None:
    from dashboard import state

    def read():  # noqa: ANN202
        raise AssertionError("the demo's overview read the report")

    assert state._overview("demo, test of the shipped overview", "", None, read) == demo.precomputed_overview()


def test_a_copy_of_the_demo_is_recognised(demo_copy: Path) -> None:
    assert demo.precomputed(demo_copy / ".analysis.json", demo_copy) is not None
    assert demo.precomputed_overview(demo_copy / ".analysis.json", demo_copy) is not None


@pytest.mark.parametrize(
    "change",
    ["edit an account", "add an account", "edit sources.json", "damage the file", "remove the file"],
)
def test_a_changed_demo_is_analysed_again(demo_copy: Path, change: str) -> None:
    stored = demo_copy / ".analysis.json"
    if change == "edit an account":
        account = demo_copy / "01_indian_ledger_galwan.txt"
        account.write_text(account.read_text() + "\nAt least 30 soldiers were wounded.\n")
    elif change == "add an account":
        (demo_copy / "05_new.txt").write_text("Twelve soldiers were killed on 15 June 2020.\n")
    elif change == "edit sources.json":
        meta = demo_copy / "sources.json"
        entries = json.loads(meta.read_text())
        entries[0]["side"] = "neutral"
        meta.write_text(json.dumps(entries))
    elif change == "damage the file":
        stored.write_text(stored.read_text()[:1000])
    else:
        stored.unlink()
    assert demo.precomputed(stored, demo_copy) is None
    assert demo.precomputed_overview(stored, demo_copy) is None


def test_another_spacy_pipeline_is_analysed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASHOMON_SPACY_MODEL", "en_core_web_trf")
    assert demo.precomputed() is None


def test_the_pipeline_names_agree_with_claims_nlp() -> None:
    """dashboard/demo.py reads the pipeline's name without importing spaCy: the same as claims.nlp."""
    from claims import nlp
    from sources.settings import settings

    assert demo._pipeline_package().split("==")[0] == nlp.pipeline_name() == settings().spacy_model


def test_the_dashboard_shows_the_demo_without_loading_spacy(tmp_path: Path) -> None:
    """The first paint on the demo reads the shipped analysis: spaCy is not even imported."""
    script = (
        "import sys\n"
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({str(ROOT / 'app.py')!r}, default_timeout=60).run()\n"
        "assert not at.exception, at.exception\n"
        "print({m.label: m.value for m in at.metric})\n"
        "print('spacy' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "RASHOMON_WORKSPACE"} | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    metrics, spacy_loaded = done.stdout.strip().splitlines()[-2:]
    assert "'Sources': '4'" in metrics
    assert spacy_loaded == "False"


def test_reading_a_workspace_imports_no_spacy() -> None:
    """spaCy takes a second to import: the dashboard's views and a workspace's report must not need it."""
    modules = ["workspace.pipeline", "dashboard.state", "dashboard.overview", "dashboard.matrix", "dashboard.fact",
               "dashboard.source_view", "dashboard.export_panel", "dashboard.add_sources"]  # fmt: skip
    script = f"import sys\nfor m in {modules!r}: __import__(m)\nprint(sorted(m for m in sys.modules if 'spacy' in m))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=os.environ | {"PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
