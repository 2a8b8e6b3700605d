"""The same claims give the same scores in every process (issue #11 found a tie at the
threshold going either way): alignment's sums must not follow Python's string hashing."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from analysis.align import Vocabulary, _weighted_overlap
from claims.models import Claim, Count
words = [f"word{i}x" for i in range(40)]
def claim(cid, terms):
    return Claim(id=cid, source_id=cid[:2], kind="casualties", quote="1", sentence="1.", start=0, end=1,
                 sentence_start=0, value=Count(low=1, high=1), terms=terms)
a, b = claim("s1c1", words), claim("s2c1", words[::-1])
others = [claim(f"s{i}c9", words[: i % 40]) for i in range(3, 60)]
voc = Vocabulary.of([a, b, *others])
print(repr(_weighted_overlap(a, b, voc)))
"""


def test_pair_scores_do_not_depend_on_the_hash_seed() -> None:
    found = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            env={"PYTHONHASHSEED": str(seed), "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout  # fmt: skip
        for seed in range(6)
    }
    assert len(found) == 1, found
