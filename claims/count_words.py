"""The words that make a count (issue #2, #8): trigger lemmas of each kind ("killed",
"fled", "wounded") with their guards, and which nouns count people.

All of it is data in claims/data/rules.json; this module only indexes it.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.rules import rules


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, set[str]]]:
    """lemma/lower form -> (kind, allowed POS)."""
    table: dict[str, tuple[str, set[str]]] = {}
    for kind, groups in rules()["triggers"].items():
        for word in groups["verbs"]:
            table.setdefault(word, (kind, {"VERB"}))
        for word in groups["nouns"] + groups["adjectives"]:
            kind_pos = table.get(word, (kind, set()))
            table[word] = (kind_pos[0], kind_pos[1] | {"NOUN", "ADJ", "VERB", "PROPN"})
    return table


def trigger_kind(tok: Token) -> str | None:
    """The claim kind a word announces ("killed" -> casualties), if its guard words are near."""
    table = _triggers()
    guards = rules()["trigger_guards"]
    for form in (tok.lemma_.lower(), tok.lower_):
        if form in table:
            kind, pos = table[form]
            if tok.pos_ not in pos and not (tok.pos_ == "AUX" and "VERB" in pos):
                continue
            need = guards.get(form)
            if need:
                window = tok.doc[max(tok.sent.start, tok.i - 8) : min(tok.sent.end, tok.i + 6)]
                if not any(t.lemma_.lower() in need or t.lower_ in need for t in window if t.i != tok.i):
                    return None
            return kind
    return None


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """ "12 members of the security forces": a role named after the noun still says who."""
    return frozenset(w for words in rules()["scope"]["roles"].values() for w in words)


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    sc = rules()["scope"]
    words = set(sc["people_nouns"]) | set(sc["general"])
    for role in sc["roles"].values():
        words |= set(role)
    words |= set(rules()["figure_nouns"])
    for groups in rules()["triggers"].values():
        words |= set(groups["nouns"]) | set(groups["adjectives"])
    return frozenset(words)


def counts_people(noun: Token, num_span: Span, ctx: DocContext) -> bool:
    """Only numbers of people are casualty counts: not "two warnings", "300 settlements"."""
    if num_span.start <= noun.i < num_span.end:
        return True
    if noun.lemma_.lower() in person_words() or noun.lower_ in person_words():
        return True
    if noun.ent_type_ == "NORP" or ctx.aliases.resolve(noun.text):
        return True
    return noun.pos_ == "VERB"  # "were killed": the number is the subject itself
