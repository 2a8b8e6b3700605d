"""The overview's source-by-source heatmap: its size on the page (issues #4, #11).

The counts and the Vega-Lite spec are plain Python in analysis/heatmap.py (the
overview kept with a workspace's analysis holds them, issue #11).
st.vega_lite_chart draws the spec with theme=None and the size heatmap_size(n):
the Streamlit theme hides rotated labels.
"""

from __future__ import annotations

from analysis.heatmap import HEATMAP_MAX_SOURCES, HEATMAP_TEXT_MAX, LABEL_PX, heatmap_step

__all__ = ["HEATMAP_MAX_SOURCES", "HEATMAP_TEXT_MAX", "heatmap_size", "heatmap_step"]


def heatmap_size(n_sources: int) -> tuple[int, int]:
    """(width, height) to give st.vega_lite_chart: the grid, the labels left and above, the legend below.

    Streamlit fits the whole chart, labels included, into this size, so
    the labels' room is added to the grid's. The column labels are vertical:
    slanted ones would stick out to the right and squeeze the grid.
    """
    side = heatmap_step(n_sources) * max(n_sources, 1)
    return side + LABEL_PX + 20, side + LABEL_PX + 90
