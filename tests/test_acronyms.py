"""Acronyms an account defines name what their full names name (claims.acronyms, issue #8)."""

from __future__ import annotations

import pytest

from analysis.ties import ties_of
from claims.acronyms import defined_acronyms
from claims.models import Claim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops of the Ruritanian Defence Force (RDF) crossed the river.", {"RDF": "Ruritanian Defence Force"}),
        # the shortest ending whose capitals spell it: not "Troops of the ..."
        ("An attack by the Kestrian Liberation Army (KLA) followed.", {"KLA": "Kestrian Liberation Army"}),
        (
            "the Popular Front for the Liberation of Dessel (PFLD) said",
            {"PFLD": "Popular Front for the Liberation of Dessel"},
        ),
        # a name translated from a language that orders its words otherwise: its initials reordered
        ("the Dessel federation of the Popular Liberation Front (FPL) said", {"FPL": "Popular Liberation Front"}),
        ("the Revolutionary Armed Forces of Dessel (FARD) said", {"FARD": "Revolutionary Armed Forces of Dessel"}),
        # letters that are not the name's initials, a year, one letter: no definition
        ("as the Dessel Herald (AFP) reported", {}),
        ("as the Dessel Herald (HD) reported", {}),  # two letters reordered: chance
        ("the Varna Accord (1994) ended it", {}),
        ("the Varna Group (V) met", {}),
    ],
)
def test_an_acronym_is_defined_by_the_name_whose_initials_it_spells(text: str, expected: dict[str, str]):
    found = {acronym: text[a:b] for acronym, (a, b) in defined_acronyms(text).items()}
    assert found == expected


def test_a_defined_acronym_names_its_full_names_party(initiator_values):
    """ "The MDF shelled the town": the Moldovan Defence Force, so Moldova."""
    text = "The Moldovan Defence Force (MDF) moved north on Monday. The MDF shelled the town of Dessel."
    values = initiator_values(text)
    assert [(v.actor, v.negated) for v in values] == [("Moldova", False)]
    assert values[0].ties == {"MDF": "Moldova"}


def test_an_undefined_acronym_stays_itself(initiator_values):
    assert [v.actor for v in initiator_values("The MDF shelled the town of Dessel.")] == ["MDF"]


def test_the_acronyms_tie_reaches_an_account_that_only_writes_the_acronym(initiator_values):
    """One account defines it; another's bare "RDF" is then the same party for the analysis."""
    [defined] = initiator_values("The Moldovan Defence Force (MDF) shelled the town of Dessel.")
    claim = Claim(id="s2c1", source_id="s2", kind="initiator", quote="q", sentence="q.", start=0, end=1,
                  sentence_start=0, value=defined)  # fmt: skip
    assert ties_of([claim]).get("MDF") == "Moldova"


def test_a_translated_acronym_ties_another_accounts_bare_acronym(initiator_values):
    """ "the Popular Liberation Front (FPL)" in one account and "FPL" in another: one party."""
    [defined] = initiator_values("The Popular Liberation Front (FPL) attacked police posts in Dessel.")
    claim = Claim(id="s2c1", source_id="s2", kind="initiator", quote="q", sentence="q.", start=0, end=1,
                  sentence_start=0, value=defined)  # fmt: skip
    assert ties_of([claim]).get("FPL") == defined.actor
