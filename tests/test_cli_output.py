"""What `rashomon` prints and where (issues #7, #10): --json on every read command, `compare -`,
output paths checked before the work, one escaped line per error, the new-workspace notice.

The commands run as real subprocesses of this tree (`python -m cli`) on real
workspace files, except where a test needs to watch the library from inside.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from cli.output import clean

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
ESC = "\x1b[31m"  # a terminal escape (red) in a file name
ENV = "RASHOMON_WORKSPACE"


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: str


# Each behaviour is checked in-process (fast) and, in the slow suite, as a real process of this tree.
HOW = ["in-process", pytest.param("subprocess", marks=pytest.mark.slow)]


def run(*args: str | Path, how: str = "in-process", stdin: str | None = None,
        env: dict[str, str] | None = None) -> Ran:  # fmt: skip
    """`rashomon ARGS` with no workspace named by the environment unless `env` names one."""
    argv = [str(a) for a in args]
    if how == "in-process":
        result = CliRunner().invoke(cli.app, argv, input=stdin, env={"COLUMNS": "200", ENV: None, **(env or {})})
        return Ran(result.exit_code, result.stdout, result.stderr)
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", ENV)}
    proc = subprocess.run([sys.executable, "-m", "cli", *argv], cwd=ROOT, input=stdin, text=True, capture_output=True,
                          timeout=180, env={**base, "COLUMNS": "200", **(env or {})})  # fmt: skip
    return Ran(proc.returncode, proc.stdout, proc.stderr)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the demo accounts (not analysed) and one alias."""
    path = tmp_path_factory.mktemp("json") / "ws.db"
    assert run("add", DEMO, "--workspace", path).code == 0
    assert run("alias", "add", "CSCE", "OSCE", "--workspace", path).code == 0
    return path


# -- --json: one document on stdout, nothing else there -------------------------------

SOURCE_KEYS = {"id", "name", "title", "publisher", "published", "side", "address", "sha256", "chars", "claims"}
STATS_KEYS = {"sources", "claims", "extracted", "groups", "contested", "agreed", "single", "aliases", "stale"}
READS = {
    "list": (("list",), {"workspace", "sources"}),
    "show": (("show", "s2"), {"source", "claims"}),
    "status": (("status",), {"workspace"} | STATS_KEYS),
    "alias list": (("alias", "list"), {"workspace", "aliases"}),
}


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("name", sorted(READS))
def test_cli_json_read_commands_print_one_document(ws: Path, name: str, how: str):
    args, keys = READS[name]
    ran = run(*args, "--json", "--workspace", ws, how=how)
    assert ran.code == 0, ran.stderr
    data = json.loads(ran.stdout)  # the whole of stdout, or this fails
    assert keys <= set(data), sorted(data)


def test_cli_json_documents_hold_the_workspace(ws: Path):
    listed = json.loads(run("list", "--json", "-w", ws).stdout)
    assert [s["id"] for s in listed["sources"]] == ["s1", "s2", "s3", "s4"]
    assert all(SOURCE_KEYS <= set(s) and s["extracted"] is False for s in listed["sources"])
    shown = json.loads(run("show", "s2", "--json", "-w", ws).stdout)
    assert shown["source"]["name"] == listed["sources"][1]["name"] and "text" not in shown["source"]
    assert json.loads(run("status", "--json", "-w", ws).stdout)["sources"] == 4
    assert json.loads(run("alias", "list", "--json", "-w", ws).stdout)["aliases"] == {"CSCE": "OSCE"}


def test_cli_json_of_an_empty_workspace_is_still_json(tmp_path: Path):
    path = tmp_path / "ws.db"
    assert run("alias", "add", "A", "B", "-w", path).code == 0
    assert json.loads(run("list", "--json", "-w", path).stdout)["sources"] == []
    assert run("alias", "remove", "A", "-w", path).code == 0
    assert json.loads(run("alias", "list", "--json", "-w", path).stdout)["aliases"] == {}


@pytest.mark.slow
def test_cli_json_analyse_reports_what_it_did(tmp_path: Path):
    path = tmp_path / "ws.db"
    assert run("add", DEMO, "-w", path).code == 0
    ran = run("analyse", "--json", "-w", path, how="subprocess")
    assert ran.code == 0, ran.stderr
    done = json.loads(ran.stdout)
    assert {"extracted", "extracted_claims", "mode", "realigned", "skipped", "not_english", "stats"} <= set(done)
    assert (done["extracted"], done["mode"], done["stats"]["sources"]) == (4, "full", 4)
    # one count everywhere (issue #10): what was extracted is what is shown plus the restatements folded
    assert done["extracted_claims"] == done["stats"]["claims"] + done["stats"]["folded"]
    assert done["stats"]["claims"] > 0
    again = json.loads(run("analyse", "--json", "-w", path, how="subprocess").stdout)
    assert again["extracted"] == 0 and again["realigned"] is not None


# -- compare -: text from stdin -----------------------------------------------------------

PASTED = "At least 40 people were killed in Tromville on 4 March 2024, officials said.\n"


@pytest.mark.slow
def test_cli_compare_reads_stdin(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Some 55 people were killed in Tromville on 4 March 2024.\n", encoding="utf-8")
    ran = run("compare", tmp_path / "a.txt", "-", "--json", "-", stdin=PASTED, how="subprocess")
    assert ran.code == 0, ran.stderr
    report = json.loads(ran.stdout)
    names = [s["name"] for s in report["sources"]]
    assert names[0] == "a.txt" and names[1].startswith("pasted-")
    assert {c["source_id"] for c in report["claims"] if c["kind"] == "casualties"} == {"s1", "s2"}
    alone = run("compare", "-", stdin=PASTED, how="subprocess")  # the Markdown report on stdout
    assert alone.code == 0 and alone.stdout.startswith("# Rashomon discrepancy report")


def test_cli_compare_inputs_number_stdin_last_and_catch_a_duplicate(tmp_path: Path):
    from workspace.ingest import collect_inputs

    (tmp_path / "a.txt").write_text(PASTED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Some 55 people were killed in Tromville.\n", encoding="utf-8")
    read = collect_inputs(["-", tmp_path / "b.txt"], read_stdin=lambda: PASTED)
    assert [(s.id, s.name) for s in read.sources] == [("s1", "b.txt"), ("s2", read.sources[1].name)]
    assert read.sources[1].name.startswith("pasted-") and not read.errors
    same = collect_inputs([tmp_path / "a.txt", "-"], read_stdin=lambda: PASTED)
    assert [s.name for s in same.sources] == ["a.txt"]
    assert [e.code for e in same.errors] == ["E015"] and "same text as a.txt" in str(same.errors[0])


@pytest.mark.slow
def test_cli_compare_empty_stdin_is_one_line():
    ran = run("compare", "-", stdin="  \n", how="subprocess")
    assert ran.code != 0 and "Traceback" not in ran.stderr
    assert len(lines(ran.stderr)) == 1 and "[E001]" in ran.stderr


# -- output paths are checked before any work (issue #10) ------------------------------


def _bad_output(tmp: Path, case: str) -> tuple[Path, str]:
    (tmp / "a_file").write_text("x")
    (tmp / "a_folder").mkdir(exist_ok=True)
    return {
        "missing folder": (tmp / "out" / "missing" / "r.json", f"folder {tmp / 'out' / 'missing'} does not exist"),
        "a folder": (tmp / "a_folder", "it is a folder"),
        "under a file": (tmp / "a_file" / "r.json", f"{tmp / 'a_file'} is not a folder"),
    }[case]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("case", ["missing folder", "a folder", "under a file"])
@pytest.mark.parametrize("command", ["compare", "export"])
def test_cli_unwritable_output_fails_first_with_one_line(tmp_path: Path, ws: Path, command: str, case: str, how: str):
    target, reason = _bad_output(tmp_path, case)
    args = ("compare", DEMO, "--json", target) if command == "compare" else ("export", "-w", ws, "-o", target)
    started = time.monotonic()
    ran = run(*args, how=how)
    assert time.monotonic() - started < 5, "the analysis ran before the output path was checked"
    assert ran.code != 0 and ran.stdout == ""
    assert lines(ran.stderr) == [f"[E017] {target}: cannot write: {reason}"]


def test_cli_compare_checks_outputs_before_any_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import workspace.pipeline

    ran: list[object] = []
    monkeypatch.setattr(workspace.pipeline, "analyse_paths", lambda *a, **k: ran.append(a))
    result = run("compare", DEMO, "--md", tmp_path / "r.md", "--json", tmp_path / "no" / "r.json")
    assert result.code == 1 and ran == []
    assert "[E017]" in result.stderr and not (tmp_path / "r.md").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_cli_output_in_a_read_only_folder_is_refused(tmp_path: Path, ws: Path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    ran = run("export", "-w", ws, "-o", locked / "r.md")
    assert ran.code != 0 and lines(ran.stderr) == [f"[E017] {locked / 'r.md'}: cannot write: folder {locked} is not writable"]  # fmt: skip


def test_cli_two_reports_cannot_both_go_to_stdout():
    ran = run("compare", DEMO, "--json", "-", "--md", "-")
    assert ran.code != 0 and "only one report" in ran.stderr


# -- control characters never reach the terminal (issue #10) -----------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [(f"a{ESC}.txt", "a\\x1b[31m.txt"), ("two\nlines.txt", "two\\nlines.txt"), ("a\u202egpj.txt", "a\\u202egpj.txt"),
     ("caf\u00e9 \u0645\u200c\u0627.txt", "caf\u00e9 \u0645\u200c\u0627.txt")],
)  # fmt: skip
def test_cli_clean_escapes_control_characters_only(raw: str, shown: str):
    assert clean(raw) == shown


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("name", [f"empty{ESC}.txt", "empty\r\nFAKE LINE.txt"])
def test_cli_error_about_a_file_name_with_control_characters_is_escaped(tmp_path: Path, name: str, how: str):
    bad = tmp_path / name
    bad.write_text("  \n")
    ran = run("add", bad, "-w", tmp_path / "ws.db", how=how)
    assert ran.code != 0
    assert "\x1b" not in ran.stderr and "\r" not in ran.stderr
    (line,) = lines(ran.stderr)
    assert line.startswith("[E001] ") and clean(str(bad)) in line
    assert not (tmp_path / "ws.db").exists()  # nothing to add: no empty workspace left behind


@pytest.mark.parametrize("how", HOW)
def test_cli_results_and_tables_with_control_characters_are_escaped(tmp_path: Path, how: str):
    named = tmp_path / f"report{ESC}.txt"
    named.write_text("Some 300 people fled the valley, aid workers said.\n")
    path = tmp_path / "ws.db"
    added = run("add", named, "-w", path, how=how)
    assert lines(added.stdout) == ["added s1 report\\x1b[31m.txt"]
    for args in (("list",), ("show", "s1"), ("remove", "s1")):
        ran = run(*args, "-w", path, how=how)
        assert ran.code == 0 and "\x1b" not in ran.stdout + ran.stderr
        assert "report\\x1b[31m.txt" in ran.stdout


# -- a missing workspace: created and said so, or refused in one line (issue #10) ------------


@pytest.mark.parametrize("how", HOW)
def test_cli_new_workspace_is_announced_once(tmp_path: Path, how: str):
    (tmp_path / "a.txt").write_text("Some 300 people fled the valley, aid workers said.\n")
    typo = tmp_path / "wrokspace.db"
    env = {ENV: str(typo)}
    first = run("add", tmp_path / "a.txt", env=env, how=how)
    assert first.code == 0, first.stderr
    notice = [line for line in lines(first.stderr) if "new workspace" in line]
    assert notice == [f"created a new workspace {typo.resolve()} (from ${ENV})"]
    again = run("alias", "add", "CSCE", "OSCE", env=env, how=how)
    assert again.code == 0 and "new workspace" not in again.stderr


def test_cli_alias_add_on_a_new_workspace_is_announced(tmp_path: Path):
    ran = run("alias", "add", "CSCE", "OSCE", "--workspace", tmp_path / "new.db")
    assert ran.code == 0
    assert lines(ran.stderr) == [f"created a new workspace {(tmp_path / 'new.db').resolve()}"]


@pytest.mark.parametrize("args", [("list",), ("show", "s1"), ("status", "--json"), ("alias", "list"), ("analyse",),
                                  ("export",), ("remove", "s1")])  # fmt: skip
def test_cli_read_commands_on_a_missing_workspace_say_there_is_none(tmp_path: Path, args: tuple[str, ...]):
    typo = tmp_path / "wrokspace.db"
    ran = run(*args, env={ENV: str(typo)})
    assert ran.code == 1 and ran.stdout == ""
    assert lines(ran.stderr) == [f"[E013] {typo}: workspace problem: no workspace here (add a source to create one)"]
    assert not typo.exists()
