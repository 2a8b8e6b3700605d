"""Shared pieces of the workspace store tests (issue #3): a fresh workspace file and small records."""

from __future__ import annotations

from pathlib import Path

from analysis.models import CountSummary, Group
from claims.models import Claim, Count
from sources.models import Source, text_sha256
from workspace.pipeline import claim_terms
from workspace.store import AddResult, Workspace

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("workspace_child.py")
PIPELINE = "test-1"


def put(ws: Workspace, source_id: str, claims: list[Claim], pipeline: str, **kw: str) -> None:
    """Store claims with the blocking keys `analyse` computes for them."""
    ws.replace_claims(source_id, claims, pipeline, terms=claim_terms(claims), **kw)


def add_all(ws: Workspace, sources: list[Source]) -> list[AddResult]:
    """One transaction per source, as `rashomon add` does."""
    return [ws.add_source(source) for source in sources]


def make_source(name: str, text: str | None = None, **meta) -> Source:
    text = text if text is not None else f"The text of {name}: 12 people were killed."
    meta.setdefault("origin", f"/corpus/{name}")  # as a file read from /corpus would be (issue #10)
    return Source(id="placeholder", name=name, text=text, sha256=text_sha256(text), **meta)


def make_claim(source_id: str, number: int, low: int = 12) -> Claim:
    return Claim(
        id=f"{source_id}-c{number}",
        source_id=source_id,
        kind="casualties",
        quote=f"{low} people",
        sentence=f"{low} people were killed.",
        start=number * 10,
        end=number * 10 + 9,
        sentence_start=0,
        value=Count(low=low, high=low, text=str(low)),
    )


def make_group(group_id: str, claim_ids: list[str], status: str = "contested") -> Group:
    summary = CountSummary(low=10, best=12, high=15, low_sources=["s1"])
    return Group(id=group_id, kind="casualties", topic="killed", claim_ids=claim_ids, status=status, summary=summary)
