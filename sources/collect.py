"""Gather the files and folders a user names into numbered Sources (issue #2).

One bad file must not stop the other nineteen: every failure becomes an
error in the result and collecting goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sources.errors import BadSidecar, DuplicateSource, EmptyFolder, RashomonError, SkippedFiles
from sources.folders import FolderWalk
from sources.loaders import load_file
from sources.models import Source, SourceMeta
from sources.naming import distinct_name
from sources.sidecar import read_sidecar


@dataclass
class CollectResult:
    """What could be read, and one error per input that could not."""

    sources: list[Source] = field(default_factory=list)
    errors: list[RashomonError] = field(default_factory=list)


def collect(paths: Sequence[Path | str], *, meta: SourceMeta | None = None, recursive: bool = True) -> CollectResult:
    """Load every file named or inside a named folder (and its sub-folders unless not `recursive`).

    Ids are s1, s2, ... in order; two files of the same name get distinct names
    (`report.txt`, `b/report.txt`: sources.naming). Metadata precedence: the
    document < the folder's sources.json < `meta`.
    """
    result = CollectResult()
    sidecars = _Sidecars(result.errors)
    seen: dict[str, Source] = {}
    names: set[str] = set()
    for path in _expand(paths, result.errors, recursive=recursive):
        stated = _merge(sidecars.meta_for(path), meta)
        try:
            source = load_file(path, source_id=f"s{len(result.sources) + 1}", meta=stated)
        except RashomonError as exc:
            result.errors.append(exc)
            continue
        earlier = seen.get(source.sha256)
        if earlier is not None:
            result.errors.append(DuplicateSource(str(path), other=earlier.name))
            continue
        name = distinct_name(source.name, source.origin, names.__contains__)
        source = source.model_copy(update={"name": name}) if name != source.name else source
        seen[source.sha256] = source
        names.add(name)
        result.sources.append(source)
    return result


def _expand(paths: Sequence[Path | str], errors: list[RashomonError], *, recursive: bool) -> Iterator[Path]:
    """Files in the order given; a folder contributes its supported files, then its sub-folders' (issue #10).

    A file named explicitly is always tried, so that an unsupported one is
    reported; what a folder holds that is not read is named in one line.
    """
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        walk = FolderWalk(path, recursive=recursive)
        files = walk.files()
        if walk.unreadable_root:
            yield path  # load_file reports it as unreadable
            continue
        yield from files
        if not files:
            errors.append(EmptyFolder(str(path), detail=walk.empty_detail()))  # a folder the user named
        elif walk.skipped():
            errors.append(SkippedFiles(str(path), detail=walk.skipped()))


def _merge(sidecar: SourceMeta | None, explicit: SourceMeta | None) -> SourceMeta | None:
    if sidecar is None:
        return explicit
    if explicit is None:
        return sidecar
    return SourceMeta(**(sidecar.model_dump(exclude_none=True) | explicit.model_dump(exclude_none=True)))


class _Sidecars:
    """Reads each folder's sources.json once; a bad one is reported once."""

    def __init__(self, errors: list[RashomonError]) -> None:
        self._errors = errors
        self._by_folder: dict[Path, dict[str, SourceMeta]] = {}

    def meta_for(self, path: Path) -> SourceMeta | None:
        folder = path.parent.resolve()
        if folder not in self._by_folder:
            try:
                self._by_folder[folder] = read_sidecar(path.parent)
            except BadSidecar as exc:
                self._errors.append(exc)
                self._by_folder[folder] = {}
        return self._by_folder[folder].get(path.name)
