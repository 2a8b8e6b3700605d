"""From aligned clusters to Groups and Relations: every cross-source pair in a group
is compared, and a group's status says whether its sources agree (issue #2)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from analysis.align import Alignment, Vocabulary, features, value_key
from analysis.compare import compare, scope_key
from analysis.models import Group, Relation
from analysis.report.labels import kind_label
from analysis.summary import summarise_counts
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim

# Below this alignment score, differing dates or lengths may be two facts, not a contradiction.
SURE_SAME_FACT = 0.5


MAX_TOPIC_WORDS = 8


def topic_of(claims: list[Claim], voc: Vocabulary) -> str:
    """A readable name for the fact: the kind and the member's own words for what it is
    about that the others share most (the group's medoid), or its most telling words."""
    label = kind_label(claims[0].kind)

    def words(c: Claim) -> set[str]:
        return {w.lower() for w in c.about.split() if len(w) > 2}

    best = max(claims, key=lambda c: (sum(len(words(c) & words(o)) for o in claims if o is not c), -len(c.about)))
    about = " ".join(best.about.split()[:MAX_TOPIC_WORDS])
    if claims[0].kind == "initiator":
        parties = sorted({c.value.actor for c in claims if hasattr(c.value, "actor")})
        return f"{label}: {about} ({' vs '.join(parties[:4])})" if about else f"{label}: {' vs '.join(parties)}"
    if claims[0].kind in NUMERIC_KINDS:
        scopes = Counter(c.scope for c in claims if c.scope)
        if scopes:
            return f"{label}: {scopes.most_common(1)[0][0]}"
    if about:
        return f"{label}: {about}"
    counts: Counter[str] = Counter()
    for c in claims:
        counts.update(set(features(c)))
    ranked = sorted(counts, key=lambda w: (-counts[w] * voc.idf(w), w))
    return f"{label}: {', '.join(ranked[:4])}" if ranked else label


def fold_repeats(members: list[Claim]) -> tuple[list[Claim], dict[str, str]]:
    """A source that states the same value for one fact twice makes one claim, not two."""
    by_key: dict[tuple, list[Claim]] = {}
    for c in members:
        by_key.setdefault((c.source_id, value_key(c)), []).append(c)
    repeats: dict[str, str] = {}
    for same in by_key.values():
        # the fullest sentence is the best evidence (a headline restates the body)
        keep = max(same, key=lambda c: (len(c.sentence), -c.start))
        repeats.update({c.id: keep.id for c in same if c.id != keep.id})
    return [c for c in members if c.id not in repeats], repeats


def apply_repeats(claims: list[Claim], groups: list[Group]) -> list[Claim]:
    """Drop folded repeats from a claim list, keeping their sentences on the claim they repeat."""
    folded = {twin: kept for g in groups for twin, kept in g.repeats.items()}
    if not folded:
        return claims
    by_id = {c.id: c for c in claims}
    extra: dict[str, list[str]] = {}
    for twin, kept in folded.items():
        if twin in by_id:
            extra.setdefault(kept, []).append(by_id[twin].sentence)
    out = []
    for c in claims:
        if c.id in folded:
            continue
        if c.id in extra:
            c = c.model_copy(update={"also": list(dict.fromkeys([*c.also, *extra[c.id]]))})
        out.append(c)
    return out


def relation_of(a: Claim, b: Claim, score: float, aliases: AliasTable) -> Relation:
    """Compare two claims of one group; `score` is how sure alignment is they state one fact.

    Differing dates or lengths from a weak alignment may be two events, not a contradiction.
    """
    rel, reason = compare(a, b, aliases)
    if rel == "contradict" and a.kind in ("event_date", "duration") and score < SURE_SAME_FACT:
        rel, reason = "unclear", f"{reason}; the accounts may describe different events"
    return Relation(claim_a=a.id, claim_b=b.id, relation=rel, reason=reason)


def group_summary(members: list[Claim], relations: list[Relation]):
    """Low / best / high over the counts that speak of one population."""
    return summarise_counts(_same_population(members, relations))


def _same_population(members: list[Claim], relations: list[Relation]) -> list[Claim]:
    """Leave out of low/best/high a count that only ever differs in scope from the others."""
    # one pass over the relations, not one per member (issue #11): a claim is apart when it has
    # relations and every one of them is different_scope
    related: set[str] = set()
    not_apart: set[str] = set()
    for r in relations:
        related.update((r.claim_a, r.claim_b))
        if r.relation != "different_scope":
            not_apart.update((r.claim_a, r.claim_b))
    apart = {c.id for c in members if c.id in related and c.id not in not_apart}
    kept = [c for c in members if c.id not in apart] or members
    keys = Counter(_scope_id(c) for c in kept)
    main, n = keys.most_common(1)[0]
    if n >= 2:
        kept = [c for c in kept if _scope_id(c) == main or not any(_scope_id(c))]
    return kept


def _scope_id(c: Claim) -> tuple:
    sc = scope_key(c.scope)
    return (sc.nations, sc.roles, sc.total)


def relate(alignment: Alignment, voc: Vocabulary, aliases: AliasTable) -> tuple[list[Group], list[Relation]]:
    groups: list[Group] = []
    relations: list[Relation] = []
    for n, grouped in enumerate(alignment.groups, 1):
        members, repeats = fold_repeats(grouped)
        group_relations: list[Relation] = []
        for a, b in combinations(members, 2):
            if a.source_id == b.source_id:
                continue
            group_relations.append(relation_of(a, b, alignment.scores.get((a.id, b.id), 0.0), aliases))
        sources = {c.source_id for c in members}
        if len(sources) < 2:
            status = "single"
        elif any(r.relation == "contradict" for r in group_relations):
            status = "contested"
        else:
            status = "agree"
        groups.append(
            Group(
                id=f"g{n}",
                kind=members[0].kind,
                topic=topic_of(members, voc),
                claim_ids=[c.id for c in members],
                status=status,
                summary=group_summary(members, group_relations) if members[0].kind in NUMERIC_KINDS else None,
                repeats=repeats,
            )
        )
        relations.extend(group_relations)
    return groups, relations
