"""An armed group told by its people's name is not the state (issue #8): "Syrian rebels shelled the
town" blames rebels, not Syria; "pro-Russian separatists" are on Russia's side, not Russia. Such a
group set against the state of its people is left unclear (a proxy, or acting on its own), and
against another state it is another side."""

from __future__ import annotations

import pytest
from read_text import blame_of

from analysis.compare import compare_actors
from claims.actors import AliasTable
from claims.models import Actor, Claim

ALIASES = AliasTable()


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Syrian rebels shelled the market on Tuesday.", "Syrian rebels"),
        ("The bus was ambushed by Palestinian gunmen near the crossing.", "Palestinian gunmen"),
        ("The houses were burned by Serb paramilitaries.", "Serb paramilitaries"),
        ("Pro-Russian separatists shelled the station.", "Pro-Russian separatists"),
        ("The village was shelled by pro-government militias.", "pro-government militias"),
        # people who are no state's agents, told by their people's name, are that people, not the state
        ("The clashes began when Uzbek youths beat up two students.", "Uzbek youths"),
        ("Armenian villagers attacked the convoy.", "Armenian villagers"),
        # an adjective the parser took for a name before the noun ("Kyrgyz" is no state's own name)
        ("From 11 June, Kyrgyz mobs attacked and burned the houses.", "Kyrgyz mobs"),
        ("Kyrgyz militiamen entered the camp.", "Kyrgyz militiamen"),
        ("Kyrgyz troops fired on the crowd.", "Kyrgyzstan"),
        # a word for people that a list of actors also holds ("protesters") is that people too
        ("Uzbek protesters attacked the police station.", "Uzbek protesters"),
        # a state's own force, or a group named by its name, is still that party
        ("Israeli troops fired on the crowd.", "Israel"),
        ("Hamas militants fired rockets at the town.", "Hamas"),
        ("Azerbaijani forces shelled the village.", "Azerbaijan"),
    ],
)
def test_an_armed_group_told_by_its_people_is_no_state(sentence: str, actor: str):
    assert [a.actor for a in blame_of(sentence)] == [actor]


def _blame(cid: str, actor: str) -> Claim:
    quote = f"{actor} shelled the town"
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, value=Actor(actor=actor))  # fmt: skip


@pytest.mark.parametrize(
    ("group", "other", "relation"),
    [
        ("Syrian rebels", "Syria", "unclear"),
        ("Pro-Russian separatists", "Russia", "unclear"),
        ("Syrian rebels", "Turkey", "contradict"),
        ("anti-Russian separatists", "Russia", "contradict"),
        # people of one nation against another state or another people: two sides
        ("Uzbek youths", "Kyrgyzstan", "contradict"),
        ("Uzbek youths", "Kyrgyz mob", "contradict"),
        ("Armenian villagers", "Azerbaijani gunmen", "contradict"),
        # against the state of their own people: it may or may not have stood behind them
        ("Uzbek youths", "Uzbekistan", "unclear"),
        # two groups of one people: the same side
        ("Uzbek youths", "Uzbek men", "agree"),
        # a craft told by a people's name is for the described actors' rules, not a people
        ("Varnan torpedo boats", "United States", "unclear"),
    ],
)
def test_a_group_against_the_state_of_its_people_is_unclear(group: str, other: str, relation: str):
    """Against its own people's state unclear; against another state or people, two sides."""
    assert compare_actors(_blame("s1c1", group), _blame("s2c1", other), ALIASES)[0] == relation
    assert compare_actors(_blame("s2c1", other), _blame("s1c1", group), ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # for two sides, or for and against one: two sides, whatever the groups are called
        ("pro-Russian activists", "pro-Kyiv crowd", "contradict"),
        ("pro-government militias", "anti-government protesters", "contradict"),
        # for one side under two of its names: no dispute between them
        ("pro-Kiev crowd", "pro-Ukrainian activists", "unclear"),
    ],
)
def test_groups_for_opposite_sides_are_two_sides(a: str, b: str, relation: str):
    assert compare_actors(_blame("s1c1", a), _blame("s2c1", b), ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The officers were shot by the NKVD in the spring.", "Soviet Union"),
        ("Mossad agents killed the engineer.", "Israel"),
        ("Stasi officers beat the students.", "East Germany"),
    ],
)
def test_a_states_agencies_are_the_state(sentence: str, actor: str):
    assert [a.actor for a in blame_of(sentence)] == [actor]


@pytest.mark.parametrize(("name", "actor"), [("Isreali", "Israel"), ("Mossadeq", None), ("Azerbaidjan", "Azerbaijan")])
def test_a_misspelling_is_about_as_long_as_the_name(name: str, actor: str | None):
    """A man's name two letters longer than an agency's is not that agency misspelt."""
    assert ALIASES.resolve(name) == actor
