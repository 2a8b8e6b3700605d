"""A doer raised out of the act's clause (issue #8): "X is believed to have carried out the attack", "X
appears to have fired first", "X is suspected of carrying out the bombing". Every initiator pattern whose
doer is its act's subject has twins that read the subject of a raising (or control) verb above the act
(claims.initiator_patterns.raised_twins). Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest

from claims.initiator_patterns import RAISER, InitiatorPattern, patterns, raised_twins


def _pattern(doer_dep: str, anchor_attrs: dict | None = None) -> InitiatorPattern:
    return InitiatorPattern.model_validate(
        {
            "id": "probe",
            "strength": "attack",
            "trigger": "verb",
            "actor": "doer",
            "pattern": [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": anchor_attrs or {"LEMMA": {"IN": ["attack"]}}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "doer", "RIGHT_ATTRS": {"DEP": doer_dep}},
            ],
        }
    )


def test_a_pattern_whose_doer_is_the_acts_subject_gets_raised_twins() -> None:
    twins = raised_twins(_pattern("nsubj"))
    assert [t.id for t in twins] == [
        "probe+raised",
        "probe+seeming",
        "probe+suspected",
        "probe+controlled",
        "probe+forced",
    ]
    raised = twins[0]
    doer = next(n for n in raised.pattern if n.right_id == "doer")
    assert (doer.left_id, doer.right_attrs["DEP"]) == (RAISER, "nsubjpass")
    assert raised.pattern[0].right_attrs["DEP"] == "xcomp"
    assert RAISER in raised.negation  # "X is not believed to have fired" denies it


@pytest.mark.parametrize(
    "pattern",
    [
        _pattern("nsubjpass"),  # the doer is no subject of the act: "attacked by X" has its own patterns
        _pattern("nsubj", {"LEMMA": {"IN": ["attack"]}, "DEP": "ROOT"}),  # the anchor's place is fixed
    ],
)
def test_other_patterns_get_no_twins(pattern: InitiatorPattern) -> None:
    assert raised_twins(pattern) == []


def test_the_twins_are_among_the_patterns_the_matcher_runs() -> None:
    ids = {p.id for p in patterns().patterns}
    assert {"attack-active+raised", "attack-active+suspected"} <= ids


@pytest.fixture(scope="module")
def blame(initiator_values):
    return initiator_values  # tests/conftest.py


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor", "negated"),
    [
        ("The Varna militia is widely believed to have carried out the attack.", "Varna militia", False),
        ("The militia is thought to have fired the first shots at the checkpoint.", "militia", False),
        ("Soldiers of the garrison are alleged to have killed the villagers.", "soldiers", False),
        ("The Red Hand militia is suspected of carrying out the bombing.", "Red Hand militia", False),
        ("The army appears to have fired first.", "army", False),
        ("The rebels are not believed to have fired the shell.", "rebels", True),
        # a control verb that says the act was done: its subject did it (rules initiator.control_*)
        ("The guards decided to open fire on the marchers.", "guards", False),
        ("The militia went on to shell the market.", "militia", False),
        ("The police were forced to open fire.", "police", False),
    ],
)
def test_a_raised_doer_is_read(blame, text: str, actor: str, negated: bool) -> None:
    (value,) = blame(text)
    assert (value.actor, value.negated) == (actor, negated)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The rebels are expected to attack the town.",  # what is to come is no claim of what was done
        "The militia threatened to shell the market.",
        "The army is said to have been ready for weeks.",
        # another was to do it; it was not done
        "The guards were ordered to open fire on the marchers.",
        "The guards refused to open fire on the marchers.",
    ],
)
def test_what_is_to_come_or_no_act_is_no_claim(blame, text: str) -> None:
    assert blame(text) == []
