"""Whether a blame claim's own act is said to have begun it (issue #8).

"The gunmen began shooting", "federal forces planned the storming, which was not
sparked by a bomb", "the war began when X invaded": the onset word is told of the
claim's act, and two accounts that say who began one incident (or the war) answer
one question (analysis.relate, analysis.align.war_onset). "Police stormed the
building after the gunman had started firing" tells the gunman's onset, not the
police's: an onset word in a clause with a doer of its own belongs to that doer's
act. What is found is kept on the claim as Actor.began (claims.extract), where the
comparison reads it; the quote stays the claim's own words.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claims.rules import rules
from claims.sub_event import names_onset, violent_words

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
# subjects that are no doer of their own: a relative pronoun, or "it" for the act ("it had not been sparked")
NOT_DOERS = frozenset({"which", "that", "who", "whom", "it"})


def onset_of_act(acts: list[Token], doer: Token) -> Token | None:
    """The onset word of the sentence told of one of `acts` (done by `doer`), or None."""
    sent = doer.sent
    for word in (t for t in sent if names_onset([t.lower_])):
        if any(t.i == word.i for t in acts) or word in doer.subtree:
            return word
        if any(_of_one_clause(word, act, doer) for act in acts if act.sent == sent):
            return word
    return None


def _of_one_clause(word: Token, act: Token, doer: Token) -> bool:
    """No clause on the way from the onset word to the act has a doer other than the claim's."""
    up_word, up_act = [word, *word.ancestors], [act, *act.ancestors]
    common = next((t for t in up_word if t in up_act), None)
    if common is None:
        return False
    on_the_way = [*up_word[: up_word.index(common)], *up_act[: up_act.index(common)], common]
    return not any(_another_doer(t, doer) for t in on_the_way)


def _another_doer(head: Token, doer: Token) -> bool:
    """ "after the gunman had started firing": the clause's subject is a doer, not the claim's; a
    relative pronoun ("which was not sparked") or an act ("the trouble began when") is none."""
    for subject in (c for c in head.children if c.dep_ in SUBJECTS):
        if subject.i == doer.i or doer in subject.subtree or subject in doer.subtree:
            continue
        if subject.lower_ in NOT_DOERS or subject.lemma_.lower() in _acts():
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    """Words for what happened, which begins without being a doer ("the trouble began")."""
    ini = rules()["initiator"]
    return violent_words() | frozenset([*ini["unrest_nouns"], *ini["incident_nouns"]])
