"""HTML fragments the panels show, built with html.escape on every text (issue #4).

Source text is hostile input: an account scraped from the web may contain
"<script>" or markup, and it must show as text. Every function here escapes
all text it is given and adds only its own tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from analysis.report.view import quote_span, speaker_text
from claims.models import Claim
from dashboard.tables import ABSENT, AGREES, ALONE, CONTRADICTS, SCOPE, UNCLEAR

# (text colour, background) per cell status; the same hues as the HTML report.
PALETTE: dict[str, tuple[str, str]] = {
    CONTRADICTS: ("#8c1d18", "#f9d7d4"),
    AGREES: ("#14532d", "#d3efdc"),
    SCOPE: ("#7a4300", "#fde7c2"),
    UNCLEAR: ("#3c4043", "#e3e5e8"),
    ALONE: ("#174ea6", "#e1ebfb"),
    ABSENT: ("#80868b", "#f6f7f8"),
}
# Strong colours for marks on white (chart bars, status dots).
STRONG: dict[str, str] = {
    CONTRADICTS: "#c5221f",
    AGREES: "#188038",
    SCOPE: "#e37400",
    UNCLEAR: "#80868b",
    ALONE: "#1a73e8",
    ABSENT: "#dadce0",
}
STATUS_HELP = {
    CONTRADICTS: "contradicts at least one other source",
    AGREES: "agrees with the other sources",
    SCOPE: "counts a different group of people",
    UNCLEAR: "could not be decided",
    ALONE: "no other source states this fact",
    ABSENT: "this source does not mention the fact",
}


def esc(text: object) -> str:
    """Escape text and quotes; None shows as nothing."""
    return escape("" if text is None else str(text), quote=True)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    """Text that Streamlit's Markdown shows as is: no emphasis, links, LaTeX ($) or :directives: from a file name."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", "" if text is None else str(text))


def one_line(text: str) -> str:
    return " ".join(text.split())


def collapse(text: str) -> str:
    """Line breaks and runs of spaces become one space; unlike one_line, the edges are kept."""
    return re.sub(r"\s+", " ", text)


def mark_style(status: str) -> str:
    fg, bg = PALETTE.get(status, PALETTE[UNCLEAR])
    return (
        f"background:{bg};color:{fg};border-bottom:2px solid {STRONG.get(status, fg)};padding:0 2px;border-radius:2px"
    )


def badge(status: str, text: str | None = None) -> str:
    """A small coloured pill naming a status."""
    fg, bg = PALETTE.get(status, PALETTE[UNCLEAR])
    return (
        f'<span style="background:{bg};color:{fg};border-radius:10px;padding:1px 8px;'
        f'font-size:0.85em;font-weight:600;white-space:nowrap">{esc(text or status)}</span>'
    )


def legend(statuses: Iterable[str]) -> str:
    """One line explaining what each colour means."""
    items = [f"{badge(s)} <span style='color:#5f6368;font-size:0.85em'>{esc(STATUS_HELP[s])}</span>" for s in statuses]
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
        before, quote, after = (collapse(part) for part in (span.before, span.quote, span.after))
        return f"{esc(before.lstrip())}<mark style='{style}'>{esc(quote)}</mark>{esc(after.rstrip())}"
    return f"{esc(one_line(span.before))}<br><mark style='{style}'>{esc(one_line(claim.quote))}</mark>"


def quote_card(*, source: str, meta: str, value: str, claim: Claim, status: str) -> str:
    """One source's statement on a fact: who, what value, said by whom, and the words."""
    fg, bg = PALETTE.get(status, PALETTE[UNCLEAR])
    speaker = speaker_text(claim.speaker)
    hedge = " · hedged (“may”, “reportedly”)" if claim.hedged else ""
    return (
        f"<div style='border-left:5px solid {STRONG.get(status, fg)};background:#fff;padding:8px 12px;"
        f"margin:0 0 10px;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.08)'>"
        f"<div style='display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap'>"
        f"<span><b>{esc(source)}</b> <span style='color:#5f6368;font-size:0.85em'>{esc(meta)}</span></span>"
        f"{badge(status)}</div>"
        f"<div style='margin:4px 0'><span style='font-size:1.15em;font-weight:700;color:{fg}'>{esc(value)}</span>"
        f" <span style='color:#5f6368'>— {esc(speaker)}{esc(hedge)}</span></div>"
        f"<blockquote style='margin:4px 0 0;padding:4px 10px;border-left:3px solid {bg};color:#202124;"
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
        mark = f"<mark style='{mark_style(status)}' title='{esc(title)}'>{esc(one_line(text[start:end]))}</mark>"
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
    ".rsh-table th{color:#5f6368;font-weight:600}.rsh-table .num{text-align:right}"
)


def table_html(frame: object, *, numeric: Iterable[str] = ()) -> str:
    """A plain escaped HTML table: lighter than st.dataframe where nothing needs sorting or scrolling.

    Styled by class, not per cell, so a 100-row table stays a few kilobytes.
    """
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    right = set(numeric)

    def cls(column: object) -> str:
        return " class='num'" if column in right else ""

    head = "".join(f"<th{cls(c)}>{esc(c)}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td{cls(c)}>{esc(v)}</td>" for c, v in zip(frame.columns, values, strict=True)) + "</tr>"
        for values in frame.itertuples(index=False)
    )
    return f"<style>{TABLE_CSS}</style><table class='rsh-table'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
