"""Claims that state the same thing are scored and compared once (issue #11).

Many accounts of one war repeat each other word for word: a thousand copies of
a wire story give a thousand claims that differ only in their id, their source
and where in the text they stand. Alignment scores every candidate pair and
relate() compares every cross-source pair of a group, so the same two
statements were scored and compared over and over. Here each claim gets a
statement key (equal keys: equal in every field but id, source and offsets),
and a pair function is computed once per pair of keys and of "same source or
not", then reused for every pair of claims with those keys.

This holds because the pair functions (pair_score, compatible, relation_of's
verdict) read a claim's fields, its source only to ask whether two claims
share one, and its id only as a cache key of the Vocabulary (whose weights
follow from the fields). A rule that reads offsets or a source's identity
would have to leave the memo; tests/test_distinct.py checks the results
against the plain functions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from claims.models import Claim

T = TypeVar("T")
H = TypeVar("H")  # a hashable extra argument

# What tells one copy of a statement from another, and no pair function reads
POSITIONAL = frozenset({"id", "source_id", "start", "end", "sentence_start"})


def statement_keys(claims: Sequence[Claim]) -> list[int]:
    """One int per claim, equal for claims equal in every field but id, source and offsets."""
    seen: dict[bytes, int] = {}
    return [seen.setdefault(c.__pydantic_serializer__.to_json(c, exclude=POSITIONAL), len(seen)) for c in claims]


class PairMemo:
    """A pair function of claims by index, computed once per (key, key, same source)."""

    def __init__(self, claims: Sequence[Claim], keys: Sequence[int] | None = None) -> None:
        self.claims = claims
        self.keys = list(keys) if keys is not None else statement_keys(claims)
        self._sources = [c.source_id for c in claims]
        # a pair of statements each made once is met once: computed, not remembered (an archive
        # of different texts pays no memory for the memo)
        made = Counter(self.keys)
        self._repeated = [made[key] > 1 for key in self.keys]

    def memo(self, fn: Callable[[Claim, Claim], T]) -> Callable[[int, int], T]:
        """fn(claims[i], claims[j]) as a function of (i, j), remembered by statement keys."""
        found: dict[tuple[int, int, bool], T] = {}
        claims, keys, sources, repeated = self.claims, self.keys, self._sources, self._repeated

        def call(i: int, j: int) -> T:
            if not (repeated[i] or repeated[j]):
                return fn(claims[i], claims[j])
            key = (keys[i], keys[j], sources[i] == sources[j])
            try:
                return found[key]
            except KeyError:
                result = found[key] = fn(claims[i], claims[j])
                return result

        return call

    def memo_with(self, fn: Callable[[Claim, Claim, H], T]) -> Callable[[int, int, H], T]:
        """fn(claims[i], claims[j], extra) as a function of (i, j, extra); `extra` is part of the key."""
        found: dict[tuple[int, int, bool, H], T] = {}
        claims, keys, sources, repeated = self.claims, self.keys, self._sources, self._repeated

        def call(i: int, j: int, extra: H) -> T:
            if not (repeated[i] or repeated[j]):
                return fn(claims[i], claims[j], extra)
            key = (keys[i], keys[j], sources[i] == sources[j], extra)
            try:
                return found[key]
            except KeyError:
                result = found[key] = fn(claims[i], claims[j], extra)
                return result

        return call
