"""The `rashomon` command: a thin typer face over the library (issues #2, #3).

Each command parses options, calls one library function and prints the
result; library errors become one clear line and a non-zero exit.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from analysis.export import write_report
from analysis.pipeline import analyse_paths
from claims.actors import AliasTable
from claims.nlp import load_nlp
from sources.errors import RashomonError
from sources.models import SourceMeta

app = typer.Typer(help="Rashomon: compare accounts of a conflict, claim by claim.", no_args_is_help=True,
                  add_completion=False)  # fmt: skip
err = Console(stderr=True)


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
    meta = _meta(title, publisher, published, side)
    try:
        nlp = load_nlp(model)
        table = AliasTable.with_user(_read_aliases(aliases))
        with Progress(TextColumn("extracting claims"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      console=err, transient=True) as bar:  # fmt: skip
            task = bar.add_task("", total=None)

            def tick(done: int, total: int, source) -> None:
                bar.update(task, completed=done, total=total, description=source.name)

            report = analyse_paths(paths, meta=meta, nlp=nlp, aliases=table, progress=tick)
    except RashomonError as exc:
        for line in getattr(exc, "errors", []):
            err.print(line, highlight=False)
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
    if path is None:
        return {}
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(f"{path}: not a readable JSON alias file ({exc})") from exc
    table = data.get("aliases", data) if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise typer.BadParameter(f'{path}: expected {{"aliases": {{"name": "canonical"}}}}')
    return table


def main() -> None:
    app()


if __name__ == "__main__":
    main()
