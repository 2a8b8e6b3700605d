"""Where a blame claim's act was done, when that is the place its account is about (issue #8).

"Iraqi warplanes dropped gas bombs on Halabja" and "it was Iranian forces who struck the town",
in accounts of what happened at Halabja: both acts fell on the incident's own place, so two
culprits named for them are rival answers to one question, whatever verb each account uses.
A claim's place is its target when that names the account's main place (the first place of its
event that is no state), or a settlement noun ("the town", "the village") that stands for it.
"""

from __future__ import annotations

from functools import lru_cache

from analysis.compare import builtin_aliases
from claims.event import PREFIX as EVENT_KEY
from claims.models import Actor, Claim
from claims.rules import rules


@lru_cache(maxsize=1)
def _settlement_nouns() -> frozenset[str]:
    return frozenset(rules()["initiator"]["settlement_nouns"])


@lru_cache(maxsize=4096)
def _state(name: str) -> bool:
    table = builtin_aliases()  # one built-in table: a table is costly to build
    return table.kind(table.resolve(name) or name) == "state"


def main_place(c: Claim) -> str | None:
    """The first place of the claim's event that its account names and that is no state."""
    places = set(c.places)
    for key in c.event:
        name = key.removeprefix(EVENT_KEY)
        if key.startswith(EVENT_KEY) and name in places and not _state(name):
            return name
    return None


def _event_place(c: Claim, name: str) -> bool:
    """A place the claim's event or account names, that is no state."""
    return (name in c.places or f"{EVENT_KEY}{name}" in c.event) and not _state(name)


def acted_on_place(c: Claim) -> str | None:
    """The account's main place, when the claim's act was done to it ("bombed Halabja", "struck the
    town"); None for an act on people, a building, or a place the account is not about."""
    if not isinstance(c.value, Actor) or not c.value.target:
        return None
    target = c.value.target.casefold().removeprefix("the ").strip()
    if not target:
        return None
    if _event_place(c, target):
        return target
    return main_place(c) if target.split()[-1] in _settlement_nouns() else None


def same_place_acted_on(a: Claim, b: Claim) -> bool:
    """Both acts fell on one place, the one both accounts are about."""
    pa = acted_on_place(a)
    return pa is not None and pa == acted_on_place(b)
