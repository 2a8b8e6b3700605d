"""A collection of claims analysed: split into incidents, each aligned and compared on its own
(issue #8), the groups then put in the order one alignment of all would give them."""

from __future__ import annotations

from analysis.align import Alignment, Vocabulary, align
from analysis.gc_pause import paused_gc
from analysis.incidents import by_incident, group_order
from analysis.models import Group, Relation
from analysis.relate import relate
from analysis.ties import tied
from claims.actors import AliasTable
from claims.models import Claim


def analyse_claims(claims: list[Claim], aliases: AliasTable | None = None) -> tuple[list[Group], list[Relation]]:
    """Align claims across sources and compare them."""
    aliases = tied(aliases or AliasTable(), claims)  # "X, a cover name used by Y" in any account
    with paused_gc():  # millions of scores and relations, no cycles among them (issue #11)
        parts = by_incident(claims)
        if len(parts) <= 1:
            voc = Vocabulary.of(claims)
            return relate(align(claims, voc, aliases=aliases), voc, aliases)
        # several incidents (issue #8): each aligned and compared alone, its words weighed by its own
        # documents; the groups then in the order one alignment of all would give them
        found: list[tuple[tuple, Group, list[Relation]]] = []
        for part in parts:
            voc = Vocabulary.of(part)
            alignment = align(part, voc, aliases=aliases)
            groups, relations = relate(alignment, voc, aliases)
            found.extend(zip(_order_keys(alignment), groups, _by_group(groups, relations), strict=True))
        return number_groups(found)


def _order_keys(alignment: Alignment) -> list[tuple]:
    return [(*group_order(grouped), grouped[0].kind) for grouped in alignment.groups]


def _by_group(groups: list[Group], relations: list[Relation]) -> list[list[Relation]]:
    """relate()'s relations, split by the group they compare (they come group after group)."""
    index = {cid: n for n, g in enumerate(groups) for cid in g.claim_ids}
    out: list[list[Relation]] = [[] for _ in groups]
    for r in relations:
        out[index[r.claim_a]].append(r)
    return out


def number_groups(found: list[tuple[tuple, Group, list[Relation]]]) -> tuple[list[Group], list[Relation]]:
    """Groups of several alignments in order of their keys (stable), numbered g1, g2, ..."""
    groups: list[Group] = []
    relations: list[Relation] = []
    for n, (_key, group, rels) in enumerate(sorted(found, key=lambda g: g[0]), 1):
        groups.append(group.model_copy(update={"id": f"g{n}"}))
        relations.extend(rels)
    return groups, relations
