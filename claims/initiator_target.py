"""Whom an initiator claim says was attacked (issue #8): the direct object, a passive subject,
or the object of "on/against/at/into/upon/of" under the trigger or its event noun.

What was fired ("fired a missile") is not whom it was fired at; in "seized 20 percent of the
territory" the target is what follows "of".
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from claims.initiator_negation import _lemma, word_sets
from claims.tree import np_text

TARGET_PREPS = ("against", "on", "upon", "into", "at", "of", "to", "through", "towards", "toward")
TARGET_STOP = frozenset({"relcl", "acl", "appos", "cc", "conj", "prep"})
Target = tuple[str | None, Token | None]
RECIPROCAL = frozenset({"other", "another"})  # "each other", "one another"


class Reader(Protocol):
    """What targets need of the actor reader (claims.initiator_actor.ActorReader)."""

    def name(self, tok: Token, depth: int = 0): ...  # noqa: ANN201

    def canonical(self, text: str) -> str: ...


def np_phrase(head: Token) -> str:
    """A target as written, without its clauses, appositions, conjuncts or prepositions."""
    return np_text(head, TARGET_STOP, drop_det=True).replace("s ' ", "s' ").replace("s ’ ", "s’ ")


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _named_or_phrase(reader: Reader, tok: Token) -> Target:
    named = reader.name(tok)
    if named:
        return named.actor, named.tok
    return reader.canonical(np_phrase(tok)), tok


def prep_target(reader: Reader, *nodes: Token | None, own: int | None = None) -> Target:
    """The object of a target preposition under the first node that has one; not the "of" of the
    doer (`own`), which is part of its name ("the regular army of Israel"). Phrases after the word are
    tried before phrases ahead of it: "At several points, commandos opened fire on the police" fired
    on the police; the phrase ahead sets the scene."""
    for node in nodes:
        if node is None:
            continue
        for prep in sorted(_children(node, "prep"), key=lambda p: (p.i < node.i, p.i)):
            if prep.lower_ not in TARGET_PREPS or (node.i == own and prep.lower_ == "of"):
                continue
            for obj in _children(prep, "pobj"):
                if obj.ent_type_ in ("DATE", "TIME", "CARDINAL") or obj.like_num:
                    continue
                if any(d.lower_ == "no" for d in obj.children) or obj.lower_ in ("nobody", "noone"):
                    continue  # "at no time did they fire", "fired at nobody": a negation, not a target
                if obj.lower_ in RECIPROCAL:
                    return None, None  # "fired on each other": the actor says who was struck
                if _lemma(obj) in _acts_and_parts():
                    return None, None  # "accused X of the massacre (of responsibility)": the act, not whom
                if _lemma(obj) in word_sets()["order_nouns"]:
                    continue  # "fired on orders from the commander": whose order, not whom it struck
                return _named_or_phrase(reader, obj)
    return None, None


def _acts_and_parts() -> frozenset[str]:
    """Nouns that name an act or a part in it, never whom it struck."""
    w = word_sets()
    return w["violence_nouns"] | w["involvement_nouns"] | w["war_nouns"]


def _of_object(obj: Token) -> Token | None:
    inner = [p for c in _children(obj, "prep") if c.lower_ == "of" for p in _children(c, "pobj")]
    return inner[0] if inner else None


def direct_target(reader: Reader, obj: Token | None) -> Target:
    """A direct object (or passive subject) as the target, unless it is what was fired."""
    if obj is None:
        return None, None
    w = word_sets()
    fired = w["attack_nouns"] | w["war_nouns"] | w["fired_things"]  # what was fired or done, not whom at
    if obj.lemma_.lower() in fired:
        return None, None
    if (
        obj.like_num
        or obj.ent_type_ in ("PERCENT", "CARDINAL", "QUANTITY")
        or obj.lemma_.lower() in w["quantity_nouns"]
    ):
        inner = _of_object(obj)  # "seized 20 percent of the territory"
        if inner is None or inner.lemma_.lower() in fired:
            return None, None  # "fired hundreds of rockets": what was fired
        obj = inner
    named = reader.name(obj)
    if named:
        return named.actor, named.tok
    inner = _of_object(obj)
    named = reader.name(inner) if inner is not None else None
    if named:
        return named.actor, named.tok
    return reader.canonical(np_phrase(obj)), obj


RELATIVES = frozenset({"that", "which", "who", "whom"})


def find_target(reader: Reader, roles: dict[str, Token], direct: str | None, subject: str | None,
                preps: list[str]) -> Target:  # fmt: skip
    """The target by the pattern's rule: direct object, passive subject, then prepositions."""
    found: Target = (None, None)
    if direct is not None:
        # "the story that protesters attacked the police": the parser may read the "that" as an object
        objs = [o for o in _children(roles[direct], "dobj") if o.lower_ not in RELATIVES]
        found = direct_target(reader, objs[0] if objs else None)
    if found[0] is None and subject is not None:
        node = roles[subject]
        subj = _children(node, "nsubjpass")
        if not subj and node.dep_ in ("acl", "relcl"):
            subj = [node.head]  # "civilians killed by the militia"
        found = direct_target(reader, subj[0] if subj else None)
    if found[0] is None and preps:
        doer = roles.get("doer")
        found = prep_target(reader, *(roles[p] for p in preps), own=doer.i if doer is not None else None)
    return found
