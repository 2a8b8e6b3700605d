"""Time and peak memory of `compare` on one long text (issue #10): flat memory, linear time.

For each size, writes one text of that many characters (the demo articles
repeated, each repetition with a distinct first line: benchmarks/copies.py) to
a temporary folder and runs, in a fresh process, what `rashomon compare FILE
--json OUT` runs (read, parse in pieces, extract, align, compare, write the
JSON report). The parent samples the resident memory of that process and its
children every 0.1 s and prints the peak next to the wall time, the time per
MB and the claims found.

    .venv/bin/python benchmarks/long_docs.py            # 0.1, 1 and 5 MB
    .venv/bin/python benchmarks/long_docs.py --20mb     # also 20 MB (about ten minutes on 2 cores)
    .venv/bin/python benchmarks/long_docs.py --sizes 0.5 2

Targets: peak memory under 1.5 GB at 20 MB, time per MB about constant.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_PEAK_MB = 1500
MB = 1_000_000


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (0 once it is gone)."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += _rss_kb(int(child))
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return total


def child(size: float, folder: Path) -> None:
    """Run in the measured process: write the text, then compare it (the model load is timed apart)."""
    from benchmarks.copies import long_text
    from claims.nlp import load_nlp
    from workspace.pipeline import analyse_paths, write_report

    text = long_text(int(size * MB))
    path = folder / f"long_{size}mb.txt"
    path.write_text(text, encoding="utf-8")
    del text
    nlp = load_nlp()
    start = time.perf_counter()
    report = analyse_paths([path], nlp=nlp)
    write_report(report, "json", folder / "report.json")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "chars": path.stat().st_size, "claims": len(report.claims),
                      "groups": len(report.groups)}))  # fmt: skip


def measure(size: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="rashomon_long_") as tmp:
        cmd = [sys.executable, __file__, "--child", str(size), "--folder", tmp]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _rss_kb(proc.pid))
            time.sleep(0.1)
        out = proc.stdout.read() if proc.stdout else ""
        if proc.returncode != 0:
            raise SystemExit(f"{size} MB: the run failed (exit {proc.returncode})")
        found = json.loads(out.strip().splitlines()[-1])
        found["peak_mb"] = peak / 1000
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 5], help="text sizes in MB")
    parser.add_argument("--20mb", dest="twenty", action="store_true", help="also run the 20 MB text")
    parser.add_argument("--child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.folder)
        return 0
    sizes = args.sizes + ([20.0] if args.twenty and 20.0 not in args.sizes else [])
    print(
        f"{'size':>8} {'seconds':>9} {'s per MB':>9} {'peak MB':>8} {'claims':>8}  (peak target < {TARGET_PEAK_MB} MB)"
    )
    worst = 0.0
    for size in sizes:
        r = measure(size)
        worst = max(worst, r["peak_mb"])
        mb = r["chars"] / MB
        print(f"{mb:7.2f}M {r['seconds']:9.1f} {r['seconds'] / mb:9.1f} {r['peak_mb']:8.0f} {r['claims']:8d}",
              flush=True)  # fmt: skip
    print(f"peak memory {worst:.0f} MB: {'met' if worst < TARGET_PEAK_MB else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
