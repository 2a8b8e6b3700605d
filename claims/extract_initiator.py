"""Who started, launched, attacked or is blamed (issue #2).

Patterns over the dependency tree, with the words kept as data in rules.json:
- X started/launched/provoked/unleashed a war (or: a war was started by X)
- X attacked/shelled/invaded/bombed Y (or: Y was attacked by X)
- X's attacks on Y / attacks from X / an X-ian air strike
- Z blamed X / Z blamed an X-ian strike / Z accused X of ...
- X is (not) responsible for ...; the aggressor was X; X resorted to war
A response ("counter-strike", "responded", "retaliated") is not an initiator.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.rules import rules
from claims.tree import np_text

ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC"}
PERFORM_VERBS = {"carry", "conduct", "wage", "mount", "stage", "commit", "perpetrate", "launch", "unleash", "start"}
FORCE_NOUNS = {"patrol", "convoy", "position", "post", "outpost", "base", "brigade", "battalion", "division",
               "regiment", "platoon", "squad", "guard", "warplane", "jet", "aircraft", "drone", "ship", "tank",
               "force", "troop", "army", "military", "government", "side", "authority", "regime", "unit", "soldier",
               "group", "militia", "police", "navy", "leadership", "administration", "official"}  # fmt: skip
TARGET_PREPS = ("against", "on", "upon", "into", "at", "of")
RESPONSIBILITY_VERBS = {"claim", "take", "accept", "admit", "bear"}
TARGET_STOP = frozenset({"relcl", "acl", "appos", "cc", "conj", "prep"})
PRONOUN_ANTECEDENT = {"it", "they", "who", "which", "that"}


@dataclass
class ActorHit:
    trigger: Token
    actor_tok: Token
    actor: str
    target: str | None
    target_tok: Token | None
    negated: bool
    strength: str  # "start", "attack" or "blame"
    event: Token | None


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    ini = rules()["initiator"]
    return {k: frozenset(v) for k, v in ini.items() if isinstance(v, list)}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _entity(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ACTOR_LABELS:
            return ent
    return None


class ActorReader:
    """Turns a noun phrase into who it names: "Azerbaijan's armed forces" -> Azerbaijan."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def name(self, tok: Token, depth: int = 0) -> tuple[Token, str] | None:  # noqa: C901 (issue #7: split in the extraction rework)
        if depth > 4:
            return None
        aliases = self.ctx.aliases
        if tok.lower_ in PRONOUN_ANTECEDENT:
            return self._antecedent(tok, depth)
        ent = _entity(tok)
        for child in tok.children:
            if child.dep_ == "appos" and _entity(child) is not None:
                named = self.name(child, depth + 1)
                if named:
                    return named
        lemma = _lemma(tok)
        if tok.pos_ == "PROPN" and aliases.resolve(tok.text):
            return tok, aliases.resolve(tok.text) or ""
        if ent is not None and lemma not in FORCE_NOUNS and lemma not in _words()["attack_nouns"]:
            resolved = aliases.resolve(ent.text)
            if resolved:
                return tok, resolved
            if ent.label_ in ("ORG", "PERSON", "NORP") or aliases.kind(ent.text):
                return tok, aliases.canonical(ent.text)
            return None
        resolved = aliases.resolve(tok.text)
        if resolved and lemma not in FORCE_NOUNS:
            return tok, resolved
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ in ("its", "their") and lemma in FORCE_NOUNS:
                # "India said Chinese troops attacked its soldiers": not the attackers' own
                named = self._antecedent(child, depth, skip_own_clause=tok.dep_ in ("dobj", "pobj"))
                if named:
                    return tok, named[1]
        if (
            lemma in FORCE_NOUNS
            or lemma in _words()["attack_nouns"]
            or lemma in _words()["war_nouns"]
            or (aliases.is_generic(tok.text))
        ):
            for child in tok.children:
                if child.dep_ in ("poss", "amod", "compound", "nmod"):
                    named = self._modifier(child)
                    if named:
                        return named
            objs = _by_from(tok) + [
                o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
            ]
            for obj in objs:
                named = self.name(obj, depth + 1)
                if named:
                    return named
            if aliases.is_generic(tok.text) or aliases.is_generic(tok.lemma_):
                mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN", "NOUN")]
                words = [*mods, tok]
                return tok, " ".join(w.text for w in words)
        return None

    def _modifier(self, child: Token) -> tuple[Token, str] | None:
        aliases = self.ctx.aliases
        ent = _entity(child)
        text = ent.text if ent is not None else child.text
        resolved = aliases.resolve(text)
        if resolved:
            return child, resolved
        if child.dep_ == "poss" and ent is not None and ent.label_ in ("ORG", "PERSON", "NORP"):
            return child, aliases.canonical(ent.text)
        if child.dep_ == "compound" and ent is not None and ent.label_ in ("ORG", "NORP"):
            return child, aliases.canonical(ent.text)
        return None

    def _antecedent(self, tok: Token, depth: int, skip_own_clause: bool = False) -> tuple[Token, str] | None:
        if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
            return self.name(tok.head.head, depth + 1)
        # "Georgia provoked the war when it attacked": the main clause's subject
        node = tok
        skipping = skip_own_clause
        while node.head.i != node.i:
            node = node.head
            if skipping and node.pos_ in ("VERB", "AUX"):
                skipping = False
                continue
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i and child.lower_ not in PRONOUN_ANTECEDENT:
                    return self.name(child, depth + 1)
        return None


def _by_from(tok: Token) -> list[Token]:
    """Objects of "by"/"from" after a noun, also when the parser hung the preposition elsewhere."""
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("by", "from") and nxt not in preps:
        preps.append(nxt)
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _blames_violence(verb: Token, obj: Token) -> bool:
    """ "blamed an Israeli strike", "accused X of attacking Y": blame for violence, not for policy."""
    w = _words()
    violent = (
        w["attack_nouns"] | w["war_nouns"] | w["attack_verbs"] | w["start_verbs"] | {"violate", "killing", "death"}
    )
    if _lemma(obj) in violent:
        return True
    for prep in _children(verb, "prep") + _children(obj, "prep"):
        if prep.lower_ in ("of", "for"):
            if any(_lemma(t) in violent for t in prep.subtree):
                return True
    return False


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _negated(tok: Token) -> bool:
    """ "Israel was not responsible"; "not in a position to consider as substantiated the claim of X's attack"."""
    for node in (tok, *tok.ancestors):
        if any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def _is_response(tok: Token, sent: Span) -> bool:
    words = _words()["response_words"]
    near = [tok, *tok.children, tok.head]
    return any(_lemma(t) in words or t.lower_ in words or t.lower_.startswith("counter") for t in near)


def _target(reader: ActorReader, *nodes: Token) -> tuple[str | None, Token | None]:
    for node in nodes:
        if node is None:
            continue
        for prep in _children(node, "prep"):
            if prep.lower_ in TARGET_PREPS:
                for obj in _children(prep, "pobj"):
                    if obj.ent_type_ in ("DATE", "TIME", "CARDINAL") or obj.like_num:
                        continue
                    named = reader.name(obj)
                    if named:
                        return named[1], named[0]
                    return reader.ctx.aliases.canonical(_np_text(obj)), obj
    return None, None


def _direct_target(reader: ActorReader, obj: Token | None) -> tuple[str | None, Token | None]:
    if obj is None:
        return None, None
    if _lemma(obj) in _words()["attack_nouns"] or _lemma(obj) in ("weapon", "round", "bullet", "shell"):
        return None, None  # "fired a missile": what was fired, not at whom
    if obj.like_num or obj.ent_type_ in ("PERCENT", "CARDINAL", "QUANTITY"):
        # "seized 20 percent of the territory": the target is what follows "of"
        inner = [
            p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
        ]
        if not inner:
            return None, None
        obj = inner[0]
    named = reader.name(obj)
    if named:
        return named[1], named[0]
    for prep in _children(obj, "prep"):
        if prep.lower_ == "of":
            for pobj in _children(prep, "pobj"):
                named = reader.name(pobj)
                if named:
                    return named[1], named[0]
    return reader.ctx.aliases.canonical(_np_text(obj)), obj


def _np_text(head: Token) -> str:
    """A target as written, without its clauses, appositions, conjuncts or prepositions."""
    return np_text(head, TARGET_STOP, drop_det=True)


def find_actor_hits(ctx: DocContext, sent: Span) -> list[ActorHit]:  # noqa: C901 (issue #7: split in the extraction rework)
    w = _words()
    reader = ActorReader(ctx)
    hits: list[ActorHit] = []
    for tok in sent:
        lemma = _lemma(tok)
        hit: ActorHit | None = None
        if tok.pos_ in ("VERB", "AUX"):
            if _is_response(tok, sent):
                continue
            subj = _children(tok, "nsubj")
            objs = _children(tok, "dobj")
            passive_subj = _children(tok, "nsubjpass")
            agents = [p for a in _children(tok, "agent") for p in _children(a, "pobj")]
            doer = agents[0] if agents else (subj[0] if subj else None)
            thing = passive_subj[0] if passive_subj else (objs[0] if objs else None)
            if doer is None and lemma in w["attack_verbs"] and tok.dep_ in ("conj", "advcl", "ROOT"):
                # "X's forces deployed in ... shelled ...": the subject hangs on a participle before
                before = [
                    t
                    for t in sent
                    if tok.i - 12 < t.i < tok.i
                    and t.dep_ == "nsubj"
                    and t.lower_ not in PRONOUN_ANTECEDENT
                    and reader.name(t)
                ]
                doer = before[-1] if before else None
            if (
                lemma in w["start_verbs"] | PERFORM_VERBS
                and thing is not None
                and (_lemma(thing) in w["war_nouns"] or _lemma(thing) in w["attack_nouns"])
            ):
                named = reader.name(doer) if doer is not None else None
                if named and not _is_response(thing, sent):
                    tgt, tgt_tok = _target(reader, thing, tok)
                    hit = ActorHit(tok, named[0], named[1], tgt, tgt_tok, _negated(tok), "start", thing)
            elif lemma in RESPONSIBILITY_VERBS and thing is not None and _lemma(thing) == "responsibility":
                # "Hamas claimed responsibility for the attack"
                named = reader.name(doer) if doer is not None else None
                if named:
                    hit = ActorHit(tok, named[0], named[1], None, None, _negated(tok), "blame", thing)
            elif lemma in w["attack_verbs"] and doer is not None:
                named = reader.name(doer)
                if named:
                    tgt, tgt_tok = _direct_target(reader, thing) if thing is not None else (None, None)
                    if tgt is None:
                        tgt, tgt_tok = _target(reader, tok)  # "fired a missile at the airliner"
                    hit = ActorHit(tok, named[0], named[1], tgt, tgt_tok, _negated(tok), "attack", thing or tok)
            elif lemma in w["blame_verbs"] and objs and _blames_violence(tok, objs[0]):
                named = reader.name(objs[0])
                if named and objs[0].lower_ not in ("each", "other"):
                    tgt, tgt_tok = _target(reader, objs[0])
                    hit = ActorHit(tok, named[0], named[1], tgt, tgt_tok, _negated(tok), "blame", objs[0])
            elif lemma == "resort" and any(
                _lemma(p) in w["war_nouns"] or p.lower_ in ("force", "arms") for prep in _children(tok, "prep")
                for p in _children(prep, "pobj")
            ):  # fmt: skip
                node = tok
                while node.head.i != node.i and not _children(node, "nsubj"):
                    node = node.head
                for s in _children(node, "nsubj"):
                    named = reader.name(s)
                    if named:
                        hit = ActorHit(tok, named[0], named[1], None, None, _negated(node), "start", tok)
        elif lemma in ("responsible", "culpable", "guilty") and tok.pos_ == "ADJ":
            head = tok.head
            for s in _children(head, "nsubj", "nsubjpass"):
                named = reader.name(s)
                if named:
                    hit = ActorHit(tok, named[0], named[1], None, None, _negated(head) or _negated(tok), "blame", tok)
        elif lemma in w["blame_nouns"] or (tok.dep_ == "compound" and _lemma(tok) in w["blame_nouns"]):
            noun = tok.head if tok.dep_ == "compound" else tok
            cop = noun.head
            if cop.lemma_ == "be":
                for other in _children(cop, "nsubj", "attr"):
                    if other.i != noun.i:
                        named = reader.name(other)
                        if named:
                            hit = ActorHit(tok, named[0], named[1], None, None, _negated(cop), "blame", noun)
        elif tok.pos_ == "NOUN" and lemma in w["attack_nouns"] and not _is_response(tok, sent):
            if any(m.lower_ in ("subsequent", "later", "alleged") for m in tok.lefts):
                continue
            named = None
            for child in tok.children:
                if child.dep_ in ("poss", "amod", "compound", "nmod"):
                    named = reader._modifier(child)
                    if named:
                        break
            if named is None:
                for obj in _by_from(tok):
                    named = reader.name(obj)
                    if named:
                        break
            if named and not _negated(tok):  # "not substantiated ... the claim of an X-ian incursion": too unsure
                tgt, tgt_tok = _target(reader, tok)
                hit = ActorHit(tok, named[0], named[1], tgt, tgt_tok, False, "attack", tok)
        if hit is not None and hit.actor != hit.target:
            hits.append(hit)
    return _dedupe(hits)


def _dedupe(hits: list[ActorHit]) -> list[ActorHit]:
    """One claim per actor and polarity in a sentence: the strongest trigger wins."""
    rank = {"start": 0, "blame": 1, "attack": 2}
    best: dict[tuple[str, bool], ActorHit] = {}
    for hit in hits:
        key = (hit.actor, hit.negated)
        if key not in best or rank[hit.strength] < rank[best[key].strength]:
            best[key] = hit
    return sorted(best.values(), key=lambda h: h.trigger.i)
