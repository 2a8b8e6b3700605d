"""A denial that points back at the sentence before (issue #8): "The official line was that the
militants set off the first blast. An inquiry in 2006 contradicted that assertion."

The second sentence names no culprit of its own: what it denies is the claim just made, so it is a
claim that the culprit named there did not do it, in the words of whoever contradicts it. Only a
demonstrative ("that", "this") ties the object to what came before; "rejected the accusation",
with the rejecter as the accused, is pattern deny-involvement's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claims.initiator_negation import has_neg
from claims.rules import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

POINTING_BACK = frozenset({"that", "this", "these", "those"})


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs that deny (rules initiator.denial_verbs, contradiction_verbs) and what they deny
    (accusation_nouns, claim_nouns)."""
    words = rules()["initiator"]
    verbs = frozenset([*words["denial_verbs"], *words["contradiction_verbs"]])
    return verbs, frozenset([*words["accusation_nouns"], *words["claim_nouns"]])


def denied_claim(sent: Span) -> tuple[Token, Token] | None:
    """(the denying verb, what it denies) when the sentence contradicts the claim before it."""
    verbs, nouns = _words()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs or has_neg(tok):
            continue
        for obj in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns):
            if any(d.dep_ == "det" and d.lower_ in POINTING_BACK for d in obj.children):
                return tok, obj
    return None
