"""Who killed the incident's people (issue #8): in one incident, accounts that each name who killed
its victims answer one question, whoever they name and whatever verb they use; a killing of one
named person, or an attack on a place, is another act."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary, align_threshold, pair_score
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Actor, Claim
from claims.sub_event import tells_expulsion, tells_killing

ALIASES = AliasTable()


def blame(cid: str, actor: str, target: str | None, quote: str, about: str) -> Claim:
    # each account's own event names: only what the claims themselves say ties them
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, value=Actor(actor=actor, target=target), about=about,
                 terms=[w for w in quote.lower().split() if len(w) > 3], event=[f"@ev:{cid}"])  # fmt: skip


MILITIA = blame("s1c1", "security forces", "whole families",
                "security forces went from house to house and killed whole families", "family")  # fmt: skip
REBELS = blame("s2c1", "armed rebels", "the victims", "the victims were murdered by armed rebels", "victim")
SOLDIERS = blame("s3c1", "soldiers", "the crowd", "soldiers fired into the crowd", "fire")
PRESIDENT = blame("s4c1", "armed rebels", "the mayor", "armed rebels killed the mayor", "mayor")
SHELLED = blame("s5c1", "government forces", "the village", "government forces shelled the village", "village")
# firing that names no victims: who shot first, not who killed
UNDER_FIRE = blame("s6c1", "gunmen", None, "the patrol came under fire from gunmen", "fire")
AIMED = blame("s7c1", "troops", None, "the troops fired only aimed shots", "fire")
FILLER = [blame(f"s{n}c1", "Borduria", "a convoy", f"Borduria hit convoy {n}", "hit") for n in range(8, 12)]


@pytest.mark.parametrize(
    ("claim", "told"),
    [
        (MILITIA, True),
        (REBELS, True),
        (SOLDIERS, True),
        (PRESIDENT, False),
        (SHELLED, False),
        (UNDER_FIRE, False),
        (AIMED, False),
    ],  # fmt: skip
)
def test_a_killing_of_the_incidents_people_is_told(claim: Claim, told: bool):
    assert tells_killing([*claim.about.split(), *claim.quote.split()], claim.value.target) is told


@pytest.mark.parametrize(("a", "b"), [(MILITIA, REBELS), (REBELS, SOLDIERS), (MILITIA, SOLDIERS)])
def test_accounts_of_who_killed_the_victims_are_one_fact(a: Claim, b: Claim):
    voc = Vocabulary.of([MILITIA, REBELS, SOLDIERS, PRESIDENT, SHELLED, *FILLER])
    assert pair_score(a, b, voc) >= align_threshold()


@pytest.mark.parametrize(("a", "b"), [(MILITIA, REBELS), (REBELS, SOLDIERS)])
def test_a_states_forces_and_rebels_named_as_the_killers_contradict(a: Claim, b: Claim):
    voc = Vocabulary.of([MILITIA, REBELS, SOLDIERS, PRESIDENT, SHELLED, *FILLER])
    assert relation_of(a, b, 0.4, ALIASES, voc).relation == "contradict"


@pytest.mark.parametrize("other", [PRESIDENT, SHELLED])
def test_a_named_persons_killing_or_a_shelled_place_is_another_act(other: Claim):
    voc = Vocabulary.of([MILITIA, REBELS, SOLDIERS, PRESIDENT, SHELLED, *FILLER])
    assert pair_score(MILITIA, other, voc) < align_threshold()


def test_one_accounts_two_killings_are_not_joined_by_it():
    """One source blames for many acts: only across accounts do two killings answer one question."""
    again = MILITIA.model_copy(update={"id": "s2c2", "source_id": "s2"})
    same = again.model_copy(update={"id": "s1c2", "source_id": "s1", "value": REBELS.value})
    voc = Vocabulary.of([MILITIA, again, same, *FILLER])
    assert pair_score(MILITIA, same, voc) < pair_score(MILITIA, again, voc)


EXPELLED = blame("s1c2", "the militia", "the villagers", "the militia expelled some 9,000 villagers", "villager")
URGED = blame("s2c2", "leaders", "villagers", "villagers, urged by their leaders to leave", "leave")


def test_accounts_of_who_made_the_people_leave_are_one_fact():
    """ "the militia expelled 9,000 villagers" / "urged by their leaders to leave": who made them
    leave, one question; neither is about who killed anyone."""
    assert tells_expulsion(EXPELLED.quote.split()) and tells_expulsion(URGED.quote.split())
    assert not tells_expulsion(SHELLED.quote.split())
    voc = Vocabulary.of([EXPELLED, URGED, SHELLED, *FILLER])
    assert pair_score(EXPELLED, URGED, voc) >= align_threshold()
    assert pair_score(URGED, SHELLED, voc) < align_threshold()


@pytest.mark.parametrize(
    ("quote", "series"),
    [
        ("Hamas has fired more than 1,000 rockets at towns", True),
        ("the army has carried out hundreds of strikes", True),
        ("the navy fired two shells at the beach", False),
        ("the militia has denied the attack", False),
    ],
)
def test_a_running_series_of_acts_is_told_apart(quote: str, series: bool):
    from claims.sub_event import series_of_acts

    assert series_of_acts(quote) is series


def test_a_running_series_is_no_rival_account_of_one_act():
    """ "Hamas has fired more than 1,000 rockets at Israel" beside "Israeli forces fired on the beach,
    killing four boys": background to the incident, not a rival answer to who fired on the beach."""
    series = blame("s1c3", "Hamas", "Israel", "Hamas has fired more than 1,000 rockets at Israel", "rocket")
    strike = blame("s2c3", "Israel", "the beach", "Israeli forces fired on the beach", "fire")
    voc = Vocabulary.of([series, strike, *FILLER])
    assert relation_of(series, strike, 0.6, ALIASES, voc).relation != "contradict"
    once = series.model_copy(update={"quote": "Hamas fired more than 1,000 rockets at Israel", "id": "s1c4"})
    assert pair_score(series, strike, voc) < pair_score(once, strike, voc)
