"""The overview below its four numbers (issue #4): the most contested facts, who contradicts
whom, the sources. Imported once the numbers are drawn (dashboard.overview, issue #11).
"""

from __future__ import annotations

import streamlit as st

from analysis.report.escape import esc
from analysis.report.labels import AGREES, ALONE, CONTRADICTS, MUTED, SCOPE, kind_label
from dashboard import fact_tables, review_panel, state, tables
from dashboard.heatmap import HEATMAP_TEXT_MAX, heatmap_size
from dashboard.html import badge, legend, table_html

TOP_CONTESTED = 5
CARD_VALUES = 6  # statements shown per contested fact
SOURCES_INLINE = 15
SOURCES_HEIGHT_PX = 480


def visualize_panels(data: state.Data) -> None:
    report = data.report
    facts = state.facts(data.key, report)
    if report.errors:
        with st.expander(f"{len(report.errors)} input(s) could not be read"):
            for line in report.errors:
                st.text(line)
    review_panel.visualize_queue(data)  # issue #9: what is left to review

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Most contested facts")
        visualize_contested(data, facts)
    with right:
        st.subheader("Who contradicts whom")
        visualize_heatmap(data)

    st.subheader("Sources")
    # An HTML table, not st.dataframe: the grid's code would hold back the first paint (issue #4, < 3 s).
    table = table_html(state.sources_table(data.key, report), numeric=("Claims", "Contradicting"))
    if len(report.sources) > SOURCES_INLINE:
        with st.container(height=SOURCES_HEIGHT_PX):
            st.html(table)
    else:
        st.html(table)


def visualize_contested(data: state.Data, facts) -> None:  # noqa: ANN001 - a DataFrame
    """The top contested facts as cards: every source's value, the first reason they clash."""
    report = data.report
    top = tables.sort_facts(facts[facts["contradictions"] > 0]).head(TOP_CONTESTED)
    if top.empty:
        st.success("No two sources contradict each other on any fact.")
        return
    index = state.index(data.key, report)
    statuses = state.statuses(data.key, report)
    for row in top.itertuples():
        with st.container(border=True, key=f"overview-card-{row.group_id}"):
            said = fact_tables.statements(report, row.group_id, index, statuses)
            why = [r for r in fact_tables.reasons(report, row.group_id, index) if r.relation == CONTRADICTS]
            # Contradicting statements first; a fact stated by twenty sources shows a few and a count.
            said.sort(key=lambda s: s.status != CONTRADICTS)
            values = " ".join(
                f"<span style='white-space:nowrap;margin-right:10px'>{esc(s.source)}: {badge(s.status, s.value)}</span>"
                for s in said[:CARD_VALUES]
            )
            if len(said) > CARD_VALUES:
                values += f"<span style='color:{MUTED}'>and {len(said) - CARD_VALUES} more statements</span>"
            reason = (
                f"<div style='color:{MUTED};font-size:0.9em;margin-top:4px'>Why: {esc(why[0].reason)}</div>"
                if why
                else ""
            )
            st.html(
                f"<div><b>{esc(row.topic)}</b> <span style='color:{MUTED}'>· "
                f"{esc(kind_label(row.kind))} · {row.contradictions} contradicting "
                f"pair{'s' if row.contradictions != 1 else ''} · {row.n_sources} sources</span></div>"
                f"<div style='margin-top:6px;line-height:1.9'>{values}</div>{reason}"
            )
            st.button(
                "Open this fact →",
                key=f"overview.open.{row.group_id}",
                on_click=state.open_fact,
                args=(row.group_id,),
                type="tertiary",
            )
    st.html(legend([CONTRADICTS, AGREES, SCOPE, ALONE]))


def visualize_heatmap(data: state.Data) -> None:
    report = data.report
    if len(report.sources) < 2:
        st.caption("Add a second source to compare them.")
        return
    labels = state.heatmap_labels(data.key, report)
    frame, spec = state.heatmap_spec(data.key, report)
    width, height = heatmap_size(len(labels))
    st.vega_lite_chart(frame, spec, theme=None, width=width, height=height)
    counts = "" if len(labels) > HEATMAP_TEXT_MAX else " (✓ agree, ✗ contradict)"
    some = (
        f" Shown: the {len(labels)} of {len(report.sources)} sources that share the most facts."
        if len(labels) < len(report.sources)
        else ""
    )
    st.caption(
        f"Each cell: the facts two sources both state{counts}. Red: they mostly contradict; green: they "
        f"mostly agree; grey: only different scope or unclear. Hover a cell for the counts.{some}"
    )
