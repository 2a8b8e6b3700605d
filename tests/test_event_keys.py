"""Event names by their sound (analysis/event_keys.py, issue #8)."""

from __future__ import annotations

import pytest

from analysis.event_keys import sounded


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("@ev:kwangju", "@ev:gwangju", True),  # one town, romanised two ways
        ("@ev:kandahar", "@ev:qandahar", True),
        ("@ev:orlen", "@ev:arlan", False),  # few consonants: kept as written
        ("@ev:keswin", "@ev:dessel", False),
        ("@ev:south korea", "@ev:south korea", True),  # several words: as written
        ("@ev:y1980", "@ev:y1980", True),
    ],
)
def test_event_names_alike_by_sound(a: str, b: str, same: bool):
    assert (sounded(a) == sounded(b)) is same


def test_event_names_of_several_words_stay_as_written():
    assert sounded("@ev:south korea") == "@ev:south korea"
    assert sounded("@ev:y1980") == "@ev:y1980"
