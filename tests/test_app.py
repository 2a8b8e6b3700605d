"""The dashboard under streamlit.testing.AppTest (issue #4): starts, filters, adds sources.

Each test runs in its own empty folder, so `rashomon.db` in the working
folder (the default workspace) never leaks in from the developer's checkout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from claims.nlp import load_nlp
from workspace import ingest, pipeline
from workspace.pipeline import analyse_paths
from workspace.store import Workspace

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DEMO = Path(__file__).resolve().parent.parent / "demo"
TIMEOUT = 120  # the first run loads spaCy and analyses the demo corpus
pytestmark = pytest.mark.slow  # the real spaCy model (about 10 s for the module)

PASTED = (
    "Shelling hits border villages\n\n"
    "At least 12 villagers were killed when artillery shells struck the village of Varna on 3 March 2021, "
    "local officials said. Around 300 families fled to the district town."
)
HOSTILE = (
    "Report <script>alert('x')</script> from the valley.\n\n"
    "At least 12 villagers were killed in Varna on 3 March 2021, officials said. <b>bold</b>"
)


@pytest.fixture
def demo_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No workspace anywhere: the app must fall back to the built-in demo corpus."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RASHOMON_WORKSPACE", raising=False)
    return tmp_path


@pytest.fixture
def empty_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "empty.db"
    Workspace(path).close()
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(path))
    return path


@pytest.fixture
def one_source_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace holding the first demo account, analysed."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "one.db"
    with Workspace(path) as ws:
        results, errors = ingest.ingest_paths(ws, [DEMO / "01_indian_ledger_galwan.txt"])
        assert not errors and results[0].status == "added"
        pipeline.refresh(ws, nlp=load_nlp())
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(path))
    return path


def goto(at: AppTest, tab: str) -> AppTest:
    """Open a tab: the tabs are bound to the ?tab= query parameter, which wins over session state."""
    at.session_state["tab"] = tab
    at.query_params["tab"] = tab
    return at.run()


def run(tab: str = "Overview") -> AppTest:
    return goto(AppTest.from_file(APP, default_timeout=TIMEOUT), tab)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def plain(markdown: str) -> str:
    """A message as the reader sees it: user-given text is shown with Markdown escapes."""
    return re.sub(r"\\(.)", r"\1", markdown)


def html_text(at: AppTest) -> str:
    return "\n".join(str(el.proto.body) for el in at.get("html"))


def test_starts_on_the_demo_corpus(demo_mode: Path) -> None:
    at = run()
    assert not at.exception
    assert any("Showing the built-in demo corpus" in i.value for i in at.info)
    shown = metrics(at)
    assert shown["Sources"] == "4"
    assert int(shown["Claims"]) > 10 and int(shown["Contested facts"]) >= 1
    assert "Who contradicts whom" in [s.value for s in at.subheader]
    assert not (demo_mode / "rashomon.db").exists()  # looking never creates a workspace


@pytest.mark.parametrize("tab", ["Matrix", "Fact", "Source", "Add sources", "Export"])
def test_every_tab_renders_on_the_demo_corpus(demo_mode: Path, tab: str) -> None:
    at = run(tab)
    assert not at.exception, at.exception
    assert not at.error


@pytest.mark.parametrize("tab", ["Overview", "Matrix", "Fact", "Source", "Add sources", "Export"])
def test_empty_workspace_shows_how_to_start(empty_workspace: Path, tab: str) -> None:
    at = run(tab)
    assert not at.exception, at.exception
    notes = plain(" ".join(i.value for i in at.info) + " ".join(c.value for c in at.caption))
    if tab == "Overview":
        assert "has no sources yet" in notes and "Add sources" in notes
    elif tab == "Add sources":
        assert str(empty_workspace) in notes
    else:
        assert "add" in notes.lower()


def test_kind_filter_changes_the_matrix(demo_mode: Path) -> None:
    at = run("Matrix")
    everything = at.dataframe[0].value
    at.multiselect(key="filter.kinds").select("casualties").run()
    killed = at.dataframe[0].value
    assert 0 < len(killed) < len(everything)
    assert set(killed["Kind"]) == {"killed"}
    at.multiselect(key="filter.kinds").unselect("casualties").run()
    assert len(at.dataframe[0].value) == len(everything)


def test_text_and_status_filters_combine(demo_mode: Path) -> None:
    at = run("Matrix")
    everything = len(at.dataframe[0].value)
    at.multiselect(key="filter.statuses").select("contested").run()
    contested = at.dataframe[0].value
    assert 0 < len(contested) < everything and set(contested["Status"]) == {"contested"}
    at.text_input(key="filter.text").input("no such words anywhere").run()
    assert not at.dataframe  # nothing matches: a warning instead of an empty grid
    assert any("No fact matches" in w.value for w in at.warning)


def test_contradiction_shows_both_quotes_in_the_fact_view(demo_mode: Path) -> None:
    """docs/demo-corpus.md: the Ledger dates the corps commanders' meeting 22 June, Halden 30 June."""
    report = analyse_paths([DEMO], nlp=load_nlp())
    meeting = next(c for c in report.claims if "June 22, 2020" in c.sentence)
    group = next(g for g in report.groups if meeting.id in g.claim_ids)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["fact.current"] = group.id
    goto(at, "Fact")
    assert not at.exception
    shown = html_text(at)
    assert "June 22, 2020</mark>" in shown and "June 30, 2020</mark>" in shown
    assert "New Delhi Morning Ledger" in shown and "Halden Institute" in shown
    assert "8 days apart" in shown
    assert "#### Why they contradict" in [m.value for m in at.markdown]


def test_pasting_a_source_adds_its_claims(one_source_workspace: Path) -> None:
    at = run()
    before = int(metrics(at)["Claims"])
    goto(at, "Add sources")
    at.text_area(key="add.text").input(PASTED)
    at.text_input(key="add.name").input("varna-shelling.txt")
    at.text_input(key="add.side").input("Kestria")
    at.button(key="add.submit").click().run()
    assert not at.exception, at.exception
    assert any("varna-shelling.txt" in plain(s.value) for s in at.success), [e.value for e in at.error]
    goto(at, "Overview")
    shown = metrics(at)
    assert shown["Sources"] == "2"
    assert int(shown["Claims"]) > before
    with Workspace(one_source_workspace) as ws:
        added = next(s for s in ws.list_sources() if s.name == "varna-shelling.txt")
        assert added.side == "Kestria"
        assert ws.claims(added.id)


def test_adding_in_demo_mode_creates_the_workspace(demo_mode: Path) -> None:
    at = run("Add sources")
    assert any(str(demo_mode / "rashomon.db") in plain(i.value) for i in at.info)
    at.text_area(key="add.text").input(PASTED)
    at.button(key="add.submit").click().run()
    assert not at.exception, at.exception
    assert (demo_mode / "rashomon.db").exists()
    goto(at, "Overview")
    assert metrics(at)["Sources"] == "1"
    assert not any("built-in demo corpus" in i.value for i in at.info)


def test_a_bad_input_is_one_error_line(empty_workspace: Path) -> None:
    at = run("Add sources")
    at.text_input(key="add.url").input("file:///etc/passwd")
    at.button(key="add.submit").click().run()
    assert not at.exception
    errors = [plain(e.value) for e in at.error]
    assert len(errors) == 1 and "file:///etc/passwd" in errors[0]


def test_source_text_is_escaped(empty_workspace: Path) -> None:
    with Workspace(empty_workspace) as ws:
        ingest.ingest_text(ws, HOSTILE, name="hostile.txt")
        pipeline.refresh(ws, nlp=load_nlp())
    at = run("Source")
    assert not at.exception
    shown = html_text(at)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in shown
    assert "<script>" not in shown and "<b>bold" not in shown


def test_export_follows_the_matrix_filters(demo_mode: Path) -> None:
    at = run("Matrix")
    at.multiselect(key="filter.kinds").select("casualties").run()
    shown = len(at.dataframe[0].value)
    goto(at, "Export")  # the filter widgets are not drawn here, their values must hold
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert f"Exports the **{shown} of" in text
    assert len(at.get("download_button")) == 4
    goto(at, "Matrix")
    assert at.multiselect(key="filter.kinds").value == ["casualties"]


def test_overview_opens_the_most_contested_fact(demo_mode: Path) -> None:
    at = run()
    at.button(key=next(b.key for b in at.button if b.key and b.key.startswith("overview.open."))).click().run()
    assert not at.exception
    assert at.session_state["tab"] == "Fact"
    assert "#### What each source says" in [m.value for m in at.markdown]


def test_a_file_that_is_not_a_workspace_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 100)
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(bad))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.error) == 1 and "notes.db" in plain(at.error[0].value)
