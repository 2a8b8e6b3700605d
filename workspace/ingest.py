"""The workspace as plain functions: add sources, analyse what changed, export (issue #3).

The CLI and the dashboard both call these and never touch SQL, spaCy or the
alignment themselves. Adding is one transaction per source, so a kill keeps
every source added before it; analysing commits each source's claims with
its extraction record, then the re-alignment in one transaction, so a killed
analyse leaves a consistent workspace and the next one resumes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sources.collect import CollectResult, collect
from sources.errors import DuplicateSource, RashomonError
from sources.fetch import fetch_url
from sources.loaders import load_text
from sources.models import Source, SourceMeta, text_sha256
from workspace.store import AddResult, Workspace

if TYPE_CHECKING:  # spaCy loads in a second: only `analyse` needs it, not `add` or `list`
    pass

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
    """Add sources: the same text again is a duplicate, the same origin with new text an update (issue #10)."""
    results: list[AddResult] = []
    for n, result in enumerate(ingest_iter(ws, sources), 1):
        results.append(result)
        if progress:
            progress(n, len(sources), sources[n - 1])
    return results


def ingest_paths(ws: Workspace, paths: Sequence[Path | str], *, meta: SourceMeta | None = None,
                 progress: Progress | None = None, recursive: bool = True,
                 ) -> tuple[list[AddResult], list[RashomonError]]:  # fmt: skip
    """Read files and folders, add what could be read; each bad file is one error, the others still go in."""
    found = collect(paths, meta=meta, recursive=recursive)
    return ingest(ws, found.sources, progress), found.errors


def pasted_origin(name: str) -> str:
    """Pasted text has no file: the name it is pasted under is where it comes from (the same name updates it)."""
    return f"pasted:{name}"


def ingest_text(ws: Workspace, text: str, *, name: str, meta: SourceMeta | None = None) -> AddResult:
    """Add pasted text under `name` (cleaned and checked like a .txt file)."""
    return ws.add_source(load_text(text, name=name, source_id=_NEW, meta=meta, origin=pasted_origin(name)))


def ingest_url(ws: Workspace, url: str, *, meta: SourceMeta | None = None, allow_private: bool = False,
               timeout: float = 15.0, max_bytes: int = 5_000_000) -> AddResult:  # fmt: skip
    """Fetch one page (http/https, public addresses only unless allowed) and add it."""
    source = fetch_url(url, source_id=_NEW, meta=meta, allow_private=allow_private, timeout=timeout,
                       max_bytes=max_bytes)  # fmt: skip
    return ws.add_source(source)


def load_inputs(items: Sequence[str], *, meta: SourceMeta | None = None, allow_private: bool = False,
                timeout: float = 15.0, read_stdin: Callable[[], str] | None = None, recursive: bool = True,
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
                name = pasted_name(text)
                sources.append(load_text(text, name=name, source_id=_NEW, meta=meta, origin=pasted_origin(name)))
            elif is_url(item):
                sources.append(fetch_url(item, source_id=_NEW, meta=meta, allow_private=allow_private,
                                         timeout=timeout))  # fmt: skip
            else:
                found = collect([item], meta=meta, recursive=recursive)
                sources.extend(found.sources)
                errors.extend(found.errors)
        except RashomonError as exc:
            errors.append(exc)
    return sources, errors


def collect_inputs(items: Sequence[Path | str], *, meta: SourceMeta | None = None,
                   read_stdin: Callable[[], str] | None = None, recursive: bool = True) -> CollectResult:  # fmt: skip
    """Files and folders as `collect` reads them, and `-`: text from stdin (read once, numbered last).

    What `rashomon compare` reads; the same text on stdin as in a file is a duplicate.
    """
    files = [item for item in items if str(item) != "-"]
    result = collect(files, meta=meta, recursive=recursive)
    if len(files) == len(items):
        return result
    text = read_stdin() if read_stdin is not None else sys.stdin.read()
    try:
        pasted = load_text(text, name=pasted_name(text), source_id=f"s{len(result.sources) + 1}", meta=meta)
    except RashomonError as exc:
        result.errors.append(exc)
        return result
    earlier = next((source for source in result.sources if source.sha256 == pasted.sha256), None)
    if earlier is not None:
        result.errors.append(DuplicateSource(pasted.name, other=earlier.name))
    else:
        result.sources.append(pasted)
    return result
