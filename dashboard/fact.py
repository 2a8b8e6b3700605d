"""Fact view: one fact, every source's words on it, and why they clash (issue #4).

Each source's sentence with the claim marked, who said it ("the source
itself" or "according to X"), then each contradiction's reason. Counts get a
chart of every source's admitted range with the low / best / high rules;
dates a timeline at each source's precision.
"""

from __future__ import annotations

import streamlit as st

from analysis.models import CountSummary, Group
from analysis.report.escape import esc, md_escape
from analysis.report.labels import CONTRADICTS, MUTED, STATUS_COLOURS, STATUS_LABELS, UNCLEAR, kind_label
from analysis.report.view import reviewed_text
from claims.describe import describe_number
from dashboard import charts, fact_tables, review_panel, state, tables
from dashboard.html import badge, quote_card

PICK_KEY = "fact.pick"
CARD_COLUMNS = 2


def _sync() -> None:
    st.session_state[state.FACT_KEY] = st.session_state[PICK_KEY]


def _option_label(facts, group_id: str) -> str:  # noqa: ANN001 - a DataFrame
    row = facts.loc[facts["group_id"] == group_id].iloc[0]
    kind = kind_label(row["kind"])
    status = STATUS_LABELS.get(row["status"], row["status"])
    return f"{row['topic']}  ·  {kind}, {status}, {row['n_sources']} source{'s' if row['n_sources'] != 1 else ''}"


def visualize_fact(data: state.Data) -> None:
    report = data.report
    if not report.groups:
        st.info("No facts yet: add sources in **Add sources**.")
        return
    facts = tables.sort_facts(state.facts(data.key, report))
    options = list(facts["group_id"])
    current = st.session_state.get(state.FACT_KEY)
    st.session_state[PICK_KEY] = current if current in options else options[0]
    group_id = st.selectbox(
        "Fact (most contested first)",
        options,
        format_func=lambda g: _option_label(facts, g),
        key=PICK_KEY,
        on_change=_sync,
    )
    group = next(g for g in report.groups if g.id == group_id)
    visualize_one_fact(data, group)


def visualize_one_fact(data: state.Data, group: Group) -> None:
    report = data.report
    index = state.index(data.key, report)
    statuses = state.statuses(data.key, report)
    st.html(
        f"<h3 style='margin:0.2em 0'>{esc(group.topic)}</h3>"
        f"<div>{badge(STATUS_COLOURS.get(group.status, UNCLEAR), STATUS_LABELS.get(group.status))} "
        f"<span style='color:{MUTED}'>{esc(kind_label(group.kind))} · fact {esc(group.id)}"
        "</span></div>"
    )
    if group.kind in ("casualties", "wounded", "displaced"):
        visualize_counts(data, group)
    elif group.kind == "event_date":
        visualize_dates(data, group)

    st.markdown("#### What each source says")
    sources = {s.id: s for s in report.sources}
    labels = tables.source_labels(report)
    said = fact_tables.statements(report, group.id, index, statuses)
    columns = st.columns(CARD_COLUMNS)
    for n, statement in enumerate(said):
        claim = index.claims[statement.claim_id]
        source = sources.get(claim.source_id)
        meta = " · ".join(
            part
            for part in (
                f"side: {source.side}" if source and source.side else "",
                source.published.isoformat() if source and source.published else "",
                claim.id,
            )
            if part
        )
        with columns[n % CARD_COLUMNS]:
            st.html(
                quote_card(
                    source=labels.get(claim.source_id, claim.source_id),
                    meta=meta,
                    value=statement.value,
                    claim=claim,
                    status=statement.status,
                )
            )
            if claim.reviewed:  # a person's decision, apart from the machine's reading (issue #9)
                st.caption(f"✎ {md_escape(reviewed_text(claim.reviewed))}")
    visualize_reasons(data, group)
    review_panel.visualize_fact_review(data, group)


def visualize_reasons(data: state.Data, group: Group) -> None:
    found = fact_tables.reasons(data.report, group.id, state.index(data.key, data.report))
    if not found:
        st.caption("Only one source states this fact, so there is nothing to compare it with.")
        return
    clashes = [r for r in found if r.relation == CONTRADICTS]
    others = [r for r in found if r.relation != CONTRADICTS]

    def lines(items: list[fact_tables.Reason]) -> str:
        return "".join(
            f"<li style='margin:3px 0'>{badge(r.relation)} <b>{esc(r.source_a)}</b> vs <b>{esc(r.source_b)}</b>: "
            f"{esc(r.reason)}{review_panel.reason_mark(data.report, r.claim_a, r.claim_b)}</li>"
            for r in items
        )

    if clashes:
        st.markdown("#### Why they contradict")
        st.html(f"<ul style='list-style:none;padding-left:0'>{lines(clashes)}</ul>")
    if others:
        with st.expander(f"The other {len(others)} comparison{'s' if len(others) != 1 else ''}", expanded=not clashes):
            st.html(f"<ul style='list-style:none;padding-left:0'>{lines(others)}</ul>")


def visualize_counts(data: state.Data, group: Group) -> None:
    ranges = fact_tables.count_ranges(data.report, group.id, state.statuses(data.key, data.report))
    if ranges.empty:
        return
    summary = group.summary
    if summary is not None:
        st.html(summary_html(summary, tables.source_labels(data.report)))
    st.altair_chart(charts.range_chart(ranges, summary), width="stretch", height=charts.rows_height(len(ranges)))
    st.caption(
        "Bars: the figures each statement admits (“around” widens it, “at least” leaves it open: → no upper "
        "limit). Ticks: the figure as written. Dashed lines: the low, best and high across sources."
    )


def summary_html(summary: CountSummary, names: dict[str, str]) -> str:
    """Low / best / high in one line, each with the sources that give it (UCDP style)."""
    parts = []
    for label, value, who in (
        ("Low", summary.low, summary.low_sources),
        ("Best", summary.best, summary.best_sources),
        ("High", summary.high, summary.high_sources),
    ):
        shown = "—" if value is None else describe_number(value)
        by = ", ".join(dict.fromkeys(names.get(s, s) for s in who))
        parts.append(
            f"<span style='margin-right:28px'><span style='color:{MUTED}'>{label}</span> "
            f"<b style='font-size:1.5em'>{esc(shown)}</b> <span style='color:{MUTED};font-size:0.85em'>"
            f"{esc(by)}</span></span>"
        )
    return f"<div style='margin:6px 0 2px'>{''.join(parts)}</div>"


def visualize_dates(data: state.Data, group: Group) -> None:
    dates = fact_tables.date_ranges(data.report, group.id, state.statuses(data.key, data.report))
    if dates.empty:
        return
    st.altair_chart(charts.timeline_chart(dates), width="stretch", height=charts.rows_height(len(dates)))
    st.caption("Each bar spans what the source's wording allows: a day (◆), a month or a whole year.")
