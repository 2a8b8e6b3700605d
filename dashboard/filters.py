"""The fact filters above the matrix, also read by the export (issue #4).

Streamlit forgets a widget's value when a run does not draw it, and only
the open tab is drawn; `keep()` re-stores the filter values at the start of
every run, so they hold while the Export tab (or any other) is open.
`dashboard.tables` (pandas) is imported where the filters are used, not
by `keep()`, which runs before the overview's first paint (issue #11).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from analysis.report.labels import KIND_LABELS, STATUS_LABELS, kind_label
from dashboard import state

if TYPE_CHECKING:
    from dashboard import tables

KINDS, STATUSES, SOURCES, SIDES, TEXT, SORT = (
    "filter.kinds",
    "filter.statuses",
    "filter.sources",
    "filter.sides",
    "filter.text",
    "filter.sort",
)
KEYS = (KINDS, STATUSES, SOURCES, SIDES, TEXT, SORT)


def default_sort() -> str:
    from dashboard import tables

    return next(iter(tables.SORTS))


def keep() -> None:
    """Call first in every run: a value re-assigned by the script survives its widget not being drawn."""
    for key in KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def current(data: state.Data) -> tuple[tables.Filters, str]:
    """The filters as last set, without drawing them (for the export); stale choices are dropped."""
    from dashboard import tables

    known_sources = {s.id for s in data.report.sources}
    get = st.session_state.get
    filters = tables.Filters(
        kinds=tuple(get(KINDS, [])),
        statuses=tuple(get(STATUSES, [])),
        sources=tuple(s for s in get(SOURCES, []) if s in known_sources),
        sides=tuple(get(SIDES, [])),
        text=get(TEXT, "") or "",
    )
    sort = get(SORT, default_sort())
    return filters, sort if sort in tables.SORTS else default_sort()


def _clear() -> None:
    for key in KEYS:
        st.session_state[key] = "" if key == TEXT else default_sort() if key == SORT else []


def visualize_filters(data: state.Data) -> tuple[tables.Filters, str]:
    """Draw the filters in one row and return them."""
    from dashboard import tables

    report = data.report
    facts = state.facts(data.key, report)
    labels = tables.source_labels(report)
    present = set(facts["kind"])
    sides = sorted({s.side for s in report.sources if s.side})
    for key, options in ((SOURCES, labels), (SIDES, sides)):  # a source removed meanwhile
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in options]
    cols = st.columns([2, 2, 2, 2, 3, 2])
    cols[0].multiselect(
        "Kind",
        [k for k in KIND_LABELS if k in present],
        format_func=kind_label,
        key=KINDS,
        placeholder="all kinds",
    )
    cols[1].multiselect(
        "Status",
        list(STATUS_LABELS),
        format_func=STATUS_LABELS.__getitem__,
        key=STATUSES,
        placeholder="any status",
    )
    cols[2].multiselect(
        "Stated by source", list(labels), format_func=lambda s: labels.get(s, s), key=SOURCES, placeholder="any source"
    )
    cols[3].multiselect("Stated by side", sides, key=SIDES, placeholder="any side")
    cols[4].text_input("Words", key=TEXT, placeholder="e.g. Chinese soldiers, June")
    cols[5].selectbox("Sort", list(tables.SORTS), key=SORT)
    filters, sort = current(data)
    if filters.active:
        st.button("Clear filters", on_click=_clear, key="filter.clear", icon=":material/filter_alt_off:")
    return filters, sort
