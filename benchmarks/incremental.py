"""Does adding one source to a big workspace cost about as much as analysing that source alone? (issue #3)

Builds a workspace of N synthetic sources (benchmarks/workspace_corpus.py) in
a temporary folder and analyses it fully, then, for a few more sources, one
at a time: times `add` + `analyse` of that source in the workspace, and
`analyse([source])` of the same source on its own. Prints both, and their
ratio, against the target of 2: re-alignment must not rescan the corpus.

    .venv/bin/python benchmarks/incremental.py [--sources 1000] [--rounds 7] [--keep DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from workspace.pipeline import workspace_report  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.workspace_corpus import generate, write_sources  # noqa: E402
from claims.nlp import load_nlp  # noqa: E402
from sources.collect import collect  # noqa: E402
from workspace.ingest import ingest_paths  # noqa: E402
from workspace.pipeline import (
    analyse,  # noqa: E402
    analyse_workspace,  # noqa: E402
)
from workspace.store import Workspace  # noqa: E402

TARGET = 2.0


def _every(step: int, label: str):
    started = time.perf_counter()

    def tick(done: int, total: int, source) -> None:
        if done % step == 0 or done == total:
            print(f"  {label} {done}/{total} ({time.perf_counter() - started:.0f} s)", flush=True)

    return tick


def build(folder: Path, count: int, rounds: int, nlp) -> tuple[Workspace, list[Path]]:
    items = generate(count + rounds, seed=7)
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


class _Clock:
    """Wall time (what a user waits) and this process's CPU time (what the machine's other load does not change)."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def one_round(ws: Workspace, path: Path, nlp, alone_first: bool) -> tuple[_Clock, _Clock, str]:
    """(add + analyse in the workspace, analyse alone) for one new source.

    The order alternates between rounds, so that neither side always runs on warmer caches.
    """
    source = collect([path]).sources[0]

    def alone() -> _Clock:
        with _Clock() as clock:
            analyse([source], nlp=nlp)
        return clock

    first = alone() if alone_first else None
    with _Clock() as in_workspace:
        results, _ = ingest_paths(ws, [path])
        done = analyse_workspace(ws, nlp=nlp)
    assert results[0].status == "added" and done.extracted == 1
    second = first or alone()
    r = done.realigned
    how = done.mode if r is None else f"{done.mode}: {r.new_claims} claims, {r.joined} joined, {r.touched_groups} facts"
    return in_workspace, second, how


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=1000, help="sources in the workspace first")
    parser.add_argument("--rounds", type=int, default=7, help="new sources timed one after another")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    nlp = load_nlp()
    analyse(collect([Path(__file__).resolve().parents[1] / "demo"]).sources, nlp=nlp)  # warm spaCy up
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        ws, extra = build(folder, args.sources, args.rounds, nlp)
        with ws:
            timings = []
            for n, path in enumerate(extra):
                in_workspace, alone, how = one_round(ws, path, nlp, alone_first=n % 2 == 1)
                timings.append((in_workspace, alone))
                print(f"{path.name}: add+analyse in the workspace {in_workspace.wall:.3f} s, analyse alone"
                      f" {alone.wall:.3f} s, ratio {in_workspace.wall / alone.wall:.2f}"
                      f" (CPU {in_workspace.cpu / alone.cpu:.2f}; {how})", flush=True)  # fmt: skip
            with _Clock() as loading:
                workspace_report(ws)
    print(f"\nworkspace of {args.sources} sources; median of {len(timings)} new sources")
    for label, pick in (("wall", lambda c: c.wall), ("CPU", lambda c: c.cpu)):
        in_workspace = statistics.median(pick(t) for t, _ in timings)
        alone = statistics.median(pick(a) for _, a in timings)
        ratio = in_workspace / alone
        print(f"{label:4s} add + analyse one new source in the workspace: {in_workspace:.3f} s;"
              f" analyse that source alone: {alone:.3f} s; ratio {ratio:.2f}"
              f" (target <= {TARGET:g}: {'met' if ratio <= TARGET else 'NOT met'})")  # fmt: skip
    total = sum(t.wall for t, _ in timings) / sum(a.wall for _, a in timings)
    print(f"all {len(timings)} new sources together: ratio {total:.2f}")
    print(f"(loading the whole report afterwards, as `export` does: {loading.wall:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
