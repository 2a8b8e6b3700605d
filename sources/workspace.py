"""The persistent workspace: one SQLite file holding sources, claims and analysis (issue #3).

One class over the store, in the manner of sqlite-utils' `Database`: rows go in
and come out as the pydantic models or plain dicts. Every command that writes
is one `BEGIN IMMEDIATE` ... `COMMIT`, so a failure or a kill in the middle
leaves the workspace as it was, and WAL mode plus a busy timeout let the
dashboard and the CLI use one file at once.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

from pydantic import ValidationError

from analysis.align import block_keys
from analysis.models import Group, Relation, Report
from analysis.relate import apply_repeats
from claims.models import Claim, DateSpan
from sources import schema
from sources.errors import UnknownSource, WorkspaceError
from sources.models import Source

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
# Beyond the busy timeout, BEGIN IMMEDIATE is retried with backoff: WAL
# recovery and journal-mode changes can report "locked" without waiting (issue #3).
BEGIN_RETRIES = 6
BACKOFF_S = 0.05

_PRAGMAS = ("journal_mode", "busy_timeout", "foreign_keys", "synchronous", "user_version", "application_id")
META_FIELDS = ("title", "publisher", "published", "side", "address")
_SOURCE_COLUMNS = ("id", "name", *META_FIELDS, "language", "text", "sha256")
# "s12" sorts after "s2": order by the number, not the text.
_BY_NUMBER = "CAST(substr({col}, 2) AS INTEGER), {col}"
# Version of the claim_terms index (the keys analysis.align.block_keys gives);
# bump it when block_keys() changes so the next analyse rebuilds the index (issue #3).
TERM_INDEX = "1"
_EACH = "(SELECT value FROM json_each(?))"
_EACH2 = "(SELECT value FROM json_each(?2))"
_EACH3 = "(SELECT value FROM json_each(?3))"


class TimeSpan(NamedTuple):
    """A claim's time as stored for blocking: what align's time test reads of a DateSpan."""

    start: date
    end: date
    precision: str


class Candidate(NamedTuple):
    """A stored claim found by the blocking index, before it is parsed."""

    claim_id: str
    time: TimeSpan | None  # its time, or for an event_date claim its date: what alignment compares
    words: frozenset[str]  # those of the words asked about that it holds


class AnalysisChanged(WorkspaceError):
    """Another process saved or changed the analysis while this one computed its own (issue #3)."""


@dataclass(frozen=True)
class AddResult:
    """What `add_source` did, for the CLI to report one line per input."""

    status: Literal["added", "duplicate", "updated"]
    source_id: str
    name: str = ""
    existing_id: str | None = None  # set for "duplicate": the source already holding this text


def _now() -> str:
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


def _source_params(source: Source) -> dict[str, Any]:
    params = source.model_dump(include=set(_SOURCE_COLUMNS))
    params["published"] = source.published.isoformat() if source.published else None
    return params


def _source_from_row(row: sqlite3.Row) -> Source:
    return Source.model_validate({col: row[col] for col in _SOURCE_COLUMNS})


def _terms(claims: Iterable[Claim]) -> list[tuple[str, str, str]]:
    """claim_terms rows: the keys alignment blocks on (its context words and years), once per claim (issue #3)."""
    return [(claim.kind, term, claim.id) for claim in claims for term in dict.fromkeys(block_keys(claim))]


def _time(claim: Claim) -> tuple[str | None, str | None, str | None]:
    """The span alignment compares: a claim's time, or an event_date claim's date (its value)."""
    when = claim.value if claim.kind == "event_date" and isinstance(claim.value, DateSpan) else claim.when
    return (when.start.isoformat(), when.end.isoformat(), when.precision) if when else (None, None, None)


def _json_list(items: Iterable[str]) -> str:
    """One bound parameter for any number of ids, read back with json_each: no variable limit."""
    return json.dumps(sorted(set(items)))


def _group_number(group_id: str) -> int:
    digits = group_id[1:] if group_id[:1] == "g" else ""
    return int(digits) if digits.isdigit() else 0


class Workspace:
    """A Rashomon workspace: `Workspace(path)`, `Workspace.memory()`, or `with Workspace.open(path) as ws:`.

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
    def open(cls, path: Path | str, *, create: bool = True) -> Workspace:
        """Open (or with `create=False`, only open an existing) workspace file."""
        return cls(path, create=create)

    @classmethod
    def memory(cls) -> Workspace:
        """A throwaway workspace, for tests and one-shot runs."""
        return cls(":memory:")

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Workspace({self.label!r})"

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # -- connection, transactions, schema ------------------------------------

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
        conn = self._connection()
        version, app_id = schema.file_version(conn)
        known = schema.schema_version()
        if version > known:
            raise WorkspaceError(
                self.label,
                detail=f"made by a newer Rashomon (schema {version}, this one knows {known}): upgrade",
            )
        foreign = (version == 0 and schema.user_tables(conn)) or (version > 0 and app_id != schema.APPLICATION_ID)
        if foreign:
            raise WorkspaceError(self.label, detail="a SQLite database, but not a Rashomon workspace")

    def _upgrade(self) -> None:
        """Run pending migrations in one transaction; re-check under the lock, as another process may have."""
        if schema.file_version(self._connection())[0] == schema.schema_version():
            return
        with self.transaction():
            self._refuse_unknown_file()
            schema.migrate(self._connection(), schema.file_version(self._connection())[0])

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

    def _mark_stale(self) -> None:
        self.set_meta("analysis_stale", "1")

    def _bump_generation(self) -> None:
        """Count changes to groups, so an analysis computed meanwhile is not saved over them."""
        self._rows(
            "INSERT INTO meta (key, value) VALUES ('analysis_gen', '1') ON CONFLICT(key)"
            " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _detach(self, source_id: str) -> None:
        """Take a source's claims out of their groups before they change or go (issue #3).

        Their relations go, groups left empty go, the others are marked stale so
        the next analyse recomputes their summary and status: the rest of the
        analysis stays, and re-analysing stays incremental.
        """
        rows = self._rows("SELECT id, group_id FROM claims WHERE source_id = ? AND group_id IS NOT NULL", (source_id,))
        if not rows:
            return
        gone = {row["id"] for row in rows}
        for group_id in sorted({row["group_id"] for row in rows}):
            self._rows(
                f"DELETE FROM relations WHERE group_id = ?1 AND (claim_a IN {_EACH2} OR claim_b IN {_EACH2})",
                (group_id, _json_list(gone)),
            )
            row = self._one("SELECT data FROM groups WHERE id = ?", (group_id,))
            if row is None:
                continue
            group = Group.model_validate_json(row["data"])
            kept = [cid for cid in group.claim_ids if cid not in gone]
            if kept:
                repeats = {k: v for k, v in group.repeats.items() if k not in gone and v not in gone}
                changed = group.model_copy(update={"claim_ids": kept, "repeats": repeats})
                self._rows("UPDATE groups SET data = ? WHERE id = ?", (changed.model_dump_json(), group_id))
                self._rows("INSERT OR IGNORE INTO stale_groups (group_id) VALUES (?)", (group_id,))
            else:
                self._rows("DELETE FROM groups WHERE id = ?", (group_id,))
                self._rows("DELETE FROM stale_groups WHERE group_id = ?", (group_id,))
        self._rows("UPDATE claims SET group_id = NULL WHERE source_id = ?", (source_id,))
        self._bump_generation()
        self._mark_stale()

    # -- sources ---------------------------------------------------------------

    def add_source(self, source: Source) -> AddResult:
        """Store a source and assign its id; same text -> duplicate, same name -> updated."""
        with self.transaction():
            same_text = self._one("SELECT id FROM sources WHERE sha256 = ?", (source.sha256,))
            if same_text is not None:
                existing = same_text["id"]
                return AddResult("duplicate", existing, source.name, existing_id=existing)
            params = _source_params(source) | {"now": _now()}
            same_name = self._one("SELECT id FROM sources WHERE name = ?", (source.name,))
            if same_name is not None:
                params["id"] = same_name["id"]
                self._rows(
                    "UPDATE sources SET title = :title, publisher = :publisher, published = :published,"
                    " side = :side, address = :address, language = :language, text = :text,"
                    " sha256 = :sha256, updated_at = :now WHERE id = :id",
                    params,
                )
                # New text: its old claims are wrong, the next analyse re-extracts it.
                self._detach(params["id"])
                self._rows("DELETE FROM claims WHERE source_id = ?", (params["id"],))
                self._rows("DELETE FROM extractions WHERE source_id = ?", (params["id"],))
                self._mark_stale()
                return AddResult("updated", params["id"], source.name)
            params["id"] = self._next_source_id()
            self._rows(
                "INSERT INTO sources (id, name, title, publisher, published, side, address, language,"
                " text, sha256, added_at, updated_at) VALUES (:id, :name, :title, :publisher, :published,"
                " :side, :address, :language, :text, :sha256, :now, :now)",
                params,
            )
            self._mark_stale()
            return AddResult("added", params["id"], source.name)

    def add_sources(self, sources: Iterable[Source]) -> list[AddResult]:
        """One transaction per source, so a kill keeps every source added before it."""
        return [self.add_source(source) for source in sources]

    def _next_source_id(self) -> str:
        """1 + the largest number ever used; the counter in meta outlives removals (issue #3)."""
        row = self._one("SELECT MAX(CAST(substr(id, 2) AS INTEGER)) AS n FROM sources WHERE id GLOB 's[0-9]*'")
        number = max(int(self.get_meta("source_counter") or 0), (row["n"] if row else None) or 0) + 1
        self.set_meta("source_counter", str(number))
        return f"s{number}"

    def _resolve(self, ref: str) -> str:
        """Id, exact name, or a unique prefix/suffix of a name (case-sensitive first)."""
        rows = [(row["id"], row["name"]) for row in self._rows("SELECT id, name FROM sources")]
        for sid, name in rows:
            if ref in (sid, name):
                return sid
        if ref:
            for fold in (str, str.casefold):
                key = fold(ref)
                hits = [(sid, n) for sid, n in rows if fold(n).startswith(key) or fold(n).endswith(key)]
                if len(hits) == 1:
                    return hits[0][0]
                if hits:
                    listed = ", ".join(f"{sid} ({name})" for sid, name in hits[:5])
                    raise WorkspaceError(ref, detail=f"matches several sources: {listed}; use the id")
        raise UnknownSource(ref)

    def get_source(self, ref: str) -> Source:
        with self._read():
            row = self._one("SELECT * FROM sources WHERE id = ?", (self._resolve(ref),))
            assert row is not None  # resolved inside the same snapshot
            return _source_from_row(row)

    def list_sources(self) -> list[Source]:
        rows = self._rows(f"SELECT * FROM sources ORDER BY {_BY_NUMBER.format(col='id')}")
        return [_source_from_row(row) for row in rows]

    def source_rows(self) -> list[dict[str, Any]]:
        """What `rashomon list` shows: metadata, counts, `extracted` (for the current text), no text."""
        rows = self._rows(
            "SELECT s.id, s.name, s.title, s.publisher, s.published, s.side, s.address, s.language,"
            " s.sha256, s.added_at, s.updated_at, length(s.text) AS chars,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id) AS claims,"
            " e.pipeline AS pipeline, e.sha256 = s.sha256 AS extracted"
            " FROM sources s LEFT JOIN extractions e ON e.source_id = s.id"
            f" ORDER BY {_BY_NUMBER.format(col='s.id')}"
        )
        return [dict(row) | {"extracted": bool(row["extracted"])} for row in rows]

    def update_source(self, ref: str, **fields: Any) -> Source:
        """Change metadata (title, publisher, published, side, address); the text stays."""
        unknown = sorted(set(fields) - set(META_FIELDS))
        if unknown:
            raise TypeError(f"update_source() cannot change {unknown}; only {list(META_FIELDS)}")
        with self.transaction():
            current = self.get_source(ref)
            try:
                updated = Source.model_validate(current.model_dump() | fields)
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(part) for part in first["loc"])
                raise WorkspaceError(ref, detail=f"bad {field} {first['input']!r}: {first['msg']}") from None
            params = _source_params(updated) | {"now": _now()}
            self._rows(
                "UPDATE sources SET title = :title, publisher = :publisher, published = :published,"
                " side = :side, address = :address, updated_at = :now WHERE id = :id",
                params,
            )
            if updated.published != current.published:
                # "On Tuesday" is read against the publication date: extract again (issue #3).
                self._rows("DELETE FROM extractions WHERE source_id = ?", (updated.id,))
                self._mark_stale()
            return updated

    def remove_source(self, ref: str) -> Source:
        """Delete a source; its claims leave their groups, then go with its extraction record by cascade."""
        with self.transaction():
            source = self.get_source(ref)
            self._detach(source.id)
            self._rows("DELETE FROM sources WHERE id = ?", (source.id,))
            self._mark_stale()
            return source

    # -- claims ----------------------------------------------------------------

    def sources_needing_extraction(self, pipeline: str) -> list[Source]:
        """Sources with no claims yet for their current text and this pipeline version."""
        rows = self._rows(
            "SELECT s.* FROM sources s LEFT JOIN extractions e ON e.source_id = s.id"
            " WHERE e.source_id IS NULL OR e.sha256 != s.sha256 OR e.pipeline != ?"
            f" ORDER BY {_BY_NUMBER.format(col='s.id')}",
            (pipeline,),
        )
        return [_source_from_row(row) for row in rows]

    def replace_claims(self, source_id: str, claims: list[Claim], pipeline: str, *, sha256: str | None = None) -> None:
        """Store a source's claims and its extraction record together.

        Pass `sha256` of the text that was extracted: if another process changed
        the source meanwhile, the claims are refused instead of filed under the
        new text.
        """
        with self.transaction():
            row = self._one("SELECT sha256 FROM sources WHERE id = ?", (source_id,))
            if row is None:
                raise UnknownSource(source_id)
            if sha256 is not None and sha256 != row["sha256"]:
                raise WorkspaceError(source_id, detail="its text changed during extraction; run analyse again")
            foreign = [claim.id for claim in claims if claim.source_id != source_id]
            if foreign:
                raise WorkspaceError(source_id, detail=f"claims {foreign[:3]} belong to another source")
            self._detach(source_id)
            self._rows("DELETE FROM claims WHERE source_id = ?", (source_id,))
            rows = [
                (claim.id, source_id, position, claim.kind, claim.model_dump_json(), pipeline, *_time(claim))
                for position, claim in enumerate(claims)
            ]
            try:
                with self._lock:
                    conn = self._connection()
                    conn.executemany(
                        "INSERT INTO claims (id, source_id, position, kind, data, pipeline, time_start, time_end,"
                        " time_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows,
                    )
                    conn.executemany("INSERT INTO claim_terms (kind, term, claim_id) VALUES (?, ?, ?)", _terms(claims))
            except sqlite3.IntegrityError as exc:
                raise WorkspaceError(source_id, detail=f"claim ids must be unique in the workspace ({exc})") from exc
            self._rows(
                "INSERT OR REPLACE INTO extractions (source_id, sha256, pipeline, extracted_at) VALUES (?, ?, ?, ?)",
                (source_id, row["sha256"], pipeline, _now()),
            )
            self._mark_stale()

    def claims(self, source_id: str | None = None) -> list[Claim]:
        """Claims in order of source number, then of position in the source."""
        with self._read():
            if source_id is None:
                rows = self._rows(f"SELECT data FROM claims ORDER BY {_BY_NUMBER.format(col='source_id')}, position")
            else:
                if self._one("SELECT 1 FROM sources WHERE id = ?", (source_id,)) is None:
                    raise UnknownSource(source_id)
                rows = self._rows("SELECT data FROM claims WHERE source_id = ? ORDER BY position", (source_id,))
        return [Claim.model_validate_json(row["data"]) for row in rows]

    # -- analysis --------------------------------------------------------------

    def analysis_generation(self) -> int:
        """Changes to groups so far; pass it back to a save to refuse a lost update (issue #3)."""
        return int(self.get_meta("analysis_gen") or 0)

    def _check_generation(self, expected: int | None) -> None:
        if expected is not None and self.analysis_generation() != expected:
            raise AnalysisChanged(
                self.label, detail="another process changed the analysis meanwhile; run analyse again"
            )

    def _file_groups(self, groups: list[Group]) -> dict[str, str]:
        """Point each group's claims at it; returns claim id -> group id."""
        group_of = {cid: g.id for g in groups for cid in [*g.claim_ids, *g.repeats]}  # folded repeats too
        with self._lock:
            self._connection().executemany(
                "UPDATE claims SET group_id = ? WHERE id = ?", [(gid, cid) for cid, gid in group_of.items()]
            )
        return group_of

    def _insert_relations(self, relations: list[Relation], group_of: dict[str, str], first: int) -> None:
        rows = [
            (first + i, r.claim_a, r.claim_b, r.relation, r.reason, group_of.get(r.claim_a))
            for i, r in enumerate(relations)
        ]
        with self._lock:
            self._connection().executemany(
                "INSERT INTO relations (position, claim_a, claim_b, relation, reason, group_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _analysed(self, pipeline: str | None, counter: int) -> None:
        self._bump_generation()
        self.set_meta("group_counter", str(counter))
        self.set_meta("analysed_at", _now())
        self.set_meta("analysis_stale", "0")
        if pipeline is not None:
            self.set_meta("pipeline", pipeline)

    def save_analysis(self, groups: list[Group], relations: list[Relation], *, pipeline: str | None = None,
                      expect_generation: int | None = None) -> None:  # fmt: skip
        """Replace all groups and relations at once and note when (issue #3)."""
        with self.transaction():
            self._check_generation(expect_generation)
            self._rows("DELETE FROM groups")
            self._rows("DELETE FROM relations")
            self._rows("DELETE FROM stale_groups")
            self._rows("UPDATE claims SET group_id = NULL WHERE group_id IS NOT NULL")
            with self._lock:
                self._connection().executemany(
                    "INSERT INTO groups (id, position, kind, data) VALUES (?, ?, ?, ?)",
                    [(g.id, i, g.kind, g.model_dump_json()) for i, g in enumerate(groups)],
                )
            self._insert_relations(relations, self._file_groups(groups), 0)
            self._analysed(pipeline, max((_group_number(g.id) for g in groups), default=0))

    def save_alignment_changes(self, groups: list[Group], relations: list[Relation], *, pipeline: str | None = None,
                               expect_generation: int | None = None) -> None:  # fmt: skip
        """Write only what an incremental analyse changed (issue #3).

        `groups` are new or changed groups, whole (a changed one keeps its
        place in the report); `relations` are added to those already stored.
        """
        with self.transaction():
            self._check_generation(expect_generation)
            for group in groups:
                params = {"id": group.id, "kind": group.kind, "data": group.model_dump_json()}
                if self._one("SELECT 1 FROM groups WHERE id = :id", params) is None:
                    self._rows(
                        "INSERT INTO groups (id, position, kind, data)"
                        " VALUES (:id, (SELECT COALESCE(MAX(position), -1) + 1 FROM groups), :kind, :data)",
                        params,
                    )
                else:
                    self._rows("UPDATE groups SET kind = :kind, data = :data WHERE id = :id", params)
                self._rows("DELETE FROM stale_groups WHERE group_id = :id", params)
            group_of = self._file_groups(groups)
            first = self._one("SELECT COALESCE(MAX(position), -1) + 1 AS n FROM relations")
            self._insert_relations(relations, group_of, first["n"] if first else 0)
            counter = max([self.group_counter(), *(_group_number(g.id) for g in groups)])
            self._analysed(pipeline, counter)

    # -- what incremental alignment reads (issue #3) ---------------------------

    def group_counter(self) -> int:
        """The largest group number handed out: new groups continue after it."""
        return int(self.get_meta("group_counter") or 0)

    def count_claims(self) -> int:
        row = self._one("SELECT COUNT(*) AS n FROM claims")
        return row["n"] if row else 0

    def count_unaligned(self) -> int:
        row = self._one("SELECT COUNT(*) AS n FROM claims WHERE group_id IS NULL")
        return row["n"] if row else 0

    def unaligned_claims(self) -> list[Claim]:
        """Claims in no group yet: those extracted since the last analyse, in source order."""
        rows = self._rows(
            f"SELECT data FROM claims WHERE group_id IS NULL ORDER BY {_BY_NUMBER.format(col='source_id')}, position"
        )
        return [Claim.model_validate_json(row["data"]) for row in rows]

    def stale_group_ids(self) -> list[str]:
        return [row["group_id"] for row in self._rows("SELECT group_id FROM stale_groups ORDER BY group_id")]

    def term_counts(self, terms: Iterable[str]) -> dict[str, dict[str, int]]:
        """term -> {kind: number of claims of that kind holding it}; absent terms are left out."""
        counts: dict[str, dict[str, int]] = {}
        for row in self._rows("SELECT term, kind, n FROM term_stats WHERE term IN " + _EACH, (_json_list(terms),)):
            counts.setdefault(row["term"], {})[row["kind"]] = row["n"]
        return counts

    def candidates(self, kind: str, keys: Iterable[str], words: Iterable[str] = ()) -> dict[str, list[Candidate]]:
        """Group id -> its claims of `kind` that hold one of `keys`: the blocking step (issue #3).

        Read from the indexes only (claim_terms, claims_blocking), with each
        claim's time and which of `words` it also holds, so that most
        candidates are ruled out before any claim is parsed.
        """
        rows = self._rows(
            "SELECT group_id, id, time_start, time_end, time_precision, (SELECT json_group_array(w.term)"
            f" FROM claim_terms w WHERE w.kind = ?1 AND w.claim_id = claims.id AND w.term IN {_EACH3}) AS words"
            f" FROM claims WHERE group_id IS NOT NULL AND id IN (SELECT claim_id FROM claim_terms"
            f" WHERE kind = ?1 AND term IN {_EACH2})",
            (kind, _json_list(keys), _json_list(words)),
        )
        out: dict[str, list[Candidate]] = {}
        times: dict[tuple[str, str, str], TimeSpan] = {}  # the claims of one event share a date: parse it once
        for group_id, claim_id, start, end, precision, held in rows:
            time = None
            if start:
                time = times.get((start, end, precision))
                if time is None:
                    time = times[(start, end, precision)] = TimeSpan(
                        date.fromisoformat(start), date.fromisoformat(end), precision
                    )
            words = frozenset(json.loads(held)) if held != "[]" else frozenset()
            out.setdefault(group_id, []).append(Candidate(claim_id, time, words))
        return out

    def claims_by_id(self, ids: Iterable[str], *, texts: bool = True) -> dict[str, Claim]:
        """Claims by id; with texts=False their quote and sentence are left empty (half the parsing,
        for claims that are only scored)."""
        data = "data" if texts else "json_set(data, '$.quote', '', '$.sentence', '', '$.also', json('[]'))"
        rows = self._rows(f"SELECT id, {data} AS data FROM claims WHERE id IN {_EACH}", (_json_list(ids),))
        return {row["id"]: Claim.model_validate_json(row["data"]) for row in rows}

    def groups_by_id(self, ids: Iterable[str]) -> dict[str, Group]:
        rows = self._rows("SELECT id, data FROM groups WHERE id IN " + _EACH, (_json_list(ids),))
        return {row["id"]: Group.model_validate_json(row["data"]) for row in rows}

    def group_claims(self, ids: Iterable[str]) -> dict[str, list[Claim]]:
        """Each group's member claims, in source order."""
        out: dict[str, list[Claim]] = {}
        rows = self._rows(
            f"SELECT group_id, data FROM claims WHERE group_id IN {_EACH}"
            f" ORDER BY {_BY_NUMBER.format(col='source_id')}, position",
            (_json_list(ids),),
        )
        for row in rows:
            out.setdefault(row["group_id"], []).append(Claim.model_validate_json(row["data"]))
        return out

    def group_sizes(self, ids: Iterable[str]) -> dict[str, int]:
        """How many claims are filed in each group (folded repeats included), from the index alone."""
        rows = self._rows(
            f"SELECT group_id, COUNT(*) AS n FROM claims WHERE group_id IN {_EACH} GROUP BY group_id",
            (_json_list(ids),),
        )
        return {row["group_id"]: row["n"] for row in rows}

    def group_relations(self, ids: Iterable[str]) -> dict[str, list[Relation]]:
        """Each group's stored relations, in report order."""
        rows = self._rows(
            f"SELECT group_id, claim_a, claim_b, relation, reason FROM relations WHERE group_id IN {_EACH}"
            " ORDER BY position",
            (_json_list(ids),),
        )
        out: dict[str, list[Relation]] = {}
        for row in rows:
            fields = {key: row[key] for key in ("claim_a", "claim_b", "relation", "reason")}
            out.setdefault(row["group_id"], []).append(Relation.model_validate(fields))
        return out

    def term_index_ready(self) -> bool:
        """False when claims predate the index or block_keys() changed: rebuild before using it."""
        return self.get_meta("term_index", TERM_INDEX) == TERM_INDEX

    def rebuild_term_index(self) -> None:
        """Index every claim's blocking keys again (a full analyse does this when the index is not ready)."""
        with self.transaction():
            self._rows("DELETE FROM claim_terms")
            self._rows("DELETE FROM term_stats")
            claims = [Claim.model_validate_json(row["data"]) for row in self._rows("SELECT data FROM claims")]
            with self._lock:
                self._connection().executemany(
                    "INSERT INTO claim_terms (kind, term, claim_id) VALUES (?, ?, ?)", _terms(claims)
                )
            self.set_meta("term_index", TERM_INDEX)

    def groups(self) -> list[Group]:
        return [
            Group.model_validate_json(row["data"]) for row in self._rows("SELECT data FROM groups ORDER BY position")
        ]

    def relations(self) -> list[Relation]:
        rows = self._rows("SELECT claim_a, claim_b, relation, reason FROM relations ORDER BY position")
        return [Relation.model_validate(dict(row)) for row in rows]

    def report(self) -> Report:
        """The whole workspace as one Report, read from one snapshot."""
        with self._read():
            analysed = self.get_meta("analysed_at")
            groups = self.groups()
            return Report(
                sources=self.list_sources(),
                # as analyse() reports them: a claim a source repeats is shown once (analysis.relate)
                claims=apply_repeats(self.claims(), groups),
                groups=groups,
                relations=self.relations(),
                pipeline=self.get_meta("pipeline") or "",
                generated=datetime.fromisoformat(analysed) if analysed else None,
            )

    # -- aliases and decisions ------------------------------------------------

    def add_alias(self, name: str, canonical: str) -> None:
        """Map a name (any case) to its canonical actor; re-adding replaces the mapping."""
        if not name.strip() or not canonical.strip():
            raise WorkspaceError(name, detail="an alias needs a name and a canonical name")
        with self.transaction():
            self._rows(
                "INSERT INTO aliases (name, canonical, added_at) VALUES (?, ?, ?) ON CONFLICT(name)"
                " DO UPDATE SET name = excluded.name, canonical = excluded.canonical,"
                " added_at = excluded.added_at",
                (name, canonical, _now()),
            )

    def remove_alias(self, name: str) -> bool:
        """True if the alias existed."""
        with self.transaction():
            return self._execute("DELETE FROM aliases WHERE name = ?", (name,)).rowcount > 0

    def aliases(self) -> dict[str, str]:
        return {row["name"]: row["canonical"] for row in self._rows("SELECT * FROM aliases ORDER BY name")}

    def add_decision(self, target: str, decision: str, note: str = "") -> dict[str, Any]:
        """Record a user's verdict on a group or relation ("split", "not the same fact")."""
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO decisions (target, decision, note, created_at) VALUES (?, ?, ?, ?)",
                (target, decision, note, _now()),
            )
            row = self._one("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,))
        assert row is not None
        return dict(row)

    def decisions(self, target: str | None = None) -> list[dict[str, Any]]:
        if target is None:
            return [dict(row) for row in self._rows("SELECT * FROM decisions ORDER BY id")]
        return [dict(row) for row in self._rows("SELECT * FROM decisions WHERE target = ? ORDER BY id", (target,))]

    # -- summary -------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts for `rashomon status` and the dashboard header."""
        row = self._one(
            "SELECT (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM claims) AS claims,"
            " (SELECT COUNT(*) FROM extractions) AS extracted, (SELECT COUNT(*) FROM groups) AS groups,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'contested') AS contested,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'agree') AS agreed,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'single') AS single,"
            " (SELECT COUNT(*) FROM relations) AS relations,"
            " (SELECT COUNT(*) FROM relations WHERE relation = 'contradict') AS contradictions,"
            " (SELECT COUNT(*) FROM aliases) AS aliases, (SELECT COUNT(*) FROM decisions) AS decisions,"
            " (SELECT value FROM meta WHERE key = 'analysed_at') AS analysed_at,"
            " (SELECT value FROM meta WHERE key = 'analysis_stale') AS stale"
        )
        assert row is not None
        return dict(row) | {"stale": row["stale"] == "1"}
