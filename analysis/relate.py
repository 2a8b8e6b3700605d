"""From aligned clusters to Groups and Relations: every cross-source pair in a group
is compared, and a group's status says whether its sources agree (issue #2)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from analysis.align import Alignment, Vocabulary, features, value_key
from analysis.compare import compare
from analysis.models import Group, Relation
from analysis.summary import summarise_counts
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim

# Below this alignment score, differing dates or lengths may be two facts, not a contradiction.
SURE_SAME_FACT = 0.5
KIND_LABEL = {
    "casualties": "killed",
    "wounded": "wounded",
    "displaced": "displaced",
    "initiator": "who started or attacked",
    "event_date": "date",
    "duration": "how long",
}


def topic_of(claims: list[Claim], voc: Vocabulary) -> str:
    """A readable name for the fact: the kind and the group's most telling words."""
    counts: Counter[str] = Counter()
    for c in claims:
        counts.update(set(features(c)))
    ranked = sorted(counts, key=lambda w: (-counts[w] * voc.idf(w), w))
    words = [w for w in ranked if counts[w] > 1 or len(claims) == 1][:4] or ranked[:3]
    label = KIND_LABEL.get(claims[0].kind, claims[0].kind)
    return f"{label}: {', '.join(words)}" if words else label


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


def relate(alignment: Alignment, voc: Vocabulary, aliases: AliasTable) -> tuple[list[Group], list[Relation]]:
    groups: list[Group] = []
    relations: list[Relation] = []
    for n, grouped in enumerate(alignment.groups, 1):
        members, repeats = fold_repeats(grouped)
        group_relations: list[Relation] = []
        for a, b in combinations(members, 2):
            if a.source_id == b.source_id:
                continue
            rel, reason = compare(a, b, aliases)
            score = alignment.scores.get((a.id, b.id), 0.0)
            if rel == "contradict" and a.kind in ("event_date", "duration") and score < SURE_SAME_FACT:
                rel, reason = "unclear", f"{reason}; the accounts may describe different events"
            group_relations.append(Relation(claim_a=a.id, claim_b=b.id, relation=rel, reason=reason))
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
                summary=summarise_counts(members) if members[0].kind in NUMERIC_KINDS else None,
                repeats=repeats,
            )
        )
        relations.extend(group_relations)
    return groups, relations
