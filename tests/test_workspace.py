"""The workspace store (issue #3), tested on real SQLite files: never a mocked database."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.models import Relation
from claims.models import KINDS, Actor, Claim, Count, DateSpan, Duration, Precision
from sources.errors import UnknownSource, WorkspaceError
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
from workspace.pipeline import workspace_report
from workspace.store import AddResult, Workspace

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
