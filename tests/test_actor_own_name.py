"""A doer's name where the tagger ran two names into one over a preposition (issue #8): "the Foreign
Ministry on Syria's shelling" names Syria as the doer, not "Foreign Ministry on Syria's"; "of" joins one
name ("the Democratic Republic of the Congo's army"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from read_text import blame_of, doers_of


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


def test_a_bracket_the_tagger_took_in_is_no_part_of_the_name() -> None:
    """ "the Front for the Liberation of Varnia (FLV)": the tagger's name ran on to the bracket that
    opens the acronym; the doer, and what the acronym stands for, end before it."""
    text = (
        "The raid was carried out by three members of the Democratic Front for the Liberation of Palestine "
        "(DFLP) who had come from Lebanon. The DFLP claimed the attack."
    )
    found = blame_of(text)
    assert found and {a.actor for a in found} == {"Democratic Front for the Liberation of Palestine"}
    assert found[-1].ties == {"DFLP": "Democratic Front for the Liberation of Palestine"}


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The court heard that the raid was carried out on Mr Papon's orders.", "Mr Papon"),
        ("He recalled al-Qaeda's bombing of the embassy in Velmor.", "al-Qaeda"),
    ],
)
def test_a_possessive_the_tagger_took_in_is_no_part_of_the_name(text: str, doer: str) -> None:
    assert doers_of(text) == [doer]
