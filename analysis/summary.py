"""Low / best / high across sources for a group of counts, in the manner of UCDP."""

from __future__ import annotations

import statistics

from analysis.models import CountSummary
from claims.models import Claim, Count


def summarise_counts(claims: list[Claim]) -> CountSummary | None:
    """low: the lowest figure any source gives; high: the highest; best: the median of point figures."""
    counts = [(c, c.value) for c in claims if isinstance(c.value, Count)]
    if not counts:
        return None
    lows: list[tuple[float, str]] = []
    highs: list[tuple[float, str]] = []
    points: list[tuple[float, str]] = []
    for claim, value in counts:
        low = value.low if value.low is not None else value.high
        high = value.high if value.high is not None else value.low
        if low is None or high is None:
            continue
        lows.append((float(low), claim.source_id))
        highs.append((float(high), claim.source_id))
        if not value.vague:
            # a point figure: the number itself, the middle of a stated range, or the one bound given
            point = (value.low + value.high) / 2 if value.low is not None and value.high is not None else low
            points.append((float(point), claim.source_id))
    if not lows:
        return None
    lo = min(v for v, _ in lows)
    hi = max(v for v, _ in highs)
    best = statistics.median_low(v for v, _ in points) if points else None  # a figure some source gave
    if best is not None:
        best = min(max(best, lo), hi)
    best_sources = sorted({s for v, s in points if best is not None and abs(v - best) <= 0.05 * max(best, 1)})
    return CountSummary(
        low=int(lo),
        best=int(round(best)) if best is not None else None,
        high=int(hi),
        low_sources=sorted({s for v, s in lows if v == lo}),
        best_sources=best_sources,
        high_sources=sorted({s for v, s in highs if v == hi}),
    )
