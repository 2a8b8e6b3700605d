"""Several incidents in one workspace (issue #8): a researcher's archive holds many events.

A full analysis splits the claims into incidents (analysis.incidents) and
aligns and compares each alone. Adding sources keeps that: the workspace
notes which sources made each incident at its last analysis, and an
incremental analyse of a workspace of several incidents analyses anew only
the incidents that changed (new claims, a removed source, sources that now
fall together or apart), each in full, and leaves the others as they are. A
workspace of one incident is re-aligned claim by claim as before
(workspace.incremental), where its size makes that worth it.
"""

from __future__ import annotations

import json

from analysis.collection import analyse_claims
from analysis.incidents import partition, published_year
from analysis.models import Group, Relation
from claims.actors import AliasTable
from workspace.store import Workspace

META = "incidents"


def current(ws: Workspace) -> dict[str, str]:
    """Every source with claims -> its incident, as a full analysis would split them now."""
    found = ws.source_event_terms()
    return partition({s: [*terms, *published_year(published)] for s, (published, terms) in found.items()})


def remember(ws: Workspace, incidents: dict[str, str]) -> None:
    """Note the incidents the saved analysis was made of."""
    ws.set_meta(META, json.dumps(incidents))


def noted(incidents: dict[str, str]) -> dict[str, str]:
    """What the workspace notes of the incidents with the analysis it saves."""
    return {META: json.dumps(incidents)}


def remembered(ws: Workspace) -> dict[str, str] | None:
    stored = ws.get_meta(META)
    return json.loads(stored) if stored else None


def _members(incidents: dict[str, str], sources: list[str]) -> set[frozenset[str]]:
    """How `sources` fall into incidents: the sets of them that are together."""
    together: dict[str, set[str]] = {}
    for s in sources:
        together.setdefault(incidents[s], set()).add(s)
    return {frozenset(members) for members in together.values()}


def moved(before: dict[str, str] | None, now: dict[str, str]) -> set[str]:
    """The incidents (of `now`) whose analysed sources are no longer grouped as they were: a new
    source that joins two incidents, a removed one that held one together. All of them when
    nothing was noted (a workspace analysed before incidents were)."""
    if before is None:
        return set(now.values())
    kept = [s for s in before if s in now]
    unchanged = _members(before, kept) & _members(now, kept)
    return {now[s] for s in kept if not any(s in members for members in unchanged)}


def one_incident(before: dict[str, str] | None, now: dict[str, str]) -> bool:
    """Was and is the workspace one incident (so claim-by-claim re-alignment gives what a full
    analysis gives)?"""
    return len(set(now.values())) <= 1 and (before is None or len(set(before.values())) <= 1)


def reanalyse(ws: Workspace, aliases: AliasTable, now: dict[str, str], affected: set[str], *,
              pipeline: str | None, generation: int) -> tuple[int, int, int]:  # fmt: skip
    """Analyse each affected incident anew and save it in place of its old groups: (new groups,
    old groups replaced, new claims that joined a group holding older claims)."""
    new_ids = {c.id for c in ws.unaligned_claims()}
    counter = ws.group_counter()
    old: list[str] = list(ws.stale_group_ids())
    groups: list[Group] = []
    relations: list[Relation] = []
    order = {root: n for n, root in enumerate(dict.fromkeys(now.values()))}
    for root in sorted(affected, key=order.__getitem__):
        sources = [s for s, r in now.items() if r == root]
        old.extend(ws.groups_of_sources(sources))
        found, compared = analyse_claims(ws.claims_of_sources(sources), aliases)
        first = counter + len(groups)  # read once: extend() grows the list while the ids are made
        groups.extend(g.model_copy(update={"id": f"g{first + n}"}) for n, g in enumerate(found, 1))
        relations.extend(compared)
    joined = sum(
        1 for g in groups for cid in g.claim_ids if cid in new_ids and any(o not in new_ids for o in g.claim_ids)
    )
    ws.replace_groups(dict.fromkeys(old), groups, relations, pipeline=pipeline, expect_generation=generation,
                      meta=noted(now))  # fmt: skip
    return len(groups), len(set(old)), joined


def affected(ws: Workspace, before: dict[str, str] | None, now: dict[str, str]) -> set[str]:
    """The incidents to analyse anew: those with new claims, with a group a removed source left
    stale, or whose sources fall together differently than at the last analysis."""
    stale = ws.group_claims(ws.stale_group_ids())
    return (
        moved(before, now)
        | {now[c.source_id] for c in ws.unaligned_claims()}
        | {now[c.source_id] for claims in stale.values() for c in claims if c.source_id in now}
    )
