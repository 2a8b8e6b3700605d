"""A doer's name where the tagger ran two names into one over a preposition (issue #8): "the Foreign
Ministry on Syria's shelling" names Syria as the doer, not "Foreign Ministry on Syria's"; "of" joins one
name ("the Democratic Republic of the Congo's army"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from read_text import doers_of


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Briefing by the Foreign Ministry on Syria's shelling of the border town", "Syria"),
        (
            "Statement by the Ministry of National Defense on North Korea's artillery attack on the island",
            "North Korea",
        ),
        # "of" inside a name is part of it
        ("The Democratic Republic of Congo's army attacked the town.", "Democratic Republic of the Congo"),
    ],
)
def test_the_doer_is_the_name_after_the_preposition(text: str, doer: str) -> None:
    assert doers_of(text) == [doer]
