"""Alias files checked by a schema (issue #7): a bad one is one line naming the file and the entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import rashomon_cli
from sources.aliases import read_alias_file
from sources.errors import BadAliasFile


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "aliases.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content",
    [{"aliases": {"Kelbajar": "Kalbajar", " CSCE ": "OSCE"}}, {"Kelbajar": "Kalbajar", "CSCE": "OSCE"}],
    ids=["wrapped", "bare"],
)
def test_user_files_alias_file_read(tmp_path: Path, content: dict):
    assert read_alias_file(_write(tmp_path, content)) == {"Kelbajar": "Kalbajar", "CSCE": "OSCE"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON at line 1"),
        (["Kelbajar"], 'expected {"aliases"'),
        ({"aliases": {"Kelbajar": 3}}, '"aliases.Kelbajar" must be text'),
        ({"aliases": {"Kelbajar": " "}}, '"aliases.Kelbajar" must not be empty'),
        ({"aliases": ["Kelbajar"]}, '"aliases" must be an object'),
        ({"aliases": {}, "note": "mine"}, '"note" is not a known field'),
    ],
)
def test_user_files_bad_alias_file(tmp_path: Path, content: object, reason: str):
    path = _write(tmp_path, content)
    with pytest.raises(BadAliasFile) as caught:
        read_alias_file(path)
    line = caught.value.line()
    assert line.startswith(f"[E021] {path}: alias file is not usable: ") and reason in line
    assert "\n" not in line


def test_user_files_missing_alias_file(tmp_path: Path):
    with pytest.raises(BadAliasFile, match="No such file"):
        read_alias_file(tmp_path / "none.json")


def test_user_files_cli_names_the_bad_alias_file(tmp_path: Path):
    path = _write(tmp_path, {"aliases": {"CSCE": ["OSCE"]}})
    result = CliRunner().invoke(rashomon_cli.app, ["compare", str(tmp_path), "--aliases", str(path)])
    assert result.exit_code == 1
    assert "[E021]" in result.output and '"aliases.CSCE" must be text' in result.output
    assert "Traceback" not in result.output
