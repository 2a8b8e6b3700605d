"""Groups of aligned claims, relations between them, and the report that holds all."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claims.models import Claim, Kind
from sources.models import Source

RelationKind = Literal["agree", "contradict", "different_scope", "unclear"]
Status = Literal["agree", "contested", "single"]


class Relation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claim_a: str
    claim_b: str
    relation: RelationKind
    reason: str


class CountSummary(BaseModel):
    """Low / best / high across sources, in the manner of UCDP, with who says each."""

    model_config = ConfigDict(extra="forbid")

    low: int | None
    best: int | None
    high: int | None
    low_sources: list[str] = Field(default_factory=list)
    best_sources: list[str] = Field(default_factory=list)
    high_sources: list[str] = Field(default_factory=list)


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Kind
    topic: str
    claim_ids: list[str]
    status: Status
    summary: CountSummary | None = None
    repeats: dict[str, str] = Field(
        default_factory=dict, description="claim id -> the member it repeats (same source, same value): folded in"
    )


class Report(BaseModel):
    """Everything one analysis produced: the input of every export and of the dashboard."""

    model_config = ConfigDict(extra="forbid")

    sources: list[Source]
    claims: list[Claim]
    groups: list[Group]
    relations: list[Relation]
    errors: list[str] = Field(default_factory=list, description="one line per input that could not be read")
    pipeline: str = ""
    generated: datetime | None = None
