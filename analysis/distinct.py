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

Alignment goes further (Units, PairScores): it blocks, scores and clusters the
distinct statements themselves, each standing for its claims, so that blocking
counts statements, not claims (a word held by a thousand reprints of one story
is held by one statement), and N copies of a few accounts give the facts a few
copies give (tests/test_align_units.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
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


# -- alignment by distinct statements ------------------------------------------------------------

# What alignment never reads either: the words as quoted. A sentence only tells alignment which
# side of a fact box a figure is on (claims.infobox.side_number), so that stays in the key.
ALIGN_POSITIONAL = POSITIONAL | {"quote", "sentence"}


def alignment_key(claim: Claim) -> tuple[bytes, int | None]:
    """What alignment tells one claim from another by (its fields but id, source, offsets and wording;
    the side of a fact box its sentence is on): equal keys, one statement (alignment_keys)."""
    from claims.infobox import side_number

    return claim.__pydantic_serializer__.to_json(claim, exclude=ALIGN_POSITIONAL), side_number(claim.sentence)


def alignment_keys(claims: Sequence[Claim]) -> list[int]:
    """One int per claim, equal for claims alignment cannot tell apart but by their source: equal in
    every field but id, source, offsets and wording (the side of a fact box their sentence is on
    kept). Numbered in order of first appearance."""
    seen: dict[tuple[bytes, int | None], int] = {}
    return [seen.setdefault(alignment_key(c), len(seen)) for c in claims]


def alignment_digest(claim: Claim) -> str:
    """alignment_key as a short stable text, equal for equal keys in any process: what a workspace
    stores to find the stored copies of a new claim's statement (workspace.incremental, issue #11)."""
    data, side = alignment_key(claim)
    return hashlib.blake2b(data + f"|{side}".encode(), digest_size=16).hexdigest()


class Units:
    """The distinct statements of some claims (issue #11): alignment blocks, scores and clusters these
    units, each standing for its claims. A pair of units stands for up to two kinds of claim pairs,
    of one source and of two (alignment's rules differ for them); each kind is scored once and counts
    as many times as the claim pairs it stands for. With every statement made once, the units are
    the claims and nothing changes."""

    def __init__(self, claims: Sequence[Claim], fits: Callable[[Claim, Claim], bool]) -> None:
        self.claims = claims
        self.members: list[list[int]] = []  # claim positions of each unit, ascending
        for n, key in enumerate(alignment_keys(claims)):
            if key == len(self.members):
                self.members.append([n])
            else:
                self.members[key].append(n)
        self.reps = [claims[m[0]] for m in self.members]
        self.weights = [len(m) for m in self.members]
        self._sources = [Counter(claims[k].source_id for k in m) if len(m) > 1 else None for m in self.members]
        self._counts: dict[tuple[int, int], list[tuple[bool, int]]] = {}
        self._fits: dict[tuple[int, int], bool] = {}
        self._compatible = fits

    def repeated(self) -> list[int]:
        """Units that stand for more than one claim."""
        return [i for i, w in enumerate(self.weights) if w > 1]

    def pair_counts(self, i: int, j: int) -> list[tuple[bool, int]]:
        """(same source, number of claim pairs) for the kinds of claim pairs units i and j (i <= j)
        stand for: pairs of two sources first, then pairs of one source."""
        found = self._counts.get((i, j))
        if found is None:
            wi, wj = self.weights[i], self.weights[j]
            if wi == 1 and wj == 1:
                same = int(self.reps[i].source_id == self.reps[j].source_id) if i != j else 0
                total = 1 if i != j else 0
            else:
                si = self._sources[i] or Counter({self.reps[i].source_id: 1})
                sj = self._sources[j] or Counter({self.reps[j].source_id: 1})
                if i == j:
                    total = wi * (wi - 1) // 2
                    same = sum(n * (n - 1) // 2 for n in si.values())
                else:
                    total = wi * wj
                    small, large = (si, sj) if len(si) <= len(sj) else (sj, si)
                    same = sum(n * large.get(source, 0) for source, n in small.items())
            found = [(flag, n) for flag, n in ((False, total - same), (True, same)) if n]
            self._counts[(i, j)] = found
        return found

    def as_pair(self, i: int, j: int, same: bool) -> tuple[Claim, Claim]:
        """Units i and j's statements as two claims of one source (same) or of two."""
        a, b = self.reps[i], self.reps[j]
        if same and b.source_id != a.source_id:
            b = b.model_copy(update={"source_id": a.source_id})
        elif not same and (b.source_id == a.source_id):
            b = b.model_copy(update={"source_id": f"{a.source_id}\x00another"})
        return a, b

    def fits(self, i: int, j: int) -> bool:
        """Can every claim of unit i be one fact with every claim of unit j (alignment's compatible())?"""
        if i > j:
            i, j = j, i
        found = self._fits.get((i, j))
        if found is None:
            found = self._fits[(i, j)] = all(
                self._compatible(*self.as_pair(i, j, same)) for same, _n in self.pair_counts(i, j)
            )
        return found


class PairScores(Mapping[tuple[str, str], float]):
    """Alignment's score of every pair of claims it scored, both ways round, kept per pair of distinct
    statements (and one source or two) rather than per pair of claims (issue #11): a thousand copies
    of two statements are four numbers, not a million. Reads like the dict it replaces."""

    def __init__(self) -> None:
        self._unit: dict[str, int] = {}
        self._source: dict[str, str] = {}
        self._members: list[list[str]] = []
        self._table: dict[tuple[int, int, bool], float] = {}

    def add(self, units: Units, table: dict[tuple[int, int, bool], float]) -> None:
        """Take units' claims and their scores, keyed (unit i, unit j >= i, same source)."""
        offset = len(self._members)
        for n, positions in enumerate(units.members):
            ids = [units.claims[k].id for k in positions]
            self._members.append(ids)
            for k, cid in zip(positions, ids, strict=True):
                self._unit[cid] = offset + n
                self._source[cid] = units.claims[k].source_id
        for (i, j, same), score in table.items():
            self._table[(offset + i, offset + j, same)] = score

    def _key(self, pair: tuple[str, str]) -> tuple[int, int, bool] | None:
        a, b = pair
        u, v = self._unit.get(a), self._unit.get(b)
        if u is None or v is None or a == b:
            return None
        same = self._source[a] == self._source[b]
        return (u, v, same) if u <= v else (v, u, same)

    def __getitem__(self, pair: tuple[str, str]) -> float:
        key = self._key(pair)
        if key is None or key not in self._table:
            raise KeyError(pair)
        return self._table[key]

    def get(self, pair: tuple[str, str], default=None):  # type: ignore[override]
        key = self._key(pair)
        return default if key is None else self._table.get(key, default)

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, tuple) and len(pair) == 2 and self.get(pair) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Every scored pair of claims, both ways round (as many as the claims' pairs: for tests)."""
        for u, v, same in self._table:
            for x, a in enumerate(self._members[u]):
                for b in self._members[v][x + 1 :] if u == v else self._members[v]:
                    if (self._source[a] == self._source[b]) == same:
                        yield a, b
                        yield b, a

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def restrict(self, ids: Sequence[str]) -> PairScores:
        """The scores among these claims only (what comparing one group needs)."""
        out = PairScores()
        keep: dict[int, int] = {}
        for cid in ids:
            u = self._unit[cid]
            n = keep.setdefault(u, len(keep))
            if n == len(out._members):
                out._members.append([])
            out._members[n].append(cid)
            out._unit[cid] = n
            out._source[cid] = self._source[cid]
        units = sorted(keep)
        for x, u in enumerate(units):
            for v in units[x:]:
                for same in (False, True):
                    score = self._table.get((u, v, same))
                    if score is not None:
                        i, j = keep[u], keep[v]
                        out._table[(i, j, same) if i <= j else (j, i, same)] = score
        return out
