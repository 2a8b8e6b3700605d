"""The overview of a workspace's analysis from the facts' kept digests (issue #11).

`analysis.overview.overview_of` builds the overview from the whole report: a
1,000-source workspace's 250,000 relations read as models, then passed over
again and again (about 4 s). What the overview shows is a sum over facts
(analysis.fact_digest), so the workspace keeps each fact's digest
(workspace.digest_store) and this module reads the light parts of the
analysis (sources, facts, each claim's source) with the kept digests, and
computes the digests of the facts changed since from their own claims and
relations only. After `rashomon add` + `analyse` of one source, that is a few
facts of hundreds. The result is the very overview `overview_of` gives
(tests/test_fact_digests.py).

Review decisions in force change facts, claims and verdicts as the report lays
them over the analysis (workspace.review). A decision reaches only the facts of
the sources it names (each decision is anchored on a claim's text), so those
facts alone are read whole and reviewed (`_Reviewed`); every other fact keeps
its machine digest. One rejected claim in a 1,000-source workspace read the
whole report and took 10 s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.counts import ReportCounts, folded_count
from analysis.fact_digest import FactDigest, digest_of
from analysis.models import Report
from analysis.overview import OverviewData, OverviewParts, assemble, digests_of
from analysis.relate import presented
from analysis.review import Decision, apply_review
from analysis.review_queue import reviewed_facts
from analysis.views import Index
from sources.language import language_warnings

if TYPE_CHECKING:
    from analysis.models import Group
    from claims.models import Claim
    from sources.models import Source
    from workspace.store import Workspace


@dataclass(frozen=True)
class _Reviewed:
    """The facts review decisions reach, reviewed: those of the sources the decisions name, with every
    claim and relation of theirs (`before`: their ids in the machine's analysis)."""

    before: set[str]
    report: Report  # the reviewed facts only (sources: all of them)
    index: Index

    @classmethod
    def of(cls, ws: Workspace, sources: list[Source], machine: list[Group], decisions: list[Decision],
           claim_sources: dict[str, str]) -> _Reviewed:  # fmt: skip
        order = {cid: n for n, cid in enumerate(claim_sources)}
        named = {a.sha256 for d in decisions for a in (d.claim, d.other) if a is not None}
        source_ids = [s.id for s in sources if s.sha256 in named]
        before = set(ws.groups_of_sources(source_ids))
        groups = [g for g in machine if g.id in before]
        every = {c.id: c for members in ws.group_claims(before).values() for c in members}
        every |= {c.id: c for c in ws.claims_of_sources(source_ids)}
        ranked = sorted(every.values(), key=lambda c: order.get(c.id, len(order)))  # report order
        relations = [r for rels in ws.group_relations(before).values() for r in rels]
        from workspace.pipeline import alias_table  # the pipeline's imports only when decisions are in force

        done = apply_review(sources, presented(ranked, groups), groups, relations, decisions, alias_table(ws),
                            every_claim=ranked)  # fmt: skip
        report = Report.model_construct(sources=sources, claims=done.claims, groups=done.groups,
                                        relations=done.relations, errors=[], review=done.state)  # fmt: skip
        return cls(before, report, Index(report))

    def groups(self, machine: list[Group]) -> list[Group]:
        """The facts in report order: the reviewed in place of the machine's (gone when emptied), new ones last."""
        reviewed = {g.id: g for g in self.report.groups}
        kept = [reviewed.get(g.id) if g.id in self.before else g for g in machine]
        known = {g.id for g in machine}
        return [g for g in kept if g is not None] + [g for g in self.report.groups if g.id not in known]

    def digests(self, claim_sources: dict[str, str]) -> dict[str, FactDigest]:
        """The reviewed facts' digests (`claim_sources`: every claim shown -> its source)."""
        return digests_of(self.report.groups, self.index, claim_sources)

    def claim_sources(self, machine: dict[str, str]) -> dict[str, str]:
        """Every claim shown -> its source: the rejected gone, those a person added in."""
        review = self.report.review
        rejected = {c.id for c in review.rejected} if review is not None else set()
        added = {cid: sid for cid, sid in self.index.source_ids.items() if cid not in machine}
        return {cid: sid for cid, sid in machine.items() if cid not in rejected} | added


def overview_from_digests(ws: Workspace) -> OverviewData:
    """The overview of the workspace's analysis, from its kept fact digests and those of the facts changed
    since (which it keeps); the facts review decisions reach are reviewed and digested anew (not kept)."""
    decisions = [Decision.from_row(row) for row in ws.reviews(include_undone=False)]
    with ws._read():  # one snapshot: the digests kept and the facts they describe
        generation = ws.analysis_generation()
        sources = ws.list_sources()
        groups = ws.groups()
        claim_sources = ws.claim_sources()
        reviewed = _Reviewed.of(ws, sources, groups, decisions, claim_sources) if decisions else None
        touched = reviewed.before if reviewed is not None else set()
        digests = _kept(ws.fact_digests(), {g.id for g in groups})
        missing = [g for g in groups if g.id not in digests and g.id not in touched]
        if missing:
            ids = [g.id for g in missing]
            relations, claims = ws.relation_rows(ids), ws.group_claims(ids)
    if missing:
        new = {
            g.id: digest_of(g, _shown(g, claims.get(g.id, [])), relations.get(g.id, []), claim_sources) for g in missing
        }
        ws.keep_digests(((gid, d.to_json()) for gid, d in new.items()), generation)
        digests |= new
    done: set[str] = set()
    if reviewed is not None:
        groups, claim_sources = reviewed.groups(groups), reviewed.claim_sources(claim_sources)
        digests = {gid: d for gid, d in digests.items() if gid not in touched} | reviewed.digests(claim_sources)
        done = reviewed_facts(reviewed.report)
    counts = ReportCounts(len(sources), len(claim_sources), folded_count(groups), len(groups),
                          sum(g.status == "contested" for g in groups))  # fmt: skip
    parts = OverviewParts(sources, groups, claim_sources, digests, counts, language_warnings(sources), done)
    by_id = {g.id: g for g in groups}

    def claims_of(group_ids: Iterable[str]) -> dict[str, Claim]:
        asked = list(group_ids)
        found = ws.group_claims(gid for gid in asked if gid not in touched)
        shown = {c.id: c for gid, members in found.items() for c in _shown(by_id[gid], members)}
        return shown | (reviewed.index.claims if reviewed is not None else {})

    return assemble(parts, claims_of)


def _kept(stored: dict[str, str], groups: set[str]) -> dict[str, FactDigest]:
    """The kept digests of these facts that this code can read."""
    found = {gid: FactDigest.from_json(text) for gid, text in stored.items() if gid in groups}
    return {gid: digest for gid, digest in found.items() if digest is not None}


def _shown(group: Group, members: list[Claim]) -> list[Claim]:
    """A fact's claims as the report shows them (restatements folded, yearless dates placed), in its order."""
    shown = {c.id: c for c in presented(members, [group])}
    return [shown[cid] for cid in group.claim_ids if cid in shown]
