"""What one fact adds to the overview, read from that fact alone (issue #11). Pure.

The overview (analysis.overview) shows each claim's status, which sources
contradict whom, the most contested facts and the review queue. Every one of
those is a sum over facts of something read from one fact's own claims and
relations: the worst status each claim's relations give it, the worst
relation between each two sources, the contradicting pairs and the first
one's reason, the queue's score. A `FactDigest` holds that much of one fact.
The workspace keeps one per fact and computes anew only those of the facts an
analysis changed: a 1,000-source workspace holds 250,000 relations, and adding
one source to it changes the relations of a few facts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analysis import heatmap, views
from analysis.models import Group, Relation, RelationRow
from analysis.report.labels import RELATION_LABELS, UNCLEAR
from analysis.review_queue import fact_reasons
from claims.models import Claim

DIGEST_FORMAT = 1  # bump when the fields or what they mean change: a kept digest of another format is computed anew


@dataclass(frozen=True)
class FactDigest:
    """One fact's share of the overview."""

    group_id: str
    statuses: dict[str, str]  # claim -> the worst status this fact's relations give it (claims with none: absent)
    pairs: list[tuple[str, str, str]]  # (source a, source b, worst status between them), each pair of sources once
    contradictions: int  # pairs of its claims that contradict (analysis.views.most_contested)
    n_sources: int
    first_contradiction: str | None  # the reason of its first contradicting pair
    queue_score: float  # the review queue's (0: not in it)
    queue_reasons: list[str]

    def to_json(self) -> str:
        # vars(), not dataclasses.asdict: asdict copies every status and pair deeply (3 s for 1,000 sources)
        return json.dumps({"format": DIGEST_FORMAT, **vars(self)}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> FactDigest | None:
        """The kept digest, or None when it is of another format or unreadable."""
        try:
            raw = json.loads(text)
            if raw.pop("format", None) != DIGEST_FORMAT:
                return None
            raw["pairs"] = [tuple(pair) for pair in raw["pairs"]]
            return cls(**raw)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None


def digest_of(group: Group, members: Sequence[Claim], relations: Sequence[Relation | RelationRow],
              source_of: Mapping[str, str]) -> FactDigest:  # fmt: skip
    """The digest of a fact from its claims as the report shows them (`members`: restatements folded), its
    relations in report order and the source of every claim they name (`source_of`)."""
    statuses: dict[str, str] = {}
    for rel in relations:
        status = RELATION_LABELS.get(rel.relation, UNCLEAR)
        side_a, side_b = views.touched(rel, source_of)
        for cid in (*side_a, *side_b):
            statuses[cid] = views.worse(statuses.get(cid), status)
    in_fact = set(group.claim_ids)
    score, reasons = fact_reasons(group, list(members), list(relations))
    return FactDigest(
        group_id=group.id,
        statuses=statuses,
        pairs=[(sa, sb, status) for (sa, sb), status in heatmap.worst_in_fact(relations, source_of).items()],
        contradictions=views.contradicting_pairs(relations, in_fact.__contains__, source_of),
        n_sources=len({c.source_id for c in members}),
        first_contradiction=views.first_contradiction_in(relations, in_fact),
        queue_score=score,
        queue_reasons=reasons,
    )
