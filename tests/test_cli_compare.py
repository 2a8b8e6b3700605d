"""`rashomon compare` on bad input, as a user meets it (issue #2): a bad file costs
one line naming it and the reason, the good files are still analysed, the exit
code is non-zero only when nothing could be analysed, and no traceback shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # subprocesses that load the spaCy model

ROOT = Path(__file__).resolve().parent.parent

GOOD_TXT = """Varna valley: the toll

More than 2,000 people were killed in the fighting around Tarvik in March 1992, officials said.
Some 40,000 residents fled their homes. The siege of Korvel lasted 44 days.
"""
GOOD_MD = """# After the siege

At least 1,500 people were killed in the fighting around Tarvik in March 1992.
About 40,000 residents were displaced, and the siege of Korvel lasted 45 days.
"""

# file name -> bytes; each must be refused with the code and a word of the reason
BAD = {
    "c_empty.txt": (b"  \n\n", "[E001]", "empty"),
    "d_image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00", "[E002]", "binary"),
    "e_latin1.txt": ("Caf\u00e9 owners said 12 people died.\n".encode("latin-1"), "[E003]", "UTF-8"),
    "f_broken.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n", "[E004]", "PDF"),
}


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"bug: {reason}")


def run(*args: str | Path, columns: int | None = 500, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess; `columns=None` leaves the console width to rich (80 when piped)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "cli", "compare", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("cli_inputs")
    mixed = base / "mixed_inputs"
    mixed.mkdir()
    (mixed / "a_good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (mixed / "b_good.md").write_text(GOOD_MD, encoding="utf-8")
    for name, (data, _, _) in BAD.items():
        (mixed / name).write_bytes(data)
    (mixed / "g_subfolder_without_files").mkdir()
    only_bad = base / "only_bad_inputs"
    only_bad.mkdir()
    for name in ("c_empty.txt", "d_image.txt"):
        (only_bad / name).write_bytes(BAD[name][0])
    empty_dir = base / "folder_without_files"
    empty_dir.mkdir()
    return {"base": base, "mixed": mixed, "only_bad": only_bad, "empty_dir": empty_dir}


@pytest.fixture(scope="module")
def mixed_run(folders) -> tuple[subprocess.CompletedProcess[str], dict]:
    out = folders["base"] / "mixed.json"
    proc = run(folders["mixed"], folders["empty_dir"], "--json", out)
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return proc, report


def _line_with(text: str, *parts: str) -> str | None:
    for line in text.splitlines():
        if all(p in line for p in parts):
            return line
    return None


def test_cli_compare_mixed_folder_exits_zero_and_analyses_good_files(mixed_run):
    proc, report = mixed_run
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert sorted(s["name"] for s in report["sources"]) == ["a_good.txt", "b_good.md"]
    kinds = {c["kind"] for c in report["claims"]}
    assert {"casualties", "displaced", "duration"} <= kinds, kinds
    assert "2 sources" in proc.stderr


@pytest.mark.parametrize("name", sorted(BAD))
def test_cli_compare_mixed_folder_reports_each_bad_file_with_reason(mixed_run, name: str):
    proc, report = mixed_run
    _, code, reason = BAD[name]
    line = _line_with(proc.stderr, name, code)
    assert line is not None, f"no line names {name} with {code}:\n{proc.stderr}"
    assert reason.lower() in line.lower()
    assert len([e for e in report["errors"] if name in e]) == 1


def test_cli_compare_mixed_folder_skips_subfolders_quietly(mixed_run):
    proc, _ = mixed_run
    assert "g_subfolder_without_files" not in proc.stderr


def test_cli_compare_reports_a_named_folder_without_files(mixed_run):
    proc, report = mixed_run
    assert _line_with(proc.stderr, "folder_without_files") is not None, proc.stderr
    assert any("folder_without_files" in e for e in report["errors"])


def test_cli_compare_bad_file_lines_stay_single_lines_when_piped(folders):
    proc = run(folders["mixed"], "--json", folders["base"] / "narrow.json", columns=None)
    assert proc.returncode == 0, proc.stderr
    for name, (_, code, reason) in BAD.items():
        line = _line_with(proc.stderr, str(folders["mixed"] / name), code)
        assert line is not None and reason.lower() in line.lower(), f"{name}:\n{proc.stderr}"


@pytest.fixture(scope="module")
def only_bad_run(folders) -> subprocess.CompletedProcess[str]:
    return run(folders["only_bad"], "--json", folders["base"] / "only_bad.json")


def test_cli_compare_only_bad_files_fails_with_a_clear_message(only_bad_run, folders):
    proc = only_bad_run
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    assert _line_with(proc.stderr, "only_bad_inputs", "no source could be read") is not None, proc.stderr
    assert not (folders["base"] / "only_bad.json").exists()


def test_cli_compare_only_bad_files_lists_each_reason(only_bad_run):
    for name in ("c_empty.txt", "d_image.txt"):
        _, code, reason = BAD[name]
        line = _line_with(only_bad_run.stderr, name, code)
        assert line is not None and reason in line, only_bad_run.stderr


@pytest.fixture(scope="module")
def missing_run(folders) -> subprocess.CompletedProcess[str]:
    return run(folders["base"] / "no_such_report.txt")


def test_cli_compare_missing_path_is_a_clear_error(missing_run):
    proc = missing_run
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    line = _line_with(proc.stderr, "no_such_report.txt", "no such file")
    assert line is not None, proc.stderr


def test_cli_compare_missing_path_is_one_line(missing_run):
    lines = [line for line in missing_run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, missing_run.stderr
    assert "no_such_report.txt" in lines[0] and "no such file" in lines[0]


def test_cli_compare_named_unsupported_file_is_reported(folders):
    image = folders["base"] / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    good = folders["mixed"] / "a_good.txt"
    proc = run(good, image, "--json", folders["base"] / "png.json", "--date", "not-a-date")
    # a bad --date is refused before any file is read, without a traceback
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "--date" in proc.stderr
    proc = run(good, image, "--json", folders["base"] / "png.json")
    assert proc.returncode == 0, proc.stderr
    line = _line_with(proc.stderr, "photo.png", "[E007]")
    assert line is not None and ".png" in line, proc.stderr
