"""Groups of aligned claims, relations between them, and the report that holds all."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from claims.models import Claim, Kind, Reviewed
from sources.models import Source

# "update": a later count supersedes an earlier one; only a person sets it (issue #9), scored like unclear.
RelationKind = Literal["agree", "contradict", "different_scope", "unclear", "update"]
Status = Literal["agree", "contested", "single"]


class Relation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    claim_a: str
    claim_b: str
    relation: RelationKind
    reason: str
    confidence: float | None = Field(default=None, description="how sure the machine is of its verdict, 0-1 (issue #9)")
    category: str | None = Field(default=None, description="the kind of evidence: same figure, far apart, ...")
    reviewed: Reviewed | None = None
    # Issue #11: copies of one statement in many sources are compared once. A relation whose claims
    # are printed by other sources too names them here, and its verdict holds for every pair of a
    # claim of [claim_a, *also_a] and a claim of [claim_b, *also_b] from different sources (each
    # pair once; the two lists are the same claims when both sides state one statement). Empty,
    # and left out of the JSON, when no claim of the pair is repeated: see analysis.relate.relation_pairs.
    also_a: list[str] = Field(default_factory=list, description="claims stating exactly what claim_a states")
    also_b: list[str] = Field(default_factory=list, description="claims stating exactly what claim_b states")


class RelationRow(NamedTuple):
    """A stored relation as the overview's fact digests read it (analysis.fact_digest), without the model:
    validating 250,000 relations took 2.5 s of the 4 s a 1,000-source overview took (issue #11)."""

    claim_a: str
    claim_b: str
    relation: str
    reason: str
    confidence: float | None
    category: str | None
    also_a: list[str]
    also_b: list[str]


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
    reviewed: Reviewed | None = None


class DecisionState(BaseModel):
    """One review decision as it applied to this analysis (issue #9): applied, orphaned or not applicable."""

    model_config = ConfigDict(extra="forbid")

    id: int
    action: str
    status: Literal["applied", "orphaned", "not applicable"]
    target: str = Field(description="what it is about, in words: the source and the quoted text")
    detail: str = ""
    note: str = ""
    reviewer: str | None = None
    at: datetime | None = None
    claim_ids: list[str] = Field(default_factory=list, description="the claims it applies to now")


class ReviewState(BaseModel):
    """The person's layer over the machine's analysis: every decision, and the claims they rejected."""

    model_config = ConfigDict(extra="forbid")

    decisions: list[DecisionState] = Field(default_factory=list)
    rejected: list[Claim] = Field(default_factory=list, description="claims a person rejected: not in `claims`")

    @property
    def orphaned(self) -> list[DecisionState]:
        return [d for d in self.decisions if d.status == "orphaned"]


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
    review: ReviewState | None = Field(default=None, description="the review decisions applied (issue #9)")
