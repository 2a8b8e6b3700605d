"""How long does the dashboard's overview of a 100-source workspace take to show in a browser? (issue #4)

Builds a workspace of N synthetic sources (benchmarks/workspace_corpus.py),
starts `streamlit run app.py` on it, and measures in headless Chromium the
time from navigation until the overview's four numbers are visible, and
until the whole overview (heatmap included) has drawn. Three cases:

- cold: the first visit after the server started (it reads the workspace
  and builds every table);
- new visitor: a fresh browser profile on a running server (no cached
  scripts), the case the 3 s target is about;
- return visit: the same browser loading the page again.

For scale, each run also loads a one-line Streamlit page showing four
numbers, served the same way: the floor no Streamlit app can beat on this
machine, measured under the same load as the dashboard.

    .venv/bin/python benchmarks/overview.py [--sources 100] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from benchmarks.workspace_corpus import generate, write_sources  # noqa: E402
from claims.nlp import load_nlp  # noqa: E402
from workspace.ingest import ingest_paths  # noqa: E402
from workspace.pipeline import analyse_workspace  # noqa: E402
from workspace.store import Workspace  # noqa: E402

TARGET_S = 3.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
METRICS = '[data-testid="stMetricValue"]'
DRAWN = (
    "document.querySelectorAll('[data-testid=\"stMetricValue\"]').length === 4"
    " && document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0"
    ' && document.querySelector(\'[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg\')'
    " && document.querySelector('[data-testid=\"stApp\"]').dataset.testScriptState === 'notRunning'"
)


def build(folder: Path, count: int) -> Path:
    """A workspace of `count` analysed synthetic sources; reused when `folder` already holds one."""
    path = folder / "workspace.db"
    if path.exists():
        with Workspace(path) as ws:
            if ws.stats()["sources"] == count and not ws.stats()["stale"]:
                print(f"reusing {path}", flush=True)
                return path
        path.unlink()
    items = generate(count, seed=4)
    write_sources(folder / "corpus", items)
    started = time.perf_counter()
    with Workspace(path) as ws:
        _results, errors = ingest_paths(ws, [folder / "corpus"])
        assert not errors, errors
        analyse_workspace(ws, nlp=load_nlp())
        stats = ws.stats()
    print(f"built {path}: {stats['sources']} sources, {stats['claims']} claims, {stats['groups']} facts, "
          f"{stats['contested']} contested, in {time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


BASELINE_APP = """import streamlit as st
for column, label in zip(st.columns(4), ("Sources", "Claims", "Facts", "Contested facts")):
    column.metric(label, 1, border=True)
"""


def start_server(workspace: Path, script: Path = ROOT / "app.py") -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    env = os.environ | {"RASHOMON_WORKSPACE": str(workspace)}
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).text.strip() == "ok":
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise TimeoutError("streamlit did not start")


def visit(page, url: str) -> tuple[float, float]:  # noqa: ANN001 - a Playwright Page
    """Seconds from navigation to the four numbers visible, and to the whole overview drawn."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(METRICS, state="visible", timeout=60_000)
    numbers = time.perf_counter() - started
    page.wait_for_function(DRAWN, timeout=60_000)
    return numbers, time.perf_counter() - started


def measure(url: str, baseline: str, runs: int) -> dict[str, list[tuple[float, float]]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, list[tuple[float, float]]] = {"cold": [], "new visitor": [], "return visit": [],
                                                     "baseline": []}  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def fresh():  # noqa: ANN202 - a page in a new profile: nothing cached
            return browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()

        results["cold"].append(visit(fresh(), url))
        for _ in range(runs):  # interleaved, so both see the same machine load
            page = fresh()
            results["new visitor"].append(visit(page, url))
            results["return visit"].append(visit(page, url))
            page.context.close()
            page = fresh()
            started = time.perf_counter()
            page.goto(baseline)
            page.wait_for_selector(METRICS, state="visible", timeout=60_000)
            results["baseline"].append((time.perf_counter() - started,) * 2)
            page.context.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the workspace in this folder")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"needs {CHROMIUM} (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        workspace = build(folder, args.sources)
        (folder / "baseline.py").write_text(BASELINE_APP, encoding="utf-8")
        proc, url = start_server(workspace)
        base_proc, base_url = start_server(workspace, folder / "baseline.py")
        try:
            results = measure(url, base_url, args.runs)
        finally:
            for running in (proc, base_proc):
                running.terminate()
                running.wait(timeout=10)
    print(f"\noverview of {args.sources} sources, seconds (median of {args.runs}; target {TARGET_S:g} s "
          "for the numbers to a new visitor):")  # fmt: skip
    for case, times in results.items():
        numbers = statistics.median(t[0] for t in times)
        drawn = statistics.median(t[1] for t in times)
        if case == "baseline":
            print(f"  {'baseline':<13} numbers visible {numbers:5.2f}   (a bare Streamlit page of four numbers)")
        else:
            print(f"  {case:<13} numbers visible {numbers:5.2f}   whole overview drawn {drawn:5.2f}")
    verdict = statistics.median(t[0] for t in results["new visitor"])
    floor = statistics.median(t[0] for t in results["baseline"])
    print(f"\n{'PASS' if verdict < TARGET_S else 'FAIL'}: {verdict:.2f} s against {TARGET_S:g} s "
          f"({verdict - floor:+.2f} s over a bare Streamlit page; load average {os.getloadavg()[0]:.1f})")  # fmt: skip


if __name__ == "__main__":
    main()
