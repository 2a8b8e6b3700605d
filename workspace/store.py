"""The persistent workspace: one SQLite file holding sources, claims and analysis (issue #3, #7).

One class over the store, in the manner of sqlite-utils' `Database`: rows go in
and come out as the pydantic models or plain dicts. The class is assembled from
one layer per concern: `db` (connection, transactions, migrations),
`source_store` (sources, claims, aliases, decisions), `analysis_store`
(groups, relations, the blocking index) and `digest_store` (each fact's share
of the overview).
"""

from __future__ import annotations

from workspace.analysis_store import STATEMENT_TERM, AnalysisChanged, Candidate, TimeSpan
from workspace.digest_store import DigestStore
from workspace.source_store import META_FIELDS, AddResult

__all__ = ["META_FIELDS", "STATEMENT_TERM", "AddResult", "AnalysisChanged", "Candidate", "TimeSpan", "Workspace"]


class Workspace(DigestStore):
    """A Rashomon workspace: `Workspace(path)`, `Workspace.memory()`, or `with Workspace.open(path) as ws:`."""

    def __repr__(self) -> str:
        return f"Workspace({self.label!r})"
