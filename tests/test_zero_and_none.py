"""Who a stated zero counts and who a "no" rules out (issue #8): "none of the soldiers was killed"
is none of the soldiers, not none of "None"; "no deaths among the troops" is the troops'; "none of
the 40 soldiers" names 40 at risk, not 40 dead; "no soldier of the army was responsible" denies the
army; a lower-case word the tagger took for a name ("the defence minister") still names a doer."""

from __future__ import annotations

import pytest
from read_text import blame_of, claims_of


def tolls(text: str) -> list[tuple[int | None, str | None]]:
    return [(c.value.low, c.scope) for c in claims_of(text) if c.kind == "casualties"]


def blames(text: str) -> list[tuple[str, bool]]:
    return [(a.actor, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("None of the conscripts was killed in the ambush.", "conscripts"),
        ("The ministry said that none of the Ruritanian guards had died.", "Ruritanian guards"),
        ("There were no deaths among the troops, the colonel said.", "troops"),
        ("The raid caused no deaths among the border police.", "border police"),
    ],
)
def test_a_stated_zero_counts_the_people_it_names(text: str, scope: str) -> None:
    assert tolls(text) == [(0, scope)]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("The shelling caused 14 deaths among the fishermen.", "fishermen"),
        ("Officials reported 9 casualties among Ruritanian civilians.", "Ruritanian civilians"),
    ],
)
def test_deaths_among_a_people_are_theirs(text: str, scope: str) -> None:
    assert [s for _, s in tolls(text)] == [scope]


def test_none_of_a_numbered_group_counts_no_dead_of_that_number() -> None:
    assert tolls("None of the 40 conscripts was killed.") == [(0, "conscripts")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("No soldier of the army was directly responsible for the deaths.", "army"),
        ("No member of the police was responsible for the killings.", "police"),
    ],
)
def test_no_member_of_a_force_responsible_denies_the_force(text: str, actor: str) -> None:
    found = blames(text)
    assert found and all(negated for _, negated in found), found
    assert any(actor in name for name, _ in found), found


def test_a_lower_case_word_tagged_as_a_name_still_names_the_doer() -> None:
    text = "The inquiry found that the defence minister bore personal responsibility for the killings."
    assert ("defence minister", False) in blames(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A military inquiry later cleared the paratroopers of any wrongdoing.", "paratroopers"),
        ("The gendarmes were cleared of all blame for the deaths.", "gendarmes"),
        ("The tribunal absolved the border guards of all blame.", "border guards"),
    ],
)
def test_cleared_of_wrongdoing_is_a_finding_that_they_did_not(text: str, actor: str) -> None:
    assert (actor, True) in blames(text)


def test_cleared_of_another_charge_is_no_finding_about_the_violence() -> None:
    assert blames("The journalist was cleared of charges of spying.") == []


@pytest.mark.parametrize(
    "text",
    [
        "No death toll was given by the provincial authorities.",
        "No bodies were found in the canal, the divers said.",
        "No remains of the missing students have been found.",
    ],
)
def test_a_missing_figure_or_trace_is_no_stated_zero(text: str) -> None:
    assert tolls(text) == []


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Nobody was killed on the Azerbaijani side, the ministry said.", "people [Azerbaijan]"),
        ("No one died on the Israeli side.", "people [Israel]"),
    ],
)
def test_a_stated_zero_on_one_side_is_that_sides(text: str, scope: str) -> None:
    assert tolls(text) == [(0, scope)]
