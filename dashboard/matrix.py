"""Side-by-side matrix: one row per fact, one column per source, coloured by relation (issue #4)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from analysis.report.labels import CLAIM_STATUSES, PALETTE, STATUS_COLOURS
from dashboard import state, tables
from dashboard.html import legend

TABLE_KEY = "matrix.table"
ROWS_KEY = "matrix.rows"  # the group ids of the rows shown, for the selection callback
ROW_PX = 35
FACT_PX = 290
LEAD_PX = FACT_PX + 90 + 80  # Fact, Status, Clashes
# The main column at 1440 px (1280), less the row boxes and borders (issue #10: five sources must fit).
FIT_PX = 1240
SOURCE_MIN_PX, SOURCE_MAX_PX = 110, 220
MAX_HEIGHT_PX = 720
_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=\S)")
# A click on any cell selects that cell; the row box on the left still selects the row (issue #10).
SELECTION = ["single-row", "single-cell"]


def _cell_css(status: str) -> str:
    if status not in PALETTE:
        return ""
    c = PALETTE[status]
    return f"background-color: {c.fill}; color: {c.text}"


def styled(m: tables.Matrix) -> Styler:
    """Colour each source cell by that source's relation to the others; the Status column by the fact's."""
    css = pd.DataFrame("", index=m.values.index, columns=m.values.columns)
    for column in m.source_columns:
        css[column] = m.statuses[column].map(_cell_css)
    css["Status"] = m.statuses["Status"].map(lambda s: _cell_css(STATUS_COLOURS.get(s, "")))
    return m.values.style.apply(lambda _frame: css, axis=None)


def clicked_row(selection: dict) -> int | None:
    """The table row a click chose: a selected row, else the row of a selected cell."""
    rows = list(selection.get("rows") or [])
    cells = list(selection.get("cells") or [])
    if rows:
        return int(rows[0])
    if cells:
        return int(cells[0][0])
    return None


def _open_selected() -> None:
    """on_select callback: a clicked row or cell opens its fact (row numbers are into the table shown)."""
    row = clicked_row(st.session_state[TABLE_KEY].selection)
    group_ids = st.session_state.get(ROWS_KEY, [])
    if row is not None and row < len(group_ids):
        state.open_fact(group_ids[row])


def source_width(count: int) -> tuple[int, bool]:
    """Pixels per source column, and whether the Fact column is pinned (the table then scrolls sideways).

    Five sources share the width left of the Fact column; from about eight on,
    each keeps a readable minimum and the table scrolls with Fact in view.
    """
    share = (FIT_PX - LEAD_PX) // max(count, 1)
    width = max(SOURCE_MIN_PX, min(SOURCE_MAX_PX, share))
    return width, LEAD_PX + width * count > FIT_PX


def visualize_matrix(data: state.Data, filters: tables.Filters, sort: str) -> None:
    report = data.report
    if data.empty:
        st.info("No sources yet: add some in **Add sources**.")
        return
    m = state.matrix(data.key, report, filters, sort)
    total = len(report.groups)
    shown = len(m.values)
    speaking = len(m.source_columns)
    who = "" if speaking == len(report.sources) else f" stated by {speaking} of the {len(report.sources)} sources"
    st.caption(
        f"Showing **{shown}** of {total} facts{who}, {sort}. Each cell is the value as that source states it. "
        "**Click a row** to read the quotes; hover a source's heading for its full name."
    )
    st.html(legend(CLAIM_STATUSES))
    if m.values.empty:
        st.warning("No fact matches the filters: clear some of them.")
        return
    st.session_state[ROWS_KEY] = list(m.values.index)
    width, pinned = source_width(len(m.source_columns))
    names = tables.source_names(report)
    config = {
        # Pinned only when the sources do not fit: a pinned column is drawn greyed.
        "Fact": st.column_config.TextColumn("Fact", width=FACT_PX, pinned=pinned),
        "Kind": None,  # the topic already starts with it ("killed: ...")
        "Status": st.column_config.TextColumn("Status", width=90),
        "Contradictions": st.column_config.NumberColumn(
            "Clashes", width="small", help="pairs of claims that contradict each other"
        ),
    }
    for column in m.source_columns:
        heading = _ARTICLE.sub("", column) if width < SOURCE_MAX_PX else column  # "Herald", not "The Her…"
        config[column] = st.column_config.TextColumn(heading, width=width, help=names.get(column))
    st.dataframe(
        styled(m),
        hide_index=True,
        column_config=config,
        height=min(ROW_PX * (shown + 1) + 3, MAX_HEIGHT_PX),
        key=TABLE_KEY,
        on_select=_open_selected,
        selection_mode=SELECTION,
        width="stretch",
    )
