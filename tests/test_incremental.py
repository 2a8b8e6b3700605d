"""Incremental re-analysis of a workspace (issue #3), on real SQLite files.

The hand-built claims need no spaCy model and run in milliseconds; the tests
marked slow extract real texts with the shared pipeline (claims.nlp.load_nlp
is cached, one load per test session).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from analysis.models import Report
from analysis.pairs import relation_pairs
from analysis.relate import _same_population
from analysis.summary import summarise_counts
from benchmarks.workspace_corpus import generate
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim, Count, DateSpan
from sources.loaders import load_text
from sources.models import Source, SourceMeta, text_sha256
from workspace import incremental
from workspace.incremental import realign
from workspace.ingest import ingest, ingest_paths, ingest_text, pasted_origin
from workspace.pipeline import (
    analyse_claims,
    analyse_workspace,
    claim_terms,
    refresh,
    workspace_report,
)
from workspace.store import Workspace

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = "test-1"


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace(tmp_path / "ws.db") as workspace:
        yield workspace


@pytest.fixture(scope="module")
def nlp():
    from claims.nlp import load_nlp

    return load_nlp()


# -- hand-built claims --------------------------------------------------------------

EVENTS = {  # words a report of each made-up event shares, and its day in March 2024
    "market": (["tromville", "market", "shell", "artillery"], 4),
    "bridge": (["birtara", "bridge", "assault", "river"], 11),
    "convoy": (["shiovo", "convoy", "ambush", "road"], 19),
}


def event_claim(
    source_id: str, number: int, event: str, killed: int, *, extra: str = "", day: int | None = None
) -> Claim:
    words, event_day = EVENTS[event]
    day = event_day if day is None else day
    when = DateSpan(start=date(2024, 3, day), end=date(2024, 3, day), precision="day")
    return Claim(
        id=f"{source_id}c{number}",
        source_id=source_id,
        kind="casualties",
        quote=f"{killed} people were killed",
        sentence=f"{killed} people were killed in the {event} attack {extra}.",
        start=number * 100,
        end=number * 100 + 20,
        sentence_start=number * 100,
        value=Count(low=killed, high=killed, text=str(killed)),
        about="kill people",
        terms=[*words, extra] if extra else list(words),
        when=when,
    )


def add_claims(ws: Workspace, name: str, claims_of) -> str:
    """Add a source named `name` and store the claims `claims_of(source_id)` gives."""
    text = f"The account {name}."
    sid = ws.add_source(Source(id="new", name=name, text=text, sha256=text_sha256(text))).source_id
    ws.replace_claims(sid, claims_of(sid), PIPELINE, terms=claim_terms(claims_of(sid)))
    return sid


def full_analysis(ws: Workspace) -> None:
    groups, relations = analyse_claims(ws.claims(), AliasTable())
    ws.save_analysis(groups, relations, pipeline=PIPELINE)


def relation_key(r) -> tuple:  # noqa: ANN001 - a Relation
    return (r.claim_a, r.claim_b, tuple(r.also_a), tuple(r.also_b))


def test_incremental_a_new_figure_that_adds_up_to_nothing_compares_no_stored_pair_again(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
):
    """34 against 44, then an account of 7: no two of them add up with it, so only the new
    account's pairs are compared (issue #11: a fact of hundreds of contradicting counts is not
    compared afresh for each new figure)."""
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 34)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 44)])
    full_analysis(ws)
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 7)])
    compared: list[tuple[str, str]] = []
    relation_of = incremental.relation_of
    monkeypatch.setattr(
        incremental, "relation_of", lambda a, b, *rest: compared.append((a.id, b.id)) or relation_of(a, b, *rest)
    )
    realign(ws, AliasTable(), pipeline=PIPELINE)
    monkeypatch.undo()
    assert len(compared) == 2 and all("s3" in pair[1] for pair in compared)
    assert [r.relation for r in ws.relations()].count("contradict") == 3
    same_as_full_analysis(ws)


def grouping(groups) -> set[frozenset[str]]:
    return {frozenset(g.claim_ids) for g in groups}


def assert_consistent(report: Report) -> None:
    """What every saved analysis must satisfy, however it was computed."""
    claims = {c.id: c for c in report.claims}
    seen = Counter(cid for g in report.groups for cid in g.claim_ids)
    assert set(seen) == set(claims) and set(seen.values()) == {1}, "each claim in exactly one group"
    group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
    source_of = {cid: c.source_id for cid, c in claims.items()}
    # a relation of statements other sources print too stands for each pair of its sides (issue #11)
    pairs = Counter(frozenset(pair) for r in report.relations for pair in relation_pairs(r, source_of))
    assert set(pairs.values()) <= {1}
    for r in report.relations:
        for a, b in relation_pairs(r, source_of):
            assert group_of[a] == group_of[b] == group_of[r.claim_a]
            assert claims[a].source_id != claims[b].source_id
    for g in report.groups:
        members = [claims[cid] for cid in g.claim_ids]
        assert {m.kind for m in members} == {g.kind}
        expected = {frozenset((a.id, b.id)) for a, b in combinations(members, 2) if a.source_id != b.source_id}
        assert expected <= set(pairs), f"{g.id}: a cross-source pair has no relation"
        own = [r for r in report.relations if group_of[r.claim_a] == g.id]
        if len({m.source_id for m in members}) < 2:
            assert g.status == "single"
        else:
            assert g.status == ("contested" if any(r.relation == "contradict" for r in own) else "agree")
        if g.kind in NUMERIC_KINDS:  # over the counts of one population, as relate() sums them up
            assert g.summary == summarise_counts(_same_population(members, own))


def test_incremental_new_claims_join_the_groups_a_full_analysis_gives(ws: Workspace):
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40), event_claim(s, 2, "bridge", 12)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 40), event_claim(s, 2, "convoy", 7)])
    full_analysis(ws)
    before = ws.relations()
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "bridge", 30), event_claim(s, 2, "market", 40),
                                       event_claim(s, 3, "convoy", 7)])  # fmt: skip
    done = realign(ws, AliasTable(), pipeline=PIPELINE)
    assert (done.new_claims, done.joined, done.new_groups) == (3, 3, 0)
    full_groups, full_relations = analyse_claims(ws.claims(), AliasTable())
    assert grouping(ws.groups()) == grouping(full_groups)
    # old pairs keep their verdicts; s3c2 restates s1c1 and s2c1's statement: their relation names it too
    assert [r.model_copy(update={"also_a": [], "also_b": []}) for r in ws.relations()[: len(before)]] == [
        r.model_copy(update={"also_a": [], "also_b": []}) for r in before
    ]
    assert sorted(ws.relations(), key=relation_key) == sorted(full_relations, key=relation_key)
    assert_consistent(workspace_report(ws))
    statuses = {frozenset(g.claim_ids): g.status for g in ws.groups()}
    assert statuses[frozenset({"s1c2", "s3c1"})] == "contested"  # 12 against 30
    assert statuses[frozenset({"s1c1", "s2c1", "s3c2"})] == "agree"


def test_incremental_claims_of_a_new_fact_form_their_own_group(ws: Workspace):
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40)])
    full_analysis(ws)
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "convoy", 7)])
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "convoy", 9)])
    done = realign(ws, AliasTable(), pipeline=PIPELINE)
    assert (done.joined, done.new_groups) == (0, 1)
    groups = ws.groups()
    assert [(g.id, g.claim_ids, g.status) for g in groups] == [
        ("g1", ["s1c1"], "single"),
        ("g2", ["s2c1", "s3c1"], "contested"),
    ]
    assert_consistent(workspace_report(ws))


def test_incremental_claim_never_joins_a_group_whose_time_it_cannot_share(ws: Workspace):
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 41)])
    full_analysis(ws)
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 40, day=25)])  # same words, three weeks on
    assert realign(ws, AliasTable()).joined == 0
    assert ["s3c1"] in [g.claim_ids for g in ws.groups()]


def test_incremental_repeats_of_one_source_are_folded(ws: Workspace):
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 40)])
    full_analysis(ws)
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 45), event_claim(s, 2, "market", 45, extra="x")])
    realign(ws, AliasTable())
    (group,) = ws.groups()
    full, _ = analyse_claims(ws.claims(), AliasTable())
    assert (group.claim_ids, group.repeats) == (full[0].claim_ids, full[0].repeats)
    assert len(workspace_report(ws).claims) == 3
    assert_consistent(workspace_report(ws))


def account(kind: str):  # noqa: ANN201 - source id -> its claims
    """Two rival accounts, each printed word for word by many sources (a wire story and its reprints)."""
    if kind == "a":
        return lambda s: [event_claim(s, 1, "market", 40), event_claim(s, 2, "convoy", 7)]
    return lambda s: [event_claim(s, 1, "market", 55), event_claim(s, 2, "convoy", 7)]


def same_as_full_analysis(ws: Workspace) -> None:
    """Groups, relations (per distinct statement), statuses and summaries as a full analysis gives them."""
    groups, relations = analyse_claims(ws.claims(), AliasTable())
    facts = {frozenset(g.claim_ids): (g.status, g.summary, g.repeats) for g in ws.groups()}
    assert facts == {frozenset(g.claim_ids): (g.status, g.summary, g.repeats) for g in groups}
    assert sorted(ws.relations(), key=relation_key) == sorted(relations, key=relation_key)
    assert_consistent(workspace_report(ws))


@pytest.mark.parametrize("postings", [400, 3, 1])
def test_incremental_reprints_are_aligned_per_statement_as_a_full_analysis_does(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, postings: int
):
    """Issue #11: a reprint of stored statements joins their facts unscored and only widens their
    relations; a new statement blocks on words counted per distinct statement, so past the posting
    limit (3 here, as for 400 reprints) it still finds its fact, as a full analysis does. With a limit
    of 1 no word blocks: each statement is a fact of its own, its copies compared all the same."""
    from analysis import align as align_module
    from workspace import incremental

    monkeypatch.setattr(align_module, "MAX_POSTINGS", postings)
    monkeypatch.setattr(incremental, "MAX_POSTINGS", postings)
    for n in range(6):
        add_claims(ws, f"{n}.txt", account("ab"[n % 2]))
    full_analysis(ws)
    # 40 and 55 against each other and themselves, 7 against itself (at 1: each statement alone)
    assert len(ws.relations()) == (4 if postings > 1 else 3)
    calls: Counter[str] = Counter()
    for name in ("pair_score", "relation_of"):
        real = getattr(incremental, name)
        monkeypatch.setattr(incremental, name, lambda *a, _f=real, _n=name: calls.update([_n]) or _f(*a))
    add_claims(ws, "6.txt", account("a"))
    add_claims(ws, "7.txt", account("b"))
    done = realign(ws, AliasTable(), pipeline=PIPELINE)
    assert (done.joined, done.new_groups) == (4, 0)
    # nothing scored to join; compared once per pair of distinct statements (40-40, 40-55, 55-55, 7-7), with
    # the vocabulary of now, not once per pair of reprints (12 new ones)
    assert calls == (
        Counter({"relation_of": 4, "pair_score": 4}) if postings > 1 else Counter({"relation_of": 3, "pair_score": 3})
    )
    same_as_full_analysis(ws)
    assert len(ws.relations()) == (4 if postings > 1 else 3)
    add_claims(ws, "8.txt", lambda s: [event_claim(s, 1, "market", 70, extra="witnesses")])  # a third figure
    calls.clear()
    done = realign(ws, AliasTable(), pipeline=PIPELINE)
    same_as_full_analysis(ws)
    if postings == 1:
        return
    assert (done.joined, done.new_groups) == (1, 0)
    # scored once per statement of the fact it joins (40, 55), not per reprint (8), and, where the
    # words they share still block (not past a posting limit of 3), once against the bridge's figure:
    # a count's day may have been carried over from another sentence, which the index does not keep,
    # so only compatible() rules it out; then its fact's statements compared pair by pair again (70
    # with 40 and 55; 40-40, 40-55, 55-55)
    assert calls == Counter({"pair_score": (3 if postings > 3 else 2) + 5, "relation_of": 5})
    same_as_full_analysis(ws)


def test_incremental_removed_source_leaves_and_groups_are_recomputed(ws: Workspace):
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40), event_claim(s, 2, "bridge", 5)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 90)])
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 40)])
    full_analysis(ws)
    assert [g.status for g in ws.groups()][:1] == ["contested"]
    ws.remove_source("b.txt")  # the 90 goes: the others agree
    assert ws.stats()["stale"] is True
    realign(ws, AliasTable())
    report = workspace_report(ws)
    assert_consistent(report)
    market = next(g for g in report.groups if "s1c1" in g.claim_ids)
    assert (market.claim_ids, market.status, market.summary.high) == (["s1c1", "s3c1"], "agree", 40)
    ws.remove_source("c.txt")
    realign(ws, AliasTable())
    assert_consistent(workspace_report(ws))
    assert next(g for g in ws.groups() if "s1c1" in g.claim_ids).status == "single"
    assert ws.stale_group_ids() == [] and ws.stats()["stale"] is False


def test_incremental_reads_only_what_the_new_claims_touch(ws: Workspace, monkeypatch: pytest.MonkeyPatch):
    for n in range(30):
        event = ("market", "bridge", "convoy")[n % 3]
        add_claims(ws, f"{n}.txt", lambda s, e=event, k=n: [event_claim(s, 1, e, 10 + k % 4)])
    full_analysis(ws)
    add_claims(ws, "new.txt", lambda s: [event_claim(s, 1, "convoy", 11)])

    def whole_corpus(*args, **kwargs):
        raise AssertionError("incremental re-alignment loaded the whole corpus")

    for name in ("claims", "list_sources", "groups", "relations", "report"):
        monkeypatch.setattr(Workspace, name, whole_corpus)
    read: list[int] = []
    group_claims = Workspace.group_claims
    monkeypatch.setattr(
        Workspace, "group_claims", lambda self, ids: read.append(len(list(ids))) or group_claims(self, ids)
    )
    assert realign(ws, AliasTable()).joined == 1
    assert sum(read) <= 1  # the one convoy group, not the market or bridge ones
    monkeypatch.undo()
    assert_consistent(workspace_report(ws))


def test_incremental_save_is_refused_when_another_process_changed_the_analysis(ws: Workspace, tmp_path: Path):
    from workspace.store import AnalysisChanged

    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 40)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 40)])
    full_analysis(ws)
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 41)])
    real_save = Workspace.save_alignment_changes

    def meanwhile(self, *args, **kwargs):
        with Workspace(tmp_path / "ws.db") as other:  # the dashboard removes a source meanwhile
            other.remove_source("a.txt")
        return real_save(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Workspace, "save_alignment_changes", meanwhile)
        with pytest.raises(AnalysisChanged):
            realign(ws, AliasTable())
    realign(ws, AliasTable())  # computed again from what is there now
    assert_consistent(workspace_report(ws))
    assert grouping(ws.groups()) == {frozenset({"s2c1", "s3c1"})}


# -- real texts (spaCy) -----------------------------------------------------------


def synthetic(count: int, seed: int = 11) -> list[Source]:
    return [
        load_text(text, name=name, source_id="new", meta=SourceMeta(**meta))
        for name, text, meta in generate(count, seed)
    ]


@pytest.mark.slow
def test_reprints_of_real_articles_added_one_by_one_give_the_full_analysis(tmp_path: Path, nlp):
    """Issue #11 on real texts: the demo's four accounts, each printed by several sources
    (benchmarks/copies.py); eight analysed at once and four more added one at a time give the facts,
    relations and verdicts of all twelve analysed at once."""
    from benchmarks.copies import copies

    sources = [
        load_text(text, name=name, source_id="new", meta=SourceMeta(**{k: v for k, v in meta.items() if k != "file"}))
        for name, text, meta in copies(12)
    ]
    with Workspace(tmp_path / "full.db") as full, Workspace(tmp_path / "step.db") as step:
        ingest(full, sources)
        assert analyse_workspace(full, nlp=nlp).mode == "full"
        ingest(step, sources[:8])
        analyse_workspace(step, nlp=nlp)
        for source in sources[8:]:
            ingest(step, [source])
            assert analyse_workspace(step, nlp=nlp).mode == "incremental"
        facts = {frozenset(g.claim_ids): (g.status, g.summary, g.repeats, g.topic) for g in full.groups()}
        assert {frozenset(g.claim_ids): (g.status, g.summary, g.repeats, g.topic) for g in step.groups()} == facts
        assert sorted(step.relations(), key=relation_key) == sorted(full.relations(), key=relation_key)
        assert any(r.also_a for r in full.relations())  # statements repeat: relations per statement
        assert_consistent(workspace_report(step))


@pytest.mark.slow
def test_refresh_from_scratch_equals_analyse_claims(ws: Workspace, nlp):
    results, errors = ingest_paths(ws, [ROOT / "demo"])
    assert errors == [] and len(results) == 4
    report = refresh(ws, nlp=nlp)
    groups, relations = analyse_claims(ws.claims(), AliasTable())
    assert (report.groups, report.relations) == (groups, relations)
    assert ws.get_meta("pipeline") == report.pipeline != ""


@pytest.mark.slow
def test_refresh_extracts_only_new_or_changed_sources_and_stays_incremental(ws: Workspace, nlp):
    sources = synthetic(13)
    ingest(ws, sources[:12])
    assert analyse_workspace(ws, nlp=nlp).mode == "full"
    ingest(ws, sources[12:])
    seen: list[str] = []
    done = analyse_workspace(ws, nlp=nlp, progress=lambda n, total, source: seen.append(source.name))
    assert (done.mode, done.extracted, seen) == ("incremental", 1, [sources[12].name])
    assert done.realigned is not None and done.realigned.joined > 0
    report = workspace_report(ws)
    assert_consistent(report)
    # The new claims mostly land where a full analysis of everything puts them. Not always:
    # a full analysis may also regroup old claims (a new claim can bridge two old groups),
    # while an incremental one keeps the known facts as they are.
    full, _ = analyse_claims(ws.claims(), AliasTable())
    new_ids = {c.id for c in ws.claims("s13")}
    mates = lambda groups: {cid: frozenset(g.claim_ids) - {cid} for g in groups for cid in g.claim_ids}  # noqa: E731
    same = sum(mates(report.groups)[cid] == mates(full)[cid] for cid in new_ids if cid in mates(full))
    assert same >= 0.6 * len(new_ids)
    assert done.realigned.touched_groups <= done.realigned.joined
    # Nothing changed: nothing is extracted, the analysis stays as it is.
    again = analyse_workspace(ws, nlp=nlp)
    assert (again.extracted, again.realigned.new_claims) == (0, 0)
    assert workspace_report(ws).groups == report.groups


@pytest.mark.slow
def test_refresh_after_update_and_remove_keeps_the_analysis_consistent(ws: Workspace, nlp):
    sources = synthetic(8, seed=5)
    ingest(ws, [source.model_copy(update={"origin": pasted_origin(source.name)}) for source in sources])
    refresh(ws, nlp=nlp)
    old_claims = {c.id for c in ws.claims("s2")}
    changed = sources[1].text.replace("lasted", "went on for").replace("were killed", "died")
    assert ingest_text(ws, changed, name=sources[1].name).status == "updated"
    assert ingest_text(ws, changed, name="copy.txt").status == "duplicate"
    ws.remove_source("s5")
    done = analyse_workspace(ws, nlp=nlp)
    assert (done.mode, done.extracted) == ("incremental", 1)
    report = workspace_report(ws)
    assert_consistent(report)
    assert not any(c.source_id == "s5" for c in report.claims)
    assert {c.id for c in ws.claims("s2")} and ws.get_source("s2").text == load_text(
        changed, name="x", source_id="x"
    ).text
    assert old_claims  # they were there, and were replaced (consistency above covers their groups)


@pytest.mark.slow
def test_refresh_realigns_everything_when_the_aliases_change(ws: Workspace, nlp):
    ingest(ws, synthetic(4, seed=3))
    refresh(ws, nlp=nlp)
    ws.add_alias("Kestria", "Dorvany")
    done = analyse_workspace(ws, nlp=nlp)
    assert (done.extracted, done.mode) == (0, "full")
    assert analyse_workspace(ws, nlp=nlp).mode == "incremental"


@pytest.mark.slow
def test_incremental_pruning_changes_nothing(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch):
    """Groups ruled out from the index alone (time, size, date bound) are ones align() would not merge into."""
    import shutil

    from analysis.align import features, pair_score
    from workspace import incremental
    from workspace.store import TimeSpan

    sources = synthetic(33, seed=8)
    with Workspace(tmp_path / "base.db") as base:
        ingest(base, sources[:30])
        analyse_workspace(base, nlp=nlp)
        # The date bound is a bound: never below the real score of two date claims.
        stats = incremental.WorkspaceVocabulary(base)
        dates = [c for c in base.claims() if c.kind == "event_date"]
        stats.need(dates)
        for a in dates[:40]:
            for b in dates:
                time = TimeSpan(b.value.start, b.value.end, b.value.precision)
                shared = frozenset(features(a)) & frozenset(features(b))
                score = pair_score(a, b, stats.voc)
                if score is not None:  # None: never the same fact
                    assert incremental.date_bound(a, time, shared, stats) >= score - 1e-9
    results = []
    for prune in (True, False):
        path = tmp_path / f"{prune}.db"
        shutil.copy(tmp_path / "base.db", path)
        with monkeypatch.context() as patch, Workspace(path) as ws:
            if not prune:
                patch.setattr(incremental, "MAX_PAIR_SCORE", float("inf"))
                patch.setattr(incremental, "_may_reach", lambda *args: True)
                patch.setattr(incremental, "_never_meet", lambda *args: False)
            ingest(ws, sources[30:])
            assert analyse_workspace(ws, nlp=nlp).mode == "incremental"
            results.append((ws.groups(), ws.relations()))
    assert results[0] == results[1]


def test_incremental_a_new_figure_that_adds_up_turns_a_contradiction_into_parts(ws: Workspace):
    """34 against 44 contradict until an account of 10 killed joins: 34 and 10 make 44, parts of one
    toll (analysis.relate.parts_of_one_toll). Incremental analysis compares the stored contradiction
    again, as a full analysis would."""
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 34)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 44)])
    full_analysis(ws)
    assert [r.relation for r in ws.relations()] == ["contradict"]
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 10)])
    realign(ws, AliasTable(), pipeline=PIPELINE)
    assert "contradict" not in {r.relation for r in ws.relations()}
    same_as_full_analysis(ws)


def test_incremental_a_count_beside_its_own_accounts_larger_toll_stays_a_part(ws: Workspace):
    """An account's 34 told beside its own 48 (another sentence) is a part of that toll: against a
    new account's 44 it is no contradiction (analysis.relate.own_wholes), in an incremental analysis
    as in a full one."""
    add_claims(ws, "a.txt", lambda s: [event_claim(s, 1, "market", 34), event_claim(s, 2, "market", 48)])
    add_claims(ws, "b.txt", lambda s: [event_claim(s, 1, "market", 50)])
    full_analysis(ws)
    add_claims(ws, "c.txt", lambda s: [event_claim(s, 1, "market", 44)])
    realign(ws, AliasTable(), pipeline=PIPELINE)
    by_value = {c.id: c.value.low for c in ws.claims()}
    verdicts = {frozenset((by_value[r.claim_a], by_value[r.claim_b])): r.relation for r in ws.relations()}
    assert verdicts[frozenset((34, 44))] == "different_scope"
    assert verdicts[frozenset((48, 44))] == "contradict"
    same_as_full_analysis(ws)
