"""`rashomon review`: correct the machine, and keep the corrections across re-analysis (issue #9).

Each command records one decision through workspace.review and prints its
number; `list` shows them all with how they apply now, `undo N` takes one back.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cli.options import DEFAULT_WORKSPACE, JsonFlag, SourceArgument, WorkspaceOption, opened
from cli.output import emit_json, note, say, table
from sources.errors import BadReview
from workspace import review

review_app = typer.Typer(
    help="""Correct the machine; your decisions survive re-analysis.

    rashomon review queue                 # facts most worth a look first
    rashomon review reject s3c7 --note "a year, not a count"
    rashomon review correct s2c4 --value "over 3,000" --by Ana
    rashomon review move s4c8 --to g53    # or --to new: split it off
    rashomon review relate s2c8 s3c8 agree --reason "the same people"
    rashomon review list                  # applied, orphaned or undone
    rashomon review undo 4

    Claim ids (s3c7) and fact ids (g53) are those the reports and `show` print.
    Decisions are anchored to the source's text: they outlast analyse, new
    versions and alias changes. One whose text is gone (source removed or
    changed) is kept as orphaned and listed, never applied to another claim.""",
    no_args_is_help=True,
)

NoteOption = Annotated[str, typer.Option("--note", "-n", help="Why: shown beside the decision in every export.")]
ByOption = Annotated[
    str | None, typer.Option("--by", envvar="RASHOMON_REVIEWER", help="Who decided (env RASHOMON_REVIEWER).")
]
ClaimArgument = Annotated[str, typer.Argument(help="A claim id as the reports show it (s3c7).")]
FactArgument = Annotated[str, typer.Argument(help="A fact id (g12), or a claim id of that fact.")]


def _done(decision: dict[str, Any], what: str) -> None:
    say(f"decision {decision['id']}: {what}")


@review_app.command("confirm")
def confirm(claim: ClaimArgument, workspace: WorkspaceOption = DEFAULT_WORKSPACE, note_: NoteOption = "",
            by: ByOption = None) -> None:  # fmt: skip
    """The claim is right as read. Example: rashomon review confirm s3c7"""
    with opened(workspace) as ws:
        _done(review.confirm(ws, claim, note=note_, reviewer=by), f"confirmed {claim}")


@review_app.command("reject")
def reject(claim: ClaimArgument, workspace: WorkspaceOption = DEFAULT_WORKSPACE, note_: NoteOption = "",
           by: ByOption = None) -> None:  # fmt: skip
    """Not a claim, or misread: it leaves its fact. Example: rashomon review reject s3c7 -n "a year\""""
    with opened(workspace) as ws:
        _done(review.reject(ws, claim, note=note_, reviewer=by), f"rejected {claim}")


@review_app.command("correct")
def correct(
    claim: ClaimArgument,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    value: Annotated[str | None, typer.Option(help='As written: "over 30,000", "2016-04", "Armenia -> Azerbaijan".')] = None,
    kind: Annotated[str | None, typer.Option(help="casualties, wounded, displaced, initiator, event_date, duration.")] = None,
    scope: Annotated[str | None, typer.Option(help='Whom a number is about ("" clears it).')] = None,
    speaker: Annotated[str | None, typer.Option(help='Who is quoted ("" = the source itself).')] = None,
    date: Annotated[str | None, typer.Option(help="When the event happened: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    note_: NoteOption = "",
    by: ByOption = None,
) -> None:  # fmt: skip
    """Correct what the machine read. Example: rashomon review correct s2c4 --value "around 3,000\""""
    with opened(workspace) as ws:
        done = review.correct(ws, claim, value=value, kind=kind, scope=scope, speaker=speaker, date=date,
                              note=note_, reviewer=by)  # fmt: skip
    _done(done, f"corrected {claim}: " + ", ".join(done["data"]["values"]))


def _span(span: str | None) -> tuple[int | None, int | None]:
    if span is None:
        return None, None
    try:
        start, end = (int(part) for part in span.split(":"))
    except ValueError as exc:
        raise BadReview(span, detail="a span is START:END, character offsets in the source's text") from exc
    return start, end


@review_app.command("add")
def add(
    source: SourceArgument,
    kind: Annotated[str, typer.Option(help="casualties, wounded, displaced, initiator, event_date, duration.")],
    value: Annotated[str, typer.Option(help='The value as written: "12", "over 300", "2021-03-03".')],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    text: Annotated[str | None, typer.Option(help="The words of the claim, exactly as in the source.")] = None,
    occurrence: Annotated[int, typer.Option(help="Which occurrence of --text (1: the first).")] = 1,
    span: Annotated[str | None, typer.Option(help="Or the span as START:END character offsets.")] = None,
    scope: Annotated[str | None, typer.Option(help="Whom a number is about.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Who is quoted, if not the source itself.")] = None,
    fact: Annotated[str | None, typer.Option(help="The fact it belongs to (g12); else a new fact.")] = None,
    note_: NoteOption = "",
    by: ByOption = None,
) -> None:
    """Add a claim the extractor missed. Example: rashomon review add s2 --kind casualties --value 12 --text "12 villagers were killed\""""
    start, end = _span(span)
    with opened(workspace) as ws:
        done = review.add_claim(ws, source, kind=kind, value=value, start=start, end=end, text=text,
                                occurrence=occurrence, scope=scope, speaker=speaker, fact=fact, note=note_,
                                reviewer=by)  # fmt: skip
    claim = done["data"]["claim"]
    _done(done, f"added a {kind} claim at {claim['start']}-{claim['end']} of {source}")


@review_app.command("rename")
def rename(fact: FactArgument, topic: Annotated[str, typer.Argument(help="The fact's new name.")],
           workspace: WorkspaceOption = DEFAULT_WORKSPACE, note_: NoteOption = "", by: ByOption = None) -> None:  # fmt: skip
    """Rename a fact. Example: rashomon review rename g12 "killed in the first war\""""
    with opened(workspace) as ws:
        _done(review.rename(ws, fact, topic, note=note_, reviewer=by), f"renamed {fact}")


@review_app.command("move")
def move(
    claim: ClaimArgument,
    to: Annotated[str, typer.Option("--to", help='The fact to move it to (g12 or one of its claims), or "new".')],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    note_: NoteOption = "",
    by: ByOption = None,
) -> None:
    """Move a claim to another fact, or split it off (--to new). Example: rashomon review move s4c8 --to g53"""
    with opened(workspace) as ws:
        _done(review.move(ws, claim, to, note=note_, reviewer=by), f"moved {claim} to {to}")


@review_app.command("merge")
def merge(fact: FactArgument, other: FactArgument, workspace: WorkspaceOption = DEFAULT_WORKSPACE,
          note_: NoteOption = "", by: ByOption = None) -> None:  # fmt: skip
    """Merge the second fact into the first. Example: rashomon review merge g53 g81"""
    with opened(workspace) as ws:
        _done(review.merge(ws, fact, other, note=note_, reviewer=by), f"merged {other} into {fact}")


@review_app.command("relate")
def relate(
    claim_a: ClaimArgument,
    claim_b: ClaimArgument,
    relation: Annotated[str, typer.Argument(help="agree, contradict, different_scope, update or unclear.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    reason: Annotated[str, typer.Option(help="The reason a reader sees instead of the machine's.")] = "",
    note_: NoteOption = "",
    by: ByOption = None,
) -> None:
    """Set two claims' relation over the machine's. Example: rashomon review relate s2c8 s3c8 update --reason "a later count\""""
    with opened(workspace) as ws:
        done = review.relate(ws, claim_a, claim_b, relation, reason=reason, note=note_, reviewer=by)
    _done(done, f"{claim_a} {relation} {claim_b}")


@review_app.command("undo")
def undo(decision: Annotated[int, typer.Argument(help="The decision's number (rashomon review list).")],
         workspace: WorkspaceOption = DEFAULT_WORKSPACE) -> None:  # fmt: skip
    """Take a decision back; it stays in the list, marked undone. Example: rashomon review undo 4"""
    with opened(workspace) as ws:
        done = review.undo(ws, decision)
    say(f"decision {done['id']} ({done['decision']}) undone")


@review_app.command("list")
def list_decisions(workspace: WorkspaceOption = DEFAULT_WORKSPACE, as_json: JsonFlag = False) -> None:
    """Every decision in the order made, and how it applies now: applied, orphaned, not applicable, undone.

    --json prints {"workspace": ..., "decisions": [{id, action, status, detail, target, values, note,
    reviewer, at, undone_at, claim_ids}]}.

    Example: rashomon review list --json
    """
    with opened(workspace) as ws:
        rows = review.decisions(ws)
    if as_json:
        emit_json({"workspace": str(workspace), "decisions": rows})
        return
    if not rows:
        note("no review decisions yet: rashomon review --help")
        return
    cells = [(r["id"], r["action"], r["status"] + (f": {r['detail']}" if r["detail"] else ""), r["target"],
              ", ".join(f"{k}={v}" for k, v in r["values"].items() if v), r["note"], r["reviewer"] or "")
             for r in rows]  # fmt: skip
    table(("id", "action", "status", "about", "values", "note", "by"), cells)
    orphaned = sum(r["status"] == "orphaned" for r in rows)
    if orphaned:
        note(f"{orphaned} orphaned: their text is gone (source removed or changed); kept, not applied", "yellow")


@review_app.command("queue")
def queue(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    limit: Annotated[int, typer.Option(help="Show at most this many facts.")] = 20,
    as_json: JsonFlag = False,
) -> None:
    """The unreviewed facts most worth a look first: contested, unsure verdicts, close figures, odd parses.

    --json prints {"workspace": ..., "left": N, "facts": [{group_id, topic, kind, score, reasons}]}.

    Example: rashomon review queue --limit 10
    """
    with opened(workspace) as ws:
        items = review.queue(ws)
    if as_json:
        facts = [{"group_id": i.group_id, "topic": i.topic, "kind": i.kind, "score": i.score,
                  "reasons": list(i.reasons)} for i in items[:limit]]  # fmt: skip
        emit_json({"workspace": str(workspace), "left": len(items), "facts": facts})
        return
    if not items:
        note("nothing left to review")
        return
    table(("fact", "topic", "why"), [(i.group_id, i.topic, "; ".join(i.reasons)) for i in items[:limit]])
    note(f"{len(items)} facts left to review")
