"""A rival figure in a clause set against the toll's own (issue #8, claims.count_rival). Sentences
written for these tests; the places are made up."""

from __future__ import annotations

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import Claim, Count
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def counts():
    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str) -> list[Claim]:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
        return [c for c in extract_from_doc(src, nlp(text), aliases) if isinstance(c.value, Count)]

    return run


def _values(claims: list[Claim]) -> list[tuple[str, int | None, int | None, str | None]]:
    return [(c.kind, c.value.low, c.value.high, c.scope) for c in claims]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some scholars put the toll at 3,000 to 4,000, while others say 9,000 to 12,000 is closer to the truth.",
         [("casualties", 3_000, 4_000, "people"), ("casualties", 9_000, 12_000, "people")]),
        ("Officials said 14 people were killed, but residents said the number was closer to 60.",
         [("casualties", 14, 14, "people"), ("casualties", 60, 60, "people")]),
        ("The army put the number of dead at 200, whereas the opposition said 2,000 was nearer the mark.",
         [("casualties", 200, 200, "people"), ("casualties", 2_000, 2_000, "people")]),
        # the second clause's figure counts something else, or a harm of its own
        ("Officials said 14 people were killed, while organisers said 5,000 people had marched.",
         [("casualties", 14, 14, "people")]),
        ("Officials said 14 people were killed, while 40 were wounded.",
         [("casualties", 14, 14, "people"), ("wounded", 40, 40, "people")]),
        ("Officials said 14 people were killed, but the march lasted 3 hours.", [("casualties", 14, 14, "people")]),
    ],
)  # fmt: skip
def test_rival_figure_of_the_toll(counts, sentence: str, expected: list):
    assert _values(counts(sentence)) == expected


def test_rival_figure_has_its_own_speaker(counts):
    """Who gives the second figure is the second clause's speaker, not the first's."""
    first, second = counts("Officials said 14 people were killed, but residents said the number was closer to 60.")
    assert (first.speaker, second.speaker) == ("Officials", "residents")
