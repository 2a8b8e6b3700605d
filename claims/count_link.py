"""Which trigger a number belongs to (issue #2, #8): "30,000 [killed]", "the death
toll ... 100 to 300".

Each rule is one function that proposes a link; the first that finds one wins,
from the most to the least direct.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claims.rules import rules
from claims.tree import tree_distance

MAX_DIRECT = 2
MAX_VIA_FIGURE = 8


@dataclass
class Link:
    trigger: Token
    kind: str
    noun: Token  # what the number counts, or the figure noun it is the value of


Triggers = list[tuple[Token, str]]


def _nearest(triggers: Triggers, froms: list[Token], limit: int, skip: Span | None = None) -> tuple[Token, str] | None:
    best: tuple[int, int, Token, str] | None = None
    for trig, kind in triggers:
        if skip is not None and skip.start <= trig.i < skip.end:
            continue
        dist = min(tree_distance(f, trig) for f in froms)
        if dist <= limit:
            cand = (dist, abs(trig.i - froms[0].i), trig, kind)
            if best is None or cand[:2] < best[:2]:
                best = cand
    return (best[2], best[3]) if best else None


def _direct(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """The number or its noun within two edges of a trigger: "killed 30,000 people"."""
    found = _nearest(triggers, [noun, root], MAX_DIRECT, num_span)
    return Link(found[0], found[1], noun) if found else None


def _near_figure(tok: Token, sent: Span) -> Token | None:
    figure = set(rules()["figure_nouns"])
    for other in sent:
        if other.lemma_.lower() in figure and tree_distance(tok, other) <= 3:
            return other
    return None


def _via_figure(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "the death toll ... 100 to 300": the number near a figure noun that is near a trigger."""
    figure = _near_figure(root, num_span.sent)
    if figure is None:
        return None
    found = _nearest(triggers, [figure], MAX_VIA_FIGURE)
    return Link(found[0], found[1], figure) if found else None


RULES = (_direct, _via_figure)


def link(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """The trigger a number counts for, by the first rule that finds one."""
    for rule in RULES:
        found = rule(noun, root, num_span, triggers)
        if found is not None:
            return found
    return None
