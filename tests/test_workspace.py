"""The workspace store (issue #3), tested on real SQLite files: never a mocked database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.align import Vocabulary, block_keys
from analysis.models import CountSummary, Group, Relation
from claims.models import KINDS, Actor, Claim, Count, DateSpan, Duration, Precision
from sources.errors import UnknownSource, WorkspaceError
from sources.models import Source, text_sha256
from workspace import schema
from workspace.pipeline import TERM_INDEX, claim_terms, workspace_report
from workspace.store import AddResult, AnalysisChanged, Candidate, TimeSpan, Workspace

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("workspace_child.py")
PIPELINE = "test-1"


def put(ws: Workspace, source_id: str, claims: list[Claim], pipeline: str, **kw: str) -> None:
    """Store claims with the blocking keys `analyse` computes for them."""
    ws.replace_claims(source_id, claims, pipeline, terms=claim_terms(claims), **kw)


def add_all(ws: Workspace, sources: list[Source]) -> list[AddResult]:
    """One transaction per source, as `rashomon add` does."""
    return [ws.add_source(source) for source in sources]


@pytest.fixture
def fresh_workspace(tmp_path: Path):
    """A new workspace file in tmp_path, closed after the test."""
    with Workspace(tmp_path / "ws.db") as ws:
        yield ws


def make_source(name: str, text: str | None = None, **meta) -> Source:
    text = text if text is not None else f"The text of {name}: 12 people were killed."
    meta.setdefault("origin", f"/corpus/{name}")  # as a file read from /corpus would be (issue #10)
    return Source(id="placeholder", name=name, text=text, sha256=text_sha256(text), **meta)


def make_claim(source_id: str, number: int, low: int = 12) -> Claim:
    return Claim(
        id=f"{source_id}-c{number}",
        source_id=source_id,
        kind="casualties",
        quote=f"{low} people",
        sentence=f"{low} people were killed.",
        start=number * 10,
        end=number * 10 + 9,
        sentence_start=0,
        value=Count(low=low, high=low, text=str(low)),
    )


def make_group(group_id: str, claim_ids: list[str], status: str = "contested") -> Group:
    summary = CountSummary(low=10, best=12, high=15, low_sources=["s1"])
    return Group(id=group_id, kind="casualties", topic="killed", claim_ids=claim_ids, status=status, summary=summary)


# -- opening and settings ---------------------------------------------------------


def test_workspace_file_uses_wal_and_issue_pragmas(tmp_path: Path):
    Workspace(tmp_path / "ws.db").close()
    with Workspace.open(str(tmp_path / "ws.db"), create=False) as ws:
        pragmas = ws.pragmas()
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["busy_timeout"] == 30_000
    assert pragmas["foreign_keys"] == 1
    assert pragmas["synchronous"] == 1  # NORMAL
    assert pragmas["user_version"] == schema.schema_version()


def test_workspace_not_a_database_is_refused_in_one_line(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 200)
    with pytest.raises(WorkspaceError) as info:
        Workspace(path)
    assert "not a SQLite database" in str(info.value)
    assert "\n" not in info.value.line()
    assert path.read_text().startswith("These are my notes")  # untouched


def test_workspace_newer_schema_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ws.db"
    with monkeypatch.context() as future:  # a later Rashomon with one more migration
        future.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, ()])
        with Workspace(path) as ws:
            assert ws.pragmas()["user_version"] == len(schema.MIGRATIONS)
    with pytest.raises(WorkspaceError, match="newer Rashomon"):
        Workspace(path)


def test_workspace_other_programs_database_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    Workspace(tmp_path / "ws.db").close()
    monkeypatch.setattr(schema, "APPLICATION_ID", schema.APPLICATION_ID + 1)  # as if another program's
    with pytest.raises(WorkspaceError, match="not a Rashomon workspace"):
        Workspace(tmp_path / "ws.db")


def test_workspace_pending_migrations_are_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        ws.add_source(make_source("a.txt"))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, (), ("this is not valid",)])
    with pytest.raises(WorkspaceError):
        Workspace(path)
    monkeypatch.undo()
    with Workspace(path) as ws:
        assert ws.pragmas()["user_version"] == schema.schema_version()
        assert [s.name for s in ws.list_sources()] == ["a.txt"]


def test_workspace_open_refuses_missing_file_or_folder(tmp_path: Path):
    with pytest.raises(WorkspaceError, match="no workspace here"):
        Workspace.open(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(WorkspaceError, match="folder"):
        Workspace(tmp_path)
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace(tmp_path / "nowhere" / "ws.db")


def test_workspace_closed_raises_workspace_error(tmp_path: Path):
    ws = Workspace(tmp_path / "ws.db")
    ws.close()
    ws.close()  # idempotent
    with pytest.raises(WorkspaceError, match="closed"):
        ws.list_sources()


def test_workspace_memory_is_private_and_works():
    with Workspace.memory() as one, Workspace.memory() as two:
        assert one.add_source(make_source("a.txt")).source_id == "s1"
        assert two.list_sources() == []


# -- sources ----------------------------------------------------------------------


def test_workspace_add_assigns_ids_and_persists(tmp_path: Path):
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        results = add_all(ws, [make_source("a.txt"), make_source("b.txt", published=date(2024, 3, 1))])
    assert [(r.status, r.source_id, r.name) for r in results] == [("added", "s1", "a.txt"), ("added", "s2", "b.txt")]
    with Workspace.open(path) as ws:
        stored = ws.list_sources()
    assert [s.id for s in stored] == ["s1", "s2"]
    assert stored[1] == make_source("b.txt", published=date(2024, 3, 1)).model_copy(update={"id": "s2"})


def test_workspace_duplicate_text_writes_nothing(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt", "same words"))
    before = fresh_workspace.source_rows()
    result = fresh_workspace.add_source(make_source("copy.html", "same words", title="Other"))
    assert result == AddResult("duplicate", "s1", "copy.html", existing_id="s1", existing_name="a.txt", chars=10)
    assert result.line() == "duplicate copy.html: same text as s1 a.txt, not added"
    assert fresh_workspace.source_rows() == before


def test_workspace_same_origin_new_text_updates_and_drops_claims(fresh_workspace: Workspace):
    sid = fresh_workspace.add_source(make_source("a.txt", "old text", origin="/in/a.txt")).source_id
    put(fresh_workspace, sid, [make_claim(sid, 0)], PIPELINE)
    fresh_workspace.save_analysis([make_group("g1", [f"{sid}-c0"], "single")], [])
    result = fresh_workspace.add_source(make_source("a.txt", "new text!", title="Revised", origin="/in/a.txt"))
    assert result == AddResult("updated", "s1", "a.txt", chars=9, chars_before=8)
    assert result.line() == "updated s1 a.txt: 8 -> 9 characters"
    source = fresh_workspace.get_source("s1")
    assert (source.text, source.title, source.sha256) == ("new text!", "Revised", text_sha256("new text!"))
    assert fresh_workspace.claims() == []
    assert fresh_workspace.groups() == []
    assert [s.id for s in fresh_workspace.sources_needing_extraction(PIPELINE)] == ["s1"]


@pytest.mark.parametrize(
    ("origins", "names"),
    [
        # issue #10: two folders' report.txt are two sources; a saved page's index.html likewise
        (["/a/report.txt", "/b/report.txt"], ["report.txt", "b/report.txt"]),
        (["/x/a/index.html", "/y/a/index.html", "/z/a/index.html"], ["index.html", "a/index.html", "z/a/index.html"]),
        ([None, None], ["report.txt", "report.txt (2)"]),  # no origin known: a number tells them apart
        (["pasted:report.txt", "/c/report.txt"], ["report.txt", "c/report.txt"]),
        (
            [f"{tempfile.gettempdir()}/upload-1/report.txt", f"{tempfile.gettempdir()}/upload-2/report.txt"],
            ["report.txt", "report.txt (2)"],
        ),  # a program's temporary folder is never shown
    ],
)
def test_workspace_same_file_name_from_elsewhere_is_another_source(fresh_workspace: Workspace, origins, names):
    name = PurePath(names[0]).name
    results = [fresh_workspace.add_source(make_source(name, f"Text {n}.", origin=o)) for n, o in enumerate(origins)]
    assert [r.status for r in results] == ["added"] * len(origins)
    assert [r.name for r in results] == names
    assert [r.same_name_id for r in results] == [None] + ["s1"] * (len(origins) - 1)
    assert results[1].line() == f"added s2 {names[1]} (s1 has the same file name, from elsewhere)"
    stored = fresh_workspace.list_sources()
    assert [(s.name, s.origin, s.text) for s in stored] == list(
        zip(names, origins, [f"Text {n}." for n in range(len(names))], strict=True)
    )


def test_workspace_source_from_before_origins_learns_its_origin(fresh_workspace: Workspace):
    fresh_workspace._rows(  # as migration 3 leaves a source added by an older release
        "INSERT INTO sources (id, name, text, sha256, added_at, updated_at) VALUES ('s1', 'a.txt', 'old', ?, '', '')",
        (text_sha256("old"),),
    )
    again = fresh_workspace.add_source(make_source("a.txt", "old", origin="/in/a.txt"))
    assert (again.status, fresh_workspace.get_source("s1").origin) == ("duplicate", "/in/a.txt")
    assert fresh_workspace.add_source(make_source("a.txt", "new", origin="/in/a.txt")).status == "updated"
    other = fresh_workspace.add_source(make_source("b.txt", "b", origin="/in/b.txt"))
    assert (other.status, other.source_id) == ("added", "s2")


def test_workspace_migration_3_keeps_urls_as_their_origin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "ws.db"
    with monkeypatch.context() as old:  # a workspace of schema 2
        old.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        with Workspace(path) as ws:
            for sid, name in (("s1", "a.txt"), ("s2", "https://news.example/a")):
                ws._rows("INSERT INTO sources (id, name, text, sha256, added_at, updated_at) VALUES (?, ?, ?, ?, '', '')",
                         (sid, name, f"text of {sid}", f"h{sid}"))  # fmt: skip
    with Workspace(path) as ws:
        assert ws.pragmas()["user_version"] == schema.schema_version()
        assert [s.origin for s in ws.list_sources()] == [None, "https://news.example/a"]
        url = make_source("https://news.example/a", "a new version", origin="https://news.example/a")
        assert ws.add_source(url).status == "updated"
        assert ws.add_source(make_source("a.txt", "other", origin="/in/a.txt")).name == "in/a.txt"


def test_workspace_remove_cascades_and_detaches_its_claims(fresh_workspace: Workspace):
    a, b = (r.source_id for r in add_all(fresh_workspace, [make_source("a.txt"), make_source("b.txt")]))
    put(fresh_workspace, a, [make_claim(a, 0), make_claim(a, 1)], PIPELINE)
    put(fresh_workspace, b, [make_claim(b, 0)], PIPELINE)
    fresh_workspace.save_analysis(
        [make_group("g1", [f"{a}-c0", f"{b}-c0"]), make_group("g2", [f"{a}-c1"], "single")],
        [Relation(claim_a=f"{a}-c0", claim_b=f"{b}-c0", relation="agree", reason="same")],
    )
    removed = fresh_workspace.remove_source("a.txt")
    assert removed.id == a
    assert [c.source_id for c in fresh_workspace.claims()] == [b]
    # Its claims leave their groups (issue #3): g2 is left empty and goes, g1 keeps b's claim
    # and waits for the next analyse to recompute its summary; the rest of the analysis stays.
    assert [(g.id, g.claim_ids) for g in fresh_workspace.groups()] == [("g1", [f"{b}-c0"])]
    assert fresh_workspace.relations() == []
    assert fresh_workspace.stale_group_ids() == ["g1"]
    assert fresh_workspace.count_unaligned() == 0
    assert fresh_workspace.stats()["stale"] is True
    with pytest.raises(UnknownSource):
        fresh_workspace.get_source(a)


def test_workspace_ids_never_reused_after_remove(tmp_path: Path):
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        add_all(ws, [make_source("a.txt"), make_source("b.txt")])
        ws.remove_source("s2")
    with Workspace(path) as ws:
        assert ws.add_source(make_source("c.txt")).source_id == "s3"
        ws.remove_source("s1")
        ws.remove_source("s3")
        assert ws.add_source(make_source("d.txt")).source_id == "s4"


def test_workspace_update_source_metadata(tmp_path: Path):
    path = tmp_path / "ws.db"
    with Workspace(path) as ws:
        ws.add_source(make_source("a.txt", "body"))
        updated = ws.update_source("a.txt", title="T", publisher="P", published="2024-02-29", side="north")
        assert updated.published == date(2024, 2, 29)
        ws.update_source("s1", side=None)
    with Workspace(path) as ws:
        source = ws.get_source("s1")
    assert (source.title, source.publisher, source.published, source.side) == (
        "T",
        "P",
        date(2024, 2, 29),
        None,
    )
    assert source.text == "body"


def test_workspace_update_source_rejects_text_and_bad_date(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt"))
    with pytest.raises(TypeError, match="text"):
        fresh_workspace.update_source("s1", text="sneaky")
    with pytest.raises(WorkspaceError, match="published"):
        fresh_workspace.update_source("s1", published="2024-13-01")
    assert fresh_workspace.get_source("s1").published is None


@pytest.mark.parametrize("ref", ["s2", "reports/bbc-2024.html", "reports/bbc", "bbc-2024.html", "REPORTS/BBC"])
def test_workspace_get_source_by_id_name_prefix_suffix(fresh_workspace: Workspace, ref: str):
    add_all(fresh_workspace, [make_source("reports/ap.txt"), make_source("reports/bbc-2024.html")])
    assert fresh_workspace.get_source(ref).id == "s2"


def test_workspace_get_source_unknown_or_ambiguous(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source("reports/ap.txt"), make_source("reports/bbc.txt")])
    with pytest.raises(UnknownSource):
        fresh_workspace.get_source("s9")
    with pytest.raises(UnknownSource):
        fresh_workspace.get_source("")
    with pytest.raises(WorkspaceError, match="s1 .*s2"):
        fresh_workspace.get_source("reports/")


def test_workspace_source_rows_have_counts_not_text(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source("a.txt", "abcdef"), make_source("b.txt")])
    put(fresh_workspace, "s1", [make_claim("s1", 0), make_claim("s1", 1)], PIPELINE)
    rows = fresh_workspace.source_rows()
    assert [(r["id"], r["claims"], r["chars"], r["extracted"]) for r in rows] == [
        ("s1", 2, 6, True),
        ("s2", 0, len(make_source("b.txt").text), False),
    ]
    assert all("text" not in row for row in rows)


# -- claims and extraction records ----------------------------------------------


def test_workspace_sources_needing_extraction_lifecycle(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source("a.txt"), make_source("b.txt")])
    assert [s.id for s in fresh_workspace.sources_needing_extraction(PIPELINE)] == ["s1", "s2"]
    put(fresh_workspace, "s1", [make_claim("s1", 0)], PIPELINE)
    put(fresh_workspace, "s2", [], PIPELINE)  # no claims found is still "extracted"
    assert fresh_workspace.sources_needing_extraction(PIPELINE) == []
    assert [s.id for s in fresh_workspace.sources_needing_extraction("test-2")] == ["s1", "s2"]
    fresh_workspace.add_source(make_source("b.txt", "changed text"))
    assert [s.id for s in fresh_workspace.sources_needing_extraction(PIPELINE)] == ["s2"]


def test_workspace_replace_claims_replaces_in_order(fresh_workspace: Workspace):
    fresh_workspace.add_source(make_source("a.txt"))
    put(fresh_workspace, "s1", [make_claim("s1", n) for n in range(3)], PIPELINE)
    new = [make_claim("s1", 7, low=40), make_claim("s1", 5, low=30)]
    put(fresh_workspace, "s1", new, PIPELINE)
    assert fresh_workspace.claims("s1") == new


def test_workspace_replace_claims_refuses_bad_input_and_writes_nothing(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source("a.txt"), make_source("b.txt")])
    put(fresh_workspace, "s1", [make_claim("s1", 0)], PIPELINE)
    with pytest.raises(UnknownSource):
        put(fresh_workspace, "s9", [], PIPELINE)
    with pytest.raises(WorkspaceError, match="another source"):
        put(fresh_workspace, "s2", [make_claim("s1", 1)], PIPELINE)
    with pytest.raises(WorkspaceError, match="changed"):
        put(fresh_workspace, "s2", [], PIPELINE, sha256=text_sha256("an older text"))
    clash = make_claim("s1", 0).model_copy(update={"source_id": "s2"})  # same id as s1's claim
    with pytest.raises(WorkspaceError, match="unique"):
        put(fresh_workspace, "s2", [make_claim("s2", 0), clash], PIPELINE)
    assert fresh_workspace.claims() == [make_claim("s1", 0)]
    assert [s.id for s in fresh_workspace.sources_needing_extraction(PIPELINE)] == ["s2"]


def test_workspace_claims_ordered_by_source_number(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source(f"{n}.txt") for n in range(1, 11)])
    for sid in ("s10", "s2", "s1"):
        put(fresh_workspace, sid, [make_claim(sid, 1), make_claim(sid, 0)], PIPELINE)
    assert [c.id for c in fresh_workspace.claims()] == [f"{sid}-c{n}" for sid in ("s1", "s2", "s10") for n in (1, 0)]
    assert [s.id for s in fresh_workspace.list_sources()][-2:] == ["s9", "s10"]
    with pytest.raises(UnknownSource):
        fresh_workspace.claims("s99")


_texts = st.text(max_size=30)
_dates = st.builds(
    DateSpan, start=st.dates(), end=st.dates(), precision=st.sampled_from(get_args(Precision)), text=_texts
)
_values = st.one_of(
    st.builds(
        Count,
        low=st.none() | st.integers(min_value=0),
        high=st.none() | st.integers(min_value=0),
        qualifier=st.none() | _texts,
        vague=st.booleans(),
        text=_texts,
    ),
    _dates,
    st.builds(
        Actor,
        actor=_texts,
        target=st.none() | _texts,
        negated=st.booleans(),
        actor_text=_texts,
        target_text=st.none() | _texts,
    ),
    st.builds(Duration, days=st.floats(allow_nan=False, allow_infinity=False), text=_texts),
)
_claims = st.builds(
    Claim,
    id=st.text(min_size=1, max_size=12),
    source_id=st.just("s1"),
    kind=st.sampled_from(KINDS),
    quote=st.text(),
    sentence=st.text(),
    start=st.integers(min_value=0),
    end=st.integers(min_value=0),
    sentence_start=st.integers(min_value=0),
    value=_values,
    scope=st.none() | _texts,
    speaker=st.none() | _texts,
    hedged=st.booleans(),
    about=_texts,
    terms=st.lists(_texts, max_size=4),
    entities=st.lists(_texts, max_size=4),
    when=st.none() | _dates,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=st.lists(_claims, max_size=4, unique_by=lambda claim: claim.id))
def test_workspace_claims_round_trip_unchanged(claims: list[Claim]):
    with Workspace.memory() as ws:
        sid = ws.add_source(make_source("a.txt")).source_id
        put(ws, sid, claims, PIPELINE)
        loaded = ws.claims()
    assert loaded == claims
    assert [c.model_dump_json() for c in loaded] == [c.model_dump_json() for c in claims]


# -- analysis, aliases, decisions -------------------------------------------------


def test_workspace_save_analysis_replaces(fresh_workspace: Workspace):
    first = [make_group("g1", ["x"]), make_group("g2", ["y"], "single")]
    fresh_workspace.save_analysis(first, [Relation(claim_a="x", claim_b="y", relation="contradict", reason="12 vs 40")])
    second = [make_group("g9", ["z"], "agree")]
    fresh_workspace.save_analysis(second, [], pipeline="test-2")
    assert fresh_workspace.groups() == second
    assert fresh_workspace.relations() == []
    stats = fresh_workspace.stats()
    assert (stats["groups"], stats["agreed"], stats["contested"], stats["stale"]) == (1, 1, 0, False)


def test_workspace_report_assembles_tables(fresh_workspace: Workspace):
    add_all(fresh_workspace, [make_source("a.txt"), make_source("b.txt")])
    put(fresh_workspace, "s1", [make_claim("s1", 0)], PIPELINE)
    put(fresh_workspace, "s2", [make_claim("s2", 0, low=40)], PIPELINE)
    groups = [make_group("g1", ["s1-c0", "s2-c0"])]
    relations = [Relation(claim_a="s1-c0", claim_b="s2-c0", relation="contradict", reason="12 vs 40")]
    fresh_workspace.save_analysis(groups, relations, pipeline=PIPELINE)
    report = workspace_report(fresh_workspace)
    assert [s.id for s in report.sources] == ["s1", "s2"]
    assert [c.id for c in report.claims] == ["s1-c0", "s2-c0"]
    assert (report.groups, report.relations, report.pipeline) == (groups, relations, PIPELINE)
    assert isinstance(report.generated, datetime)


def test_workspace_aliases_are_case_insensitive(fresh_workspace: Workspace):
    fresh_workspace.add_alias("IDF", "Israel Defense Forces")
    fresh_workspace.add_alias("Tatmadaw", "Myanmar military")
    fresh_workspace.add_alias("idf", "Israeli army")  # same name in another case: replaces
    assert fresh_workspace.aliases() == {"idf": "Israeli army", "Tatmadaw": "Myanmar military"}
    assert fresh_workspace.remove_alias("TATMADAW") is True
    assert fresh_workspace.remove_alias("nobody") is False
    assert fresh_workspace.aliases() == {"idf": "Israeli army"}
    with pytest.raises(WorkspaceError):
        fresh_workspace.add_alias(" ", "x")


def test_workspace_decisions_are_kept_in_order(fresh_workspace: Workspace):
    first = fresh_workspace.add_decision("g1", "split", "two different attacks")
    fresh_workspace.add_decision("s1-c0|s2-c0", "not the same fact")
    assert first["id"] == 1 and first["note"] == "two different attacks"
    assert [(d["target"], d["decision"], d["note"]) for d in fresh_workspace.decisions()] == [
        ("g1", "split", "two different attacks"),
        ("s1-c0|s2-c0", "not the same fact", ""),
    ]
    assert len(fresh_workspace.decisions("g1")) == 1
    assert fresh_workspace.stats()["decisions"] == 2


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
        assert found == {"g1": [Candidate("s1-c0", day, town), Candidate("s2-c0", day, town)]}
        assert [c.words for c in ws.candidates("casualties", ["town"], ["river"])["g1"]] == [frozenset()] * 2
        assert ws.candidates("wounded", ["town"]) == {}
        assert ws.group_sizes(["g1", "g9"]) == {"g1": 2}
        ws.remove_source("s1")  # membership known: the claim leaves g1 and its relation goes
        assert (ws.groups()[0].claim_ids, ws.relations()) == (["s2-c0"], [])
