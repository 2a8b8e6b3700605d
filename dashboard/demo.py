"""The built-in demo's analysis, computed once and shipped in demo/.analysis.json (issue #11).

The file holds the report and what the overview draws from it, so that the
demo's first visitor waits for neither.

Analysing the demo at start cost the dashboard's first paint about 2 s of
spaCy loading and extraction. The report is stored with a fingerprint of
what it was made from (the demo files, the rule data, the extractor version,
the spaCy pipeline's name and version): when any of these changes, the
dashboard analyses the demo itself again, never shows a stale one.
Changes in the code that alter the results are caught by
tests/test_demo_analysis.py, which reruns the analysis and compares.

    make demo-analysis        # = python -m dashboard.demo: rewrite the file

The file is hidden (a dot file) so that reading the demo folder as sources
(`rashomon compare demo`) passes it by, as it does any hidden file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.counts import ReportCounts
from sources.settings import settings

if TYPE_CHECKING:  # the models are built after the first paint (issue #11)
    from analysis.models import Report
    from analysis.overview import OverviewData

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "demo"
ANALYSIS = DEMO_DIR / ".analysis.json"
RULE_DATA = ROOT / "claims" / "data"


def _pipeline_package() -> str:
    """The spaCy pipeline the analysis would use, and its installed version: read from the settings,
    not claims.nlp, which imports spaCy (a second of the first paint)."""
    name = settings().spacy_model
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = "not installed"
    return f"{name}=={version}"


def fingerprint(demo_dir: Path = DEMO_DIR) -> str:
    """A hash of everything the demo's analysis is made from, except the code (see the module's note)."""
    from claims import EXTRACTOR_VERSION

    digest = hashlib.sha256()
    digest.update(f"extractor {EXTRACTOR_VERSION}\npipeline {_pipeline_package()}\n".encode())
    inputs = [(f"demo/{p.name}", p) for p in sorted(demo_dir.iterdir()) if p.is_file() and not p.name.startswith(".")]
    inputs += [(f"rules/{p.name}", p) for p in sorted(RULE_DATA.glob("*.json"))]
    for label, path in inputs:
        digest.update(f"{label}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _stored(path: Path, demo_dir: Path, part: str = "report") -> dict[str, Any] | None:
    """The shipped report (or its overview) as plain JSON, if made from the demo and rules as they are
    now; else None."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("fingerprint") != fingerprint(demo_dir):
            return None
        found = stored[part]
        return found if isinstance(found, dict) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing or damaged: analyse instead


def precomputed(path: Path = ANALYSIS, demo_dir: Path = DEMO_DIR) -> Report | None:
    """The shipped report, if it was made from the demo and rules as they are now; else None."""
    from analysis.models import Report

    stored = _stored(path, demo_dir)
    if stored is None:
        return None
    try:
        return Report.model_validate(stored)
    except ValueError:
        return None  # damaged: analyse instead


def precomputed_counts(path: Path = ANALYSIS, demo_dir: Path = DEMO_DIR) -> ReportCounts | None:
    """The overview's numbers of the shipped report, counted in its JSON without building the models
    (issue #11: the first paint); None when `precomputed` would give no report."""
    stored = _stored(path, demo_dir)
    if stored is None:
        return None
    try:
        groups = stored["groups"]
        return ReportCounts(
            sources=len(stored["sources"]),
            claims=len(stored["claims"]),  # stored folded, as analyse() gives them (analysis.counts)
            folded=sum(len(group.get("repeats") or {}) for group in groups),
            facts=len(groups),
            contested=sum(1 for group in groups if group.get("status") == "contested"),
        )
    except (KeyError, TypeError, AttributeError):
        return None


def precomputed_overview(path: Path = ANALYSIS, demo_dir: Path = DEMO_DIR) -> OverviewData | None:
    """What the overview draws below its numbers, shipped with the report: the demo's first visitor
    waits for neither the report's models nor pandas (issue #11); None when `precomputed` would give
    no report."""
    from analysis.overview import OverviewData

    stored = _stored(path, demo_dir, "overview")
    return OverviewData.from_json(json.dumps(stored)) if stored is not None else None


def analyse_demo() -> Report:
    """The demo's analysis, as the dashboard showed it when it analysed the demo at start."""
    from claims.nlp import load_nlp
    from workspace.pipeline import analyse_paths

    return analyse_paths([DEMO_DIR], nlp=load_nlp())


def comparable(report: Report) -> dict:
    """The report without its time of making: what must match for the shipped file to be current."""
    return report.model_dump(mode="json", exclude={"generated"})


def write(path: Path = ANALYSIS) -> Report:
    """Analyse the demo and store the report and its overview with their fingerprint (keys sorted: a
    clean diff)."""
    from analysis.overview import overview_of

    report = analyse_demo()
    overview = json.loads(overview_of(report).to_json())
    stored = {"fingerprint": fingerprint(), "overview": overview, "report": report.model_dump(mode="json")}
    path.write_text(json.dumps(stored, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    written = write()
    print(f"wrote {ANALYSIS.relative_to(ROOT)}: {len(written.sources)} sources, {len(written.claims)} claims, "
          f"{len(written.groups)} facts, pipeline {written.pipeline}")  # fmt: skip
