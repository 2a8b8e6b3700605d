"""Partitives (issue #8, FAILURE_MODES 4 and 9): "40 people died, 12 of whom were children",
"52 Palestinians, including 22 civilians", "among them 12 children".

The part is a count of the same kind as the count it divides, tied to the same
trigger, with the part's own people as its scope ("children"), so that
analysis/compare.py reads it as a part of the whole, never as a rival figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.count_scope import copula_attr
from claims.rules import rules


@dataclass
class Whole:
    """A count already read in the sentence: the tokens a partitive can point at."""

    tokens: frozenset[int]  # its number, counted noun, figure noun and trigger
    start: int  # first token of its number
    trigger: Token
    kind: str
    added: str | None = None  # its scope's marker ("them", "included"), which a count coordinated with it shares


@dataclass
class Part:
    whole: Whole
    scope_noun: Token | None  # the people of the part ("children"), when the number has no noun


def _words(key: str) -> frozenset[str]:
    return frozenset(rules()["count_link"][key])


def _preceding(wholes: list[Whole], before: int) -> Whole | None:
    earlier = [w for w in wholes if w.start < before]
    return max(earlier, key=lambda w: w.start) if earlier else None


def _including(noun: Token, wholes: list[Whole]) -> Whole | None:
    """ "including 22 civilians" hangs from the whole's noun, number or verb."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in _words("partitive_preps"):
        return None
    anchor = prep.head
    return next((w for w in wholes if anchor.i in w.tokens), None)


def _of_pronoun(root: Token, noun: Token, num_span: Span, wholes: list[Whole]) -> Part | None:
    """ "12 of whom were children", "among them were 12 children": the whole is the count before."""
    pronouns = _words("partitive_pronouns")
    of_whom = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in pronouns for g in c.children)
        for c in (*root.children, *noun.children)
    )
    if of_whom:
        whole = _preceding(wholes, num_span.start)
        return Part(whole, copula_attr(root) or copula_attr(noun)) if whole else None
    verb = noun.head if noun.dep_ in ("attr", "nsubj", "nsubjpass") else None
    among = verb is not None and any(
        c.dep_ == "prep" and c.lower_ in _words("partitive_preps") and any(g.lower_ in pronouns for g in c.children)
        for c in verb.children
    )
    if among:
        whole = _preceding(wholes, num_span.start)
        return Part(whole, None) if whole else None
    return None


def _with_being(root: Token, noun: Token, num_span: Span, wholes: list[Whole]) -> Part | None:
    """ "the toll reached 900, with 400 being children": a part of the count before, its people named
    by the participle's complement (issue #8)."""
    tok = noun if noun.dep_ == "nsubj" else root
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ != "VBG" or verb.head.lower_ != "with":
        return None
    whole = _preceding(wholes, num_span.start)
    return Part(whole, copula_attr(tok)) if whole else None


def find_part(root: Token, noun: Token, num_span: Span, wholes: list[Whole]) -> Part | None:
    """The count a number is a part of, if it is stated as one."""
    if not wholes:
        return None
    whole = _including(noun, wholes) or _including(root, wholes)
    if whole is not None:
        return Part(whole, None)
    return _of_pronoun(root, noun, num_span, wholes) or _with_being(root, noun, num_span, wholes)


def coordinated(noun: Token, wholes: list[Whole]) -> Whole | None:
    """The count a number's noun is coordinated with ("two police officers and [two guards]", "49
    children and [34 women]"), when that one was read: the two are told alike (issue #8)."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((w for w in wholes if noun.head.i in w.tokens), None)
