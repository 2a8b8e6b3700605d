"""Accounts that say it was an accident (issue #8): "officials blamed a technical failure", "engine
failure caused the crash", "the explosion was an accident". No one did it, so they contradict an
account of who brought the craft down, and agree with each other. Sentences written for these tests;
the places are made up."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary, align_threshold, pair_score
from analysis.compare import compare
from claims.actors import AliasTable
from claims.models import ACCIDENT, Actor, Claim

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Officials at first blamed a technical problem for the crash.", None),
        ("The embassy said engine failure had caused the crash of the airliner.", "airliner"),
        ("The probable cause is a technical failure, the aviation authority said.", None),
        ("Officials insisted that the aircraft had crashed because of a technical failure.", "aircraft"),
        ("The admiralty said the explosion that sank the frigate was an accident.", "frigate"),
        ("The sinking of the ferry was the result of an accidental explosion, the navy said.", "ferry"),
        ("The plane came down due to a mechanical fault, the ministry said.", "plane"),
        # "by accident", "was accidental"
        ("The fire that destroyed the camp broke out by accident, the commander said.", None),
        ("The army maintained that the explosion on the ferry was accidental.", "ferry"),
    ],
)
def test_an_account_that_it_was_an_accident(initiator_values, text: str, target: str | None) -> None:
    (value,) = initiator_values(text)
    assert isinstance(value, Actor) and value.actor == ACCIDENT and not value.negated
    assert value.target == target


@pytest.mark.parametrize(
    "text",
    [
        "Investigators ruled out a technical failure.",  # denied: no accident
        "The crash was no accident, the prosecutor said.",
        "The crash was not an accident.",
        "The airline had reported a technical problem with the engine a week before.",  # mentioned, no cause
        "A mechanical failure delayed the convoy by a day.",
        # a ship that sank is what befell it, not who sank it
        "The corvette sank near the island in the night.",
        "The blast was not accidental, the prosecutor said.",
        "The ferry was hit by an accident of the weather.",
    ],
)
def test_no_accident_claim_where_none_is_told(initiator_values, text: str) -> None:
    assert initiator_values(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a craft sunk by a weapon names who fired it; a force that crossed into a state attacked it
        ("The frigate was sunk by a Bordurian torpedo.", [("Bordurian", "frigate")]),
        ("The war began when Bordurian forces crossed into Syldavia.", [("Bordurian forces", "Syldavia")]),
        # a chemical agent dropped on a town is an attack on it
        ("Army helicopters dropped chlorine on the town of Osk.", [("Army", "town")]),
        ("Army helicopters dropped two cylinders of chlorine gas on the town of Osk.", [("Army", "town")]),
    ],
)
def test_sinking_crossing_and_chemicals_are_attacks(initiator_values, text: str, found: list) -> None:
    assert [(v.actor, v.target) for v in initiator_values(text)] == found


def _blame(cid: str, actor: str, quote: str, about: str, target: str | None = None, negated: bool = False) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".", start=0,
                 end=len(quote), sentence_start=0, value=Actor(actor=actor, target=target, negated=negated),
                 about=about, event=[f"@ev:{cid}"])  # fmt: skip


def test_compare_and_align_an_accident_with_who_did_it() -> None:
    accident = _blame("s1c1", ACCIDENT, "a technical failure had caused the crash", "failure")
    downed = _blame("s2c1", "Borduria", "the airliner was shot down by a Bordurian missile", "shoot", "airliner")
    also = _blame("s3c1", ACCIDENT, "the airliner crashed because of engine failure", "failure", "airliner")
    denied = _blame("s4c1", "Borduria", "Borduria did not shoot down the airliner", "shoot", "airliner", True)
    shelled = _blame("s5c1", "Borduria", "Bordurian artillery shelled the port of Osk", "shell", "port")
    fillers = [_blame(f"s{n}c1", "Osk", f"Osk hit convoy {n}", "hit") for n in range(6, 10)]
    voc = Vocabulary.of([accident, downed, also, denied, shelled, *fillers])
    assert pair_score(accident, downed, voc) >= align_threshold()
    assert pair_score(also, downed, voc) >= align_threshold()
    assert pair_score(accident, shelled, voc) < align_threshold()  # what was shelled is no craft
    aliases = AliasTable()
    assert compare(accident, downed, aliases)[0] == "contradict"
    assert compare(accident, also, aliases)[0] == "agree"
    assert compare(accident, denied, aliases)[0] == "unclear"  # not Borduria: no rival of an accident
