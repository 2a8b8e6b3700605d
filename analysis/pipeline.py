"""The whole analysis as plain functions: sources in, a Report out (issue #2).

The CLI, the workspace and the dashboard all call these; none of them calls
spaCy or rapidfuzz itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from spacy.language import Language

from analysis.align import Vocabulary, align
from analysis.models import Group, Relation, Report
from analysis.relate import apply_repeats, relate
from claims.actors import AliasTable
from claims.extract import extract_claims
from claims.models import Claim
from claims.nlp import load_nlp, pipeline_version
from sources.collect import collect
from sources.errors import NothingToAnalyse
from sources.models import Source, SourceMeta

Progress = Callable[[int, int, Source], None]


def analyse_claims(claims: list[Claim], aliases: AliasTable | None = None) -> tuple[list[Group], list[Relation]]:
    """Align claims across sources and compare them."""
    aliases = aliases or AliasTable()
    voc = Vocabulary.of(claims)
    alignment = align(claims, voc)
    return relate(alignment, voc, aliases)


def extract_all(sources: Sequence[Source], nlp: Language, aliases: AliasTable,
                progress: Progress | None = None) -> list[Claim]:  # fmt: skip
    claims: list[Claim] = []
    for n, (source, found) in enumerate(extract_claims(sources, nlp, aliases), 1):
        claims.extend(found)
        if progress:
            progress(n, len(sources), source)
    return claims


def analyse(sources: Sequence[Source], *, nlp: Language | None = None, aliases: AliasTable | None = None,
            progress: Progress | None = None, errors: Iterable[str] = ()) -> Report:  # fmt: skip
    """Extract, align and compare: the Report every export and view is made from."""
    nlp = nlp or load_nlp()
    aliases = aliases or AliasTable()
    claims = extract_all(sources, nlp, aliases, progress)
    groups, relations = analyse_claims(claims, aliases)
    return Report(
        sources=list(sources),
        claims=apply_repeats(claims, groups),
        groups=groups,
        relations=relations,
        errors=list(errors),
        pipeline=pipeline_version(nlp),
        generated=datetime.now(UTC),
    )


def analyse_paths(paths: Sequence[Path | str], *, meta: SourceMeta | None = None, nlp: Language | None = None,
                  aliases: AliasTable | None = None, progress: Progress | None = None) -> Report:  # fmt: skip
    """Read files and folders, then analyse whatever could be read; bad inputs become report.errors."""
    result = collect(paths, meta=meta)
    errors = [e.line() for e in result.errors]
    if not result.sources:
        exc = NothingToAnalyse(", ".join(str(p) for p in paths) or "(no paths)")
        exc.errors = errors  # type: ignore[attr-defined]  # each bad file's own reason, for the CLI to show
        raise exc
    return analyse(result.sources, nlp=nlp, aliases=aliases, progress=progress, errors=errors)
