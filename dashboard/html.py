"""HTML fragments the panels show, with every text through analysis.report.escape.esc (issue #4, #7).

Source text is hostile input: an account scraped from the web may contain
"<script>" or markup, and it must show as text. Every function here escapes
all text it is given and adds only its own tags. Colours and status words
are analysis.report.labels', shared with the HTML report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from analysis.report.escape import esc, one_line
from analysis.report.labels import MUTED, STATUS_HELP, colours, speaker_text
from analysis.report.view import quote_span
from claims.models import Claim


def mark_style(status: str) -> str:
    c = colours(status)
    return f"background:{c.fill};color:{c.text};border-bottom:2px solid {c.strong};padding:0 2px;border-radius:2px"


def badge(status: str, text: str | None = None) -> str:
    """A small coloured pill naming a status."""
    c = colours(status)
    return (
        f'<span style="background:{c.fill};color:{c.text};border-radius:10px;padding:1px 8px;'
        f'font-size:0.85em;font-weight:600;white-space:nowrap">{esc(text or status)}</span>'
    )


def legend(statuses: Iterable[str]) -> str:
    """One line explaining what each colour means."""
    items = [f"{badge(s)} <span style='color:{MUTED};font-size:0.85em'>{esc(STATUS_HELP[s])}</span>" for s in statuses]
    return (
        "<div style='display:flex;flex-wrap:wrap;gap:6px 18px;margin:4px 0 8px'>"
        + "".join(f"<span>{item}</span>" for item in items)
        + "</div>"
    )


def sentence_html(claim: Claim, status: str) -> str:
    """The claim's sentence with the quote in a <mark>; the rest escaped, line breaks collapsed."""
    span = quote_span(claim)
    style = mark_style(status)
    if span.found:
        # Edge spaces stay as the sentence has them: "15 June</mark>." not "15 June</mark> ."
        before, quote, after = (one_line(part) for part in (span.before, span.quote, span.after))
        return f"{esc(before.lstrip())}<mark style='{style}'>{esc(quote)}</mark>{esc(after.rstrip())}"
    return f"{esc(one_line(span.before).strip())}<br><mark style='{style}'>{esc(one_line(claim.quote).strip())}</mark>"


def quote_card(*, source: str, meta: str, value: str, claim: Claim, status: str) -> str:
    """One source's statement on a fact: who, what value, said by whom, and the words."""
    c = colours(status)
    speaker = speaker_text(claim.speaker)
    hedge = " · hedged (“may”, “reportedly”)" if claim.hedged else ""
    return (
        f"<div style='border-left:5px solid {c.strong};background:#fff;padding:8px 12px;"
        f"margin:0 0 10px;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.08)'>"
        f"<div style='display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap'>"
        f"<span><b>{esc(source)}</b> <span style='color:{MUTED};font-size:0.85em'>{esc(meta)}</span></span>"
        f"{badge(status)}</div>"
        f"<div style='margin:4px 0'><span style='font-size:1.15em;font-weight:700;color:{c.text}'>{esc(value)}</span>"
        f" <span style='color:{MUTED}'>— {esc(speaker)}{esc(hedge)}</span></div>"
        f"<blockquote style='margin:4px 0 0;padding:4px 10px;border-left:3px solid {c.fill};color:#202124;"
        f"font-style:normal'>“{sentence_html(claim, status)}”</blockquote></div>"
    )


def source_text_html(text: str, marks: list[tuple[int, int, str, str, str]]) -> str:
    """The whole source text escaped, with (start, end, status, title, href) spans wrapped in <mark>.

    Overlapping spans keep the first one; paragraphs become <p>. Offsets are
    into `text`, as claims store them. A mark with an href links there in
    the same tab.
    """
    out: list[str] = []
    at = 0
    for start, end, status, title, href in sorted(marks):
        if start < at or end <= start or end > len(text):
            continue
        out.append(esc(text[at:start]))
        mark = (
            f"<mark style='{mark_style(status)}' title='{esc(title)}'>{esc(one_line(text[start:end]).strip())}</mark>"
        )
        if href:
            mark = f"<a href='{esc(href)}' target='_self' style='text-decoration:none;color:inherit'>{mark}</a>"
        out.append(mark)
        at = end
    out.append(esc(text[at:]))
    body = "".join(out)
    paragraphs = [p.strip() for p in body.split("\n\n")]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs if p)


TABLE_CSS = (
    ".rsh-table{border-collapse:collapse;width:100%;font-size:.9em}"
    ".rsh-table th,.rsh-table td{padding:4px 10px;border-bottom:1px solid #e8eaed;text-align:left;vertical-align:top}"
    f".rsh-table th{{color:{MUTED};font-weight:600}}.rsh-table .num{{text-align:right}}"
)


def table_html(frame: object, *, numeric: Iterable[str] = ()) -> str:
    """A plain escaped HTML table: lighter than st.dataframe where nothing needs sorting or scrolling.

    Styled by class, not per cell, so a 100-row table stays a few kilobytes.
    """
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    return rows_html(list(frame.columns), frame.itertuples(index=False), numeric=numeric)


def rows_html(columns: Sequence[object], rows: Iterable[Sequence[object]], *, numeric: Iterable[str] = ()) -> str:
    """table_html of plain rows (the overview's stored sources, issue #11)."""
    right = set(numeric)

    def cls(column: object) -> str:
        return " class='num'" if column in right else ""

    head = "".join(f"<th{cls(c)}>{esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td{cls(c)}>{esc(v)}</td>" for c, v in zip(columns, values, strict=True)) + "</tr>"
        for values in rows
    )
    return f"<style>{TABLE_CSS}</style><table class='rsh-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
