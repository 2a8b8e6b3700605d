"""Options several commands share, and opening the workspace they name (issues #3, #10)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from cli.output import note
from sources.models import SourceMeta
from workspace.store import Workspace

ENV_WORKSPACE = "RASHOMON_WORKSPACE"
DEFAULT_WORKSPACE = Path("rashomon.db")
WorkspaceOption = Annotated[
    Path,
    typer.Option("--workspace", "-w", envvar=ENV_WORKSPACE,
                 help="The workspace file (SQLite); env RASHOMON_WORKSPACE."),
]  # fmt: skip
ModelOption = Annotated[str | None, typer.Option(help="Another installed spaCy pipeline to use.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout instead of text.")]
RecursiveOption = Annotated[
    bool,
    typer.Option("--recursive/--no-recursive",
                 help="Read the sub-folders of a folder too (the default); what is skipped is named."),
]  # fmt: skip
SourceArgument = Annotated[str, typer.Argument(help="Id (s3), name, or the unique start or end of a name.")]


def meta(title: str | None, publisher: str | None, published: str | None, side: str | None) -> SourceMeta | None:
    """The metadata options as one SourceMeta, or None when none was given."""
    if not any((title, publisher, published, side)):
        return None
    try:
        day = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise typer.BadParameter(f"--date must be YYYY-MM-DD, not {published!r}") from exc
    return SourceMeta(title=title, publisher=publisher, published=day, side=side)


def _named_by(path: Path) -> str:
    """Where the workspace path came from, for the notice: a mistyped variable is the usual surprise."""
    named = os.environ.get(ENV_WORKSPACE)
    if named and Path(named) == path:
        return f" (from ${ENV_WORKSPACE})"
    if path == DEFAULT_WORKSPACE:
        return f" (the default; --workspace or ${ENV_WORKSPACE} name another)"
    return ""


@contextmanager
def opened(path: Path, *, create: bool = False) -> Iterator[Workspace]:
    """The open workspace, closed afterwards. A command that writes creates a missing one and says
    so on stderr (issue #10); a command that reads fails with one line (E013) instead."""
    existed = path.exists()
    with Workspace.open(path, create=create) as ws:
        if create and not existed:
            note(f"created a new workspace {path.resolve()}{_named_by(path)}", "yellow")
        yield ws
