"""Pure pandas transforms behind the dashboard's panels (issue #4).

Nothing here imports Streamlit: every panel's data is a function of the
Report (and of the filters), so it can be cached, unit-tested and reused by
the benchmark. The panels only draw what these functions return. One
fact's own data (ranges, dates, statements, reasons) is in fact_tables.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis import heatmap
from analysis.heatmap import HEATMAP_COLUMNS
from analysis.models import Report
from analysis.pairs import pair_count
from analysis.report.labels import ABSENT, AGREES, ALONE, CONTRADICTS, SCOPE, STATUS_LABELS, kind_label  # noqa: F401
from analysis.views import (  # noqa: F401 - the look-ups the panels share live in analysis.views (issue #11)
    SOURCE_COLUMNS,
    Contested,
    Index,
    cell_text,
    claim_statuses,
    most_contested,
    short_label,
    source_labels,
    source_rows,
    worst,
)
from claims.models import Claim

FACT_COLUMNS = [
    "group_id",
    "kind",
    "topic",
    "status",
    "n_sources",
    "n_claims",
    "contradictions",
    "agreements",
    "sources",
    "sides",
    "search",
    "order",
]


def source_names(report: Report) -> dict[str, str]:
    """Column label -> the source's full description, for a heading too narrow to hold it (issue #10)."""
    labels = source_labels(report)
    names = {}
    for source in report.sources:
        parts = [source.publisher, source.title, source.name]
        names[labels[source.id]] = " · ".join(dict.fromkeys(p for p in parts if p)) + f" ({source.id})"
    return names


def fact_frame(report: Report, index: Index | None = None) -> pd.DataFrame:
    """One row per fact (group): what it is, who states it, how contested it is."""
    index = index or Index(report)
    sides = {s.id: (s.side or "") for s in report.sources}
    labels = source_labels(report)
    tally: dict[str, dict[str, int]] = defaultdict(lambda: {"contradict": 0, "agree": 0})
    source_of = {c.id: c.source_id for c in report.claims}
    for rel in report.relations:
        gid = index.group_of.get(rel.claim_a)
        if gid is not None and gid == index.group_of.get(rel.claim_b) and rel.relation in ("contradict", "agree"):
            tally[gid][rel.relation] += pair_count(rel, source_of)  # the pairs of claims it stands for
    rows = []
    for order, group in enumerate(report.groups):
        claims = [index.claims[c] for c in group.claim_ids if c in index.claims]
        contradictions, agreements = tally[group.id]["contradict"], tally[group.id]["agree"]
        source_ids = tuple(dict.fromkeys(c.source_id for c in claims))
        words = [group.topic, kind_label(group.kind)]
        for claim in claims:
            words += [
                cell_text(claim),
                claim.quote,
                claim.sentence,
                claim.speaker or "",
                labels.get(claim.source_id, ""),
            ]
        rows.append(
            {
                "group_id": group.id,
                "kind": group.kind,
                "topic": group.topic,
                "status": group.status,
                "n_sources": len(source_ids),
                "n_claims": len(claims),
                "contradictions": contradictions,
                "agreements": agreements,
                "sources": source_ids,
                "sides": tuple(sorted({sides.get(s, "") for s in source_ids} - {""})),
                "search": " ".join(words).casefold(),
                "order": order,
            }
        )
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


@dataclass(frozen=True)
class Filters:
    """The matrix's filters; an empty choice means no filtering on that field."""

    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.statuses or self.sources or self.sides or self.text.strip())


def filter_facts(facts: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Keep the facts matching every filter: a source/side filter keeps facts that source states."""
    keep = pd.Series(True, index=facts.index)
    if filters.kinds:
        keep &= facts["kind"].isin(filters.kinds)
    if filters.statuses:
        keep &= facts["status"].isin(filters.statuses)
    if filters.sources:
        wanted = set(filters.sources)
        keep &= facts["sources"].map(lambda ids: bool(wanted.intersection(ids)))
    if filters.sides:
        wanted_sides = set(filters.sides)
        keep &= facts["sides"].map(lambda sides: bool(wanted_sides.intersection(sides)))
    words = filters.text.casefold().split()
    for word in words:
        keep &= facts["search"].str.contains(word, regex=False)
    return facts[keep]


SORTS = {
    "most contested first": (["contradictions", "n_sources", "order"], [False, False, True]),
    "most sources first": (["n_sources", "contradictions", "order"], [False, False, True]),
    "report order": (["order"], [True]),
}


def sort_facts(facts: pd.DataFrame, how: str = "most contested first") -> pd.DataFrame:
    by, ascending = SORTS.get(how, SORTS["most contested first"])
    return facts.sort_values(by, ascending=ascending, kind="stable")


@dataclass(frozen=True)
class Matrix:
    """Values shown and the status colouring each cell, aligned index for index."""

    values: pd.DataFrame
    statuses: pd.DataFrame
    source_columns: tuple[str, ...]


MATRIX_LEAD = ["Fact", "Kind", "Status", "Contradictions"]


def matrix(report: Report, facts: pd.DataFrame, index: Index | None = None,
           statuses: dict[str, str] | None = None, *, drop_silent: bool = True) -> Matrix:  # fmt: skip
    """One row per fact in `facts` order, one column per source, each cell that source's value(s).

    With `drop_silent`, sources that state none of these facts get no column,
    so a filtered view of a 100-source workspace shows only who speaks.
    """
    index = index or Index(report)
    statuses = statuses if statuses is not None else claim_statuses(report, index)
    labels = source_labels(report)
    columns = [labels[s.id] for s in report.sources]
    groups = {g.id: g for g in report.groups}
    value_rows, status_rows = [], []
    for gid in facts["group_id"]:
        group = groups[gid]
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for cid in group.claim_ids:
            if cid in index.claims:
                by_source[index.claims[cid].source_id].append(index.claims[cid])
        values = {
            "Fact": group.topic,
            "Kind": kind_label(group.kind),
            "Status": STATUS_LABELS.get(group.status, group.status),
        }
        marks = {"Fact": "", "Kind": "", "Status": group.status}
        for source in report.sources:
            claims = by_source.get(source.id, [])
            label = labels[source.id]
            values[label] = " · ".join(dict.fromkeys(cell_text(c) for c in claims))
            marks[label] = worst(statuses.get(c.id, ALONE) for c in claims) if claims else ABSENT
        value_rows.append(values)
        status_rows.append(marks)
    if drop_silent and value_rows:
        # A source that states none of the facts shown is an empty column: leave it out.
        columns = [c for c in columns if any(row[c] for row in value_rows)]
    ids = pd.Index(list(facts["group_id"]), name="group_id")
    values_df = pd.DataFrame(value_rows, index=ids, columns=["Fact", "Kind", "Status", *columns])
    values_df.insert(3, "Contradictions", list(facts["contradictions"]))
    status_df = pd.DataFrame(status_rows, index=ids, columns=["Fact", "Kind", "Status", *columns])
    status_df.insert(3, "Contradictions", "")
    return Matrix(values_df.fillna(""), status_df.fillna(ABSENT), tuple(columns))


def heatmap_frame(report: Report, index: Index | None = None) -> pd.DataFrame:
    """Every ordered pair of sources that share a fact: on how many they agree vs contradict
    (analysis.heatmap: counted per fact, pairs that share nothing left out, issue #11)."""
    counted = heatmap.pair_counts(report, index or Index(report))
    return pd.DataFrame(heatmap.rows(report, counted), columns=HEATMAP_COLUMNS)


def heatmap_shown(report: Report, limit: int, index: Index | None = None) -> tuple[list[str], pd.DataFrame]:
    """The sources a heatmap of at most `limit` shows (busiest) and heatmap_frame's rows among them."""
    labels, counted = heatmap.shown(report, limit, index or Index(report))
    return labels, pd.DataFrame(heatmap.rows(report, counted), columns=HEATMAP_COLUMNS)


def pair_verdicts(report: Report, index: Index | None = None) -> dict[tuple[str, str, str], str]:
    """(source a, source b, group) -> the worst relation between their claims on that fact."""
    verdicts: dict[tuple[str, str, str], str] = {}
    for (sa, sb, gid), status in heatmap.worst_per_fact(report, index or Index(report)).items():
        verdicts[(sa, sb, gid)] = verdicts[(sb, sa, gid)] = status
    return verdicts


def busiest(pairs: pd.DataFrame, labels: Sequence[str], limit: int) -> list[str]:
    """The `limit` sources sharing the most facts with the others, in their original order.

    A heatmap of a hundred sources is a grid of specks; the most connected
    ones are where the agreements and contradictions are.
    """
    if len(labels) <= limit:
        return list(labels)
    weight = pairs.groupby("a")["shared"].sum()
    chosen = set(sorted(labels, key=lambda label: -int(weight.get(label, 0)))[:limit])
    return [label for label in labels if label in chosen]


def filter_report(report: Report, group_ids: Sequence[str]) -> Report:
    """The report of the current view: the chosen groups, their claims, relations and sources.

    With every group kept the report is returned as is, so an unfiltered
    export equals the CLI's.
    """
    wanted = set(group_ids)
    if wanted >= {g.id for g in report.groups}:
        return report
    groups = [g for g in report.groups if g.id in wanted]
    claim_ids = {cid for g in groups for cid in g.claim_ids}
    claims = [c for c in report.claims if c.id in claim_ids]
    source_ids = {c.source_id for c in claims}
    return report.model_copy(
        update={
            "groups": groups,
            "claims": claims,
            "relations": [r for r in report.relations if r.claim_a in claim_ids and r.claim_b in claim_ids],
            "sources": [s for s in report.sources if s.id in source_ids],
        }
    )


def source_table(report: Report, statuses: dict[str, str] | None = None) -> pd.DataFrame:
    """The overview's list of sources, with how many claims each makes and how many contradict."""
    return pd.DataFrame(source_rows(report, statuses), columns=SOURCE_COLUMNS)
