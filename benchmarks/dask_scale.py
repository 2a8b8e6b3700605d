"""The Dask engine on 1 and on 2 workers (issue #11): time, speed-up, and the same results.

Writes N real-text copies (benchmarks/copies.py, 5,000 by default) to a temporary
folder, reads them once, then runs the Dask engine's analysis on a LocalCluster of
1 worker and of 2 workers (separate processes, one thread each), the parse cache
off (parsing is timed, not the cache). Prints, for each: the wall time of the whole
run (cluster start excluded, workers loading spaCy included), its phases, and the
per-document rate; then the speed-up of 2 workers over 1 (target >= 1.7) and
whether both gave the same groups and relations. --local also runs the local
engine (one process, RASHOMON_JOBS=1) and checks the Dask results equal it.

    .venv/bin/python benchmarks/dask_scale.py [--docs 5000] [--local] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.copies import write_copies  # noqa: E402
from claims.actors import AliasTable  # noqa: E402
from sources.collect import collect  # noqa: E402
from workspace.dask_engine import DaskOptions, analyse_on_cluster, connect  # noqa: E402
from workspace.pipeline import analyse  # noqa: E402

TARGET = 1.7


def run_dask(sources, workers: int):
    """(wall seconds, phases, CPU seconds of each worker and of this process, result)."""
    phases: dict[str, float] = {}
    with connect(DaskOptions(workers=workers, threads=1, processes=True)) as client:
        before, mine = client.run(time.process_time), time.process_time()
        start = time.perf_counter()
        claims, groups, relations, _pipeline = analyse_on_cluster(sources, AliasTable(), client, phases=phases)
        elapsed = time.perf_counter() - start
        after = client.run(time.process_time)
    cpu = sorted(after[w] - before[w] for w in after)
    return elapsed, phases, (cpu, time.process_time() - mine), (claims, groups, relations)


def run_local(sources):
    start = time.perf_counter()
    report = analyse(sources)
    return time.perf_counter() - start, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000, help="real-text copies (default 5,000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="cluster sizes to time")
    parser.add_argument("--local", action="store_true", help="also time the local engine and compare results")
    args = parser.parse_args(argv)
    os.environ["RASHOMON_CACHE"] = "off"  # parsing is what is spread: time it, not the cache
    os.environ["RASHOMON_JOBS"] = "1"  # the local engine in one process, like one Dask worker
    with tempfile.TemporaryDirectory(prefix="rashomon_dask_") as tmp:
        folder = write_copies(Path(tmp) / "corpus", args.docs)
        collected = collect([folder])
        assert not collected.errors, [e.line() for e in collected.errors]
        sources = collected.sources
    print(f"corpus: {len(sources)} documents, {sum(len(s.text) for s in sources):,} characters; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)  # fmt: skip
    results = {}
    times = {}
    for workers in args.workers:
        elapsed, phases, (cpu, client_cpu), result = run_dask(sources, workers)
        times[workers], results[workers] = elapsed, result
        claims, groups, relations = result
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
        print(f"{workers} worker(s): {elapsed:8.1f} s  ({len(sources) / elapsed:.1f} documents/s, "
              f"{1000 * elapsed / len(sources):.0f} ms per document; {steps})", flush=True)  # fmt: skip
        # CPU time does not grow when other processes take the cores: how evenly the work was split
        print(f"  CPU seconds: workers {', '.join(f'{c:.1f}' for c in cpu)} (sum {sum(cpu):.1f}), "
              f"this process {client_cpu:.1f}", flush=True)  # fmt: skip
        print(f"  {len(claims)} claims, {len(groups)} groups, {len(relations)} relations; "
              f"load average now {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    if 1 in times and 2 in times:
        speedup = times[1] / times[2]
        print(
            f"speed-up 2 workers / 1: {speedup:.2f}  (target >= {TARGET}: {'met' if speedup >= TARGET else 'NOT met'})"
        )
    first = results[args.workers[0]]
    same = all(result[1:] == first[1:] and result[0] == first[0] for result in results.values())
    print(f"same claims, groups and relations on every cluster size: {same}")
    if args.local:
        elapsed, report = run_local(sources)
        print(f"local engine, one process: {elapsed:.1f} s")
        claims, groups, relations = first
        equal = (report.groups, report.relations) == (groups, relations)
        print(f"Dask groups and relations equal the local engine's: {equal}")
        same = same and equal
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
