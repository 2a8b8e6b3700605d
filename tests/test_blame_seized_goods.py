"""A seizure of goods is no attack (issue #8): "investigators seized large quantities of chemicals",
"troops captured weapons and documents" tell what was taken, not who attacked whom; a place or people
seized still is one (rules initiator.seize_verbs, seized_goods). Sentences written for these tests; the
places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    "text",
    [
        "Since 22 March investigators have seized large quantities of chemicals at the Velmor compound.",
        "Troops captured weapons and documents in the raid.",
        "Customs officers confiscated a cache of explosives at the Ostra border post.",
    ],
)
def test_goods_seized_are_no_attack(text: str) -> None:
    assert blame_of(text) == []


@pytest.mark.parametrize(
    ("text", "doer", "target"),
    [
        ("Rebels seized the Velmor airport on Sunday.", "rebels", "Velmor airport"),
        ("Gunmen seized forty hostages at the school.", "gunmen", "forty hostages"),
    ],
)
def test_a_place_or_people_seized_is_an_attack(text: str, doer: str, target: str) -> None:
    assert [(a.actor, a.target) for a in blame_of(text)] == [(doer, target)]
