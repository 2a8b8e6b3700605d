"""Which trigger a number belongs to (issue #2, #8): "30,000 [killed]", "the death
toll ... 100 to 300".

Each rule is one function that proposes a link; the first that finds one wins,
from the most to the least direct.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.count_words import argument_noun, fatal_part, figure_words
from claims.rules import rules
from claims.tree import of_whom_at, tree_distance

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


def _other_verbs_argument(noun: Token, trigger: Token) -> bool:
    """ "police killed 3 protesters and arrested [40 people]": two edges from "killed", but the
    object of another verb (issue #8)."""
    arg = noun if noun.dep_ != "conj" else noun.head
    if trigger.head.i == arg.i and trigger.dep_ in ("relcl", "acl"):
        return False  # "remember the 649 servicemen who died": the death is the noun's own clause
    verb = arg.head
    return (
        arg.dep_ in ("dobj", "nsubj", "nsubjpass")
        and verb.pos_ == "VERB"
        and verb.i != trigger.i
        and verb.lemma_.lower() not in figure_words()[1]
    )


def _counts_a_part(clause: Token) -> bool:
    """ "13 of whom died": the clause opens with a number of the noun's people ("N of whom")."""
    start = clause.left_edge.i
    return start + 2 < clause.i and clause.doc[start].like_num and of_whom_at(clause.doc, start + 1)


def _told_after(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "63 dead and more than 200 [wounded]": a bare number's own word right after it says what befell
    them, however the parse hung the number (FAILURE_MODES 1). Not a word that goes on to a noun
    ("20 wounded soldiers" were killed)."""
    if not num_span.start <= noun.i < num_span.end or num_span.end >= len(noun.doc):
        return None
    after = noun.doc[num_span.end]
    if after.pos_ not in ("ADJ", "VERB") or (after.dep_ in ("amod", "compound") and after.head.i > after.i):
        return None
    return next((Link(t, kind, noun) for t, kind in triggers if t.i == after.i), None)


def _direct(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """The number or its noun within two edges of a trigger: "killed 30,000 people"; what a verb did
    to the people outweighs what their noun calls them ("killed 800 refugees")."""
    found = _nearest(triggers, [noun, root], MAX_DIRECT, num_span)
    if found is None or (found[0].pos_ == "VERB" and _other_verbs_argument(noun, found[0])):
        return None
    if found[0].i == noun.i:
        found = _befell(noun, found[1], triggers) or found
    return Link(found[0], found[1], noun)


def _figure_subject(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "the number of people killed reached 1,133, and 600,000 were displaced", "the death toll stood at
    63": the number is the value its light verb gives the figure noun, whose own words say what it counts,
    not a trigger two edges away in the next clause."""
    arg = noun.head if noun.dep_ == "conj" else noun
    verb = arg.head.head if arg.dep_ == "pobj" else arg.head
    if arg.dep_ not in ("dobj", "attr", "pobj", "npadvmod") or verb.lemma_.lower() not in figure_words()[1]:
        return None
    figures, _ = figure_words()
    figure = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in figures), None)
    if figure is None:
        return None
    own = [(t, k) for t, k in triggers if figure.left_edge.i <= t.i <= figure.right_edge.i]
    found = _nearest(own, [figure], MAX_VIA_FIGURE) if own else None
    if found is None:
        return None
    bare = num_span.start <= noun.i < num_span.end
    return Link(found[0], found[1], figure if bare else noun)  # "the toll was 52 villagers": their scope


def _befell(noun: Token, own_kind: str, triggers: Triggers) -> tuple[Token, str] | None:
    """A trigger of another kind whose argument the noun is, or whose clause tells of the noun:
    "militiamen killed 800 refugees", "40 refugees died", "refugees slaughtered in the camp"."""
    arg = noun.head if noun.dep_ == "conj" else noun
    for trig, kind in triggers:
        if kind == own_kind or trig.i == noun.i:
            continue
        if (arg.head.i == trig.i and arg.dep_ in ("dobj", "nsubj", "nsubjpass")) or (
            trig.head.i == arg.i and trig.dep_ in ("acl", "relcl")
        ):
            return trig, kind
    return None


def _near_figure(tok: Token, sent: Span) -> Token | None:
    figure, _ = figure_words()
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


_CLAUSE_EDGES = {"xcomp", "prep", "pobj", "dobj", "oprd", "acomp", "attr", "agent", "advmod", "npadvmod", "dative"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "appos"}


def _predicate_tokens(verb: Token, shared_subject: bool) -> list[tuple[Token, int]]:
    """The words of one predicate with their depth, not entering another clause: "were shot or
    [beaten to death]"; a coordinated verb only when it has no subject of its own."""
    limit = rules()["count_link"]["max_clause_path"]
    out: list[tuple[Token, int]] = []
    todo = [(verb, 0)]
    while todo:
        tok, depth = todo.pop()
        out.append((tok, depth))
        if depth >= limit:
            continue
        for child in tok.children:
            if child.dep_ in _CLAUSE_EDGES:
                todo.append((child, depth + 1))
            elif (
                child.dep_ == "conj"
                and shared_subject
                and child.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                todo.append((child, depth + 1))
    return out


def _clause(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """The counted group is an argument of a predicate that holds the trigger: "nine protesters
    were shot or beaten to death", "200 people lost their lives" (issue #8, FAILURE_MODES 1)."""
    arg = argument_noun(noun)
    if arg.dep_ not in _ARGUMENTS or arg.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = arg.head
    words = {t.i: depth for t, depth in _predicate_tokens(verb, arg.dep_ in ("nsubj", "nsubjpass"))}
    best = min(((words[t.i], t, k) for t, k in triggers if t.i in words and not num_span.start <= t.i < num_span.end),
               key=lambda x: x[0], default=None)  # fmt: skip
    return Link(best[1], best[2], noun) if best else None


def _climb_to_verb(tok: Token, steps: int = 4) -> Token | None:
    """The verb a number hangs from through prepositions: "at [between 120 and 150] people"."""
    for _ in range(steps):
        if tok.dep_ in ("ROOT",) or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("pobj",):
            return None
    return None


def _light_verb(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "officials put the death toll at N", "estimated the dead at N", "figures of deaths
    ranging from N to M": a light verb joins the number to the trigger (issue #8)."""
    _, light = figure_words()
    verb = _climb_to_verb(root) or _climb_to_verb(noun)
    if verb is None or verb.lemma_.lower() not in light:
        return None
    if _gives_cause(verb):
        return None
    near = [verb]
    near += [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    if verb.dep_ in ("acl", "relcl"):
        near.append(verb.head)  # "deaths ranging from ..."
    found = _nearest(triggers, near, 2, num_span)
    return Link(found[0], found[1], noun) if found else None


def _gives_cause(verb: Token) -> bool:
    """ "put these deaths down to the settling of scores": the light verb gives a cause, not a figure
    (a particle of blame, and no number after its "to": "put the toll down to 40" still sets one)."""
    if not any(c.dep_ == "prt" and c.lower_ in rules()["count_link"]["blame_particles"] for c in verb.children):
        return False
    to = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    return bool(to) and not any(o.like_num for o in to)


def _window(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """Fallback when the parse is implausible: the number group is followed, within a few words
    and past at most one parenthetical (", most of them students,"), by a death verb, with no
    other verb or number between (issue #8, FAILURE_MODES 1)."""
    sent = num_span.sent
    kinds = {t.i: k for t, k in triggers if t.pos_ in ("VERB", "ADJ", "AUX")}
    i = max(num_span.end, noun.i + 1)
    limit = min(sent.end, i + rules()["count_link"]["window"])
    inside = False
    while i < limit:
        tok = sent.doc[i]
        if tok.i in kinds and not inside:
            return Link(tok, kinds[tok.i], noun)
        if tok.text == ",":
            inside = not inside
        elif tok.is_punct or tok.like_num or not (inside or tok.pos_ in ("AUX", "ADV", "PART")):
            return None
        i += 1
    return None


def _side(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "58 were pronounced dead, up from 23 on the Israeli side": a bare number that names its own
    side counts that side's people for the sentence's nearest trigger (FAILURE_MODES 1)."""
    if not num_span.start <= noun.i < num_span.end or not _names_side(root):
        return None
    found = _nearest(triggers, [root], rules()["count_link"]["max_side_path"], num_span)
    return Link(found[0], found[1], noun) if found else None


def _names_side(tok: Token) -> bool:
    holders = [tok, tok.head] if tok.dep_ == "pobj" else [tok]  # "from 23 on the Israeli side"
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() == "side"
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
    )


def _among_the_dead(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """ "Among those killed were 3 journalists", "among the victims were two officers": the people a
    copula names, set among the dead by a fronted "among" (issue #8)."""
    arg = noun if noun.dep_ != "conj" else noun.head
    verb = arg.head
    if arg.dep_ not in ("attr", "nsubj") or verb.lemma_ != "be":
        return None
    dead = rules()["count_link"]["dead_nouns"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among" and c.i < arg.i):
        for base in (g for g in prep.children if g.dep_ == "pobj"):
            for trig, kind in triggers:
                if trig.i == base.i or (trig.head.i == base.i and trig.dep_ in ("acl", "relcl")):
                    return Link(trig, kind, noun)
            if base.lemma_.lower() in dead:
                return Link(base, "casualties", noun)
    return None


RULES = (_told_after, _figure_subject, _direct, _clause, _light_verb, _via_figure, _window, _side, _among_the_dead)


@lru_cache(maxsize=1)
def act_nouns() -> frozenset[str]:
    """ "massacre", "slaughter": death nouns that name the act; a number on one counts acts ("two
    massacres") and a "no" on one denies the act ("there was no massacre"), not the dead."""
    return frozenset(rules()["count_link"]["act_nouns"])


def _held(noun: Token) -> bool:
    """ "(a total of) 259 suspects were arrested for offences including murder", "charged 12 men with
    the killings": people a verb of custody or justice holds are not the dead, whatever crime is named."""
    custody = rules()["count_link"]["custody_verbs"]
    arg = noun.head if noun.dep_ == "conj" else noun
    if noun.dep_ == "conj" and arg.dep_ == "pobj" and arg.head.head.lemma_.lower() in custody:
        return True  # "four Marines were charged with murder and four officers with dereliction": the second charged
    if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.lemma_.lower() in figure_words()[0]:
        arg = arg.head.head  # "a total of 259 suspects"
    return arg.dep_ in ("nsubj", "nsubjpass", "dobj") and arg.head.lemma_.lower() in custody


def _may_count(trigger: Token, noun: Token) -> bool:
    """ "hitting 30 people, 9 of them fatally": the adverb is the trigger of the part's number only."""
    part = fatal_part(trigger)
    return part is None or part.i == noun.i


def link(noun: Token, root: Token, num_span: Span, triggers: Triggers) -> Link | None:
    """The trigger a number counts for, by the first rule that finds one."""
    if _held(noun) or noun.lemma_.lower() in act_nouns():
        return None  # "(259 suspects were) arrested", "two massacres": no count of the dead
    arg = noun.head if noun.dep_ == "conj" else noun
    # "shot 26 civilians, 13 of whom died": the clause's own number counts the dead, not the noun
    triggers = [(t, k) for t, k in triggers if not (t.head.i == arg.i and _counts_a_part(t)) and _may_count(t, noun)]
    for rule in RULES:
        found = rule(noun, root, num_span, triggers)
        if found is not None:
            return found
    return None
