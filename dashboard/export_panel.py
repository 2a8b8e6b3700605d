"""Export: the current (filtered) view as JSON, CSV, Markdown or HTML (issue #4).

The files are the library's own reports (analysis.report), made from a
Report cut down to the facts the matrix shows; each is built only when its
button is clicked.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from analysis.models import Report
from analysis.report import FORMATS, MEDIA_TYPES, render
from dashboard import state, tables

LABELS = {"json": "JSON", "csv": "CSV", "md": "Markdown", "html": "HTML"}
HELP = {
    "json": "every claim, group and relation, for other tools",
    "csv": "one row per claim, for a spreadsheet",
    "md": "a readable report, for notes or a wiki",
    "html": "a standalone page to open or print",
}


def _render(report: Report, fmt: str) -> str:
    return render(report, fmt)  # type: ignore[arg-type]


def visualize_export(data: state.Data, filters: tables.Filters, sort: str) -> None:
    report = data.report
    if data.empty:
        st.info("Nothing to export yet: add sources first.")
        return
    shown = list(state.view(data.key, report, filters, sort)["group_id"])
    view = tables.filter_report(report, shown)
    if filters.active:
        st.markdown(
            f"Exports the **{len(shown)} of {len(report.groups)} facts** the Matrix filters keep, with their "
            f"claims, relations and the {len(view.sources)} sources that state them."
        )
    else:
        st.markdown(f"Exports all **{len(report.groups)} facts** of {len(report.sources)} sources.")
    if not shown:
        st.warning("No fact matches the Matrix filters: clear some of them to export.")
        return
    stem = "rashomon-demo" if data.demo else "rashomon-report"
    stem += "-filtered" if filters.active else ""
    columns = st.columns(len(FORMATS))
    for column, fmt in zip(columns, FORMATS, strict=True):
        with column:
            st.download_button(
                f"Download {LABELS.get(fmt, fmt)}",
                data=partial(_render, view, fmt),
                file_name=f"{stem}.{fmt}",
                mime=MEDIA_TYPES.get(fmt, "text/plain"),
                key=f"export.{fmt}",
                on_click="ignore",
                icon=":material/download:",
                width="stretch",
            )
            st.caption(HELP.get(fmt, ""))
