"""The dashboard's overview kept with the workspace's analysis (issue #11).

What the overview shows below its four numbers (analysis.overview.OverviewData)
takes a 1,000-source workspace's whole report and about 1.5 s of CPU to build.
The dashboard keeps it on disk under the key of the analysis it shows
(`version`), so a restarted server finds it. Building it when an analysis ends,
here, rather than when someone first looks, makes the first visit after an
analysis as quick as one after a restart:

- `keep(ws)` builds and keeps it at once (the library's `analyse_workspace` and
  the dashboard's own analyses, which have the report in hand);
- `keep_in_background(ws)` leaves it to a process of its own (`python -m
  workspace.overview PATH`), so `rashomon analyse` returns as soon as the
  analysis is saved: building it there would add about 1.5 s (half again) to
  adding one source to a 1,000-source workspace. A visitor who arrives while
  it is being built waits for it (`kept`) instead of building it twice.

What the overview shows also changes with a review decision made or undone and
with a source's new metadata (`version`). Those keep it the same way, in the
background: every review action of workspace.review (the CLI's `rashomon
review` and the dashboard's Review panel) and `rashomon update`. A change that
leaves the analysis stale (a new publication date, a removed source) keeps
nothing: the next analysis keeps its own. When changes come faster than the
overview is built (a script of review commands), a build whose workspace has
changed meanwhile stops before building (`keep(..., current_only=True)`): the
process started by the last change builds the last state.

The overview is kept in the cache folder (sources.settings.cache_folder), one
file per workspace; with the cache turned off nothing is kept. A kept copy is a
saving of time only: a missing, broken or unwritable file is built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sources.settings import cache_folder

if TYPE_CHECKING:
    from analysis.models import Report
    from analysis.overview import OverviewData
    from workspace.store import Workspace

OVERVIEW_DIR = "overview"
BUILDING = ".building"  # beside the kept file while a background process builds it: {"key", "pid"}
WAIT_S = 60.0  # at most, for a background build under way (1,000 sources: about 2 s)
POLL_S = 0.05
_BACKGROUND: list[subprocess.Popen] = []  # started here, waited for by `wait_background` (tests, benchmarks)


def version(ws: Workspace, stats: dict[str, Any] | None = None) -> str:
    """The key of what the overview shows: changes with every saved analysis (the generation counter),
    every added or removed source, every review decision made or undone (issue #9) and every change to a
    source's metadata (issue #11)."""
    stats = stats if stats is not None else ws.stats()
    parts = ("analysed_at", "sources", "claims", "groups", "relations", "contradictions")
    generations = [str(ws.analysis_generation()), f"r{ws.review_generation()}", f"m{ws.metadata_generation()}"]
    return "|".join([*generations, *(str(stats.get(p)) for p in parts)])


def overview_file(path: Path | str | None) -> Path | None:
    """Where a workspace's overview is kept (None: no workspace file, or the cache turned off)."""
    folder = cache_folder()
    if path is None or folder is None:
        return None
    name = hashlib.sha256(str(Path(path).expanduser().resolve()).encode()).hexdigest()[:32]
    return folder / OVERVIEW_DIR / f"{name}.json"


def read(stored: Path, key: str) -> OverviewData | None:
    """The kept overview if it was built from this very analysis; a missing or broken file is no error."""
    from analysis.overview import OverviewData

    try:
        raw = json.loads(stored.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("key") != key or not isinstance(raw.get("data"), str):
        return None
    return OverviewData.from_json(raw["data"])


def write(stored: Path, key: str, built: OverviewData) -> None:
    """Whole or not at all (two processes may write it); a folder that cannot be written is no error."""
    _write_text(stored, json.dumps({"key": key, "data": built.to_json()}, ensure_ascii=False))


def _write_text(stored: Path, text: str) -> None:
    written = None
    try:
        stored.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=stored.parent, suffix=".tmp", delete=False, encoding="utf-8") as tmp:
            written = tmp.name
            tmp.write(text)
        os.replace(written, stored)
    except OSError:
        if written is not None:
            Path(written).unlink(missing_ok=True)


def kept(path: Path | str | None, key: str, wait: float = WAIT_S) -> OverviewData | None:
    """The overview kept for this analysis; if a background process is building it right now, what it
    builds (waiting at most `wait` seconds); else None."""
    stored = overview_file(path)
    if stored is None:
        return None
    found = read(stored, key)
    deadline = time.monotonic() + wait
    while found is None and _building(stored, key) and time.monotonic() < deadline:
        time.sleep(POLL_S)
        found = read(stored, key)
    return found


def _building(stored: Path, key: str) -> bool:
    """A live background process is building the overview of `key` (a marker older than WAIT_S is
    another process's pid by now, or a build that will not end)."""
    marker = stored.with_suffix(BUILDING)
    try:
        raw = json.loads(marker.read_text(encoding="utf-8"))
        pid = int(raw["pid"])
        if raw["key"] != key or time.time() - marker.stat().st_mtime > WAIT_S:
            return False
        own = next((proc for proc in _BACKGROUND if proc.pid == pid), None)
        if own is not None:  # started by this process (a dashboard's review): ended once reaped, not a zombie
            return own.poll() is None
        os.kill(pid, 0)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _reap() -> None:
    """Forget the background builds of this process that have ended (a long-running dashboard starts one
    per review decision: each is waited for here, not left a zombie)."""
    _BACKGROUND[:] = [proc for proc in _BACKGROUND if proc.poll() is None]


def keep(ws: Workspace, report: Report | None = None, *, current_only: bool = False) -> OverviewData | None:
    """Build the overview of the workspace's analysis now, and keep it (unless it is kept already).
    `report`: the workspace's report (workspace.pipeline.workspace_report), when the caller has it.
    `current_only`: if the workspace changed while its report was read, build nothing (None): what
    would be built is no longer what the workspace shows (the background build of a superseded change)."""
    from analysis.gc_pause import paused_gc
    from analysis.overview import overview_of
    from workspace.fact_digests import overview_from_digests
    from workspace.pipeline import workspace_report

    stored = overview_file(ws.path)
    if stored is None:
        return None
    key = version(ws)
    found = read(stored, key)
    if found is not None:
        return found
    with paused_gc():
        built = overview_from_digests(ws) if report is None else None
        if built is None:
            report = report or workspace_report(ws)
            built = overview_of(report)
        if current_only and version(ws) != key:
            return None
    if version(ws) == key:  # another process changed the workspace meanwhile: leave it to the next
        write(stored, key, built)
    return built


def keep_in_background(ws: Workspace) -> subprocess.Popen | None:
    """Start a process that builds and keeps the overview of the workspace's analysis; None when there is
    nothing to do (no file, cache off, already kept, or the analysis stale: the next one keeps its own).
    The caller does not wait for it. Called after an analysis, a review decision and a metadata change."""
    _reap()
    stored = overview_file(ws.path)
    if stored is None or ws.path is None:
        return None
    stats = ws.stats()
    if stats["stale"]:
        return None
    key = version(ws, stats)
    if read(stored, key) is not None:
        return None
    root = str(Path(__file__).resolve().parents[1])  # this very code, whatever the working folder
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
    try:
        proc = subprocess.Popen([sys.executable, "-m", "workspace.overview", str(ws.path)], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # fmt: skip
    except OSError:
        return None
    _BACKGROUND.append(proc)
    _write_text(stored.with_suffix(BUILDING), json.dumps({"key": key, "pid": proc.pid}))
    return proc


def wait_background(timeout: float = WAIT_S) -> None:
    """Wait for the background builds this process started (tests and benchmarks)."""
    while _BACKGROUND:
        _BACKGROUND.pop().wait(timeout)


def main(argv: list[str]) -> int:
    """`python -m workspace.overview PATH`: build and keep the overview of that workspace's analysis."""
    from workspace.store import Workspace

    (path,) = argv
    stored = overview_file(path)
    try:
        with Workspace(path, create=False) as ws:
            keep(ws, current_only=True)
    finally:
        if stored is not None:
            marker = stored.with_suffix(BUILDING)
            try:
                if json.loads(marker.read_text(encoding="utf-8")).get("pid") == os.getpid():
                    marker.unlink()
            except (OSError, ValueError, AttributeError):
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
