"""Counts of people killed, wounded or displaced (issue #2).

A number becomes a claim when the dependency tree ties it to a trigger word of
one kind ("killed", "dead", "refugees", "expelled", "wounded"): the number
counts a noun ("30,000 ethnic Azerbaijanis") that is the subject or object of
the trigger, or the trigger itself ("a million refugees"), or a figure noun
("the death toll ... 100 to 300 spectrum") in a sentence with a trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.actors import AliasTable
from claims.context import DocContext
from claims.models import Count
from claims.numbers import NumberMention
from claims.rules import rules
from claims.tree import external_head, left_mods, span_of, tree_distance
from claims.where import where_of

MAX_DIRECT = 2
TOTAL_WORDS = frozenset(rules()["scope"]["total_markers"])
_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "hundred", "thousand", "million"}
MAX_VIA_FIGURE = 8


@dataclass
class CountHit:
    kind: str
    number: NumberMention
    count: Count
    noun: Token
    trigger: Token
    scope: str


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


def _trigger_kind(tok: Token) -> str | None:
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


def _counted_noun(num_root: Token) -> Token:
    """The noun a number counts: "30,000 [Azerbaijanis]", "[thousands] were displaced"."""
    if num_root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod") and num_root.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
        "VERB",
    ):
        return num_root.head
    return num_root


def _implied_nation(target: Token, words: list[Token], aliases: AliasTable) -> str | None:
    """Whose people a scope means when its own words do not say: "China said four of its
    soldiers", "On the Indian side, 20 soldiers died" (written as "soldiers [China]")."""
    if any(aliases.resolve(t.text) for t in words if t.pos_ in ("ADJ", "PROPN", "NOUN")):
        return None
    sent = target.sent
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in target.children) or (
        target.head.dep_ == "pobj" and any(c.lower_ in ("its", "their") for c in target.head.head.children)
    ):
        before = [t for t in sent if t.i < target.i and t.pos_ == "PROPN" and aliases.resolve(t.text)]
        if before:
            return aliases.resolve(before[-1].text)
    sides = {
        aliases.resolve(m.text)
        for t in sent
        if t.lemma_.lower() == "side"
        for m in t.children
        if m.dep_ in ("amod", "compound", "poss") and aliases.resolve(m.text)
    }
    if len(sides) == 1:
        return sides.pop()
    return None


def _scope(noun: Token, num_span: Span, trigger: Token, aliases: AliasTable) -> str:
    """Whom the number is about, in the words of the source ("ethnic Azerbaijanis")."""
    figure = set(rules()["figure_nouns"])
    general = set(rules()["scope"]["general"])
    target = noun
    if noun.i in range(num_span.start, num_span.end) or noun.lemma_.lower() in figure | general:
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if objs and objs[0].lemma_.lower() not in figure:
            target = objs[0]
        elif noun.i in range(num_span.start, num_span.end) or noun.lemma_.lower() in figure:
            return "people"
    if target.i == trigger.i and target.lemma_.lower() not in ("refugee",):
        return "people"
    mods = [t for t in left_mods(target) if not (num_span.start <= t.i < num_span.end) and not t.like_num]
    mods = [t for t in mods if t.dep_ != "poss" or t.ent_type_ in ("NORP", "GPE")]
    words = [t for t in mods if t.i < target.i] + [target]
    for prep in target.children:
        # "12 soldiers of the Georgian army": the nation may follow the noun
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("of", "from", "on")
            and any(
                t.ent_type_ in ("NORP", "GPE") or t.lower_ in TOTAL_WORDS or t.lemma_.lower() in _role_words()
                for t in prep.subtree
            )
        ):
            words.extend(prep.subtree)
    for clause in (c for c in target.children if c.dep_ == "relcl" and c.i > target.i):
        # "thousands of Palestinians who stayed": a restrictive clause makes the count a part (issue #8)
        # only when the pronoun is the clause's subject: "12 of whom were children" divides, it does not restrict
        pronoun = [
            t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("who", "that", "which")
        ]
        if pronoun:
            words.extend([pronoun[0], clause])
    # the chosen words only: "all 298 people" is the scope "all people", the number is the value
    text = " ".join(t.text for t in sorted({t.i: t for t in words}.values(), key=lambda t: t.i)).replace(" ’s", "’s")
    nation = _implied_nation(target, words, aliases)
    if nation:
        text = f"{text} [{nation}]"
    for junk in ("’", "'"):
        text = text.rstrip(junk + "s").rstrip(junk) if text.endswith(junk + "s") or text.endswith(junk) else text
    return text.strip() or "people"


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """ "12 members of the security forces": a role named after the noun still says who."""
    return frozenset(w for words in rules()["scope"]["roles"].values() for w in words)


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    sc = rules()["scope"]
    words = set(sc["people_nouns"]) | set(sc["general"])
    for role_words in sc["roles"].values():
        words |= set(role_words)
    words |= set(rules()["figure_nouns"])
    for groups in rules()["triggers"].values():
        words |= set(groups["nouns"]) | set(groups["adjectives"])
    return frozenset(words)


def _counts_people(noun: Token, num_span: Span, ctx: DocContext) -> bool:
    """Only numbers of people are casualty counts: not "two warnings", "300 settlements"."""
    if num_span.start <= noun.i < num_span.end:
        return True
    if noun.lemma_.lower() in _person_words() or noun.lower_ in _person_words():
        return True
    if noun.ent_type_ == "NORP" or ctx.aliases.resolve(noun.text):
        return True
    return noun.pos_ == "VERB"  # "were killed": the number is the subject itself


def _near_figure(tok: Token, sent: Span) -> Token | None:
    figure = set(rules()["figure_nouns"])
    for other in sent:
        if other.lemma_.lower() in figure and tree_distance(tok, other) <= 3:
            return other
    return None


NOBODY = {"nobody", "none", "noone"}


def _stated_zeros(triggers: list[tuple[Token, str]]) -> list[CountHit]:
    """ "causing no casualties", "no one was killed": a stated zero answers "300 died" (issue #2)."""
    hits: list[CountHit] = []
    for trig, kind in triggers:
        zero: Token | None = None
        if trig.pos_ == "NOUN":
            zero = next((c for c in trig.children if c.dep_ == "det" and c.lower_ == "no"), None)
        else:
            for subj in (c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subj.lower_ in NOBODY or (subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)):
                    zero = subj
        if zero is None or any(c.dep_ == "neg" for c in trig.children):
            continue
        lo, hi = min(zero.left_edge.i, trig.i), max(zero.i, trig.i)
        doc = trig.doc
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        text = doc.text[start:end] if hi - lo < 6 else zero.text
        count = Count(low=0, high=0, qualifier="none", text=text)
        hits.append(CountHit(kind, NumberMention(start, end, count), count, trig, trig, "people"))
    return hits


def find_count_hits(ctx: DocContext, sent: Span) -> list[CountHit]:  # noqa: C901 (issue #7: split in the extraction rework)
    triggers = [(t, k) for t in sent if (k := _trigger_kind(t))]
    if not triggers:
        return []
    hits: list[CountHit] = _stated_zeros(triggers)
    for mention in ctx.numbers_in(sent.start_char, sent.end_char):
        num_span = span_of(sent, mention.start, mention.end)
        if num_span is None or len(num_span) == 0:
            continue
        if num_span[0].lower_ == "one" and num_span.start > sent.start and sent.doc[num_span.start - 1].lower_ == "no":
            continue  # "no one was killed" is a stated zero, read above
        core = [t for t in num_span if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE_WORDS]
        root = (
            external_head(num_span[core[0].i - num_span.start : core[-1].i - num_span.start + 1])
            if core
            else (external_head(num_span))
        )
        noun = _counted_noun(root)
        if not _counts_people(noun, num_span, ctx):
            continue
        best: tuple[int, int, Token, str] | None = None
        for trig, kind in triggers:
            if num_span.start <= trig.i < num_span.end:
                continue
            dist = min(tree_distance(noun, trig), tree_distance(root, trig))
            if dist <= MAX_DIRECT:
                cand = (dist, abs(trig.i - noun.i), trig, kind)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        if best is None:
            figure = _near_figure(root, sent)
            if figure is not None:
                for trig, kind in triggers:
                    dist = tree_distance(figure, trig)
                    if dist <= MAX_VIA_FIGURE:
                        cand = (dist, abs(trig.i - figure.i), trig, kind)
                        if best is None or cand[:2] < best[:2]:
                            best = cand
                if best is not None:
                    noun = figure
        if best is None:
            continue
        _, _, trig, kind = best
        scope = _scope(noun, num_span, trig, ctx.aliases)
        where = where_of(trig, noun, ctx.aliases, ctx.main_places)
        hits.append(CountHit(kind, mention, mention.count, noun, trig, f"{scope} {where}" if where else scope))
    return hits
