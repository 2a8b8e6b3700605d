"""The Dask engine (issue #11): `rashomon compare --engine dask [--scheduler ADDRESS]`.

The same analysis as workspace.pipeline.analyse, spread over a Dask cluster
(a LocalCluster on this machine when no scheduler is named):

1. parsing and extraction: a dask.bag over partitions of documents, each read
   by claims.extract.extract_claims with the worker's own spaCy pipeline (loaded
   once per worker, kept on the worker) and its parse cache;
2. the vocabulary alignment weighs words by: Vocabulary.of per partition,
   summed (document frequencies add up);
3. blocking: a shuffle of the claims on their kind. Claims of two kinds are
   never one fact, and analysis.align.align already clusters each kind on its
   own, so aligning each kind apart with the whole collection's vocabulary gives
   exactly its groups. Finer keys (the event, the words) would not: which words
   are too common to block on is counted over a whole kind;
4. each kind aligned with analysis.align.align and each group compared with
   analysis.relate.relate, on the workers;
5. the groups put in the order align gives them and numbered g1, g2, ... here.

No second implementation: every step calls the library functions the local
engine calls, so groups and verdicts are the same (tests/test_dask_engine.py).
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial, wraps
from typing import TYPE_CHECKING, Any

from analysis.align import Alignment, Vocabulary, align
from analysis.distinct import PairScores
from analysis.incidents import event_names, group_order, partition
from analysis.models import Group, Relation
from analysis.relate import relate
from analysis.ties import declared, merged
from claims.actors import AliasTable
from claims.models import KINDS, Claim
from sources.errors import DaskMissing, RashomonError, SchedulerUnreachable, WorkerFailed
from sources.models import Source
from sources.settings import thresholds

if TYPE_CHECKING:
    from distributed import Client

    from workspace.pipeline import Progress

CONNECT_TIMEOUT = "10s"  # an unreachable scheduler is one line after this, not a hang
WORKERS_TIMEOUT = 120  # seconds to wait for a first worker at a scheduler that has none
PARTITION_SOURCES = 32  # at most; fewer when there are few documents, so every worker gets some

_PIPELINES: dict[tuple[int, str | None], Any] = {}  # (worker, model) -> the worker's spaCy pipeline
_LOCK = threading.Lock()


@dataclass(frozen=True)
class DaskOptions:
    """Where to run: a scheduler's address, or a LocalCluster of `workers` processes (default: one per
    core; processes=False runs them as threads of this process, for tests)."""

    scheduler: str | None = None
    workers: int | None = None
    threads: int = 1
    processes: bool = True


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DaskMissing("--engine dask", detail=f"{exc}; pip install 'rashomon[dask]'") from None
    return distributed


@contextmanager
def connect(options: DaskOptions) -> Iterator[Client]:
    """A client of the named scheduler, or of a LocalCluster started (and stopped) here."""
    distributed = _distributed()
    if options.scheduler:
        try:
            client = distributed.Client(options.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            raise SchedulerUnreachable(options.scheduler, detail=str(exc).splitlines()[0]) from None
        with client:
            try:  # a cluster being scaled up (dask-jobqueue, Kubernetes) may have no worker yet
                client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
            except (TimeoutError, OSError) as exc:
                raise SchedulerUnreachable(options.scheduler, detail=f"no worker joined it within {WORKERS_TIMEOUT} s"
                                           ) from exc  # fmt: skip
            yield client
        return
    workers = options.workers or os.cpu_count() or 1
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=options.threads,
                                  processes=options.processes, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:  # fmt: skip
        with distributed.Client(cluster) as client:
            yield client


# -- on a worker ----------------------------------------------------------------


def _plain_errors(func):
    """A RashomonError raised on a worker comes back as its one line (its own class needs its
    fields to be rebuilt, which pickling does not keep)."""

    @wraps(func)
    def run(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RashomonError as exc:
            raise RuntimeError(exc.line()) from None

    return run


def _worker_key(worker=None) -> int:
    """This worker (several share a process when processes=False), or this process without one."""
    if worker is not None:
        return id(worker)
    try:
        from distributed import get_worker

        return id(get_worker())
    except (ImportError, ValueError):
        return os.getpid()


def worker_pipeline(model: str | None, worker=None):
    """The worker's spaCy pipeline, loaded the first time it is needed and kept: one per worker,
    so two workers in one process never share (spaCy is not made for two threads at once)."""
    key = (_worker_key(worker), model)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            from claims.nlp import fresh_nlp

            nlp = _PIPELINES[key] = fresh_nlp(model)  # its own, not this process's shared one
    return nlp


Pairs = tuple[tuple[str, str], ...]


@lru_cache(maxsize=8)
def _aliases(user: Pairs, cutoff: float, ties: Pairs = ()) -> AliasTable:
    return AliasTable(user=dict(user), fuzzy_cutoff=cutoff, ties=dict(ties))


def _alias_spec(table: AliasTable) -> tuple[Pairs, float, Pairs]:
    """What workers rebuild the table from (the built-in tables are on every worker already)."""
    return tuple(sorted(table.user.items())), table.fuzzy_cutoff, tuple(sorted(table.ties.items()))


@_plain_errors
def worker_setup(model: str | None, dask_worker=None) -> tuple[str, float, float]:
    """Load the pipeline now (before the first task); what this worker would produce with:
    (pipeline version, alignment threshold, same-fact score). Client.run passes `dask_worker`."""
    from claims.nlp import pipeline_version

    limits = thresholds()
    return pipeline_version(worker_pipeline(model, dask_worker)), limits.align, limits.same_fact


@_plain_errors
def extract_partition(items: list[tuple[int, Source]], model: str | None, aliases: tuple) -> list[tuple]:
    """((source position, claim position), claim) for every claim of these sources."""
    from claims.doc_cache import DocCache, default_folder
    from claims.extract import extract_claims

    nlp = worker_pipeline(model)
    folder = default_folder()
    cache = DocCache(folder, nlp) if folder is not None else None
    sources = [source for _i, source in items]
    out = []
    for (i, _source), (_same, claims) in zip(items, extract_claims(sources, nlp, _aliases(*aliases), cache=cache),
                                              strict=True):  # fmt: skip
        out.extend(((i, n), claim) for n, claim in enumerate(claims))
    return out


def partition_names(part: list[tuple]) -> list[tuple[tuple, str, list[str]]]:
    """(order key of its first claim, source id, event names) of each source of one partition."""
    first: dict[str, tuple] = {}
    for order, claim in part:
        first.setdefault(claim.source_id, order)
    names = event_names(claim for _order, claim in sorted(part, key=lambda oc: oc[0]))
    return [(first[source], source, held) for source, held in names.items()]


def incident_map(found: Iterable[list[tuple[tuple, str, list[str]]]]) -> dict[str, str]:
    """Every source's incident (analysis.incidents.partition), sources in reading order."""
    rows = sorted((row for part in found for row in part), key=lambda row: row[0])
    return partition({source: held for _order, source, held in rows})


def partition_vocabulary(part: list[tuple], incident_of: dict[str, str]) -> dict[str, tuple[int, Counter[str]]]:
    """Per incident, (claims, document frequencies) of one partition, as Vocabulary.of counts them."""
    by_incident: dict[str, list[Claim]] = {}
    for _order, claim in part:
        by_incident.setdefault(incident_of[claim.source_id], []).append(claim)
    out = {}
    for incident, claims in by_incident.items():
        voc = Vocabulary.of(claims)
        out[incident] = (voc.n, voc.df)
    return out


def add_vocabularies(counts: Iterable[dict[str, tuple[int, Counter[str]]]]) -> dict[str, tuple[int, Counter[str]]]:
    """Each incident's counts over the whole collection: those of its partitions (an iterator), added."""
    total: dict[str, tuple[int, Counter[str]]] = {}
    for part in counts:
        for incident, (n, df) in part.items():
            held = total.setdefault(incident, (0, Counter[str]()))
            held[1].update(df)
            total[incident] = (held[0] + n, held[1])
    return total


def partition_ties(part: list[tuple]) -> dict[str, set[str]]:
    """The names one partition's accounts tie to another party (analysis.ties.declared)."""
    return declared(claim for _order, claim in part)


def add_ties(found: Iterable[dict[str, set[str]]]) -> dict[str, set[str]]:
    """The partitions' ties, added: every party each name is tied to."""
    total: dict[str, set[str]] = {}
    for part in found:
        for name, parties in part.items():
            total.setdefault(name, set()).update(parties)
    return total


def tied_spec(spec: tuple, ties: dict[str, set[str]]) -> tuple[Pairs, float, Pairs]:
    """The table the claims are aligned and compared with, as analyse_claims makes it: the user's
    aliases and the names any account ties to another party."""
    return _alias_spec(_aliases(*spec).with_ties(merged(ties)))


def _vocabulary(counts: dict[str, tuple[int, Counter[str]]], incident: str) -> Vocabulary:
    n, df = counts[incident]
    return Vocabulary(df=df, n=n)


def of_kind(part: list[tuple], kind: str) -> list[tuple]:
    return [oc for oc in part if oc[1].kind == kind]


def shuffle_kind(claims_bag, kind: str) -> list:
    """The blocking shuffle: this kind's claims from every partition, for one task that aligns them
    (one task per kind, so the scheduler spreads the kinds over the workers)."""
    from dask import delayed

    return [delayed(of_kind)(part, kind) for part in claims_bag.to_delayed()]


def align_kind(kind: str, parts: list[list[tuple]], counts: dict[str, tuple[int, Counter[str]]],
               incident_of: dict[str, str], aliases: tuple) -> list[tuple]:  # fmt: skip
    """Align the claims of one kind, incident by incident with its own vocabulary, in the order the
    local engine reads them: per group, (order key, its claims, the scores of its pairs, its
    incident); the key is where the local engine puts the group among all. `aliases`: the spec of
    the table scopes are read with (tied_spec), as the local engine reads them."""
    ordered = [oc for part in parts for oc in part]
    by_incident: dict[str, list[Claim]] = {}
    for _order, claim in sorted(ordered, key=lambda oc: oc[0]):
        by_incident.setdefault(incident_of[claim.source_id], []).append(claim)
    out = []
    table = _aliases(*aliases)
    for incident, claims in by_incident.items():
        alignment = align(claims, _vocabulary(counts, incident), aliases=table)
        assert isinstance(alignment.scores, PairScores)
        for n, grouped in enumerate(alignment.groups):
            # align() sorts by the first claim's (source, offset), then by the earliest offset, keeping
            # its kinds in sorted order: the same key across kinds and incidents
            key = (*group_order(grouped), kind, n)
            out.append((key, grouped, alignment.scores.restrict([c.id for c in grouped]), incident))
    return out


def group_costs(aligned: list[tuple]) -> list[int]:
    """How much comparing each group costs: its pairs."""
    return [len(grouped) * (len(grouped) - 1) // 2 + 1 for _key, grouped, _scores, _incident in aligned]


def run_of(aligned: list[tuple], start: int, end: int) -> list[tuple]:
    """Groups start..end of one kind: made where the kind was aligned, so that comparing them can
    move to another worker with its own groups only, not the whole kind's."""
    return aligned[start:end]


def relate_groups(aligned: list[tuple], counts: dict[str, tuple[int, Counter[str]]], aliases: tuple) -> list[tuple]:
    """Compare the claims of these aligned groups with analysis.relate.relate, one group at a time,
    with its incident's vocabulary: (order key, group, its relations) each."""
    table = _aliases(*aliases)
    out = []
    for key, grouped, scores, incident in aligned:
        [group], relations = relate(Alignment([grouped], scores), _vocabulary(counts, incident), table)
        out.append((key, group, relations))
    return out


def chunks(costs: list[int], target: int) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) runs of groups costing about `target` each (a big group alone)."""
    start, total = 0, 0
    for i, cost in enumerate(costs):
        if total and total + cost > target:
            yield start, i
            start, total = i, 0
        total += cost
    if start < len(costs):
        yield start, len(costs)


# -- on the client ----------------------------------------------------------------


def _check_workers(client: Client, model: str | None) -> str:
    """Every worker loads the pipeline now, and must read and align as this machine would."""
    from claims import EXTRACTOR_VERSION
    from claims.data_files import fingerprint

    try:
        found = client.run(worker_setup, model)
    except Exception as exc:  # noqa: BLE001 - whatever a worker raised, as one line naming it
        raise WorkerFailed("dask", detail=_one_line(exc)) from None
    if not found:
        raise SchedulerUnreachable(str(client.scheduler.address), detail="the scheduler has no workers")
    rules = f"+rules{EXTRACTOR_VERSION}.{fingerprint()}"
    limits = thresholds()
    for address, (pipeline, align_at, same_fact) in sorted(found.items()):
        if not pipeline.endswith(rules):
            raise WorkerFailed(address, detail=f"its pipeline is {pipeline}, this machine's rules are {rules[1:]}")
        if (align_at, same_fact) != (limits.align, limits.same_fact):
            raise WorkerFailed(address, detail=f"its thresholds are {align_at}/{same_fact}, this machine's "
                                 f"{limits.align}/{limits.same_fact} (RASHOMON_ALIGN_THRESHOLD, RASHOMON_SAME_FACT_SCORE)")  # fmt: skip
    versions = {pipeline for pipeline, _a, _s in found.values()}
    if len(versions) > 1:
        raise WorkerFailed(", ".join(sorted(found)), detail=f"workers run different pipelines: {sorted(versions)}")
    return versions.pop()


def _partition_size(n: int, workers: int) -> int:
    return max(1, min(PARTITION_SOURCES, math.ceil(n / max(1, 4 * workers))))


def analyse_on_cluster(sources: Sequence[Source], aliases: AliasTable, client: Client, *, model: str | None = None,
                       progress: Progress | None = None, phases: dict[str, float] | None = None
                       ) -> tuple[list[Claim], list[Group], list[Relation], str]:  # fmt: skip
    """(claims in reading order, groups, relations, pipeline version) of `sources`, as
    workspace.pipeline.analyse_claims over extract_all would give them, computed on `client`'s cluster.
    `phases` gets the seconds of each step (for benchmarks/dask_scale.py)."""
    import dask.bag as db
    from dask import delayed
    from distributed import as_completed, futures_of

    clock = _Phases(phases)
    pipeline = _check_workers(client, model)
    clock.done("workers ready")
    spec = _alias_spec(aliases)
    items = list(enumerate(sources))
    workers = len(client.scheduler_info()["workers"])
    size = _partition_size(len(items), workers)
    claims_bag = db.from_sequence(items, partition_size=size).map_partitions(extract_partition, model, spec)
    claims_bag = client.persist(claims_bag)
    _follow(claims_bag, items, size, progress, as_completed, futures_of)
    clock.done("parse and extract")
    incident_of = incident_map(client.gather(client.compute(claims_bag.map_partitions(partition_names).to_delayed())))
    counts = client.compute(
        claims_bag.reduction(partial(partition_vocabulary, incident_of=incident_of), add_vocabularies)
    )
    # aligned and compared with the names any account ties to another party, as analyse_claims does
    ties = client.compute(claims_bag.reduction(partition_ties, add_ties))
    related = client.compute(delayed(tied_spec)(spec, ties))
    kinds = [
        client.compute(delayed(align_kind)(kind, shuffle_kind(claims_bag, kind), counts, incident_of, related))
        for kind in KINDS
    ]
    ordered = client.gather(client.compute(claims_bag))  # while the kinds align
    found = _relate_as_aligned(client, kinds, counts, related, workers, as_completed)
    clock.done("align and compare")
    claims = [claim for _order, claim in sorted(ordered, key=lambda oc: oc[0])]
    groups: list[Group] = []
    relations: list[Relation] = []
    for n, (_key, group, rels) in enumerate(sorted(found, key=lambda g: g[0]), 1):
        groups.append(group.model_copy(update={"id": f"g{n}"}))
        relations.extend(rels)
    clock.done("gather")
    return claims, groups, relations, pipeline


def _relate_as_aligned(client: Client, kinds: list, counts, spec: tuple, workers: int, as_completed) -> list[tuple]:
    """Compare each kind's groups as soon as that kind is aligned (the others' comparing overlaps the
    biggest kind's aligning), in runs of about equal cost (pairs), so that one kind's big groups do
    not keep one worker busy; results are taken as they come."""
    sizes = {client.submit(group_costs, aligned): aligned for aligned in kinds}
    pending = as_completed(list(sizes), with_results=True)
    found: list[tuple] = []
    for future, result in pending:
        if future in sizes:
            target = max(1, sum(result) // (2 * workers))
            for start, end in chunks(result, target):
                run = client.submit(run_of, sizes[future], start, end)
                pending.add(client.submit(relate_groups, run, counts, spec))
        else:
            found.extend(result)
    return found


class _Phases:
    def __init__(self, into: dict[str, float] | None) -> None:
        self.into, self.start = into, time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[name] = self.into.get(name, 0.0) + now - self.start
        self.start = now


def _follow(bag, items: list[tuple[int, Source]], size: int, progress: Progress | None, as_completed,
            futures_of) -> None:  # fmt: skip
    """Wait for extraction, telling `progress` as partitions finish (a failed one raises here)."""
    done = 0
    for future in as_completed(futures_of(bag)):
        if future.status == "error":  # e.g. a pipeline that is not installed there
            failed = items[_index(future) * size : (_index(future) + 1) * size] or items
            names = failed[0][1].name if len(failed) == 1 else f"{failed[0][1].name} .. {failed[-1][1].name}"
            raise WorkerFailed(names, detail=_one_line(future.exception()))
        part = items[_index(future) * size : (_index(future) + 1) * size]
        done += len(part)
        if progress is not None and part:
            progress(min(done, len(items)), len(items), part[-1][1])


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _index(future) -> int:
    """The partition a future of a bag computes: its key is (name, index)."""
    return future.key[1] if isinstance(future.key, tuple) else 0


def dask_engine(options: DaskOptions, model: str | None = None):
    """An Engine for workspace.pipeline.analyse: the analysis on a Dask cluster, connected per run."""

    def run(sources: Sequence[Source], aliases: AliasTable, progress: Progress | None):
        with connect(options) as client:
            return analyse_on_cluster(sources, aliases, client, model=model, progress=progress)

    return run
