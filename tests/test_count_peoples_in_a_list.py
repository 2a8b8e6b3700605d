"""A people's name in a list of the dead counts persons (issue #8): "killed 202 people, including 88
Australians, 38 Indonesians and 23 Britons" gives the Britons' count too, though the tagger leaves
"Britons" untagged in a list; the country table's words for peoples say so. Sentences written for these
tests; the figures are made up."""

from __future__ import annotations

import pytest
from read_text import tolls_of


@pytest.mark.parametrize(
    ("text", "figure", "people"),
    [
        ("The bombing in Ostra killed 61 people, including 20 Germans, 12 Swedes and 7 Britons.", 7, "Britons"),
        ("The blast in Varn killed 15 Germans, 6 Britons and 4 Swedes.", 6, "Britons"),
        ("The blast in Varn killed 15 Germans, 6 Britons and 4 Swedes.", 4, "Swedes"),
    ],
)
def test_a_peoples_name_in_a_list_of_the_dead_is_counted(text: str, figure: int, people: str) -> None:
    assert any(low == figure and people in scope for low, scope in tolls_of(text))


def test_a_list_of_things_is_no_count() -> None:
    assert tolls_of("The storm in Varn brought down 30 poles and 12 trees.") == []
