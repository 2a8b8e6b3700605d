"""Does adding one source to a big workspace cost about as much as analysing that source alone? (issues #3, #11)

Builds a workspace of N synthetic sources (benchmarks/workspace_corpus.py) in
a temporary folder and analyses it fully, then, for a few more sources, one
at a time, times the path a user takes (issue #11), through the CLI's own
functions in this process (spaCy loaded once, as for both sides):
`rashomon add FILE -w WS` + `rashomon analyse -w WS`, against
`rashomon compare FILE --md OUT` of the same file on its own. Prints both, and
their ratio, against the target of 2: re-alignment must not rescan the corpus.

    .venv/bin/python benchmarks/incremental.py [--sources 1000] [--rounds 7] [--keep DIR] [--processes] [--copies]
                                               [--overview]

--copies: the workspace holds real-text reprints of the demo's four accounts
(benchmarks/copies.py), and each new source is one more reprint (issue #11).

--overview: each command gets a cache folder of its own, empty (so no parse is
reused, as with the cache off), instead of no cache at all: `rashomon analyse`
then keeps the dashboard's overview of the workspace, in a process of its own
that runs on while the next commands are timed (issue #11).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from typer.testing import CliRunner  # noqa: E402

from benchmarks.copies import copies  # noqa: E402
from benchmarks.workspace_corpus import generate, write_sources  # noqa: E402
from claims.nlp import load_nlp  # noqa: E402
from cli import app  # noqa: E402
from sources.collect import collect  # noqa: E402
from workspace.ingest import ingest_paths  # noqa: E402
from workspace.pipeline import analyse, analyse_workspace, workspace_report  # noqa: E402
from workspace.store import Workspace  # noqa: E402

TARGET = 2.0


def _every(step: int, label: str):
    started = time.perf_counter()

    def tick(done: int, total: int, source) -> None:
        if done % step == 0 or done == total:
            print(f"  {label} {done}/{total} ({time.perf_counter() - started:.0f} s)", flush=True)

    return tick


def build(folder: Path, count: int, rounds: int, nlp, reprints: bool = False) -> tuple[Workspace, list[Path]]:
    """The workspace of `count` sources, analysed, and `rounds` more to add; with `reprints`, copies of
    the demo's articles (benchmarks/copies.py: many sources printing the same statements, issue #11)."""
    items = copies(count + rounds) if reprints else generate(count + rounds, seed=7)
    write_sources(folder / "corpus", items[:count])
    extra = write_sources(folder / "extra", items[count:])
    ws = Workspace(folder / "workspace.db")
    started = time.perf_counter()
    results, errors = ingest_paths(ws, [folder / "corpus"], progress=_every(250, "added"))
    assert not errors, errors
    print(f"added {len(results)} sources in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    done = analyse_workspace(ws, nlp=nlp, progress=_every(100, "extracted"))
    stats = ws.stats()
    print(f"analysed ({done.mode}) in {time.perf_counter() - started:.1f} s: {stats['claims']} claims, "
          f"{stats['groups']} facts, {stats['relations']} relations", flush=True)  # fmt: skip
    return ws, extra


def _cpu() -> float:
    """CPU seconds of this process and of the commands it ran and waited for (--processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Clock:
    """Wall time (what a user waits) and CPU time (what the machine's other load does not change)."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu


SEPARATE = {"processes": False}  # --processes: each command a process of its own, as typed in a terminal
CACHES: dict[str, Path | None] = {"under": None}  # --overview: each command's own empty cache folder, in here


def _cli(*args: str) -> str:
    """`rashomon ARGS` through the CLI's functions in this process (or, with --processes, as a
    command of its own: Python, imports and spaCy loaded each time); its output, or an error."""
    if CACHES["under"] is not None:
        os.environ["RASHOMON_CACHE"] = tempfile.mkdtemp(prefix="cache-", dir=CACHES["under"])
    if SEPARATE["processes"]:
        root = str(Path(__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        done = subprocess.run([sys.executable, "-m", "cli", *args], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"rashomon {' '.join(args)} failed ({done.returncode}): {done.stderr}")
        return done.stdout + done.stderr
    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        raise RuntimeError(f"rashomon {' '.join(args)} failed ({result.exit_code}): {result.output}")
    return result.output


def one_round(ws_path: Path, path: Path, out: Path, alone_first: bool) -> tuple[_Clock, _Clock, str]:
    """(rashomon add + rashomon analyse in the workspace, rashomon compare alone) for one new source.

    The order alternates between rounds, so that neither side always runs on warmer caches.
    """

    def alone() -> _Clock:
        with _Clock() as clock:
            _cli("compare", str(path), "--md", str(out))
        return clock

    first = alone() if alone_first else None
    with _Clock() as in_workspace:
        added = _cli("add", str(path), "-w", str(ws_path))
        analysed = _cli("analyse", "-w", str(ws_path))
    assert "added" in added, added
    second = first or alone()
    how = next((line for line in analysed.splitlines() if line.startswith("re-aligned")), analysed.strip())
    return in_workspace, second, how


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000, help="sources in the workspace first")
    parser.add_argument("--rounds", type=int, default=7, help="new sources timed one after another")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--copies", action="store_true",
                        help="real-text reprints (benchmarks/copies.py) instead of different synthetic sources")  # fmt: skip
    parser.add_argument("--overview", action="store_true",
                        help="an empty cache folder per command: analyse keeps the dashboard's overview")  # fmt: skip
    parser.add_argument("--processes", action="store_true",
                        help="run each command as a process of its own (start-up and spaCy loading included)")  # fmt: skip
    args = parser.parse_args()
    SEPARATE["processes"] = args.processes
    os.environ["RASHOMON_CACHE"] = "off"  # both sides parse the new text: a cached parse would favour the second
    nlp = load_nlp()
    analyse(collect([Path(__file__).resolve().parents[1] / "demo"]).sources, nlp=nlp)  # warm spaCy up
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        ws, extra = build(folder, args.sources, args.rounds, nlp, reprints=args.copies)
        ws.close()  # the commands open it themselves, as a user's would
        if args.overview:
            CACHES["under"] = Path(tempfile.mkdtemp(prefix="caches-", dir=scratch))
        timings = []
        for n, path in enumerate(extra):
            in_workspace, alone, how = one_round(folder / "workspace.db", path, folder / "alone.md",
                                                 alone_first=n % 2 == 1)  # fmt: skip
            timings.append((in_workspace, alone))
            print(f"{path.name}: rashomon add + analyse in the workspace {in_workspace.wall:.3f} s, rashomon compare"
                  f" alone {alone.wall:.3f} s, ratio {in_workspace.wall / alone.wall:.2f}"
                  f" (CPU {in_workspace.cpu / alone.cpu:.2f}; {how})", flush=True)  # fmt: skip
        os.environ["RASHOMON_CACHE"] = "off"
        with Workspace(folder / "workspace.db") as ws, _Clock() as loading:
            workspace_report(ws)
    print(
        f"\nworkspace of {args.sources} {'reprints' if args.copies else 'sources'}; median of {len(timings)} new sources;"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        f"{'; the overview kept by each analysis' if args.overview else ''}"
    )
    for label, pick in (("wall", lambda c: c.wall), ("CPU", lambda c: c.cpu)):
        in_workspace = statistics.median(pick(t) for t, _ in timings)
        alone = statistics.median(pick(a) for _, a in timings)
        ratio = in_workspace / alone
        print(f"{label:4s} rashomon add + analyse of one new source in the workspace: {in_workspace:.3f} s;"
              f" rashomon compare of that source alone: {alone:.3f} s; ratio {ratio:.2f}"
              f" (target <= {TARGET:g}: {'met' if ratio <= TARGET else 'NOT met'})")  # fmt: skip
    total = sum(t.wall for t, _ in timings) / sum(a.wall for _, a in timings)
    print(f"all {len(timings)} new sources together: ratio {total:.2f}")
    print(f"(loading the whole report afterwards, as `export` does: {loading.wall:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
