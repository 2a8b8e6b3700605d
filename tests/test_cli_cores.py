"""`rashomon compare` and `rashomon analyse` parse on every core (issue #11).

claims.parallel.default_jobs forks parsing workers only when no other thread is
alive (forking beside threads is unsafe: the dashboard's server). The CLI's
progress bar used to draw itself from rich's refresh thread, so both commands
parsed on one core while benchmarks/throughput.py, calling the library without
a bar, timed two. The bar now draws from the updating thread and starts none.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from claims.parallel import MIN_SOURCES, default_jobs
from cli.output import bar, waiting
from workspace import pipeline

MANY_CORES = pytest.mark.skipif((os.cpu_count() or 1) < 2 or "RASHOMON_JOBS" in os.environ, reason="one core")


class Seen(Exception):
    """Stops the command once the parsing plan is made: the test needs no parse."""


def test_the_progress_bar_starts_no_thread():
    before = threading.active_count()
    with bar("extracting claims") as progress:
        task = progress.add_task("", total=2)
        progress.update(task, advance=1, description="one")
        progress.update(task, advance=1, description="two")
        assert threading.active_count() == before


def test_the_waiting_line_starts_no_thread(monkeypatch: pytest.MonkeyPatch):
    """ "loading the language model…": a spinner's refresh thread, still ending when parsing began,
    made `analyse` parse on one core now and then. Drawn as on a terminal."""
    from rich.console import Console

    import cli.output

    monkeypatch.setattr(cli.output, "err", Console(stderr=True, force_terminal=True))
    before = threading.active_count()
    with waiting("loading the language model…"):
        assert threading.active_count() == before
    assert threading.active_count() == before


@MANY_CORES
@pytest.mark.parametrize("command", ["compare", "analyse"])
def test_the_commands_parse_on_every_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str):
    folder = tmp_path / "texts"
    folder.mkdir()
    for n in range(MIN_SOURCES):
        (folder / f"account-{n:02}.txt").write_text(f"Account {n}: 12 people were killed on 3 May 2024.\n")
    planned: list[tuple[int, int]] = []

    def plan(nlp):  # noqa: ANN001, ANN202
        planned.append((threading.active_count(), default_jobs()))
        raise Seen

    monkeypatch.setattr(pipeline, "parsing", plan)
    runner = CliRunner()
    before = threading.active_count()  # other tests of this process may have left threads of their own
    if command == "compare":
        done = runner.invoke(cli.app, ["compare", str(folder), "--json", str(tmp_path / "r.json")])
    else:
        workspace = str(tmp_path / "ws.db")
        added = runner.invoke(cli.app, ["add", str(folder), "-w", workspace])
        assert added.exit_code == 0, added.output
        done = runner.invoke(cli.app, ["analyse", "-w", workspace])
    assert isinstance(done.exception, Seen), done.output
    assert planned == [(before, os.cpu_count() if before == 1 else 1)]  # the command started no thread
