"""The workspace's SQLite schema, as an ordered list of migrations (issue #3).

The file's `PRAGMA user_version` says how many migrations it has had. Opening
a workspace runs the pending ones in one transaction, so a file is always at
a version the code knows; a file from a newer Rashomon is refused rather than
half-understood. Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# Marks the file as a Rashomon workspace ("RASH"), so that another program's
# SQLite database is refused instead of being migrated into ours (issue #3).
APPLICATION_ID = 0x52415348

Migration = Sequence[str]

_MIGRATION_1: Migration = (
    # Source ids are "s<N>"; N comes from meta 'source_counter' so that an id
    # is never reused after a removal (issue #3).
    """
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        title TEXT,
        publisher TEXT,
        published TEXT,
        side TEXT,
        address TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )
    """,
    # `data` is the whole Claim as pydantic JSON: the only faithful round trip.
    """
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        pipeline TEXT NOT NULL
    )
    """,
    "CREATE INDEX claims_by_source ON claims(source_id, position)",
    # One row per source whose claims are present for its current text and a
    # given pipeline, so that analyse only extracts what is new or changed.
    """
    CREATE TABLE extractions (
        source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        extracted_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
    )
    """,
    """
    CREATE TABLE relations (
        position INTEGER PRIMARY KEY,
        claim_a TEXT NOT NULL,
        claim_b TEXT NOT NULL,
        relation TEXT NOT NULL,
        reason TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE aliases (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        canonical TEXT NOT NULL,
        added_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        decision TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )
    """,
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

# Incremental re-analysis (issue #3): which group each claim and relation
# belongs to, an inverted index of the words alignment blocks on, and their
# document frequencies kept current by triggers, so adding one source never
# makes `analyse` load or rescan the whole corpus.
_MIGRATION_2: Migration = (
    "ALTER TABLE claims ADD COLUMN group_id TEXT",
    "CREATE INDEX claims_by_group ON claims(group_id)",
    # The claim's time (claims.models.Claim.when), which alignment blocks on, or for an
    # event_date claim its date (its value), which it compares: read from this covering
    # index, a candidate is ruled out without parsing its JSON.
    "ALTER TABLE claims ADD COLUMN time_start TEXT",
    "ALTER TABLE claims ADD COLUMN time_end TEXT",
    "ALTER TABLE claims ADD COLUMN time_precision TEXT",
    """
    UPDATE claims SET time_start = json_extract(data, s || '.start'), time_end = json_extract(data, s || '.end'),
        time_precision = json_extract(data, s || '.precision')
    FROM (SELECT id AS cid, CASE WHEN kind = 'event_date' AND json_extract(data, '$.value.type') = 'date'
          THEN '$.value' ELSE '$.when' END AS s FROM claims) WHERE cid = claims.id
    """,
    "CREATE INDEX claims_blocking ON claims(id, group_id, time_start, time_end, time_precision)",
    "ALTER TABLE relations ADD COLUMN group_id TEXT",
    "CREATE INDEX relations_by_group ON relations(group_id)",
    # Carry an existing analysis over: membership comes from each group's claim_ids.
    """
    UPDATE claims SET group_id = m.gid FROM (
        SELECT j.value AS cid, g.id AS gid FROM groups g, json_each(g.data, '$.claim_ids') j
    ) AS m WHERE m.cid = claims.id
    """,
    "UPDATE relations SET group_id = (SELECT c.group_id FROM claims c WHERE c.id = relations.claim_a)",
    # One row per (kind, word, claim): alignment only compares claims of one kind.
    """
    CREATE TABLE claim_terms (
        kind TEXT NOT NULL,
        term TEXT NOT NULL,
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, term, claim_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX claim_terms_by_claim ON claim_terms(claim_id)",
    # How many claims of a kind hold a word: the Vocabulary's document frequency
    # (summed over kinds) and align's MAX_POSTINGS cut-off (per kind).
    """
    CREATE TABLE term_stats (
        term TEXT NOT NULL,
        kind TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (term, kind)
    ) WITHOUT ROWID
    """,
    # Triggers also fire for ON DELETE CASCADE, so removing a source keeps the counts right.
    """
    CREATE TRIGGER claim_terms_added AFTER INSERT ON claim_terms BEGIN
        INSERT INTO term_stats (term, kind, n) VALUES (new.term, new.kind, 1)
        ON CONFLICT (term, kind) DO UPDATE SET n = n + 1;
    END
    """,
    """
    CREATE TRIGGER claim_terms_removed AFTER DELETE ON claim_terms BEGIN
        UPDATE term_stats SET n = n - 1 WHERE term = old.term AND kind = old.kind;
        DELETE FROM term_stats WHERE term = old.term AND kind = old.kind AND n <= 0;
    END
    """,
    # Groups that lost a claim (a source removed or changed): their summary,
    # topic and status are recomputed by the next analyse.
    "CREATE TABLE stale_groups (group_id TEXT PRIMARY KEY)",
    # Claims stored before this migration are not in the index yet: the next
    # analyse rebuilds it (Python computes the words, not SQL). '1' is the
    # index version sources/workspace.py writes (TERM_INDEX).
    """
    INSERT INTO meta (key, value)
    VALUES ('term_index', CASE WHEN EXISTS (SELECT 1 FROM claims) THEN '0' ELSE '1' END)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value
    """,
)

# A source's identity is where it came from, never its bare file name (issue #10): two folders'
# report.txt are two sources. Sources added before this keep a NULL origin (their folder was not
# kept), except those added from a URL, whose name is the URL.
_MIGRATION_3: Migration = (
    "ALTER TABLE sources ADD COLUMN origin TEXT",
    "UPDATE sources SET origin = name WHERE name LIKE 'http://%' OR name LIKE 'https://%'",
    "CREATE UNIQUE INDEX sources_by_origin ON sources(origin)",
)

# Review (issue #9): a person's decisions over the machine's analysis. Each is anchored
# to text (the source's sha256 and the claim's character span, in `data`), never to a
# row id or group number, so it survives re-analysis; undoing one keeps it, marked.
# Relations keep the machine's confidence and the kind of evidence for the review queue.
_MIGRATION_4: Migration = (
    "ALTER TABLE decisions ADD COLUMN data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))",
    "ALTER TABLE decisions ADD COLUMN reviewer TEXT",
    "ALTER TABLE decisions ADD COLUMN undone_at TEXT",
    "ALTER TABLE relations ADD COLUMN confidence REAL",
    "ALTER TABLE relations ADD COLUMN category TEXT",
)

# Issue #11: a relation of statements that other sources print word for word stands for every
# cross-source pair of its two sides; the other claims of each side, as JSON lists (NULL: none).
_MIGRATION_5: Migration = (
    "ALTER TABLE relations ADD COLUMN also_a TEXT CHECK (also_a IS NULL OR json_valid(also_a))",
    "ALTER TABLE relations ADD COLUMN also_b TEXT CHECK (also_b IS NULL OR json_valid(also_b))",
)

# Issue #11: each fact's share of the dashboard's overview (analysis.fact_digest), kept so that the
# overview after an analysis reads the relations of the facts it changed only. Derived data: any
# change to a fact's relations, to the fact or to the claims filed in it drops its digest, whatever
# wrote it, and the next overview computes it anew (workspace.fact_digests).
_MIGRATION_6: Migration = (
    "CREATE TABLE fact_digests (group_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID",
    *(
        f"CREATE TRIGGER fact_digest_{table}_{event.lower()} AFTER {event} ON {table}"
        f" BEGIN DELETE FROM fact_digests WHERE group_id IN ({', '.join(rows)}); END"
        for table, key in (("relations", "group_id"), ("groups", "id"), ("claims", "group_id"))
        for event, rows in (
            ("INSERT", (f"new.{key}",)),
            ("DELETE", (f"old.{key}",)),
            ("UPDATE", (f"old.{key}", f"new.{key}")),
        )
    ),
)

MIGRATIONS: list[Migration] = [_MIGRATION_1, _MIGRATION_2, _MIGRATION_3, _MIGRATION_4, _MIGRATION_5, _MIGRATION_6]


def schema_version() -> int:
    """The version this code writes: one per migration (read late so tests can extend the list)."""
    return len(MIGRATIONS)


def file_state(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(user_version, application_id, number of tables) read in one statement, so in one snapshot:
    read one by one, another process's first migration could commit between them, and a new
    workspace would look like another program's database (version 0 with tables)."""
    row = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id),"
        " (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def migrate(conn: sqlite3.Connection, current: int) -> int:
    """Apply migrations after `current`; the caller holds the write transaction.

    Statements run one by one: `executescript` would COMMIT the caller's
    transaction first and lose the all-or-nothing guarantee (issue #3).
    """
    target = schema_version()
    for number in range(current + 1, target + 1):
        for statement in MIGRATIONS[number - 1]:
            conn.execute(statement)
    if target > current:
        conn.execute(f"PRAGMA user_version = {int(target)}")
    return target
