"""Sources and their claims in the workspace: add, update, remove, extract records (issue #3, #7)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from claims.models import Claim, DateSpan
from sources.errors import UnknownDecision, UnknownSource, WorkspaceError
from sources.models import Source
from sources.naming import distinct_name
from workspace.db import BY_NUMBER, Database, now

META_FIELDS = ("title", "publisher", "published", "side", "address")
_SOURCE_COLUMNS = ("id", "name", *META_FIELDS, "language", "text", "sha256")
TermRow = tuple[str, str, str]  # (kind, term, claim id): a blocking key the caller computed
# Ids of the claims folded into another as restatements (Group.repeats): not counted as claims (issue #10).
FOLDED_IDS = "SELECT j.key FROM groups g, json_each(g.data, '$.repeats') j"


@dataclass(frozen=True)
class AddResult:
    """What `add_source` did, for the CLI to report one line per input (issues #3, #10)."""

    status: Literal["added", "duplicate", "updated"]
    source_id: str
    name: str = ""  # the name the source goes by in the workspace (made distinct when another has it)
    existing_id: str | None = None  # set for "duplicate": the source already holding this text
    existing_name: str | None = None  # ... and its name
    chars: int = 0  # length of the text added
    chars_before: int | None = None  # set for "updated": length of the text it replaced
    same_name_id: str | None = None  # set when another source, from elsewhere, has this file name

    def line(self) -> str:
        """ "added s3 report.txt", "updated s3 a/report.txt: 1,204 -> 1,350 characters", ..."""
        if self.status == "duplicate" and self.name == self.existing_name:
            return f"duplicate of {self.existing_id} {self.name}: same text, not added again"
        if self.status == "duplicate":
            return f"duplicate {self.name}: same text as {self.existing_id} {self.existing_name}, not added"
        if self.status == "updated":
            same = " (as many, but other text)" if self.chars == self.chars_before else ""
            return f"updated {self.source_id} {self.name}: {self.chars_before:,} -> {self.chars:,} characters{same}"
        also = f" ({self.same_name_id} has the same file name, from elsewhere)" if self.same_name_id else ""
        return f"added {self.source_id} {self.name}{also}"


def _source_params(source: Source) -> dict[str, Any]:
    params = source.model_dump(include=set(_SOURCE_COLUMNS))
    params["published"] = source.published.isoformat() if source.published else None
    params["origin"] = source.origin  # not in model_dump: reports leave it out
    return params


def _source_from_row(row: sqlite3.Row) -> Source:
    return Source.model_validate({col: row[col] for col in (*_SOURCE_COLUMNS, "origin")})


def _time(claim: Claim) -> tuple[str | None, str | None, str | None]:
    """The span alignment compares: a claim's time, or an event_date claim's date (its value)."""
    when = claim.value if claim.kind == "event_date" and isinstance(claim.value, DateSpan) else claim.when
    return (when.start.isoformat(), when.end.isoformat(), when.precision) if when else (None, None, None)


class SourceStore(Database):
    """The sources, claims, aliases and decisions tables; groups are `workspace.analysis_store`'s."""

    def _detach(self, source_id: str) -> None:  # the analysis store's; here for the type checker
        raise NotImplementedError

    def _mark_stale(self) -> None:
        self.set_meta("analysis_stale", "1")

    def add_source(self, source: Source) -> AddResult:
        """Store a source and assign its id (issue #10: identity is content and origin, never a bare name).

        The same text, from anywhere, is a duplicate; the same origin (path, URL,
        pasted name) with new text is an update of that source; anything else is
        a new source, under a name no other source has (sources.naming).
        """
        with self.transaction():
            same_text = self._one("SELECT id, name, origin FROM sources WHERE sha256 = ?", (source.sha256,))
            if same_text is not None:
                self._adopt_origin(same_text["id"], same_text["origin"], source.origin)
                same_file = source.origin is not None and source.origin == same_text["origin"]
                name = same_text["name"] if same_file else source.name  # the name it goes by here
                return AddResult("duplicate", same_text["id"], name, existing_id=same_text["id"],
                                 existing_name=same_text["name"], chars=len(source.text))  # fmt: skip
            params = _source_params(source) | {"now": now()}
            same_origin = None
            if source.origin is not None:
                same_origin = self._one(
                    "SELECT id, name, length(text) AS chars FROM sources WHERE origin = ?", (source.origin,)
                )
            if same_origin is not None:
                return self._replace_text(params, same_origin)
            params["id"] = self._next_source_id()
            params["name"] = distinct_name(source.name, source.origin, self._name_taken)
            holder = self._one("SELECT id FROM sources WHERE name = ?", (source.name,))
            self._rows(
                "INSERT INTO sources (id, name, title, publisher, published, side, address, language,"
                " text, sha256, origin, added_at, updated_at) VALUES (:id, :name, :title, :publisher, :published,"
                " :side, :address, :language, :text, :sha256, :origin, :now, :now)",
                params,
            )
            self._mark_stale()
            return AddResult("added", params["id"], params["name"], chars=len(source.text),
                             same_name_id=holder["id"] if holder is not None else None)  # fmt: skip

    def _replace_text(self, params: dict[str, Any], existing: sqlite3.Row) -> AddResult:
        """The same origin with new text: an explicit update, its old claims gone (issue #10)."""
        params["id"] = existing["id"]
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
        return AddResult("updated", params["id"], existing["name"], chars=len(params["text"]),
                         chars_before=existing["chars"])  # fmt: skip

    def _adopt_origin(self, source_id: str, known: str | None, origin: str | None) -> None:
        """A source from before origins were kept, added again from its file: it learns where it came from."""
        if (
            known is None
            and origin is not None
            and self._one("SELECT 1 FROM sources WHERE origin = ?", (origin,)) is None
        ):
            self._rows("UPDATE sources SET origin = ? WHERE id = ?", (origin, source_id))

    def _name_taken(self, name: str) -> bool:
        return self._one("SELECT 1 FROM sources WHERE name = ?", (name,)) is not None

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
        rows = self._rows(f"SELECT * FROM sources ORDER BY {BY_NUMBER.format(col='id')}")
        return [_source_from_row(row) for row in rows]

    def source_rows(self) -> list[dict[str, Any]]:
        """What `rashomon list` shows: metadata, origin, language, counts, `extracted` (for the current text), no text.

        `claims` counts as everywhere else: restatements folded into another claim are `folded` (issue #10).
        """
        rows = self._rows(
            f"WITH folded AS ({FOLDED_IDS})"
            " SELECT s.id, s.name, s.title, s.publisher, s.published, s.side, s.address, s.language, s.origin,"
            " s.sha256, s.added_at, s.updated_at, length(s.text) AS chars,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id AND c.id NOT IN folded) AS claims,"
            " (SELECT COUNT(*) FROM claims c WHERE c.source_id = s.id AND c.id IN folded) AS folded,"
            " e.pipeline AS pipeline, e.sha256 = s.sha256 AS extracted"
            " FROM sources s LEFT JOIN extractions e ON e.source_id = s.id"
            f" ORDER BY {BY_NUMBER.format(col='s.id')}"
        )
        return [dict(row) | {"extracted": bool(row["extracted"])} for row in rows]

    def folded_claims(self, source_id: str) -> int:
        """How many of a source's claims are restatements folded into another (issue #10)."""
        row = self._one(
            f"WITH folded AS ({FOLDED_IDS}) SELECT COUNT(*) AS n FROM claims WHERE source_id = ? AND id IN folded",
            (source_id,),
        )
        return row["n"] if row is not None else 0

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
            params = _source_params(updated) | {"now": now()}
            self._rows(
                "UPDATE sources SET title = :title, publisher = :publisher, published = :published,"
                " side = :side, address = :address, updated_at = :now WHERE id = :id",
                params,
            )
            self._rows(
                "INSERT INTO meta (key, value) VALUES ('metadata_gen', '1') ON CONFLICT(key)"
                " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
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
            f" ORDER BY {BY_NUMBER.format(col='s.id')}",
            (pipeline,),
        )
        return [_source_from_row(row) for row in rows]

    def replace_claims(self, source_id: str, claims: list[Claim], pipeline: str, *, sha256: str | None = None,
                       terms: Iterable[TermRow] = ()) -> None:  # fmt: skip
        """Store a source's claims, their blocking keys (`terms`, computed by the caller) and its
        extraction record together.

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
                    conn.executemany("INSERT INTO claim_terms (kind, term, claim_id) VALUES (?, ?, ?)", list(terms))
            except sqlite3.IntegrityError as exc:
                raise WorkspaceError(source_id, detail=f"claim ids must be unique in the workspace ({exc})") from exc
            self._rows(
                "INSERT OR REPLACE INTO extractions (source_id, sha256, pipeline, extracted_at) VALUES (?, ?, ?, ?)",
                (source_id, row["sha256"], pipeline, now()),
            )
            self._mark_stale()

    def claims(self, source_id: str | None = None) -> list[Claim]:
        """Claims in order of source number, then of position in the source."""
        with self._read():
            if source_id is None:
                rows = self._rows(f"SELECT data FROM claims ORDER BY {BY_NUMBER.format(col='source_id')}, position")
            else:
                if self._one("SELECT 1 FROM sources WHERE id = ?", (source_id,)) is None:
                    raise UnknownSource(source_id)
                rows = self._rows("SELECT data FROM claims WHERE source_id = ? ORDER BY position", (source_id,))
        return [Claim.model_validate_json(row["data"]) for row in rows]

    def claim_ties(self) -> dict[str, set[str]]:
        """name -> the parties the sources' blame claims tie it to ("X, a cover name used by Y",
        claims.ties): the few claims that hold any, read without reading the rest."""
        found: dict[str, set[str]] = {}
        rows = self._rows(
            "SELECT json_extract(data, '$.value.ties') AS ties FROM claims WHERE kind = 'initiator'"
            " AND json_extract(data, '$.value.ties') NOT IN ('{}')"
        )
        for row in rows:
            for name, party in json.loads(row["ties"]).items():
                found.setdefault(name, set()).add(party)
        return found

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
                (name, canonical, now()),
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
                (target, decision, note, now()),
            )
            row = self._one("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,))
        assert row is not None
        return dict(row)

    def decisions(self, target: str | None = None) -> list[dict[str, Any]]:
        if target is None:
            return [dict(row) for row in self._rows("SELECT * FROM decisions ORDER BY id")]
        return [dict(row) for row in self._rows("SELECT * FROM decisions WHERE target = ? ORDER BY id", (target,))]

    # -- review decisions (issue #9): stored as given; workspace.review builds and applies them ----

    def add_review(self, action: str, target: str, data: dict[str, Any], *, note: str = "",
                   reviewer: str | None = None) -> dict[str, Any]:  # fmt: skip
        """Record one review decision; `data` holds its text anchors and values (JSON)."""
        with self.transaction():
            cursor = self._execute(
                "INSERT INTO decisions (target, decision, note, created_at, data, reviewer) VALUES (?, ?, ?, ?, ?, ?)",
                (target, action, note, now(), json.dumps(data, ensure_ascii=False), reviewer or None),
            )
            self._bump_review()
            row = self._one("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,))
        assert row is not None
        return _decision(row)

    def undo_review(self, decision_id: int) -> dict[str, Any]:
        """Mark a decision undone (kept in the list, no longer applied); undoing twice is refused."""
        with self.transaction():
            row = self._one("SELECT * FROM decisions WHERE id = ?", (decision_id,))
            if row is None:
                raise UnknownDecision(str(decision_id))
            if row["undone_at"] is not None:
                raise WorkspaceError(f"decision {decision_id}", detail=f"already undone at {row['undone_at']}")
            self._rows("UPDATE decisions SET undone_at = ? WHERE id = ?", (now(), decision_id))
            self._bump_review()
            row = self._one("SELECT * FROM decisions WHERE id = ?", (decision_id,))
        assert row is not None
        return _decision(row)

    def reviews(self, *, include_undone: bool = True) -> list[dict[str, Any]]:
        """Every review decision in the order made, `data` parsed."""
        where = "" if include_undone else " WHERE undone_at IS NULL"
        return [_decision(row) for row in self._rows(f"SELECT * FROM decisions{where} ORDER BY id")]

    def metadata_generation(self) -> int:
        """Changes with every change to a source's metadata (`rashomon update`), which changes no
        analysis: with the other generations, the dashboard's cache key (issue #11)."""
        return int(self.get_meta("metadata_gen") or 0)

    def review_generation(self) -> int:
        """Changes with every decision made or undone: the dashboard's cache key (issue #9)."""
        return int(self.get_meta("review_gen") or 0)

    def _bump_review(self) -> None:
        self._rows(
            "INSERT INTO meta (key, value) VALUES ('review_gen', '1') ON CONFLICT(key)"
            " DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )


def _decision(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    out["data"] = json.loads(out.get("data") or "{}")
    return out
