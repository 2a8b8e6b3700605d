"""The overview from each fact's kept digest (issue #11): the very overview the whole report gives,
after every way the analysis changes, reading only the relations of the facts that changed.

Real SQLite workspaces of hand-built claims (no spaCy): three incidents told by a few desks, with
figures that agree, clash and differ.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.fact_digest import DIGEST_FORMAT, FactDigest
from analysis.overview import overview_of
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan
from sources.models import Source, text_sha256
from workspace import overview, review
from workspace.fact_digests import overview_from_digests
from workspace.incremental import realign
from workspace.pipeline import analyse_claims, claim_terms, workspace_report
from workspace.store import Workspace

# incident -> (its words, its day in May 2023)
INCIDENTS = {"bridge": (["velmora", "bridge", "blast"], 2), "depot": (["karst", "depot", "fire"], 11),
             "ferry": (["osterlund", "ferry", "sinking"], 27)}  # fmt: skip
# desk -> what it says died in each incident it tells of
DESKS = {
    "North Desk": {"bridge": 12, "depot": 4, "ferry": 31},
    "Harbour Post": {"bridge": 12, "ferry": 45},
    "Valley Times": {"bridge": 19, "depot": 4},
    "Coast Review": {"ferry": 31, "depot": 6},
}


def told(source_id: str, incident: str, dead: int) -> Claim:
    words, day = INCIDENTS[incident]
    sentence = f"{dead} people died in the {incident} {words[-1]}."
    when = DateSpan(start=date(2023, 5, day), end=date(2023, 5, day), precision="day")
    return Claim(id=f"{source_id}c{incident}", source_id=source_id, kind="casualties", quote=f"{dead} people died",
                 sentence=sentence, start=0, end=len(f"{dead} people died"), sentence_start=0,
                 value=Count(low=dead, high=dead, text=str(dead)), about="kill people", terms=list(words),
                 when=when)  # fmt: skip


def add_desk(ws: Workspace, publisher: str, says: dict[str, int]) -> str:
    text = " ".join(
        f"{dead} people died in the {incident} {INCIDENTS[incident][0][-1]}." for incident, dead in says.items()
    )
    added = ws.add_source(Source(id="new", name=f"{publisher.lower().replace(' ', '-')}.txt", text=text,
                                 sha256=text_sha256(text), publisher=publisher))  # fmt: skip
    claims = [told(added.source_id, incident, dead) for incident, dead in says.items()]
    ws.replace_claims(added.source_id, claims, "test-1", terms=claim_terms(claims))
    return added.source_id


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("RASHOMON_CACHE", str(tmp_path / "cache"))
    with Workspace(tmp_path / "ws.db") as opened:
        for publisher, says in DESKS.items():
            add_desk(opened, publisher, says)
        groups, relations = analyse_claims(opened.claims(), AliasTable())
        opened.save_analysis(groups, relations, pipeline="test-1")
        yield opened


def relations_read(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The facts whose relations the overview reads from now on."""
    asked: list[str] = []
    read = ws.relation_rows

    def recorded(ids):  # noqa: ANN001, ANN202
        ids = list(ids)
        asked.extend(ids)
        return read(ids)

    monkeypatch.setattr(ws, "relation_rows", recorded)
    return asked


def test_the_digests_give_the_overview_the_report_gives(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    built = overview_from_digests(ws)
    assert built == overview_of(workspace_report(ws))
    assert built.cards and built.queue and built.heatmap_cells  # something of each to compare
    assert set(ws.fact_digests()) == {g.id for g in ws.groups()}
    asked = relations_read(ws, monkeypatch)
    assert overview_from_digests(ws) == built and asked == []  # all kept: no relation read


def test_a_new_source_recomputes_only_the_facts_it_joins(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    overview_from_digests(ws)
    add_desk(ws, "Delta Bulletin", {"ferry": 52})
    realign(ws, AliasTable())
    asked = relations_read(ws, monkeypatch)
    built = overview_from_digests(ws)
    ferry = next(g.id for g in ws.groups() if any(cid.endswith("cferry") for cid in g.claim_ids))
    assert asked == [ferry]
    assert built == overview_of(workspace_report(ws))
    assert built.n_sources == 5 and any(card.group_id == ferry and card.contradictions for card in built.cards)


def test_a_removed_source_drops_the_digests_of_its_facts(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    overview_from_digests(ws)
    gone = ws.list_sources()[-1].id  # Coast Review: the ferry and the depot
    ws.remove_source(gone)
    asked = relations_read(ws, monkeypatch)
    built = overview_from_digests(ws)
    assert len(asked) == 2
    assert built == overview_of(workspace_report(ws)) and built.n_sources == 3


def test_relations_changed_by_any_writer_drop_their_facts_digest_only(ws: Workspace):
    overview_from_digests(ws)
    ferry = next(g for g in ws.groups() if any(cid.endswith("cferry") for cid in g.claim_ids))
    with ws.transaction():  # any writer of relations, the fact itself unchanged
        ws._rows("UPDATE relations SET relation = 'agree', reason = 'same figure' WHERE group_id = ?", (ferry.id,))
    assert set(ws.fact_digests()) == {g.id for g in ws.groups()} - {ferry.id}
    built = overview_from_digests(ws)
    assert built == overview_of(workspace_report(ws))
    assert all(card.group_id != ferry.id for card in built.cards)


def test_a_full_analysis_drops_every_digest(ws: Workspace):
    overview_from_digests(ws)
    groups, relations = analyse_claims(ws.claims(), AliasTable())
    ws.save_analysis(groups, relations, pipeline="test-1")
    assert ws.fact_digests() == {}
    assert overview_from_digests(ws) == overview_of(workspace_report(ws))


def test_digests_of_a_superseded_analysis_are_not_kept(ws: Workspace):
    generation = ws.analysis_generation()
    groups, relations = analyse_claims(ws.claims(), AliasTable())
    ws.save_analysis(groups, relations, pipeline="test-1")  # another analysis saved meanwhile
    assert not ws.keep_digests([(groups[0].id, "{}")], generation)
    assert ws.fact_digests() == {}


def test_an_overview_read_while_another_process_writes_keeps_nothing_and_never_waits(ws: Workspace):
    """The digests are a saving of time: a dashboard visitor arriving while an analysis saves gets the
    overview at once, and the digests are computed again next time."""
    import sqlite3
    import time

    writer = sqlite3.connect(ws.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        started = time.monotonic()
        built = overview_from_digests(ws)
        assert time.monotonic() - started < 5
        assert built == overview_of(workspace_report(ws))
        assert ws.fact_digests() == {}
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    overview_from_digests(ws)
    assert set(ws.fact_digests()) == {g.id for g in ws.groups()}


def said(ws: Workspace, publisher: str, incident: str) -> str:
    """The id of what a desk says of an incident."""
    source = next(s for s in ws.list_sources() if s.publisher == publisher)
    return f"{source.id}c{incident}"


# each decision names Valley Times' claims (the bridge and the depot); a relation, North Desk's too
DECISIONS = {
    "confirm": lambda ws: review.confirm(ws, said(ws, "Valley Times", "bridge")),
    "reject": lambda ws: review.reject(ws, said(ws, "Valley Times", "bridge"), note="a misread figure"),
    "correct": lambda ws: review.correct(ws, said(ws, "Valley Times", "bridge"), value="12"),
    "correct kind": lambda ws: review.correct(ws, said(ws, "Valley Times", "depot"), kind="displaced", value="4"),
    "add": lambda ws: review.add_claim(
        ws, "valley-times.txt", kind="casualties", value="19", text="19 people", fact=said(ws, "Valley Times", "depot")
    ),  # fmt: skip
    "add to a new fact": lambda ws: review.add_claim(
        ws, "valley-times.txt", kind="casualties", value="4", text="4 people"
    ),  # fmt: skip
    "rename": lambda ws: review.rename(ws, said(ws, "Valley Times", "bridge"), "people killed on the bridge"),
    "move": lambda ws: review.move(ws, said(ws, "Valley Times", "bridge"), said(ws, "Valley Times", "depot")),
    "split": lambda ws: review.move(ws, said(ws, "Valley Times", "bridge"), "new"),
    "merge": lambda ws: review.merge(ws, said(ws, "Valley Times", "depot"), said(ws, "Valley Times", "bridge")),
    "relate": lambda ws: review.relate(
        ws, said(ws, "Valley Times", "bridge"), said(ws, "North Desk", "bridge"), "agree", reason="one toll, rounded"
    ),  # fmt: skip
}


@pytest.mark.parametrize("decision", DECISIONS)
def test_a_review_decision_reads_only_the_facts_of_the_sources_it_names(ws: Workspace, decision: str,
                                                                        monkeypatch: pytest.MonkeyPatch):  # fmt: skip
    """Valley Times tells of the bridge and the depot: unless a decision names North Desk's claim too,
    the ferry's digest is kept and its relations never read."""
    overview_from_digests(ws)
    before = overview_of(workspace_report(ws))
    DECISIONS[decision](ws)
    asked = relations_read(ws, monkeypatch)
    whole: list[str] = []
    read_whole = ws.group_relations
    monkeypatch.setattr(ws, "group_relations", lambda ids: whole.extend(ids := list(ids)) or read_whole(ids))
    built = overview_from_digests(ws)
    assert asked == [] and whole
    ferry = next(g.id for g in ws.groups() if any(cid.endswith("cferry") for cid in g.claim_ids))
    assert built == overview_of(workspace_report(ws)) != before
    assert (ferry in whole) == (decision == "relate")


def test_decisions_made_and_undone_give_the_reports_overview(ws: Workspace):
    first = review.reject(ws, said(ws, "Coast Review", "ferry"))
    review.move(ws, said(ws, "Harbour Post", "ferry"), "new")
    review.merge(ws, said(ws, "North Desk", "depot"), said(ws, "North Desk", "bridge"))
    assert overview_from_digests(ws) == overview_of(workspace_report(ws))
    review.undo(ws, first["id"])
    assert overview_from_digests(ws) == overview_of(workspace_report(ws))
    assert overview.keep(ws) == overview_of(workspace_report(ws))


@pytest.mark.parametrize("changed", ['"format":' + str(DIGEST_FORMAT + 1), '"pairs":7', "not json"])
def test_a_digest_of_another_format_is_computed_anew(ws: Workspace, changed: str):
    built = overview_from_digests(ws)
    text = next(iter(ws.fact_digests().values()))
    assert FactDigest.from_json(text) is not None
    broken = text.replace(f'"format":{DIGEST_FORMAT}', changed) if changed.startswith('"format"') else changed
    if changed.startswith('"pairs"'):
        broken = text[: text.index('"pairs":')] + '"pairs":7,' + text[text.index('"contradictions":') :]
    assert FactDigest.from_json(broken) is None
    with ws.transaction():
        ws._rows("UPDATE fact_digests SET data = ?", (broken,))
    assert overview_from_digests(ws) == built
