"""One claim count everywhere (issue #10): the CLI said 117 claims where the dashboard and exports said 114.

The count is the claims the report lists, a source's restatements of one
figure folded into the claim they repeat; where folding merged some, every
face says how many. Run on the demo corpus, which has restatements.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cli
from analysis.counts import claims_phrase, report_claims
from workspace.pipeline import workspace_report
from workspace.store import Workspace

DEMO = Path(__file__).resolve().parents[1] / "demo"


@pytest.mark.parametrize(
    ("claims", "folded", "said"),
    [(114, 3, "114 claims (3 restatements folded)"), (1, 0, "1 claim"), (2, 1, "2 claims (1 restatement folded)"),
     (0, 0, "0 claims"), (1204, 0, "1,204 claims")],
)  # fmt: skip
def test_claims_phrase(claims: int, folded: int, said: str):
    assert claims_phrase(claims, folded) == said


def run(*args: str):
    result = CliRunner().invoke(cli.app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.slow
def test_every_face_gives_the_same_claim_count(tmp_path: Path):
    ws = str(tmp_path / "ws.db")
    analysed = run("add", str(DEMO), "--analyse", "-w", ws).stdout
    with Workspace.open(Path(ws)) as opened:
        claims, folded = report_claims(workspace_report(opened))  # what the dashboard header shows
    assert folded > 0, "the demo corpus restates figures: this test needs some folded"
    said = claims_phrase(claims, folded)
    assert f", {said}, " in analysed
    assert f", {said} (" in run("status", "-w", ws).stdout
    status = json.loads(run("status", "--json", "-w", ws).stdout)
    assert (status["claims"], status["folded"]) == (claims, folded)
    listed = json.loads(run("list", "--json", "-w", ws).stdout)["sources"]
    assert (sum(s["claims"] for s in listed), sum(s["folded"] for s in listed)) == (claims, folded)
    assert f"4 sources, {said}" in run("list", "-w", ws).stderr
    exported = json.loads(run("export", "-f", "json", "-w", ws).stdout)
    assert len(exported["claims"]) == claims
    assert f"**{claims}** claims ({folded} restatements folded)" in run("export", "-f", "md", "-w", ws).stdout
    html = run("export", "-f", "html", "-w", ws).stdout
    assert re.search(rf"<b>{claims}</b> claims \({folded} restatements? folded\)", html)
    out = tmp_path / "compare.json"
    compared = run("compare", str(DEMO), "--json", str(out))
    assert f"4 sources, {said}, " in compared.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["claims"]) == claims
