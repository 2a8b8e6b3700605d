"""Altair charts for the overview and the fact view (issue #4); pure: frames in, charts out."""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from analysis.models import CountSummary
from analysis.report.labels import CLAIM_STATUSES, PALETTE, SHARE_SCALE


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


# Cells whose text would overlap beyond this many sources are left to the tooltip.
HEATMAP_TEXT_MAX = 12
HEATMAP_MAX_SOURCES = 30  # more is a grid of specks, and slow to draw (issue #4: the overview in < 3 s)
LABEL_PX = 150  # source names are cut to this length on the heatmap's axes
ROW_HEIGHT = 34


def heatmap_chart(pairs: pd.DataFrame, labels: Sequence[str]) -> alt.LayerChart:
    """Source x source: colour = share of shared facts where they contradict, grey = nothing decided.

    Only pairs that share a fact are drawn: a 100-source workspace stays a
    few hundred marks, not ten thousand. Show it with theme=None and
    the size heatmap_size(n): the Streamlit theme hides rotated labels.
    """
    many = len(labels) > HEATMAP_TEXT_MAX
    shared = pairs.loc[pairs["shared"] > 0, ["a", "b", "shared", "agree", "contradict", "scope", "unclear"]]
    shared = shared.reset_index(drop=True).astype(
        {c: "int16" for c in ("shared", "agree", "contradict", "scope", "unclear")}
    )
    shared["share"] = [
        None if pd.isna(v) else round(float(v), 2) for v in pairs.loc[pairs["shared"] > 0, "contradict_share"]
    ]
    if not many:
        shared["label"] = [f"{a}✓ {c}✗" for a, c in zip(shared["agree"], shared["contradict"], strict=True)]
    # Names as categories: sent once each instead of once per cell (a 100-source grid is thousands of cells).
    shared["a"] = pd.Categorical(shared["a"], categories=list(labels))
    shared["b"] = pd.Categorical(shared["b"], categories=list(labels))
    step = heatmap_step(len(labels))
    axis_x = alt.X("b:N", sort=list(labels), scale=alt.Scale(domain=list(labels)), title=None,
                   axis=alt.Axis(labelAngle=-90, labelLimit=LABEL_PX, orient="top", labelOverlap=many,
                                 labelFontSize=9 if many else 11))  # fmt: skip
    axis_y = alt.Y("a:N", sort=list(labels), scale=alt.Scale(domain=list(labels)), title=None,
                   axis=alt.Axis(labelLimit=LABEL_PX, labelOverlap=many, labelFontSize=9 if many else 11))  # fmt: skip
    tooltip = [
        alt.Tooltip("a:N", title="Source"),
        alt.Tooltip("b:N", title="compared with"),
        alt.Tooltip("shared:Q", title="shared facts"),
        alt.Tooltip("agree:Q", title="agree on"),
        alt.Tooltip("contradict:Q", title="contradict on"),
        alt.Tooltip("scope:Q", title="different scope"),
        alt.Tooltip("unclear:Q", title="unclear"),
        alt.Tooltip("share:Q", title="share contradicted", format=".0%"),
    ]
    base = alt.Chart(shared).encode(x=axis_x, y=axis_y, tooltip=tooltip)
    grey = base.mark_rect(color="#e8eaed", stroke="white", strokeWidth=1 if many else 2)
    colour = (
        base.transform_filter("isValid(datum.share)")
        .mark_rect(stroke="white", strokeWidth=1 if many else 2)
        .encode(
            color=alt.Color(
                "share:Q",
                title="share of contradictions",
                scale=alt.Scale(domain=[0, 0.5, 1], range=list(SHARE_SCALE), interpolate="lab"),
                legend=alt.Legend(format=".0%", orient="bottom", gradientLength=160),
            )
        )
    )
    layers = [grey, colour]
    if not many:
        layers.append(base.mark_text(fontSize=12, fontWeight="bold", color="#202124").encode(text="label:N"))
    side = step * max(len(labels), 1)
    return alt.layer(*layers).properties(width=side, height=side)


def heatmap_step(n_sources: int) -> int:
    """Cell size in pixels: big enough for "2✓ 1✗" with few sources, a pixel grid with a hundred."""
    return max(6, min(48, 560 // max(n_sources, 1)))


def heatmap_size(n_sources: int) -> tuple[int, int]:
    """(width, height) to give st.altair_chart: the grid, the labels left and above, the legend below.

    Streamlit fits the whole chart, labels included, into this size, so
    the labels' room is added to the grid's. The column labels are vertical:
    slanted ones would stick out to the right and squeeze the grid.
    """
    side = heatmap_step(n_sources) * max(n_sources, 1)
    return side + LABEL_PX + 20, side + LABEL_PX + 90


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


def to_vega(chart: alt.TopLevelMixin) -> tuple[pd.DataFrame, dict]:
    """Split an Altair chart into its data and its Vega-Lite spec, validated once.

    Streamlit re-validates an Altair chart on every rerun (a quarter of a
    second for the 100-source heatmap); a cached spec passed to
    st.vega_lite_chart with the frame as its data skips that, and the data
    still travels as Arrow.
    """
    data = chart.data
    assert isinstance(data, pd.DataFrame), "a chart whose layers share one top-level frame"
    spec = chart.to_dict()
    spec.pop("datasets", None)
    spec.pop("data", None)
    return data, spec
