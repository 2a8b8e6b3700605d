"""Those who attack are not those driven out (issue #8): "there were between 10 and 15 attackers ...
and more than 1,000 people had been evacuated" counts 1,000 evacuated, not the attackers; a count
linker that tied the attackers to "evacuated" misread the sentence. The attackers can still be
counted among the dead. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest
from read_text import claims_of


def _counts(text: str) -> list[tuple[str, int | None, str | None]]:
    return [(c.kind, c.value.low, c.scope) for c in claims_of(text) if c.kind in ("displaced", "casualties")]


def test_attackers_are_no_count_of_the_displaced() -> None:
    text = (
        "The minister said there were between 10 and 15 attackers, who had been cornered in one wing of "
        "the Velmor mall, and that more than 1,000 people had been evacuated."
    )
    assert [(k, n) for k, n, _ in _counts(text)] == [("displaced", 1000)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Some 2,000 residents were evacuated.", ("displaced", 2000, "residents")),
        ("Five gunmen were killed in the raid on Velmor.", ("casualties", 5, "gunmen")),
    ],
)
def test_other_counts_stand(text: str, count: tuple[str, int, str]) -> None:
    assert _counts(text) == [count]
