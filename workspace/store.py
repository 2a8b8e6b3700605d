"""The persistent workspace: one SQLite file holding sources, claims and analysis (issue #3, #7).

One class over the store, in the manner of sqlite-utils' `Database`: rows go in
and come out as the pydantic models or plain dicts. The class is assembled from
one layer per concern: `db` (connection, transactions, migrations),
`source_store` (sources, claims, aliases, decisions) and `analysis_store`
(groups, relations, the blocking index).
"""

from __future__ import annotations

from workspace.analysis_store import STATEMENT_TERM, AnalysisChanged, AnalysisStore, Candidate, TimeSpan
from workspace.source_store import META_FIELDS, AddResult

__all__ = ["META_FIELDS", "STATEMENT_TERM", "AddResult", "AnalysisChanged", "Candidate", "TimeSpan", "Workspace"]


class Workspace(AnalysisStore):
    """A Rashomon workspace: `Workspace(path)`, `Workspace.memory()`, or `with Workspace.open(path) as ws:`."""

    def __repr__(self) -> str:
        return f"Workspace({self.label!r})"
