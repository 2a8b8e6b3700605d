"""Rashomon's dashboard: where the accounts agree and where they contradict (issue #4).

    streamlit run app.py

Shows the workspace ($RASHOMON_WORKSPACE, else ./rashomon.db), or the
built-in demo corpus when there is none. This file only assembles the
panels; each lives in dashboard/ and calls the library.
"""

from __future__ import annotations

import streamlit as st

from analysis.report.escape import md_escape
from analysis.report.labels import MUTED
from dashboard import filters, state
from sources.errors import RashomonError

# Less empty space above the title than Streamlit's default (issue #4: one screen should say a lot).
CSS = ".block-container { padding-top: 2.2rem; padding-bottom: 2rem; }"


def follow_link() -> None:
    """A link such as ?tab=Fact&fact=g4 (from the source view's marks) opens that fact."""
    fact = st.query_params.get("fact")
    if fact:
        st.session_state[state.FACT_KEY] = fact
        del st.query_params["fact"]


def header(data: state.Data) -> None:
    st.html(
        "<div style='display:flex;align-items:baseline;gap:14px;flex-wrap:wrap'>"
        "<span style='font-size:2rem;font-weight:700'>Rashomon</span>"
        f"<span style='color:{MUTED}'>Different accounts of one conflict: where they agree, where they "
        "contradict, and in whose words.</span></div>"
    )
    if data.demo:
        st.info(
            "Showing the built-in demo corpus: four invented accounts of the June 2020 Galwan Valley clash. "
            "Add your own in **Add sources**.",
            icon=":material/science:",
        )
    else:
        when = data.analysed.strftime("%Y-%m-%d %H:%M UTC") if data.analysed else "not yet"
        st.caption(f"Workspace `{data.path}` · analysed {when}")


def main() -> None:
    st.set_page_config(page_title="Rashomon", page_icon=":material/compare:", layout="wide")
    st.html(f"<style>{CSS}</style>")
    try:
        data = state.load()
    except RashomonError as exc:
        st.error(md_escape(str(exc)))
        st.stop()
    filters.keep()
    follow_link()
    header(data)
    try:
        panels(data)
    except RashomonError as exc:  # the report is read when a panel first asks for it (state.Data)
        st.error(md_escape(str(exc)))


def panels(data: state.Data) -> None:
    overview, matrix, fact, source, add, export = st.tabs(state.TABS, key=state.TAB_KEY, bind="query-params")
    # Only the open tab runs (issue #4): a 100-source matrix is not built while the overview shows.
    # Each panel is imported when its tab opens (issue #11): the fact view's Altair charts, for
    # one, are not loaded before the overview's first paint.
    if overview.open:
        from dashboard.overview import visualize_overview

        with overview:
            visualize_overview(data)
    if matrix.open:
        from dashboard.matrix import visualize_matrix

        with matrix:
            visualize_matrix(data, *filters.visualize_filters(data))
    if fact.open:
        from dashboard.fact import visualize_fact

        with fact:
            visualize_fact(data)
    if source.open:
        from dashboard.source_view import visualize_source

        with source:
            visualize_source(data)
    if add.open:
        from dashboard.add_sources import visualize_add_sources

        with add:
            visualize_add_sources(data)
    if export.open:
        from dashboard.export_panel import visualize_export

        with export:
            visualize_export(data, *filters.current(data))


main()
