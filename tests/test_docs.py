"""Every CLI command documents itself with an example (STYLE.md: a command's
docstring is its --help). Commands are read from the typer app, so a command
added later is covered without touching this file."""

from __future__ import annotations

import inspect

import pytest
import typer
from typer.testing import CliRunner

import cli


def _commands() -> list[tuple[str, typer.models.CommandInfo]]:
    found = []
    for info in cli.app.registered_commands:
        name = info.name or info.callback.__name__.replace("_", "-")
        found.append((name, info))
    for group in cli.app.registered_groups:
        sub = group.typer_instance
        prefix = group.name or (sub.info.name if sub is not None else "")
        for info in sub.registered_commands if sub is not None else []:
            name = info.name or info.callback.__name__.replace("_", "-")
            found.append((f"{prefix} {name}", info))
    return found


COMMANDS = _commands()


def test_docs_cli_has_commands():
    assert COMMANDS, "cli.app registers no command"


@pytest.mark.parametrize(("name", "info"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_docs_command_help_has_an_example(name: str, info: typer.models.CommandInfo):
    text = info.help or inspect.getdoc(info.callback) or ""
    assert text.strip(), f"`rashomon {name}` has no help text"
    assert "Example" in text, f"`rashomon {name}` help has no 'Example'"
    assert f"rashomon {name}" in text, f"the example of `rashomon {name}` does not show the command itself"


@pytest.mark.parametrize(("name", "info"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_docs_command_help_output_shows_the_example(name: str, info: typer.models.CommandInfo):
    result = CliRunner().invoke(cli.app, [*name.split(), "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


def test_docs_app_help_lists_every_command():
    result = CliRunner().invoke(cli.app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for name, _ in COMMANDS:
        assert name.split()[0] in result.output


def test_docs_error_codes_are_unique():
    """Every user-facing error has its own code (branches adding errors at once must not share one)."""
    import inspect

    from sources import errors

    codes = [cls.code for _, cls in inspect.getmembers(errors, inspect.isclass)
             if issubclass(cls, errors.RashomonError) and "code" in vars(cls)]  # fmt: skip
    assert len(codes) == len(set(codes)), sorted(codes)
