"""Counts of people killed, wounded or displaced (issue #2, #8).

A number becomes a claim when it is tied to a trigger word of one kind
("killed", "dead", "refugees", "expelled", "wounded"): claims/count_link.py
decides which trigger a number belongs to, claims/count_scope.py whom it
counts, claims/count_words.py which words trigger and which nouns count people.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.count_link import link
from claims.count_scope import scope_text
from claims.count_words import counts_people, trigger_kind
from claims.models import Count
from claims.numbers import NumberMention
from claims.tree import external_head, span_of
from claims.where import where_of

_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "hundred", "thousand", "million"}
NOBODY = {"nobody", "none", "noone"}


@dataclass
class CountHit:
    kind: str
    number: NumberMention
    count: Count
    noun: Token
    trigger: Token
    scope: str


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


def _number_root(num_span: Span) -> Token:
    """The syntactic head of the number's own words ("120" of "between 120 and 150")."""
    core = [t for t in num_span if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE_WORDS]
    if not core:
        return external_head(num_span)
    return external_head(num_span[core[0].i - num_span.start : core[-1].i - num_span.start + 1])


def _hit(ctx: DocContext, sent: Span, mention: NumberMention, triggers: list[tuple[Token, str]]) -> CountHit | None:
    """The count claim one number makes, if it counts people for a trigger."""
    num_span = span_of(sent, mention.start, mention.end)
    if num_span is None or len(num_span) == 0:
        return None
    if num_span[0].lower_ == "one" and num_span.start > sent.start and sent.doc[num_span.start - 1].lower_ == "no":
        return None  # "no one was killed" is a stated zero, read above
    root = _number_root(num_span)
    noun = _counted_noun(root)
    if not counts_people(noun, num_span, ctx):
        return None
    found = link(noun, root, num_span, triggers)
    if found is None:
        return None
    scope = scope_text(found.noun, num_span, found.trigger, ctx.aliases)
    where = where_of(found.trigger, found.noun, ctx.aliases, ctx.main_places)
    scope = f"{scope} {where}" if where else scope
    return CountHit(found.kind, mention, mention.count, found.noun, found.trigger, scope)


def find_count_hits(ctx: DocContext, sent: Span) -> list[CountHit]:
    """Every count of people killed, wounded or displaced in one sentence."""
    triggers = [(t, k) for t in sent if (k := trigger_kind(t))]
    if not triggers:
        return []
    hits: list[CountHit] = _stated_zeros(triggers)
    for mention in ctx.numbers_in(sent.start_char, sent.end_char):
        hit = _hit(ctx, sent, mention, triggers)
        if hit is not None:
            hits.append(hit)
    return hits
