"""The `rashomon` command: a thin typer face over the library (issues #2, #3, #7, #10).

Each command parses options, calls one library function and prints the
value it returns (cli.output). Errors are handled in one place, `Face.invoke`:
a RashomonError, or an OSError on an output file, becomes one line on stderr
("[E005] NAME: reason") and exit code 1, never a traceback.

    compare.py         rashomon compare (files in, report out, no workspace)
    workspace_cmds.py  add, analyse, export, status
    sources_cmds.py    list, show, update, remove
    alias_cmds.py      alias add | list | remove
    review_cmds.py     review confirm | reject | correct | add | rename | move | merge | relate | undo | list | queue
    options.py         shared options; opening the workspace
    output.py          stdout/stderr, --json, escaping, output-path checks
"""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from cli import output
from cli.alias_cmds import alias_app
from cli.compare import compare
from cli.review_cmds import review_app
from cli.sources_cmds import list_sources, remove, show, update
from cli.workspace_cmds import add, analyse, export, status
from sources.errors import RashomonError

__all__ = ["app", "main"]


class Face(TyperGroup):
    """The root command group: the one error handler of every command and subcommand."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RashomonError as exc:
            _report(exc)
        except BrokenPipeError:  # `rashomon list --json | head`: the reader left, nothing to say
            _silence_stdout()
        except OSError as exc:  # writing an output file (the inputs' errors are RashomonErrors)
            _report(output.os_error(exc))
        raise typer.Exit(code=1)


def _report(exc: RashomonError) -> None:
    # An error may carry the reasons behind it (NothingToAnalyse: one per input); when there is
    # exactly one, that line says it all.
    reasons = getattr(exc, "errors", None) or []
    for reason in reasons:
        output.note(reason, "red")
    if len(reasons) != 1:
        output.error(exc)


def _silence_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests): nothing to silence


app = typer.Typer(cls=Face, help="Rashomon: compare accounts of a conflict, claim by claim.", no_args_is_help=True,
                  add_completion=False)  # fmt: skip


@app.callback()
def _root() -> None:
    """Rashomon: compare accounts of a conflict, claim by claim."""


app.command()(compare)
app.command()(add)
app.command()(analyse)
app.command("list")(list_sources)
app.command()(show)
app.command()(remove)
app.command()(update)
app.command()(export)
app.command()(status)
app.add_typer(alias_app, name="alias")
app.add_typer(review_app, name="review")


def main() -> None:
    app(prog_name="rashomon")
