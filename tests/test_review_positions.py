"""A person's review of a fact of reprints, per position (issue #11, analysis/review_relations.py).

A decision on a fact printed by thousands of sources used to expand its relations to one per pair of
claims. Now each two classes of claims keep one relation: expanded, it is what reviewing pair by pair
gives (the same analysis with every relation expanded first), for every kind of decision; and a
2,000-copy fact stays a handful of relations standing for its two million pairs.

Real SQLite workspaces of hand-built claims (tests/test_incremental.py), decisions stored through
workspace.review, and a 2,000-source analysis in memory (analysis.relate on real claims).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis.review_relations
from analysis.pairs import expand_relations, pair_count
from analysis.review import Decision, anchor_of, apply_review
from claims.actors import AliasTable
from claims.models import Count
from sources.models import Source, text_sha256
from tests.test_incremental import account, add_claims, event_claim, full_analysis
from workspace import pipeline, review
from workspace.pipeline import analyse_claims
from workspace.store import Workspace


def other_account(source_id: str) -> list:
    """A third account: the market's first figure again, and its own convoy figure."""
    return [event_claim(source_id, 1, "market", 40), event_claim(source_id, 2, "convoy", 9)]


DECISIONS = {  # each reaches the market fact (40 / 55 / 40 printed by sources s1, s2, s3, s4, ...)
    "reject a copy": lambda ws: review.reject(ws, "s1c1"),
    "correct a copy to the other figure": lambda ws: review.correct(ws, "s4c1", value="55"),
    "correct two copies to a new one": lambda ws: [review.correct(ws, c, value="60") for c in ("s4c1", "s7c1")],
    "set two reprints' relation": lambda ws: review.relate(ws, "s1c1", "s4c1", "contradict", reason="misprint"),
    "set two statements' relation": lambda ws: review.relate(ws, "s4c1", "s5c1", "unclear"),
    "move a claim in": lambda ws: review.move(ws, "s2c2", "s1c1"),
    "split a copy off": lambda ws: review.move(ws, "s4c1", "new"),
    "merge two facts": lambda ws: review.merge(ws, "s1c1", "s1c2"),
    "correct, then set its relation": lambda ws: [
        review.correct(ws, "s4c1", value="55"),
        review.relate(ws, "s4c1", "s2c1", "contradict"),
    ],  # fmt: skip
}


def pairs(relations: list, source_of: dict[str, str]) -> list:  # noqa: ANN001 - Relations
    """Every pair of claims with its verdict, as one relation per pair would state it."""
    return sorted(
        (r.claim_a, r.claim_b, r.relation, r.reason, r.confidence, r.category, r.reviewed)
        for r in expand_relations(relations, source_of)
    )


def review_both_ways(tmp_path: Path, accounts: list, decide) -> tuple:  # noqa: ANN001 - claims makers, a decision
    """A workspace of these accounts analysed and `decide`d: (the review per position, the review of
    every relation expanded to its pairs first, claim id -> source)."""
    with Workspace(tmp_path / "ws.db") as ws:
        for n, claims_of in enumerate(accounts):
            add_claims(ws, f"{n}.txt", claims_of)
        full_analysis(ws)
        decide(ws)
        machine = pipeline.workspace_report(ws, reviewed=False)
        decisions = [Decision.from_row(row) for row in ws.reviews(include_undone=False)]
        every = ws.claims()
    source_of = {c.id: c.source_id for c in every}
    args = (machine.sources, machine.claims, machine.groups)
    now = apply_review(*args, machine.relations, decisions, AliasTable(), every_claim=every)
    one_by_one = apply_review(*args, expand_relations(machine.relations, source_of), decisions, AliasTable(),
                              every_claim=every)  # fmt: skip
    return now, one_by_one, source_of


@pytest.mark.parametrize("decide", list(DECISIONS.values()), ids=list(DECISIONS))
def test_review_per_position_is_review_pair_by_pair(tmp_path: Path, decide):  # noqa: ANN001
    accounts = [other_account if n % 3 == 2 else account("ab"[n % 3]) for n in range(9)]
    now, one_by_one, source_of = review_both_ways(tmp_path, accounts, decide)
    assert all(d.status == "applied" for d in now.state.decisions)
    source_of |= {c.id: c.source_id for c in now.claims}
    assert pairs(now.relations, source_of) == pairs(one_by_one.relations, source_of)
    assert now.groups == one_by_one.groups and now.claims == one_by_one.claims and now.state == one_by_one.state
    reached = next(g for g in now.groups if "s8c1" in g.claim_ids)  # the fact each decision reaches
    assert any(r.also_a or r.also_b for r in now.relations if r.claim_a in reached.claim_ids)  # not pair by pair


COPIES = 2_000


def test_a_decision_on_a_fact_of_2000_copies_does_not_expand_it(monkeypatch: pytest.MonkeyPatch):
    """Two accounts of one toll printed 1,000 times each: a rejected copy, a corrected one and a pair a
    person set leave a handful of relations for the fact's two million pairs, and compare a few again."""
    sources, claims = [], []
    for n in range(1, COPIES + 1):
        text = f"Reprint {n}."
        sources.append(Source(id=f"s{n}", name=f"{n}.txt", text=text, sha256=text_sha256(text)))
        claims.append(event_claim(f"s{n}", 1, "market", 40 if n % 2 else 55))
    groups, relations = analyse_claims(claims, AliasTable())
    (fact,) = groups
    assert len(relations) == 3  # 40-40, 40-55, 55-55
    anchor = {c.id: anchor_of(c, sources[int(c.source_id[1:]) - 1]) for c in claims[:4]}
    decisions = [
        Decision(id=1, action="reject", claim=anchor["s1c1"]),
        Decision(
            id=2,
            action="correct",
            claim=anchor["s2c1"],
            values={"value": Count(low=40, high=40, text="40").model_dump()},
        ),
        Decision(
            id=3,
            action="relate",
            claim=anchor["s3c1"],
            other=anchor["s4c1"],
            values={"relation": "agree", "reason": "one count"},
        ),  # fmt: skip
    ]
    compared = []
    real = analysis.review_relations.relation_of

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        compared.append(args[:2])
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis.review_relations, "relation_of", counted)
    done = apply_review(sources, claims, groups, relations, decisions, AliasTable())
    assert [d.status for d in done.state.decisions] == ["applied"] * 3
    source_of = {c.id: c.source_id for c in claims}
    left = COPIES - 1
    assert sum(pair_count(r, source_of) for r in done.relations) == left * (left - 1) // 2
    assert len(done.relations) <= 12 and len(compared) <= 4
    (set_by_a_person,) = [r for r in done.relations if r.reviewed]
    assert (set_by_a_person.claim_a, set_by_a_person.claim_b, set_by_a_person.relation) == ("s3c1", "s4c1", "agree")
    assert done.groups[0].status == fact.status == "contested"
