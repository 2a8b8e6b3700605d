"""Unnamed state forces in a fact whose accounts name one state only (issue #8): "the storming was
initiated by Iraq", "soldiers provoked the battle", "federal forces planned it" blame the same side,
while with two states named the soldiers may be either's. Made-up town; real states, since the
actor table knows only real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.compare import NO_STATE, compare_actors
from analysis.relate import sole_state
from claims.actors import AliasTable
from claims.models import Actor, Claim
from sources.models import Source, text_sha256
from workspace.incremental import realign
from workspace.pipeline import analyse_claims, claim_terms
from workspace.store import Workspace

ALIASES = AliasTable()
PIPELINE = "test-1"


def blame(cid: str, actor: str, target: str | None = None) -> Claim:
    quote = f"{actor} provoked the storming of the school"
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".", start=0,
                 end=len(quote), sentence_start=0, value=Actor(actor=actor, target=target), about="storming",
                 terms=["school", "siege", "storming", "provoke"], event=["@ev:keswin"])  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "sole", "relation"),
    [
        ("Iraq", "soldiers", "Iraq", "agree"),
        ("Iraq", "soldiers", None, "unclear"),
        ("federal forces", "soldiers", "Iraq", "agree"),
        ("federal forces", "soldiers", None, "unclear"),
        ("Kuwait", "soldiers", "Iraq", "unclear"),  # not the one state: whose soldiers is still open
        ("militants", "soldiers", "Iraq", "contradict"),  # a state's forces and an armed group
        # a fact that names no state: its unnamed state forces are one state's; with two named, either's
        ("federal forces", "soldiers", NO_STATE, "agree"),
    ],
)
def test_compare_unnamed_forces_are_the_one_named_states(a: str, b: str, sole: str | None, relation: str):
    assert compare_actors(blame("s1c1", a), blame("s2c1", b), ALIASES, sole)[0] == relation


@pytest.mark.parametrize(
    ("denied", "did", "sole", "relation"),
    [
        # "Iraq denies it" against "government forces did it": the one state's forces, denied
        ("Iraq", "government forces", "Iraq", "contradict"),
        ("government forces", "Iraq", "Iraq", "contradict"),
        ("Iraq", "government forces", None, "unclear"),
        ("Iraq", "militants", "Iraq", "unclear"),  # ruling the state out leaves the armed group
        # "the troops did not fire" / "soldiers opened fire": no state named, one state's forces
        ("troops", "soldiers", NO_STATE, "contradict"),
        ("police", "security forces", NO_STATE, "contradict"),
        ("troops", "soldiers", None, "unclear"),  # two states named: whose troops is open
        ("troops", "militants", NO_STATE, "unclear"),  # ruling the forces out leaves the armed group
    ],
)
def test_compare_a_denial_of_the_one_state_against_its_unnamed_forces(denied: str, did: str, sole: str | None,
                                                                      relation: str):  # fmt: skip
    no = blame("s1c1", denied).model_copy(update={"value": Actor(actor=denied, negated=True)})
    assert compare_actors(no, blame("s2c1", did), ALIASES, sole)[0] == relation
    assert compare_actors(blame("s2c1", did), no, ALIASES, sole)[0] == relation


def test_relation_a_sweeping_denial_by_the_one_state_answers_its_forces():
    """ "The government categorically denies any responsibility of its forces" against "government
    forces shelled the village": one dispute, whatever act each names."""
    from analysis.align import Vocabulary
    from analysis.relate import relation_of

    denial = "The Iraqi government denies any responsibility for the massacre"
    no = Claim(id="s1c1", source_id="s1", kind="initiator", quote=denial, sentence=denial + ".", start=0,
               end=len(denial), sentence_start=0, value=Actor(actor="Iraq", negated=True), about="responsibility",
               terms=["government", "responsibility", "massacre"], event=["@ev:keswin"])  # fmt: skip
    shelled = "Government forces shelled the village in the afternoon"
    did = Claim(id="s2c1", source_id="s2", kind="initiator", quote=shelled, sentence=shelled + ".", start=0,
                end=len(shelled), sentence_start=0, value=Actor(actor="government forces", target="village"),
                about="shell", terms=["village", "afternoon", "shell"], event=["@ev:keswin"])  # fmt: skip
    others = [blame(f"s{n}c1", "militants") for n in range(3, 7)]
    voc = Vocabulary.of([no, did, *others])
    assert relation_of(no, did, 0.3, ALIASES, voc, "Iraq").relation == "contradict"
    assert relation_of(no, did, 0.3, ALIASES, voc, None).relation == "unclear"


def test_sole_state_is_the_one_state_named_as_culprit_or_struck():
    assert sole_state([blame("s1c1", "Iraq"), blame("s2c1", "soldiers")], ALIASES) == "Iraq"
    assert sole_state([blame("s1c1", "soldiers", "Iraq"), blame("s2c1", "militants")], ALIASES) == "Iraq"
    assert sole_state([blame("s1c1", "Iraq"), blame("s2c1", "soldiers", "Kuwait")], ALIASES) is None
    # no state named at all: not None (two states), the fact's unnamed state forces are one state's
    assert sole_state([blame("s1c1", "militants"), blame("s2c1", "soldiers")], ALIASES) == NO_STATE


def _verdicts(claims: list[Claim]) -> dict[frozenset[str], str]:
    groups, relations = analyse_claims(claims, ALIASES)
    assert len([g for g in groups if g.kind == "initiator"]) == 1
    return {frozenset((r.claim_a, r.claim_b)): r.relation for r in relations}


def test_analysis_reads_unnamed_forces_by_the_states_the_fact_names():
    one_state = [blame("s1c1", "Iraq"), blame("s2c1", "soldiers"), blame("s3c1", "federal forces")]
    assert set(_verdicts(one_state).values()) == {"agree"}
    two_states = [*one_state, blame("s4c1", "militants", "Kuwait")]
    verdicts = _verdicts(two_states)
    assert verdicts[frozenset(("s1c1", "s2c1"))] == "unclear"


def _add(ws: Workspace, name: str, claims_of) -> None:  # noqa: ANN001 - source id -> claims
    text = f"The account {name}."
    sid = ws.add_source(Source(id="new", name=name, text=text, sha256=text_sha256(text))).source_id
    ws.replace_claims(sid, claims_of(sid), PIPELINE, terms=claim_terms(claims_of(sid)))


def test_incremental_compares_again_when_a_new_account_names_another_state(tmp_path: Path):
    """The workspace keeps old pairs' verdicts; a new account that names a second state changes
    whose forces the unnamed ones are, so the fact is compared again, as a full analysis does."""
    with Workspace(tmp_path / "ws.db") as ws:
        _add(ws, "a.txt", lambda s: [blame(f"{s}c1", "Iraq")])
        _add(ws, "b.txt", lambda s: [blame(f"{s}c1", "soldiers")])
        groups, relations = analyse_claims(ws.claims(), ALIASES)
        ws.save_analysis(groups, relations, pipeline=PIPELINE)
        assert [r.relation for r in ws.relations()] == ["agree"]
        _add(ws, "c.txt", lambda s: [blame(f"{s}c1", "militants", "Kuwait")])
        realign(ws, ALIASES, pipeline=PIPELINE)
        _full_groups, full = analyse_claims(ws.claims(), ALIASES)
        verdicts = {frozenset((r.claim_a, r.claim_b)): (r.relation, r.reason) for r in ws.relations()}
        assert verdicts == {frozenset((r.claim_a, r.claim_b)): (r.relation, r.reason) for r in full}
        assert verdicts[frozenset(("s1c1", "s2c1"))][0] == "unclear"
