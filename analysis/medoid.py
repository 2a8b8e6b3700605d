"""The member of a group whose words the others share most, in linear time (issue #11).

topic_of names a fact after its medoid: the claim whose words overlap most
with every other member's. Summing the overlaps pair by pair is quadratic, a
million set intersections for a fact told by a thousand copies of one story;
counting in how many members each word occurs gives the same sums.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from claims.models import Claim


def medoid(claims: Sequence[Claim], words: Callable[[Claim], set[str]]) -> Claim:
    """What max(claims, key=lambda c: (sum(len(words(c) & words(o)) for o in claims if o is not c),
    -len(c.about))) gives: a word of c held by k members (c itself m times) is shared with k - m others."""
    sets = [words(c) for c in claims]
    held = Counter(w for found in sets for w in found)
    times = Counter(id(c) for c in claims)

    def key(n: int) -> tuple[int, int]:
        c = claims[n]
        return sum(held[w] - times[id(c)] for w in sets[n]), -len(c.about)

    return claims[max(range(len(claims)), key=key)]
