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
them over the analysis (workspace.review): then the report is read as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from analysis.counts import ReportCounts, folded_count
from analysis.fact_digest import FactDigest, digest_of
from analysis.overview import OverviewData, OverviewParts, assemble
from analysis.relate import presented
from sources.language import language_warnings

if TYPE_CHECKING:
    from analysis.models import Group
    from claims.models import Claim
    from workspace.store import Workspace


def overview_from_digests(ws: Workspace) -> OverviewData | None:
    """The overview of the workspace's analysis, from its kept fact digests and those of the facts changed
    since (which it keeps); None while review decisions are in force (read the report instead)."""
    if ws.reviews(include_undone=False):
        return None
    with ws._read():  # one snapshot: the digests kept and the facts they describe
        generation = ws.analysis_generation()
        sources = ws.list_sources()
        groups = ws.groups()
        claim_sources = ws.claim_sources()
        digests = _kept(ws.fact_digests(), {g.id for g in groups})
        missing = [g for g in groups if g.id not in digests]
        if missing:
            ids = [g.id for g in missing]
            relations, claims = ws.relation_rows(ids), ws.group_claims(ids)
    if missing:
        new = {
            g.id: digest_of(g, _shown(g, claims.get(g.id, [])), relations.get(g.id, []), claim_sources) for g in missing
        }
        ws.keep_digests(((gid, d.to_json()) for gid, d in new.items()), generation)
        digests |= new
    counts = ReportCounts(len(sources), len(claim_sources), folded_count(groups), len(groups),
                          sum(g.status == "contested" for g in groups))  # fmt: skip
    parts = OverviewParts(sources, groups, claim_sources, digests, counts, language_warnings(sources))
    by_id = {g.id: g for g in groups}

    def claims_of(group_ids: Iterable[str]) -> dict[str, Claim]:
        found = ws.group_claims(group_ids)
        return {c.id: c for gid, members in found.items() for c in _shown(by_id[gid], members)}

    return assemble(parts, claims_of)


def _kept(stored: dict[str, str], groups: set[str]) -> dict[str, FactDigest]:
    """The kept digests of these facts that this code can read."""
    found = {gid: FactDigest.from_json(text) for gid, text in stored.items() if gid in groups}
    return {gid: digest for gid, digest in found.items() if digest is not None}


def _shown(group: Group, members: list[Claim]) -> list[Claim]:
    """A fact's claims as the report shows them (restatements folded, yearless dates placed), in its order."""
    shown = {c.id: c for c in presented(members, [group])}
    return [shown[cid] for cid in group.claim_ids if cid in shown]
