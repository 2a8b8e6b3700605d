"""Accounts that say who did it is not known (issue #8).

"It was not known who fired", "investigators could not establish which side fired the shell", "it is
too early to say where it was fired from", "responsibility has never been established": a finding that
the culprit is undetermined. It names no rival culprit, so it contradicts no one; it agrees with the
other accounts that say the same. The words are data (rules initiator.unknown_*); this module reads
the parse: a question word whose clause tells the act, under a knowing word that is negated or is
itself a word of not knowing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.initiator_negation import has_neg, word_sets
from claims.rules import rules
from claims.sub_event import violent_words

MAX_UP = 3  # steps from the act's clause up to the knowing word ("it was too early to say where ...")
WHO = frozenset({"who", "whom"})
WHICH = frozenset({"which", "whose", "what"})
NO_ONE = frozenset({"nobody", "noone"})


@dataclass(frozen=True)
class UnknownCulprit:
    """Where an account says the doer is not known: the knowing word, the question word, the act."""

    knowing: Token
    question: Token
    act: Token

    @property
    def first(self) -> Token:
        """Where the quote begins: the "not" of "not known", else the leftmost of the three words."""
        negs = [c for c in (*self.knowing.children, *self.knowing.head.children) if c.dep_ == "neg"]
        return min([*negs, *_not_able(self.knowing), self.knowing, self.question, self.act], key=lambda t: t.i)

    @property
    def last(self) -> Token:
        """Where the quote ends: the end of the act's clause ("who fired the rockets")."""
        comps = [c for c in self.knowing.children if c.dep_ in ("acomp", "attr") and c.i > self.act.i]
        end = max([self.act.right_edge, *comps], key=lambda t: t.i)  # "who fired remains unclear"
        while end.i > self.first.i and end.is_punct:
            end = end.nbor(-1)
        return end


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    """What a clause must tell for its doer to be the culprit: an act of violence, firing, or doing it."""
    ini = rules()["initiator"]
    return violent_words() | frozenset(ini["firing_verbs"]) | frozenset(ini["perform_verbs"])


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _tells_act(clause: Token) -> bool:
    """ "who fired", "which side opened fire", "who was responsible", "who was behind the attack"."""
    if _lemma(clause) in _acts():
        return True
    kids = list(clause.children)
    if any(c.dep_ == "acomp" and _lemma(c) in word_sets()["responsible_adjectives"] for c in kids):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "behind" for c in kids) or any(
        c.dep_ == "dobj" and _lemma(c) in _acts() for c in kids
    )


def _question(tok: Token) -> Token | None:
    """The clause a question word opens: "who fired" (fired), "which side fired" (fired), "where it was
    fired from" (fired)."""
    low = tok.lower_
    if low in WHO and tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head
    if low in WHICH and tok.dep_ == "det" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.head
    if low == "where" and tok.dep_ == "advmod":
        return tok.head
    if low == "either" and tok.dep_ == "det" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        return tok.head.head  # "that either side fired": one of two, no one named
    if tok.dep_ in ("nsubj", "nsubjpass") and _one_or_the_other(tok):
        return tok.head  # "that one party or the other fired"
    return None


def _one_or_the_other(tok: Token) -> bool:
    """ "one party or the other", "one side or another": a subject that names no one of the two."""
    one = any(c.dep_ in ("nummod", "det") and c.lower_ == "one" for c in tok.children)
    return one and any(c.dep_ == "conj" and c.lower_ in ("other", "another") for c in tok.children)


def _not_able(word: Token) -> list[Token]:
    """The words that say the knowing could not be done: "unable", "failed", "impossible", "no"
    or "insufficient" before "evidence" (for the quote to hold them)."""
    w = word_sets()
    head = word.head
    if _cannot(word):
        return [head] if _lemma(head) in w["unknown_unable"] else [c for c in head.children if c.dep_ == "acomp"]
    if _no_evidence(word):
        return [c for c in head.children if c.dep_ in ("det", "amod")]
    return []


def _cannot(word: Token) -> bool:
    """ "unable to determine", "failed to establish", "it is impossible to say": the knowing word is the
    infinitive of a word of not being able (rules initiator.unknown_unable)."""
    if word.dep_ != "xcomp":
        return False
    unable = word_sets()["unknown_unable"]
    head = word.head
    return _lemma(head) in unable or any(c.dep_ == "acomp" and _lemma(c) in unable for c in head.children)


def _no_evidence(word: Token) -> bool:
    """ "no evidence to show", "insufficient evidence to prove": the knowing word is what evidence that
    is lacking would do (rules initiator.unknown_evidence_nouns, unknown_lacking)."""
    w = word_sets()
    head = word.head
    if word.dep_ not in ("acl", "relcl") or _lemma(head) not in w["unknown_evidence_nouns"]:
        return False
    return any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "amod" and _lemma(c) in w["unknown_lacking"])
        for c in head.children
    )


def _not_knowing(word: Token) -> bool:
    """ "not known", "could not establish", "did not say", "unclear", "too early to say", "not clear"
    (the "not" on the verb "be" that holds "clear")."""
    w = word_sets()
    lemma = _lemma(word)
    if lemma in w["unknown_adjectives"]:
        return True
    if lemma in w["unknown_verbs"]:
        if has_neg(word) or (word.dep_ == "acomp" and has_neg(word.head)) or _cannot(word) or _no_evidence(word):
            return True
        if _known_by_no_one(word) or _yet_to(word):
            return True
        # "too early to say": the saying hangs on an adjective "too" something
        head = word.head
        return word.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in head.children)
    if word.pos_ == "AUX" or lemma in ("remain", "be", "seem"):
        # "It was not clear who fired", "Who fired remains unclear": the knowing word is its complement
        comps = [c for c in word.children if c.dep_ in ("acomp", "attr")]
        return any(
            _lemma(c) in w["unknown_adjectives"] or (_lemma(c) in w["unknown_verbs"] and has_neg(word)) for c in comps
        )
    return False


def _known_by_no_one(word: Token) -> bool:
    """ "No one knows who fired", "nobody could say which side fired": the knowing word's subject is
    no one."""
    return any(
        c.dep_ == "nsubj" and (c.lower_ in NO_ONE or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)))
        for c in word.children
    )


def _yet_to(word: Token) -> bool:
    """ "Investigators have yet to determine who fired", "it has yet to be established": not done yet."""
    return word.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in word.head.children)


def _knowing_word(clause: Token) -> Token | None:
    """The word of not knowing the act's clause hangs on; or, where the parser hung the rest of "Who
    fired first remains unclear" on the question itself, the one that hangs on the clause."""
    if clause.dep_ == "ROOT":
        return next((c for c in clause.children if c.dep_ == "advcl" and c.i > clause.i and _not_knowing(c)), None)
    if clause.dep_ == "relcl" and _lemma(clause.head) in word_sets()["unknown_adjectives"]:
        return clause.head  # "it remains a mystery who fired"
    node = clause
    for _ in range(MAX_UP):
        if node.dep_ not in ("ccomp", "csubj", "csubjpass", "xcomp", "pcomp", "pobj", "prep") or node.head is node:
            return None
        node = node.head
        if _not_knowing(node):
            return node
    return None


def _unestablished(tok: Token) -> Iterator[UnknownCulprit]:
    """ "Responsibility for the attack has never been established", "the gunmen were never identified",
    "the identity of the attackers remains unknown"."""
    w = word_sets()
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return
    if _lemma(tok) not in w["unknown_subjects"] and not (
        _lemma(tok) in w["unknown_of_act_subjects"] and _of_an_act(tok)
    ):
        return
    verb = tok.head
    if tok.dep_ == "nsubjpass" and _lemma(verb) in w["unknown_verbs"] and has_neg(verb):
        yield UnknownCulprit(verb, tok, verb)
    elif tok.dep_ == "nsubj" and _not_knowing(verb):
        yield UnknownCulprit(verb, tok, verb)  # "the identity of the attackers remains unknown"


def _of_an_act(tok: Token) -> bool:
    """ "the origin of the shots", "the source of the fire": of an act or of what was fired, not "the
    source of the river"."""
    fired = word_sets()["fired_things"] | word_sets()["shot_nouns"]
    return any(
        g.dep_ == "pobj" and (_lemma(g) in _acts() or _lemma(g) in fired)
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def find_unknown_culprits(sent: Span) -> list[UnknownCulprit]:
    """Every place in a sentence where it says the culprit is not known."""
    found: list[UnknownCulprit] = []
    for tok in sent:
        found.extend(_unestablished(tok))
        clause = _question(tok)
        if clause is None or not _tells_act(clause):
            continue
        knowing = _knowing_word(clause)
        if knowing is not None:
            found.append(UnknownCulprit(knowing, tok, clause))
    return found
