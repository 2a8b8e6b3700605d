"""Review actions on a workspace: what the CLI and the dashboard call (issue #9).

Each action names claims and facts by the ids the reviewed report shows now
(s3c7, s2r5 for a claim a person added, g12 for a fact), turns them into text
anchors (analysis.review.Anchor: the source's content hash and the claim's
span) and stores one decision with the time, an optional reviewer and a note.
Nothing here changes the machine's analysis: workspace.pipeline lays the
decisions over it every time a report is built, so they survive re-analysis.
A decision made or undone changes what the dashboard's overview shows: each
one starts a process that keeps the new overview (workspace/overview.py, issue
#11), so the next visitor does not build it.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.models import Group, Report
from analysis.review import ACTIONS, CORRECTABLE, REVIEW_RELATIONS, Anchor, Decision, anchor_of
from analysis.review_queue import QueueItem, review_queue
from analysis.review_values import parse_date, parse_value
from claims.models import KINDS, NUMERIC_KINDS, Claim
from sources.errors import BadReview, UnknownClaim
from workspace.overview import keep_in_background as keep_overview_in_background
from workspace.pipeline import workspace_report
from workspace.store import Workspace

NEW_FACT = "new"
_SENTENCE_END = re.compile(r"[.!?]['\")\]]*\s+|\n\s*\n")


def _claim(report: Report, ref: str) -> tuple[Claim, Anchor]:
    ref = ref.strip()
    claim = next((c for c in report.claims if c.id == ref), None)
    if claim is None:
        raise UnknownClaim(ref)
    source = next(s for s in report.sources if s.id == claim.source_id)
    return claim, anchor_of(claim, source)


def _fact(report: Report, ref: str) -> tuple[Group, Anchor]:
    """A fact by its id (g12), or the fact holding a claim (s3c7); anchored on its first claim."""
    ref = ref.strip()
    group = next((g for g in report.groups if g.id == ref), None)
    if group is None:
        claim = next((c for c in report.claims if c.id == ref), None)
        group = next((g for g in report.groups if claim is not None and claim.id in g.claim_ids), None)
        if group is None:
            raise UnknownClaim(ref)
        return group, _claim(report, ref)[1]
    return group, _claim(report, group.claim_ids[0])[1]


def _store(ws: Workspace, action: str, anchor: Anchor, other: Anchor | None, values: dict[str, Any],
           note: str, reviewer: str | None) -> dict[str, Any]:  # fmt: skip
    assert action in ACTIONS
    data = {"claim": anchor.model_dump(), "other": other.model_dump() if other else None, "values": values}
    target = f"{anchor.sha256[:12]}:{anchor.start}-{anchor.end}:{anchor.kind}"
    done = ws.add_review(action, target, data, note=note.strip(), reviewer=(reviewer or "").strip() or None)
    keep_overview_in_background(ws)
    return done


def confirm(ws: Workspace, claim_id: str, *, note: str = "", reviewer: str | None = None) -> dict[str, Any]:
    """The claim is right as the machine read it."""
    return _store(ws, "confirm", _claim(workspace_report(ws), claim_id)[1], None, {}, note, reviewer)


def reject(ws: Workspace, claim_id: str, *, note: str = "", reviewer: str | None = None) -> dict[str, Any]:
    """Not a claim, or misread beyond correcting: it leaves its fact and the comparisons."""
    return _store(ws, "reject", _claim(workspace_report(ws), claim_id)[1], None, {}, note, reviewer)


def _bad(ref: str, exc: ValueError) -> BadReview:
    return BadReview(ref, detail=str(exc))


def correct(ws: Workspace, claim_id: str, *, value: str | None = None, kind: str | None = None,
            scope: str | None = None, speaker: str | None = None, date: str | None = None,
            note: str = "", reviewer: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Correct what the machine read: value (as typed: "over 30,000"), kind, scope, speaker, or the
    event's date (an event_date claim's value, another claim's time). "" clears scope or speaker."""
    claim, anchor = _claim(workspace_report(ws), claim_id)
    values: dict[str, Any] = {}
    new_kind = kind or claim.kind
    if kind is not None:
        if kind not in KINDS:
            raise BadReview(claim_id, detail=f"kind must be one of {', '.join(KINDS)}")
        values["kind"] = kind
    try:
        if value is not None:
            values["value"] = parse_value(new_kind, value).model_dump(mode="json")
        if date is not None:
            key = "value" if new_kind == "event_date" else "when"
            values[key] = parse_date(date).model_dump(mode="json") if date.strip() else None
    except ValueError as exc:
        raise _bad(claim_id, exc) from exc
    if scope is not None:
        values["scope"] = scope.strip() or None
    if speaker is not None:
        values["speaker"] = speaker.strip() or None
    if kind is not None and "value" not in values and parse_kind_value(claim, new_kind) is None:
        raise BadReview(claim_id, detail=f"a {new_kind} claim needs a new value too (--value)")
    if not values:
        raise BadReview(claim_id, detail="nothing to correct: give a value, kind, scope, speaker or date")
    assert set(values) <= set(CORRECTABLE)
    return _store(ws, "correct", anchor, None, values, note, reviewer)


def parse_kind_value(claim: Claim, kind: str) -> Any:
    """The claim's value if it still fits `kind` (a count stays a count from killed to wounded)."""
    if kind in NUMERIC_KINDS and claim.kind in NUMERIC_KINDS:
        return claim.value
    return claim.value if kind == claim.kind else None


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    begin = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        begin = found.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.start() + 1 if after else len(text)
    return text[begin:stop].strip(), begin + (len(text[begin:stop]) - len(text[begin:stop].lstrip()))


def find_span(text: str, words: str, occurrence: int = 1) -> tuple[int, int]:
    """Where `words` stand in `text` (the n-th time); ValueError when they do not."""
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(words, at + 1)
        if at < 0:
            raise ValueError(
                f"{words!r} is not in the source's text" + (f" {occurrence} times" if occurrence > 1 else "")
            )
    return at, at + len(words)


def add_claim(ws: Workspace, source_ref: str, *, kind: str, value: str, start: int | None = None,
              end: int | None = None, text: str | None = None, occurrence: int = 1, scope: str | None = None,
              speaker: str | None = None, fact: str | None = None, note: str = "",
              reviewer: str | None = None) -> dict[str, Any]:  # fmt: skip
    """A claim the extractor missed: a span of the source's text (offsets, or the words themselves)."""
    source = ws.get_source(source_ref)
    if kind not in KINDS:
        raise BadReview(source_ref, detail=f"kind must be one of {', '.join(KINDS)}")
    try:
        if text is not None:
            start, end = find_span(source.text, text, occurrence)
        if start is None or end is None or not 0 <= start < end <= len(source.text):
            raise ValueError(f"give the words (--text) or a span 0 <= start < end <= {len(source.text)}")
        parsed = parse_value(kind, value)
    except ValueError as exc:
        raise _bad(source_ref, exc) from exc
    sentence, sentence_start = _sentence(source.text, start, end)
    claim = Claim(id="new", source_id=source.id, kind=kind, quote=source.text[start:end], sentence=sentence,  # type: ignore[arg-type]
                  start=start, end=end, sentence_start=sentence_start, value=parsed,
                  scope=(scope or "").strip() or None, speaker=(speaker or "").strip() or None)  # fmt: skip
    anchor = Anchor(sha256=source.sha256, start=start, end=end, kind=kind, quote=claim.quote, source=source.name)
    other = None
    if fact:
        group, other = _fact(workspace_report(ws), fact)
        if group.kind != kind:
            raise BadReview(fact, detail=f"that fact is about {group.kind}, not {kind}")
    data = claim.model_dump(mode="json", exclude={"id", "source_id"})
    return _store(ws, "add", anchor, other, {"claim": data}, note, reviewer)


def rename(ws: Workspace, fact: str, topic: str, *, note: str = "", reviewer: str | None = None) -> dict[str, Any]:
    if not topic.strip():
        raise BadReview(fact, detail="a fact's name cannot be empty")
    _group, anchor = _fact(workspace_report(ws), fact)
    return _store(ws, "rename", anchor, None, {"topic": " ".join(topic.split())}, note, reviewer)


def move(ws: Workspace, claim_id: str, to: str, *, note: str = "", reviewer: str | None = None) -> dict[str, Any]:
    """Move a claim to the fact `to` (a fact id, or a claim of that fact), or to a new fact ("new")."""
    report = workspace_report(ws)
    claim, anchor = _claim(report, claim_id)
    other = None
    if to.strip().lower() != NEW_FACT:
        group, other = _fact(report, to)
        if group.kind != claim.kind:
            raise BadReview(claim_id, detail=f"it is a {claim.kind} claim; fact {group.id} is about {group.kind}")
    return _store(ws, "move", anchor, other, {}, note, reviewer)


def merge(ws: Workspace, fact: str, other_fact: str, *, note: str = "", reviewer: str | None = None) -> dict[str, Any]:
    """Merge `other_fact` into `fact`: they are the same fact."""
    report = workspace_report(ws)
    keep, anchor = _fact(report, fact)
    gone, other = _fact(report, other_fact)
    if keep.id == gone.id:
        raise BadReview(fact, detail="that is one fact already")
    if keep.kind != gone.kind:
        raise BadReview(fact, detail=f"facts of two kinds ({keep.kind}, {gone.kind}) cannot be merged")
    return _store(ws, "merge", anchor, other, {}, note, reviewer)


def relate(ws: Workspace, claim_a: str, claim_b: str, relation: str, *, reason: str = "", note: str = "",
           reviewer: str | None = None) -> dict[str, Any]:  # fmt: skip
    """Set the relation of two claims of one fact, overriding the machine's verdict."""
    if relation not in REVIEW_RELATIONS:
        raise BadReview(relation, detail=f"a relation is one of {', '.join(REVIEW_RELATIONS)}")
    report = workspace_report(ws)
    a, anchor = _claim(report, claim_a)
    b, other = _claim(report, claim_b)
    if a.source_id == b.source_id:
        raise BadReview(f"{claim_a} {claim_b}", detail="both claims are from one source; relations are across sources")
    values = {"relation": relation, "reason": " ".join(reason.split())}
    return _store(ws, "relate", anchor, other, values, note, reviewer)


def undo(ws: Workspace, decision_id: int) -> dict[str, Any]:
    done = ws.undo_review(decision_id)
    keep_overview_in_background(ws)
    return done


def decisions(ws: Workspace) -> list[dict[str, Any]]:
    """Every decision, newest last, with how it applies now (applied, orphaned, not applicable, undone)."""
    report = workspace_report(ws)
    states = {d.id: d for d in (report.review.decisions if report.review else [])}
    out = []
    for row in ws.reviews():
        decision = Decision.from_row(row)
        state = states.get(decision.id)
        target = decision.claim.label() + (f" / {decision.other.label()}" if decision.other else "")
        out.append({
            "id": decision.id, "action": decision.action, "status": "undone" if decision.undone else
            (state.status if state else "applied"), "detail": state.detail if state else "",
            "target": target, "values": _shown(decision), "note": decision.note, "reviewer": decision.reviewer,
            "at": row["created_at"], "undone_at": row["undone_at"], "claim_ids": state.claim_ids if state else [],
        })  # fmt: skip
    return out


def _shown(decision: Decision) -> dict[str, Any]:
    if decision.action == "add":
        claim = decision.values.get("claim") or {}
        return {"kind": claim.get("kind"), "value": (claim.get("value") or {}).get("text") or claim.get("value")}
    return dict(decision.values)


def queue(ws: Workspace) -> list[QueueItem]:
    return review_queue(workspace_report(ws))
