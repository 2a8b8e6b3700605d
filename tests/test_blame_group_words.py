"""A doer told by a group word (issue #8): "the Paris federation of the Front", "the armed wing of the
movement" is the organisation it belongs to, not the country an adjective names; "cult members" and
"the pro-government group" are doers as written, though no table names them. Sentences written for
these tests; the places and groups are made up."""

from __future__ import annotations

import pytest
from read_text import doers_of


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "In 1961 the French federation of the Varn Liberation Front (VLF) waged a campaign of attacks on police.",
            "VLF",
        ),
        ("The armed wing of the Varn Liberation Front (VLF) fired rockets at Ostra.", "VLF"),
        ("A faction of the Varn Liberation Front (VLF) attacked the convoy.", "VLF"),
    ],
)
def test_a_branch_of_an_organisation_is_the_organisation(text: str, group: str) -> None:
    found = doers_of(text)
    assert found and all(group in a or "Varn Liberation Front" in a for a in found)
    assert "France" not in found


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Cult members attacked the Ostra subway.", "cult members"),
        ("Party members attacked the Varn police station.", "party members"),
    ],
)
def test_members_of_a_band_no_table_names_are_doers_as_written(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The pro-government group had attacked the march in Varn.", "pro-government group"),
        ("An Islamist movement claimed the bombing in Ostra.", "Islamist movement"),
    ],
)
def test_a_group_named_by_what_it_is_is_a_doer_as_written(text: str, actor: str) -> None:
    assert actor in doers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The group attacked the police in Varn.",
        "Put simply, no other group could have carried out this attack.",
        "A second group attacked the police in Varn.",
    ],
)
def test_some_group_or_other_names_no_doer(text: str) -> None:
    assert doers_of(text) == []
