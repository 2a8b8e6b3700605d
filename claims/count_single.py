"""One death told without a number (issue #8): "a policeman was killed", "the blast killed a
child", "a protester died". Accounts give a single death this way as often as with "one", and the
gold counts it as one. Only the article on a person noun that is the dead of a death predicate
itself (its passive subject, its object, or the subject of "died") is read as a count; everything
else a number must pass (claims.extract_counts) it passes too.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.count_words import is_person_noun
from claims.models import Count
from claims.numbers import NumberMention
from claims.rules import rules

SINGULAR_TAGS = ("NN", "NNP")


@lru_cache(maxsize=1)
def articles() -> frozenset[str]:
    """The words that count one person (rules scope.single_articles)."""
    return frozenset(rules()["scope"]["single_articles"])


def single_deaths(sent: Span, triggers: list[tuple[Token, str]]) -> list[NumberMention]:
    """The articles of `sent` that count one dead person, as numbers of one."""
    fatal = {t.i for t, kind in triggers if kind == "casualties"}
    found = []
    for tok in sent:
        if tok.lower_ not in articles() or tok.dep_ != "det":
            continue
        noun = tok.head
        if noun.tag_ not in SINGULAR_TAGS or not is_person_noun(noun) or noun.head.i not in fatal:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            continue  # "a total of 90 pupils", "a member of the crew": the number or the group counts
        if _the_dead(noun):
            found.append(NumberMention(tok.idx, tok.idx + len(tok.text), Count(low=1, high=1, text=tok.text)))
    return found


def _the_dead(noun: Token) -> bool:
    """ "a policeman was killed", "killed a child", "a protester died"; not "a gunman killed two"."""
    verb = noun.head
    if noun.dep_ in ("nsubjpass", "dobj"):
        return True
    return noun.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "attr", "xcomp") for c in verb.children)
