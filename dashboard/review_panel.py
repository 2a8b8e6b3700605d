"""Review in the dashboard (issue #9): the analyst corrects the machine, from the fact and source views.

Every action writes one decision through workspace.review (never SQL); the
report is cached under a key that includes the workspace's review generation,
so the next run shows the reviewed state. Widget keys start with "review.".
The demo corpus has no workspace to keep decisions in: the panel says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from analysis.models import Group, Report
from analysis.report.escape import esc, md_escape
from analysis.report.view import reviewed_text
from analysis.review import REVIEW_RELATIONS
from claims.models import KINDS
from dashboard import state, tables
from sources.errors import RashomonError
from workspace import review
from workspace.store import Workspace

CLAIM_ACTIONS = {
    "confirm": "Confirm: it is right",
    "reject": "Reject: not a claim, or misread",
    "correct": "Correct its value, scope, speaker or date",
    "move": "Move it to another fact (or a new one)",
}
NEW_FACT = "new"
RESULT_KEY = "review.result"


def _workspace(data: state.Data) -> Workspace | None:
    return None if data.path is None else state.open_workspace(str(data.path))


class Live(str):
    """A widget key whose value the callback reads when the button is pressed, not when it was drawn:
    a text typed just before the click is not yet in the values the button was drawn with."""


def _live(value: Any) -> Any:
    return st.session_state.get(value) if isinstance(value, Live) else value


def _correct(ws: Workspace, claim_id: str, *, value: str | None, scope: str | None, date: str | None,
             old_scope: str | None, note: str, reviewer: str | None) -> dict[str, Any]:  # fmt: skip
    """The form's fields as a correction: empty ones and an unchanged scope are not corrected."""
    scope = None if scope is None or scope.strip() == (old_scope or "") else scope
    return review.correct(ws, claim_id, value=(value or "").strip() or None, scope=scope,
                          date=(date or "").strip() or None, note=note or "", reviewer=reviewer)  # fmt: skip


def _run(data: state.Data, action: Callable[..., dict[str, Any]], *args: Any, **kwargs: Any) -> None:
    """Callback: record one decision; the outcome shows on the next run."""
    ws = _workspace(data)
    if ws is None:
        return
    args = tuple(_live(a) for a in args)
    kwargs = {k: _live(v) for k, v in kwargs.items()}
    if "note" in kwargs:
        kwargs["note"] = kwargs["note"] or ""
    if action is not review.undo:
        kwargs["reviewer"] = st.session_state.get("review.by") or None
    try:
        done = action(ws, *args, **kwargs)
        what = "undone" if action is review.undo else "saved"
        st.session_state[RESULT_KEY] = ("success", f"Decision {done['id']} ({done['decision']}) {what}.")
    except RashomonError as exc:
        st.session_state[RESULT_KEY] = ("error", str(exc))


def _result() -> None:
    outcome = st.session_state.pop(RESULT_KEY, None)
    if outcome:
        kind, text = outcome
        (st.success if kind == "success" else st.error)(md_escape(text))


def _ready(data: state.Data) -> bool:
    if data.demo:
        st.caption("Review keeps its decisions in a workspace: add a source to start one, then review here.")
        return False
    return True


def visualize_fact_review(data: state.Data, group: Group) -> None:
    """The fact view's review tools: one claim, the fact itself, one relation; then the decisions."""
    st.markdown("#### Review")
    if not _ready(data):
        return
    _result()
    st.text_input("Your name (optional, kept with each decision)", key="review.by")
    report = data.report
    claims = [c for c in report.claims if c.id in group.claim_ids]
    labels = tables.source_labels(report)
    choices = {c.id: f"{labels.get(c.source_id, c.source_id)}: {tables.cell_text(c)} ({c.id})" for c in claims}
    claim_tab, fact_tab, relation_tab = st.tabs(["A claim", "This fact", "A relation"])
    with claim_tab:
        if choices:
            picked = st.selectbox("Claim", list(choices), format_func=choices.get, key=f"review.claim.{group.id}")
            claim_form(data, picked, f"fact.{group.id}")
    with fact_tab:
        fact_form(data, group)
    with relation_tab:
        relation_form(data, group, choices)
    decisions_list(data)


def reason_mark(report: Report, claim_a: str, claim_b: str) -> str:
    """HTML after a relation's reason when a person set it: "reviewed: set to agree — note"."""
    pair = {claim_a, claim_b}
    rel = next((r for r in report.relations if r.reviewed and {r.claim_a, r.claim_b} == pair), None)
    if rel is None:
        return ""
    return (f" <span style='font-size:0.85em;font-weight:600;color:#174ea6;background:#e8f0fe;padding:0 4px;"
            f"border-radius:3px'>{esc(reviewed_text(rel.reviewed))}</span>")  # fmt: skip


def _other_facts(report: Report, kind: str, but: str | None) -> dict[str, str]:
    return {g.id: f"{g.topic} ({g.id})" for g in report.groups if g.kind == kind and g.id != but}


def claim_form(data: state.Data, claim_id: str, where: str) -> None:
    """Confirm, reject, correct or move one claim. `where` keeps the fact and source views' keys apart."""
    report = data.report
    claim = next((c for c in report.claims if c.id == claim_id), None)
    if claim is None:
        return
    if claim.reviewed:
        st.caption(md_escape(reviewed_text(claim.reviewed)))
    key = f"review.{where}"
    action = st.radio("Decision", list(CLAIM_ACTIONS), format_func=CLAIM_ACTIONS.get, key=f"{key}.action")
    kwargs: dict[str, Any] = {}
    if action == "correct":
        st.text_input("Value as it should read", key=f"{key}.value",
                      placeholder="over 30,000 · 2016-04 · Armenia -> Azerbaijan")  # fmt: skip
        st.text_input("Scope (whom a number is about)", value=claim.scope or "", key=f"{key}.scope")
        st.text_input("Event date (YYYY, YYYY-MM or YYYY-MM-DD)", key=f"{key}.date")
        kwargs = {"value": Live(f"{key}.value"), "scope": Live(f"{key}.scope"), "date": Live(f"{key}.date"),
                  "old_scope": claim.scope}  # fmt: skip
    elif action == "move":
        group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
        facts = {NEW_FACT: "A new fact of its own"} | _other_facts(report, claim.kind, group_of.get(claim.id))
        st.selectbox("Move to", list(facts), format_func=facts.get, key=f"{key}.to")
        kwargs["to"] = Live(f"{key}.to")
    st.text_input("Note (why)", key=f"{key}.note")
    call = {"confirm": review.confirm, "reject": review.reject, "correct": _correct, "move": review.move}
    st.button("Save decision", key=f"{key}.save", on_click=_run, args=(data, call[action], claim.id),
              kwargs=kwargs | {"note": Live(f"{key}.note")}, type="primary")  # fmt: skip


def fact_form(data: state.Data, group: Group) -> None:
    if group.reviewed:
        st.caption(md_escape(reviewed_text(group.reviewed)))
    topic = st.text_input("Name of this fact", value=group.topic, key=f"review.topic.{group.id}")
    st.button("Rename", key=f"review.rename.{group.id}", on_click=_run,
              args=(data, review.rename, group.id, Live(f"review.topic.{group.id}")),
              disabled=topic.strip() == group.topic)  # fmt: skip
    others = _other_facts(data.report, group.kind, group.id)
    if others:
        st.selectbox("Same fact as", list(others), format_func=others.get, key=f"review.mergewith.{group.id}")
        st.button("Merge it into this fact", key=f"review.merge.{group.id}", on_click=_run,
                  args=(data, review.merge, group.id, Live(f"review.mergewith.{group.id}")))  # fmt: skip


def relation_form(data: state.Data, group: Group, choices: dict[str, str]) -> None:
    members = set(group.claim_ids)
    rels = [r for r in data.report.relations if r.claim_a in members and r.claim_b in members]
    if not rels:
        st.caption("Only one source states this fact: there is no relation to set.")
        return
    pairs = {f"{r.claim_a}|{r.claim_b}": r for r in rels}

    def label(key: str) -> str:
        r = pairs[key]
        mark = " · set by a person" if r.reviewed else ""
        return f"{choices.get(r.claim_a, r.claim_a)} vs {choices.get(r.claim_b, r.claim_b)}: {r.relation}{mark}"

    picked = st.selectbox("Pair", list(pairs), format_func=label, key=f"review.pair.{group.id}")
    rel = pairs[picked]
    st.caption(md_escape(f"Machine: {rel.relation} ({rel.category or 'no category'}"
                         f"{f', confidence {rel.confidence:.0%}' if rel.confidence is not None else ''}): {rel.reason}"))  # fmt: skip
    st.radio("Relation", REVIEW_RELATIONS, horizontal=True, key=f"review.relation.{group.id}")
    st.text_input("Reason a reader sees", key=f"review.reason.{group.id}")
    st.button("Set relation", key=f"review.relate.{group.id}", on_click=_run,
              args=(data, review.relate, rel.claim_a, rel.claim_b, Live(f"review.relation.{group.id}")),
              kwargs={"reason": Live(f"review.reason.{group.id}")})  # fmt: skip


def decisions_list(data: state.Data) -> None:
    ws = _workspace(data)
    if ws is None:
        return
    rows = review.decisions(ws)
    if not rows:
        return
    orphaned = sum(r["status"] == "orphaned" for r in rows)
    title = f"All review decisions ({len(rows)}" + (f", {orphaned} orphaned" if orphaned else "") + ")"
    with st.expander(title, expanded=bool(orphaned)):
        frame = pd.DataFrame([{"#": r["id"], "action": r["action"], "status": r["status"], "about": r["target"],
                               "note": r["note"], "by": r["reviewer"] or ""} for r in rows])  # fmt: skip
        st.dataframe(frame, hide_index=True, width="stretch", key="review.decisions")
        active = [r["id"] for r in rows if r["status"] != "undone"]
        if active:
            st.selectbox("Undo decision", active, key="review.undo.pick")
            st.button("Undo", key="review.undo", on_click=_run, args=(data, review.undo, Live("review.undo.pick")))


def visualize_source_review(data: state.Data, source_id: str, claim_id: str | None) -> None:
    """The source view's review tools: the picked claim, and a claim the extractor missed."""
    with st.expander("Review", expanded=False):
        if not _ready(data):
            return
        _result()
        st.text_input("Your name (optional)", key="review.by")
        if claim_id:
            claim_form(data, claim_id, f"source.{source_id}")
        st.markdown("**Add a claim the extractor missed**")
        key = f"review.add.{source_id}"
        st.text_input("Its words, exactly as in the text", key=f"{key}.text")
        st.selectbox("Kind", KINDS, key=f"{key}.kind")
        st.text_input("Value", key=f"{key}.value", placeholder="12 · over 300 · 2021-03-03 · Armenia")
        st.text_input("Note", key=f"{key}.note")
        fields = {"kind": Live(f"{key}.kind"), "value": Live(f"{key}.value"), "text": Live(f"{key}.text"),
                  "note": Live(f"{key}.note")}  # fmt: skip
        st.button("Add claim", key=f"{key}.save", on_click=_run, args=(data, review.add_claim, source_id),
                  kwargs=fields)  # fmt: skip
