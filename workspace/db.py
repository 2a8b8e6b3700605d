"""The connection under a workspace: opening, migrations, transactions, meta (issue #3, #7).

One SQLite file, opened in WAL mode with a busy timeout so the dashboard and the
CLI can use it at once. Every write is one `BEGIN IMMEDIATE` ... `COMMIT`, so a
failure or a kill in the middle leaves the file as it was. The tables above this
live in `workspace.store`; this module knows nothing of what they hold.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, TypeVar

from sources.errors import WorkspaceError
from workspace import schema

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
# Beyond the busy timeout, BEGIN IMMEDIATE is retried with backoff: WAL
# recovery and journal-mode changes can report "locked" without waiting (issue #3).
BEGIN_RETRIES = 6
BACKOFF_S = 0.05

_PRAGMAS = ("journal_mode", "busy_timeout", "foreign_keys", "synchronous", "user_version", "application_id")
# "s12" sorts after "s2": order by the number, not the text.
BY_NUMBER = "CAST(substr({col}, 2) AS INTEGER), {col}"
EACH = "(SELECT value FROM json_each(?))"
EACH2 = "(SELECT value FROM json_each(?2))"
EACH3 = "(SELECT value FROM json_each(?3))"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _explain(exc: sqlite3.Error) -> str:
    """One line a user can act on, instead of SQLite's own wording."""
    text = str(exc)
    if "not a database" in text:
        return "not a SQLite database (is this the right file?)"
    if "malformed" in text:
        return "the file is damaged (SQLite: database disk image is malformed)"
    if "unable to open" in text:
        return "cannot open the file (check the folder exists and is writable)"
    return f"SQLite error: {text}"


def json_list(items: Iterable[str]) -> str:
    """One bound parameter for any number of ids, read back with json_each: no variable limit."""
    return json.dumps(sorted(set(items)))


class Database:
    """One SQLite file (or `:memory:`): `Database(path)`, `.memory()`, or `with ... .open(path) as db:`.

    Thread-safe (one lock around the connection) because the dashboard may
    share one instance between Streamlit sessions.
    """

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        memory = str(path) == ":memory:"
        self.path: Path | None = None if memory else Path(path)
        self.label = str(path)
        if self.path is not None:
            self._check_path(self.path, create)
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction(): 0 = none open
        try:
            self._conn: sqlite3.Connection | None = sqlite3.connect(
                self.label, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise WorkspaceError(self.label, detail=_explain(exc)) from exc
        self._conn.row_factory = sqlite3.Row
        try:
            self._configure()
            self._upgrade()
        except BaseException as exc:
            self.close()
            if isinstance(exc, sqlite3.Error):
                raise WorkspaceError(self.label, detail=_explain(exc)) from exc
            raise

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Self:
        """Open (or with `create=False`, only open an existing) workspace file."""
        return cls(path, create=create)

    @classmethod
    def memory(cls) -> Self:
        """A throwaway workspace, for tests and one-shot runs."""
        return cls(":memory:")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({self.label!r})"

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _check_path(self, path: Path, create: bool) -> None:
        if path.is_dir():
            raise WorkspaceError(self.label, detail="is a folder, not a workspace file")
        if path.exists():
            return
        if not create:
            raise WorkspaceError(self.label, detail="no workspace here (add a source to create one)")
        if not path.parent.is_dir():
            raise WorkspaceError(self.label, detail=f"folder {path.parent} does not exist")

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise WorkspaceError(self.label, detail="the workspace is closed")
        return self._conn

    def _configure(self) -> None:
        conn = self._connection()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        self._refuse_unknown_file()  # before WAL: never convert another program's file
        self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")

    def _refuse_unknown_file(self) -> None:
        version, app_id, tables = schema.file_state(self._connection())
        known = schema.schema_version()
        if version > known:
            raise WorkspaceError(
                self.label,
                detail=f"made by a newer Rashomon (schema {version}, this one knows {known}): upgrade",
            )
        foreign = (version == 0 and tables > 0) or (version > 0 and app_id != schema.APPLICATION_ID)
        if foreign:
            raise WorkspaceError(self.label, detail="a SQLite database, but not a Rashomon workspace")

    def _upgrade(self) -> None:
        """Run pending migrations in one transaction; re-check under the lock, as another process may have."""
        if schema.file_state(self._connection())[0] == schema.schema_version():
            return
        with self.transaction():
            self._refuse_unknown_file()
            schema.migrate(self._connection(), schema.file_state(self._connection())[0])

    def _retry(self, step: Callable[[], T]) -> T:
        last: sqlite3.Error | None = None
        for attempt in range(BEGIN_RETRIES):
            try:
                return step()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                last = exc
            time.sleep(BACKOFF_S * 2**attempt * (1 + random.random()))
        raise WorkspaceError(self.label, detail="busy: another process kept the workspace locked; try again") from last

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing write (issue #3); nested calls become savepoints of the outer one."""
        with self._lock:
            conn = self._connection()
            if self._depth:
                name = f"sp{self._depth}"
                conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield
                except BaseException:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                    raise
                else:
                    conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            self._retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            self._depth = 1
            try:
                yield
                self._retry(lambda: conn.execute("COMMIT"))
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise WorkspaceError(self.label, detail=_explain(exc)) from exc
                raise
            finally:
                self._depth = 0

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read snapshot, so that a report never mixes two commits of another process."""
        with self._lock:
            conn = self._connection()
            if self._depth:
                yield conn
                return
            conn.execute("BEGIN")
            self._depth = 1
            try:
                yield conn
            finally:
                self._depth = 0
                if conn.in_transaction:
                    conn.execute("COMMIT")

    def _execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        with self._lock:
            try:
                return self._connection().execute(sql, params)
            except sqlite3.Error as exc:
                raise WorkspaceError(self.label, detail=_explain(exc)) from exc

    def _rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._execute(sql, params).fetchall()

    def _one(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def pragmas(self) -> dict[str, Any]:
        """The connection settings issue #3 asks for, so tests and `doctor` can check them."""
        return {name: self._rows(f"PRAGMA {name}")[0][0] for name in _PRAGMAS}

    def integrity_check(self) -> str:
        """'ok', or SQLite's list of problems joined into one line."""
        return "; ".join(row[0] for row in self._rows("PRAGMA integrity_check"))

    # -- meta ------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return default if row is None else row["value"]

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction():
            self._rows(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
