"""The workspace as a whole: add sources, analyse, export, status (issue #3).

Each command opens the workspace, calls one library function (workspace.ingest,
workspace.pipeline or the Workspace itself) and prints what it returns.
"""

from __future__ import annotations

from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from analysis.counts import claims_phrase
from cli.options import DEFAULT_WORKSPACE, JsonFlag, ModelOption, RecursiveOption, WorkspaceOption, meta, opened
from cli.output import bar, check_writable, emit_json, error, note, say, waiting, write_stdout
from sources.errors import SkippedFiles
from sources.language import not_english
from sources.models import Source
from workspace import ingest, pipeline
from workspace.store import AddResult, Workspace


class ReportFormat(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"


def add(
    items: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|DIR|URL|-...", help="Files, folders, http(s) addresses; - reads pasted text from stdin."
        ),
    ],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    title: Annotated[str | None, typer.Option(help="Title for every source given.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for every source given.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="A free label: whose side the sources speak for.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Also fetch from loopback and private addresses.")
    ] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a web page.")] = 15.0,
    analyse_now: Annotated[bool, typer.Option("--analyse", help="Extract claims and re-align right after.")] = False,
    model: ModelOption = None,
    recursive: RecursiveOption = True,
) -> None:
    """Add sources to the workspace (created if missing): files, folders, web pages or pasted text.

    Prints one line per source: "added s3 NAME", "updated s2 NAME: 1,204 ->
    1,350 characters" (the same file or URL again, with new text: its claims are
    extracted again) or "duplicate NAME: same text as s1 ..." (nothing written),
    and one line per input that could not be read; the others are still added.
    A file named like a source from another folder is another source, under a
    distinct name (b/report.txt). Folders are read with their sub-folders
    (--no-recursive: not); files not read are named. A text not in English is
    kept, and named: only English is analysed. Each source is committed on its own, so an
    interrupted add keeps those already printed. Adding does not extract claims:
    run `rashomon analyse` afterwards, or pass --analyse. Exits non-zero only
    when nothing could be added. A new workspace is announced on stderr.

    Example: rashomon add articles/ https://example.org/report.html --side north
    """
    stated = meta(title, publisher, published, side)
    if not workspace.exists():
        check_writable(workspace)  # a bad path fails now, before the reading; nothing is created yet
    with waiting("reading…"):
        sources, errors = ingest.load_inputs(items, meta=stated, allow_private=allow_private, timeout=timeout,
                                             recursive=recursive)  # fmt: skip
    for exc in errors:
        if isinstance(exc, SkippedFiles):
            note(exc.line(), "yellow")  # a notice: the folder's other files are read
        else:
            error(exc)
    if not sources:
        if not errors:
            note("nothing to add: no readable file given", "red")
        raise typer.Exit(code=1)  # and no empty workspace left behind
    results: list[AddResult] = []
    with opened(workspace, create=True) as ws:
        with bar("adding") as progress:
            task = progress.add_task("", total=len(sources))
            for source, result in zip(sources, ingest.ingest_iter(ws, sources), strict=True):
                results.append(result)
                say(result.line())
                if result.status != "duplicate" and (warning := not_english(result.name, source.language)):
                    note(warning.line(), "yellow")  # kept, but it will give no claims (issue #10)
                progress.update(task, advance=1, description=source.name)
        if analyse_now:
            _print_analysed(_analyse(ws, model, full=False))
        elif any(r.status != "duplicate" for r in results):
            note("run `rashomon analyse` to extract their claims and update the comparison")


def _analyse(ws: Workspace, model: str | None, *, full: bool) -> dict[str, Any]:
    """Run the analysis with progress on stderr; what it did and the counts after it."""
    from claims.nlp import load_nlp  # spaCy: only the commands that extract import it

    with waiting("loading the language model…"):
        nlp = load_nlp(model)
    with bar("extracting claims") as progress:
        task = progress.add_task("", total=None)

        def tick(done: int, total: int, source: Source) -> None:
            progress.update(task, completed=done, total=total, description=source.name)

        # the dashboard's overview of it is built by a process of its own: this command need not wait (issue #11)
        done = pipeline.analyse_workspace(ws, nlp=nlp, progress=tick, full=full, overview="background")
    return asdict(done) | {"workspace": ws.label, "stats": ws.stats()}


def _print_review(counts: dict[str, int]) -> None:
    """The review decisions laid over the new analysis (issue #9); orphaned ones are news."""
    if not counts:
        return
    say(f"review: {counts['applied']} decisions applied, {counts['orphaned']} orphaned, "
        f"{counts['not applicable']} not applicable")  # fmt: skip
    if counts["orphaned"]:
        note("orphaned decisions: their text is gone (source removed or changed): rashomon review list", "yellow")


def _print_analysed(done: dict[str, Any]) -> None:
    for line in [*done["not_english"], *done["skipped"]]:
        note(line, "yellow")
    # The claims count is said once, below, as everywhere (issue #10); this says what was done.
    say(f"extracted claims from {done['extracted']} new or changed sources")
    r = done["realigned"]
    if r is None:
        say("re-aligned every claim (full analysis)")
    else:
        say(f"re-aligned {r['new_claims']} new claims: {r['joined']} joined known facts, "
            f"{r['new_groups']} new facts, {r['touched_groups']} facts updated")  # fmt: skip
    _print_review(done.get("review") or {})
    stats = done["stats"]
    say(f"{stats['sources']} sources, {claims_phrase(stats['claims'], stats['folded'])}, {stats['groups']} facts, "
        f"{stats['contested']} contested, {stats['agreed']} agreed")  # fmt: skip


def analyse(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    model: ModelOption = None,
    full: Annotated[bool, typer.Option("--full", help="Re-align every claim, not only the new ones.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Extract claims of new or changed sources only, then re-align the comparison.

    Sources whose text and pipeline version are unchanged keep their claims.
    With a few new sources their claims join the known facts (incremental);
    with many, or a new alias, everything is aligned again. --json prints what
    was done (extracted, extracted_claims, mode, realigned, skipped, not_english,
    stats) as one document; stats.claims is the count the report shows.

    Example: rashomon analyse --workspace war.db
    """
    with opened(workspace) as ws:
        done = _analyse(ws, model, full=full)
    if as_json:
        emit_json(done)
    else:
        _print_analysed(done)


def export(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.md,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Write the workspace's discrepancy report: JSON, CSV (one row per claim), Markdown or HTML.

    The HTML is one standalone, printable page (no script, no external
    assets) with the same content as the Markdown and the quotes highlighted.

    Example: rashomon export --format html --output report.html
    """
    if output is not None:
        check_writable(output)
    with opened(workspace) as ws:
        if ws.stats()["stale"]:
            note("the comparison is out of date: run `rashomon analyse` first", "yellow")
        text = pipeline.export(ws, fmt.value, output)
    if output is None:
        write_stdout(text)
    else:
        note(f"wrote {output}")


def status(workspace: WorkspaceOption = DEFAULT_WORKSPACE, as_json: JsonFlag = False) -> None:
    """Count sources, claims and facts, and say whether the comparison is current.

    Claims are counted as in the report: a restatement folded into the claim
    it repeats is counted apart ("114 claims (3 restatements folded)").

    --json prints the counts (sources, claims, folded, extracted, groups, contested,
    agreed, single, relations, contradictions, aliases, decisions,
    analysed_at, stale) as one document.

    Example: rashomon status --json
    """
    with opened(workspace) as ws:
        stats = ws.stats()
    if as_json:
        emit_json({"workspace": str(workspace), **stats})
        return
    say(f"{stats['sources']} sources, {claims_phrase(stats['claims'], stats['folded'])} "
        f"({stats['extracted']} sources analysed)")  # fmt: skip
    say(f"{stats['groups']} facts: {stats['contested']} contested, {stats['agreed']} agreed, "
        f"{stats['single']} told by one source; {stats['aliases']} aliases")  # fmt: skip
    say("out of date: run `rashomon analyse`" if stats["stale"] else f"analysed {stats['analysed_at'] or 'never'}")
