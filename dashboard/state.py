"""Where the dashboard's data comes from, loaded once and cached (issue #4).

The workspace is `$RASHOMON_WORKSPACE`, else `rashomon.db` in the working
folder if it exists; with neither, the built-in demo corpus, whose analysis
is shipped in demo/.analysis.json (dashboard/demo.py). spaCy loads once per
server (`st.cache_resource`), only when there is text to analyse; a Report is cached
under a key that changes whenever the workspace's analysis does, so a source
added from the CLI or another browser shows on the next rerun.

The overview's four numbers are counted without the report (issue #11: the first
paint): in SQL for a workspace, in the stored JSON for the demo. The report is
read when a panel first asks for it (`Data.report`), after those numbers are
drawn; neither pandas nor the pydantic models are imported before then. What the
overview shows below them is kept on disk under the same key (`overview`): after
a restart, an unchanged workspace's overview is drawn without reading the report.
With review decisions in force only the report can count the numbers: the kept
overview holds them too, so such a workspace's overview needs no report either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from analysis.counts import ReportCounts
from analysis.gc_pause import paused_gc
from sources.settings import settings

if TYPE_CHECKING:  # imported where used, after the first paint (issue #11)
    import pandas as pd
    from spacy.language import Language  # spaCy takes a second: only the demo and adding sources need it

    from analysis.models import Report
    from analysis.overview import OverviewData
    from dashboard import tables
    from workspace.store import Workspace

DEFAULT_DB = "rashomon.db"
DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
TABS = ("Overview", "Matrix", "Fact", "Source", "Add sources", "Export")
TAB_KEY = "tab"
FACT_KEY = "fact.current"  # not a widget key: survives while the Fact tab is closed
SOURCE_KEY = "source.current"


def workspace_path() -> Path | None:
    """The workspace file to show, or None for the demo corpus."""
    named = settings().workspace
    if named is not None:
        return named.expanduser()
    default = Path.cwd() / DEFAULT_DB
    return default if default.exists() else None


def new_workspace_path() -> Path:
    """Where adding a source creates the workspace when none exists yet."""
    return workspace_path() or Path.cwd() / DEFAULT_DB


@st.cache_resource(show_spinner="Loading the language model…")
def get_nlp() -> Language:
    """spaCy, once per server process (as spacy-streamlit does)."""
    from claims.nlp import load_nlp

    return load_nlp()


@st.cache_resource(show_spinner=False)
def open_workspace(path: str) -> Workspace:
    """One connection per workspace file, shared by sessions (Workspace is thread-safe)."""
    from workspace.store import Workspace

    return Workspace(path)


@st.cache_resource(show_spinner="Analysing the built-in demo corpus…")
def demo_report() -> Report:
    """The demo corpus's shipped analysis (issue #11: first paint < 2 s), else analysed once per server."""
    from dashboard import demo

    shipped = demo.precomputed()
    if shipped is not None:
        return shipped
    from workspace.pipeline import analyse_paths

    return analyse_paths([DEMO_DIR], nlp=get_nlp())


@st.cache_resource(show_spinner="Reading the workspace…", max_entries=8)
def workspace_report(path: str, version: str) -> Report:
    """The workspace's Report for one version of its analysis (`version` is the cache key)."""
    from workspace.pipeline import workspace_report as report_of

    return report_of(open_workspace(path))


def workspace_counts(stats: dict[str, Any]) -> ReportCounts | None:
    """The overview's numbers of the workspace's report, from `Workspace.stats()` (issue #11).

    They are those of `workspace_report` (tests/test_dashboard_counts.py) as long as no review
    decision is in force: a decision may move claims between facts or change a fact's status,
    and only the report applies it. None then: count the report.
    """
    if stats["decisions"]:
        return None
    return ReportCounts(
        sources=stats["sources"],
        claims=stats["claims"],
        folded=stats["folded"],
        facts=stats["groups"],
        contested=stats["contested"],
    )


@dataclass(frozen=True)
class Data:
    """What every panel receives: the report (read when first asked for) and where it came from."""

    key: str  # changes whenever the report does: the cache key of every transform
    path: Path | None  # None: the demo corpus
    read: Callable[[], Report] = field(repr=False, compare=False)  # cached: the same Report every call
    quick: ReportCounts | None = None  # the overview's numbers counted without the report, if they can be
    analysed: datetime | None = None  # when the workspace was last analysed
    version: str = ""  # the key of the workspace's analysis (workspace.overview.version); "" for the demo
    # the numbers kept with the overview (kept_counts), asked only when `quick` is None: review decisions
    # in force, which only the report applies
    kept: Callable[[], ReportCounts | None] = field(default=lambda: None, repr=False, compare=False)
    sources: int | None = None  # how many sources, counted without the report (None: the demo)

    @property
    def report(self) -> Report:
        return self.read()

    @property
    def counts(self) -> ReportCounts:
        """The overview's numbers: those of the report, counted without reading it when possible."""
        if self.quick is not None:
            return self.quick
        kept = self.kept()
        return kept if kept is not None else ReportCounts.of_report(self.report)

    @property
    def demo(self) -> bool:
        return self.path is None

    @property
    def empty(self) -> bool:
        return not (self.sources if self.sources is not None else self.counts.sources)


def load() -> Data:
    """Where the report comes from; analyses the workspace first if sources were added since (e.g. by
    the CLI). The report itself is read when a panel first asks for it."""
    path = workspace_path()
    if path is None:
        return Data("demo", None, demo_report, demo_counts())
    ws = open_workspace(str(path))
    stats = ws.stats()
    if stats["stale"] and stats["sources"]:
        refresh_with_progress(ws, "Analysing sources added since the last analysis…")
        stats = ws.stats()
    from workspace.overview import version as version_of

    version = version_of(ws, stats)
    analysed = datetime.fromisoformat(stats["analysed_at"]) if stats["analysed_at"] else None
    return Data(f"{path}|{version}", path, lambda: workspace_report(str(path), version), workspace_counts(stats),
                analysed, version, lambda: kept_counts(str(path), version), stats["sources"])  # fmt: skip


@st.cache_resource(show_spinner=False)
def demo_counts() -> ReportCounts | None:
    """The demo's numbers from its shipped analysis, without building its report; None if not current."""
    from dashboard import demo

    return demo.precomputed_counts()


def refresh_with_progress(ws: Workspace, label: str) -> Report:
    """Extract claims for new sources and re-align, showing one progress step per source."""
    from workspace import pipeline

    with st.status(label, expanded=True) as status:
        bar = st.progress(0.0, text="Loading the language model…")
        nlp = get_nlp()

        def progress(done: int, total: int, source: Any) -> None:
            name = getattr(source, "name", "")
            bar.progress(min(done / max(total, 1), 1.0), text=f"Extracted claims from {done} of {total}: {name}")

        report = pipeline.refresh(ws, nlp=nlp, progress=progress)
        bar.progress(1.0, text="Aligned and compared the claims")
        status.update(label="Analysis up to date", state="complete", expanded=False)
    workspace_report.clear()
    return report


# --- cached transforms: keyed by Data.key, the report itself is not hashed -------------
# Each is built with the cyclic garbage collector paused (analysis.gc_pause, as workspace_report
# reads the report): for 1,000 sources, reading the report and building the overview's tables took
# 1.8 s of CPU with it, 1.3-1.4 s with both paused (issue #11).


@st.cache_resource(show_spinner=False, max_entries=16)
def index(key: str, _report: Report) -> tables.Index:
    """Look-ups shared, not copied: they hold the report itself."""
    from dashboard import tables

    with paused_gc():
        return tables.Index(_report)


@st.cache_data(show_spinner=False, max_entries=16)
def statuses(key: str, _report: Report) -> dict[str, str]:
    from dashboard import tables

    with paused_gc():
        return tables.claim_statuses(_report, index(key, _report))


@st.cache_data(show_spinner=False, max_entries=16)
def facts(key: str, _report: Report) -> pd.DataFrame:
    from dashboard import tables

    with paused_gc():
        return tables.fact_frame(_report, index(key, _report))


@st.cache_data(show_spinner=False, max_entries=32)
def view(key: str, _report: Report, filters: tables.Filters, sort: str) -> pd.DataFrame:
    """The facts of the current view: filtered, then sorted."""
    from dashboard import tables

    with paused_gc():
        return tables.sort_facts(tables.filter_facts(facts(key, _report), filters), sort)


@st.cache_data(show_spinner=False, max_entries=32)
def matrix(key: str, _report: Report, filters: tables.Filters, sort: str) -> tables.Matrix:
    from dashboard import tables

    with paused_gc():
        return tables.matrix(_report, view(key, _report, filters, sort), index(key, _report), statuses(key, _report))


# --- the overview below its numbers, kept on disk (issue #11) ----------------------------
# The first visitor used to wait for the whole report and its tables (about 2.5 s of CPU for 1,000
# sources) to see five cards, a heatmap and a list. What they show is kept in the cache folder under
# the key of the analysis it was built from (workspace/overview.py), by the analysis itself when it
# ends, else here by the first visitor: an unchanged workspace's overview is drawn without the report.


def overview(data: Data) -> OverviewData:
    """What the overview draws below its numbers: from memory, else kept on disk, else from the report."""
    return _overview(data.key, data.version, data.path, data.read)


@st.cache_resource(show_spinner=False, max_entries=8)
def kept_overview(path: str, version: str) -> OverviewData | None:
    """The overview kept on disk for this version of the workspace (awaited if a process is building it
    right now), or None."""
    from workspace import overview as kept

    return kept.kept(path, version)


def kept_counts(path: str, version: str) -> ReportCounts | None:
    """The overview's numbers kept with it for this version (a workspace with review decisions in force:
    only the report counts them otherwise), or None."""
    found = kept_overview(path, version)
    return found.report_counts if found is not None else None


@st.cache_resource(show_spinner=False, max_entries=8)
def _overview(key: str, version: str, path: Path | None, _read: Callable[[], Report]) -> OverviewData:
    from workspace import overview as kept

    found = kept_overview(str(path), version) if path is not None else _demo_overview()
    if found is not None:
        return found
    built = _from_digests(path) if path is not None else None
    if built is None:  # the demo: from the report
        built = build_overview(key, _read())
    stored = kept.overview_file(path)
    if stored is not None:
        kept.write(stored, version, built)
    return built


def _demo_overview() -> OverviewData | None:
    """The demo's overview shipped with its analysis (dashboard/demo.py), or None when not current."""
    from dashboard import demo

    return demo.precomputed_overview()


def _from_digests(path: Path) -> OverviewData | None:
    """The workspace's overview from its facts' kept digests, without the report (issue #11: a workspace
    whose overview is not kept, e.g. the cache cleared), review decisions laid over the facts they reach."""
    from workspace.fact_digests import overview_from_digests

    with paused_gc():
        return overview_from_digests(open_workspace(str(path)))


def build_overview(key: str, report: Report) -> OverviewData:
    """The overview's data from the report, with the look-ups the other panels share (cached)."""
    from analysis.overview import overview_of

    with paused_gc():
        return overview_of(report, index=index(key, report))


# --- navigation between panels -----------------------------------------------------


def open_fact(group_id: str) -> None:
    """Callback: show one fact in the Fact tab (used by the overview, matrix and source view)."""
    st.session_state[FACT_KEY] = group_id
    st.session_state[TAB_KEY] = "Fact"


def open_source(source_id: str) -> None:
    st.session_state[SOURCE_KEY] = source_id
    st.session_state[TAB_KEY] = "Source"
