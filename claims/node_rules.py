"""The token rules of a DependencyMatcher, tested over a whole document at once (issue #8, throughput).

spaCy's DependencyMatcher finds the tokens of each pattern node with a token Matcher that walks
every token through every node rule; with word lists ("LEMMA": {"IN": [...]}) that costs a set
look-up per token per rule, and it was half of all extraction time. A node rule of the initiator
patterns only ever tests a token's LEMMA, LOWER, POS or DEP for equality or (non-)membership, so
each rule is here one numpy test over the document's attribute array: the same tokens, found for
all rules in a few milliseconds. The tree step (which tokens stand in which relation) stays
spaCy's own. A matcher whose rules test anything else is run by spaCy as it is.

Relies on DependencyMatcher's `_patterns`, `_tokens_to_key`, `_root`, `_tree` and `_get_matches`,
as in spaCy 3.8; tests/test_node_rules.py compares the matches with spaCy's own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "POS": POS, "DEP": DEP}
COLUMNS = list(ATTRS)
Test = tuple[int, str, np.ndarray]  # (column, "==" | "IN" | "NOT_IN", ids)
MatchTree = tuple[int, list[int]]


def _tests(attr: str, value: Any) -> list[Test] | None:
    """The numpy form of one attribute's tests, or None when spaCy must run them."""
    if attr not in ATTRS:
        return None
    column = COLUMNS.index(attr)
    if isinstance(value, str):
        return [(column, "IN", np.array([get_string_id(value)], dtype=np.uint64))]
    if not isinstance(value, dict):
        return None
    tests: list[Test] = []
    for op, words in value.items():
        if op not in ("IN", "NOT_IN") or not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            return None
        tests.append((column, op, np.array(sorted({get_string_id(w) for w in words}), dtype=np.uint64)))
    return tests


def _rule(attrs: dict[str, Any]) -> list[Test] | None:
    tests = [_tests(attr, value) for attr, value in attrs.items()]
    return None if any(t is None for t in tests) else [test for group in tests if group for test in group]


class NodeRules:
    """A DependencyMatcher's node rules as numpy tests; call it as the matcher itself."""

    def __init__(self, matcher: DependencyMatcher) -> None:
        self.matcher = matcher
        rules: dict[int, list[Test] | None] = {}
        for key, patterns_of_key in matcher._tokens_to_key.items():
            for p, node_keys in enumerate(patterns_of_key):
                for n, rule_key in enumerate(node_keys):
                    (attrs,) = matcher._patterns[key][p][n]
                    rules.setdefault(rule_key, _rule(attrs))
        callbacks = any(callback is not None for callback in matcher._callbacks.values())
        self.vectorised = not callbacks and all(tests is not None for tests in rules.values())
        self.rules = {key: tests for key, tests in rules.items() if tests is not None}

    def __call__(self, doc: Doc) -> list[MatchTree]:
        if not self.vectorised:
            return self.matcher(doc)
        return list(self._matches(doc))

    def positions(self, doc: Doc) -> dict[int, dict[int, list[int]]]:
        """For each sentence root (by first matched token), each rule's matched token indices, as
        spaCy's `_get_keys_to_position_maps` gives them."""
        table = doc.to_array([ATTRS[c] for c in COLUMNS]).reshape(len(doc), len(COLUMNS)).astype(np.uint64)
        found: dict[tuple[int, bytes], np.ndarray] = {}  # one look-up per distinct word list
        hits: list[tuple[int, int]] = []
        for key, tests in self.rules.items():
            mask = np.ones(len(doc), dtype=bool)
            for column, op, ids in tests:
                seen = found.get((column, ids.tobytes()))
                if seen is None:
                    seen = found[column, ids.tobytes()] = _member(table[:, column], ids)
                mask &= ~seen if op == "NOT_IN" else seen
            hits.extend((int(i), key) for i in np.flatnonzero(mask))
        roots = _roots(doc)
        maps: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, key in sorted(hits, key=lambda hit: hit[0]):
            maps[roots[i]][key].append(i)
        return maps

    def _matches(self, doc: Doc) -> Iterator[MatchTree]:
        matcher = self.matcher
        maps = self.positions(doc)
        cache: dict[Any, Any] = {}
        for key in matcher._patterns:
            for tree, tokens_to_key in zip(matcher._tree[key], matcher._tokens_to_key[key], strict=True):
                for keys_to_position in maps.values():
                    for matched in matcher._get_matches(cache, doc, tree, tokens_to_key, keys_to_position):
                        yield key, matched


def _member(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Which values are among the sorted ids (np.isin without its sort of both arrays)."""
    at = np.minimum(np.searchsorted(ids, values), len(ids) - 1)
    return ids[at] == values


def _roots(doc: Doc) -> list[int]:
    """Each token's top ancestor (its parse tree's root), from the head offsets."""
    heads = doc.to_array([HEAD]).astype(np.int64).reshape(-1)
    roots = [-1] * len(doc)
    for i in range(len(doc)):
        path = []
        j = i
        while roots[j] < 0 and heads[j] != 0:
            path.append(j)
            j += int(heads[j])
        top = roots[j] if roots[j] >= 0 else j
        for k in [*path, j]:
            roots[k] = top
    return roots
