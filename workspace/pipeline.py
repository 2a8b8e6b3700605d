"""The whole analysis as plain functions: paths or a workspace in, a Report out (issue #2, #3, #7).

The one place that runs the stages in order (sources -> claims -> analysis) and
writes what they give: `compare` over paths, `analyse_workspace` over a store.
The CLI and the dashboard call these; none of them calls spaCy or rapidfuzz
itself, and the store below never calls a stage.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis.align import block_keys
from analysis.collection import analyse_claims
from analysis.gc_pause import paused_gc
from analysis.models import Group, Relation, Report
from analysis.relate import presented
from analysis.report import Format, render
from analysis.review import Decision, apply_review
from analysis.ties import merged
from claims.actors import AliasTable
from claims.models import Claim
from sources.errors import NothingToAnalyse, UnknownSource, WorkspaceError
from sources.language import ENGLISH, language_warnings, not_english
from sources.models import Source, SourceMeta
from sources.settings import thresholds
from workspace import incidents
from workspace.incremental import statement_term
from workspace.ingest import collect_inputs
from workspace.overview import keep as keep_overview
from workspace.overview import keep_in_background as keep_overview_in_background
from workspace.store import AnalysisChanged, Workspace

if TYPE_CHECKING:  # spaCy loads in a second: only analysing needs it
    from spacy.language import Language

    from workspace.incremental import Realigned

Progress = Callable[[int, int, Source], None]
KeepOverview = Literal["now", "background"] | None  # when the dashboard's overview of an analysis is built
# Another way to run extraction, alignment and comparison (workspace.dask_engine, issue #11):
# (English sources, aliases, progress) -> (claims, groups, relations, pipeline version)
Engine = Callable[
    [Sequence[Source], AliasTable, "Progress | None"], tuple[list[Claim], list[Group], list[Relation], str]
]
# More new claims than this share of all claims: a full analysis costs little more and is exact.
FULL_SHARE = 0.5
SAVE_ATTEMPTS = 3  # when another process saved an analysis meanwhile (issue #3)
# Version of the workspace's claim_terms index (the keys block_keys gives);
# bump it when block_keys() changes so the next analyse rebuilds the index (issue #3).
TERM_INDEX = "4"  # 3: each claim's statement indexed too (issue #11); 4: event names by sound (issue #8)
WRITE_SLICE = 1 << 20  # characters of a report encoded and written at a time


def claim_terms(claims: Iterable[Claim]) -> list[tuple[str, str, str]]:
    """The blocking keys the store indexes: (kind, term, claim id), once per claim (issue #3); and each
    claim's statement (workspace.incremental.statement_term), by which a new copy of a stored
    statement finds it (issue #11)."""
    return [
        (claim.kind, term, claim.id)
        for claim in claims
        for term in [*dict.fromkeys(block_keys(claim)), statement_term(claim)]
    ]


def write_report(report: Report, fmt: Format, path: Path | None = None) -> str:
    """Render `report` as `fmt`; also write it to `path` (UTF-8) when one is given."""
    text = render(report, fmt)
    if path is not None:
        # newline="" keeps the CSV's own line endings as written (issue #2).
        with Path(path).open("w", encoding="utf-8", newline="") as out:
            # in slices: a report of a million relations is not encoded into a second copy at once (issue #11)
            for start in range(0, len(text), WRITE_SLICE):
                out.write(text[start : start + WRITE_SLICE])
    return text


def workspace_report(ws: Workspace, *, reviewed: bool = True) -> Report:
    """The workspace's report as analyse() gives it: a claim a source repeats is shown once; with
    `reviewed` (the default) the person's review decisions laid over the machine's (issue #9); a source
    not in English is named in the errors (issue #10).

    The cyclic garbage collector is paused while the models are built (issue #11): 12,000 claims and
    77,000 relations read from 1,000 sources took 1.2 s of CPU with it, 0.7 s without. What builds on
    the report next pays part of it back at its first collection, unless it pauses it too (the
    dashboard's tables do)."""
    with paused_gc():
        report = ws.report()
        report = report.model_copy(update={"errors": [*report.errors, *language_warnings(report.sources)]})
        claims = presented(report.claims, report.groups)
        decisions = [Decision.from_row(row) for row in ws.reviews(include_undone=False)]
        if not reviewed or not decisions:
            return report.model_copy(update={"claims": claims})
        done = apply_review(report.sources, claims, report.groups, report.relations, decisions,
                            alias_table(ws), every_claim=report.claims)  # fmt: skip
    return report.model_copy(
        update={"claims": done.claims, "groups": done.groups, "relations": done.relations, "review": done.state}
    )


def review_counts(ws: Workspace) -> dict[str, int]:
    """How the review decisions apply to the analysis now: applied, orphaned, not applicable (issue #9)."""
    if not ws.reviews(include_undone=False):
        return {}
    state = workspace_report(ws).review
    counts = {"applied": 0, "orphaned": 0, "not applicable": 0}
    for decision in state.decisions if state else []:
        counts[decision.status] += 1
    return counts


def parsing(nlp: Language) -> dict:
    """How to parse (issue #11): on every core when safe ($RASHOMON_JOBS), with the parse cache
    unless $RASHOMON_CACHE=off."""
    from claims.doc_cache import DocCache, default_folder
    from claims.parallel import default_jobs

    folder = default_folder()
    return {"jobs": default_jobs(), "cache": DocCache(folder, nlp) if folder is not None else None}


def extract_all(sources: Sequence[Source], nlp: Language, aliases: AliasTable,
                progress: Progress | None = None) -> list[Claim]:  # fmt: skip
    from claims.extract import extract_claims

    claims: list[Claim] = []
    for n, (source, found) in enumerate(extract_claims(sources, nlp, aliases, **parsing(nlp)), 1):
        claims.extend(found)
        if progress:
            progress(n, len(sources), source)
    return claims


def analyse(sources: Sequence[Source], *, nlp: Language | None = None, aliases: AliasTable | None = None,
            progress: Progress | None = None, errors: Iterable[str] = (), engine: Engine | None = None) -> Report:  # fmt: skip
    """Extract, align and compare: the Report every export and view is made from.

    Only English sources are read for claims; the others are listed, and named
    in the errors with their language (issue #10). `engine` runs those steps elsewhere
    (a Dask cluster, issue #11) with the same functions; else they run here.
    """
    aliases = aliases or AliasTable()
    english = [s for s in sources if s.language == ENGLISH]
    if engine is not None:
        claims, groups, relations, pipeline = engine(english, aliases, progress)
    else:
        from claims.nlp import load_nlp, pipeline_version

        nlp = nlp or load_nlp()
        claims = extract_all(english, nlp, aliases, progress)
        groups, relations = analyse_claims(claims, aliases)
        pipeline = pipeline_version(nlp)
    return Report(
        sources=list(sources),
        claims=presented(claims, groups),
        groups=groups,
        relations=relations,
        errors=[*errors, *language_warnings(sources)],
        pipeline=pipeline,
        generated=datetime.now(UTC),
    )


def analyse_paths(paths: Sequence[Path | str], *, meta: SourceMeta | None = None, nlp: Language | None = None,
                  aliases: AliasTable | None = None, progress: Progress | None = None,
                  read_stdin: Callable[[], str] | None = None, recursive: bool = True,
                  engine: Engine | None = None) -> Report:  # fmt: skip
    """Read files, folders (and sub-folders unless not `recursive`) and `-` (stdin), then analyse whatever
    could be read; bad inputs become report.errors. Nothing readable in English is an error, not an empty report."""
    result = collect_inputs(paths, meta=meta, read_stdin=read_stdin, recursive=recursive)
    errors = [e.line() for e in result.errors]
    if not any(source.language == ENGLISH for source in result.sources):
        exc = NothingToAnalyse(", ".join(str(p) for p in paths) or "(no paths)")
        # each bad file's own reason, for the CLI to show
        exc.errors = [*errors, *language_warnings(result.sources)]  # type: ignore[attr-defined]
        raise exc
    return analyse(result.sources, nlp=nlp, aliases=aliases, progress=progress, errors=errors, engine=engine)


# -- a workspace ----------------------------------------------------------------


@dataclass(frozen=True)
class Analysed:
    """What `analyse` did: for the CLI's summary line and the dashboard's notice."""

    extracted: int = 0  # sources whose claims were extracted now
    # claims they gave, before a source's restatements of one fact are folded into one: the count
    # every face shows is the workspace's stats()["claims"] (issue #10)
    extracted_claims: int = 0
    mode: Literal["full", "incremental"] = "incremental"
    realigned: Realigned | None = None
    skipped: list[str] = field(default_factory=list)  # one line per source changed meanwhile
    not_english: list[str] = field(default_factory=list)  # one line per source not read for claims (issue #10)
    review: dict[str, int] = field(default_factory=dict)  # review decisions applied / orphaned (issue #9)


def alias_table(ws: Workspace, aliases: AliasTable | None = None, *, ties: bool = True) -> AliasTable:
    """The built-in table plus the workspace's aliases; those in `aliases` win over the workspace's.
    With `ties`, the names its sources tie to another party ("X, a cover name used by Y",
    analysis.ties) too, as `analyse_claims` reads them; extraction reads no ties."""
    user = {**ws.aliases(), **(aliases.user if aliases is not None else {})}
    table = (
        AliasTable(user=user, fuzzy_cutoff=aliases.fuzzy_cutoff) if aliases is not None else AliasTable.with_user(user)
    )
    return table.with_ties(merged(ws.claim_ties())) if ties else table


def _aliases_key(table: AliasTable) -> str:
    """Fingerprint of the user aliases and thresholds an analysis used: when they change, everything
    is aligned and compared again (the thresholds are settings, issue #7)."""
    limits = thresholds()
    data = json.dumps([sorted(table.user.items()), limits.align, limits.same_fact], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _extract(ws: Workspace, nlp: Language, table: AliasTable, pipeline: str,
             progress: Progress | None) -> tuple[int, int, list[str]]:  # fmt: skip
    """Extract claims of new or changed sources only, committing each source's claims as one."""
    from claims.extract import extract_claims

    todo = [source for source in ws.sources_needing_extraction(pipeline) if source.language == ENGLISH]
    extracted, claims, skipped = 0, 0, []
    for n, (source, found) in enumerate(extract_claims(todo, nlp, table, **parsing(nlp)), 1):
        try:
            ws.replace_claims(source.id, found, pipeline, sha256=source.sha256, terms=claim_terms(found))
            extracted, claims = extracted + 1, claims + len(found)
        except (UnknownSource, WorkspaceError) as exc:
            if not _changed_meanwhile(ws, source):
                raise
            skipped.append(exc.line())  # removed or re-added by another process: the next analyse sees it
        if progress:
            progress(n, len(todo), source)
    return extracted, claims, skipped


def _set_aside(ws: Workspace, pipeline: str) -> list[str]:
    """Sources not in English get no claims, recorded as extracted so they are not tried again (issue #10)."""
    lines = []
    for source in ws.sources_needing_extraction(pipeline):
        warning = not_english(source.name, source.language)
        if warning is None:
            continue
        try:
            ws.replace_claims(source.id, [], pipeline, sha256=source.sha256)
        except (UnknownSource, WorkspaceError):
            if not _changed_meanwhile(ws, source):
                raise
            continue  # removed or re-added by another process: the next analyse sees it
        lines.append(warning.line())
    return lines


def _changed_meanwhile(ws: Workspace, source: Source) -> bool:
    try:
        return ws.get_source(source.id).sha256 != source.sha256
    except UnknownSource:
        return True


def _needs_full(ws: Workspace, table: AliasTable, pipeline: str) -> bool:
    """A full analysis when there is nothing to build on, or when most claims are new anyway."""
    total, unaligned = ws.count_claims(), ws.count_unaligned()
    return (
        total == unaligned  # no saved groups (a fresh workspace): the result equals analyse_claims
        or unaligned > FULL_SHARE * total
        or not ws.term_index_ready(TERM_INDEX)
        or ws.get_meta("aliases_key") != _aliases_key(table)  # compare() resolves actors with them
        or ws.get_meta("pipeline") != pipeline
    )


def _full(ws: Workspace, table: AliasTable, pipeline: str) -> None:
    if not ws.term_index_ready(TERM_INDEX):
        ws.rebuild_term_index(TERM_INDEX, claim_terms)
    generation = ws.analysis_generation()
    groups, relations = analyse_claims(ws.claims(), table)
    with ws.transaction():
        ws.save_analysis(groups, relations, pipeline=pipeline, expect_generation=generation)
        ws.set_meta("aliases_key", _aliases_key(table))
        incidents.remember(ws, incidents.current(ws))


def analyse_workspace(ws: Workspace, *, nlp: Language | None = None, aliases: AliasTable | None = None,
                      progress: Progress | None = None, full: bool = False,
                      overview: KeepOverview = "now") -> Analysed:  # fmt: skip
    """Extract claims of new or changed sources, then re-align: incrementally when few changed.

    Extraction is keyed by content hash and pipeline version (issue #3); a
    fresh workspace gets exactly what `analyse_claims` gives for its claims.
    Then the dashboard's overview of the new analysis is built and kept
    (workspace/overview.py, issue #11): `overview` "now", "background" (a
    process of its own: the CLI, which need not wait for it) or None.
    """
    done = _analyse_workspace(ws, nlp=nlp, aliases=aliases, progress=progress, full=full)
    if overview == "now":
        keep_overview(ws)
    elif overview == "background":
        keep_overview_in_background(ws)
    return done


def _analyse_workspace(ws: Workspace, *, nlp: Language | None, aliases: AliasTable | None,
                       progress: Progress | None, full: bool) -> Analysed:  # fmt: skip
    from claims.nlp import load_nlp, pipeline_version
    from workspace.incremental import realign

    nlp = nlp or load_nlp()
    pipeline = pipeline_version(nlp)
    foreign = _set_aside(ws, pipeline)
    extracted, claims, skipped = _extract(ws, nlp, alias_table(ws, aliases, ties=False), pipeline, progress)
    table = alias_table(ws, aliases)  # with the ties of the claims just extracted
    for attempt in range(1, SAVE_ATTEMPTS + 1):
        try:
            if full or _needs_full(ws, table, pipeline):
                _full(ws, table, pipeline)
                return Analysed(extracted, claims, "full", None, skipped, foreign, review_counts(ws))
            realigned = realign(ws, table, pipeline=pipeline)
            return Analysed(extracted, claims, "incremental", realigned, skipped, foreign, review_counts(ws))
        except AnalysisChanged:
            if attempt == SAVE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def refresh(ws: Workspace, *, nlp: Language | None = None, aliases: AliasTable | None = None,
            progress: Progress | None = None) -> Report:  # fmt: skip
    """analyse_workspace, then the whole report (for callers that show it at once), from which the
    dashboard's overview of the analysis is kept (issue #11)."""
    analyse_workspace(ws, nlp=nlp, aliases=aliases, progress=progress, overview=None)
    report = workspace_report(ws)
    keep_overview(ws, report)
    return report


def export(ws: Workspace, fmt: Format, output: Path | None = None) -> str:
    """The discrepancy report of the workspace as json, csv, md or html; also written to `output` if given."""
    return write_report(workspace_report(ws), fmt, output)
