"""One source at a time: list, show, update, remove (issue #3)."""

from __future__ import annotations

from typing import Annotated

import typer

from analysis.counts import claims_phrase
from claims.describe import describe_value
from cli.options import DEFAULT_WORKSPACE, JsonFlag, SourceArgument, WorkspaceOption, opened
from cli.output import emit_json, note, say, table
from sources.language import ENGLISH, not_english
from workspace.overview import keep_in_background as keep_overview_in_background

SOURCE_FIELDS = ("id", "name", "origin", "title", "publisher", "published", "side", "address", "language", "sha256")


def list_sources(workspace: WorkspaceOption = DEFAULT_WORKSPACE, as_json: JsonFlag = False) -> None:
    """List the workspace's sources with their metadata, language and claim counts ("–": not analysed yet).

    Claims are counted as in the report: restatements folded into the claim
    they repeat are not counted twice. Only English sources give claims.

    --json prints {"workspace": ..., "sources": [...]}, one object per source
    with id, name, origin (full path or URL), title, publisher, published,
    side, address, language, sha256, chars, claims, folded and extracted
    (claims are current).

    Example: rashomon list --json
    """
    with opened(workspace) as ws:
        rows = ws.source_rows()
    if as_json:
        emit_json({"workspace": str(workspace), "sources": rows})
        return
    if not rows:
        note("no sources yet: rashomon add FILE|DIR|URL")
        return
    columns = ("id", "name", "title", "publisher", "published", "side", "language", "claims")
    cells = [[*(row[c] for c in columns[:-1]), _claims_cell(row)] for row in rows]
    fold = {"overflow": "fold"}
    table(columns, cells, id={"no_wrap": True}, name={"overflow": "fold", "min_width": 16},  # never cut: commands take it
          title={"max_width": 30}, publisher={"max_width": 30}, published=fold, side=fold, language=fold,
          claims=fold)  # fmt: skip
    total, folded = sum(row["claims"] for row in rows), sum(row["folded"] for row in rows)
    note(f"{len(rows)} sources, {claims_phrase(total, folded)}")  # the count status and the report give (#10)


def _claims_cell(row: dict) -> str:
    if not row["extracted"]:
        return "–"
    if row["language"] != ENGLISH:
        return "not English"  # issue #10: say why, not just 0
    return str(row["claims"])


def show(source: SourceArgument, workspace: WorkspaceOption = DEFAULT_WORKSPACE, as_json: JsonFlag = False) -> None:
    """Show one source's metadata and its claims (kind, value, quote).

    --json prints {"source": {...metadata, "chars"}, "claims": [...]}, each
    claim as the JSON report writes it.

    Example: rashomon show s3
    """
    with opened(workspace) as ws:
        found = ws.get_source(source)
        claims = ws.claims(found.id)
        folded = ws.folded_claims(found.id)
    if as_json:
        data = found.model_dump(mode="json", exclude={"text"}) | {"chars": len(found.text), "origin": found.origin}
        emit_json({"source": data, "claims": [claim.model_dump(mode="json") for claim in claims]})
        return
    for field in SOURCE_FIELDS:
        value = getattr(found, field)
        if value is not None:
            say(f"{field}: {value}")
    say(f"text: {len(found.text):,} characters, {claims_phrase(len(claims) - folded, folded)}")
    if warning := not_english(found.name, found.language):
        note(warning.line(), "yellow")
    if claims:
        rows = [(c.id, c.kind, describe_value(c.value), c.quote) for c in claims]
        table(("id", "kind", "value", "quote"), rows)


def remove(source: SourceArgument, workspace: WorkspaceOption = DEFAULT_WORKSPACE) -> None:
    """Remove a source and its claims; the facts it was part of lose its claims.

    Example: rashomon remove s3
    """
    with opened(workspace) as ws:
        gone = ws.remove_source(source)
    say(f"removed {gone.id} {gone.name}")


def update(
    source: SourceArgument,
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    title: Annotated[str | None, typer.Option(help='New title ("" clears it).')] = None,
    publisher: Annotated[str | None, typer.Option(help="New publisher.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="New publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="New side label.")] = None,
    address: Annotated[str | None, typer.Option(help="New address (URL) of the original.")] = None,
) -> None:
    """Change a source's metadata; the text stays (re-add the file to change it).

    A new publication date re-extracts the source at the next analyse, since
    "on Tuesday" is read against it. Otherwise the dashboard's overview is kept
    current by a process of its own, as after `analyse`.

    Example: rashomon update s3 --publisher "Daily Ledger" --side north
    """
    stated = {"title": title, "publisher": publisher, "published": published, "side": side, "address": address}
    fields = {key: (value or None) for key, value in stated.items() if value is not None}
    if not fields:
        raise typer.BadParameter("give at least one of --title --publisher --date --side --address")
    with opened(workspace) as ws:
        changed = ws.update_source(source, **fields)
        keep_overview_in_background(ws)  # the overview names sources by their metadata (issue #11)
    shown = ", ".join(f"{key}={getattr(changed, key)}" for key in fields)
    say(f"updated {changed.id} {changed.name}: {shown}")
