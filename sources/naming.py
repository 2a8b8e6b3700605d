"""Distinct names for sources that share a file name (issue #10).

Saved web pages are all `index.html`, and two folders often both hold a
`report.txt`. A source's identity is its origin (the full path or URL), never
its bare name; but a person reads the name, so two sources must not look the
same. The first keeps the file name; another gets the shortest folder path
that tells it apart (`b/report.txt`), else a number (`report.txt (2)`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import PurePath

FOLDER_LEVELS = 3  # "x/y/z/report.txt" at most; past that a number reads better


def name_candidates(name: str, origin: str | None) -> Iterator[str]:
    """`name`, then names with more of the origin's folders, then numbered names: endless, all distinct."""
    yield name
    yield from _folder_names(name, origin)
    n = 2
    while True:
        yield f"{name} ({n})"
        n += 1


def distinct_name(name: str, origin: str | None, taken: Callable[[str], bool]) -> str:
    """The first candidate that `taken` says is free."""
    return next(candidate for candidate in name_candidates(name, origin) if not taken(candidate))


def _folder_names(name: str, origin: str | None) -> Iterator[str]:
    """`b/report.txt`, `a/b/report.txt`... for a file origin whose file name is `name`.

    A folder made by a program in the system's temporary folder (an upload's
    copy) means nothing to the user: its name is never shown.
    """
    path = PurePath(origin or "")
    if not path.is_absolute() or path.name != PurePath(name).name or _in_temporary_folder(path):
        return  # a URL, pasted text ("pasted:NAME"), or a name the user chose
    folders = path.parent.parts[1:]  # without the root
    for depth in range(1, min(FOLDER_LEVELS, len(folders)) + 1):
        candidate = "/".join([*folders[-depth:], path.name])
        if candidate != name:
            yield candidate


def _in_temporary_folder(path: PurePath) -> bool:
    return path.parent.parent == PurePath(tempfile.gettempdir())
