"""Source view: one account's whole cleaned text with its claims marked (issue #4).

Each claim is a <mark> coloured by its relation to the other sources, with
the fact's topic in its tooltip; a mark links to its fact, and a selectbox
jumps there without leaving the session. The text is escaped throughout.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from analysis.report.escape import esc
from analysis.report.labels import AGREES, ALONE, CONTRADICTS, MUTED, SCOPE, UNCLEAR
from dashboard import review_panel, state, tables
from dashboard.html import legend, source_text_html

PICK_KEY = "source.pick"
JUMP_KEY = "source.jump"
TEXT_HEIGHT_PX = 640
SCROLL_AFTER_CHARS = 2500


def _sync() -> None:
    st.session_state[state.SOURCE_KEY] = st.session_state[PICK_KEY]


def visualize_source(data: state.Data) -> None:
    report = data.report
    if data.empty:
        st.info("No sources yet: add some in **Add sources**.")
        return
    labels = tables.source_labels(report)
    options = [s.id for s in report.sources]
    current = st.session_state.get(state.SOURCE_KEY)
    st.session_state[PICK_KEY] = current if current in options else options[0]
    source_id = st.selectbox(
        "Source", options, format_func=lambda sid: f"{labels[sid]}  ·  {sid}", key=PICK_KEY, on_change=_sync
    )
    source = next(s for s in report.sources if s.id == source_id)
    index = state.index(data.key, report)
    statuses = state.statuses(data.key, report)
    groups = {g.id: g for g in report.groups}
    claims = [c for c in report.claims if c.source_id == source.id]

    details = [
        ("Title", source.title),
        ("Publisher", source.publisher),
        ("Published", source.published.isoformat() if source.published else None),
        ("Side", source.side),
        ("Address", source.address),
        ("Added from", source.name),
    ]
    st.html(
        "<table style='border-collapse:collapse;font-size:0.9em'>"
        + "".join(
            f"<tr><td style='color:{MUTED};padding:1px 12px 1px 0'>{esc(k)}</td><td>{esc(v)}</td></tr>"
            for k, v in details
            if v
        )
        + "</table>"
    )

    def topic(claim_id: str) -> str:
        gid = index.group_of.get(claim_id)
        return groups[gid].topic if gid in groups else "fact not grouped"

    left, right = st.columns([3, 1], gap="large")
    with right:
        st.markdown(f"**{len(claims)} claims**")
        if claims:
            choices = {c.id: f"{tables.cell_text(c)} — {statuses.get(c.id, ALONE)}" for c in claims}
            picked = st.selectbox("Claim", list(choices), format_func=choices.get, key=JUMP_KEY)
            gid = index.group_of.get(picked)
            if gid:
                st.button("Open its fact →", key="source.open", on_click=state.open_fact, args=(gid,))
        review_panel.visualize_source_review(data, source.id, picked if claims else None)
        st.html(legend([CONTRADICTS, AGREES, SCOPE, UNCLEAR, ALONE]))
    with left:
        marks = []
        for c in claims:
            gid = index.group_of.get(c.id, "")
            status = statuses.get(c.id, ALONE)
            title = f"{topic(c.id)} — {tables.cell_text(c)} ({status})"
            marks.append((c.start, c.end, status, title, "?" + urlencode({"tab": "Fact", "fact": gid}) if gid else ""))
        # A long text scrolls in its own box, so the claim picker stays in view.
        with st.container(height=TEXT_HEIGHT_PX if len(source.text) > SCROLL_AFTER_CHARS else "content", border=True):
            st.html(
                "<div style='font-size:1.02em;line-height:1.65;max-width:48em'>"
                + source_text_html(source.text, marks)
                + "</div>"
            )
