"""Who began it, told of a claim's own act (issue #8, claims.act_onset): an onset word in the claim's
act's clause says its doer began it (Actor.began); one in a clause of another doer does not."""

from __future__ import annotations

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.nlp import load_nlp
from sources.models import Source, text_sha256


def began(text: str) -> dict[str, bool]:
    """actor -> whether its blame claim says it began it, read with the real model."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    found = extract_from_doc(src, load_nlp()(text), AliasTable())
    return {c.value.actor: c.value.began for c in found if c.kind == "initiator"}


@pytest.mark.parametrize(
    ("text", "actor", "own"),
    [
        # the onset word is in the claim's act's clause, or a clause below it with no doer of its own
        ("The commander said the special forces had planned the storming and that it had not been "
         "triggered by any bomb.", "special forces", True),
        ("The revolt began when the cavalry charged the weavers in the market.", "cavalry", True),
        ("The trouble started when constables beat two dockers outside the hall.", "constables", True),
        # it is another doer's act's
        ("Marines stormed the embassy compound after the kidnappers had started shooting.", "Marines", False),
        ("After the rangers raided the farmhouse, the fugitive began firing from a window.", "rangers", False),
        ("After the rebels began the war in May, Ruritania invaded the northern provinces.", "Ruritania", False),
    ],
)  # fmt: skip
def test_an_onset_word_says_the_claims_doer_began_it_only_of_its_own_act(text: str, actor: str, own: bool) -> None:
    found = began(text)
    assert found.get(actor) is own, found
