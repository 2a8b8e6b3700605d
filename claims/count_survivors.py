"""A toll told by its survivors (issue #8): "none of the 269 people aboard survived", "of the 300
passengers, none survived", "there were no survivors among the 176 people on board". Accounts of a
downed airliner, a sunken ship or a stormed siege tell the dead this way as often as with "killed";
every one of the people numbered died. A survival word with no number of people names no toll
("there were no survivors"), and one that says some survived ("only two of the 40 survived") is
left unread: the dead are not written in it.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.count_words import is_person_noun, says_no_one
from claims.models import Count
from claims.numbers import NumberMention, parse_amount
from claims.rules import rules

PEOPLE_PREPS = frozenset({"of", "among"})


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    zero = rules()["stated_zero"]
    return frozenset(zero["survival_verbs"]), frozenset(zero["survival_nouns"])


def none_survived(sent: Span) -> list[tuple[NumberMention, Token, Token, int]]:
    """(the number of the people, their noun, the survival word, where its words begin) of each toll
    `sent` tells by saying none of them survived."""
    verbs, nouns = _words()
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in verbs:
            zero = next((c for c in tok.children if c.dep_ == "nsubj" and says_no_one(c, not_one=True)), None)
            holders = [zero, tok] if zero is not None else []
        elif tok.pos_ == "NOUN" and lemma in nouns and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            holders = [tok]  # "there were no survivors among the 176 people aboard"
        else:
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "none of them did not survive": no plain statement
        people = _people(holders)
        if people is None:
            continue
        number = next(c for c in people.children if c.dep_ == "nummod")
        value = parse_amount(number.text)
        if value is None or value < 1:
            continue
        count = Count(low=value, high=value, text=number.text)
        # the mention spans "none of the 269", "no survivors among the 176", "of the 300": the quote
        # keeps the words that say they died
        firsts = [h.left_edge.i for h in holders if h.pos_ != "VERB"]  # not the verb's whole clause
        start = sent.doc[min(people.head.i, *firsts)]
        found.append((NumberMention(start.idx, number.idx + len(number.text), count), people, tok, start.i))
    return found


def _people(holders: list[Token]) -> Token | None:
    """The numbered person noun after "of" or "among" on the none word or the survival word ("none
    of the 269 people", "of the 300 passengers, none survived")."""
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in PEOPLE_PREPS):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if is_person_noun(obj) and any(c.dep_ == "nummod" for c in obj.children):
                    return obj
    return None
