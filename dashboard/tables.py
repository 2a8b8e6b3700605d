"""Pure pandas transforms behind the dashboard's panels (issue #4).

Nothing here imports Streamlit: every panel's data is a function of the
Report (and of the filters), so it can be cached, unit-tested and reused by
the benchmark. The panels only draw what these functions return. One
fact's own data (ranges, dates, statements, reasons) is in fact_tables.py.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from analysis.models import Report
from analysis.pairs import pair_count, related_claims, relation_pairs, relation_sides
from analysis.report.labels import (
    ABSENT,
    AGREES,
    ALONE,
    CLAIM_STATUSES,
    CONTRADICTS,
    RELATION_LABELS,
    SCOPE,
    STATUS_LABELS,
    STATUS_RANK,
    UNCLEAR,
    kind_label,
)
from claims.describe import describe_value
from claims.models import NUMERIC_KINDS, Claim

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
_PUBLISHER_NOTE = re.compile(r"\s*\([^)]*\)\s*$")
LABEL_WIDTH = 32


def _rank(status: str) -> int:
    return STATUS_RANK.get(status, len(STATUS_RANK))


def worst(statuses: Iterable[str]) -> str:
    """The status a cell shows when a source makes several claims on one fact."""
    return min(statuses, key=_rank, default=ABSENT)


def short_label(text: str, width: int = LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def source_labels(report: Report) -> dict[str, str]:
    """A short, unique column label per source: the publisher, else the title, else the file name.

    Publisher notes in parentheses ("(invented Indian daily)") are dropped
    to keep matrix columns narrow; duplicates get their id appended.
    """
    labels: dict[str, str] = {}
    for source in report.sources:
        publisher = _PUBLISHER_NOTE.sub("", source.publisher or "").strip()
        labels[source.id] = short_label(publisher or source.title or source.name or source.id)
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    return {sid: (f"{label} ({sid})" if counts[label] > 1 else label) for sid, label in labels.items()}


def source_names(report: Report) -> dict[str, str]:
    """Column label -> the source's full description, for a heading too narrow to hold it (issue #10)."""
    labels = source_labels(report)
    names = {}
    for source in report.sources:
        parts = [source.publisher, source.title, source.name]
        names[labels[source.id]] = " · ".join(dict.fromkeys(p for p in parts if p)) + f" ({source.id})"
    return names


def cell_text(claim: Claim) -> str:
    """The value as the source states it, with whom a number counts ("20 (Indian soldiers)")."""
    text = describe_value(claim.value)
    if claim.scope and claim.kind in NUMERIC_KINDS:
        text += f" ({claim.scope})"
    return text


@dataclass
class Index:
    """Look-ups by id, built once per report: the panels ask these questions on every rerun."""

    report: Report
    claims: dict[str, Claim] = field(init=False)
    group_of: dict[str, str] = field(init=False)
    relations_of: dict[str, list[tuple[str, str, str]]] = field(init=False)  # claim -> (other, relation, reason)

    def __post_init__(self) -> None:
        self.claims = {c.id: c for c in self.report.claims}
        self.group_of = {}
        for group in self.report.groups:
            for cid in group.claim_ids:
                self.group_of.setdefault(cid, group.id)
        self.relations_of = defaultdict(list)
        source_of: dict[str, str] | None = None
        for rel in self.report.relations:
            if rel.also_a or rel.also_b:  # statements many sources print (issue #11): each claim once
                source_of = source_of or {c.id: c.source_id for c in self.report.claims}
                involved = related_claims(rel, source_of)
                side_a, side_b = relation_sides(rel)
                for mine, other in ((side_a, rel.claim_b), (side_b, rel.claim_a)):
                    for cid in mine:
                        if cid in involved:
                            self.relations_of[cid].append((other, rel.relation, rel.reason))
                continue
            self.relations_of[rel.claim_a].append((rel.claim_b, rel.relation, rel.reason))
            self.relations_of[rel.claim_b].append((rel.claim_a, rel.relation, rel.reason))

    def source_of(self, claim_id: str) -> str | None:
        claim = self.claims.get(claim_id)
        return claim.source_id if claim else None


def claim_statuses(report: Report, index: Index | None = None) -> dict[str, str]:
    """Each claim's relation to the rest: contradicts if any pair contradicts, else agrees, ..."""
    index = index or Index(report)
    statuses: dict[str, str] = {}
    for claim in report.claims:
        found = [RELATION_LABELS.get(rel, UNCLEAR) for _other, rel, _reason in index.relations_of.get(claim.id, [])]
        statuses[claim.id] = worst(found) if found else ALONE
    return statuses


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
class Contested:
    group_id: str
    topic: str
    kind: str
    contradictions: int  # pairs of claims that contradict, as fact_frame counts them
    n_sources: int


def most_contested(report: Report, limit: int, index: Index | None = None) -> list[Contested]:
    """The `limit` facts with the most contradicting pairs, in sort_facts' order ("most contested
    first"): fact_frame's rows of them, without its search text of every claim (issue #11: the
    overview shows five facts of a thousand; the matrix builds the whole frame when opened)."""
    index = index or Index(report)
    source_of = {c.id: c.source_id for c in report.claims}
    contradictions: dict[str, int] = defaultdict(int)
    for rel in report.relations:
        if rel.relation != "contradict":
            continue
        gid = index.group_of.get(rel.claim_a)
        if gid is not None and gid == index.group_of.get(rel.claim_b):
            contradictions[gid] += pair_count(rel, source_of)
    found = []
    for order, group in enumerate(report.groups):
        if contradictions.get(group.id):
            sources = {index.claims[c].source_id for c in group.claim_ids if c in index.claims}
            found.append((-contradictions[group.id], -len(sources), order, group))
    return [Contested(g.id, g.topic, g.kind, -n, -k) for n, k, _order, g in sorted(found, key=lambda f: f[:3])[:limit]]


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


HEATMAP_COLUMNS = ["a", "b", "shared", "agree", "contradict", "scope", "unclear", "contradict_share"]


def pair_verdicts(report: Report, index: Index | None = None) -> dict[tuple[str, str, str], str]:
    """(source a, source b, group) -> the worst relation between their claims on that fact."""
    verdicts: dict[tuple[str, str, str], str] = {}
    for (sa, sb, gid), status in _worst_per_fact(report, index or Index(report)).items():
        verdicts[(sa, sb, gid)] = verdicts[(sb, sa, gid)] = status
    return verdicts


def _worst_per_fact(report: Report, index: Index) -> dict[tuple[str, str, str], str]:
    """pair_verdicts with each pair of sources once, in the order its relations first name them
    (half the entries: the heatmap's 77,000 relations of 1,000 sources are counted in a third of the
    time, issue #11)."""
    rank = {status: _rank(status) for status in (*RELATION_LABELS.values(), UNCLEAR)}
    worst: dict[tuple[str, str, str], str] = {}
    source_of = {c.id: c.source_id for c in report.claims}
    group_of = index.group_of
    for rel in report.relations:
        gid = group_of.get(rel.claim_a)
        if gid is None:
            continue
        status = RELATION_LABELS.get(rel.relation, UNCLEAR)
        for a, b in relation_pairs(rel, source_of):  # every pair of sources it stands for (issue #11)
            sa, sb = source_of.get(a), source_of.get(b)
            if sa is None or sb is None or sa == sb:
                continue
            key = (sa, sb, gid) if (sb, sa, gid) not in worst else (sb, sa, gid)
            current = worst.get(key)
            if current is None or rank[status] < rank[current]:
                worst[key] = status
    return worst


def heatmap_frame(report: Report, index: Index | None = None) -> pd.DataFrame:
    """Every ordered pair of sources that share a fact: on how many they agree vs contradict.

    Counted per fact, not per claim pair, so a source that repeats a figure
    three times does not weigh three times. `contradict_share` is
    contradict / (agree + contradict), NaN when the pair decided nothing.
    Pairs that share nothing are left out: 1,000 sources are a million
    pairs, of which a few thousand speak of the same facts (issue #11).
    """
    return _heatmap_rows(report, _pair_counts(report, index or Index(report)))


def heatmap_shown(report: Report, limit: int, index: Index | None = None) -> tuple[list[str], pd.DataFrame]:
    """The sources a heatmap of at most `limit` shows (busiest) and heatmap_frame's rows among them,
    without making the rows of every other pair first (issue #11: the overview of 1,000 sources draws
    30 of them; their pairs are a few hundred of some 50,000)."""
    counts = _pair_counts(report, index or Index(report))
    labels = source_labels(report)
    everyone = list(labels.values())
    if len(everyone) <= limit:
        return everyone, _heatmap_rows(report, counts)
    weight: dict[str, int] = defaultdict(int)  # what busiest() sums: the facts a source shares, pair by pair
    for (a, b), tally in counts.items():
        if a in labels and b in labels:
            weight[labels[a]] += sum(tally.values())
    chosen = set(sorted(everyone, key=lambda label: -weight.get(label, 0))[:limit])
    shown = {
        pair: tally for pair, tally in counts.items() if labels.get(pair[0]) in chosen and labels.get(pair[1]) in chosen
    }
    return [label for label in everyone if label in chosen], _heatmap_rows(report, shown)


def _pair_counts(report: Report, index: Index) -> dict[tuple[str, str], dict[str, int]]:
    """(source a, source b) -> how many facts they share by status, both ways round."""
    tally: dict[tuple[str, str], dict[str, int]] = {}
    for (sa, sb, _gid), status in _worst_per_fact(report, index).items():
        pair = (sa, sb) if (sb, sa) not in tally else (sb, sa)
        counts = tally.get(pair)
        if counts is None:
            counts = tally[pair] = dict.fromkeys(CLAIM_STATUSES, 0)
        counts[status] += 1
    return {**tally, **{(b, a): counts for (a, b), counts in tally.items()}}  # the same counts either way


def _heatmap_rows(report: Report, counted: dict[tuple[str, str], dict[str, int]]) -> pd.DataFrame:
    labels = source_labels(report)
    order = {source.id: n for n, source in enumerate(report.sources)}
    rows = []
    for a, b in sorted(counted, key=lambda pair: (order.get(pair[0], -1), order.get(pair[1], -1))):
        if a not in labels or b not in labels:
            continue
        counts = counted[(a, b)]
        decided = counts[AGREES] + counts[CONTRADICTS]
        rows.append(
            {
                "a": labels[a],
                "b": labels[b],
                "shared": sum(counts.values()),
                "agree": counts[AGREES],
                "contradict": counts[CONTRADICTS],
                "scope": counts[SCOPE],
                "unclear": counts[UNCLEAR],
                "contradict_share": counts[CONTRADICTS] / decided if decided else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=HEATMAP_COLUMNS)


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
    statuses = statuses if statuses is not None else claim_statuses(report)
    per_source: dict[str, list[str]] = defaultdict(list)
    for claim in report.claims:
        per_source[claim.source_id].append(statuses.get(claim.id, ALONE))
    rows = [
        {
            "Source": label,
            "Publisher": s.publisher or "",
            "Side": s.side or "",
            "Published": s.published.isoformat() if s.published else "",
            "Claims": len(per_source[s.id]),
            "Contradicting": sum(st == CONTRADICTS for st in per_source[s.id]),
            "File or address": s.name,
        }
        for s, label in zip(report.sources, source_labels(report).values(), strict=True)
    ]
    return pd.DataFrame(rows, columns=["Source", "Publisher", "Side", "Published", "Claims", "Contradicting",
                                       "File or address"])  # fmt: skip
