"""Names an account ties to another party (issue #8): "X, widely regarded as a cover name used by
Y" makes X's blame and Y's one party in every account of the collection, in `compare`, in a
workspace and in its review. The groups and the sentences are made up."""

from __future__ import annotations

import pytest
from workspace_helpers import PIPELINE, put

from analysis.collection import analyse_claims
from analysis.ties import ties_of
from claims.actors import AliasTable
from claims.models import Actor, Claim
from claims.ties import doc_ties
from sources.models import Source, text_sha256
from workspace.pipeline import alias_table, analyse
from workspace.store import Workspace


@pytest.mark.parametrize(
    ("text", "ties"),
    [
        (
            "A group calling itself the Dawn Brigade, widely regarded as a cover name used by the Crescent"
            " Movement, said it had planted the bomb.",
            {"Dawn Brigade": "Crescent Movement"},
        ),
        (
            "The Red Hand Commando, the armed wing of the Valdorian Union, claimed the raid.",
            {"Red Hand Commando": "Valdorian Union"},
        ),
        (
            "The Justice Cells, a front for the Orsk Liberation Army, claimed it.",
            {"Justice Cells": "Orsk Liberation Army"},
        ),
        ("Gruppa Sever, also known as the Northern Group, denied it.", {"Gruppa Sever": "Northern Group"}),
        (
            "The Izz ad-Din Fighters, the military wing of Jamaat al-Nur, fired the rockets.",
            {"Izz ad-Din Fighters": "Jamaat al-Nur"},
        ),
        # a proxy, a faction or an ally is another party
        ("The Dawn Brigade, a proxy of the Crescent Movement, denied it.", {}),
        ("The Dawn Brigade, the largest faction of the Crescent Movement, denied it.", {}),
        ("The Dawn Brigade, an ally of the Crescent Movement, denied it.", {}),
        # a name and a description that is no name
        ("The Dawn Brigade, a name used by the rebels in the north, denied it.", {}),
    ],
)
def test_an_account_ties_a_cover_name_or_a_wing_to_its_party(text: str, ties: dict[str, str]):
    assert doc_ties(text, AliasTable()) == ties


@pytest.mark.parametrize(
    ("text", "ties"),
    [
        ("Tomas Verrin, the leader of the Crescent Movement, claimed the raid.", {"Tomas Verrin": "Crescent Movement"}),
        ("The Crescent Movement's leader, Tomas Verrin, claimed the raid.", {"Tomas Verrin": "Crescent Movement"}),
        ("It was directed by the Dawn Brigade commander Ilya Sorn by telephone.", {"Ilya Sorn": "Dawn Brigade"}),
        ("It was planned by Ilya Sorn, a Dawn Brigade commander from the hills.", {"Ilya Sorn": "Dawn Brigade"}),
        # a spokesman or a member speaks or acts for himself, not as the group's head
        ("Tomas Verrin, a spokesman for the Crescent Movement, denied it.", {}),
        ("Tomas Verrin, a member of the Crescent Movement, denied it.", {}),
        ("Tomas Verrin, the head of state, spoke.", {}),
    ],
)  # fmt: skip
def test_an_account_ties_a_leader_to_the_group_he_leads(text: str, ties: dict[str, str]):
    """A group's leader or commander named with it acts for it: blame laid on him is laid on it."""
    assert doc_ties(text, AliasTable()) == ties


def blame(cid: str, actor: str, ties: dict[str, str] | None = None) -> Claim:
    quote = f"the attack was the work of the {actor}"
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                 start=0, end=len(quote), sentence_start=0, about="attack",
                 value=Actor(actor=actor, ties=ties or {}), terms=["attack", "work"], event=["@ev:attack"])  # fmt: skip


TIE = {"Dawn Circle": "Crescent Movement"}


def relations(claims: list[Claim], aliases: AliasTable | None = None) -> dict[tuple[str, str], str]:
    _groups, found = analyse_claims(claims, aliases)
    return {(r.claim_a, r.claim_b): r.relation for r in found}


def test_a_tie_one_account_declares_joins_every_accounts_blame():
    """The declaring account's cover name, another account's party and a third account's bare cover
    name are one party; a fourth account's other group is still another."""
    found = relations(
        [
            blame("s1c1", "Dawn Circle", TIE),
            blame("s2c1", "Crescent Movement"),
            blame("s3c1", "Dawn Circle"),
            blame("s4c1", "Sable Hand"),
        ]  # fmt: skip
    )
    assert found[("s1c1", "s2c1")] == "agree"
    assert found[("s2c1", "s3c1")] == "agree"
    assert found[("s1c1", "s4c1")] == "contradict"


def test_without_the_tie_the_two_names_are_two_culprits():
    found = relations([blame("s1c1", "Dawn Circle"), blame("s2c1", "Crescent Movement")])
    assert found[("s1c1", "s2c1")] == "contradict"


def test_the_users_own_alias_wins_over_a_tie():
    table = AliasTable.with_user({"Dawn Circle": "Sable Hand"})
    found = relations(
        [blame("s1c1", "Dawn Circle", TIE), blame("s2c1", "Crescent Movement"), blame("s3c1", "Sable Hand")],
        table,
    )
    assert found[("s1c1", "s2c1")] == "contradict"
    assert found[("s1c1", "s3c1")] == "agree"


def test_a_name_tied_to_two_parties_keeps_one_whatever_the_order():
    a = blame("s1c1", "Dawn Circle", {"Dawn Circle": "Crescent Movement"})
    b = blame("s2c1", "Dawn Circle", {"Dawn Circle": "Anvil Party"})
    assert ties_of([a, b]) == ties_of([b, a]) == {"Dawn Circle": "Anvil Party"}


def test_a_workspace_reads_the_ties_of_its_stored_claims(tmp_path):
    """The workspace's table for analysis and review holds the ties of the claims it stores; the
    table extraction reads holds none (a tie is read when accounts are compared)."""
    with Workspace(tmp_path / "ws.db") as ws:
        ids = [ws.add_source(Source(id="x", name=f"{n}.txt", text=f"text {n}", sha256=text_sha256(f"text {n}"))).source_id
               for n in (1, 2)]  # fmt: skip
        put(ws, ids[0], [blame(f"{ids[0]}c1", "Dawn Circle", TIE)], PIPELINE)
        put(ws, ids[1], [blame(f"{ids[1]}c1", "Crescent Movement")], PIPELINE)
        assert alias_table(ws).resolve("Dawn Circle") == "Crescent Movement"
        assert alias_table(ws, ties=False).resolve("Dawn Circle") is None


@pytest.mark.slow
def test_compare_reads_a_tie_from_one_account_into_another():
    """With the real model: the wire's cover name and the court's party agree once the wire says
    whose cover name it is."""
    declared = "The Dawn Circle, widely regarded as a cover name used by the Crescent Movement, carried out the bombing of the market in Varna."
    bare = "The Dawn Circle carried out the bombing of the market in Varna."
    court = "The court found that the bombing of the market in Varna was the work of the Crescent Movement."

    def verdict(first: str) -> set[str]:
        texts = {"wire.txt": first, "court.txt": court}
        report = analyse([Source(id=f"s{n}", name=name, text=text, sha256=text_sha256(text))
                          for n, (name, text) in enumerate(texts.items(), 1)])  # fmt: skip
        return {r.relation for r in report.relations}

    assert verdict(declared) == {"agree"}
    assert verdict(bare) == {"contradict"}


def test_the_verdict_says_which_name_an_account_tied_to_which_party():
    _groups, found = analyse_claims([blame("s1c1", "Dawn Circle", TIE), blame("s2c1", "Crescent Movement")])
    assert [r.reason for r in found] == [
        "Dawn Circle vs Crescent Movement: the same actor (an account names Dawn Circle as Crescent Movement)"
    ]


def test_a_name_ends_at_its_sentence_end():
    """ "also known as Daesh. The group ...": the sentence's full stop ends the name."""
    assert doc_ties("The Islamic State, also known as Daesh. The group denied it.", AliasTable()) == {
        "Islamic State": "Daesh"
    }
