"""A standalone, printable HTML discrepancy report, rendered from report_view (issue #2).

One file with inline CSS, no script and no external assets, so it opens
offline and prints as is. Every piece of source text goes through
escape.esc: a source that contains "<script>" shows it as text. Its colours
are labels.PALETTE, the dashboard's.
"""

from __future__ import annotations

from analysis.models import Report
from analysis.report.escape import esc, one_line
from analysis.report.labels import AGREES, CONTRADICTS, PALETTE, SCOPE, UNCLEAR
from analysis.report.view import ClaimView, GroupView, PairView, ReportView, Section, build_view

_VARIABLES = {"contradict": CONTRADICTS, "agree": AGREES, "scope": SCOPE, "unclear": UNCLEAR}
_ROOT = ":root { " + " ".join(
    f"--{name}: {PALETTE[status].text}; --{name}-bg: {PALETTE[status].wash};" for name, status in _VARIABLES.items()
)
_CSS = (
    _ROOT
    + """ }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #202124;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .meta { color: #5f6368; margin-top: 0; }
.stats { display: flex; gap: 1.5rem; padding: .6rem 1rem; background: #f8f9fa; border-radius: 6px; }
.stats b { font-size: 1.3em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border: 1px solid #dadce0; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
.group { border-left: 5px solid var(--unclear); background: var(--unclear-bg);
  padding: .5rem 1rem; margin: 1rem 0; border-radius: 4px; }
.contradictions .group { border-color: var(--contradict); background: var(--contradict-bg); }
.agreements .group { border-color: var(--agree); background: var(--agree-bg); }
.different_scope .group { border-color: var(--scope); background: var(--scope-bg); }
.contradictions > h2 { color: var(--contradict); } .agreements > h2 { color: var(--agree); }
.different_scope > h3 { color: var(--scope); }
.claim { margin: .6rem 0; } .who { font-weight: 600; } .value { font-weight: 700; }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .8rem; border-left: 3px solid #9aa0a6;
  font-style: italic; }
mark { background: #ffe082; padding: 0 .1em; font-style: normal; }
.rel { font-weight: 600; } .rel-contradict { color: var(--contradict); }
.rel-agree { color: var(--agree); } .rel-different_scope { color: var(--scope); }
.summary { font-size: .95em; } .errors li { color: var(--contradict); }
.tag { font-size: .8em; color: #5f6368; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .group, tr, blockquote { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .group, .stats, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
)


def _claim(claim: ClaimView) -> str:
    who = [f'<span class="who">{esc(claim.source_name)}</span>']
    if claim.publisher:
        who.append(esc(claim.publisher))
    if claim.side:
        who.append(f"side: {esc(claim.side)}")
    facts = [f'claims <span class="value">{esc(claim.value)}</span>']
    if claim.scope:
        facts.append(f"scope: {esc(claim.scope)}")
    facts.append(esc(claim.speaker))
    if claim.hedged:
        facts.append("hedged")
    span = claim.span
    if span.found:
        quote = f"{esc(span.before)}<mark>{esc(span.quote)}</mark>{esc(span.after)}"
        body = f"<blockquote>{one_line(quote)}</blockquote>"
    else:
        body = (
            f"<blockquote>{esc(one_line(span.before))}</blockquote>"
            f"<p>Quote: <mark>{esc(one_line(claim.quote))}</mark></p>"
        )
    return (
        f'<div class="claim"><div>{" · ".join(who)} — {" · ".join(facts)} '
        f'<span class="tag">({esc(claim.claim_id)})</span></div>{body}</div>'
    )


def _pair(pair: PairView) -> str:
    rel = esc(pair.relation)
    return (
        f"<li>{esc(pair.claim_a)} ({esc(pair.source_a)}) vs {esc(pair.claim_b)} ({esc(pair.source_b)}) — "
        f'<span class="rel rel-{rel}">{esc(pair.label)}</span>: {esc(pair.reason)}</li>'
    )


def _summary(group: GroupView) -> str:
    s = group.summary
    if s is None:
        return ""

    def part(label: str, value: str, names: tuple[str, ...]) -> str:
        who = f" ({esc(', '.join(names))})" if names else ""
        return f"{label} <b>{esc(value)}</b>{who}"

    parts = (part("low", s.low, s.low_sources), part("best", s.best, s.best_sources))
    parts += (part("high", s.high, s.high_sources),)
    return f'<p class="summary">Count summary: {" · ".join(parts)}</p>'


def _group(group: GroupView, level: int) -> str:
    tag = f"h{min(level + 1, 6)}"
    gid = f' <span class="tag">({esc(group.group_id)})</span>' if group.group_id else ""
    parts = [f'<div class="group"><{tag}>{esc(group.title)}{gid}</{tag}>']
    parts.append(_summary(group))
    parts += [_claim(c) for c in group.claims]
    if group.pairs:
        parts.append("<p>Reasons:</p><ul>" + "".join(_pair(p) for p in group.pairs) + "</ul>")
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def _single(group: GroupView) -> str:
    items = []
    for c in group.claims:
        scope = f" ({esc(c.scope)})" if c.scope else ""
        items.append(
            f"<li><b>{esc(group.title)}</b>: "
            f'<span class="value">{esc(c.value)}</span>{scope} — {esc(c.source_name)}, '
            f"{esc(c.speaker)}: “{esc(one_line(c.quote))}”</li>"
        )
    return "\n".join(items)


def _section(section: Section) -> str:
    tag = f"h{section.level}"
    out = [f'<section class="{esc(section.key)}"><{tag}>{esc(section.title)}</{tag}>']
    if not section.groups:
        out.append(f"<p>{esc(section.empty)}</p>")
    else:
        out.append(f"<p>{esc(section.blurb)}</p>")
        if section.key == "single":
            out.append("<ul>" + "".join(_single(g) for g in section.groups) + "</ul>")
        else:
            out += [_group(g, section.level) for g in section.groups]
    out.append("</section>")
    return "\n".join(out)


def _sources_table(view: ReportView) -> str:
    head = "<tr><th>ID</th><th>Name</th><th>Title</th><th>Publisher</th><th>Published</th><th>Side</th></tr>"
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{esc(c)}</td>" for c in (s.id, s.name, s.title, s.publisher, s.published, s.side))
        + "</tr>"
        for s in view.sources
    )
    return f"<table>{head}{rows}</table>"


def view_to_html(view: ReportView) -> str:
    h = view.header
    meta = " · ".join(esc(m) for m in (f"Generated {h.generated}" if h.generated else "", h.pipeline) if m)
    body = [
        "<h1>Rashomon discrepancy report</h1>",
        f'<p class="meta">{meta}</p>' if meta else "",
        f'<div class="stats"><span><b>{h.sources}</b> sources</span><span><b>{h.claims}</b> claims</span>'
        f"<span><b>{h.facts}</b> facts</span><span><b>{h.contested}</b> contested</span></div>",
        "<h2>Sources</h2>",
        _sources_table(view),
    ]
    if view.errors:
        items = "".join(f"<li>{esc(e)}</li>" for e in view.errors)
        body.append(f'<section class="errors"><h2>Input errors</h2><ul>{items}</ul></section>')
    body += [_section(s) for s in view.sections]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Rashomon discrepancy report</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body>\n</html>\n"
    )


def report_to_html(report: Report) -> str:
    return view_to_html(build_view(report))
