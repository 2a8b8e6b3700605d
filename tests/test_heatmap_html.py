"""The overview's heatmap drawn as HTML (dashboard/heatmap.py, issue #11): colours, counts, escaping."""

from __future__ import annotations

import re

import pytest

from analysis.report.labels import SHARE_SCALE
from dashboard.heatmap import EMPTY_CELL, HEATMAP_TEXT_MAX, heatmap_html, heatmap_step, share_colour


def cell(a: str, b: str, agree: int, contradict: int, scope: int = 0, unclear: int = 0) -> dict:
    decided = agree + contradict
    return {"a": a, "b": b, "shared": agree + contradict + scope + unclear, "agree": agree,
            "contradict": contradict, "scope": scope, "unclear": unclear,
            "share": round(contradict / decided, 2) if decided else None}  # fmt: skip


def cells_of(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>.*?</td>", html)


@pytest.mark.parametrize(("share", "colour"), [(0.0, SHARE_SCALE[0]), (0.5, SHARE_SCALE[1]), (1.0, SHARE_SCALE[2])])
def test_the_scale_ends_and_middle_are_the_palette(share: float, colour: str) -> None:
    assert share_colour(share) == colour


def test_a_share_between_mixes_its_two_neighbours() -> None:
    low, high = SHARE_SCALE[0], SHARE_SCALE[1]
    mixed = share_colour(0.25)
    for k in (1, 3, 5):  # red, green, blue each halfway
        a, b, m = (int(c[k : k + 2], 16) for c in (low, high, mixed))
        assert min(a, b) <= m <= max(a, b) and abs(m - (a + b) / 2) <= 1


def test_nothing_decided_is_grey() -> None:
    assert share_colour(None) == EMPTY_CELL


def test_each_pair_is_a_cell_whose_title_gives_its_counts() -> None:
    html = heatmap_html(["Ledger", "Bulletin", "Wire"], [cell("Ledger", "Bulletin", 1, 3, scope=1),
                                                          cell("Bulletin", "Ledger", 1, 3, scope=1)])  # fmt: skip
    cells = cells_of(html)
    assert len(cells) == 9  # three sources by three
    shared = [c for c in cells if "title=" in c]
    assert len(shared) == 2  # Wire shares no fact: blank cells, no title
    assert "Ledger and Bulletin: 5 shared facts; agree on 1, contradict on 3, different scope 1" in shared[0]
    assert "75% contradicted" in shared[0]
    assert f"background:{share_colour(0.75)}" in shared[0]
    assert "1✓ 3✗" in shared[0]


def test_many_sources_leave_the_counts_to_the_title() -> None:
    labels = [f"Source {n}" for n in range(HEATMAP_TEXT_MAX + 1)]
    html = heatmap_html(labels, [cell(labels[0], labels[1], 2, 1)])
    assert "2✓ 1✗" not in html and "agree on 2, contradict on 1" in html


def test_a_source_name_is_shown_as_text_never_as_markup() -> None:
    hostile = "<script>alert(1)</script>"
    html = heatmap_html([hostile, "Wire"], [cell(hostile, "Wire", 0, 1)])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_thirty_sources_fit_the_overviews_column() -> None:
    assert heatmap_step(30) * 30 <= 360 and heatmap_step(2) == 48
