"""One scope model (issue #8): alignment, comparison and the workspace's incremental analysis read a
count's population with the same actor table, the user's aliases and the accounts' ties in it. A
user who says that "Soviet" names Russia sees "Soviet soldiers" and "Russian soldiers" counted as
one population everywhere: grouped, compared, and kept so when a source is added later. The
sentences are made up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from workspace_helpers import PIPELINE

from analysis.collection import analyse_claims
from analysis.compare import scope_key
from claims.actors import AliasTable
from claims.models import Claim, Count, DateSpan
from sources.models import Source, text_sha256
from workspace.incremental import realign
from workspace.pipeline import claim_terms
from workspace.store import Workspace

ONE_PEOPLE = {"Soviet": "Russia"}


def soldiers_killed(source_id: str, nation: str, killed: int) -> Claim:
    sentence = f"{killed} {nation} soldiers were killed in the border clash at the river crossing."
    day = DateSpan(start=date(1969, 3, 2), end=date(1969, 3, 2), precision="day")
    return Claim(id=f"{source_id}c1", source_id=source_id, kind="casualties", quote=sentence[:-1],
                 sentence=sentence, start=0, end=len(sentence) - 1, sentence_start=0,
                 value=Count(low=killed, high=killed, text=str(killed)), scope=f"{nation} soldiers",
                 about="kill soldiers", when=day, terms=["border", "clash", "river", "crossing"],
                 event=["@ev:clash"])  # fmt: skip


def verdicts(aliases: AliasTable | None) -> list[str]:
    _groups, relations = analyse_claims([soldiers_killed("s1", "Soviet", 40), soldiers_killed("s2", "Russian", 70)],
                                        aliases)  # fmt: skip
    return [r.relation for r in relations]


def test_the_built_in_table_reads_two_states_and_the_users_alias_one():
    assert scope_key("Soviet soldiers").nations == {"Soviet Union"}
    assert scope_key("Soviet soldiers", AliasTable.with_user(ONE_PEOPLE)).nations == {"Russia"}
    assert scope_key("Russian soldiers", AliasTable.with_user(ONE_PEOPLE)).nations == {"Russia"}


def test_two_states_soldiers_are_two_facts():
    assert verdicts(None) == []


def test_with_the_users_alias_alignment_groups_them_and_the_counts_contradict():
    """Before, alignment read the scopes with the built-in table only: the two counts were never
    grouped, whatever the user said, while comparison would have called them one population."""
    assert verdicts(AliasTable.with_user(ONE_PEOPLE)) == ["contradict"]


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace(tmp_path / "ws.db") as workspace:
        yield workspace


def add(ws: Workspace, name: str, nation: str, killed: int) -> None:
    text = f"The account {name}."
    sid = ws.add_source(Source(id="new", name=name, text=text, sha256=text_sha256(text))).source_id
    claims = [soldiers_killed(sid, nation, killed)]
    ws.replace_claims(sid, claims, PIPELINE, terms=claim_terms(claims))


def test_an_account_added_later_joins_the_fact_with_the_users_alias(ws: Workspace):
    """The incremental path reads scopes with the same table as a full analysis."""
    table = AliasTable.with_user(ONE_PEOPLE)
    add(ws, "a.txt", "Soviet", 40)
    groups, relations = analyse_claims(ws.claims(), table)
    ws.save_analysis(groups, relations, pipeline=PIPELINE)
    add(ws, "b.txt", "Russian", 70)
    done = realign(ws, table, pipeline=PIPELINE)
    assert done.joined == 1
    assert [r.relation for r in ws.relations()] == ["contradict"]


def test_a_tables_scope_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch):
    """The built-in table lives as long as the process: its cache is cleared when full, and what it
    reads stays the same."""
    from analysis import compare

    monkeypatch.setattr(compare, "SCOPE_CACHE_MAX", 2)
    table = AliasTable.with_user(ONE_PEOPLE)
    read = [scope_key(f"{n} Soviet soldiers", table) for n in range(5)]
    assert len(compare._SCOPES[id(table)]) <= 2
    assert {s.nations for s in read} == {frozenset({"Russia"})}
