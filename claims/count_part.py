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


def _fronted_of(root: Token, noun: Token, wholes: list[Whole]) -> Part | None:
    """ "Of the 80 people killed, 30 were women": the whole is the count the clause opens with."""
    tok = noun if noun.dep_ in ("nsubj", "nsubjpass") else root
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < tok.i):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            whole = next((w for w in wholes if obj.i in w.tokens), None)
            if whole is not None:
                return Part(whole, copula_attr(tok))
    return None


def _written_as_part(num_span: Span, wholes: list[Whole]) -> Part | None:
    """A bounded linear reading for a parse that hung the partitive elsewhere (issue #8): the words
    right before the number (", including 400 children", ", among them 500 children") or right after
    it (", 1,400 of them civilians") mark it a part of the count before it in the sentence."""
    whole = _preceding(wholes, num_span.start)
    if whole is None:
        return None
    doc, preps, pronouns = num_span.doc, _words("partitive_preps"), _words("partitive_pronouns")
    before = [t.lower_ for t in doc[max(num_span.start - 2, num_span.sent.start) : num_span.start]]
    if before and (before[-1] in preps or (len(before) == 2 and before[0] in preps and before[1] in pronouns)):
        return Part(whole, None)
    after = doc[num_span.end : min(num_span.end + 3, num_span.sent.end)]
    if len(after) == 3 and after[0].lower_ == "of" and after[1].lower_ in pronouns and _people_told(after[2]):
        return Part(whole, after[2])
    return None


def find_part(root: Token, noun: Token, num_span: Span, wholes: list[Whole]) -> Part | None:
    """The count a number is a part of, if it is stated as one."""
    if not wholes:
        return None
    whole = _including(noun, wholes) or _including(root, wholes)
    if whole is not None:
        return Part(whole, None)
    part = (
        _of_pronoun(root, noun, num_span, wholes)
        or _with_being(root, noun, num_span, wholes)
        or _fronted_of(root, noun, wholes)
    )
    written = _written_as_part(num_span, wholes)
    if part is not None and part.scope_noun is None and written is not None:
        return Part(part.whole, written.scope_noun)  # "1,400 of them civilians": the people after "of them"
    return part or written


def own_predicate(noun: Token, triggers: list[tuple[Token, str]]) -> bool:
    """The noun has its own trigger as a participle or relative clause ("3,000 people wounded")."""
    return any(t.head.i == noun.i and t.dep_ in ("acl", "relcl") for t, _kind in triggers)


def coordinated(noun: Token, wholes: list[Whole], triggers: list[tuple[Token, str]]) -> Whole | None:
    """The count a number's noun is coordinated with ("two police officers and [two guards]", "49
    children and [34 women]"), when that one was read: the two are told alike (issue #8). Not a
    count told by a participle of its own ("165 killed ..., and [more than 3,000 people] wounded")."""
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or own_predicate(noun, triggers):
        return None
    return next((w for w in wholes if noun.head.i in w.tokens), None)


def _people_told(tok: Token) -> bool:
    """ "1,400 of them civilians", "88 of them Australians": a noun, or a people's name (NORP)."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.ent_type_ == "NORP")
