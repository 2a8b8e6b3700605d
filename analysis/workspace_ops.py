"""The workspace as plain functions: add sources, analyse what changed, export (issue #3).

The CLI and the dashboard both call these and never touch SQL, spaCy or the
alignment themselves. Adding is one transaction per source, so a kill keeps
every source added before it; analysing commits each source's claims with
its extraction record, then the re-alignment in one transaction, so a killed
analyse leaves a consistent workspace and the next one resumes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis.export import Format, write_report
from analysis.models import Report
from claims.actors import AliasTable
from sources.collect import collect
from sources.errors import RashomonError, UnknownSource, WorkspaceError
from sources.fetch import fetch_url
from sources.loaders import load_text
from sources.models import Source, SourceMeta, text_sha256
from sources.workspace import AddResult, AnalysisChanged, Workspace

if TYPE_CHECKING:  # spaCy loads in a second: only `analyse` needs it, not `add` or `list`
    from spacy.language import Language

    from analysis.incremental import Realigned

Progress = Callable[[int, int, Source], None]
# More new claims than this share of all claims: a full analysis costs little more and is exact.
FULL_SHARE = 0.5
SAVE_ATTEMPTS = 3  # when another process saved an analysis meanwhile (issue #3)
_NEW = "new"  # placeholder id: the workspace assigns the real one
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


# -- adding ------------------------------------------------------------------------


def is_url(item: str) -> bool:
    """Anything with a scheme is an address: fetch_url then refuses all but http(s) with a reason."""
    return _SCHEME.match(item) is not None


def pasted_name(text: str) -> str:
    """A name for pasted text: stable for the same text, distinct for another (names update)."""
    return f"pasted-{text_sha256(text)[:10]}"


def ingest_iter(ws: Workspace, sources: Iterable[Source]) -> Iterator[AddResult]:
    """Add sources one transaction each, yielding after each commit (so a caller can say what is safe)."""
    for source in sources:
        yield ws.add_source(source)


def ingest(ws: Workspace, sources: Sequence[Source], progress: Progress | None = None) -> list[AddResult]:
    """Add sources: the same text again is a duplicate, the same name with new text an update."""
    results: list[AddResult] = []
    for n, result in enumerate(ingest_iter(ws, sources), 1):
        results.append(result)
        if progress:
            progress(n, len(sources), sources[n - 1])
    return results


def ingest_paths(ws: Workspace, paths: Sequence[Path | str], *, meta: SourceMeta | None = None,
                 progress: Progress | None = None) -> tuple[list[AddResult], list[RashomonError]]:  # fmt: skip
    """Read files and folders, add what could be read; each bad file is one error, the others still go in."""
    found = collect(paths, meta=meta)
    return ingest(ws, found.sources, progress), found.errors


def ingest_text(ws: Workspace, text: str, *, name: str, meta: SourceMeta | None = None) -> AddResult:
    """Add pasted text under `name` (cleaned and checked like a .txt file)."""
    return ws.add_source(load_text(text, name=name, source_id=_NEW, meta=meta))


def ingest_url(ws: Workspace, url: str, *, meta: SourceMeta | None = None, allow_private: bool = False,
               timeout: float = 15.0, max_bytes: int = 5_000_000) -> AddResult:  # fmt: skip
    """Fetch one page (http/https, public addresses only unless allowed) and add it."""
    source = fetch_url(url, source_id=_NEW, meta=meta, allow_private=allow_private, timeout=timeout,
                       max_bytes=max_bytes)  # fmt: skip
    return ws.add_source(source)


def load_inputs(items: Sequence[str], *, meta: SourceMeta | None = None, allow_private: bool = False,
                timeout: float = 15.0, read_stdin: Callable[[], str] | None = None,
                ) -> tuple[list[Source], list[RashomonError]]:  # fmt: skip
    """Read what `rashomon add` was given, in order: files, folders, URLs and `-` (stdin).

    Everything is read before anything is added, so the progress bar knows
    its total; one error per input that could not be read.
    """
    sources: list[Source] = []
    errors: list[RashomonError] = []
    for item in items:
        try:
            if item == "-":
                text = read_stdin() if read_stdin is not None else sys.stdin.read()
                sources.append(load_text(text, name=pasted_name(text), source_id=_NEW, meta=meta))
            elif is_url(item):
                sources.append(fetch_url(item, source_id=_NEW, meta=meta, allow_private=allow_private,
                                         timeout=timeout))  # fmt: skip
            else:
                found = collect([item], meta=meta)
                sources.extend(found.sources)
                errors.extend(found.errors)
        except RashomonError as exc:
            errors.append(exc)
    return sources, errors


# -- analysing ---------------------------------------------------------------------


@dataclass(frozen=True)
class Analysed:
    """What `analyse` did: for the CLI's summary line and the dashboard's notice."""

    extracted: int = 0  # sources whose claims were extracted now
    claims: int = 0  # claims they gave
    mode: Literal["full", "incremental"] = "incremental"
    realigned: Realigned | None = None
    skipped: list[str] = field(default_factory=list)  # one line per source changed meanwhile


def alias_table(ws: Workspace, aliases: AliasTable | None = None) -> AliasTable:
    """The built-in table plus the workspace's aliases; those in `aliases` win over the workspace's."""
    user = {**ws.aliases(), **(aliases.user if aliases is not None else {})}
    if aliases is None:
        return AliasTable.with_user(user)
    return AliasTable(user=user, fuzzy_cutoff=aliases.fuzzy_cutoff)


def _aliases_key(table: AliasTable) -> str:
    """Fingerprint of the user aliases an analysis used: when they change, everything is compared again."""
    data = json.dumps(sorted(table.user.items()), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _extract(ws: Workspace, nlp: Language, table: AliasTable, pipeline: str,
             progress: Progress | None) -> tuple[int, int, list[str]]:  # fmt: skip
    """Extract claims of new or changed sources only, committing each source's claims as one."""
    from claims.extract import extract_claims

    todo = ws.sources_needing_extraction(pipeline)
    extracted, claims, skipped = 0, 0, []
    for n, (source, found) in enumerate(extract_claims(todo, nlp, table), 1):
        try:
            ws.replace_claims(source.id, found, pipeline, sha256=source.sha256)
            extracted, claims = extracted + 1, claims + len(found)
        except (UnknownSource, WorkspaceError) as exc:
            if not _changed_meanwhile(ws, source):
                raise
            skipped.append(exc.line())  # removed or re-added by another process: the next analyse sees it
        if progress:
            progress(n, len(todo), source)
    return extracted, claims, skipped


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
        or not ws.term_index_ready()
        or ws.get_meta("aliases_key") != _aliases_key(table)  # compare() resolves actors with them
        or ws.get_meta("pipeline") != pipeline
    )


def _full(ws: Workspace, table: AliasTable, pipeline: str) -> None:
    from analysis.pipeline import analyse_claims

    if not ws.term_index_ready():
        ws.rebuild_term_index()
    generation = ws.analysis_generation()
    groups, relations = analyse_claims(ws.claims(), table)
    with ws.transaction():
        ws.save_analysis(groups, relations, pipeline=pipeline, expect_generation=generation)
        ws.set_meta("aliases_key", _aliases_key(table))


def analyse_workspace(ws: Workspace, *, nlp: Language | None = None, aliases: AliasTable | None = None,
                      progress: Progress | None = None, full: bool = False) -> Analysed:  # fmt: skip
    """Extract claims of new or changed sources, then re-align: incrementally when few changed.

    Extraction is keyed by content hash and pipeline version (issue #3); a
    fresh workspace gets exactly what `analyse_claims` gives for its claims.
    """
    from analysis.incremental import realign
    from claims.nlp import load_nlp, pipeline_version

    nlp = nlp or load_nlp()
    table = alias_table(ws, aliases)
    pipeline = pipeline_version(nlp)
    extracted, claims, skipped = _extract(ws, nlp, table, pipeline, progress)
    for attempt in range(1, SAVE_ATTEMPTS + 1):
        try:
            if full or _needs_full(ws, table, pipeline):
                _full(ws, table, pipeline)
                return Analysed(extracted, claims, "full", None, skipped)
            return Analysed(extracted, claims, "incremental", realign(ws, table, pipeline=pipeline), skipped)
        except AnalysisChanged:
            if attempt == SAVE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def refresh(ws: Workspace, *, nlp: Language | None = None, aliases: AliasTable | None = None,
            progress: Progress | None = None) -> Report:  # fmt: skip
    """analyse_workspace, then the whole report (for callers that show it at once)."""
    analyse_workspace(ws, nlp=nlp, aliases=aliases, progress=progress)
    return ws.report()


def export(ws: Workspace, fmt: Format, output: Path | None = None) -> str:
    """The discrepancy report of the workspace as json, csv, md or html; also written to `output` if given."""
    return write_report(ws.report(), fmt, output)
