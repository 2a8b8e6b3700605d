"""Everything the `rashomon` command prints, and where (issues #7, #10).

Results go to stdout, one per line or one JSON document; progress, notices
and errors go to stderr, so `rashomon list --json | jq` reads only JSON.
Every message passes through `clean()` first: a file name holding a terminal
escape ("\\x1b[31m") or a line break is shown escaped, never obeyed, and a
message stays one line.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from sources.errors import RashomonError, UnwritablePath, neutralise

err = Console(stderr=True, soft_wrap=True, highlight=False)  # one message per line, also when piped
out = Console(soft_wrap=True, highlight=False)  # one result per line, never wrapped: scripts read them

STDOUT = "-"  # as an output path: write to stdout


def clean(text: object) -> str:
    """`text` as one safe line: control characters are shown as escapes (\\x1b, \\n), not obeyed."""
    return neutralise(text)


def say(text: object) -> None:
    """One result line on stdout."""
    out.print(Text(clean(text)))


def note(text: object, style: str | None = None) -> None:
    """One message line on stderr (progress, notices, warnings)."""
    err.print(Text(clean(text), style=style or ""))


def error(exc: RashomonError) -> None:
    """The error's one line on stderr: "[E005] NAME: reason", in red on a terminal."""
    note(exc.line(), "red")


def emit_json(data: Any) -> None:
    """One JSON document on stdout, and nothing else there (escaped ASCII: safe on any terminal)."""
    sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
    sys.stdout.flush()


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def table(columns: Iterable[str], rows: Iterable[Iterable[object]], **styles: Mapping[str, Any]) -> None:
    """A table on stdout; `styles` maps a column name to rich column options."""
    shown = Table()
    for column in columns:
        shown.add_column(column, **styles.get(column, {}))
    for row in rows:
        shown.add_row(*(Text(clean("" if cell is None else cell)) for cell in row))
    out.print(shown)


class _Bar(Progress):
    """A progress bar drawn by the thread that updates it (at most every DRAW_S), not by rich's own
    refresh thread: with a second thread alive, claims.parallel.default_jobs parses on one core
    (forking beside threads is unsafe), so `compare` and `analyse` used one core of two (issue #11)."""

    DRAW_S = 0.1

    def __init__(self, *columns: Any, **options: Any) -> None:
        super().__init__(*columns, auto_refresh=False, **options)
        self._drawn = 0.0

    def update(self, task_id: Any, **fields: Any) -> None:  # type: ignore[override]
        super().update(task_id, **fields)
        now = time.monotonic()
        if now - self._drawn >= self.DRAW_S:
            self._drawn = now
            self.refresh()


def bar(label: str) -> Progress:
    """A progress bar on stderr; it disappears when done. It starts no thread (`_Bar`)."""
    return _Bar(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                console=err, transient=True)  # fmt: skip


def waiting(label: str) -> AbstractContextManager[object]:
    """A line on a terminal's stderr while a step runs ("loading the language model…"), gone when it
    is done; nothing when stderr is piped. Drawn once, with no refresh thread: a spinner's thread,
    still ending when parsing starts, kept `analyse` on one core (claims.parallel.default_jobs;
    issue #11)."""
    if not err.is_terminal:
        return nullcontext()
    progress = _Bar(TextColumn(label), console=err, transient=True)
    progress.add_task("", total=None)
    return progress


# -- output files: checked before any work (issue #10) ---------------------------------


def check_writable(path: Path) -> None:
    """Raise UnwritablePath unless `path` can be written: before the analysis, not after it.

    Opens an existing file for writing without truncating it; for a new file,
    tries a temporary file beside it (never the name itself: another process
    may be creating it at this moment).
    """
    if str(path) == STDOUT:
        return
    name, parent = str(path), path.parent
    if path.is_dir():
        raise UnwritablePath(name, detail="it is a folder")
    if not parent.exists():
        raise UnwritablePath(name, detail=f"folder {parent} does not exist")
    if not parent.is_dir():
        raise UnwritablePath(name, detail=f"{parent} is not a folder")
    existed = path.exists()
    try:
        if not existed:
            fd, probe = tempfile.mkstemp(prefix=".rashomon-", dir=parent)
            os.close(fd)
            os.unlink(probe)
        elif path.is_file():
            os.close(os.open(path, os.O_WRONLY))  # no O_TRUNC: the file stays as it is
        elif not os.access(path, os.W_OK):  # a device or a pipe: opening it could block
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    except OSError as exc:
        raise UnwritablePath(name, detail=_why(exc, parent, existed)) from None


def _why(exc: OSError, parent: Path, existed: bool) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the file is not writable" if existed else f"folder {parent} is not writable"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def os_error(exc: OSError) -> UnwritablePath:
    """An OSError while writing an output file, as the one line every other error is."""
    return UnwritablePath(str(exc.filename or "output"), detail=exc.strerror or str(exc))
