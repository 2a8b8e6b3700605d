"""The overview drawn from its kept data (issue #11): after a restart, an unchanged workspace's
overview is drawn without reading the report, and it is the page a fresh build draws; a change to
the workspace is never hidden by a kept copy; and every source stays reachable, a page at a time.

Real SQLite workspaces of hand-built claims (no spaCy), the real app under streamlit.testing.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.counts import ReportCounts
from analysis.overview import FORMAT, OverviewData
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan
from dashboard import overview_panels, state
from sources.models import Source, text_sha256
from workspace import pipeline
from workspace.overview import OVERVIEW_DIR
from workspace.pipeline import analyse_claims, claim_terms, workspace_report
from workspace.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SOURCES = 63  # more than one page of the sources table
EVENTS = {"market": (["tromville", "market", "shell"], 4), "convoy": (["shiovo", "convoy", "ambush"], 19)}


def claim(source_id: str, event: str, killed: int) -> Claim:
    words, day = EVENTS[event]
    when = DateSpan(start=date(2024, 3, day), end=date(2024, 3, day), precision="day")
    return Claim(id=f"{source_id}c{event}", source_id=source_id, kind="casualties", quote=f"{killed} people were killed",
                 sentence=f"{killed} people were killed in the {event} attack.", start=0, end=20, sentence_start=0,
                 value=Count(low=killed, high=killed, text=str(killed)), about="kill people", terms=list(words),
                 when=when)  # fmt: skip


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """SOURCES sources telling of a market attack (two figures, so contested) and a convoy ambush."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RASHOMON_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        for n in range(SOURCES):
            text = f"The account number {n}."
            sid = ws.add_source(Source(id="new", name=f"account-{n:02}.txt", text=text, sha256=text_sha256(text),
                                       publisher=f"Desk {n:02}")).source_id  # fmt: skip
            claims = [claim(sid, "market", 40 if n % 3 else 55), claim(sid, "convoy", 7)]
            ws.replace_claims(sid, claims, "test-1", terms=claim_terms(claims))
        groups, relations = analyse_claims(ws.claims(), AliasTable())
        ws.save_analysis(groups, relations, pipeline="test-1")
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(path))
    return path


def page(at: AppTest) -> list[str]:
    """What the overview shows: its HTML blocks, captions, buttons, and the page choice (the heatmap is HTML)."""
    out = [h.proto.body for h in at.get("html")]
    out += [c.value for c in at.caption] + [b.label + b.key for b in at.button]
    out += [f"{s.label}: {s.options} = {s.value}" for s in at.selectbox]
    return out


def fresh_server() -> None:
    """What a restart forgets: every cache of the process."""
    AppTest.from_string("import streamlit as st\nst.cache_resource.clear()\nst.cache_data.clear()").run()


def test_a_restarted_server_draws_the_kept_overview_without_reading_the_report(workspace: Path,
                                                                                monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    fresh_server()
    built = AppTest.from_file(APP, default_timeout=60).run()
    assert not built.exception
    drawn = page(built)
    assert any("Desk 00" in block for block in drawn) and any("contradicting pair" in b for b in drawn)
    fresh_server()

    def unread(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the report was read")

    monkeypatch.setattr(pipeline, "workspace_report", unread)
    kept = AppTest.from_file(APP, default_timeout=60).run()
    assert not kept.exception and not kept.error
    assert page(kept) == drawn


def test_the_kept_overview_is_the_one_built_from_the_report(workspace: Path):
    with Workspace(workspace) as ws:
        report = workspace_report(ws)
    built = state.build_overview("kept-test", report)
    assert OverviewData.from_json(built.to_json()) == built
    assert built.n_sources == SOURCES and len(built.sources) == SOURCES
    assert [c.contradictions for c in built.cards] == [SOURCES // 3 * (SOURCES - SOURCES // 3)]
    assert built.report_counts == ReportCounts.of_report(report)  # the numbers, with decisions in force too
    for older in (0, FORMAT - 1):  # format 1 held no numbers
        assert OverviewData.from_json(built.to_json().replace(f'"format":{FORMAT}', f'"format":{older}')) is None


@pytest.mark.parametrize("change", ["metadata", "review", "analysis"])
def test_a_change_to_the_workspace_is_never_hidden_by_the_kept_overview(workspace: Path, change: str):
    """A source's new publisher, a review decision, a new analysis: the next server shows it."""
    fresh_server()
    before = page(AppTest.from_file(APP, default_timeout=60).run())
    with Workspace(workspace) as ws:
        if change == "metadata":
            ws.update_source("s1", publisher="Renamed Desk")
            shown = "Renamed Desk"
        elif change == "review":
            from workspace import review

            review.reject(ws, "s1cconvoy", note="not a count")
            shown = None
        else:
            groups, relations = analyse_claims([c for c in ws.claims() if c.source_id != "s2"], AliasTable())
            ws.remove_source("s2")
            ws.save_analysis(groups, relations, pipeline="test-1")
            shown = None
    fresh_server()
    after = AppTest.from_file(APP, default_timeout=60).run()
    assert not after.exception
    assert page(after) != before
    if shown:
        assert any(shown in block for block in page(after))


def test_every_source_is_reachable_a_page_at_a_time(workspace: Path):
    fresh_server()
    at = AppTest.from_file(APP, default_timeout=60).run()
    choice = at.selectbox(key=overview_panels.SOURCES_PAGE_KEY)
    assert choice.options == ["1–50", "51–63", f"all {SOURCES}"] and choice.format_func(choice.value) == "1–50"

    def listed() -> set[str]:
        (table,) = [h.proto.body for h in at.get("html") if "rsh-table" in h.proto.body]
        return {f"Desk {n:02}" for n in range(SOURCES) if f"<td>Desk {n:02}</td>" in table}

    first = listed()
    assert len(first) == 50
    choice.set_value(1).run()
    assert listed() == {f"Desk {n:02}" for n in range(SOURCES)} - first
    at.selectbox(key=overview_panels.SOURCES_PAGE_KEY).set_value(overview_panels.ALL_PAGES).run()
    assert len(listed()) == SOURCES


def test_the_page_chosen_survives_a_source_added_meanwhile(workspace: Path):
    """The page stays open while sources are added (here from another process): the choice is kept,
    or falls back to the first page, never an error."""
    fresh_server()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.selectbox(key=overview_panels.SOURCES_PAGE_KEY).set_value(1).run()
    with Workspace(workspace) as ws:
        text = "The account added last."
        sid = ws.add_source(Source(id="new", name="late.txt", text=text, sha256=text_sha256(text),
                                   publisher="Desk 63")).source_id  # fmt: skip
        claims = [claim(sid, "convoy", 7)]
        ws.replace_claims(sid, claims, "test-1", terms=claim_terms(claims))
        groups, relations = analyse_claims(ws.claims(), AliasTable())
        ws.save_analysis(groups, relations, pipeline="test-1")
    at.run()
    assert not at.exception
    choice = at.selectbox(key=overview_panels.SOURCES_PAGE_KEY)
    assert choice.options == ["1–50", "51–64", "all 64"] and choice.format_func(choice.value) == "51–64"
    (table,) = [h.proto.body for h in at.get("html") if "rsh-table" in h.proto.body]
    assert "<td>Desk 63</td>" in table and "<td>Desk 00</td>" not in table
    at.selectbox(key=overview_panels.SOURCES_PAGE_KEY).set_value(overview_panels.ALL_PAGES).run()
    with Workspace(workspace) as ws:
        for n in range(20, 64):
            ws.remove_source(f"s{n + 1}")
        groups, relations = analyse_claims(ws.claims(), AliasTable())
        ws.save_analysis(groups, relations, pipeline="test-1")
    at.run()
    assert not at.exception and not at.selectbox  # 20 sources: one page, no choice


def test_a_kept_overview_that_cannot_be_read_is_built_again(workspace: Path):
    fresh_server()
    drawn = page(AppTest.from_file(APP, default_timeout=60).run())
    (kept,) = (workspace.parent / "cache" / OVERVIEW_DIR).iterdir()
    kept.write_text("{not json", encoding="utf-8")
    fresh_server()
    assert page(AppTest.from_file(APP, default_timeout=60).run()) == drawn
    shutil.rmtree(kept.parent)
    kept.parent.write_text("a file where the folder was", encoding="utf-8")  # cannot be written: no error
    fresh_server()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and page(at) == drawn
