"""The workspace store under kills, two processes and incremental analysis (issue #3), on real SQLite files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from analysis.align import Vocabulary, block_keys
from analysis.models import Relation
from claims.models import Claim, DateSpan
from sources.errors import WorkspaceError
from sources.models import text_sha256
from tests.workspace_helpers import (  # noqa: F401
    CHILD,
    PIPELINE,
    ROOT,
    add_all,
    make_claim,
    make_group,
    make_source,
    put,
)
from workspace import schema
from workspace.incremental import statement_term
from workspace.pipeline import TERM_INDEX, claim_terms, workspace_report
from workspace.store import AnalysisChanged, Candidate, TimeSpan, Workspace

# -- transactions, kills and two processes ---------------------------------------


def test_workspace_failed_transaction_leaves_it_unchanged(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt"))
    with pytest.raises(RuntimeError), fresh_workspace.transaction():
        fresh_workspace.add_source(make_source("b.txt"))
        fresh_workspace.add_alias("x", "y")
        raise RuntimeError("killed half way")
    assert [s.id for s in fresh_workspace.list_sources()] == ["s1"]
    assert fresh_workspace.aliases() == {}
    assert fresh_workspace.add_source(make_source("c.txt")).source_id == "s2"  # counter rolled back too


def test_workspace_nested_failure_rolls_back_only_inner(fresh_workspace: Workspace):
    with fresh_workspace.transaction():
        fresh_workspace.add_source(make_source("a.txt"))
        with pytest.raises(WorkspaceError):
            fresh_workspace.update_source("a.txt", published="not a date")
        with pytest.raises(RuntimeError), fresh_workspace.transaction():
            fresh_workspace.add_alias("x", "y")
            raise RuntimeError
    assert [s.name for s in fresh_workspace.list_sources()] == ["a.txt"]
    assert fresh_workspace.aliases() == {}


def _child(path: Path, prefix: str, count: int, claims: int, *wait: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(path), prefix, str(count), str(claims), *wait],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_workspace_survives_kill_mid_add(tmp_path: Path):
    path = tmp_path / "ws.db"
    child = _child(path, "k", 100_000, 3)
    watchdog = threading.Timer(20, child.kill)
    watchdog.start()
    try:
        printed = []
        while len(printed) < 5:
            line = child.stdout.readline()
            assert line, f"child ended early: {child.stderr.read()}"
            printed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)
        printed += child.stdout.read().split()  # ids committed before the kill but not yet read
        child.wait()
    finally:
        watchdog.cancel()
    assert child.returncode == -signal.SIGKILL
    with Workspace.open(path, create=False) as ws:
        assert ws.integrity_check() == "ok"
        sources = ws.list_sources()
        claims = ws.claims()
        unextracted = {s.id for s in ws.sources_needing_extraction("child-1")}
    ids = [s.id for s in sources]
    assert set(printed) <= set(ids)
    assert all(s.text and s.sha256 == text_sha256(s.text) for s in sources)
    per_source = {sid: sum(c.source_id == sid for c in claims) for sid in ids}
    # Claims and their extraction record are one transaction: all three or none.
    assert all(per_source[sid] == (0 if sid in unextracted else 3) for sid in ids)
    assert all(per_source[sid] == 3 for sid in printed)


@pytest.mark.slow
def test_workspace_two_processes_add_at_once(tmp_path: Path):
    path = tmp_path / "ws.db"  # not created yet: both race to create and migrate it
    children = [_child(path, prefix, 30, 2, "wait") for prefix in ("cli", "dashboard")]
    for child in children:  # both have opened (and raced to migrate) the file
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    for child in children:  # start writing together
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=60) for child in children]
    assert [child.returncode for child in children] == [0, 0], [err for _, err in outputs]
    printed = [out.split() for out, _ in outputs]
    assert len(printed[0]) == len(printed[1]) == 30
    with Workspace.open(path, create=False) as ws:
        ids = [s.id for s in ws.list_sources()]
        assert len(ws.claims()) == 120
    assert sorted(ids) == sorted(printed[0] + printed[1])
    assert ids == [f"s{n}" for n in range(1, 61)]


# -- incremental analysis support (issue #3): membership, index, frequencies -----


def make_event_claim(source_id: str, number: int, terms: list[str], low: int = 12, day: int = 3) -> Claim:
    """A casualty claim about the event its `terms` name, on `day` March 2024."""
    when = DateSpan(start=date(2024, 3, day), end=date(2024, 3, day), precision="day")
    return make_claim(source_id, number, low).model_copy(update={"terms": terms, "when": when, "about": "kill"})


def _frequencies(ws: Workspace) -> tuple[int, dict[str, int]]:
    counts = ws.term_counts(key for c in ws.claims() for key in block_keys(c))
    return ws.count_claims(), {term: sum(by_kind.values()) for term, by_kind in counts.items()}


def _expected(ws: Workspace) -> tuple[int, dict[str, int]]:
    claims = ws.claims()
    df: Counter[str] = Counter()
    for claim in claims:
        df.update(set(block_keys(claim)))
    return len(claims), dict(df)


def test_workspace_term_frequencies_follow_every_change(fresh_workspace: Workspace):
    ws = fresh_workspace
    add_all(ws, [make_source("a.txt"), make_source("b.txt"), make_source("c.txt")])
    put(ws, "s1", [make_event_claim("s1", 0, ["town", "market"]), make_event_claim("s1", 1, ["bridge"])],
                      PIPELINE)  # fmt: skip
    put(ws, "s2", [make_event_claim("s2", 0, ["town", "market", "shell"])], PIPELINE)
    put(ws, "s3", [make_event_claim("s3", 0, ["town"])], PIPELINE)
    assert _frequencies(ws) == _expected(ws)
    assert _frequencies(ws)[1]["town"] == 3
    put(ws, "s3", [make_event_claim("s3", 5, ["bridge", "river"])], PIPELINE)  # re-extracted
    ws.add_source(make_source("b.txt", "a changed text"))  # updated: its claims go
    ws.remove_source("s1")
    assert _frequencies(ws) == _expected(ws) == (1, {"bridge": 1, "river": 1, "@year:2024": 1})
    # The Vocabulary the workspace keeps is the one analyse_claims would build (issue #3).
    voc = Vocabulary.of(ws.claims())
    assert {w: n for w, n in _expected(ws)[1].items() if not w.startswith("@")} == dict(voc.df)


def test_workspace_save_analysis_files_claims_into_groups(fresh_workspace: Workspace):
    ws = fresh_workspace
    add_all(ws, [make_source("a.txt"), make_source("b.txt")])
    put(ws, "s1", [make_claim("s1", 0), make_claim("s1", 1)], PIPELINE)
    put(ws, "s2", [make_claim("s2", 0)], PIPELINE)
    assert ws.count_unaligned() == 3
    group = make_group("g7", ["s1-c0", "s2-c0"]).model_copy(update={"repeats": {"s1-c1": "s1-c0"}})
    generation = ws.analysis_generation()
    ws.save_analysis([group], [Relation(claim_a="s1-c0", claim_b="s2-c0", relation="contradict", reason="x")])
    assert ws.count_unaligned() == 0  # a folded repeat belongs to its group too
    assert ws.group_claims(["g7"])["g7"] == ws.claims()
    assert list(ws.group_relations(["g7", "g8"])) == ["g7"]
    assert ws.group_counter() == 7
    with pytest.raises(AnalysisChanged):  # computed before that save: refused, nothing written
        ws.save_alignment_changes([make_group("g8", ["s1-c0"])], [], expect_generation=generation)
    assert [g.id for g in ws.groups()] == ["g7"]


def test_workspace_save_alignment_changes_writes_only_the_delta(fresh_workspace: Workspace):
    ws = fresh_workspace
    add_all(ws, [make_source("a.txt"), make_source("b.txt"), make_source("c.txt")])
    for sid in ("s1", "s2"):
        put(ws, sid, [make_claim(sid, 0)], PIPELINE)
    first = Relation(claim_a="s1-c0", claim_b="s2-c0", relation="agree", reason="same")
    ws.save_analysis([make_group("g1", ["s1-c0", "s2-c0"], "agree"), make_group("g2", [], "single")], [first])
    put(ws, "s3", [make_claim("s3", 0), make_claim("s3", 1)], PIPELINE)
    assert [c.id for c in ws.unaligned_claims()] == ["s3-c0", "s3-c1"]
    # make_claim has no time and no words: the index finds nothing; by id it is there
    assert ws.candidates("casualties", ["@year:2024", "nothing"]) == {}
    assert list(ws.claims_by_id(["s1-c0", "zz"], texts=False)) == ["s1-c0"]
    assert ws.claims_by_id(["s1-c0"], texts=False)["s1-c0"].quote == ""
    grown = make_group("g1", ["s1-c0", "s2-c0", "s3-c0"])
    added = Relation(claim_a="s1-c0", claim_b="s3-c0", relation="contradict", reason="12 vs 40")
    ws.save_alignment_changes([grown, make_group("g3", ["s3-c1"], "single")], [added], pipeline=PIPELINE,
                              expect_generation=ws.analysis_generation())  # fmt: skip
    assert [g.id for g in ws.groups()] == ["g1", "g2", "g3"]  # g1 keeps its place, g3 comes last
    assert ws.groups()[0] == grown
    assert ws.relations() == [first, added]
    assert ws.count_unaligned() == 0
    assert (ws.group_counter(), ws.stats()["stale"]) == (3, False)


def test_workspace_update_with_new_date_re_extracts(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt", published=date(2024, 3, 1)))
    put(fresh_workspace, "s1", [make_claim("s1", 0)], PIPELINE)
    fresh_workspace.update_source("s1", side="north")
    assert fresh_workspace.sources_needing_extraction(PIPELINE) == []
    fresh_workspace.update_source("s1", published="2024-03-08")  # "on Tuesday" now means another day
    assert [s.id for s in fresh_workspace.sources_needing_extraction(PIPELINE)] == ["s1"]


def test_workspace_report_folds_repeats_like_analyse(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt"))
    twin = make_claim("s1", 1).model_copy(update={"sentence": "Twelve died, the headline says."})
    put(fresh_workspace, "s1", [make_claim("s1", 0), twin], PIPELINE)
    group = make_group("g1", ["s1-c0"], "single").model_copy(update={"repeats": {"s1-c1": "s1-c0"}})
    fresh_workspace.save_analysis([group], [])
    report = workspace_report(fresh_workspace)
    assert [c.id for c in report.claims] == ["s1-c0"]
    assert report.claims[0].also == ["Twelve died, the headline says."]
    assert len(fresh_workspace.claims()) == 2  # the store keeps both


def test_workspace_migration_2_carries_an_existing_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ws.db"
    with monkeypatch.context() as old:  # a workspace written by the first release (schema 1)
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        with Workspace(path) as ws:
            ws._rows(
                "INSERT INTO sources VALUES ('s1', 'a.txt', NULL, NULL, NULL, NULL, NULL, 'en', 'x', 'h1', '', '')"
            )
            ws._rows(
                "INSERT INTO sources VALUES ('s2', 'b.txt', NULL, NULL, NULL, NULL, NULL, 'en', 'y', 'h2', '', '')"
            )
            for sid in ("s1", "s2"):
                claim = make_event_claim(sid, 0, ["town"])
                ws._rows("INSERT INTO claims VALUES (?, ?, 0, 'casualties', ?, 'p')",
                         (claim.id, sid, claim.model_dump_json()))  # fmt: skip
            ws._rows("INSERT INTO groups VALUES ('g1', 0, 'casualties', ?)",
                     (make_group("g1", ["s1-c0", "s2-c0"]).model_dump_json(),))  # fmt: skip
            ws._rows("INSERT INTO relations VALUES (0, 's1-c0', 's2-c0', 'agree', 'same')")
    with Workspace(path) as ws:
        assert ws.pragmas()["user_version"] == schema.schema_version()
        assert ws.count_unaligned() == 0
        assert [r.relation for r in ws.group_relations(["g1"])["g1"]] == ["agree"]
        assert ws.term_index_ready(TERM_INDEX) is False  # claims of schema 1 are not indexed yet
        ws.rebuild_term_index(TERM_INDEX, claim_terms)
        assert ws.term_index_ready(TERM_INDEX) is True
        assert _frequencies(ws) == _expected(ws)
        day = TimeSpan(date(2024, 3, 3), date(2024, 3, 3), "day")  # times carried into the blocking index
        found = ws.candidates("casualties", ["@year:2024"], ["town", "river"])
        town = frozenset({"town"})
        same = statement_term(make_event_claim("s1", 0, ["town"]))  # one statement in two sources (issue #11)
        assert found == {"g1": [Candidate("s1-c0", day, town, same), Candidate("s2-c0", day, town, same)]}
        assert [c.words for c in ws.candidates("casualties", ["town"], ["river"])["g1"]] == [frozenset()] * 2
        assert ws.candidates("wounded", ["town"]) == {}
        assert ws.group_sizes(["g1", "g9"]) == {"g1": 2}
        ws.remove_source("s1")  # membership known: the claim leaves g1 and its relation goes
        assert (ws.groups()[0].claim_ids, ws.relations()) == (["s2-c0"], [])
