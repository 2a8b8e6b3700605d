"""The `rashomon` command: a thin typer face over the library (issues #2, #3).

Each command parses options, calls one library function and prints the
result; library errors become one clear line and a non-zero exit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from claims.actors import AliasTable
from claims.describe import describe_value
from sources.aliases import read_alias_file
from sources.errors import RashomonError
from sources.models import SourceMeta
from workspace import ingest, pipeline
from workspace.pipeline import write_report
from workspace.store import AddResult, Workspace

app = typer.Typer(help="Rashomon: compare accounts of a conflict, claim by claim.", no_args_is_help=True,
                  add_completion=False)  # fmt: skip
alias_app = typer.Typer(help="Your alias table: other spellings and renamed bodies (CSCE = OSCE).",
                        no_args_is_help=True)  # fmt: skip
app.add_typer(alias_app, name="alias")
err = Console(stderr=True, soft_wrap=True)  # one message per line, also when piped
out = Console(highlight=False, soft_wrap=True)  # one result per line, never wrapped: scripts read them


@app.callback()
def _root() -> None:
    """Rashomon: compare accounts of a conflict, claim by claim."""


def _meta(title: str | None, publisher: str | None, published: str | None, side: str | None) -> SourceMeta | None:
    if not any((title, publisher, published, side)):
        return None
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise typer.BadParameter(f"--date must be YYYY-MM-DD, not {published!r}") from exc
    return SourceMeta(title=title, publisher=publisher, published=day, side=side)


def _fail(exc: RashomonError) -> typer.Exit:
    err.print(f"[red]error[/red] {exc.line()}", highlight=False)
    return typer.Exit(code=1)


@app.command()
def compare(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt .md .html .pdf) and folders to compare.")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the JSON report here.")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Write one CSV row per claim here.")] = None,
    md_out: Annotated[Path | None, typer.Option("--md", help="Write the Markdown report here.")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the HTML report here.")] = None,
    title: Annotated[str | None, typer.Option(help="Title for every source given (overrides the file's).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for every source given.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="A free label: whose side the sources speak for.")] = None,
    model: Annotated[str | None, typer.Option(help="Another installed spaCy pipeline to use.")] = None,
    aliases: Annotated[Path | None, typer.Option(help='JSON file of your aliases: {"Kelbajar": "Kalbajar"}.')] = None,
) -> None:
    """Analyse files and folders in one go and write the discrepancy report.

    Example: rashomon compare demo/ --md report.md --json report.json
    """
    from claims.nlp import load_nlp
    from workspace.pipeline import analyse_paths  # spaCy takes a second to import: only here

    meta = _meta(title, publisher, published, side)
    try:
        table = AliasTable.with_user(_read_aliases(aliases))
        nlp = load_nlp(model)
        with Progress(TextColumn("extracting claims"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      console=err, transient=True) as bar:  # fmt: skip
            task = bar.add_task("", total=None)

            def tick(done: int, total: int, source) -> None:
                bar.update(task, completed=done, total=total, description=source.name)

            report = analyse_paths(paths, meta=meta, nlp=nlp, aliases=table, progress=tick)
    except RashomonError as exc:
        reasons = getattr(exc, "errors", [])
        for line in reasons:
            err.print(f"[red]error[/red] {line}", highlight=False)
        if len(reasons) == 1:
            raise typer.Exit(code=1) from None  # that one line already says it all
        raise _fail(exc) from None
    for line in report.errors:
        err.print(f"[yellow]skipped[/yellow] {line}", highlight=False)
    outputs = {"json": json_out, "csv": csv_out, "md": md_out, "html": html_out}
    for fmt, path in outputs.items():
        if path is not None:
            write_report(report, fmt, path)
    contested = sum(1 for g in report.groups if g.status == "contested")
    err.print(
        f"{len(report.sources)} sources, {len(report.claims)} claims, {len(report.groups)} facts, "
        f"{contested} contested",
        highlight=False,
    )
    if not any(outputs.values()):
        sys.stdout.write(write_report(report, "md", None))


def _read_aliases(path: Path | None) -> dict[str, str]:
    return read_alias_file(path) if path is not None else {}


# -- the workspace (issue #3) ------------------------------------------------------
# Each command opens the workspace, calls one library function (workspace.ingest
# or the Workspace itself) and prints the result; RashomonError -> one red line, exit 1.

DEFAULT_WORKSPACE = Path("rashomon.db")
WorkspaceOption = Annotated[
    Path,
    typer.Option("--workspace", "-w", envvar="RASHOMON_WORKSPACE",
                 help="The workspace file (SQLite); env RASHOMON_WORKSPACE."),
]  # fmt: skip
ModelOption = Annotated[str | None, typer.Option(help="Another installed spaCy pipeline to use.")]


class ReportFormat(StrEnum):
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"


def _error(exc: RashomonError) -> typer.Exit:
    err.print(Text(exc.line(), style="red"))
    return typer.Exit(code=1)


@contextmanager
def _workspace(path: Path, *, create: bool = False) -> Iterator[Workspace]:
    """The open workspace; every library error inside becomes one line and exit 1, never a traceback."""
    try:
        ws = Workspace.open(path, create=create)
    except RashomonError as exc:
        raise _error(exc) from None
    try:
        yield ws
    except RashomonError as exc:
        raise _error(exc) from None
    finally:
        ws.close()


def _bar(label: str) -> Progress:
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                    console=err, transient=True)  # fmt: skip


def _result_line(result: AddResult) -> str:
    if result.status == "duplicate":
        return f"duplicate of {result.existing_id} {result.name}"
    return f"{result.status} {result.source_id} {result.name}"


@app.command()
def add(
    items: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE|DIR|URL|-...", help="Files, folders, http(s) addresses; - reads pasted text from stdin."
        ),
    ],  # fmt: skip
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    title: Annotated[str | None, typer.Option(help="Title for every source given.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for every source given.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="A free label: whose side the sources speak for.")] = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Also fetch from loopback and private addresses.")
    ] = False,  # fmt: skip
    timeout: Annotated[float, typer.Option(help="Seconds to wait for a web page.")] = 15.0,
    analyse_now: Annotated[bool, typer.Option("--analyse", help="Extract claims and re-align right after.")] = False,
    model: ModelOption = None,
) -> None:
    """Add sources to the workspace (created if missing): files, folders, web pages or pasted text.

    Prints one line per source: "added s3 NAME", "updated s2 NAME" (same name,
    new text: its claims are extracted again) or "duplicate of s1 NAME" (same
    text: nothing written), and one line per input that could not be read; the
    others are still added. Each source is committed on its own, so an
    interrupted add keeps those already printed. Adding does not extract claims:
    run `rashomon analyse` afterwards, or pass --analyse. Exits non-zero only
    when nothing could be added.

    Example: rashomon add articles/ https://example.org/report.html --side north
    """
    meta = _meta(title, publisher, published, side)
    with _workspace(workspace, create=True) as ws:
        with err.status("reading…"):
            sources, errors = ingest.load_inputs(items, meta=meta, allow_private=allow_private,
                                                        timeout=timeout)  # fmt: skip
        for exc in errors:
            err.print(Text(exc.line(), style="red"))
        results: list[AddResult] = []
        with _bar("adding") as bar:
            task = bar.add_task("", total=len(sources))
            for source, result in zip(sources, ingest.ingest_iter(ws, sources), strict=True):
                results.append(result)
                out.print(_result_line(result), markup=False)
                bar.update(task, advance=1, description=source.name)
        if not results:
            if not errors:
                err.print(Text("nothing to add: no readable file given", style="red"))
            raise typer.Exit(code=1)
        if analyse_now:
            _analyse(ws, model, full=False)
        elif any(r.status != "duplicate" for r in results):
            err.print("run `rashomon analyse` to extract their claims and update the comparison", highlight=False)


def _analyse(ws: Workspace, model: str | None, *, full: bool) -> None:
    from claims.nlp import load_nlp  # spaCy: only the commands that extract import it

    with err.status("loading the language model…"):
        nlp = load_nlp(model)
    with _bar("extracting claims") as bar:
        task = bar.add_task("", total=None)

        def tick(done: int, total: int, source) -> None:
            bar.update(task, completed=done, total=total, description=source.name)

        done = pipeline.analyse_workspace(ws, nlp=nlp, progress=tick, full=full)
    for line in done.skipped:
        err.print(Text(line, style="yellow"))
    out.print(f"extracted {done.extracted} new or changed sources ({done.claims} claims)")
    if done.realigned is None:
        out.print("re-aligned every claim (full analysis)")
    else:
        r = done.realigned
        out.print(f"re-aligned {r.new_claims} new claims: {r.joined} joined known facts, "
                  f"{r.new_groups} new facts, {r.touched_groups} facts updated")  # fmt: skip
    stats = ws.stats()
    out.print(f"{stats['sources']} sources, {stats['claims']} claims, {stats['groups']} facts, "
              f"{stats['contested']} contested, {stats['agreed']} agreed")  # fmt: skip


@app.command()
def analyse(
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    model: ModelOption = None,
    full: Annotated[bool, typer.Option("--full", help="Re-align every claim, not only the new ones.")] = False,
) -> None:
    """Extract claims of new or changed sources only, then re-align the comparison.

    Sources whose text and pipeline version are unchanged keep their claims.
    With a few new sources their claims join the known facts (incremental);
    with many, or a new alias, everything is aligned again.

    Example: rashomon analyse --workspace war.db
    """
    with _workspace(workspace) as ws:
        _analyse(ws, model, full=full)


@app.command("list")
def list_sources(workspace: WorkspaceOption = DEFAULT_WORKSPACE) -> None:
    """List the workspace's sources with their metadata and claim counts ("–": not analysed yet).

    Example: rashomon list
    """
    with _workspace(workspace) as ws:
        rows = ws.source_rows()
    if not rows:
        err.print("no sources yet: rashomon add FILE|DIR|URL")
        return
    table = Table()
    table.add_column("id", no_wrap=True)
    table.add_column("name", overflow="fold", min_width=16)  # what commands take: folded, never cut
    for column in ("title", "publisher"):
        table.add_column(column, max_width=30)
    for column in ("published", "side", "claims"):
        table.add_column(column, overflow="fold")
    for row in rows:
        claims = str(row["claims"]) if row["extracted"] else "–"
        cells = (row["id"], row["name"], row["title"], row["publisher"], row["published"], row["side"], claims)
        table.add_row(*(Text(str(cell or "")) for cell in cells))
    out.print(table)


@app.command()
def show(
    source: Annotated[str, typer.Argument(help="Id (s3), name, or the unique start or end of a name.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Show one source's metadata and its claims (kind, value, quote).

    Example: rashomon show s3
    """
    with _workspace(workspace) as ws:
        found = ws.get_source(source)
        claims = ws.claims(found.id)
    for field in ("id", "name", "title", "publisher", "published", "side", "address", "sha256"):
        value = getattr(found, field)
        if value is not None:
            out.print(Text(f"{field}: {value}"))
    out.print(Text(f"text: {len(found.text):,} characters, {len(claims)} claims"))
    if claims:
        table = Table("id", "kind", "value", "quote")
        for claim in claims:
            table.add_row(Text(claim.id), Text(claim.kind), Text(describe_value(claim.value)), Text(claim.quote))
        out.print(table)


@app.command()
def remove(
    source: Annotated[str, typer.Argument(help="Id (s3), name, or the unique start or end of a name.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Remove a source and its claims; the facts it was part of lose its claims.

    Example: rashomon remove s3
    """
    with _workspace(workspace) as ws:
        gone = ws.remove_source(source)
    out.print(Text(f"removed {gone.id} {gone.name}"))


@app.command()
def update(
    source: Annotated[str, typer.Argument(help="Id (s3), name, or the unique start or end of a name.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
    title: Annotated[str | None, typer.Option(help='New title ("" clears it).')] = None,
    publisher: Annotated[str | None, typer.Option(help="New publisher.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="New publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="New side label.")] = None,
    address: Annotated[str | None, typer.Option(help="New address (URL) of the original.")] = None,
) -> None:
    """Change a source's metadata; the text stays (re-add the file to change it).

    A new publication date re-extracts the source at the next analyse, since
    "on Tuesday" is read against it.

    Example: rashomon update s3 --publisher "Daily Ledger" --side north
    """
    stated = {"title": title, "publisher": publisher, "published": published, "side": side, "address": address}
    fields = {key: (value or None) for key, value in stated.items() if value is not None}
    if not fields:
        raise typer.BadParameter("give at least one of --title --publisher --date --side --address")
    with _workspace(workspace) as ws:
        changed = ws.update_source(source, **fields)
    shown = ", ".join(f"{key}={getattr(changed, key)}" for key in fields)
    out.print(Text(f"updated {changed.id} {changed.name}: {shown}"))


@app.command()
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
    with _workspace(workspace) as ws:
        if ws.stats()["stale"]:
            err.print("[yellow]the comparison is out of date: run `rashomon analyse` first[/yellow]")
        try:
            text = pipeline.export(ws, fmt.value, output)
        except OSError as exc:
            err.print(Text(f"{output}: cannot write: {exc.strerror or exc}", style="red"))
            raise typer.Exit(code=1) from None
    if output is None:
        sys.stdout.write(text)
    else:
        err.print(Text(f"wrote {output}"))


@app.command()
def status(workspace: WorkspaceOption = DEFAULT_WORKSPACE) -> None:
    """Count sources, claims and facts, and say whether the comparison is current.

    Example: rashomon status
    """
    with _workspace(workspace) as ws:
        stats = ws.stats()
    out.print(f"{stats['sources']} sources, {stats['claims']} claims ({stats['extracted']} sources analysed)")
    out.print(f"{stats['groups']} facts: {stats['contested']} contested, {stats['agreed']} agreed, "
              f"{stats['single']} told by one source; {stats['aliases']} aliases")  # fmt: skip
    out.print(
        "out of date: run `rashomon analyse`" if stats["stale"] else f"analysed {stats['analysed_at'] or 'never'}"
    )


@alias_app.command("add")
def alias_add(
    name: Annotated[str, typer.Argument(help="A spelling or an old name, as the sources write it.")],
    canonical: Annotated[str, typer.Argument(help="The name to treat it as.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Treat NAME as CANONICAL when comparing who did what (any case; re-adding replaces).

    The next analyse compares every claim again with the new table.

    Example: rashomon alias add CSCE OSCE
    """
    with _workspace(workspace, create=True) as ws:
        ws.add_alias(name, canonical)
    out.print(Text(f"alias {name} = {canonical}"))


@alias_app.command("list")
def alias_list(workspace: WorkspaceOption = DEFAULT_WORKSPACE) -> None:
    """List your aliases (the built-in actor table is not shown).

    Example: rashomon alias list
    """
    with _workspace(workspace) as ws:
        aliases = ws.aliases()
    if not aliases:
        err.print("no aliases yet: rashomon alias add NAME CANONICAL")
        return
    table = Table("name", "canonical")
    for name, canonical in aliases.items():
        table.add_row(Text(name), Text(canonical))
    out.print(table)


@alias_app.command("remove")
def alias_remove(
    name: Annotated[str, typer.Argument(help="The alias to forget.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Forget one of your aliases.

    Example: rashomon alias remove CSCE
    """
    with _workspace(workspace) as ws:
        if not ws.remove_alias(name):
            err.print(Text(f"no alias {name!r}", style="red"))
            raise typer.Exit(code=1)
    out.print(Text(f"removed alias {name}"))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
