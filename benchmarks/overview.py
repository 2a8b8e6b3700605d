"""How long does the dashboard take to show its overview in a browser? (issues #4, #11)

Measures in headless Chromium, at 1440 px, the time until the overview's four
numbers are visible and until the whole overview (heatmap included) has
drawn, in these cases:

- demo, cold start: the built-in demo corpus (no workspace), timed from
  `streamlit run` (the process start) to the first paint, one new server per
  run (target: 2 s);
- N sources, first visitor after a restart: a workspace of N synthetic
  sources (benchmarks/workspace_corpus.py), timed from the navigation of the
  first visitor of a server that has just started, one new server per run
  (target: 3 s); also from `streamlit run` for reference. The overview
  below the numbers is kept on disk once built (dashboard/state.py
  `overview`): a restart finds it there;
- N sources, first visitor after an analysis: for each run, a copy of the
  workspace gets one new source through `rashomon add` + `rashomon analyse`
  (each a process of its own, as typed in a terminal, with the server's cache
  folder, empty before), then a new server is started at once and visited;
  the add + analyse time is given too. Since issue #11 the analysis keeps the
  overview of what it saved (workspace/overview.py, in a process of its own),
  so its first visitor should wait no longer than one after a restart;
- N sources, first visitor after a review decision: for each run, a copy of
  the workspace with its overview kept (as its analysis leaves it) gets one
  decision through `rashomon review reject CLAIM` (a process of its own; the
  claim is the first of the review queue's first fact), then a new server is
  started at once and visited; the decision's time is given too. Since issue
  #11 the decision keeps the overview too (in a process of its own), so its
  first visitor should wait no longer than one after a restart;
- N sources, first visitor with nothing kept: an empty cache folder for each
  run (a workspace never shown, or the cache cleared): the server reads the
  whole report and builds the overview;
- N sources, new visitor: a fresh browser profile on a running server;
- N sources, return visit: the same browser loading the page again.

On a shared machine the clock depends on what else runs: each cold start
also reports the CPU seconds the server process used from `streamlit run`
until the numbers were visible and until the overview was drawn, next to the
same for the bare page below.

For scale, each size also loads a one-line Streamlit page showing four
numbers, served the same way: the floor no Streamlit app can beat on this
machine, measured under the same load as the dashboard.

"Numbers visible" is the first of the four values on the screen with a size
and not hidden (Playwright's own test of visible), checked in the page on
every animation frame, as "whole overview drawn" always was. It used to be
Playwright's `wait_for_selector`, which checks again after 0, 20, 50, 100 and
100 ms, then only every 500 ms: a first paint more than 0.27 s after the
page's load event was seen up to half a second late, the demo's and the bare
page's alike (issue #11).

    .venv/bin/python benchmarks/overview.py [--sources 100 1000] [--runs 3] [--keep DIR] [--no-demo]
                                            [--only-analysis] [--only-review] [--against DIR]

With --keep, the workspaces are built (or reused) in DIR/<N>/. With --against,
the demo's cold start of another copy of the project (e.g. `git worktree add
/tmp/before COMMIT`) runs too, interleaved with this one's and the bare page's,
so that before and after see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from benchmarks.workspace_corpus import generate, write_sources  # noqa: E402
from claims.nlp import load_nlp  # noqa: E402
from workspace.ingest import ingest_paths  # noqa: E402
from workspace.pipeline import analyse_workspace  # noqa: E402
from workspace.store import Workspace  # noqa: E402

TARGET_S = 3.0  # the overview's numbers, first visitor after a restart included (issue #11)
DEMO_TARGET_S = 2.0  # the demo's first paint from `streamlit run` (issue #11)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
# Playwright's test of visible (a size, and not hidden), run in the page on every frame: see the note above.
NUMBERS_VISIBLE = (
    "(() => { const value = document.querySelector('[data-testid=\"stMetricValue\"]'); if (!value) return false;"
    " const box = value.getBoundingClientRect();"
    " return getComputedStyle(value).visibility === 'visible' && box.width > 0 && box.height > 0; })()"
)
DRAWN = (
    "document.querySelectorAll('[data-testid=\"stMetricValue\"]').length === 4"
    " && document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0"
    # the heatmap: HTML since session 20, a Vega-Lite chart before (--against an older tree)
    ' && document.querySelector(\'.rashomon-heatmap, [data-testid="stVegaLiteChart"] canvas,'
    ' [data-testid="stVegaLiteChart"] svg\')'
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


def extra_source(folder: Path, count: int) -> Path:
    """One more synthetic source, not in the workspace: what each "after an analysis" run adds."""
    extra = folder / "extra"
    if not extra.exists():
        write_sources(extra, generate(count + 1, seed=5)[-1:])
    (path,) = sorted(p for p in extra.iterdir() if p.suffix == ".txt")
    return path


def _env(cache: Path) -> dict[str, str]:
    """The environment of a command of this tree, with `cache` as its cache folder."""
    return dict(os.environ, RASHOMON_CACHE=str(cache), PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))  # fmt: skip


def cli(cache: Path, *args: str) -> None:
    """`rashomon ARGS` as a process of its own, with `cache` as its cache folder."""
    done = subprocess.run([sys.executable, "-m", "cli", *args], env=_env(cache), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"rashomon {' '.join(args)} failed ({done.returncode}): {done.stderr}")


def after_analysis(browser, workspace: Path, extra: Path, runs: int) -> Times:  # noqa: ANN001
    """For each run: a copy of the workspace as its own analysis leaves it (the overview built by `python
    -m workspace.overview`, which `rashomon analyse` starts, with each fact's digest kept in the file),
    `rashomon add EXTRA` + `rashomon analyse` into it with an empty cache folder, then at once a new server
    of that workspace and cache folder, and its first visitor (issue #11: the first visit after an
    analysis)."""
    results: Times = {"add + analyse": [], "from streamlit run": [], "first visitor": [], SERVER_CPU: []}
    for _ in range(runs):
        run = Path(tempfile.mkdtemp(prefix="after-analysis-", dir=CACHE["folder"].parent))
        copy, cache = run / "workspace.db", run / "cache"
        shutil.copy(workspace, copy)
        subprocess.run([sys.executable, "-m", "workspace.overview", str(copy)], env=_env(run / "before"), check=True)
        started = time.perf_counter()
        cli(cache, "add", str(extra), "-w", str(copy))
        cli(cache, "analyse", "-w", str(copy))
        analysed = time.perf_counter() - started
        results["add + analyse"].append((analysed, analysed))
        _first_visit(browser, copy, cache, results)
    return results


def review_target(workspace: Path) -> str:
    """The claim each "after a review decision" run rejects: the first of the review queue's first fact."""
    from analysis.review_queue import review_queue
    from workspace.pipeline import workspace_report

    with Workspace(workspace) as ws:
        report = workspace_report(ws)
    first = review_queue(report)[0].group_id
    return next(g.claim_ids[0] for g in report.groups if g.id == first)


def after_review(browser, workspace: Path, claim: str, runs: int) -> Times:  # noqa: ANN001
    """For each run: a copy of the workspace whose overview is kept (`python -m workspace.overview`, as
    its analysis leaves it), `rashomon review reject CLAIM` into it, then at once a new server of that
    workspace and cache folder, and its first visitor (issue #11: the first visit after a decision)."""
    results: Times = {"review decision": [], "from streamlit run": [], "first visitor": [], SERVER_CPU: []}
    for _ in range(runs):
        run = Path(tempfile.mkdtemp(prefix="after-review-", dir=CACHE["folder"].parent))
        copy, cache = run / "workspace.db", run / "cache"
        shutil.copy(workspace, copy)
        subprocess.run([sys.executable, "-m", "workspace.overview", str(copy)], env=_env(cache), check=True)
        started = time.perf_counter()
        cli(cache, "review", "reject", claim, "-w", str(copy), "--note", "benchmark")
        decided = time.perf_counter() - started
        results["review decision"].append((decided, decided))
        _first_visit(browser, copy, cache, results)
    return results


def _first_visit(browser, workspace: Path | None, cache: Path | None, results: Times, cwd: Path = ROOT,
                 tree: Path = ROOT) -> None:  # noqa: ANN001 - a Playwright Browser  # fmt: skip
    """A new server of `tree`'s app.py, visited at once by a fresh browser profile: its times added to `results`."""
    proc, url, launched = start_server(workspace, tree / "app.py", cwd=cwd, cache=cache, tree=tree)
    try:
        page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
        cpu_at_numbers: list[float] = []
        navigated, numbers, drawn = visit(page, url, partial(_note_cpu, cpu_at_numbers, proc.pid))
        results[SERVER_CPU].append((cpu_at_numbers[0], cpu_seconds(proc.pid)))
        page.context.close()
    finally:
        stop(proc)
    since_launch = navigated - launched
    results["from streamlit run"].append((since_launch + numbers, since_launch + drawn))
    results["first visitor"].append((numbers, drawn))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


BASELINE_APP = """import streamlit as st
for column, label in zip(st.columns(4), ("Sources", "Claims", "Facts", "Contested facts")):
    column.metric(label, 1, border=True)
"""


CACHE = {"folder": Path(tempfile.gettempdir()) / "rashomon-bench-cache"}  # the servers' RASHOMON_CACHE


def start_server(workspace: Path | None, script: Path = ROOT / "app.py", cwd: Path = ROOT,
                 cache: Path | None = None, tree: Path = ROOT) -> tuple[subprocess.Popen, str, float]:  # fmt: skip
    """`streamlit run`, as a user starts it; returns the process, its address and when it was started.

    `workspace` None: no workspace at all, so the dashboard shows the built-in demo
    (`cwd` must then be a folder without a rashomon.db). `cache`: the server's
    cache folder (default CACHE["folder"], never the user's own). `tree`: the copy
    of the project whose packages the server imports (--against: another one).
    """
    import httpx

    port = free_port()
    # Python as a user runs it, keeping the compiled modules it writes on the first start: a machine
    # that sets PYTHONDONTWRITEBYTECODE (this sandbox does) compiles the project's modules again at
    # every start, which `pip install` spares the packages but not an editable install's own code.
    env = {k: v for k, v in os.environ.items() if k not in ("RASHOMON_WORKSPACE", "PYTHONDONTWRITEBYTECODE")}
    env["RASHOMON_CACHE"] = str(cache or CACHE["folder"])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), os.environ.get("PYTHONPATH")]))
    if workspace is not None:
        env["RASHOMON_WORKSPACE"] = str(workspace)
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # fmt: skip
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).text.strip() == "ok":
                return proc, url, started
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.terminate()
    raise TimeoutError("streamlit did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def visit(page, url: str, at_numbers=None) -> tuple[float, float, float]:  # noqa: ANN001 - a Playwright Page
    """When navigation started, and seconds from it to the four numbers visible and to the overview drawn;
    `at_numbers()` is called as soon as the numbers are visible."""
    started = time.perf_counter()
    page.goto(url)
    numbers_visible(page)
    numbers = time.perf_counter() - started
    if at_numbers is not None:
        at_numbers()
    page.wait_for_function(DRAWN, timeout=60_000)
    return started, numbers, time.perf_counter() - started


def numbers_visible(page) -> None:  # noqa: ANN001 - a Playwright Page
    """Wait until the first of the four numbers is on the screen (checked on every frame)."""
    page.wait_for_function(NUMBERS_VISIBLE, polling="raf", timeout=60_000)


Times = dict[str, list[tuple[float, float]]]


def cold_starts(browser, workspace: Path | None, runs: int, cwd: Path, baseline: Path | None = None,
                kept: bool = True, against: Path | None = None) -> Times:  # noqa: ANN001 - a Playwright Browser  # fmt: skip
    """One new server per run, visited at once by a fresh browser profile.

    With `baseline` (a bare page's script), each run also cold-starts that page:
    the floor of a first paint from `streamlit run` on this machine, under the same load.
    With `kept` False, each server starts with an empty cache folder: nothing of an
    earlier visit is kept (the first visitor after an analysis). With `against` (another
    copy of the project), each run also cold-starts that copy's dashboard the same way.
    """
    results: Times = {"from streamlit run": [], "first visitor": [], SERVER_CPU: []}
    other: Times = {"from streamlit run": [], "first visitor": [], SERVER_CPU: []}
    if baseline is not None:
        results["baseline"] = []
        results[BASELINE_CPU] = []
    for _ in range(runs):
        cache = None if kept else Path(tempfile.mkdtemp(prefix="empty-cache-", dir=CACHE["folder"].parent))
        _first_visit(browser, workspace, cache, results, cwd)
        if against is not None:
            _first_visit(browser, workspace, cache, other, cwd, tree=against)
        if baseline is not None:
            proc, url, launched = start_server(workspace, baseline, cwd=cwd)
            try:
                page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
                page.goto(url)
                numbers_visible(page)
                results["baseline"].append((time.perf_counter() - launched,) * 2)
                results[BASELINE_CPU].append((cpu_seconds(proc.pid),) * 2)
                page.context.close()
            finally:
                stop(proc)
    if against is not None:
        results |= {f"{AGAINST} {case}": times for case, times in other.items()}
    return results


SERVER_CPU = "server CPU"
BASELINE_CPU = "baseline CPU"
AGAINST = "against:"  # the cases of --against's copy


def _note_cpu(into: list[float], pid: int) -> None:
    into.append(cpu_seconds(pid))


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (user + system, from /proc): steadier than the clock on a busy box."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def warm_visits(browser, url: str, baseline: str, runs: int) -> Times:  # noqa: ANN001
    """New visitors and return visits on a running server, interleaved with the bare baseline page."""
    results: Times = {"new visitor": [], "return visit": [], "baseline": []}

    def fresh():  # noqa: ANN202 - a page in a new profile: nothing cached
        return browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()

    visit(fresh(), url)  # the server's first visitor builds the caches: measured by cold_starts
    for _ in range(runs):  # interleaved, so both see the same machine load
        page = fresh()
        results["new visitor"].append(visit(page, url)[1:])
        results["return visit"].append(visit(page, url)[1:])
        page.context.close()
        page = fresh()
        started = time.perf_counter()
        page.goto(baseline)
        numbers_visible(page)
        results["baseline"].append((time.perf_counter() - started,) * 2)
        page.context.close()
    return results


def demo_folder(tmp: Path) -> Path:
    """A working folder without rashomon.db, holding the project's Streamlit settings."""
    folder = tmp / "demo-cwd"
    (folder / ".streamlit").mkdir(parents=True, exist_ok=True)
    (folder / ".streamlit" / "config.toml").write_text((ROOT / ".streamlit" / "config.toml").read_text())
    return folder


def spread(times: list[tuple[float, float]], which: int = 0) -> str:
    """The runs' range, e.g. "1.71-2.05": on a shared machine the median alone hides how much they vary."""
    return f"{min(t[which] for t in times):.2f}-{max(t[which] for t in times):.2f}"


def report(title: str, results: Times, runs: int) -> None:
    print(f"\n{title}, seconds (median of {runs}, range in brackets):", flush=True)
    for case, times in results.items():
        numbers = statistics.median(t[0] for t in times)
        drawn = statistics.median(t[1] for t in times)
        if case.startswith(AGAINST) and not case.endswith(SERVER_CPU):
            print(f"  {case:<28} numbers visible {numbers:5.2f} ({spread(times)})   whole overview drawn {drawn:5.2f}"
                  f" ({spread(times, 1)})")  # fmt: skip
        elif case.startswith(AGAINST):
            print(f"  {case:<28} {numbers:5.2f} s of CPU to the numbers visible, {drawn:5.2f} s to the overview drawn")
        elif case == "add + analyse":
            print(f"  {case:<19} {numbers:5.2f} s (`rashomon add` + `rashomon analyse` of one new source)")
        elif case == "review decision":
            print(f"  {case:<19} {numbers:5.2f} s (`rashomon review reject` of one claim)")
        elif case == SERVER_CPU:
            print(f"  {case:<19} {numbers:5.2f} s of CPU from `streamlit run` to the numbers visible, {drawn:5.2f} s"
                  " to the overview drawn (server process)")  # fmt: skip
        elif case == BASELINE_CPU:
            print(f"  {case:<19} {numbers:5.2f} s of CPU from `streamlit run` to the bare page drawn")
        elif case == "baseline":
            print(f"  {'baseline':<19} numbers visible {numbers:5.2f} ({spread(times)})   (a bare Streamlit page of four"
                  " numbers, served the same way)")  # fmt: skip
        else:
            print(f"  {case:<19} numbers visible {numbers:5.2f} ({spread(times)})   whole overview drawn {drawn:5.2f}"
                  f" ({spread(times, 1)})")  # fmt: skip


def verdict(label: str, seconds: float, target: float) -> str:
    return f"{'PASS' if seconds < target else 'FAIL'} {label}: {seconds:.2f} s against {target:g} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the workspaces in DIR/<N>/")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo's cold start")
    parser.add_argument("--only-analysis", action="store_true",
                        help="only the first visitor after an analysis and after a restart")  # fmt: skip
    parser.add_argument("--only-review", action="store_true",
                        help="only the first visitor after a review decision and after a restart")  # fmt: skip
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="also cold-start the demo of the project copy in DIR (before and after, side by side)")  # fmt: skip
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"needs {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    verdicts = []
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp, sync_playwright() as pw:
        CACHE["folder"] = Path(tmp) / "cache"
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if not args.no_demo:
            cwd = demo_folder(Path(tmp))
            (cwd / "baseline.py").write_text(BASELINE_APP, encoding="utf-8")
            demo = cold_starts(browser, None, args.runs, cwd, cwd / "baseline.py", against=args.against)
            report("built-in demo, cold start", demo, args.runs)
            first_paint = statistics.median(t[0] for t in demo["from streamlit run"])
            verdicts.append(verdict("demo first paint from `streamlit run`", first_paint, DEMO_TARGET_S))
            floor = statistics.median(t[0] for t in demo["baseline"])
            print(
                f"demo first paint {first_paint:.2f} s, the bare page's {floor:.2f} s: "
                f"{first_paint - floor:+.2f} s over the floor",
                flush=True,
            )
        for count in args.sources:
            folder = (args.keep or Path(tmp)) / str(count)
            folder.mkdir(parents=True, exist_ok=True)
            workspace = build(folder, count)
            (folder / "baseline.py").write_text(BASELINE_APP, encoding="utf-8")
            analysed = None
            if not args.only_review:
                analysed = after_analysis(browser, workspace, extra_source(folder, count), args.runs)
                report(f"overview of {count} sources, first visitor after `rashomon add` + `analyse`", analysed,
                       args.runs)  # fmt: skip
            reviewed = None
            if not args.only_analysis:
                reviewed = after_review(browser, workspace, review_target(workspace), args.runs)
                report(f"overview of {count} sources, first visitor after `rashomon review reject`", reviewed,
                       args.runs)  # fmt: skip
            only = args.only_analysis or args.only_review
            nothing = None if only else cold_starts(browser, workspace, args.runs, ROOT, kept=False)
            if nothing is not None:
                report(f"overview of {count} sources, first visitor with nothing kept", nothing, args.runs)
            cold_starts(browser, workspace, 1, ROOT)  # a first visit keeps the overview for the restarts below
            results = cold_starts(browser, workspace, args.runs, ROOT)
            if not only:
                proc, url, _ = start_server(workspace)
                base_proc, base_url, _ = start_server(workspace, folder / "baseline.py")
                try:
                    results |= warm_visits(browser, url, base_url, args.runs)
                finally:
                    stop(proc)
                    stop(base_proc)
            report(f"overview of {count} sources", results, args.runs)
            for case in [c for c in ("first visitor", "new visitor") if c in results]:
                seconds = statistics.median(t[0] for t in results[case])
                verdicts.append(verdict(f"{count} sources, numbers to a {case}", seconds, TARGET_S))
            for label, cases in (("after a restart", results), ("after an analysis", analysed),
                                 ("after a review decision", reviewed), ("with nothing kept", nothing)):  # fmt: skip
                if cases is not None:
                    seconds = statistics.median(t[1] for t in cases["first visitor"])
                    verdicts.append(verdict(f"{count} sources, whole overview to the first visitor {label}",
                                            seconds, TARGET_S))  # fmt: skip
            print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        browser.close()
    print(f"\nload average {os.getloadavg()[0]:.1f}")
    for line in verdicts:
        print(line)


if __name__ == "__main__":
    main()
