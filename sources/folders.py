"""Walking a folder the user named: the files to read, and what is not read and why (issue #10).

A folder of articles is often sorted into sub-folders (by side, by month):
they are read too, unless `--no-recursive`. What is left out (a .docx, a
sub-folder not entered, one that cannot be opened) is named, so that "no
readable files" never hides files the user can see.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path, PurePath

from sources.loaders import is_supported
from sources.sidecar import SIDECAR_NAME

SUPPORTED = ".txt, .md, .html or .pdf"
LISTED = 3  # name this many things; past that, count them


class FolderWalk:
    """One named folder: `files()` in reading order; `skipped()` says what was left out."""

    def __init__(self, root: Path, *, recursive: bool = True) -> None:
        self.root = root
        self.recursive = recursive
        self.unreadable_root = False
        self._found: list[Path] | None = None
        self._unsupported: list[str] = []
        self._hidden = 0
        self._not_entered: list[str] = []  # sub-folders left out by --no-recursive
        self._page_assets: list[str] = []  # "page_files" beside "page.html": a saved page's images and scripts
        self._unreadable: list[str] = []
        self._loops: list[str] = []
        self._seen: set[Path] = set()

    def files(self) -> list[Path]:
        """Supported files, a folder's own (by name) before its sub-folders' (by name)."""
        if self._found is None:
            self._found = []
            self._visit(self.root)
        return self._found

    def skipped(self) -> str:
        """What was not read and why, in one line; "" when nothing worth saying was skipped."""
        self.files()
        parts = []
        if self._unsupported:
            parts.append(_unsupported(self._unsupported))
        if self._not_entered:
            parts.append(f"{_listed('sub-folder', self._not_entered)} (--no-recursive)")
        if self._page_assets:
            parts.append(f"{_listed('folder', self._page_assets)} (a saved page's images and scripts)")
        if self._unreadable:
            parts.append(f"{_listed('folder', self._unreadable)} (cannot be opened)")
        if self._loops:
            parts.append(f"{_listed('link', self._loops)} (back to a folder already read)")
        return "; ".join(parts)

    def empty_detail(self) -> str:
        """The end of EmptyFolder's line: where it looked and what it saw instead."""
        where = " or its sub-folders" if self.recursive else ""
        seen = self.skipped()
        if self._hidden:
            seen = "; ".join(filter(None, [seen, f"{self._hidden} hidden file{'s' if self._hidden > 1 else ''}"]))
        return f"{where}; skipped {seen}" if seen else where

    # -- walking --------------------------------------------------------------------

    def _visit(self, folder: Path) -> None:
        assert self._found is not None
        real = folder.resolve()
        if real in self._seen:  # a symbolic link back up the tree
            self._loops.append(self._rel(folder))
            return
        self._seen.add(real)
        try:
            children = sorted(folder.iterdir(), key=lambda child: child.name)
        except OSError:
            if folder == self.root:
                self.unreadable_root = True
            else:
                self._unreadable.append(self._rel(folder))
            return
        pages = {child.stem for child in children if child.suffix.lower() in (".html", ".htm")}
        subfolders = []
        for child in children:
            if child.name.startswith("."):
                self._hidden += 1
            elif child.name == SIDECAR_NAME:
                continue
            elif child.is_dir():
                if child.name.endswith("_files") and child.name[: -len("_files")] in pages:
                    self._page_assets.append(self._rel(child))
                elif self.recursive:
                    subfolders.append(child)
                else:
                    self._not_entered.append(self._rel(child))
            elif is_supported(child):
                self._found.append(child)  # a broken link too: load_file says "no such file"
            else:
                self._unsupported.append(self._rel(child))
        for sub in subfolders:
            self._visit(sub)

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def _listed(noun: str, names: list[str]) -> str:
    if len(names) <= LISTED:
        return f"{noun}{'s' if len(names) > 1 else ''} {', '.join(names)}"
    return f"{len(names)} {noun}s ({', '.join(names[:LISTED])}, ...)"


def _unsupported(names: list[str]) -> str:
    if len(names) <= LISTED:
        return f"{', '.join(names)} (not {SUPPORTED})"
    kinds = Counter(PurePath(name).suffix.lower() or "(no suffix)" for name in names)
    shown = ", ".join(f"{n} {suffix}" for suffix, n in kinds.most_common(LISTED))
    more = len(kinds) - LISTED
    return f"{len(names)} files not {SUPPORTED} ({shown}{f', {more} other kinds' if more > 0 else ''})"
