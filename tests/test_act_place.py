"""Acts on the incident's own place (analysis/act_place.py, issue #8)."""

from __future__ import annotations

import pytest

from analysis.act_place import acted_on_place, same_place_acted_on
from analysis.align import Vocabulary
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Actor, Claim


def _blame(cid: str, actor: str, target: str | None, places: list[str], event: list[str]) -> Claim:
    return Claim(id=cid, source_id=cid[:2], kind="initiator", quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=Actor(actor=actor, target=target), places=places,
                 event=[f"@ev:{e}" for e in event])  # fmt: skip


@pytest.mark.parametrize(
    ("target", "places", "event", "place"),
    [
        ("Tarvik", ["tarvik", "norland"], ["tarvik"], "tarvik"),  # the place by name
        ("the town", ["tarvik"], ["tarvik"], "tarvik"),  # a settlement noun stands for it
        ("Tarvik", ["norland"], ["norland", "tarvik"], "tarvik"),  # named in the event only (a dateline)
        ("the hospital", ["tarvik"], ["tarvik"], None),  # a building is no place the account is about
        ("civilians", ["tarvik"], ["tarvik"], None),
        ("Russia", ["russia"], ["russia"], None),  # a state is a party, not the incident's place
        (None, ["tarvik"], ["tarvik"], None),
    ],
)
def test_act_place_of_a_blame_claim(target, places, event, place):
    assert acted_on_place(_blame("s1c1", "Norland", target, places, event)) == place


def test_act_place_two_culprits_for_acts_on_one_place_answer_one_question():
    """ "Norland's jets bombed Tarvik" / "it was Kestrian forces who struck the town": one act."""
    bombed = _blame("s1c1", "Norland", "Tarvik", ["tarvik"], ["tarvik"])
    struck = _blame("s2c1", "Kestria", "the town", ["tarvik", "norland"], ["tarvik"])
    elsewhere = _blame("s3c1", "Kestria", "the town", ["orlen"], ["orlen"])
    assert same_place_acted_on(bombed, struck)
    assert not same_place_acted_on(bombed, elsewhere)


def test_relation_two_culprits_for_the_incident_place_contradict():
    """With no shared words, two culprits named for acts on the incident's own place are a dispute;
    named for acts on two different things, they may be two acts."""
    bombed = _blame("s1c1", "Iraq", "Tarvik", ["tarvik"], ["tarvik"])
    struck = _blame("s2c1", "Iran", "the town", ["tarvik"], ["tarvik"])
    convoy = _blame("s3c1", "Iran", "the convoy", ["tarvik"], ["tarvik"])
    voc = Vocabulary.of([bombed, struck, convoy])
    assert relation_of(bombed, struck, 0.5, AliasTable(), voc).relation == "contradict"
    assert relation_of(bombed, convoy, 0.5, AliasTable(), voc).relation == "unclear"
