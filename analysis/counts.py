"""One definition of "how many claims", said the same way everywhere (issue #10).

A source that states one figure three times gives one claim, not three: the
restatements are folded into the claim they repeat (analysis.relate). The
count every face shows (the CLI summary, `status`, `list`, the dashboard
header, the exports) is the claims the report lists, after folding; where
folding merged some, the phrase says how many, so that no number looks lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the dashboard counts before its first paint, without the models (issue #11)
    from analysis.models import Group, Report


def folded_count(groups: Iterable[Group]) -> int:
    """Restatements folded into the claim they repeat."""
    return sum(len(group.repeats) for group in groups)


def report_claims(report: Report) -> tuple[int, int]:
    """(claims, restatements folded) of a report whose claims are already folded, as analyse() gives it."""
    return len(report.claims), folded_count(report.groups)


@dataclass(frozen=True)
class ReportCounts:
    """The four numbers atop the dashboard's overview, and the restatements folded (issue #11).

    `of_report` counts them in a Report as analyse() gives it; the dashboard may
    count them faster elsewhere (the workspace's SQL, the demo's stored JSON),
    and must get these same numbers.
    """

    sources: int
    claims: int
    folded: int
    facts: int
    contested: int

    @classmethod
    def of_report(cls, report: Report) -> ReportCounts:
        claims, folded = report_claims(report)
        contested = sum(1 for group in report.groups if group.status == "contested")
        return cls(len(report.sources), claims, folded, len(report.groups), contested)


def claims_phrase(claims: int, folded: int = 0) -> str:
    """ "114 claims (3 restatements folded)", "1 claim"."""
    return f"{claims:,} claim{'' if claims == 1 else 's'}{folded_phrase(folded)}"


def folded_phrase(folded: int) -> str:
    """ " (3 restatements folded)", or "" when none was."""
    return f" ({folded:,} restatement{'' if folded == 1 else 's'} folded)" if folded else ""
