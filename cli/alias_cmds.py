"""`rashomon alias`: the workspace's own alias table (other spellings, renamed bodies)."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.options import DEFAULT_WORKSPACE, JsonFlag, WorkspaceOption, opened
from cli.output import emit_json, note, say, table
from sources.errors import UnknownAlias

alias_app = typer.Typer(help="Your alias table: other spellings and renamed bodies (CSCE = OSCE).",
                        no_args_is_help=True)  # fmt: skip


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
    with opened(workspace, create=True) as ws:
        ws.add_alias(name, canonical)
    say(f"alias {name} = {canonical}")


@alias_app.command("list")
def alias_list(workspace: WorkspaceOption = DEFAULT_WORKSPACE, as_json: JsonFlag = False) -> None:
    """List your aliases (the built-in actor table is not shown).

    --json prints {"workspace": ..., "aliases": {"name": "canonical", ...}}.

    Example: rashomon alias list --json
    """
    with opened(workspace) as ws:
        aliases = ws.aliases()
    if as_json:
        emit_json({"workspace": str(workspace), "aliases": aliases})
    elif not aliases:
        note("no aliases yet: rashomon alias add NAME CANONICAL")
    else:
        table(("name", "canonical"), aliases.items())


@alias_app.command("remove")
def alias_remove(
    name: Annotated[str, typer.Argument(help="The alias to forget.")],
    workspace: WorkspaceOption = DEFAULT_WORKSPACE,
) -> None:
    """Forget one of your aliases.

    Example: rashomon alias remove CSCE
    """
    with opened(workspace) as ws:
        if not ws.remove_alias(name):
            raise UnknownAlias(name)
    say(f"removed alias {name}")
