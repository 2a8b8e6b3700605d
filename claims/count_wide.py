"""A toll of the whole war or country told beside an incident's (issue #8): "the monitoring
mission in the country has verified 5,264 civilian deaths", "more than 10,000 people have died
since the uprising began". The incident's dead are a part of such a count, never a rival figure.
The words are data: rules scope.wide_phrases and wide_since_words."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.dates import MONTHS, WEEKDAYS
from claims.rules import rules
from claims.where import PLACE_LABELS

DAY_PRECISIONS = ("day", "days")
LEAD_SENTENCES = 3  # a byline, the headline, the lead


def wide_toll(sent: Span, trigger: Token, ctx: DocContext) -> bool:
    """Does the count's sentence tell a toll of the whole war or country?"""
    sc = rules()["scope"]
    if _tells_a_war(ctx, set(sc["wide_since_words"])):
        return False  # an account of the war itself: its toll is the event's own
    lowered = f" {sent.text.lower()} "
    if any(f" {phrase} " in lowered or f" {phrase}," in lowered for phrase in sc["wide_phrases"]):
        return True
    if _since_the_war(sent, set(sc["wide_since_words"])) or _since_a_month(sent, ctx):
        return True
    return _over_a_campaign(trigger) or _of_the_state(sent, trigger, ctx)


def _over_a_campaign(trigger: Token) -> bool:
    """ "After seven weeks of bombardment, in which 1,700 were killed", "three years of war have
    killed 10,000", "in two months of fighting, 400 died": the toll of a campaign of weeks or more,
    counted around the count's verb."""
    near = [trigger.head] if trigger.dep_ == "relcl" else []
    near += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    near += [o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    near += [n.head.head for n in near if n.dep_ == "pobj" and n.head.lower_ == "of"]  # "weeks of shelling, in which"
    spans, counts = rules()["scope"]["campaign_spans"], rules()["scope"]["campaign_counts"]
    return any(
        t.lemma_.lower() in spans and any(c.dep_ == "nummod" or c.lower_ in counts for c in t.children) for t in near
    )


def _tells_a_war(ctx: DocContext, war_words: set[str]) -> bool:
    """The headline or lead names a war ("Conflict in the region has displaced 2 million"): the
    account is of the war, not of one incident in it."""
    return any(t.lemma_.lower() in war_words for sent in ctx.sentences[:LEAD_SENTENCES] for t in sent)


def _since_the_war(sent: Span, war_words: set[str]) -> bool:
    """ "since the uprising began", "since the start of the war": a running toll of the war."""
    for tok in sent:
        if tok.lower_ != "since":
            continue
        clause = tok.head if tok.dep_ == "mark" else tok  # "since the war began" / "since the war"
        if _compares(tok):
            continue
        if any(t.lemma_.lower() in war_words for t in clause.subtree if t.i != tok.i):
            return True
    return False


def _since_a_month(sent: Span, ctx: DocContext) -> bool:
    """ "have been killed in the fighting since April", "since 2014": a running toll over months or
    years (FAILURE_MODES 17); "since Friday" may be the incident's own."""
    for tok in sent:
        if tok.lower_ != "since" or tok.dep_ == "mark" or _compares(tok):
            continue
        sub = [t for t in tok.subtree if t.i != tok.i]
        days = any(t.like_num and len(t.text) <= 2 for t in sub) or any(t.lower_ in WEEKDAYS for t in sub)
        months = any(t.lower_ in MONTHS or (t.like_num and len(t.text) == 4) for t in sub)
        if months and not days:
            return True
    return False


def _compares(since: Token) -> bool:
    """ "the deadliest attack since 2009", "the worst since the war ended": "since" measures a
    superlative against the past; it counts no running toll."""
    head = since.head.head if since.dep_ == "mark" else since.head
    return head.tag_ in ("JJS", "RBS") or any(c.dep_ == "amod" and c.tag_ == "JJS" for c in head.children)


STATE_PREPS = ("in", "across", "throughout")  # "killed in X", "the mission in X": where, not who or whither


def _of_the_state(sent: Span, trigger: Token, ctx: DocContext) -> bool:
    """A perfect-tense count whose sentence places it in a state and names no other place ("the
    mission in X has verified 5,264 civilian casualties", "10,000 have died in X"), with no day of
    its own: the state's toll so far. A state that speaks ("X has said 20 died") or that people
    fled into is no place of the toll."""
    # the small model tags a state as an organisation as often as a place: what the actor table
    # knows as a state is one, whatever its label, but a people's name ("Israeli television",
    # "Lebanese civilians") says whose, not where
    states = [e for e in sent.ents if e.label_ != "NORP" and _is_state(e.text, ctx) and _placed(e)]
    if not states or any(e.label_ in PLACE_LABELS and not _is_state(e.text, ctx) for e in sent.ents):
        return False
    if any(d.span.precision in DAY_PRECISIONS for d in ctx.dates_in(sent.start_char, sent.end_char)):
        return False
    verbs = [trigger, trigger.head]
    verbs += [v.head for v in verbs if v.dep_ == "conj"]  # "has documented and verified 5,264"
    # the present perfect of a running toll ("has verified"), not a past perfect's background
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for v in verbs for c in v.children)


def _placed(ent: Span) -> bool:
    """The name is the object of "in", "across" or "throughout"."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in STATE_PREPS


def _is_state(name: str, ctx: DocContext) -> bool:
    resolved = ctx.aliases.resolve(name.removeprefix("the ").strip())
    return resolved is not None and ctx.aliases.kind(resolved) == "state"
