"""Each fact's share of the overview, kept in the workspace (issue #11).

The digests (analysis.fact_digest) are derived data. The schema's triggers drop
a fact's digest whenever its relations, the fact itself or the claims filed in
it change, whatever code path writes them; `keep_digests` writes new ones only
if no analysis was saved since they were read, and never waits for a lock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from analysis.models import RelationRow
from workspace.analysis_store import AnalysisStore
from workspace.db import BUSY_TIMEOUT_MS, BY_NUMBER, EACH, json_list
from workspace.source_store import FOLDED_IDS


class DigestStore(AnalysisStore):
    """The fact digests, and the light look-ups the overview reads beside them."""

    def fact_digests(self) -> dict[str, str]:
        """Every kept digest, as JSON, by fact."""
        return {row["group_id"]: row["data"] for row in self._rows("SELECT group_id, data FROM fact_digests")}

    def keep_digests(self, digests: Iterable[tuple[str, str]], generation: int) -> bool:
        """Keep (fact, JSON) digests computed from the analysis of `generation`; nothing if the analysis
        has changed since (they would describe what is no longer there). A saving of time only, so it
        never waits: while another process writes (an analysis saving) or when the file cannot be
        written, nothing is kept and the next overview computes them again."""
        rows = list(digests)
        with self._lock:
            conn = self._connection()
            try:  # inside another transaction too, BEGIN fails: nothing is kept
                conn.execute("PRAGMA busy_timeout = 0")
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return False
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                kept = self.analysis_generation() == generation
                if kept:
                    conn.executemany("INSERT OR REPLACE INTO fact_digests (group_id, data) VALUES (?, ?)", rows)
                conn.execute("COMMIT" if kept else "ROLLBACK")
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                return False
            return kept

    def relation_rows(self, group_ids: Iterable[str]) -> dict[str, list[RelationRow]]:
        """Each of these facts' stored relations, in report order, as light rows."""
        out: dict[str, list[RelationRow]] = {}
        with self._lock:  # the cursor is read row by row: no list of 250,000 sqlite3.Row first
            rows = self._execute(
                "SELECT group_id, claim_a, claim_b, relation, reason, confidence, category, also_a, also_b"
                f" FROM relations WHERE group_id IN {EACH} ORDER BY position",
                (json_list(group_ids),),
            )
            for gid, a, b, relation, reason, confidence, category, also_a, also_b in rows:
                out.setdefault(gid, []).append(
                    RelationRow(a, b, relation, reason, confidence, category,
                                   json.loads(also_a) if also_a else [], json.loads(also_b) if also_b else [])
                )  # fmt: skip
        return out

    def claim_sources(self) -> dict[str, str]:
        """Every claim the report shows (restatements folded away) -> its source, in report order."""
        rows = self._rows(
            f"WITH folded AS ({FOLDED_IDS}) SELECT id, source_id FROM claims WHERE id NOT IN folded"
            f" ORDER BY {BY_NUMBER.format(col='source_id')}, position"
        )
        return {row["id"]: row["source_id"] for row in rows}
