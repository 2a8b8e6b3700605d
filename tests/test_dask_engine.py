"""The Dask engine (issue #11) gives the local engine's claims, groups and verdicts, on a real
LocalCluster; an unreachable scheduler is one line; Parquet holds the report's tables."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed", reason="dask[distributed] is in the dev extra: pip install -e '.[dev]'")

from benchmarks.copies import write_copies  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402
from claims.actors import AliasTable  # noqa: E402
from cli import app  # noqa: E402
from sources.aliases import read_alias_file  # noqa: E402
from sources.collect import collect  # noqa: E402
from workspace import dask_engine  # noqa: E402
from workspace.dask_engine import DaskOptions, analyse_on_cluster, connect  # noqa: E402
from workspace.parquet import write_parquet  # noqa: E402
from workspace.pipeline import analyse, analyse_paths  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    """Two workers as threads of this process: the engine's code path, without spawning processes."""
    with connect(DaskOptions(workers=2, processes=False)) as client:
        yield client


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[list, AliasTable]:
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    aliases = AliasTable.with_user(read_alias_file(write_corpus(folder, 25, seed=3)))
    return collect([folder]).sources, aliases


def _same(local, claims, groups, relations) -> None:
    from analysis.relate import apply_repeats

    assert apply_repeats(claims, groups) == local.claims
    assert groups == local.groups  # ids, members, topics, statuses, summaries
    assert relations == local.relations  # every verdict, its reason and confidence, in order


@pytest.mark.slow
def test_dask_demo_gives_the_local_groups_and_verdicts(client):
    sources = collect([DEMO]).sources
    local = analyse(sources)
    claims, groups, relations, pipeline = analyse_on_cluster(sources, AliasTable(), client)
    assert len(groups) >= 5 and any(r.relation == "contradict" for r in relations)
    _same(local, claims, groups, relations)
    assert pipeline == local.pipeline


@pytest.mark.slow
def test_dask_generated_corpus_gives_the_local_result_and_loads_spacy_once_per_worker(client, generated):
    sources, aliases = generated
    local = analyse(sources, aliases=aliases)
    dask_engine._PIPELINES.clear()
    ticks: list[int] = []
    phases: dict[str, float] = {}
    claims, groups, relations, _ = analyse_on_cluster(sources, aliases, client, progress=lambda d, t, s: ticks.append(d),
                                                      phases=phases)  # fmt: skip
    assert len(claims) > 200 and len(groups) > 50
    _same(local, claims, groups, relations)
    assert len(dask_engine._PIPELINES) == 2  # one pipeline per worker, not per partition
    assert ticks == sorted(ticks) and ticks[-1] == len(sources) and len(ticks) > 1  # progress as partitions end
    assert {"parse and extract", "align and compare"} <= set(phases)


@pytest.mark.slow
def test_dask_several_incidents_give_the_local_result(client):
    """Accounts of three incidents in one collection (issue #8): each incident aligned with its own
    vocabulary, on the workers as here."""
    probes = ROOT / "tests" / "probes"
    sources = collect([DEMO, probes / "boston_2013", probes / "grenfell_2017"]).sources
    local = analyse(sources)
    claims, groups, relations, _ = analyse_on_cluster(sources, AliasTable(), client)
    _same(local, claims, groups, relations)


@pytest.mark.slow
def test_dask_copies_give_the_local_relations_of_distinct_statements(client, tmp_path: Path):
    """Copies of a few accounts (issue #11): the same facts and the same relations per distinct pair of
    statements (also_a, also_b) on the cluster as here."""
    sources = collect([write_copies(tmp_path / "copies", 24)]).sources
    local = analyse(sources)
    claims, groups, relations, _ = analyse_on_cluster(sources, AliasTable(), client)
    assert any(r.also_a and r.also_b for r in relations) and len(groups) < 20
    _same(local, claims, groups, relations)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("address", [f"tcp://127.0.0.1:{_free_port()}", "no-port-here"])
def test_dask_unreachable_scheduler_is_one_line(address, monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    result = runner.invoke(app, ["compare", str(DEMO), "--engine", "dask", "--scheduler", address])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"[E027] {address}: cannot reach the Dask scheduler: "), lines


def test_dask_scheduler_without_the_dask_engine_is_refused():
    result = runner.invoke(app, ["compare", str(DEMO), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--scheduler and --workers need --engine dask" in result.output


@pytest.mark.slow
def test_dask_parquet_tables_hold_the_report(tmp_path: Path):
    import pandas as pd

    report = analyse_paths([DEMO])
    made = write_parquet(report, tmp_path / "out")
    claims, groups, relations, sources = (
        pd.read_parquet(made[t]) for t in ("claims", "groups", "relations", "sources")
    )
    assert list(claims["claim_id"]) == [c.id for c in report.claims]
    assert list(groups["group_id"]) == [g.id for g in report.groups]
    assert list(groups["claim_ids"].map(list)) == [g.claim_ids for g in report.groups]
    assert list(zip(relations["claim_a"], relations["relation"], strict=True)) == [
        (r.claim_a, r.relation) for r in report.relations
    ]
    assert list(sources["source_id"]) == [s.id for s in report.sources]
    first = report.claims[0]
    assert json.loads(claims["value_json"][0]) == json.loads(first.value.model_dump_json())
    member = report.groups[0].claim_ids[0]
    assert claims.set_index("claim_id").loc[member, "group_id"] == report.groups[0].id


def test_dask_parquet_folder_that_is_a_file_is_one_line(tmp_path: Path):
    taken = tmp_path / "out"
    taken.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(DEMO), "--parquet", str(taken)])
    assert result.exit_code == 1
    assert f"[E017] {taken}: cannot write: it is a file, not a folder" in result.output


@pytest.mark.slow
def test_dask_cli_on_worker_processes_writes_the_local_reports(tmp_path: Path):
    """The real thing: `rashomon compare --engine dask` starts a LocalCluster of two worker
    processes (another hash seed, their own spaCy) and writes what the local engine writes."""
    local, remote, folder = tmp_path / "local.json", tmp_path / "dask.json", tmp_path / "tables"
    assert runner.invoke(app, ["compare", str(DEMO), "--json", str(local)]).exit_code == 0
    result = runner.invoke(app, ["compare", str(DEMO), "--engine", "dask", "--workers", "2", "--json", str(remote),
                                 "--parquet", str(folder)])  # fmt: skip
    assert result.exit_code == 0, result.output
    mine, theirs = (json.loads(p.read_text(encoding="utf-8")) for p in (local, remote))
    for key in ("sources", "claims", "groups", "relations", "errors", "pipeline"):
        assert theirs[key] == mine[key], key
    assert sorted(p.name for p in folder.iterdir()) == [f"{t}.parquet" for t in ("claims", "groups", "relations",
                                                                                  "sources")]  # fmt: skip


def test_dask_worker_without_the_pipeline_is_one_line_naming_it(client):
    from sources.errors import WorkerFailed

    sources = collect([DEMO]).sources
    with pytest.raises(WorkerFailed) as caught:
        analyse_on_cluster(sources, AliasTable(), client, model="xx_no_such_pipeline")
    line = caught.value.line()
    assert line.startswith("[E029] dask: a Dask worker cannot do this work: [E011] xx_no_such_pipeline: "), line
    assert "\n" not in line


def test_dask_workers_with_a_scheduler_is_refused():
    result = runner.invoke(app, ["compare", str(DEMO), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786",
                                 "--workers", "2"])  # fmt: skip
    assert result.exit_code == 2 and "--workers sizes a local cluster" in result.output


def test_dask_scheduler_without_workers_is_one_line(monkeypatch):
    from distributed import LocalCluster

    from sources.errors import SchedulerUnreachable

    monkeypatch.setattr(dask_engine, "WORKERS_TIMEOUT", 1)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        run = dask_engine.dask_engine(DaskOptions(scheduler=cluster.scheduler_address))
        with pytest.raises(SchedulerUnreachable) as caught:
            run(collect([DEMO]).sources, AliasTable(), None)
    assert caught.value.line() == (f"[E027] {cluster.scheduler_address}: cannot reach the Dask scheduler: "
                                   "no worker joined it within 1 s")  # fmt: skip


@pytest.mark.slow
def test_dask_at_a_scheduler_address_gives_the_local_result():
    """--scheduler ADDRESS: a cluster started elsewhere (here, in this process) does the work."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        remote = analyse_paths([DEMO], engine=dask_engine.dask_engine(DaskOptions(scheduler=cluster.scheduler_address)))
    local = analyse_paths([DEMO])
    assert (remote.claims, remote.groups, remote.relations) == (local.claims, local.groups, local.relations)
