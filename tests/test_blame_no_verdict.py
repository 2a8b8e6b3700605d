"""No verdict is no denial (issue #8): "no soldier was convicted of the killings", "the guards were never
prosecuted for the shooting" say a court or prosecutor did not act, not that the soldiers did not kill;
read as denials they contradicted every account that they did. A conviction or charge is still who a
court holds did it, and an acquittal is still a finding that they did not. Sentences written for these
tests; the people and places are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of


@pytest.mark.parametrize(
    "text",
    [
        "No soldier was ever convicted of the killings in Velmor.",
        "No guard was convicted of a killing at the Ostra checkpoint.",
        "The paratroopers were never prosecuted for the massacre at Velmor.",
        "Prosecutors never charged the guards with the shooting in Ostra.",
    ],
)
def test_no_conviction_or_charge_is_no_blame_claim(text: str) -> None:
    assert blame_of(text) == []


@pytest.mark.parametrize(
    ("text", "doer", "denied"),
    [
        ("Two officers were convicted of the murders in Velmor.", "officers", False),
        ("Prosecutors charged the guards with the shooting in Ostra.", "guards", False),
        ("The sergeant was acquitted of murder.", "sergeant", True),
    ],
)
def test_a_verdict_or_charge_still_names_who(text: str, doer: str, denied: bool) -> None:
    assert [(a.actor, a.negated) for a in blame_of(text)] == [(doer, denied)]
