#!/usr/bin/env python3
"""Score `rashomon compare` on the project's own probe evaluation cases.

Each case is a folder eval/probe_cases/<case>/ (accounts + sources.json) with
eval/probe_cases/<case>.gold.json beside it. For every case this runs

    rashomon compare <folder> --json <tmp>/report.json --md <tmp>/report.md

(the same call as the shared score_all.py), scores the JSON report with the
shared scorer (score.py, imported from --scorer, not copied here) and prints one
row per case and a POOLED row: the counts of all cases are summed first and the
ratios computed from the sums, so a large case weighs more than a small one.

Usage, from the repository root:
  .venv/bin/python eval/score_probe_cases.py
  .venv/bin/python eval/score_probe_cases.py --keep /tmp/probe_reports --verbose
  .venv/bin/python eval/score_probe_cases.py --scorer /path/to/score.py --cases eval/probe_cases
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# (field in the scorer's result, column label): the same columns as score_all.py
COLUMNS = [
    ("claim_recall", "recall"),
    ("value_accuracy", "values"),
    ("alignment_recall", "align"),
    ("contradiction_precision", "c_prec"),
    ("contradiction_recall", "c_rec"),
    ("contradiction_f1", "c_f1"),
    ("false_alarms", "false_al"),
    ("agreement_recall", "agree_rec"),
    ("wrong_agreements", "wrong_agr"),
]


def load_scorer(path: Path):
    """Import score.py from an explicit path and return its score() function."""
    if not path.is_file():
        sys.exit(f"scorer not found: {path} (pass --scorer)")
    spec = importlib.util.spec_from_file_location("rashomon_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def find_cases(root: Path) -> list[tuple[str, Path, Path]]:
    cases = []
    for gold in sorted(root.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        if (root / name).is_dir():
            cases.append((name, root / name, gold))
    return cases


def compare(cli: Path, folder: Path, out: Path, timeout: int) -> str | None:
    """Run the analysis on one case; return an error message or None."""
    report = out / "report.json"
    cmd = [str(cli), "compare", str(folder), "--json", str(report), "--md", str(out / "report.md")]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout} s"
    if proc.returncode != 0 or not report.exists():
        lines = (proc.stderr or proc.stdout or "no output").strip().splitlines() or ["no output"]
        return f"exit {proc.returncode}: {lines[-1][:120]}"
    return None


def safe_div(num: float, den: float) -> float:
    return round(num / den, 3) if den else 0.0


def pool(results: list[dict]) -> dict:
    """Sum the raw counts over the cases, then derive every ratio from the sums."""
    counts: dict[str, int] = {}
    for r in results:
        for key, value in r["counts"].items():
            counts[key] = counts.get(key, 0) + value
    gold_claims = sum(r["gold_claims"] for r in results)
    false_alarms = sum(r["false_alarms"] for r in results)
    found = counts.get("contradictions_found", 0)
    precision = safe_div(found, found + false_alarms)
    recall = safe_div(found, counts.get("gold_contradictions", 0))
    return {
        "gold_claims": gold_claims,
        "claim_recall": safe_div(counts.get("matched_claims", 0), gold_claims),
        "value_accuracy": safe_div(counts.get("values_right", 0), counts.get("values_scored", 0)),
        "alignment_recall": safe_div(counts.get("aligned_pairs", 0), counts.get("scored_pairs", 0)),
        "contradiction_precision": precision,
        "contradiction_recall": recall,
        "contradiction_f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "false_alarms": false_alarms,
        "agreement_recall": safe_div(counts.get("agreements_found", 0), counts.get("gold_agreements", 0)),
        "wrong_agreements": sum(r["wrong_agreements"] for r in results),
        "counts": counts,
    }


def row(label: str, width: int, result: dict) -> str:
    return f"{label:<{width}}" + "".join(f"{result[key]:>10}" for key, _ in COLUMNS)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--scorer",
        type=Path,
        default=REPO.parent / "shared" / "eval" / "score.py",
        help="path of the shared score.py (default: ../shared/eval/score.py from the repository root)",
    )
    ap.add_argument(
        "--cli",
        type=Path,
        default=REPO / ".venv" / "bin" / "rashomon",
        help="the rashomon command (default: .venv/bin/rashomon in the repository)",
    )
    ap.add_argument(
        "--cases",
        type=Path,
        default=REPO / "eval" / "probe_cases",
        help="folder of <case>/ + <case>.gold.json (default: eval/probe_cases)",
    )
    ap.add_argument("--keep", type=Path, help="keep each case's report.json / report.md in this folder")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per case")
    ap.add_argument("--verbose", action="store_true", help="after the table, list missed claims and wrong relations")
    ap.add_argument("--json", action="store_true", help="print the pooled scores as one JSON line at the end")
    args = ap.parse_args()

    score = load_scorer(args.scorer.resolve())
    cases = find_cases(args.cases)
    if not cases:
        ap.error(f"no cases in {args.cases}")
    if not args.cli.exists():
        ap.error(f"{args.cli} not found: install the project into .venv, or pass --cli")

    width = max(len(name) for name, _, _ in cases) + 2
    print(f"{'case':<{width}}" + "".join(f"{label:>10}" for _, label in COLUMNS))
    results, failed, details = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, folder, gold in cases:
            out = (args.keep / name) if args.keep else Path(tmp) / name
            out.mkdir(parents=True, exist_ok=True)
            error = compare(args.cli, folder, out, args.timeout)
            if error:
                failed.append(name)
                print(f"{name:<{width}}  FAILED: {error}")
                continue
            result = score(gold, out / "report.json", verbose=args.verbose)
            results.append(result)
            print(row(name, width, result))
            if args.verbose:
                details.append((name, result))
    if results:
        pooled = pool(results)
        print(row("POOLED", width, pooled))
        for name, result in details:
            print(f"\n== {name}: missing claims: {', '.join(result.get('missing_claims', [])) or 'none'}")
            for note in result.get("notes", []):
                print(f"  - {note}")
        if args.json:
            print(json.dumps(dict(pooled, cases=len(results), failed=failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
