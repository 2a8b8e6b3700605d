"""A shooting told as the answer to an attack on the shooters (issue #8).

"The soldiers fired only after they were stoned", "the guards opened fire after coming under attack",
"police fired once the crowd attacked them": the account says the doer fired, and that it was attacked
first. That is the doer's side of who began it: a claim that the doer did not start it, as "the
soldiers had been fired on first" is (pattern fired-on-first). Read from the parse: an "after" (or
"once") clause on the act whose verb tells an attack on someone, in the passive or on a pronoun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claims.initiator_negation import word_sets

AFTER = frozenset({"after", "once"})
BACK_TO = frozenset({"them", "us", "him", "her", "it"})  # "after the crowd attacked them"
THEY = frozenset({"they", "we", "he", "she", "it"})  # "after they were stoned"
OWN = frozenset({"their", "our", "his", "her", "its"})  # "after their comrades were killed"


def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs of attack and firing, and the nouns one comes under (rules initiator.attack_verbs,
    firing_verbs, attack_nouns, firing_acts), from the initiator readers' shared word sets."""
    words = word_sets()
    return words["attack_verbs"] | words["firing_verbs"], words["attack_nouns"] | words["firing_acts"]


def answers_an_attack(act: Token, doer: Token) -> bool:
    """True when an "after" clause on `act` (or on the verb whose object it is: "opened fire") tells
    that `doer`'s side was attacked first."""
    acts = [act, act.head] if act.dep_ == "dobj" else [act]
    return any(_tells_an_attack(clause, doer) for a in acts for clause in _after_clauses(a))


def _after_clauses(act: Token) -> Iterator[Token]:
    for child in act.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in AFTER for m in child.children):
            yield child
        if child.dep_ == "prep" and child.lower_ in AFTER:
            yield from (c for c in child.children if c.dep_ == "pcomp")


def _tells_an_attack(verb: Token, doer: Token) -> bool:
    """ "they were stoned", "being fired on", "their comrades were killed", "the convoy came under
    attack", "the crowd attacked them"; not "after the prisoners were killed", someone else's harm."""
    verbs, nouns = _words()
    lemma = verb.lemma_.lower()
    if lemma == "come":
        return any(
            p.dep_ == "prep"
            and p.lower_ == "under"
            and any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for o in p.children)
            for p in verb.children
        )
    if lemma not in verbs:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        harmed = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return not harmed or _their_side(harmed[0], doer)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("on", "at", "upon")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(o.lower_ in BACK_TO for o in objects)


def _their_side(harmed: Token, doer: Token) -> bool:
    """The ones attacked are the doers: a pronoun, the doer's own word, or the doer's own people."""
    own = any(c.dep_ == "poss" and c.lower_ in OWN for c in harmed.subtree)  # "two of their comrades"
    return harmed.lower_ in THEY or harmed.lemma_.lower() == doer.lemma_.lower() or own
