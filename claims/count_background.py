"""The toll of another, earlier incident told as background (issue #8).

An account of one attack often recalls an earlier one: "the regime used sarin at
Khan Shaykhun in April last year, killing more than 80 people". That figure is
not a rival toll of the account's own event. A count is read as an earlier
incident's when its sentence dates it only before every year the document
places its event in (its title and lead, claims.event) and names places, none
of them the document's own (a state named beside them holds both incidents and
says nothing of which one the count is of). Both are needed: a later report retells its own
event's older days ("in April 2018, an attack on the town killed 43"), and a
sentence may name a place of the event the lead left out. The prepositions are
data (rules.json `scope.background_place_preps`).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.dates import YEAR_UNKNOWN
from claims.event import name_key
from claims.rules import rules
from claims.where import compound_name

NOT_PLACES = {"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


@lru_cache(maxsize=1)
def _preps() -> frozenset[str]:
    return frozenset(rules()["scope"]["background_place_preps"])


EARLIER_MARGIN_DAYS = 31  # an incident dated this long before the event's first day is another one


def lead_event_start(ctx: DocContext, lead: list[Span]) -> date | None:
    """The first day or month the headline and lead date their event at, in the event's years:
    "the bombing in X on 1 January killed 23" in an account whose lead tells of 9 October is
    another incident of that year (issue #8). Not a dateline's day (when the piece was filed)."""
    if not lead or not ctx.event_years:
        return None
    end = lead[-1].end_char
    days = [d.span.start for d in ctx.dates
            if d.end <= end and d.span.precision in ("day", "days", "month") and d.span.start.year in ctx.event_years
            and not ctx.in_dateline(d.start, d.end)]  # fmt: skip
    return min(days, default=None)


def earlier_incident(sent: Span, ctx: DocContext) -> bool:
    """Does the count's sentence tell another incident, before the document's own and elsewhere?"""
    if not ctx.event_years or not _dated_before(sent, ctx, min(ctx.event_years)):
        return False
    names = [name for name in _named_places(sent) if not _a_state(name, ctx)]
    return bool(names) and all(_elsewhere(name, ctx) for name in names)


def _a_state(name: str, ctx: DocContext) -> bool:
    """ "the deadliest attack in Spain since the Madrid bombings of 2004": a state named beside another
    incident's place holds both incidents; it says nothing of which one the count is of."""
    actor = ctx.aliases.resolve(name)
    return actor is not None and ctx.aliases.kind(actor) == "state"


def after_another(trigger: Token) -> bool:
    """ "The attack came a month after the massacre at X, in which gunmen killed 18", "five weeks
    after guerrillas killed 18 in X": a count told inside a phrase that sets the event a stretch of
    time after another is that other incident's. The stretch ("a month", "five weeks") is needed:
    "troops fired after protesters had killed two policemen" may tell the event itself."""
    times = set(rules()["scope"]["time_nouns"])
    for tok in [trigger, *trigger.ancestors]:
        if tok.dep_ == "pobj" and tok.head.lower_ == "after":
            anchor = [tok.head]
        elif tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in tok.children):
            anchor = [tok, *(c for c in tok.children if c.dep_ == "mark")]
        else:
            continue
        return any(c.dep_ == "npadvmod" and c.lemma_.lower() in times for a in anchor for c in a.children)
    return False


def _dated_before(sent: Span, ctx: DocContext, first_year: int) -> bool:
    """The sentence names a time, and every time it names ended before `first_year`, or a month
    or more before the first day the lead dates the event at."""
    spans = [d.span for d in ctx.dates if sent.start_char <= d.start and d.end <= sent.end_char]
    start = ctx.event_start
    return bool(spans) and all(
        s.start.year != YEAR_UNKNOWN
        and (s.end.year < first_year or (start is not None and (start - s.end).days > EARLIER_MARGIN_DAYS))
        for s in spans
    )


def _named_places(sent: Span) -> list[str]:
    """Proper names after a place preposition ("at Khan Shaykhun", "the attack on X"), whatever the
    tagger calls them, and after an attack noun's "of" ("the shelling of X"), but not a date or
    a people's name."""
    out = []
    acts = set(rules()["initiator"]["attack_nouns"])
    for prep in (t for t in sent if t.dep_ in ("prep", "conj") and _place_prep(t, acts)):
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        objs += [c for o in objs for c in o.children if c.dep_ == "conj"]  # "at X and Y"
        out.extend(compound_name(o) for o in objs if o.pos_ == "PROPN" and o.ent_type_ not in NOT_PLACES)
    return out


def _place_prep(prep: Token, acts: set[str]) -> bool:
    """ "at X", "in X", and "of X" after an attack noun ("the shelling of X")."""
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in acts
    return prep.lower_ in _preps()


def _elsewhere(name: str, ctx: DocContext) -> bool:
    """Not the document's own place, not a state or a party (a state holds its event too)."""
    key = name_key(name, ctx.aliases)
    if key in ctx.event_names or key.removeprefix("the ") in {p.lower() for p in ctx.main_places}:
        return False
    return ctx.aliases.resolve(name) is None
