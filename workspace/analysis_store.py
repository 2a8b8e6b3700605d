"""Groups, relations and the blocking index in the workspace (issue #3, #7).

The store holds what the analysis computed; it computes nothing itself. Blocking
keys come from the caller (`workspace.pipeline`), so the store imports no stage.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, NamedTuple

from analysis.models import Group, Relation, Report
from claims.models import Claim
from sources.errors import WorkspaceError
from workspace.db import BY_NUMBER, EACH, EACH2, EACH3, json_list, now
from workspace.source_store import FOLDED_IDS, SourceStore, TermRow

# Version of the claim_terms index (the keys the caller's blocking function gives);
# the caller passes its own version to term_index_ready/rebuild_term_index (issue #3).


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
    statement: str | None = None  # its statement key in the index (STATEMENT_TERM), if it has one


# The caller may index a claim's statement as a term with this prefix (workspace.incremental, issue #11):
# copies of one statement in many sources hold the same one. A range of terms, so SQLite finds it by
# the index: every term from the prefix up to the next character after its colon.
STATEMENT_TERM = "@statement:"
# The event names and years claims are indexed under (claims.event.PREFIX): a range of terms, read by the index.
EVENT_TERMS, EVENT_TERMS_END = "@ev:", "@ev;"
_STATEMENT_RANGE = "s.term >= '@statement:' AND s.term < '@statement;'"


class AnalysisChanged(WorkspaceError):
    """Another process saved or changed the analysis while this one computed its own (issue #3)."""


_RELATION_FIELDS = ("claim_a", "claim_b", "relation", "reason", "confidence", "category")
_RELATION_COLUMNS = ", ".join((*_RELATION_FIELDS, "also_a", "also_b"))


def _relation(row: Any) -> Relation:
    """A stored relation; the other claims of its sides (issue #11) only when it has some."""
    fields = {key: row[key] for key in _RELATION_FIELDS}
    for side in ("also_a", "also_b"):
        if row[side]:
            fields[side] = json.loads(row[side])
    return Relation.model_validate(fields)


def _group_number(group_id: str) -> int:
    digits = group_id[1:] if group_id[:1] == "g" else ""
    return int(digits) if digits.isdigit() else 0


class AnalysisStore(SourceStore):
    """What analyse writes and the incremental alignment reads."""

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
            self._narrow_copies(group_id, gone)
            self._rows(
                f"DELETE FROM relations WHERE group_id = ?1 AND (claim_a IN {EACH2} OR claim_b IN {EACH2})",
                (group_id, json_list(gone)),
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

    def _narrow_copies(self, group_id: str, gone: set[str]) -> None:
        """Relations standing for the pairs of statements many sources print (issue #11) lose the
        claims that go and keep standing for the others' pairs: a side's first remaining claim
        becomes its named one. One that no longer holds a pair of two sources goes."""
        rows = self._rows(
            f"SELECT position, {_RELATION_COLUMNS} FROM relations WHERE group_id = ?"
            " AND (also_a IS NOT NULL OR also_b IS NOT NULL)",
            (group_id,),
        )
        for row in rows:
            rel = _relation(row)
            side_a = [c for c in (rel.claim_a, *rel.also_a) if c not in gone]
            side_b = [c for c in (rel.claim_b, *rel.also_b) if c not in gone]
            if len(side_a) == len(rel.also_a) + 1 and len(side_b) == len(rel.also_b) + 1:
                continue  # nothing of it goes
            source_of = self._sources_of([*side_a, *side_b])
            pair = next(((a, b) for a in side_a for b in side_b if a != b and source_of[a] != source_of[b]), None)
            if pair is None:
                self._rows("DELETE FROM relations WHERE position = ?", (row["position"],))
                continue
            a, b = pair
            also_a, also_b = [c for c in side_a if c != a], [c for c in side_b if c != b]
            self._rows(
                "UPDATE relations SET claim_a = ?, claim_b = ?, also_a = ?, also_b = ? WHERE position = ?",
                (a, b, json.dumps(also_a) if also_a else None, json.dumps(also_b) if also_b else None,
                 row["position"]),
            )  # fmt: skip

    def _sources_of(self, claim_ids: list[str]) -> dict[str, str]:
        rows = self._rows(f"SELECT id, source_id FROM claims WHERE id IN {EACH}", (json_list(claim_ids),))
        return {row["id"]: row["source_id"] for row in rows}

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
            (first + i, r.claim_a, r.claim_b, r.relation, r.reason, group_of.get(r.claim_a), r.confidence, r.category,
             json.dumps(r.also_a) if r.also_a else None, json.dumps(r.also_b) if r.also_b else None)
            for i, r in enumerate(relations)
        ]  # fmt: skip
        with self._lock:
            self._connection().executemany(
                "INSERT INTO relations (position, claim_a, claim_b, relation, reason, group_id, confidence, category,"
                " also_a, also_b) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _analysed(self, pipeline: str | None, counter: int) -> None:
        self._bump_generation()
        self.set_meta("group_counter", str(counter))
        self.set_meta("analysed_at", now())
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
                               expect_generation: int | None = None, replaced: Iterable[str] = (),
                               meta: dict[str, str] | None = None) -> None:  # fmt: skip
        """Write only what an incremental analyse changed (issue #3).

        `groups` are new or changed groups, whole (a changed one keeps its
        place in the report); `relations` are added to those already stored,
        except that the groups named in `replaced` lose theirs first (their
        relations were computed anew: issue #11, relations per statement). `meta` is noted with them.
        """
        with self.transaction():
            self._check_generation(expect_generation)
            gone = list(replaced)
            if gone:
                self._rows(f"DELETE FROM relations WHERE group_id IN {EACH}", (json_list(gone),))
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
            self._append(groups, relations, pipeline, meta)

    def _append(self, groups: list[Group], relations: list[Relation], pipeline: str | None,
                meta: dict[str, str] | None) -> None:  # fmt: skip
        """File the groups' claims, add the relations after the stored ones, note the analysis."""
        group_of = self._file_groups(groups)
        first = self._one("SELECT COALESCE(MAX(position), -1) + 1 AS n FROM relations")
        self._insert_relations(relations, group_of, first["n"] if first else 0)
        self._analysed(pipeline, max([self.group_counter(), *(_group_number(g.id) for g in groups)]))
        for key, value in (meta or {}).items():
            self.set_meta(key, value)

    # -- incidents (issue #8) ----------------------------------------------------

    def source_event_terms(self) -> dict[str, tuple[date | None, list[str]]]:
        """Every source with claims -> (the day its claims say it was published, the event names and
        years they are indexed under), sources in number order: what analysis.incidents reads."""
        found: dict[str, tuple[date | None, list[str]]] = {}
        for row in self._rows(
            "SELECT DISTINCT source_id, json_extract(data, '$.published') AS published FROM claims"
            f" ORDER BY {BY_NUMBER.format(col='source_id')}"
        ):
            found.setdefault(row["source_id"], (date.fromisoformat(row["published"]) if row["published"] else None, []))
        rows = self._rows(
            "SELECT DISTINCT c.source_id, t.term FROM claim_terms t JOIN claims c ON c.id = t.claim_id"
            " WHERE t.term >= ? AND t.term < ? ORDER BY t.term",
            (EVENT_TERMS, EVENT_TERMS_END),
        )
        for row in rows:
            found.setdefault(row["source_id"], (None, []))[1].append(row["term"])
        return found

    def claims_of_sources(self, source_ids: Iterable[str]) -> list[Claim]:
        """The claims of these sources, in order of source number, then of position."""
        rows = self._rows(
            f"SELECT data FROM claims WHERE source_id IN {EACH} ORDER BY {BY_NUMBER.format(col='source_id')}, position",
            (json_list(source_ids),),
        )
        return [Claim.model_validate_json(row["data"]) for row in rows]

    def groups_of_sources(self, source_ids: Iterable[str]) -> list[str]:
        """The groups holding a claim of these sources."""
        rows = self._rows(
            f"SELECT DISTINCT group_id FROM claims WHERE group_id IS NOT NULL AND source_id IN {EACH}",
            (json_list(source_ids),),
        )
        return [row["group_id"] for row in rows]

    def replace_groups(self, old: Iterable[str], groups: list[Group], relations: list[Relation], *,
                       pipeline: str | None = None, expect_generation: int | None = None,
                       meta: dict[str, str] | None = None) -> None:  # fmt: skip
        """Drop the groups `old` (their relations, their claims' filing) and add `groups` with `relations`:
        one incident analysed anew while the others stay as they are (issue #8). `meta` is noted with them."""
        gone = json_list(old)
        with self.transaction():
            self._check_generation(expect_generation)
            self._rows(f"DELETE FROM relations WHERE group_id IN {EACH}", (gone,))
            self._rows(f"DELETE FROM stale_groups WHERE group_id IN {EACH}", (gone,))
            self._rows(f"UPDATE claims SET group_id = NULL WHERE group_id IN {EACH}", (gone,))
            self._rows(f"DELETE FROM groups WHERE id IN {EACH}", (gone,))
            with self._lock:
                self._connection().executemany(
                    "INSERT INTO groups (id, position, kind, data)"
                    " VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM groups), ?, ?)",
                    [(g.id, g.kind, g.model_dump_json()) for g in groups],
                )
            self._append(groups, relations, pipeline, meta)

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
            f"SELECT data FROM claims WHERE group_id IS NULL ORDER BY {BY_NUMBER.format(col='source_id')}, position"
        )
        return [Claim.model_validate_json(row["data"]) for row in rows]

    def stale_group_ids(self) -> list[str]:
        return [row["group_id"] for row in self._rows("SELECT group_id FROM stale_groups ORDER BY group_id")]

    def term_counts(self, terms: Iterable[str]) -> dict[str, dict[str, int]]:
        """term -> {kind: number of claims of that kind holding it}; absent terms are left out."""
        counts: dict[str, dict[str, int]] = {}
        for row in self._rows("SELECT term, kind, n FROM term_stats WHERE term IN " + EACH, (json_list(terms),)):
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
            f" FROM claim_terms w WHERE w.kind = ?1 AND w.claim_id = claims.id AND w.term IN {EACH3}) AS words,"
            f" (SELECT s.term FROM claim_terms s WHERE s.claim_id = claims.id AND s.kind = ?1 AND {_STATEMENT_RANGE})"
            f" AS statement FROM claims WHERE group_id IS NOT NULL AND id IN (SELECT claim_id FROM claim_terms"
            f" WHERE kind = ?1 AND term IN {EACH2})",
            (kind, json_list(keys), json_list(words)),
        )
        out: dict[str, list[Candidate]] = {}
        times: dict[tuple[str, str, str], TimeSpan] = {}  # the claims of one event share a date: parse it once
        for group_id, claim_id, start, end, precision, held, statement in rows:
            time = None
            if start:
                time = times.get((start, end, precision))
                if time is None:
                    time = times[(start, end, precision)] = TimeSpan(
                        date.fromisoformat(start), date.fromisoformat(end), precision
                    )
            words = frozenset(json.loads(held)) if held != "[]" else frozenset()
            out.setdefault(group_id, []).append(Candidate(claim_id, time, words, statement))
        return out

    def statement_counts(self, kind: str, terms: Iterable[str], cap: int) -> dict[str, int]:
        """term -> how many distinct statements of `kind` hold it (claims with the same STATEMENT_TERM
        count once; one without counts alone), counted up to `cap` + 1: alignment's blocking counts
        statements, not reprints (issue #11)."""
        out: dict[str, int] = {}
        for term in terms:
            row = self._one(
                "SELECT COUNT(*) AS n FROM (SELECT DISTINCT COALESCE((SELECT s.term FROM claim_terms s"
                f" WHERE s.claim_id = t.claim_id AND s.kind = t.kind AND {_STATEMENT_RANGE}), t.claim_id)"
                " FROM claim_terms t WHERE t.kind = ? AND t.term = ? LIMIT ?)",
                (kind, term, cap + 1),
            )
            out[term] = row["n"] if row is not None else 0
        return out

    def claims_by_id(self, ids: Iterable[str], *, texts: bool = True) -> dict[str, Claim]:
        """Claims by id; with texts=False their quote and sentence are left empty (half the parsing,
        for claims that are only scored)."""
        data = "data" if texts else "json_set(data, '$.quote', '', '$.sentence', '', '$.also', json('[]'))"
        rows = self._rows(f"SELECT id, {data} AS data FROM claims WHERE id IN {EACH}", (json_list(ids),))
        return {row["id"]: Claim.model_validate_json(row["data"]) for row in rows}

    def groups_by_id(self, ids: Iterable[str]) -> dict[str, Group]:
        rows = self._rows("SELECT id, data FROM groups WHERE id IN " + EACH, (json_list(ids),))
        return {row["id"]: Group.model_validate_json(row["data"]) for row in rows}

    def group_claims(self, ids: Iterable[str]) -> dict[str, list[Claim]]:
        """Each group's member claims, in source order."""
        out: dict[str, list[Claim]] = {}
        rows = self._rows(
            f"SELECT group_id, data FROM claims WHERE group_id IN {EACH}"
            f" ORDER BY {BY_NUMBER.format(col='source_id')}, position",
            (json_list(ids),),
        )
        for row in rows:
            out.setdefault(row["group_id"], []).append(Claim.model_validate_json(row["data"]))
        return out

    def group_sizes(self, ids: Iterable[str]) -> dict[str, int]:
        """How many claims are filed in each group (folded repeats included), from the index alone."""
        rows = self._rows(
            f"SELECT group_id, COUNT(*) AS n FROM claims WHERE group_id IN {EACH} GROUP BY group_id",
            (json_list(ids),),
        )
        return {row["group_id"]: row["n"] for row in rows}

    def group_relations(self, ids: Iterable[str]) -> dict[str, list[Relation]]:
        """Each group's stored relations, in report order."""
        rows = self._rows(
            f"SELECT group_id, {_RELATION_COLUMNS} FROM relations WHERE group_id IN {EACH} ORDER BY position",
            (json_list(ids),),
        )
        out: dict[str, list[Relation]] = {}
        for row in rows:
            out.setdefault(row["group_id"], []).append(_relation(row))
        return out

    def term_index_ready(self, version: str) -> bool:
        """False when claims predate the index or the caller's keys changed: rebuild before using it."""
        return self.get_meta("term_index", version) == version

    def rebuild_term_index(self, version: str, terms: Callable[[list[Claim]], Iterable[TermRow]]) -> None:
        """Index every claim's blocking keys again (a full analyse does this when the index is not ready)."""
        with self.transaction():
            self._rows("DELETE FROM claim_terms")
            self._rows("DELETE FROM term_stats")
            claims = [Claim.model_validate_json(row["data"]) for row in self._rows("SELECT data FROM claims")]
            with self._lock:
                self._connection().executemany(
                    "INSERT INTO claim_terms (kind, term, claim_id) VALUES (?, ?, ?)", list(terms(claims))
                )
            self.set_meta("term_index", version)

    def groups(self) -> list[Group]:
        return [
            Group.model_validate_json(row["data"]) for row in self._rows("SELECT data FROM groups ORDER BY position")
        ]

    def relations(self) -> list[Relation]:
        rows = self._rows(f"SELECT {_RELATION_COLUMNS} FROM relations ORDER BY position")
        return [_relation(row) for row in rows]

    def report(self) -> Report:
        """The whole workspace as one Report, read from one snapshot, restatements not yet folded."""
        with self._read():
            analysed = self.get_meta("analysed_at")
            groups = self.groups()
            return Report(
                sources=self.list_sources(),
                claims=self.claims(),  # all of them: the caller folds repeats (workspace.pipeline)
                groups=groups,
                relations=self.relations(),
                pipeline=self.get_meta("pipeline") or "",
                generated=datetime.fromisoformat(analysed) if analysed else None,
            )

    # -- summary -------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts for `rashomon status` and the dashboard header."""
        # "claims" is what the report lists: restatements folded into the claim they repeat are
        # counted apart, as "folded" (issue #10: one count everywhere).
        row = self._one(
            f"WITH folded AS ({FOLDED_IDS}) SELECT (SELECT COUNT(*) FROM sources) AS sources,"
            " (SELECT COUNT(*) FROM claims WHERE id NOT IN folded) AS claims,"
            " (SELECT COUNT(*) FROM claims WHERE id IN folded) AS folded,"
            " (SELECT COUNT(*) FROM extractions) AS extracted, (SELECT COUNT(*) FROM groups) AS groups,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'contested') AS contested,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'agree') AS agreed,"
            " (SELECT COUNT(*) FROM groups WHERE json_extract(data, '$.status') = 'single') AS single,"
            " (SELECT COUNT(*) FROM relations) AS relations,"
            " (SELECT COUNT(*) FROM relations WHERE relation = 'contradict') AS contradictions,"
            " (SELECT COUNT(*) FROM aliases) AS aliases,"
            " (SELECT COUNT(*) FROM decisions WHERE undone_at IS NULL) AS decisions,"
            " (SELECT value FROM meta WHERE key = 'analysed_at') AS analysed_at,"
            " (SELECT value FROM meta WHERE key = 'analysis_stale') AS stale"
        )
        assert row is not None
        return dict(row) | {"stale": row["stale"] == "1"}
