"""`rashomon compare`: files, folders or stdin in, the discrepancy report out, no workspace (issue #2)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from analysis.counts import claims_phrase, report_claims
from claims.actors import AliasTable
from cli.options import ModelOption, RecursiveOption, meta
from cli.output import STDOUT, bar, check_writable, note, write_stdout
from sources.aliases import read_alias_file
from sources.models import Source
from workspace.parquet import check_folder, write_parquet
from workspace.pipeline import write_report


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def compare(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH|-...", help="Files (.txt .md .html .pdf) and folders; - reads text from stdin."),
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", metavar="FILE|-", help="Write the JSON report here (- for stdout).")
    ] = None,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", metavar="FILE|-", help="Write one CSV row per claim here.")
    ] = None,
    md_out: Annotated[
        Path | None, typer.Option("--md", metavar="FILE|-", help="Write the Markdown report here.")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", metavar="FILE|-", help="Write the HTML report here.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title for every source given (overrides the file's).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for every source given.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    side: Annotated[str | None, typer.Option(help="A free label: whose side the sources speak for.")] = None,
    model: ModelOption = None,
    aliases: Annotated[Path | None, typer.Option(help='JSON file of your aliases: {"Kelbajar": "Kalbajar"}.')] = None,
    recursive: RecursiveOption = True,
    engine: Annotated[
        Engine, typer.Option(help="Where the analysis runs: here, or on a Dask cluster (pip install 'rashomon[dask]').")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS", help="With --engine dask: the scheduler (tcp://host:8786); else a local cluster."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="With --engine dask and no --scheduler: worker processes (default: cores)."),
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option(metavar="DIR", help="Also write claims, groups, relations, sources as Parquet here.")
    ] = None,
) -> None:
    """Analyse files, folders or pasted text in one go and write the discrepancy report.

    Without an output option the Markdown report goes to stdout; `-` as an
    output FILE also means stdout. Output paths are checked before the
    analysis starts. `-` as a PATH reads one text from stdin. Folders are read
    with their sub-folders (--no-recursive: not); files not read are named.
    Only English text is analysed: another language is named, with its reason.

    Example: rashomon compare demo/ --md report.md --json report.json

    Example: pbpaste | rashomon compare notes.txt - --json -

    Example: rashomon compare archive/ --engine dask --scheduler tcp://scheduler.example.org:8786 --parquet out/
    """
    if engine is not Engine.dask and (scheduler or workers):
        raise typer.BadParameter("--scheduler and --workers need --engine dask")
    if scheduler and workers:
        raise typer.BadParameter("--workers sizes a local cluster; the cluster at --scheduler has its own workers")
    stated = meta(title, publisher, published, side)
    outputs = {"json": json_out, "csv": csv_out, "md": md_out, "html": html_out}
    chosen = {fmt: path for fmt, path in outputs.items() if path is not None}
    if sum(str(path) == STDOUT for path in chosen.values()) > 1:
        raise typer.BadParameter("only one report can go to stdout (-)")
    for path in chosen.values():
        check_writable(path)  # before the minute of analysis, not after it (issue #10)
    if parquet is not None:
        check_folder(parquet)
    table = AliasTable.with_user(read_aliases(aliases))

    from workspace.pipeline import analyse_paths  # spaCy takes a second to import: only here

    run, nlp = None, None
    if engine is Engine.dask:
        from workspace.dask_engine import DaskOptions, dask_engine

        run = dask_engine(DaskOptions(scheduler=scheduler, workers=workers), model)
    else:
        from claims.nlp import load_nlp

        nlp = load_nlp(model)
    with bar("extracting claims") as progress:
        task = progress.add_task("", total=None)

        def tick(done: int, total: int, source: Source) -> None:
            progress.update(task, completed=done, total=total, description=source.name)

        report = analyse_paths(paths, meta=stated, nlp=nlp, aliases=table, progress=tick, recursive=recursive,
                               engine=run)  # fmt: skip
    for line in report.errors:
        note(line, "yellow")  # "[E002] NAME: reason": each says what became of that input
    for fmt, path in (chosen or {"md": Path(STDOUT)}).items():
        if str(path) == STDOUT:
            write_stdout(write_report(report, fmt))  # type: ignore[arg-type]
        else:
            write_report(report, fmt, path)  # type: ignore[arg-type]
    if parquet is not None:
        write_parquet(report, parquet)
    contested = sum(1 for g in report.groups if g.status == "contested")
    claims = claims_phrase(*report_claims(report))  # the count the report and the dashboard show (issue #10)
    note(f"{len(report.sources)} sources, {claims}, {len(report.groups)} facts, {contested} contested")


def read_aliases(path: Path | None) -> dict[str, str]:
    """The --aliases file, checked by its schema (sources.aliases): one line naming the file and field."""
    return read_alias_file(path) if path is not None else {}
