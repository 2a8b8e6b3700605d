"""The workspace commands of `rashomon` (issue #3), on real workspace files.

Most run in-process through typer's CliRunner; the kill and concurrency
tests run `python -m cli` (this tree's `rashomon`) as real subprocesses. URL
tests use a real http.server on 127.0.0.1; the HTML test renders the export
in headless Chromium and saves a screenshot under the test's tmp_path.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner, Result

import cli
from benchmarks.workspace_corpus import write_corpus
from workspace.pipeline import workspace_report
from workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds.gold.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# This tree's command, not the installed console script (which may point at another checkout).
RASHOMON = [sys.executable, "-m", "cli"]
CHROMIUM = Path("/usr/bin/chromium")


def run(*args: str, ws: Path | None = None, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """`rashomon ARGS --workspace WS` in-process, wide enough that tables do not wrap."""
    argv = [*args, "--workspace", str(ws)] if ws is not None else list(args)
    return CliRunner().invoke(cli.app, argv, input=input, env={"COLUMNS": "200", **(env or {})})


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """A folder of three short accounts, one unreadable file and a sidecar."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("At least 40 people were killed in Tromville on 4 March 2024.\n")
    (folder / "b.md").write_text("# Shelling\n\nSome 55 people were killed in Tromville on 4 March 2024.\n")
    (folder / "c.txt").write_text("Aid workers said 3,000 residents fled Tromville.\n")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "sources.json").write_text(json.dumps([{"file": "a.txt", "publisher": "The Herald", "side": "north"}]))
    return folder


# -- add / list / show / update / remove / alias ------------------------------------


def test_cli_add_reports_one_line_per_input_and_skips_bad_files(tmp_path: Path, texts: Path):
    ws = tmp_path / "ws.db"
    result = run("add", str(texts), str(tmp_path / "missing.txt"), ws=ws)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == ["added s1 a.txt", "added s2 b.md", "added s3 c.txt"]
    errors = lines(result.stderr)
    assert any(line.startswith("[E002] ") and "broken.txt" in line for line in errors), errors
    assert any(line.startswith("[E005] ") and "missing.txt" in line for line in errors), errors
    assert "Traceback" not in result.output
    with Workspace.open(ws, create=False) as opened:
        assert [(s.id, s.publisher, s.side) for s in opened.list_sources()][0] == ("s1", "The Herald", "north")


def test_cli_add_same_text_is_a_duplicate_and_new_text_an_update(tmp_path: Path, texts: Path):
    ws = tmp_path / "ws.db"
    run("add", str(texts / "a.txt"), ws=ws)
    (tmp_path / "copy.txt").write_text((texts / "a.txt").read_text())
    duplicate = ["duplicate copy.txt: same text as s1 a.txt, not added"]
    assert lines(run("add", str(tmp_path / "copy.txt"), ws=ws).stdout) == duplicate
    (texts / "a.txt").write_text("At least 48 people were killed in Tromville on 4 March 2024, officials said.\n")
    assert lines(run("add", str(texts / "a.txt"), ws=ws).stdout) == ["updated s1 a.txt: 60 -> 76 characters"]
    with Workspace.open(ws, create=False) as opened:
        assert [s.text for s in opened.list_sources()] == [(texts / "a.txt").read_text().strip()]


def test_cli_add_stdin_and_metadata_options(tmp_path: Path):
    ws = tmp_path / "ws.db"
    text = "Some 300 people fled the valley, aid workers said.\n"
    result = run("add", "-", "--title", "Pasted", "--date", "2024-03-05", "--side", "south", ws=ws, input=text)
    assert result.exit_code == 0, result.output
    (line,) = lines(result.stdout)
    assert line.startswith("added s1 pasted-")
    shown = run("show", "s1", ws=ws)
    assert "title: Pasted" in shown.stdout and "published: 2024-03-05" in shown.stdout and "side: south" in shown.stdout
    assert "0 claims" in shown.stdout  # adding does not extract


def test_cli_add_nothing_readable_fails_with_one_line_each(tmp_path: Path, texts: Path):
    result = run("add", str(texts / "broken.txt"), str(tmp_path / "nope.html"), ws=tmp_path / "ws.db")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(lines(result.stderr)) == 2
    bad_date = run("add", str(texts / "a.txt"), "--date", "March", ws=tmp_path / "ws.db")
    assert bad_date.exit_code != 0 and "YYYY-MM-DD" in bad_date.output


def test_cli_list_show_update_remove_round_trip(tmp_path: Path, texts: Path):
    ws = tmp_path / "ws.db"
    run("add", str(texts), ws=ws)
    listed = run("list", ws=ws)
    assert listed.exit_code == 0
    for expected in ("s1", "a.txt", "The Herald", "north", "s3", "c.txt"):
        assert expected in listed.stdout
    updated = run("update", "b.md", "--publisher", "Daily Ledger", "--date", "2024-03-06", ws=ws)
    assert updated.exit_code == 0, updated.output
    assert lines(updated.stdout) == ["updated s2 b.md: publisher=Daily Ledger, published=2024-03-06"]
    assert "publisher: Daily Ledger" in run("show", "s2", ws=ws).stdout
    assert lines(run("update", "s2", "--publisher", "", ws=ws).stdout) == ["updated s2 b.md: publisher=None"]
    assert lines(run("remove", "c.txt", ws=ws).stdout) == ["removed s3 c.txt"]
    assert "c.txt" not in run("list", ws=ws).stdout
    with Workspace.open(ws, create=False) as opened:
        assert [s.id for s in opened.list_sources()] == ["s1", "s2"]
    nothing = run("update", "s1", ws=ws)
    assert nothing.exit_code != 0 and "at least one" in nothing.output


def test_cli_errors_are_one_red_line_never_a_traceback(tmp_path: Path, texts: Path):
    missing = run("list", ws=tmp_path / "none.db")
    assert missing.exit_code == 1
    assert lines(missing.stderr) == [
        f"[E013] {tmp_path / 'none.db'}: workspace problem: no workspace here (add a source to create one)"
    ]
    assert not (tmp_path / "none.db").exists()
    ws = tmp_path / "ws.db"
    run("add", str(texts), ws=ws)
    for args in (("show", "s9"), ("remove", "zzz"), ("update", "s9", "--side", "x")):
        result = run(*args, ws=ws)
        assert result.exit_code == 1
        assert lines(result.stderr) == [f"[E014] {args[1]}: no such source in the workspace"]
        assert "Traceback" not in result.output
    bad = run("update", "s1", "--date", "2024-02-30", ws=ws)
    assert bad.exit_code == 1 and lines(bad.stderr)[0].startswith("[E013] s1: workspace problem: bad published")
    (tmp_path / "notes.db").write_text("not a database\n" * 100)
    assert lines(run("list", ws=tmp_path / "notes.db").stderr)[0].startswith("[E013]")


def test_cli_workspace_from_environment(tmp_path: Path, texts: Path):
    env = {"RASHOMON_WORKSPACE": str(tmp_path / "env.db")}
    assert run("add", str(texts / "a.txt"), env=env).exit_code == 0
    assert "a.txt" in run("list", env=env).stdout
    assert (tmp_path / "env.db").exists()


def test_cli_alias_add_list_remove(tmp_path: Path):
    ws = tmp_path / "ws.db"
    assert lines(run("alias", "add", "CSCE", "OSCE", ws=ws).stdout) == ["alias CSCE = OSCE"]
    run("alias", "add", "Kelbajar", "Kalbajar", ws=ws)
    listed = run("alias", "list", ws=ws).stdout
    assert "CSCE" in listed and "OSCE" in listed and "Kelbajar" in listed
    assert run("alias", "remove", "csce", ws=ws).exit_code == 0
    assert "CSCE" not in run("alias", "list", ws=ws).stdout
    assert run("alias", "remove", "nobody", ws=ws).exit_code == 1


@pytest.mark.slow
def test_cli_add_analyse_export_and_status(tmp_path: Path):
    ws = tmp_path / "ws.db"
    result = run("add", str(DEMO), "--analyse", ws=ws)
    assert result.exit_code == 0, result.output
    assert "extracted claims from 4 new or changed sources" in result.stdout
    assert "re-aligned every claim (full analysis)" in result.stdout
    assert "analysed" in run("status", ws=ws).stdout
    again = run("analyse", ws=ws)
    assert again.exit_code == 0 and "extracted claims from 0 new or changed sources" in again.stdout
    shown = run("show", "s1", ws=ws).stdout
    assert "casualties" in shown or "initiator" in shown
    md = run("export", "--format", "md", ws=ws)
    assert md.exit_code == 0 and md.stdout.startswith("# Rashomon discrepancy report")
    out = tmp_path / "report.json"
    assert run("export", "-f", "json", "--output", str(out), ws=ws).exit_code == 0
    assert len(json.loads(out.read_text())["sources"]) == 4
    run("remove", "s4", ws=ws)
    stale = run("export", ws=ws)
    assert "out of date" in stale.stderr
    assert "re-aligned 0 new claims" in run("analyse", ws=ws).stdout
    unwritable = run("export", "--output", str(tmp_path / "no" / "dir.md"), ws=ws)
    assert unwritable.exit_code == 1 and len(lines(unwritable.stderr)) == 1


# -- URLs against a real local server ------------------------------------------------

ARTICLE = (
    "<html><head><title>Shelling of Tromville</title></head><body><article><h1>Shelling of Tromville</h1>"
    "<p>At least 40 people were killed when artillery shelled the market in Tromville on 4 March 2024.</p>"
    "<p>Aid workers said some 3,000 residents fled the town as the fighting spread.</p></article></body></html>"
)


class Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            if self.path == "/article.html":
                self._send(ARTICLE.encode(), "text/html; charset=utf-8")
            elif self.path == "/slow":
                time.sleep(3)
                self._send(ARTICLE.encode(), "text/html")
            elif self.path == "/big":  # declared too large
                self._send(b"x" * 6_000_000, "text/plain")
            elif self.path == "/endless":  # no length declared: refused while reading
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(700):
                    self.wfile.write(b"killed " * 1500)
            elif self.path == "/chart.png":
                self._send(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_cli_add_url_with_allow_private(tmp_path: Path, server: str):
    ws = tmp_path / "ws.db"
    url = f"{server}/article.html"
    result = run("add", url, "--allow-private", "--side", "wire", ws=ws)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [f"added s1 {url}"]
    with Workspace.open(ws, create=False) as opened:
        source = opened.get_source("s1")
    assert (source.title, source.address, source.side) == ("Shelling of Tromville", url, "wire")
    assert "40 people were killed" in source.text
    assert lines(run("add", url, "--allow-private", ws=ws).stdout) == [
        f"duplicate of s1 {url}: same text, not added again"
    ]


def test_cli_add_url_refusals_each_give_one_line(tmp_path: Path, server: str):
    ws = tmp_path / "ws.db"
    refused = run("add", f"{server}/article.html", ws=ws)  # 127.0.0.1 without --allow-private
    assert refused.exit_code == 1
    assert lines(refused.stderr) == [
        f"[E010] {server}/article.html: refused: 127.0.0.1 resolves to 127.0.0.1, a private or local address"
    ]
    started = time.monotonic()
    bad = run("add", f"{server}/slow", f"{server}/big", f"{server}/endless", f"{server}/chart.png",
              f"{server}/article.html", "--allow-private", "--timeout", "1", ws=ws)  # fmt: skip
    assert time.monotonic() - started < 10
    assert bad.exit_code == 0, bad.output  # the good page still went in
    assert lines(bad.stdout) == [f"added s1 {server}/article.html"]
    errors = [line for line in lines(bad.stderr) if line.startswith("[E")]
    assert [line.split()[0] for line in errors] == ["[E009]", "[E006]", "[E006]", "[E009]"], errors
    assert "timed out after 1 s" in errors[0]
    assert "too large (6000000 bytes" in errors[1]
    assert "'image/png' is not a web page or text" in errors[3]
    assert run("add", "ftp://example.org/a.txt", ws=ws).stderr.startswith("[E010]")


# -- real processes: a kill in the middle, two writers at once -------------------


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*RASHOMON, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "COLUMNS": "200"})  # fmt: skip


@pytest.mark.slow
def test_cli_add_killed_midway_keeps_exactly_what_it_committed(tmp_path: Path):
    folder = tmp_path / "many"
    write_corpus(folder, 3000, seed=2)
    ws = tmp_path / "ws.db"
    child = _spawn("add", str(folder), "--workspace", str(ws))
    watchdog = threading.Timer(60, child.kill)
    watchdog.start()
    try:
        printed: list[str] = []
        while len(printed) < 25:
            line = child.stdout.readline()
            assert line, f"rashomon add ended early: {child.stderr.read()}"
            printed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        printed += lines(child.stdout.read())  # committed and printed before the kill, not read yet
        child.wait()
    finally:
        watchdog.cancel()
    assert child.returncode == -signal.SIGKILL
    assert all(line.startswith("added s") for line in printed)
    printed_ids = [line.split()[1] for line in printed]
    assert len(printed_ids) < 3000, "the kill came too late to test anything"
    # The file opens read-only as it was left (no recovery by us), then as a workspace.
    with sqlite3.connect(f"file:{ws}?mode=ro", uri=True) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Workspace.open(ws, create=False) as opened:
        assert opened.integrity_check() == "ok"
        stored = [s.id for s in opened.list_sources()]
        names = {s.id: s.name for s in opened.list_sources()}
    # Exactly the printed sources, plus at most the one committed between its commit and its line.
    assert stored[: len(printed_ids)] == printed_ids
    assert len(stored) - len(printed_ids) in (0, 1)
    assert stored == [f"s{n}" for n in range(1, len(stored) + 1)]
    assert all(names[sid] == line.split()[2] for sid, line in zip(printed_ids, printed, strict=True))
    resumed = subprocess.run([*RASHOMON, "add", str(folder), "--workspace", str(ws)], capture_output=True, text=True,
                             check=False, cwd=ROOT)  # fmt: skip
    assert resumed.returncode == 0
    assert sum(line.startswith("added") for line in lines(resumed.stdout)) == 3000 - len(stored)


@pytest.mark.slow
def test_cli_two_adds_at_once_both_succeed(tmp_path: Path):
    ws = tmp_path / "ws.db"  # not there yet: both create and migrate it
    first, second = tmp_path / "one", tmp_path / "two"
    write_corpus(first, 150, seed=3, prefix="cli")
    write_corpus(second, 150, seed=4, prefix="dashboard")
    children = [_spawn("add", str(folder), "--workspace", str(ws)) for folder in (first, second)]
    outputs = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err for _, err in outputs]
    printed = [lines(out) for out, _ in outputs]
    assert [len(p) for p in printed] == [150, 150]
    assert all(line.startswith("added s") for p in printed for line in p)
    with Workspace.open(ws, create=False) as opened:
        assert opened.integrity_check() == "ok"
        ids = [s.id for s in opened.list_sources()]
    assert sorted(ids) == sorted(line.split()[1] for p in printed for line in p)
    assert ids == [f"s{n}" for n in range(1, 301)]


# -- exports of a workspace holding the seeds ------------------------------------------


@pytest.fixture(scope="module")
def seeds_workspace(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds added and analysed in a workspace, and `rashomon compare` of the same files."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    folder = tmp_path_factory.mktemp("seeds")
    ws = folder / "ws.db"
    for args in (("add", str(SEEDS)), ("analyse",)):
        result = run(*args, ws=ws)
        assert result.exit_code == 0, result.output
    compared = CliRunner().invoke(cli.app, ["compare", str(SEEDS), "--json", str(folder / "compare.json")])
    assert compared.exit_code == 0, compared.output
    return {"ws": ws, "compare": folder / "compare.json", "folder": folder}


def _score(report: Path) -> str:
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(report)], capture_output=True, text=True,
                          check=True)  # fmt: skip
    return done.stdout


@pytest.mark.slow
def test_cli_export_json_of_the_seeds_scores_as_compare_does(seeds_workspace: dict[str, Path]):
    exported = seeds_workspace["folder"] / "export.json"
    assert run("export", "--format", "json", "--output", str(exported), ws=seeds_workspace["ws"]).exit_code == 0
    ours, theirs = (json.loads(path.read_text()) for path in (exported, seeds_workspace["compare"]))
    for key in ("claims", "groups", "relations"):
        assert ours[key] == theirs[key], key  # identical analysis, not only the same score
    if not (SCORER.is_file() and GOLD.is_file()):
        pytest.skip("the scorer or the gold file is absent")
    score = _score(exported)
    assert score == _score(seeds_workspace["compare"])
    assert "claim_recall" in score


@pytest.mark.slow
def test_cli_export_csv_one_row_per_claim_and_no_formula(tmp_path: Path):
    ws = tmp_path / "ws.db"
    pasted = ("- 1,200 people were killed in the offensive on 4 March 2024, officials said.\n"
              "=1+2 and @sum: at least 300 people were wounded in the same offensive.\n")  # fmt: skip
    assert run("add", str(DEMO), ws=ws).exit_code == 0
    assert run("add", "-", "--analyse", ws=ws, input=pasted).exit_code == 0
    result = run("export", "--format", "csv", ws=ws)
    assert result.exit_code == 0
    table = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    with Workspace.open(ws, create=False) as opened:
        report = workspace_report(opened)
    assert len(table) == len(report.claims) > 0
    assert sorted(table[table.columns[0]]) == sorted(c.id for c in report.claims) or "claim_id" in table.columns
    cells = [cell for column in table.columns for cell in table[column]]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert any(cell.startswith("'-") or cell.startswith("'=") for cell in cells)  # escaped, not dropped


@pytest.mark.slow
def test_cli_export_html_renders_in_chromium_without_script(seeds_workspace: dict[str, Path], tmp_path: Path,
                                                            record_property: pytest.RecordProperty):  # fmt: skip
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    page_path, md_path = tmp_path / "report.html", tmp_path / "report.md"
    for fmt, path in (("html", page_path), ("md", md_path)):
        assert run("export", "--format", fmt, "--output", str(path), ws=seeds_workspace["ws"]).exit_code == 0
    html = page_path.read_text()
    assert "<script" not in html.lower() and "http://" not in html.split("</head>")[0]
    shot = tmp_path / "report.png"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu",
                                     "--disable-background-networking", "--disable-component-update",
                                     "--disable-sync", "--no-first-run"])  # fmt: skip
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_path.as_uri())
            page.screenshot(path=str(shot), full_page=False)
            assert page.locator("script").count() == 0
            marks = page.locator("mark").count()
            body = page.inner_text("body")
        finally:
            browser.close()
    print(f"screenshot: {shot}")  # shown with -rP; also in the JUnit XML as a property
    record_property("screenshot", str(shot))
    assert shot.stat().st_size > 10_000
    assert requests == [page_path.as_uri()]  # standalone: nothing else fetched
    assert marks > 0  # quotes highlighted
    with Workspace.open(seeds_workspace["ws"], create=False) as opened:
        report = workspace_report(opened)
    for group in report.groups:
        if group.status == "contested":
            assert group.id in body and group.id in md_path.read_text()
