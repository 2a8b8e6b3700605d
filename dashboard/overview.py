"""Overview: the state of the accounts in one minute (issue #4).

Four numbers, the facts the sources fight over most (each with its values
and the reason they clash), and a source-by-source heatmap of how often
each pair agrees or contradicts.

The four numbers are drawn first, counted without reading the report
(`state.Data.counts`), and this module imports nothing heavy: the rest of the
overview (dashboard.overview_panels: pandas, the report's models) is loaded
after they are on the screen (issue #11: the first paint).
"""

from __future__ import annotations

import streamlit as st

from analysis.counts import claims_phrase
from analysis.report.escape import md_escape
from dashboard import state


def visualize_overview(data: state.Data) -> None:
    if data.empty:
        show_empty_state(data)
        return
    counts = data.counts  # the count the CLI and the exports give (issue #10)
    with st.container(key="overview-metrics"):
        cols = st.columns(4)
        cols[0].metric("Sources", counts.sources, border=True)
        cols[1].metric("Claims", counts.claims, border=True, help="factual statements extracted: "
                       f"{claims_phrase(counts.claims, counts.folded)}, a source's restatement of a figure folded "
                       "into the claim it repeats")  # fmt: skip
        cols[2].metric("Facts", counts.facts, border=True, help="claims about the same thing, grouped across sources")
        cols[3].metric(
            "Contested facts", counts.contested, border=True, help="facts where at least two sources contradict"
        )
    from dashboard.overview_panels import visualize_panels

    visualize_panels(data)


def show_empty_state(data: state.Data) -> None:
    st.info(
        f"The workspace {md_escape(data.path)} has no sources yet. Open **Add sources** to upload files, paste an "
        "article or give its address; or run `rashomon add FILE...` in a terminal. Claims are extracted "
        "and compared as soon as sources are added.",
        icon=":material/inbox:",
    )
