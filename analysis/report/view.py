"""One reading order for a Report, shared by the Markdown and HTML writers (issue #2).

Both writers render the same `ReportView`, so a reader sees the same facts in
the same order whatever the format: contradictions first (what the user came
for), then agreements and different-scope pairs, then unclear groups, then
claims only one source makes. The view holds plain text; each writer escapes
it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import TypeAdapter

from analysis.counts import folded_count
from analysis.models import CountSummary, Group, Relation, Report
from analysis.report.labels import AGREES, ALONE, CONTRADICTS, SCOPE, UNCLEAR, kind_label, relation_label, speaker_text
from claims.describe import describe_number, describe_value
from claims.models import Claim, Reviewed, Value
from sources.models import Source

_VALUE = TypeAdapter(Value)
# Pairs shown first are the ones the section is about.
_RELATION_ORDER = {"contradict": 0, "different_scope": 1, "unclear": 2, "update": 2, "agree": 3}


@dataclass(frozen=True)
class QuoteSpan:
    """The claim's sentence split around the quote, so writers can highlight it."""

    before: str
    quote: str
    after: str
    found: bool  # False: the quote is not in the sentence; show both apart


@dataclass(frozen=True)
class ClaimView:
    claim_id: str
    source_id: str
    source_name: str
    publisher: str | None
    side: str | None
    kind: str
    value: str
    scope: str | None
    speaker: str
    hedged: bool
    quote: str
    sentence: str
    span: QuoteSpan
    reviewed: str = ""  # what a person decided, with their note (issue #9); "" = the machine's reading


@dataclass(frozen=True)
class PairView:
    claim_a: str
    claim_b: str
    source_a: str
    source_b: str
    relation: str  # the code: contradict, agree, different_scope, unclear
    label: str  # as the reader sees it: contradicts, agrees, ...
    reason: str
    reviewed: str = ""


@dataclass(frozen=True)
class SummaryView:
    """The UCDP-style low / best / high, each with the sources that give it."""

    low: str
    best: str
    high: str
    low_sources: tuple[str, ...]
    best_sources: tuple[str, ...]
    high_sources: tuple[str, ...]


@dataclass(frozen=True)
class GroupView:
    group_id: str
    kind: str
    topic: str
    title: str  # the topic, with the kind's label unless the topic starts with it
    status: str
    claims: tuple[ClaimView, ...]
    pairs: tuple[PairView, ...]
    summary: SummaryView | None
    reviewed: str = ""


@dataclass(frozen=True)
class Section:
    """A titled run of groups; level 3 is a subsection of the level-2 one before it."""

    key: str
    title: str
    blurb: str
    empty: str
    level: int
    status: str  # the claim standing whose colours it takes (labels.PALETTE)
    groups: tuple[GroupView, ...]


@dataclass(frozen=True)
class SourceRow:
    id: str
    name: str
    title: str
    publisher: str
    published: str
    side: str


@dataclass(frozen=True)
class Header:
    sources: int
    claims: int  # as every face counts them (analysis.counts): restatements folded, and said so
    folded: int
    facts: int
    contested: int
    generated: str
    pipeline: str


@dataclass(frozen=True)
class ReviewView:
    """The person's decisions (issue #9): one line each, orphaned ones counted, rejected claims listed."""

    decisions: tuple[str, ...]
    orphaned: int
    rejected: tuple[ClaimView, ...]


@dataclass(frozen=True)
class ReportView:
    header: Header
    sources: tuple[SourceRow, ...]
    errors: tuple[str, ...]
    sections: tuple[Section, ...]
    review: ReviewView | None = None

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def quote_span(claim: Claim) -> QuoteSpan:
    """Find the quote in its sentence: by offsets first, then by searching (issue #2)."""
    sentence, quote = claim.sentence or "", claim.quote or ""
    at = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    if quote and 0 <= at <= end <= len(sentence) and sentence[at:end] == quote:
        return _span(sentence, at, end)
    if quote:
        at = sentence.find(quote)
        if at < 0:
            at = sentence.lower().find(quote.lower())
        if at >= 0:
            return _span(sentence, at, at + len(quote))
    if not sentence:
        return QuoteSpan("", quote, "", True)
    return QuoteSpan(sentence, "", "", False)


def _span(sentence: str, at: int, end: int) -> QuoteSpan:
    # Keep surrounding spaces out of the mark: "** word**" is not bold in Markdown.
    mark = sentence[at:end]
    lead = len(mark) - len(mark.lstrip())
    trail = len(mark) - len(mark.rstrip())
    at, end = at + lead, end - trail
    return QuoteSpan(sentence[:at], sentence[at:end], sentence[end:], True)


SELF_NAMED = ("initiator", "event_date", "duration")  # their topics say what they ask


def fact_title(topic: str, kind: str) -> str:
    """A fact's heading: a topic that names its kind ("who started the war: A vs B", "when the siege
    began", "how long the war lasted", analysis.topics) as is, else "Varna — killed"."""
    label = kind_label(kind)
    return topic if label in topic or kind in SELF_NAMED else f"{topic} — {label}"


def reviewed_text(mark: Reviewed | None) -> str:
    """ "reviewed (corrected value; machine read: 3,000) by Ana: note" or "" (issue #9)."""
    if mark is None:
        return ""
    what = ", ".join(mark.actions)
    was = "; ".join(f"{_was_label(k)}: {_was_value(v)}" for k, v in mark.was.items())
    text = f"reviewed: {what}" + (f" (machine: {was})" if was else "")
    if mark.reviewer:
        text += f", by {mark.reviewer}"
    return text + (f" — {mark.note}" if mark.note else "")


def _was_label(key: str) -> str:
    return {"when": "date", "merged": "merged fact", "fact": "from fact"}.get(key, key)


def _was_value(value: object) -> str:
    if isinstance(value, dict):
        try:
            return describe_value(_VALUE.validate_python(value))
        except ValueError:
            return str(value.get("text") or value)
    return "none" if value is None else str(value).replace("_", " ")


def _claim_view(claim: Claim, source: Source | None) -> ClaimView:
    return ClaimView(
        claim_id=claim.id,
        source_id=claim.source_id,
        source_name=source.name if source else claim.source_id,
        publisher=source.publisher if source else None,
        side=source.side if source else None,
        kind=claim.kind,
        value=describe_value(claim.value),
        scope=claim.scope,
        speaker=speaker_text(claim.speaker),
        hedged=claim.hedged,
        quote=claim.quote,
        sentence=claim.sentence,
        span=quote_span(claim),
        reviewed=reviewed_text(claim.reviewed),
    )


class _Index:
    """Look-ups by id, built once per report."""

    def __init__(self, report: Report) -> None:
        self.sources = {s.id: s for s in report.sources}
        self.claims = {c.id: c for c in report.claims}

    def source_name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.name if source else source_id

    def name_for(self, ref: str) -> str:
        """Summary lists may hold source ids or claim ids; show the source's name either way."""
        if ref in self.sources:
            return self.sources[ref].name
        if ref in self.claims:
            return self.source_name(self.claims[ref].source_id)
        return ref


def _summary_view(summary: CountSummary, index: _Index) -> SummaryView:
    def num(n: int | None) -> str:
        return "—" if n is None else describe_number(n)

    def names(refs: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(index.name_for(r) for r in refs))

    return SummaryView(
        low=num(summary.low),
        best=num(summary.best),
        high=num(summary.high),
        low_sources=names(summary.low_sources),
        best_sources=names(summary.best_sources),
        high_sources=names(summary.high_sources),
    )


def _group_view(group: Group, relations: list[Relation], index: _Index) -> GroupView:
    claims = [index.claims[cid] for cid in group.claim_ids if cid in index.claims]
    pairs = [
        PairView(
            claim_a=r.claim_a,
            claim_b=r.claim_b,
            source_a=_side_name(index, r.claim_a, r.also_a),
            source_b=_side_name(index, r.claim_b, r.also_b),
            relation=r.relation,
            label=relation_label(r.relation),
            reason=r.reason,
            reviewed=reviewed_text(r.reviewed),
        )
        for r in sorted(relations, key=lambda r: _RELATION_ORDER.get(r.relation, 9))
    ]
    return GroupView(
        group_id=group.id,
        kind=group.kind,
        topic=group.topic,
        title=fact_title(group.topic, group.kind),
        status=group.status,
        claims=tuple(_claim_view(c, index.sources.get(c.source_id)) for c in claims),
        pairs=tuple(pairs),
        summary=_summary_view(group.summary, index) if group.summary else None,
        reviewed=reviewed_text(group.reviewed),
    )


def _side_name(index: _Index, claim_id: str, also: list[str]) -> str:
    """The source of one side of a pair; a side that other sources print word for word too (issue #11)
    says how many: the verdict holds for each of them."""
    name = index.name_for(claim_id)
    if not also:
        return name
    others = len({index.claims[c].source_id for c in also if c in index.claims} - {index.claims[claim_id].source_id})
    return f"{name} and {others:,} other source{'s' if others != 1 else ''} stating the same" if others else name


def _orphan_view(claim: Claim, index: _Index) -> GroupView:
    """A claim no group holds is still a single-source claim the reader should see."""
    topic = claim.about or kind_label(claim.kind)
    return GroupView(
        group_id="",
        kind=claim.kind,
        topic=topic,
        title=fact_title(topic, claim.kind),
        status="single",
        claims=(_claim_view(claim, index.sources.get(claim.source_id)),),
        pairs=(),
        summary=None,
    )


def group_relations(report: Report) -> dict[str, list[Relation]]:
    """Relations by the group holding both their claims (a relation belongs to one group)."""
    where: dict[str, str] = {}
    for group in report.groups:
        for cid in group.claim_ids:
            where.setdefault(cid, group.id)
    by_group: dict[str, list[Relation]] = {g.id: [] for g in report.groups}
    for rel in report.relations:
        gid = where.get(rel.claim_a)
        if gid is not None and where.get(rel.claim_b) == gid:
            by_group[gid].append(rel)
    return by_group


def _bucket(group: Group, relations: list[Relation], index: _Index) -> str:
    sources = {index.claims[c].source_id for c in group.claim_ids if c in index.claims}
    kinds = {r.relation for r in relations}
    if "contradict" in kinds:
        return "contradictions"
    if len(sources) <= 1:
        return "single"
    if "agree" in kinds:
        return "agreements"
    if "different_scope" in kinds:
        return "different_scope"
    return "unclear"


_SECTIONS = (
    # key, title, blurb, text when empty, level, colours
    (
        "contradictions",
        "Contradictions",
        "Facts on which sources give values that cannot both be true.",
        "No contradictions found.",
        2,
        CONTRADICTS,
    ),
    ("agreements", "Agreements", "Facts on which the sources agree.", "No agreements found.", 2, AGREES),
    (
        "different_scope",
        "Different scope",
        "Claims about the same fact that speak of different populations or periods, "
        "so they cannot be compared directly.",
        "",
        3,
        SCOPE,
    ),
    (
        "unclear",
        "Unclear",
        "Claims aligned as one fact whose relation could not be decided.",
        "",
        2,
        UNCLEAR,
    ),
    (
        "single",
        "Single-source claims",
        "Facts only one source states.",
        "No single-source claims.",
        2,
        ALONE,
    ),
)


def _when(generated: datetime | None) -> str:
    return generated.isoformat(timespec="seconds") if generated else ""


def build_view(report: Report) -> ReportView:
    """Sort every group into its section, in report order within a section."""
    index = _Index(report)
    by_group = group_relations(report)
    buckets: dict[str, list[GroupView]] = {key: [] for key, *_ in _SECTIONS}
    for group in report.groups:
        rels = by_group[group.id]
        buckets[_bucket(group, rels, index)].append(_group_view(group, rels, index))
    grouped = {cid for g in report.groups for cid in g.claim_ids}
    buckets["single"].extend(_orphan_view(c, index) for c in report.claims if c.id not in grouped)

    sections = tuple(
        Section(key, title, blurb, empty, level, status, tuple(buckets[key]))
        for key, title, blurb, empty, level, status in _SECTIONS
        if buckets[key] or empty  # optional subsections only when they have content
    )
    header = Header(
        sources=len(report.sources),
        claims=len(report.claims),
        folded=folded_count(report.groups),
        facts=len(report.groups),
        contested=len(buckets["contradictions"]),
        generated=_when(report.generated),
        pipeline=report.pipeline,
    )
    rows = tuple(
        SourceRow(
            id=s.id,
            name=s.name,
            title=s.title or "",
            publisher=s.publisher or "",
            published=s.published.isoformat() if s.published else "",
            side=s.side or "",
        )
        for s in report.sources
    )
    return ReportView(header=header, sources=rows, errors=tuple(report.errors), sections=sections,
                      review=_review_view(report, index))  # fmt: skip


def _review_view(report: Report, index: _Index) -> ReviewView | None:
    if report.review is None or not (report.review.decisions or report.review.rejected):
        return None
    lines = []
    for d in report.review.decisions:
        status = d.status if not d.detail else f"{d.status}: {d.detail}"
        by = f" by {d.reviewer}" if d.reviewer else ""
        note = f" — {d.note}" if d.note else ""
        lines.append(f"#{d.id} {d.action}{by} ({status}): {d.target}{note}")
    rejected = tuple(_claim_view(c, index.sources.get(c.source_id)) for c in report.review.rejected)
    return ReviewView(tuple(lines), len(report.review.orphaned), rejected)
