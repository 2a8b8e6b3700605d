"""How specific a name is in the world, not in the collection at hand (issue #8).

Accounts of one event share its place's name ("Keswin") and usually the
countries involved. Weighting shared names by how rare they are across the
collection fails where it matters most: when every account is of one event,
the event's own name is in all of them and weighs least, while each
account's passing mentions (a minister, a neighbouring country) weigh most.
How often a name is written in English at large (wordfreq's Zipf scale, a
word list shipped in the package) says instead that a town or a person is
specific and a country or "the war" is not, whatever else was collected.
"""

from __future__ import annotations

from functools import lru_cache

from claims.rules import rules


@lru_cache(maxsize=1)
def _scale() -> tuple[float, float, float]:
    prior = rules()["event_prior"]
    return prior["common_zipf"], prior["rare_zipf"], prior["floor"]


@lru_cache(maxsize=65_536)
def name_specificity(name: str) -> float:
    """1 for a name rarely written (a town, a person), down to the floor for one written everywhere
    (a large country, a common word), linear in Zipf frequency between the two bounds."""
    from wordfreq import zipf_frequency  # its word lists load on first use, never at import

    common, rare, floor = _scale()
    return min(1.0, max(floor, (common - zipf_frequency(name, "en")) / (common - rare)))
