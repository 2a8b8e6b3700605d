"""Accounts that say it was an accident, that no one did it (issue #8).

"Officials blamed a technical problem", "engine failure had caused the crash", "the probable cause is a
technical failure", "the explosion was an accident": a cause that is no one's act. It answers the
question of who brought the craft down or set off the blast as firmly as a name does, so it contradicts
an account that says someone did it. The words are data (rules initiator.accident_*); this module reads
the parse: a cause word in a causal place (blamed, the subject of "caused", after "because of", "due to",
"the result of", or what a cause or an incident "was", "by accident", "was accidental"), not negated ("ruled
out a technical failure").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.initiator_negation import denied, negated, word_sets


@dataclass(frozen=True)
class Accident:
    """Where an account says it was an accident: the cause word, where its phrase begins, what it explains."""

    cause: Token
    first: Token
    craft: Token | None  # the aircraft, ship or vehicle it befell, when the sentence names one


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _accidental(tok: Token) -> bool:
    """ "accidental": a word that calls what it describes an accident."""
    words = word_sets()["accident_adjectives"]
    return _lemma(tok) in words or tok.lower_ in words


def _is_cause(tok: Token) -> bool:
    """ "a technical failure", "engine failure", "an accident", "an accidental explosion"."""
    w = word_sets()
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and _lemma(tok.head) == "be":
        return _accidental(tok)  # "the fire was accidental"
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if _lemma(tok) in w["accident_nouns"]:
        return True
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(_accidental(m) for m in mods):
        return True
    return _lemma(tok) in w["accident_causes"] and any(_lemma(m) in w["accident_modifiers"] for m in mods)


def _causal(tok: Token) -> bool:
    """The cause word stands where a cause is told, not merely mentioned."""
    w = word_sets()
    head = tok.head
    if tok.dep_ == "dobj" and _lemma(head) in w["blame_verbs"]:
        return True  # "blamed a technical problem"
    if tok.dep_ == "nsubj" and _lemma(head) in w["cause_verbs"]:
        return True  # "engine failure had caused the crash"
    if tok.dep_ in ("attr", "acomp") and head.pos_ in ("AUX", "VERB") and _lemma(head) == "be":
        return True  # "the probable cause is a technical failure", "the explosion was an accident", "was accidental"
    if tok.dep_ == "pobj" and head.lower_ == "by" and _lemma(tok) in w["accident_nouns"] and tok.pos_ == "NOUN":
        return not any(c.dep_ == "det" for c in tok.children)  # "broke out by accident"
    if tok.dep_ == "pobj":
        chain = [head, *head.ancestors][:3]
        return any(_lemma(p) in w["cause_preps"] or p.lower_ in w["cause_preps"] for p in chain)
    return False


def _denied(tok: Token) -> bool:
    """ "ruled out a technical failure", "was not an accident", "no mechanical fault was found"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    return negated(tok) or denied(tok)


def _craft(sent: Span) -> Token | None:
    nouns = word_sets()["craft_nouns"]
    return next((t for t in sent if t.pos_ == "NOUN" and _lemma(t) in nouns), None)


def find_accidents(sent: Span) -> list[Accident]:
    """Every place in the sentence that says it was an accident."""
    found = []
    for tok in sent:
        if _is_cause(tok) and _causal(tok) and not _denied(tok):
            first = min([tok, *(c for c in tok.children if c.dep_ in ("amod", "compound", "det"))], key=lambda t: t.i)
            found.append(Accident(tok, first, _craft(sent)))
    return found
