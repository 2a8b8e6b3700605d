"""The names the accounts of a collection tie to another party ("X, a cover name used by Y",
claims/ties.py), gathered from their blame claims so that every account's X is read as Y when
actors are compared (issue #8)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claims.actors import AliasTable
from claims.models import Actor, Claim


def ties_of(claims: Iterable[Claim]) -> dict[str, str]:
    """name -> party over all claims; a name tied to two parties keeps the first in sorted order, so
    the result does not depend on the order the claims come in."""
    return merged(declared(claims))


def declared(claims: Iterable[Claim]) -> dict[str, set[str]]:
    """name -> every party the claims' accounts tie it to (parts of a collection add up with `|`)."""
    found: dict[str, set[str]] = {}
    for claim in claims:
        if isinstance(claim.value, Actor):
            for name, party in claim.value.ties.items():
                found.setdefault(name, set()).add(party)
    return found


def merged(found: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """One party per name (the first in sorted order), names sorted."""
    return {name: min(parties) for name, parties in sorted(found.items())}


def tied(aliases: AliasTable, claims: Iterable[Claim]) -> AliasTable:
    """`aliases` plus the ties the claims' accounts declare."""
    return aliases.with_ties(ties_of(claims))
