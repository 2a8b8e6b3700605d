"""Blame told around the act rather than as its verb's subject (issue #8): a doer in the "of" phrase
of the act ("the shooting of soldiers by troops"), a relative clause someone else reports ("who
police say fired first"), a denial that any shot was fired at a side, shots fired "from among" a
crowd, a suspect ("suspected of the bombing", "the men accused of the attack"), an armoured column,
and a verb conjoined to one that has the subject ("marched to the square and threw stones").
Sentences written for these tests; the places and people are made up."""

from __future__ import annotations

import pytest
from read_text import blame_of

from claims.initiator_patterns import CONJOINED, InitiatorPattern, conjoined_twins


def blame(text: str) -> list[tuple[str, str | None, bool]]:
    return [(a.actor, a.target, a.negated) for a in blame_of(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "by" after the "of" object of an act names who did the act, not whose the object is
        (
            "The shooting of colonial soldiers by Tarnese troops at the Oster camp shocked the colony.",
            ("Tarnese troops", "colonial soldiers", False),
        ),
        ("The massacre was the shooting of soldiers by police at the Oster barracks.", ("police", "soldiers", False)),
    ],
)
def test_by_after_the_object_of_the_act_names_its_doer(text: str, expected: tuple) -> None:
    assert expected in blame(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("His brother, who prosecutors say coordinated the bombings, is on trial in Oster.", "brother"),
        ("Two guards, who the inquiry says fired the first shots, were dismissed.", "guards"),
    ],
)
def test_a_relative_clause_someone_reports_is_on_its_noun(text: str, actor: str) -> None:
    assert actor in [a for a, _, _ in blame(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nobody fired at the soldiers before they fired: the soldiers began it
        (
            "The inquiry found no evidence that any shot was fired at the soldiers before they opened fire.",
            ("soldiers", None, False),
        ),
        ("There is no evidence that a single shot was fired at the police in Oster.", ("police", None, False)),
        ("Shots were fired from among the strikers, some of whom had kept their rifles.", ("strikers", None, False)),
    ],
)
def test_who_was_fired_at_and_who_fired_from_among(text: str, expected: tuple) -> None:
    assert expected in blame(text)


@pytest.mark.parametrize(
    "text",
    [
        "Any shot fired at the soldiers will be answered.",  # a warning, not an account
        "Shots were fired at the soldiers from the roofs.",  # the soldiers were fired on
    ],
)
def test_a_shot_at_a_side_said_without_a_denial_is_no_claim_they_began_it(text: str) -> None:
    assert ("soldiers", None, False) not in blame(text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The cleric is suspected of the bombings in Oster.", "cleric"),
        ("Police suspect the cleric of planning the bombings.", "cleric"),
        ("The cleric, accused of being the field commander of the attack, is on trial.", "cleric"),
        ("The three men accused of the bombing were arrested in Tarn.", "men"),
        ("The convoy was attacked by an armoured column near Tarn.", "armoured column"),
    ],
)
def test_suspects_and_columns_are_doers(text: str, actor: str) -> None:
    assert actor in [a for a, _, negated in blame(text) if not negated]


@pytest.mark.parametrize(
    "text",
    [
        "Police suspect a gas leak.",  # no act of violence
        "The men accused of fraud were arrested in Tarn.",
        "The families accusing the army marched to the square.",  # the accusers, not the accused
    ],
)
def test_no_suspect_without_violence(text: str) -> None:
    assert [a for a, _, _ in blame(text) if a in ("leak", "men", "families")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crowd marched to the square and threw stones at the soldiers.", ("crowd", "soldiers", False)),
        ("The militiamen surrounded the camp and set fire to the tents.", ("militiamen", None, False)),
        ("The ministry issued a statement and denied any involvement in the bombing.", ("ministry", None, True)),
    ],
)
def test_a_conjoined_verb_shares_the_subject(text: str, expected: tuple) -> None:
    assert expected[:1] + expected[2:] in [(a, n) for a, _, n in blame(text)]


def test_a_conjoined_verb_with_its_own_subject_keeps_it() -> None:
    found = blame("The soldiers waited at the gate and the strikers threw stones at them.")
    assert "strikers" in [a for a, _, _ in found]
    assert "soldiers" not in [a for a, _, _ in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every witness said that the soldiers began the shooting.", ("soldiers", False)),
        ("The union declared that the militia started the firing without warning.", ("militia", False)),
        ("The soldiers did not start the shooting, the colonel said.", ("soldiers", True)),
        ("It was the air force that first made war on open towns.", ("air force", False)),
    ],
)
def test_who_began_the_shooting_or_made_war(text: str, expected: tuple) -> None:
    found = blame_of(text)
    assert expected in [(a.actor, a.negated) for a in found]
    assert all(a.began for a in found if a.actor == expected[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armoured vehicles ran people down on the bridge at Oster.", ("armoured vehicles", "people", False)),
        ("The vehicles had deliberately run down protesters near the square.", ("vehicles", "protesters", False)),
    ],
)
def test_vehicles_that_ran_people_down(text: str, expected: tuple) -> None:
    assert expected in blame(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company ran down its stocks before the strike.",
        "The troops opened fire on the crowd.",  # an attack, not a claim of who began the fighting
    ],
)
def test_no_began_claim_from_other_runs_and_opened_fire(text: str) -> None:
    assert [a for a in blame_of(text) if a.began and a.actor in ("company", "troops")] == []


def _probe(conjoined: bool = True, doer_dep: str = "nsubj") -> InitiatorPattern:
    return InitiatorPattern.model_validate(
        {
            "id": "probe",
            "strength": "attack",
            "trigger": "verb",
            "actor": "doer",
            "conjoined": conjoined,
            "pattern": [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": ["attack"]}}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "doer", "RIGHT_ATTRS": {"DEP": doer_dep}},
            ],
        }
    )


def test_a_pattern_whose_doer_is_the_subject_gets_a_conjoined_twin() -> None:
    (twin,) = conjoined_twins(_probe())
    assert twin.id == "probe+conj"
    assert twin.pattern[0].right_attrs["DEP"] == "conj"
    doer = next(n for n in twin.pattern if n.right_id == "doer")
    assert (doer.left_id, doer.right_attrs) == (CONJOINED, {"DEP": "nsubj"})
    assert "no_subject" in twin.checks  # a conjoined verb with a subject of its own keeps it


@pytest.mark.parametrize("pattern", [_probe(conjoined=False), _probe(doer_dep="nsubjpass")])
def test_no_conjoined_twin_where_the_file_has_one_or_the_doer_is_no_subject(pattern: InitiatorPattern) -> None:
    assert conjoined_twins(pattern) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The colonel issued the order to open fire on the square.", ("colonel", False)),
        ("The colonel gave no order to open fire.", ("colonel", True)),
    ],
)
def test_the_order_to_open_fire(text: str, expected: tuple) -> None:
    assert expected in [(a, n) for a, _, n in blame(text)]


def test_an_order_to_open_the_gates_is_no_blame() -> None:
    assert blame("The colonel gave the order to open the gates.") == []


def test_a_verb_conjoined_to_an_answer_is_part_of_the_answer() -> None:
    # "fought back": the doer answered an attack; driving the intruders out is the same answer
    found = blame("Tarnese officers fought back bravely and drove the intruders out of the post at Oster.")
    assert [a for a, _, negated in found if not negated] == []
