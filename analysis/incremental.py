"""Re-align only what changed since the last analyse (issue #3).

After one source is added to a workspace of a thousand, a full
`analyse_claims` would compare every plausible pair again. Here each new
claim is compared only with the stored claims that share one of its blocking
words (the workspace's inverted index), and joins the best existing group
when align() would have merged it there: one of its scores reaches THRESHOLD
(the edge align() merges along), its average score over all the group's
members reaches THRESHOLD * 0.75, and it is compatible() with every member.
New claims that join no group are clustered among themselves with align().
Relations are computed only for the pairs that are new, summaries and topics
only for the groups touched, and only those are written back, in one
transaction. Document frequencies come from the workspace, where triggers
keep them current, so scores are those a full analysis would compute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.align import MAX_POSTINGS, THRESHOLD, Vocabulary, align, block_keys, pair_score
from analysis.compare import compare
from analysis.models import Group, Relation
from analysis.relate import SURE_SAME_FACT, fold_repeats, relate, topic_of
from analysis.summary import summarise_counts
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim
from sources.workspace import Workspace

JOIN_AVERAGE = THRESHOLD * 0.75  # align()'s average-linkage bar for a merge


@dataclass(frozen=True)
class Realigned:
    """What an incremental re-alignment did, for `rashomon analyse` to report."""

    new_claims: int = 0
    joined: int = 0  # new claims that joined an existing group
    new_groups: int = 0
    touched_groups: int = 0  # existing groups rewritten (joined, or left by a removed source)


class WorkspaceVocabulary:
    """Document frequencies and per-kind postings read from the workspace, each word once.

    `voc` is an analysis.align.Vocabulary filled only with the words needed,
    and n = every claim in the workspace, so idf() equals Vocabulary.of(all).
    """

    def __init__(self, ws: Workspace) -> None:
        self._ws = ws
        self.voc = Vocabulary(n=ws.count_claims())
        self._postings: dict[str, dict[str, int]] = {}

    def need(self, claims: Iterable[Claim]) -> None:
        keys = {key for c in claims for key in block_keys(c)} - self._postings.keys()
        if not keys:
            return
        counts = self._ws.term_counts(keys)
        for key in keys:
            self._postings[key] = counts.get(key, {})
            self.voc.df[key] = sum(self._postings[key].values())

    def usable(self, kind: str, key: str) -> bool:
        """Would align() block on this key? Not if more than MAX_POSTINGS claims of the kind hold it."""
        return self._postings.get(key, {}).get(kind, 0) <= MAX_POSTINGS

    def usable_keys(self, claim: Claim) -> list[str]:
        return [key for key in block_keys(claim) if self.usable(claim.kind, key)]

    def score(self, a: Claim, b: Claim) -> float | None:
        """pair_score as align() sees it: 0.0 for a pair it never scores (no usable shared key)."""
        score = pair_score(a, b, self.voc)
        if score is None:
            return None
        shared = set(block_keys(a)) & set(block_keys(b))
        return score if any(self.usable(a.kind, key) for key in shared) else 0.0


@dataclass
class _Touched:
    """An existing group being changed: its stored record, all claims filed in it, the new ones."""

    group: Group
    filed: list[Claim]  # members and folded repeats, as align() clustered them
    joined: list[Claim] = field(default_factory=list)


def realign(ws: Workspace, aliases: AliasTable, *, pipeline: str | None = None) -> Realigned:
    """Attach the workspace's unaligned claims and refresh stale groups; save only the changes
    (with nothing to change, it still notes the analysis as current).

    Raises sources.workspace.AnalysisChanged if another process changed the
    analysis meanwhile (the caller retries).
    """
    generation = ws.analysis_generation()
    new = ws.unaligned_claims()
    stale = ws.stale_group_ids()
    stats = WorkspaceVocabulary(ws)
    stats.need(new)
    loaded = _load(ws, stale)
    pending = _join(ws, new, stats, loaded)
    fresh_groups, fresh_relations = _new_groups(pending, stats, aliases, ws.group_counter())
    touched = [gid for gid, item in loaded.items() if item.joined or gid in set(stale)]
    contested = ws.contested_group_ids(touched)
    changed: list[Group] = []
    relations: list[Relation] = []
    for group_id in sorted(touched, key=_number):
        group, added = _rewrite(loaded[group_id], group_id in contested, stats, aliases)
        changed.append(group)
        relations.extend(added)
    ws.save_alignment_changes(
        changed + fresh_groups, relations + fresh_relations, pipeline=pipeline, expect_generation=generation
    )
    return Realigned(
        new_claims=len(new),
        joined=len(new) - len(pending),
        new_groups=len(fresh_groups),
        touched_groups=len(changed),
    )


def _number(group_id: str) -> tuple[int, str]:
    digits = group_id[1:]
    return (int(digits) if digits.isdigit() else 0, group_id)


def _load(ws: Workspace, group_ids: Iterable[str]) -> dict[str, _Touched]:
    wanted = list(group_ids)
    groups = ws.groups_by_id(wanted)
    filed = ws.group_claims(wanted)
    return {gid: _Touched(groups[gid], filed.get(gid, [])) for gid in wanted if gid in groups}


def _join(ws: Workspace, new: list[Claim], stats: WorkspaceVocabulary, loaded: dict[str, _Touched]) -> list[Claim]:
    """Put each new claim into the existing group align() would merge it with; return the rest.

    `loaded` caches the groups read so far (candidates too); those a claim joins get it in `joined`.
    """
    joined_index: dict[tuple[str, str], list[tuple[str, Claim]]] = defaultdict(list)
    pending: list[Claim] = []
    for claim in new:
        keys = stats.usable_keys(claim)
        candidates = ws.candidate_claims(claim.kind, keys)
        candidates += [hit for key in keys for hit in joined_index.get((claim.kind, key), [])]
        stats.need(other for _, other in candidates)
        edges = {gid for gid, other in candidates if (stats.score(claim, other) or 0.0) >= THRESHOLD}
        missing = edges - loaded.keys()
        if missing:
            loaded.update(_load(ws, missing))
        best: tuple[float, str] | None = None
        for gid in sorted(edges, key=_number):
            if gid not in loaded:
                continue  # removed by another process since the index was read
            members = loaded[gid].filed + loaded[gid].joined
            stats.need(members)
            scores = [stats.score(claim, member) for member in members]  # None: not compatible()
            if not members or any(s is None for s in scores):
                continue  # a member it can never be the same fact as
            average = sum(s or 0.0 for s in scores) / len(scores)
            if average >= JOIN_AVERAGE and (best is None or average > best[0]):
                best = (average, gid)
        if best is None:
            pending.append(claim)
            continue
        loaded[best[1]].joined.append(claim)
        for key in keys:
            joined_index[(claim.kind, key)].append((best[1], claim))
    return pending


def _new_groups(pending: list[Claim], stats: WorkspaceVocabulary, aliases: AliasTable,
                counter: int) -> tuple[list[Group], list[Relation]]:  # fmt: skip
    """Cluster the claims that joined nothing, as analyse_claims would, numbering after `counter`."""
    if not pending:
        return [], []
    stats.need(pending)
    groups, relations = relate(align(pending, stats.voc), stats.voc, aliases)
    return [g.model_copy(update={"id": f"g{counter + n}"}) for n, g in enumerate(groups, 1)], relations


def _relation(a: Claim, b: Claim, stats: WorkspaceVocabulary, aliases: AliasTable) -> Relation:
    """One cross-source pair, labelled as analysis.relate.relate labels it."""
    rel, reason = compare(a, b, aliases)
    if rel == "contradict" and a.kind in ("event_date", "duration") and (stats.score(a, b) or 0.0) < SURE_SAME_FACT:
        rel, reason = "unclear", f"{reason}; the accounts may describe different events"
    return Relation(claim_a=a.id, claim_b=b.id, relation=rel, reason=reason)


def _rewrite(item: _Touched, contested: bool, stats: WorkspaceVocabulary,
             aliases: AliasTable) -> tuple[Group, list[Relation]]:  # fmt: skip
    """The group with its new members folded in, and the relations of the new pairs only.

    Pairs of old members keep their stored relations: compare() looks at two
    claims only, so they have not changed.
    """
    group = item.group
    kept = [c for c in item.filed if c.id in set(group.claim_ids)]
    members, repeats = fold_repeats(kept + item.joined) if item.joined else (kept, {})
    new_ids = {c.id for c in item.joined}
    relations = [
        _relation(a, b, stats, aliases)
        for j, b in enumerate(members)
        if b.id in new_ids
        for a in members[:j]
        if a.source_id != b.source_id
    ]
    if len({c.source_id for c in members}) < 2:
        status = "single"
    elif contested or any(r.relation == "contradict" for r in relations):
        status = "contested"
    else:
        status = "agree"
    stats.need(members)
    updated = group.model_copy(
        update={
            "claim_ids": [c.id for c in members],
            "repeats": group.repeats | repeats,
            "status": status,
            "topic": topic_of(members, stats.voc) if members else group.topic,
            "summary": summarise_counts(members) if group.kind in NUMERIC_KINDS else None,
        }
    )
    return updated, relations
