"""Accounts that say who did it is not known (issue #8): "it was not known who fired", "could not
establish which side fired". They name no culprit, so they agree with each other and contradict
no one. Sentences written for these tests; the places are made up."""

from __future__ import annotations

import pytest

from analysis.compare import compare
from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import UNKNOWN, Actor, Claim
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def blame():
    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str, sid: str = "s1") -> list[Claim]:
        src = Source(id=sid, name=f"{sid}.txt", text=text, sha256=text_sha256(text))
        return [c for c in extract_from_doc(src, nlp(text), aliases) if c.kind == "initiator"]

    return run


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("It was not known who fired the rockets at Orlen.", "not known who fired the rockets at Orlen"),
        (
            "Monitors could not establish which side had fired the shell.",
            "not establish which side had fired the shell",
        ),
        ("It was not yet clear who had fired the missile.", "was not yet clear who had fired the missile"),
        ("The mayor did not say who was responsible.", "not say who was responsible"),
        ("An officer said it was too early to say where the mortar round had been fired from.", None),
        ("Responsibility for the blast at Keswin has never been established.", None),
        (
            "Who fired first at the Orlen checkpoint remains unclear.",
            "Who fired first at the Orlen checkpoint remains unclear",
        ),
        ("It is unclear which side opened fire on the convoy.", None),
        ("The inquiry did not determine who was behind the raid.", None),
        ("The identity of the attackers remains unknown.", "identity of the attackers remains unknown"),
        ("It remains a mystery who fired the shots at Keswin.", None),
        ("The perpetrators were never found.", None),
        (
            "Investigators were unable to determine who planted the bomb at Keswin.",
            "unable to determine who planted the bomb at Keswin",
        ),
        ("The monitors failed to establish which side had shelled the square.", None),
        ("It is impossible to say who fired first at the Orlen checkpoint.", None),
        ("There is no evidence to show which side fired the shell.", "no evidence to show which side fired the shell"),
        ("The panel found insufficient evidence to prove that either side fired the mortar round.", None),
        ("The panel found insufficient evidence to prove that one party or the other fired the mortar round.", None),
        ("Observers could not say with certainty which army shelled the market.", None),
        # a question as the subject, no one who knows, not known yet, where the shots came from
        ("Who fired first at the Orlen checkpoint has never been established.", None),
        ("No one knows who set off the bomb at Keswin.", None),
        ("Investigators have yet to determine who fired the missile at Orlen.", None),
        ("The origin of the shots at Keswin was never determined.", None),
    ],
)
def test_an_account_that_the_culprit_is_not_known(blame, text: str, quote: str | None) -> None:
    (claim,) = blame(text)
    value = claim.value
    assert isinstance(value, Actor) and value.actor == UNKNOWN and not value.negated
    if quote is not None:
        assert claim.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        "It is not known who the victims were.",  # the question is not who did it
        "It was unclear how many people died in the raid.",
        "The police said they knew who had fired the shots.",  # known, not unknown
        "Nobody knows where the convoy went.",
        "The rebels failed to take the bridge.",
        "There is no evidence of a mass grave near the village.",
        "The police have yet to arrest the gunmen.",
        "The source of the river was never determined.",
    ],
)
def test_not_knowing_something_else_is_no_claim(blame, text: str) -> None:
    assert [c.value.actor for c in blame(text)] == []  # type: ignore[union-attr]


def test_accounts_that_do_not_know_agree_and_accuse_no_one(blame) -> None:
    (a,) = blame("It was not known who fired the rockets at Orlen.", "s1")
    (b,) = blame("Monitors could not establish which side had fired the rockets at Orlen.", "s2")
    (c,) = blame("The rebel militia fired the rockets at Orlen.", "s3")
    aliases = AliasTable()
    assert compare(a, b, aliases)[0] == "agree"
    assert compare(a, c, aliases)[0] == "unclear"
