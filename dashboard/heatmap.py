"""The overview's source-by-source heatmap as a plain Vega-Lite spec (issues #4, #11).

Written as a dict, not with Altair: importing Altair and validating the
chart cost the first paint about half a second (the overview is the page
every visitor opens first). The fact view's charts, drawn later, keep
Altair (dashboard/charts.py). st.vega_lite_chart draws this with theme=None
and the size heatmap_size(n): the Streamlit theme hides rotated labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.report.labels import SHARE_SCALE

# Cells whose text would overlap beyond this many sources are left to the tooltip.
HEATMAP_TEXT_MAX = 12
HEATMAP_MAX_SOURCES = 30  # more is a grid of specks, and slow to draw (issue #4: the overview in < 3 s)
LABEL_PX = 150  # source names are cut to this length on the heatmap's axes
COUNTS = ("shared", "agree", "contradict", "scope", "unclear")
TOOLTIP = [
    ("a", "nominal", "Source"),
    ("b", "nominal", "compared with"),
    ("shared", "quantitative", "shared facts"),
    ("agree", "quantitative", "agree on"),
    ("contradict", "quantitative", "contradict on"),
    ("scope", "quantitative", "different scope"),
    ("unclear", "quantitative", "unclear"),
]
EMPTY_CELL = "#e8eaed"
TEXT_COLOUR = "#202124"


def heatmap_step(n_sources: int) -> int:
    """Cell size in pixels: big enough for "2✓ 1✗" with few sources, a pixel grid with a hundred."""
    return max(6, min(48, 560 // max(n_sources, 1)))


def heatmap_size(n_sources: int) -> tuple[int, int]:
    """(width, height) to give st.vega_lite_chart: the grid, the labels left and above, the legend below.

    Streamlit fits the whole chart, labels included, into this size, so
    the labels' room is added to the grid's. The column labels are vertical:
    slanted ones would stick out to the right and squeeze the grid.
    """
    side = heatmap_step(n_sources) * max(n_sources, 1)
    return side + LABEL_PX + 20, side + LABEL_PX + 90


def heatmap_data(pairs: pd.DataFrame, labels: Sequence[str]) -> pd.DataFrame:
    """The cells drawn: only pairs that share a fact, names as categories (sent once each)."""
    shared = pairs.loc[pairs["shared"] > 0, ["a", "b", *COUNTS]].reset_index(drop=True)
    shared = shared.astype(dict.fromkeys(COUNTS, "int16"))
    shares = pairs.loc[pairs["shared"] > 0, "contradict_share"]
    shared["share"] = [None if pd.isna(v) else round(float(v), 2) for v in shares]
    if len(labels) <= HEATMAP_TEXT_MAX:
        shared["label"] = [f"{a}✓ {c}✗" for a, c in zip(shared["agree"], shared["contradict"], strict=True)]
    shared["a"] = pd.Categorical(shared["a"], categories=list(labels))
    shared["b"] = pd.Categorical(shared["b"], categories=list(labels))
    return shared


def heatmap_spec(pairs: pd.DataFrame, labels: Sequence[str]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Source x source: colour = share of shared facts where they contradict, grey = nothing decided.

    Returns the data and the spec for st.vega_lite_chart. Only pairs that
    share a fact are drawn: a 100-source workspace stays a few hundred
    marks, not ten thousand.
    """
    many = len(labels) > HEATMAP_TEXT_MAX
    names = list(labels)
    font = 9 if many else 11
    stroke = 1 if many else 2
    axis = {"labelLimit": LABEL_PX, "labelOverlap": many, "labelFontSize": font}
    tooltip = [{"field": f, "type": t, "title": title} for f, t, title in TOOLTIP]
    tooltip.append({"field": "share", "type": "quantitative", "title": "share contradicted", "format": ".0%"})
    encoding = {
        "x": {"field": "b", "type": "nominal", "sort": names, "scale": {"domain": names}, "title": None,
              "axis": axis | {"labelAngle": -90, "orient": "top"}},
        "y": {"field": "a", "type": "nominal", "sort": names, "scale": {"domain": names}, "title": None,
              "axis": axis},
        "tooltip": tooltip,
    }  # fmt: skip
    colour = {
        "field": "share",
        "type": "quantitative",
        "title": "share of contradictions",
        "scale": {"domain": [0, 0.5, 1], "range": list(SHARE_SCALE), "interpolate": "lab"},
        "legend": {"format": ".0%", "orient": "bottom", "gradientLength": 160},
    }
    layers: list[dict[str, Any]] = [
        {"mark": {"type": "rect", "color": EMPTY_CELL, "stroke": "white", "strokeWidth": stroke}},
        {
            "transform": [{"filter": "isValid(datum.share)"}],
            "mark": {"type": "rect", "stroke": "white", "strokeWidth": stroke},
            "encoding": {"color": colour},
        },
    ]
    if not many:
        layers.append(
            {
                "mark": {"type": "text", "fontSize": 12, "fontWeight": "bold", "color": TEXT_COLOUR},
                "encoding": {"text": {"field": "label", "type": "nominal"}},
            }
        )
    side = heatmap_step(len(names)) * max(len(names), 1)
    spec = {"width": side, "height": side, "encoding": encoding, "layer": layers}
    return heatmap_data(pairs, names), spec
