"""Who did it, when accounts name the incident only as a whole (issue #8): "the rebels are
responsible for this crime", "the army carried out the attack", "the ministry rejected the
accusation" answer one question across accounts, whoever they name; the war's onset, an attack on
another target, and a denial that a named act happened at all are other questions."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary, align_threshold, one_incident_act, pair_score
from analysis.parties import side
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import NOBODY, Actor, Claim
from claims.sub_event import tells_incident

ALIASES = AliasTable()


def blame(cid: str, actor: str, target: str | None, quote: str, about: str, negated: bool = False) -> Claim:
    # each account's own event names: only what the claims themselves say ties them
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, about=about,
                 value=Actor(actor=actor, target=target, negated=negated),
                 terms=[w for w in quote.lower().split() if len(w) > 3], event=[f"@ev:{cid}"])  # fmt: skip


CRIME = blame("s1c1", "insurgent groups", None, "insurgent groups bear the blame for this crime", "crime")
CARRIED = blame("s2c1", "the security forces", None, "the security forces carried out the attack", "attack")
REJECTED = blame("s3c1", "the security forces", None, "the security forces rejected the accusation",
                 "accusation", negated=True)  # fmt: skip
HELD = blame("s4c1", "insurgent groups", None, "the envoy held insurgent groups responsible", "responsible")
# not the incident as a whole
INVADED = blame("s5c1", "Iraq", "Iran", "Iraq attacked Iran", "Iran")
BRIDGE = blame("s6c1", "insurgent groups", "the bridge", "insurgent groups attacked the bridge", "bridge")
DEPOT = blame("s7c1", "the security forces", "the depot", "the security forces attacked the depot", "depot")
NO_MASSACRE = blame("s8c1", NOBODY, None, "there was no massacre", "massacre", negated=True)
FIRED = blame("s9c1", "the security forces", None, "the security forces fired mortars", "mortar")
FILLER = [blame(f"s{n}c1", "Borduria", "a convoy", f"Borduria hit convoy {n}", "hit") for n in range(10, 14)]
ALL = [CRIME, CARRIED, REJECTED, HELD, INVADED, BRIDGE, DEPOT, NO_MASSACRE, FIRED, *FILLER]


@pytest.mark.parametrize(
    ("claim", "told"),
    [(CRIME, True), (CARRIED, True), (REJECTED, True), (HELD, True), (INVADED, False), (FIRED, False)],
)
def test_the_incident_named_as_a_whole_is_told(claim: Claim, told: bool):
    assert tells_incident([*claim.about.split(), *claim.quote.split()], claim.value.target) is told


@pytest.mark.parametrize(("a", "b"), [(CRIME, CARRIED), (CARRIED, HELD), (REJECTED, HELD), (CRIME, REJECTED)])
def test_accounts_of_who_did_the_incident_are_one_fact(a: Claim, b: Claim):
    voc = Vocabulary.of(ALL)
    assert one_incident_act(a, b)
    assert pair_score(a, b, voc) >= align_threshold()


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (CRIME, CARRIED, "contradict"),
        (CARRIED, REJECTED, "contradict"),
        (HELD, CRIME, "agree"),
        (REJECTED, HELD, "unclear"),
    ],  # fmt: skip
)
def test_culprits_of_the_incident_are_compared(a: Claim, b: Claim, relation: str):
    """An armed group against a state's forces, or "rejected the accusation" against "carried out
    the attack": one question, two answers; the forces' denial leaves the armed group possible."""
    voc = Vocabulary.of(ALL)
    rel = relation_of(a, b, align_threshold(), ALIASES, voc)
    assert rel.relation == relation, rel.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (CRIME, INVADED),  # the war's onset: another question
        (BRIDGE, DEPOT),  # two targets, two attacks
        (NO_MASSACRE, CARRIED),  # "there was no massacre" does not deny that an attack was made
        (CRIME, CRIME.model_copy(update={"id": "s1c2"})),  # one account: many acts
    ],
)
def test_other_questions_are_not_joined(a: Claim, b: Claim):
    assert not one_incident_act(a, b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rebel forces", "irregular"),
        ("separatist troops", "irregular"),
        ("government forces", "state"),
        ("the army", "state"),
        ("insurgent groups", "irregular"),
        ("separatist leaders", "irregular"),
        # gendarmes are a state's force; mutineers have risen against their command
        ("the gendarmes", "state"),
        ("the mutineers", "irregular"),
        # people armed, whoever they are, are an armed group; a state's force armed is still one
        ("armed villagers", "irregular"),
        ("armed settlers", "irregular"),
        ("armed police", "state"),
        ("villagers", "unsided"),
        ("protesters", "unsided"),
        # men no longer in a state's service are an armed group, not its forces
        ("former government soldiers", "irregular"),
        ("ex-soldiers", "irregular"),
        ("renegade troops", "irregular"),
        ("government soldiers", "state"),
    ],  # fmt: skip
)
def test_an_armed_groups_forces_are_not_a_states(name: str, expected: str):
    assert side(name) == expected


def test_a_share_of_the_blame_leaves_room_for_the_doer():
    """ "An inquiry found the army indirectly responsible" beside "militiamen massacred the
    refugees": a part of the responsibility is no rival answer to who did the deed."""
    share = blame("s14c1", "the army", None, "the inquiry found the army indirectly responsible", "responsible")
    deed = blame("s15c1", "militiamen", "the refugees", "militiamen massacred the refugees", "refugee")
    whole = share.model_copy(
        update={"id": "s16c1", "source_id": "s16", "quote": "the inquiry found the army responsible"}
    )
    voc = Vocabulary.of([share, deed, whole, *FILLER])
    assert relation_of(share, deed, align_threshold(), ALIASES, voc).relation == "unclear"
    assert relation_of(whole, deed, align_threshold(), ALIASES, voc).relation == "contradict"


def test_a_party_named_beside_the_actor_is_one_of_the_doers():
    """ "Bolivian and Peruvian troops stormed the mine" names both as doers: an account that blames
    Peru agrees with it, one that blames Chile does not (issue #8)."""
    both = blame("s1c1", "Bolivia", None, "Bolivian and Peruvian troops stormed the mine", "storm")
    both = both.model_copy(update={"value": Actor(actor="Bolivia", allies=["Peru"])})
    peru = blame("s2c1", "Peru", None, "Peruvian troops stormed the mine", "storm")
    chile = blame("s3c1", "Chile", None, "Chilean troops stormed the mine", "storm")
    assert relation_of(both, peru, 1.0, ALIASES).relation == "agree"
    assert relation_of(peru, both, 1.0, ALIASES).relation == "agree"
    assert relation_of(both, chile, 1.0, ALIASES).relation == "contradict"


@pytest.mark.parametrize(
    ("sentence", "actor", "allies"),
    [
        ("Bolivian and Peruvian troops stormed the mine.", "Bolivia", ["Peru"]),
        ("Bolivian or Peruvian troops stormed the mine.", "Bolivia", []),
    ],
)
def test_parties_joined_by_and_are_read_as_allies(sentence: str, actor: str, allies: list[str]):
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    src = Source(id="s1", name="s1.txt", text=sentence, sha256=text_sha256(sentence))
    (found,) = [c.value for c in extract_from_doc(src, load_nlp()(sentence), ALIASES) if isinstance(c.value, Actor)]
    assert (found.actor, found.allies) == (actor, allies)


def test_bare_blame_answers_for_the_incident_whatever_act_another_names():
    """ "Borduria blamed Ruritanian forces" names no act of its own: it is blame for the incident its
    account tells, a rival answer to "Ruritania struck the station"; blame for an act it names, or
    a denial, is left to the other rules."""
    bare = blame("s17c1", "Borduria", None, "Ruritania blamed Bordurian forces", "force")
    struck = blame("s18c1", "Ruritania", "the railway station", "Ruritanian missiles struck the railway station",
                   "station")  # fmt: skip
    for_act = blame("s19c1", "Borduria", None, "Ruritania blamed Borduria for the shelling of the bridge",
                    "shelling")  # fmt: skip
    # "Borduria was therefore responsible": the word of blame itself, naming no act
    held = blame("s23c1", "Borduria", None, "Borduria was therefore responsible", "responsible")
    voc = Vocabulary.of([bare, struck, for_act, held, *FILLER])
    assert relation_of(bare, struck, align_threshold(), ALIASES, voc).relation == "contradict"
    assert relation_of(held, struck, align_threshold(), ALIASES, voc).relation == "contradict"
    assert relation_of(for_act, struck, align_threshold(), ALIASES, voc).relation == "unclear"


def test_a_denial_that_the_killing_happened_answers_a_blame_that_names_no_act():
    """ "There was no massacre" against "the envoy blamed the security forces" (for the killings its
    sentence tells): the denial says the incident its rival blames never happened; against blame for
    an act of its own (the shelling of a bridge), it says nothing."""
    bare = blame("s20c1", "the security forces", None, "the envoy blamed the security forces", "force")
    accused = blame("s21c1", "the police", None, "the monitors accused the police", "police")
    for_act = blame("s22c1", "the security forces", "the bridge", "the security forces shelled the bridge",
                    "bridge")  # fmt: skip
    voc = Vocabulary.of([NO_MASSACRE, bare, accused, for_act, *FILLER])
    assert pair_score(NO_MASSACRE, bare, voc) >= align_threshold()
    assert pair_score(NO_MASSACRE, accused, voc) >= align_threshold()
    assert pair_score(NO_MASSACRE, for_act, voc) < align_threshold()
    assert relation_of(NO_MASSACRE, bare, align_threshold(), ALIASES, voc).relation == "contradict"


def test_blame_naming_no_act_is_answered_by_a_denial_of_the_same_party():
    """ "Borduria was most likely responsible" against "Borduria did not strike the station": one
    party said to have done it and not to have, the first naming no act of its own; the denial
    answers the blame (issue #8). Against another party's act it still speaks of perhaps another."""
    likely = blame("s17c1", "Borduria", None, "Bordurian forces were most likely responsible", "responsible")
    denied = blame("s18c1", "Borduria", "the station", "Borduria did not strike the station", "strike",
                   negated=True)  # fmt: skip
    other = blame("s19c1", "Syldavia", "the bridge", "Syldavia did not strike the bridge", "strike", negated=True)
    voc = Vocabulary.of([likely, denied, other, *FILLER])
    assert relation_of(likely, denied, 0.2, ALIASES, voc).relation == "contradict"
    assert relation_of(likely, other, 0.2, ALIASES, voc).relation == "unclear"


def test_a_denial_that_it_happened_agrees_with_a_claim_that_it_was_staged():
    """ "The attack never took place" and "the attack was staged by Borduria" both deny the act as
    told: they agree; against "Ruritanian helicopters dropped the bombs" the denial still contradicts."""
    from analysis.compare import compare_actors

    never = blame("s30c1", NOBODY, None, "the attack had not taken place", "attack", negated=True)
    staged = blame("s31c1", "Borduria", None, "the attack was staged by Borduria", "attack")
    dropped = blame("s32c1", "Ruritania", "the town", "Ruritanian helicopters dropped the bombs", "attack")
    assert compare_actors(never, staged, ALIASES)[0] == "agree"
    assert compare_actors(staged, never, ALIASES)[0] == "agree"
    assert compare_actors(never, dropped, ALIASES)[0] == "contradict"
