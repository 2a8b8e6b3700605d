"""Review (issue #9): a person's decisions over the machine's analysis survive re-analysis.

On a real workspace file with real extraction: every action, then adding a
source, an incremental analyse, a forced full one, a pipeline version bump and
an alias change; after each, every decision still applies to the same words.
Removing or changing a source orphans its decisions: kept, listed, applied to
nothing. The texts are invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claims
import cli
from analysis.models import Report
from analysis.relate import verdict_confidence
from analysis.review_queue import implausible, review_queue
from analysis.review_values import parse_value
from claims.models import Claim, Count, DateSpan
from sources.errors import BadReview, UnknownClaim, UnknownDecision
from workspace import pipeline, review
from workspace.ingest import ingest_text
from workspace.store import Workspace

TEXTS = {
    "north_gazette.txt": "Shelling of the Varnok market on 3 March 2021 killed 40 civilians, local officials said. "
    "About 2,000 residents fled the town after the attack. The first shells came from Kestrian guns on 2 March 2021.\n",
    "south_herald.txt": "The attack on the Varnok market on 3 March 2021 killed 12 civilians, the governor said. "
    "Some 2,000 residents fled the town. The rebels started the assault on 2 March 2021.\n",
    "river_post.txt": "At least 38 people were killed at the Varnok market on 3 March 2021, according to the health "
    "ministry. The siege of the town lasted 5 days. In 1998 the market was rebuilt.\n",
}
LATER = ("east_wire.txt", "Forty civilians died when shells hit the Varnok market on 3 March 2021, medics said.\n")
ADDED_WORDS = "The first shells came from Kestrian guns"  # the extractor misses it: a person adds it


# -- fast: the parts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("casualties", "over 30,000", {"low": 30000, "high": None, "qualifier": "over"}),
        ("casualties", "25,000-30,000", {"low": 25000, "high": 30000, "qualifier": None}),
        ("displaced", "around 300", {"low": 300, "high": 300, "qualifier": "around"}),
        ("wounded", "up to 45", {"low": None, "high": 45, "qualifier": "up to"}),
        ("event_date", "2016-04", {"start": "2016-04-01", "end": "2016-04-30", "precision": "month"}),
        ("event_date", "1994", {"start": "1994-01-01", "end": "1994-12-31", "precision": "year"}),
        ("initiator", "Kestria -> Varnok", {"actor": "Kestria", "target": "Varnok", "negated": False}),
        ("initiator", "not Kestria", {"actor": "Kestria", "target": None, "negated": True}),
        ("duration", "3 weeks", {"days": 21.0}),
    ],
)
def test_review_values_read_as_typed(kind: str, typed: str, expected: dict):
    value = parse_value(kind, typed).model_dump(mode="json")
    assert {k: value[k] for k in expected} == expected


@pytest.mark.parametrize(("kind", "typed"), [("casualties", "lots"), ("event_date", "2016-13"), ("duration", "ages")])
def test_review_values_refuse_what_they_cannot_read(kind: str, typed: str):
    with pytest.raises(ValueError):
        parse_value(kind, typed)


def _claim(cid: str, source: str, value, kind: str = "casualties") -> Claim:  # noqa: ANN001
    return Claim(id=cid, source_id=source, kind=kind, quote="q", sentence="q", start=0, end=1, sentence_start=0,
                 value=value)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "relation", "category"),
    [
        (Count(low=40, high=40), Count(low=12, high=12), "contradict", "figures far apart"),
        (Count(low=40, high=40), Count(low=38, high=38), "contradict", "single-number difference"),
        (Count(low=40, high=40), Count(low=40, high=40), "agree", "same value"),
    ],
)
def test_review_machine_verdicts_carry_a_category(a: Count, b: Count, relation: str, category: str):
    confidence, found = verdict_confidence(_claim("a", "s1", a), _claim("b", "s2", b), relation)
    assert found == category and 0 < confidence <= 1


def test_review_queue_flags_a_year_read_as_a_count():
    year = _claim("a", "s1", Count(low=1998, high=1998, text="1998"))
    assert "year" in (implausible(year) or "")
    assert implausible(_claim("b", "s1", Count(low=40, high=40, text="40"))) is None
    assert implausible(_claim("c", "s1", DateSpan(start="1400-01-01", end="1400-12-31", precision="year"),
                              kind="event_date"))  # fmt: skip


# -- slow: a real workspace ------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from claims.nlp import load_nlp

    return load_nlp()


def _find(report: Report, source: str, words: str, kind: str | None = None) -> Claim:
    names = {s.id: s.name for s in report.sources}
    hits = [c for c in report.claims if names[c.source_id] == source and words in c.quote and kind in (None, c.kind)]
    assert len(hits) == 1, (source, words, [c.quote for c in hits])
    return hits[0]


def _group_of(report: Report, claim: Claim):  # noqa: ANN202
    return next(g for g in report.groups if claim.id in g.claim_ids)


def _relation(report: Report, a: Claim, b: Claim):  # noqa: ANN202
    return next(r for r in report.relations if {r.claim_a, r.claim_b} == {a.id, b.id})


def _review_everything(ws: Workspace) -> None:
    """One of each action, by the ids the report shows now."""
    r = pipeline.workspace_report(ws)
    north_killed = _find(r, "north_gazette.txt", "killed 40")
    south_killed = _find(r, "south_herald.txt", "killed 12")
    review.reject(ws, _find(r, "river_post.txt", "1998").id, note="not about the attack")
    review.correct(ws, south_killed.id, value="14", note="the governor said 14", reviewer="Ana")
    review.correct(ws, _find(r, "river_post.txt", "At least 38").id, scope="civilians")
    review.confirm(ws, _find(r, "north_gazette.txt", "Varnok market").id, note="checked")
    review.rename(ws, _group_of(r, north_killed).id, "killed at the market")
    review.move(ws, _find(r, "south_herald.txt", "rebels started the assault on").id, "new", note="another day")
    review.add_claim(ws, "north_gazette.txt", kind="initiator", value="Kestria", text=ADDED_WORDS, note="missed")
    r = pipeline.workspace_report(ws)
    added = _find(r, "north_gazette.txt", ADDED_WORDS, "initiator")
    south_initiator = next(c for c in r.claims if c.kind == "initiator" and c.source_id != added.source_id)
    review.merge(ws, south_initiator.id, added.id, note="one question: who started it")
    review.relate(ws, added.id, south_initiator.id, "agree", reason="the rebels are Kestrian")
    review.relate(ws, north_killed.id, south_killed.id, "update", reason="a later count")


def _check(report: Report) -> None:
    """Every decision applies to the same words as when it was made."""
    assert report.review is not None
    assert [d.status for d in report.review.decisions] == ["applied"] * len(report.review.decisions)
    assert not any("1998" in c.quote for c in report.claims)
    assert [c.quote for c in report.review.rejected] == ["In 1998 the market was rebuilt"]
    south = _find(report, "south_herald.txt", "killed 12")
    assert (south.value.low, south.reviewed.was["value"]["low"]) == (14, 12)  # type: ignore[union-attr]
    assert south.reviewed.reviewer == "Ana" and south.reviewed.note == "the governor said 14"  # type: ignore[union-attr]
    assert _find(report, "river_post.txt", "At least 38").scope == "civilians"
    assert "confirmed" in _find(report, "north_gazette.txt", "Varnok market").reviewed.actions  # type: ignore[union-attr]
    north = _find(report, "north_gazette.txt", "killed 40")
    assert _group_of(report, north).topic == "killed at the market"
    split = _find(report, "south_herald.txt", "rebels started the assault on")
    assert _group_of(report, split).claim_ids == [split.id]
    added = _find(report, "north_gazette.txt", ADDED_WORDS, "initiator")
    assert added.kind == "initiator" and added.value.actor == "Kestria"  # type: ignore[union-attr]
    assert "added by a person" in added.reviewed.actions  # type: ignore[union-attr]
    together = _group_of(report, added)
    assert len({report.claims[[c.id for c in report.claims].index(cid)].source_id for cid in together.claim_ids}) == 2
    other = next(c for c in report.claims if c.id in together.claim_ids and c.id != added.id)
    rel = _relation(report, added, other)
    assert (rel.relation, rel.reason, rel.reviewed is not None) == ("agree", "the rebels are Kestrian", True)
    update = _relation(report, north, south)
    assert update.relation == "update" and update.reviewed.was["relation"] == "contradict"  # type: ignore[union-attr]


@pytest.mark.slow
def test_review_decisions_survive_reanalysis_and_orphan_when_the_text_goes(tmp_path: Path, nlp,
                                                                            monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    with Workspace(tmp_path / "ws.db") as ws:
        for name, text in TEXTS.items():
            ingest_text(ws, text, name=name)
        pipeline.analyse_workspace(ws, nlp=nlp)
        machine = pipeline.workspace_report(ws)
        _review_everything(ws)
        _check(pipeline.workspace_report(ws))
        assert pipeline.workspace_report(ws, reviewed=False).model_dump(exclude={"generated"}) == machine.model_dump(
            exclude={"generated"}
        )  # the machine's analysis itself is untouched

        ingest_text(ws, LATER[1], name=LATER[0])  # another source, then an incremental analyse
        done = pipeline.analyse_workspace(ws, nlp=nlp)
        assert done.mode == "incremental" and done.review == {"applied": 10, "orphaned": 0, "not applicable": 0}
        _check(pipeline.workspace_report(ws))

        assert pipeline.analyse_workspace(ws, nlp=nlp, full=True).mode == "full"
        _check(pipeline.workspace_report(ws))

        monkeypatch.setattr(claims, "EXTRACTOR_VERSION", claims.EXTRACTOR_VERSION + "-next")
        assert pipeline.analyse_workspace(ws, nlp=nlp).extracted == 4  # every source extracted again
        _check(pipeline.workspace_report(ws))

        ws.add_alias("rebels", "Kestrian forces")
        assert pipeline.analyse_workspace(ws, nlp=nlp).mode == "full"
        _check(pipeline.workspace_report(ws))

        undone = review.undo(ws, 1)  # the rejection: the claim is back, the decision listed as undone
        report = pipeline.workspace_report(ws)
        assert any("1998" in c.quote for c in report.claims) and undone["undone_at"]
        with pytest.raises(Exception, match="already undone"):
            review.undo(ws, 1)

        ws.remove_source("river_post.txt")  # its remaining decision (the scope) loses its text
        done = pipeline.analyse_workspace(ws, nlp=nlp)
        assert done.review == {"applied": 8, "orphaned": 1, "not applicable": 0}
        rows = {row["id"]: row for row in review.decisions(ws)}
        assert rows[1]["status"] == "undone"
        assert rows[3]["status"] == "orphaned" and "removed or its text changed" in rows[3]["detail"]
        assert "river_post.txt" in rows[3]["target"]  # reported by its words, not applied elsewhere
        report = pipeline.workspace_report(ws)
        assert not any(c.reviewed and "corrected scope" in c.reviewed.actions for c in report.claims)

        ingest_text(ws, TEXTS["south_herald.txt"].replace("12 civilians", "13 civilians"), name="south_herald.txt")
        pipeline.analyse_workspace(ws, nlp=nlp)
        orphaned = {d.id for d in pipeline.workspace_report(ws).review.orphaned}  # type: ignore[union-attr]
        assert {2, 6}.issubset(orphaned)  # the corrected count and the split: their text changed
        south = _find(pipeline.workspace_report(ws), "south_herald.txt", "killed 13")
        assert south.value.low == 13 and south.reviewed is None  # type: ignore[union-attr]  # never the old correction


@pytest.mark.slow
def test_review_exports_mark_what_a_person_decided(tmp_path: Path, nlp):
    with Workspace(tmp_path / "ws.db") as ws:
        for name, text in TEXTS.items():
            ingest_text(ws, text, name=name)
        pipeline.analyse_workspace(ws, nlp=nlp)
        _review_everything(ws)
        data = json.loads(pipeline.export(ws, "json"))
        south = next(c for c in data["claims"] if "killed 12" in c["quote"])
        assert south["reviewed"]["note"] == "the governor said 14" and south["value"]["low"] == 14
        assert any(g["reviewed"] and g["topic"] == "killed at the market" for g in data["groups"])
        assert any(r["reviewed"] and r["relation"] == "update" for r in data["relations"])
        assert all(r["confidence"] is not None for r in data["relations"] if not r["reviewed"])
        assert len(data["review"]["decisions"]) == 10 and data["review"]["rejected"][0]["reviewed"]["note"]
        md, html, csv = (pipeline.export(ws, fmt) for fmt in ("md", "html", "csv"))  # type: ignore[arg-type]
        assert "[reviewed: corrected value (machine: value: 12), by Ana — the governor said 14]" in md
        assert "## Review" in md and "not about the attack" in md
        assert 'class="reviewed"' in html and "the governor said 14" in html
        assert "reviewed,review_note,reviewer,machine_read,group_reviewed" in csv.splitlines()[0]
        assert "rejected,not about the attack" in csv

        runner = CliRunner()
        listed = runner.invoke(cli.app, ["review", "list", "--json", "-w", str(ws.path)])
        assert listed.exit_code == 0, listed.output
        rows = json.loads(listed.stdout)["decisions"]
        assert [r["action"] for r in rows][:3] == ["reject", "correct", "correct"]
        queue = runner.invoke(cli.app, ["review", "queue", "--json", "-w", str(ws.path)])
        assert json.loads(queue.stdout)["left"] == len(review_queue(pipeline.workspace_report(ws)))
        bad = runner.invoke(cli.app, ["review", "reject", "s9c9", "-w", str(ws.path)])
        assert bad.exit_code == 1 and "[E024] s9c9" in bad.output
        with pytest.raises(UnknownClaim):
            review.confirm(ws, "s9c9")
        with pytest.raises(BadReview, match="not a number"):
            review.correct(ws, south["id"], value="many")
        with pytest.raises(UnknownDecision):
            review.undo(ws, 999)


def test_a_decision_keeps_one_relation_per_statement_pair(tmp_path: Path):
    """Issue #11: a relation of reprinted statements stands for many pairs; a person's decision on one
    fact reviews that fact's relations per position (analysis.review_relations), never one per pair
    (a fact of thousands of reprints would be millions). Expanded, the result is the one that
    expanding every relation first gives."""
    from analysis.pairs import expand_relations
    from tests.test_incremental import account
    from tests.test_review_positions import review_both_ways

    accounts = [account("ab"[n % 2]) for n in range(6)]
    now, before, source_of = review_both_ways(
        tmp_path, accounts, lambda ws: review.reject(ws, "s1c2", note="not this convoy")
    )  # the convoy fact: every source says 7
    market = next(g for g in now.groups if "s1c1" in g.claim_ids)
    kept = [r for r in now.relations if r.claim_a in market.claim_ids]
    assert len(kept) == 3 and all(r.also_a for r in kept)  # 40-40, 40-55, 55-55: still one per statement pair
    convoy = next(g for g in now.groups if "s2c2" in g.claim_ids)
    assert "s1c2" not in convoy.claim_ids
    (same,) = [r for r in now.relations if r.claim_a in convoy.claim_ids]  # every source says 7: one relation
    assert len(same.also_a) == len(convoy.claim_ids) - 1

    def pairs(relations: list) -> list:  # noqa: ANN001 - Relations
        return sorted((r.claim_a, r.claim_b, r.relation, r.reason, r.reviewed) for r in relations)

    assert pairs(expand_relations(now.relations, source_of)) == pairs(before.relations)
    assert now.groups == before.groups and now.claims == before.claims
