"""The Markdown discrepancy report, rendered from report_view (issue #2).

Source text is escaped so a "*", "|" or "<" in a quote cannot break the
layout or smuggle in HTML; the claimed span is bold inside its sentence.
"""

from __future__ import annotations

from analysis.counts import folded_phrase
from analysis.models import Report
from analysis.report.escape import md_escape
from analysis.report.view import ClaimView, GroupView, PairView, ReportView, Section, build_view


def _bold(text: str) -> str:
    return f"**{md_escape(text)}**" if text else ""


def _sources_table(view: ReportView) -> list[str]:
    lines = ["| ID | Name | Title | Publisher | Published | Side |", "|---|---|---|---|---|---|"]
    for s in view.sources:
        cells = (s.id, s.name, s.title, s.publisher, s.published, s.side)
        lines.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
    return lines


def _source_line(claim: ClaimView) -> str:
    who = [_bold(claim.source_name)]
    if claim.publisher:
        who.append(md_escape(claim.publisher))
    if claim.side:
        who.append(f"side: {md_escape(claim.side)}")
    facts = [f"claims {_bold(claim.value)}"]
    if claim.scope:
        facts.append(f"scope: {md_escape(claim.scope)}")
    facts.append(md_escape(claim.speaker))
    if claim.hedged:
        facts.append("hedged")
    line = " · ".join(who) + " — " + " · ".join(facts) + f" ({md_escape(claim.claim_id)})"
    return line + _reviewed(claim.reviewed)


def _reviewed(text: str) -> str:
    """A person's decision, marked apart from the machine's reading (issue #9)."""
    return f" · **[{md_escape(text)}]**" if text else ""


def _blockquote(claim: ClaimView) -> list[str]:
    span = claim.span
    if span.found:
        return [("> " + md_escape(span.before) + _bold(span.quote) + md_escape(span.after)).rstrip()]
    return ["> " + md_escape(span.before).strip(), ">", "> Quote: " + _bold(claim.quote.strip())]


def _pair_line(pair: PairView) -> str:
    return (
        f"- {md_escape(pair.claim_a)} ({md_escape(pair.source_a)}) vs "
        f"{md_escape(pair.claim_b)} ({md_escape(pair.source_b)}) — "
        f"*{md_escape(pair.label)}*: {md_escape(pair.reason)}"
    ) + _reviewed(pair.reviewed)


def _summary_line(group: GroupView) -> list[str]:
    s = group.summary
    if s is None:
        return []

    def part(label: str, value: str, names: tuple[str, ...]) -> str:
        who = f" ({', '.join(md_escape(n) for n in names)})" if names else ""
        return f"{label} {_bold(value)}{who}"

    parts = [part("low", s.low, s.low_sources), part("best", s.best, s.best_sources)]
    parts.append(part("high", s.high, s.high_sources))
    return ["Count summary: " + " · ".join(parts), ""]


def _group(group: GroupView, level: int) -> list[str]:
    gid = f" ({md_escape(group.group_id)})" if group.group_id else ""
    lines = [f"{'#' * (level + 1)} {md_escape(group.title)}{gid}", ""]
    if group.reviewed:
        lines += [f"**[{md_escape(group.reviewed)}]**", ""]
    lines += _summary_line(group)
    for claim in group.claims:
        lines += [_source_line(claim), ""] + _blockquote(claim) + [""]
    if group.pairs:
        lines += ["Reasons:", ""] + [_pair_line(p) for p in group.pairs] + [""]
    return lines


def _single_line(group: GroupView) -> list[str]:
    lines = []
    for c in group.claims:
        scope = f" ({md_escape(c.scope)})" if c.scope else ""
        lines.append(
            f"- {_bold(group.title)}: {_bold(c.value)}{scope} — "
            f"{md_escape(c.source_name)}, {md_escape(c.speaker)}: “{md_escape(c.quote)}”" + _reviewed(c.reviewed)
        )
    return lines


def _section(section: Section) -> list[str]:
    lines = [f"{'#' * section.level} {section.title}", ""]
    if not section.groups:
        return lines + [section.empty, ""]
    lines += [section.blurb, ""]
    if section.key == "single":
        return lines + [line for g in section.groups for line in _single_line(g)] + [""]
    for group in section.groups:
        lines += _group(group, section.level)
    return lines


def _review(view: ReportView) -> list[str]:
    review = view.review
    if review is None:
        return []
    lines = ["## Review", "", "What a person decided over the machine's analysis, in the order decided."]
    if review.orphaned:
        lines[-1] += (
            f" **{review.orphaned} orphaned**: their text is gone (source removed or changed); kept, not applied."
        )
    lines += [""] + [f"- {md_escape(line)}" for line in review.decisions] + [""]
    if review.rejected:
        lines += ["Rejected claims:", ""]
        lines += [f"- {md_escape(c.source_name)}: “{md_escape(c.quote)}” ({md_escape(c.claim_id)}){_reviewed(c.reviewed)}"
                  for c in review.rejected] + [""]  # fmt: skip
    return lines


def view_to_markdown(view: ReportView) -> str:
    h = view.header
    lines = ["# Rashomon discrepancy report", ""]
    meta = [f"Generated {md_escape(h.generated)}" if h.generated else "", md_escape(h.pipeline)]
    if any(meta):
        lines += [" · ".join(m for m in meta if m), ""]
    lines += [
        f"**{h.sources}** sources · **{h.claims}** claims{folded_phrase(h.folded)} · **{h.facts}** facts"
        f" · **{h.contested}** contested",
        "",
        "## Sources",
        "",
        *_sources_table(view),
        "",
    ]
    if view.errors:
        lines += ["## Input errors", ""] + [f"- {md_escape(e)}" for e in view.errors] + [""]
    for section in view.sections:
        lines += _section(section)
    lines += _review(view)
    return "\n".join(lines).rstrip() + "\n"


def report_to_markdown(report: Report) -> str:
    return view_to_markdown(build_view(report))
