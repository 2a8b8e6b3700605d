"""What the report's readers look up and show, in plain Python (issues #4, #11).

The dashboard's panels and the overview kept with a workspace's analysis
(analysis/overview.py, built by the workspace when an analysis ends) read the
same look-ups: claims by id, each claim's status, short source labels, a fact's
statements and reasons, the most contested facts. They live here, below the
workspace, so both can call them; dashboard/tables.py and fact_tables.py add
the pandas frames the other panels draw. Pure: no pandas, no I/O.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.models import Group, Relation, Report
from analysis.pairs import pair_count, related_claims, relation_sides
from analysis.report.labels import ABSENT, ALONE, CONTRADICTS, RELATION_LABELS, STATUS_RANK, UNCLEAR
from claims.describe import describe_value
from claims.models import NUMERIC_KINDS, Claim
from sources.models import Source

_PUBLISHER_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
LABEL_WIDTH = 32
SOURCE_COLUMNS = ["Source", "Publisher", "Side", "Published", "Claims", "Contradicting", "File or address"]


def _rank(status: str) -> int:
    return STATUS_RANK.get(status, len(STATUS_RANK))


def worse(current: str | None, status: str) -> str:
    """The worse of a status so far (None: none yet) and another: what a claim or a pair of sources shows."""
    return status if current is None or _rank(status) < _rank(current) else current


def worst(statuses: Iterable[str]) -> str:
    """The status a cell shows when a source makes several claims on one fact."""
    return min(statuses, key=_rank, default=ABSENT)


def short_label(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def source_labels(report: Report) -> dict[str, str]:
    """A short, unique column label per source: the publisher, else the title, else the file name.

    Publisher notes in parentheses ("(invented Indian daily)") are dropped
    to keep matrix columns narrow; duplicates get their id appended.
    """
    return labels_of(report.sources)


def labels_of(sources: Sequence[Source]) -> dict[str, str]:
    """source_labels of these sources, in their order."""
    labels: dict[str, str] = {}
    for source in sources:
        publisher = _PUBLISHER_NOTE.sub("", source.publisher or "").strip()
        labels[source.id] = short_label(publisher or source.title or source.name or source.id)
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    return {sid: (f"{label} ({sid})" if counts[label] > 1 else label) for sid, label in labels.items()}


def cell_text(claim: Claim) -> str:
    """The value as the source states it, with whom a number counts ("20 (Indian soldiers)")."""
    text = describe_value(claim.value)
    if claim.scope and claim.kind in NUMERIC_KINDS:
        text += f" ({claim.scope})"
    return text


@dataclass
class Index:
    """Look-ups by id, built once per report: the panels ask these questions on every rerun."""

    report: Report
    claims: dict[str, Claim] = field(init=False)
    group_of: dict[str, str] = field(init=False)
    relations_of: dict[str, list[tuple[str, str, str]]] = field(init=False)  # claim -> (other, relation, reason)
    # group -> its relations, in report order (issue #11: a fact's reasons without a pass over all relations)
    relations_in: dict[str, list[Relation]] = field(init=False)
    source_ids: dict[str, str] = field(init=False)  # claim -> its source

    def __post_init__(self) -> None:
        self.claims = {c.id: c for c in self.report.claims}
        self.source_ids = {c.id: c.source_id for c in self.report.claims}
        self.group_of = {}
        for group in self.report.groups:
            for cid in group.claim_ids:
                self.group_of.setdefault(cid, group.id)
        self.relations_of = defaultdict(list)
        self.relations_in = defaultdict(list)
        source_of: dict[str, str] | None = None
        group_of = self.group_of
        for rel in self.report.relations:
            gid = group_of.get(rel.claim_a)
            if gid is not None:
                self.relations_in[gid].append(rel)
            if rel.also_a or rel.also_b:  # statements many sources print (issue #11): each claim once
                source_of = source_of or self.source_ids
                side_a, side_b = touched(rel, source_of)
                for mine, other in ((side_a, rel.claim_b), (side_b, rel.claim_a)):
                    for cid in mine:
                        self.relations_of[cid].append((other, rel.relation, rel.reason))
                continue
            self.relations_of[rel.claim_a].append((rel.claim_b, rel.relation, rel.reason))
            self.relations_of[rel.claim_b].append((rel.claim_a, rel.relation, rel.reason))

    def source_of(self, claim_id: str) -> str | None:
        claim = self.claims.get(claim_id)
        return claim.source_id if claim else None


def touched(rel: Relation, source_of: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The claims of each side of a relation that are in one of the pairs it stands for (issue #11)."""
    if not rel.also_a and not rel.also_b:
        return [rel.claim_a], [rel.claim_b]
    involved = related_claims(rel, source_of)
    side_a, side_b = relation_sides(rel)
    return [c for c in side_a if c in involved], [c for c in side_b if c in involved]


def claim_statuses(report: Report, index: Index | None = None) -> dict[str, str]:
    """Each claim's relation to the rest: contradicts if any pair contradicts, else agrees, ..."""
    index = index or Index(report)
    statuses: dict[str, str] = {}
    for claim in report.claims:
        # the kinds of its relations first: a claim of a large fact has thousands, of five kinds at most
        kinds = {rel for _other, rel, _reason in index.relations_of.get(claim.id, ())}
        statuses[claim.id] = worst(RELATION_LABELS.get(rel, UNCLEAR) for rel in kinds) if kinds else ALONE
    return statuses


def source_rows(report: Report, statuses: dict[str, str] | None = None) -> list[list[Any]]:
    """The overview's list of sources (SOURCE_COLUMNS), with how many claims each makes and how many contradict."""
    statuses = statuses if statuses is not None else claim_statuses(report)
    return source_rows_of(report.sources, {c.id: c.source_id for c in report.claims}, statuses)


def source_rows_of(sources: Sequence[Source], claim_sources: Mapping[str, str], statuses: Mapping[str, str]
                   ) -> list[list[Any]]:  # fmt: skip
    """source_rows from each claim's source (`claim_sources`, claim -> source) and status."""
    per_source: dict[str, list[str]] = defaultdict(list)
    for cid, source_id in claim_sources.items():
        per_source[source_id].append(statuses.get(cid, ALONE))
    return [
        [
            label,
            s.publisher or "",
            s.side or "",
            s.published.isoformat() if s.published else "",
            len(per_source[s.id]),
            sum(st == CONTRADICTS for st in per_source[s.id]),
            s.name,
        ]
        for s, label in zip(sources, labels_of(sources).values(), strict=True)
    ]


@dataclass(frozen=True)
class Contested:
    group_id: str
    topic: str
    kind: str
    contradictions: int  # pairs of claims that contradict, as the dashboard's fact frame counts them
    n_sources: int


def most_contested(report: Report, limit: int, index: Index | None = None) -> list[Contested]:
    """The `limit` facts with the most contradicting pairs, in the matrix's "most contested first" order,
    without the fact frame's search text of every claim (issue #11: the overview shows five facts of a
    thousand; the matrix builds the whole frame when opened)."""
    index = index or Index(report)
    contradictions: dict[str, int] = defaultdict(int)
    for gid, relations in index.relations_in.items():
        contradictions[gid] = contradicting_pairs(relations, lambda cid, gid=gid: index.group_of.get(cid) == gid,
                                                  index.source_ids)  # fmt: skip
    n_sources = {
        g.id: len({index.claims[c].source_id for c in g.claim_ids if c in index.claims})
        for g in report.groups
        if contradictions.get(g.id)
    }
    return ranked_contested(report.groups, contradictions, n_sources, limit)


def contradicting_pairs(relations: Iterable[Relation], member: Callable[[str], bool],
                        source_of: Mapping[str, str]) -> int:  # fmt: skip
    """The pairs of claims of a fact that contradict (each relation's claim_b one of its `member`s)."""
    return sum(pair_count(rel, source_of) for rel in relations if rel.relation == "contradict" and member(rel.claim_b))


def ranked_contested(groups: Sequence[Group], contradictions: Mapping[str, int], n_sources: Mapping[str, int],
                     limit: int) -> list[Contested]:  # fmt: skip
    """The `limit` facts with the most contradicting pairs, then the most sources, then in report order."""
    found = [
        (-contradictions[g.id], -n_sources[g.id], order, g)
        for order, g in enumerate(groups)
        if contradictions.get(g.id)
    ]
    return [Contested(g.id, g.topic, g.kind, -n, -k) for n, k, _order, g in sorted(found, key=lambda f: f[:3])[:limit]]


@dataclass(frozen=True)
class Statement:
    """One source's claim on a fact, ready to show."""

    claim_id: str
    source_id: str
    source: str
    value: str
    status: str


@dataclass(frozen=True)
class Reason:
    relation: str  # a cell status: contradicts, agrees, ...
    claim_a: str
    claim_b: str
    source_a: str
    source_b: str
    reason: str


def statements(report: Report, group_id: str, index: Index, statuses: dict[str, str]) -> list[Statement]:
    """The fact's claims in source order, as the matrix row shows them."""
    group = next((g for g in report.groups if g.id == group_id), None)
    claims = [index.claims[c] for c in (group.claim_ids if group else []) if c in index.claims]
    return statements_of(claims, report.sources, statuses)


def statements_of(claims: Iterable[Claim], sources: Sequence[Source], statuses: Mapping[str, str]) -> list[Statement]:
    """A fact's claims (in its order) as statements, in source order."""
    labels = labels_of(sources)
    order = {s.id: n for n, s in enumerate(sources)}
    return [
        Statement(c.id, c.source_id, labels.get(c.source_id, c.source_id), cell_text(c), statuses.get(c.id, ALONE))
        for c in sorted(claims, key=lambda c: order.get(c.source_id, len(order)))
    ]


def reasons(report: Report, group_id: str, index: Index) -> list[Reason]:
    """Every cross-source pair of the fact with its reason, contradictions first."""
    labels = source_labels(report)
    members = _members(report, group_id)
    found = []
    for rel in index.relations_in.get(group_id, []):
        if rel.claim_a in members and rel.claim_b in members:
            sa, sb = index.source_of(rel.claim_a) or "", index.source_of(rel.claim_b) or ""
            found.append(
                Reason(
                    RELATION_LABELS.get(rel.relation, UNCLEAR),
                    rel.claim_a,
                    rel.claim_b,
                    labels.get(sa, sa) + _others(index, sa, rel.also_a),
                    labels.get(sb, sb) + _others(index, sb, rel.also_b),
                    rel.reason,
                )
            )
    found.sort(key=lambda r: STATUS_RANK.get(r.relation, len(STATUS_RANK)))
    return found


def _members(report: Report, group_id: str) -> set[str]:
    """The ids of a fact's claims (none for an unknown fact)."""
    group = next((g for g in report.groups if g.id == group_id), None)
    return set(group.claim_ids) if group else set()


def first_contradiction_in(relations: Iterable[Relation], members: Container[str]) -> str | None:
    """The reason of the first of these relations that contradicts between two of the fact's `members`
    (the pair the fact view's reasons list first: issue #11, a card shows one reason of thousands)."""
    return next(
        (
            rel.reason
            for rel in relations
            if RELATION_LABELS.get(rel.relation, UNCLEAR) == CONTRADICTS
            and rel.claim_a in members
            and rel.claim_b in members
        ),
        None,
    )


def _others(index: Index, source: str, also: list[str]) -> str:
    """' and 1,249 other sources' when other sources print the same statement (issue #11)."""
    others = {index.source_of(c) for c in also} - {source, None}
    return f" and {len(others):,} other source{'s' if len(others) != 1 else ''}" if others else ""
