"""Altair charts for the fact view (issue #4); pure: frames in, charts out.

The overview's heatmap is an HTML table drawn by dashboard/heatmap.py (issue #11).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from analysis.models import CountSummary
from analysis.report.labels import CLAIM_STATUSES, PALETTE


def _status_colour(present: Sequence[str]) -> alt.Color:
    """Colour by relation, with a legend naming only the relations this chart shows."""
    domain = [s for s in CLAIM_STATUSES if s in set(present)]
    scale = alt.Scale(domain=domain, range=[PALETTE[s].strong for s in domain])
    return alt.Color("status:N", scale=scale, title="relation", legend=None)  # the cards below say it


def rows_height(n_rows: int) -> int:
    """The height to give st.altair_chart for a chart of n rows, axis and legend included.

    Streamlit's default height collapses layered charts with a discrete y axis.
    """
    return ROW_HEIGHT * max(n_rows, 1) + 80


ROW_HEIGHT = 34


def _edge(ranges: pd.DataFrame, summary: CountSummary | None) -> float:
    finite = [v for v in (*ranges["low"], *ranges["high"], *ranges["stated"]) if pd.notna(v) and math.isfinite(v)]
    if summary is not None:
        finite += [v for v in (summary.low, summary.best, summary.high) if v is not None]
    top = max(finite, default=1.0)
    return max(top * 1.25, 1.0)


def range_chart(ranges: pd.DataFrame, summary: CountSummary | None) -> alt.Chart:
    """Each source's admitted range as a bar (open bounds run to the edge, marked →), its figure as a tick,
    and the low / best / high across sources as vertical rules."""
    edge = _edge(ranges, summary)
    data = ranges.copy()
    data["row"] = [f"{s} — {v}" for s, v in zip(data["source"], data["value"], strict=True)]
    data["drawn_high"] = data["high"].fillna(edge)
    data["admits"] = [
        f"{lo:,.0f} – {'no upper limit' if pd.isna(hi) else f'{hi:,.0f}'}"
        for lo, hi in zip(data["low"], data["high"], strict=True)
    ]
    data["qualifier"] = data["qualifier"].replace("", "(none)")
    x_scale = alt.Scale(domain=[0, edge], nice=False)
    y = alt.Y("row:N", sort=list(data["row"]), title=None, axis=alt.Axis(labelLimit=360))
    tooltip = [
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("value:N", title="states"),
        alt.Tooltip("qualifier:N", title="qualifier"),
        alt.Tooltip("admits:N", title="admits"),
        alt.Tooltip("speaker:N", title="according to"),
        alt.Tooltip("status:N", title="relation"),
    ]
    colour = _status_colour(data["status"])
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(opacity=0.35, height=16).encode(
        x=alt.X("low:Q", scale=x_scale, title="people"), x2="drawn_high:Q", color=colour
    )
    ticks = base.mark_tick(thickness=4, size=22).encode(x=alt.X("stated:Q", scale=x_scale), color=colour)
    arrows = (
        base.transform_filter("datum.open_high")
        .mark_text(text="→ no upper limit", align="right", dx=-4, fontSize=11, color="#3c4043")
        .encode(x=alt.X("drawn_high:Q", scale=x_scale))
    )
    layers: list[alt.Chart] = [bars, ticks, arrows]
    if summary is not None:
        marks = pd.DataFrame(
            [
                {"what": name, "at": value, "text": f"{name} {value:,}"}
                for name, value in (("low", summary.low), ("best", summary.best), ("high", summary.high))
                if value is not None
            ]
        )
        if not marks.empty:
            rule = alt.Chart(marks).encode(x=alt.X("at:Q", scale=x_scale))
            layers.append(rule.mark_rule(color="#3c4043", strokeDash=[4, 3]).encode(tooltip=["text:N"]))
            layers.append(
                rule.mark_text(align="left", dx=3, dy=-6, fontSize=11, color="#3c4043", baseline="bottom").encode(
                    text="text:N", y=alt.value(0)
                )
            )
    height = max(ROW_HEIGHT * len(data), 80)
    return alt.layer(*layers).properties(height=height, width="container")


def timeline_chart(dates: pd.DataFrame) -> alt.Chart:
    """Each source's date as the interval its precision allows: a day is a sliver, a year a long bar."""
    data = dates.copy()
    data["row"] = [f"{s} — {v}" for s, v in zip(data["source"], data["value"], strict=True)]
    y = alt.Y("row:N", sort=list(data["row"]), title=None, axis=alt.Axis(labelLimit=360))
    tooltip = [
        alt.Tooltip("source:N", title="Source"),
        alt.Tooltip("value:N", title="states"),
        alt.Tooltip("precision:N", title="precision"),
        alt.Tooltip("speaker:N", title="according to"),
        alt.Tooltip("status:N", title="relation"),
    ]
    colour = _status_colour(data["status"])
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(opacity=0.45, height=16, cornerRadius=2).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%-d %b %Y", labelOverlap=True, tickCount=8)),
        x2="end:T",
        color=colour,
    )
    points = (
        base.transform_filter("datum.precision === 'day'")
        .mark_point(filled=True, size=70, shape="diamond")
        .encode(x="start:T", color=colour)
    )
    height = max(ROW_HEIGHT * len(data), 80)
    return alt.layer(bars, points).properties(height=height, width="container")
