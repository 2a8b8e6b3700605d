"""A denial that points back at the sentence before (issue #8): "The official line was that the
militants set off the first blast. An inquiry in 2006 contradicted that assertion."

The second sentence names no culprit of its own: what it denies is the claim just made, so it is a
claim that the culprit named there did not do it, in the words of whoever contradicts it. A
demonstrative ("that assertion", "this account"), a bare "this" or "it", or "the findings" (a
report, which accuses no one by its own word) ties the object to what came before; "rejected the
accusation", with the rejecter as the accused, is pattern deny-involvement's.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claims.initiator_negation import has_neg
from claims.rules import rules

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

POINTING_BACK = frozenset({"that", "this", "these", "those"})
STANDING_ALONE = frozenset({"this", "that", "it"})  # "The government rejected this."
CLAUSES = frozenset({"ccomp", "xcomp"})  # "denied it had any part": what is denied is said


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The verbs that deny (rules initiator.denial_verbs, contradiction_verbs), what they deny
    (accusation_nouns, claim_nouns), and of those what no one is accused in (claim_nouns alone)."""
    words = rules()["initiator"]
    verbs = frozenset([*words["denial_verbs"], *words["contradiction_verbs"]])
    said = frozenset(words["claim_nouns"]) - frozenset(words["accusation_nouns"])
    return verbs, frozenset([*words["accusation_nouns"], *words["claim_nouns"]]), said


def denied_claim(sent: Span) -> tuple[Token, Token] | None:
    """(the denying verb, what it denies) when the sentence contradicts the claim before it: "that
    assertion", "this account"; "the findings", a report that accuses no one of its own; or a bare "this"."""
    verbs, nouns, said = _words()
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in verbs or has_neg(tok):
            continue
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            lemma, dets = obj.lemma_.lower(), {d.lower_ for d in obj.children if d.dep_ == "det"}
            if lemma in nouns and dets & POINTING_BACK or lemma in said and "the" in dets:
                return tok, obj
            if (
                obj.lower_ in STANDING_ALONE
                and not list(obj.children)
                and not any(c.dep_ in CLAUSES for c in tok.children)
            ):
                return tok, obj
    return None
