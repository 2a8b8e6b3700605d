"""Who began an incident's bloodshed, against who fired on or killed its people (issue #8): "the
militants had started the violence" and "soldiers fired into the crowd" answer one question across
accounts, who is to blame for it; a war's onset, an attack on a thing, and one account's own two
statements do not."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary, align_threshold, pair_score, violence_begun_and_done
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Actor, Claim
from claims.sub_event import tells_unrest_onset

ALIASES = AliasTable()


def blame(cid: str, actor: str, target: str | None, quote: str, about: str) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, about=about, value=Actor(actor=actor, target=target),
                 terms=[w for w in quote.lower().split() if len(w) > 3], event=[f"@ev:{cid}"])  # fmt: skip


BEGAN = blame("s1c1", "militants", None, "the militants had started the violence", "violence")
BLAMED = blame("s2c1", "agitators", None, "the governor blamed agitators for the unrest", "unrest")
FIRED = blame("s3c1", "soldiers", "the crowd", "soldiers fired into the crowd", "fire")
KILLED = blame("s4c1", "the police", "the protesters", "the police killed the protesters", "protester")
WAR = blame("s5c1", "Borduria", None, "Borduria started the war", "war")
DEPOT = blame("s6c1", "the army", "the depot", "the army shelled the depot", "depot")
FILLER = [blame(f"s{n}c1", "Syldavia", "a convoy", f"Syldavia hit convoy {n}", "hit") for n in range(10, 14)]
ALL = [BEGAN, BLAMED, FIRED, KILLED, WAR, DEPOT, *FILLER]


@pytest.mark.parametrize(("claim", "told"), [(BEGAN, True), (BLAMED, True), (FIRED, False), (WAR, False)])
def test_who_began_the_incidents_own_violence_is_told(claim: Claim, told: bool):
    assert tells_unrest_onset([*claim.about.split(), *claim.quote.split()]) is told


@pytest.mark.parametrize(("a", "b"), [(BEGAN, FIRED), (KILLED, BEGAN), (BLAMED, FIRED)])
def test_the_beginning_and_the_shooting_are_one_question(a: Claim, b: Claim):
    voc = Vocabulary.of(ALL)
    assert violence_begun_and_done(a, b)
    assert pair_score(a, b, voc) >= align_threshold()
    rel = relation_of(a, b, align_threshold(), ALIASES, voc)
    assert rel.relation == "contradict", rel.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (WAR, FIRED),  # the war's onset: another question
        (BEGAN, DEPOT),  # a thing shelled: no one's bloodshed told
        (BEGAN, FIRED.model_copy(update={"id": "s1c2", "source_id": "s1"})),  # one account: two statements
    ],
)
def test_other_questions_are_not_joined(a: Claim, b: Claim):
    assert not violence_begun_and_done(a, b)
