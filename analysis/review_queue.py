"""The review queue: the facts most worth a person's look first (issue #9). Pure.

A fact ranks higher when sources contradict on it, when a machine verdict on it
is a guess (low confidence), when the clash is a single figure or a few days
apart (a misreading or a later update as often as a real dispute), and when a
claim's parse looks implausible (a year read as a count). Facts a person has
already reviewed (any decision on the fact, its claims or its relations) leave
the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from analysis.models import Group, Relation, Report
from analysis.report.labels import kind_label
from claims.models import Claim, Count, DateSpan

if TYPE_CHECKING:
    from analysis.views import Index

LOW_CONFIDENCE = 0.6
CLOSE_CATEGORIES = frozenset({"single-number difference", "dates close together"})
YEARS = range(1800, 2101)
HUGE = 20_000_000  # more people than any conflict count: a misread number
WEIGHTS = {"contested": 3.0, "close": 2.0, "implausible": 2.0, "guess": 1.5, "unclear": 0.5}


@dataclass(frozen=True)
class QueueItem:
    group_id: str
    topic: str
    kind: str
    score: float
    reasons: tuple[str, ...]


def implausible(claim: Claim) -> str | None:
    """Why a claim's value looks misread, or None."""
    v = claim.value
    if isinstance(v, Count) and v.low is not None and not v.vague:
        if v.low == v.high and v.low in YEARS and not v.qualifier and str(v.low) in (v.text or str(v.low)):
            return f"{v.low} may be a year read as a count"
        if v.low > HUGE:
            return f"{v.low:,} is more people than any count of a conflict"
    if isinstance(v, DateSpan) and not (YEARS.start <= v.start.year <= date.today().year + 1):
        return f"the year {v.start.year} is implausible"
    return None


def reviewed_facts(report: Report) -> set[str]:
    """Facts a person has looked at: a decision on the fact, one of its claims or its relations."""
    group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
    done = {g.id for g in report.groups if g.reviewed}
    done |= {group_of[c.id] for c in report.claims if c.reviewed and c.id in group_of}
    done |= {group_of[r.claim_a] for r in report.relations if r.reviewed and r.claim_a in group_of}
    return done


def fact_reasons(group: Group, claims: list[Claim], relations: list[Relation]) -> tuple[float, list[str]]:
    """How much the fact is worth a look (0: not at all) and why, from its own claims and relations."""
    score, reasons = 0.0, []
    if group.status == "contested":
        score += WEIGHTS["contested"]
        reasons.append("sources contradict")
    close = [r for r in relations if r.relation == "contradict" and r.category in CLOSE_CATEGORIES]
    if close:
        score += WEIGHTS["close"]
        reasons.append(f"a contradiction on a {close[0].category}")
    guesses = [r for r in relations if r.confidence is not None and r.confidence < LOW_CONFIDENCE]
    if guesses:
        low = min(guesses, key=lambda r: r.confidence or 0.0)
        score += WEIGHTS["guess"] * (1 - (low.confidence or 0.0))
        reasons.append(f"a verdict the machine is unsure of ({low.category}, {low.confidence:.0%})")
    if any(r.relation == "unclear" for r in relations):
        score += WEIGHTS["unclear"]
        reasons.append("an undecided comparison")
    odd = [why for c in claims if (why := implausible(c))]
    if odd:
        score += WEIGHTS["implausible"]
        reasons.append(odd[0])
    return score, reasons


def review_queue(report: Report, index: Index | None = None) -> list[QueueItem]:
    """Unreviewed facts with a reason to look, most worth it first (ties: report order). `index`: the
    report's look-ups, when the caller has them (its relations by fact, issue #11)."""
    claims = index.claims if index is not None else {c.id: c for c in report.claims}
    by_group: dict[str, list[Relation]]
    if index is not None:
        by_group = index.relations_in
    else:
        by_group = {}
        group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
        for rel in report.relations:
            if rel.claim_a in group_of:
                by_group.setdefault(group_of[rel.claim_a], []).append(rel)
    done = reviewed_facts(report)
    items = []
    for n, group in enumerate(report.groups):
        if group.id in done:
            continue
        members = [claims[c] for c in group.claim_ids if c in claims]
        score, reasons = fact_reasons(group, members, by_group.get(group.id, []))
        if score > 0:
            items.append((-score, n, QueueItem(group.id, group.topic, kind_label(group.kind), round(score, 2),
                                               tuple(reasons))))  # fmt: skip
    return [item for *_, item in sorted(items, key=lambda t: (t[0], t[1]))]
