"""Probe corpora of real events in our own words (tests/probes/, issue #8): accounts that do not
contradict each other must give no contradiction, since a false alarm costs a user more than a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.nlp import load_nlp
from workspace.pipeline import analyse_paths

PROBES = Path(__file__).with_name("probes")
# Misreadings these probes found that are not fixed yet: strict, so a fix shows up here.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _cases() -> list:
    cases = []
    for folder in sorted(p for p in PROBES.iterdir() if p.is_dir()):
        marks = [pytest.mark.xfail(strict=True, reason=f"bug: {KNOWN[folder.name]}")] if folder.name in KNOWN else []
        cases.append(pytest.param(folder, id=folder.name, marks=marks))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize("folder", _cases())
def test_probes_consistent_accounts_give_no_contradiction(folder: Path, nlp):
    report = analyse_paths([folder], nlp=nlp)
    claims = {c.id: c for c in report.claims}
    found = [
        f"{claims[r.claim_a].quote!r} / {claims[r.claim_b].quote!r}: {r.reason}"
        for r in report.relations
        if r.relation == "contradict"
    ]
    assert len(report.sources) >= 3 and len(report.claims) >= 5
    assert not found, "\n".join(found)
