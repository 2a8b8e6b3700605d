"""The overview's source-by-source heatmap as plain HTML (issues #4, #11).

The counts are plain Python in analysis/heatmap.py (the overview kept with a
workspace's analysis holds them). The grid is an HTML table, not a Vega-Lite
chart: the chart's scripts were the last thing of the overview to load and
draw, about half a second after everything else at 1,000 sources (issue #11:
the whole overview in under 3 s). Each cell says its counts on hover (its
title), and with few sources in its text as well.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.heatmap import HEATMAP_MAX_SOURCES, HEATMAP_TEXT_MAX
from analysis.report.escape import esc
from analysis.report.labels import MUTED, SHARE_SCALE

__all__ = ["HEATMAP_MAX_SOURCES", "HEATMAP_TEXT_MAX", "heatmap_html", "share_colour"]

CLASS = "rashomon-heatmap"  # what the browser tests and benchmarks/overview.py look for
GRID_PX = 340  # the cells' room in the overview's right-hand column at 1,440 px, labels beside it
LABEL_PX = (150, 110)  # source names are cut to this length: few sources, many
LEGEND_PX = 160
EMPTY_CELL = "#e8eaed"
TEXT_COLOUR = "#202124"
_ELLIPSIS = "overflow:hidden;text-overflow:ellipsis;white-space:nowrap"


def share_colour(share: float | None) -> str:
    """The cell's colour for its share of contradictions: SHARE_SCALE at 0, 0.5 and 1, mixed linearly
    between; grey when the two sources decided nothing (only different scope or unclear)."""
    if share is None:
        return EMPTY_CELL
    share = min(max(share, 0.0), 1.0)
    low, high = (SHARE_SCALE[0], SHARE_SCALE[1]) if share <= 0.5 else (SHARE_SCALE[1], SHARE_SCALE[2])
    t = share * 2 if share <= 0.5 else share * 2 - 1
    a, b = _rgb(low), _rgb(high)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def heatmap_step(n_sources: int) -> int:
    """Cell size in pixels: big enough for "2✓ 1✗" with few sources, a grid that fits its column with 30."""
    return max(6, min(48, GRID_PX // max(n_sources, 1)))


def heatmap_html(labels: Sequence[str], cells: Sequence[Mapping[str, Any]]) -> str:
    """Sources by sources (analysis.heatmap.cells): row labels left, column labels above, read upwards;
    a blank cell where two sources share no fact; the colour scale below."""
    step = heatmap_step(len(labels))
    text = len(labels) <= HEATMAP_TEXT_MAX
    font, label_px, spacing = (11, LABEL_PX[0], 2) if text else (9, LABEL_PX[1], 1)
    by_pair = {(cell["a"], cell["b"]): cell for cell in cells}
    head = "".join(
        f"<th style='padding:0;vertical-align:bottom'><div style='writing-mode:vertical-rl;"
        f"transform:rotate(180deg);max-height:{label_px}px;margin:0 auto;font-weight:normal;{_ELLIPSIS}' "
        f"title='{esc(label)}'>{esc(label)}</div></th>"
        for label in labels
    )
    rows = []
    for a in labels:
        row = "".join(_cell(a, b, by_pair.get((a, b)), text) for b in labels)
        rows.append(
            f"<tr style='height:{step}px'><th style='padding:0 6px 0 0;text-align:right;font-weight:normal;"
            f"{_ELLIPSIS}' title='{esc(a)}'>{esc(a)}</th>{row}</tr>"
        )
    # the sizes once, on the columns and rows, not on each of up to 900 cells (the HTML sent stays small)
    columns = f"<col style='width:{label_px}px'>" + f"<col style='width:{step}px'>" * len(labels)
    return (
        f"<div class='{CLASS}' style='font-size:{font}px;color:{TEXT_COLOUR};overflow-x:auto'>"
        f"<table style='border-collapse:separate;border-spacing:{spacing}px;table-layout:fixed;margin:0;"
        f"text-align:center'><colgroup>{columns}</colgroup>"
        f"<tr><th></th>{head}</tr>{''.join(rows)}</table>{_legend()}</div>"
    )


def _cell(a: str, b: str, cell: Mapping[str, Any] | None, text: bool) -> str:
    if cell is None:  # no fact in common (or the same source)
        return "<td style='padding:0'></td>"
    share = cell.get("share")
    title = (
        f"{a} and {b}: {cell['shared']} shared facts; agree on {cell['agree']}, contradict on "
        f"{cell['contradict']}, different scope {cell['scope']}, unclear {cell['unclear']}"
        + ("" if share is None else f"; {share:.0%} contradicted")
    )
    inside = f"<b>{cell['agree']}✓ {cell['contradict']}✗</b>" if text else ""
    return f"<td style='padding:0;background:{share_colour(share)}' title='{esc(title)}'>{inside}</td>"


def _legend() -> str:
    gradient = ",".join(SHARE_SCALE)
    return (
        f"<div style='display:flex;align-items:center;gap:6px;margin-top:8px;font-size:11px;color:{MUTED}'>"
        f"<span>share of contradictions: 0%</span><span style='display:inline-block;width:{LEGEND_PX}px;"
        f"height:10px;background:linear-gradient(to right,{gradient})'></span><span>100%</span>"
        f"<span style='display:inline-block;width:10px;height:10px;margin-left:12px;background:{EMPTY_CELL}'>"
        "</span><span>nothing decided</span></div>"
    )
