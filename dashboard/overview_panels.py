"""The overview below its four numbers (issue #4): the most contested facts, who contradicts
whom, the sources. Imported once the numbers are drawn (dashboard.overview, issue #11), and drawn
from analysis.overview's data (kept with the analysis: workspace/overview.py), never from the report itself.
"""

from __future__ import annotations

import streamlit as st

from analysis.overview import OverviewData
from analysis.report.escape import esc, md_escape
from analysis.report.labels import AGREES, ALONE, CONTRADICTS, MUTED, SCOPE
from analysis.views import SOURCE_COLUMNS
from dashboard import state
from dashboard.heatmap import HEATMAP_TEXT_MAX, heatmap_html
from dashboard.html import badge, legend, rows_html

SOURCES_INLINE = 15
SOURCES_HEIGHT_PX = 480
SOURCES_PAGE = 50  # rows of the sources table at once: 1,000 rows are 180 KB of HTML to send and lay out
SOURCES_PAGE_KEY = "overview.sources.page"
ALL_PAGES = -1


def visualize_panels(data: state.Data) -> None:
    """Drawn from state.overview: with an unchanged workspace, after a restart, without the report."""
    shown = state.overview(data)
    if shown.errors:
        with st.expander(f"{len(shown.errors)} input(s) could not be read"):
            for line in shown.errors:
                st.text(line)
    if not data.demo:
        visualize_queue(shown)  # issue #9: what is left to review

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Most contested facts")
        visualize_contested(shown)
    with right:
        st.subheader("Who contradicts whom")
        visualize_heatmap(shown)

    st.subheader("Sources")
    visualize_sources(shown)


def visualize_queue(shown: OverviewData) -> None:
    """The overview's count of facts left to review, and the first few of the queue."""
    if not shown.queue_total:
        st.caption("Review: nothing left that needs a look.")
        return
    with st.expander(f"Review queue: {shown.queue_total} facts left to review", expanded=False):
        for item in shown.queue:
            cols = st.columns([5, 1])
            cols[0].markdown(f"**{md_escape(item.topic)}** — {md_escape('; '.join(item.reasons))}")
            cols[1].button("Open →", key=f"review.queue.{item.group_id}", on_click=state.open_fact,
                           args=(item.group_id,), type="tertiary")  # fmt: skip


def visualize_contested(shown: OverviewData) -> None:
    """The top contested facts as cards: every source's value, the first reason they clash."""
    if not shown.cards:
        st.success("No two sources contradict each other on any fact.")
        return
    for card in shown.cards:
        with st.container(border=True, key=f"overview-card-{card.group_id}"):
            values = " ".join(
                f"<span style='white-space:nowrap;margin-right:10px'>{esc(s.source)}: {badge(s.status, s.value)}</span>"
                for s in card.statements
            )
            if card.more:
                values += f"<span style='color:{MUTED}'>and {card.more} more statements</span>"
            reason = (
                f"<div style='color:{MUTED};font-size:0.9em;margin-top:4px'>Why: {esc(card.reason)}</div>"
                if card.reason
                else ""
            )
            st.html(
                f"<div><b>{esc(card.topic)}</b> <span style='color:{MUTED}'>· "
                f"{esc(card.kind)} · {card.contradictions} contradicting "
                f"pair{'s' if card.contradictions != 1 else ''} · {card.n_sources} sources</span></div>"
                f"<div style='margin-top:6px;line-height:1.9'>{values}</div>{reason}"
            )
            st.button(
                "Open this fact →",
                key=f"overview.open.{card.group_id}",
                on_click=state.open_fact,
                args=(card.group_id,),
                type="tertiary",
            )
    st.html(legend([CONTRADICTS, AGREES, SCOPE, ALONE]))


def visualize_heatmap(shown: OverviewData) -> None:
    if shown.n_sources < 2:
        st.caption("Add a second source to compare them.")
        return
    labels = shown.heatmap_labels
    st.html(heatmap_html(labels, shown.heatmap_cells))
    counts = "" if len(labels) > HEATMAP_TEXT_MAX else " (✓ agree, ✗ contradict)"
    some = (
        f" Shown: the {len(labels)} of {shown.n_sources} sources that share the most facts."
        if len(labels) < shown.n_sources
        else ""
    )
    st.caption(
        f"Each cell: the facts two sources both state{counts}. Red: they mostly contradict; green: they "
        f"mostly agree; grey: only different scope or unclear. Hover a cell for the counts.{some}"
    )


def visualize_sources(shown: OverviewData) -> None:
    """Every source, a page of SOURCES_PAGE at a time with a choice of page or all of them (issue #11).

    The choice is a page number (or ALL_PAGES), not its label, so it stays while sources are added.
    """
    rows = shown.sources
    total = len(rows)
    if total > SOURCES_PAGE:
        pages = list(range((total + SOURCES_PAGE - 1) // SOURCES_PAGE))
        if st.session_state.get(SOURCES_PAGE_KEY, 0) not in [*pages, ALL_PAGES]:
            del st.session_state[SOURCES_PAGE_KEY]  # fewer sources than its page: back to the first
        page = st.columns([1, 3])[0].selectbox(f"Sources shown, of {total:,}", [*pages, ALL_PAGES],
                                                key=SOURCES_PAGE_KEY, format_func=lambda n: _page_label(n, total))  # fmt: skip
        if page != ALL_PAGES:
            rows = rows[page * SOURCES_PAGE : (page + 1) * SOURCES_PAGE]
    # An HTML table, not st.dataframe: the grid's code would hold back the first paint (issue #4, < 3 s).
    table = rows_html(SOURCE_COLUMNS, rows, numeric=("Claims", "Contradicting"))
    if len(rows) > SOURCES_INLINE:
        with st.container(height=SOURCES_HEIGHT_PX):
            st.html(table)
    else:
        st.html(table)


def _page_label(page: int, total: int) -> str:
    if page == ALL_PAGES:
        return f"all {total:,}"
    return f"{page * SOURCES_PAGE + 1:,}–{min((page + 1) * SOURCES_PAGE, total):,}"
