"""The token rules of a DependencyMatcher, tested over a whole document at once (issue #8, throughput).

spaCy's DependencyMatcher finds the tokens of each pattern node with a token Matcher that walks
every token through every node rule; with word lists ("LEMMA": {"IN": [...]}) that costs a set
look-up per token per rule, and it was half of all extraction time. A node rule of the initiator
patterns only ever tests a token's LEMMA, LOWER, POS or DEP for equality or (non-)membership, so
here all rules are tested on all tokens at once with numpy arrays: the same tokens, found in a
few milliseconds per document. The tree step (which tokens stand in which relation) stays
spaCy's own, tried only on parse trees that hold a token for every node of a pattern. A matcher
whose rules test anything else, or that has callbacks, is run by spaCy as it is.

Relies on DependencyMatcher's `_patterns`, `_tokens_to_key`, `_tree`, `_callbacks` and
`_get_matches`, as in spaCy 3.8; tests/test_node_rules.py compares the matches with spaCy's own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "POS": POS, "DEP": DEP}
COLUMNS = list(ATTRS)
Test = tuple[int, frozenset[int]]  # (column, the ids it is among)
Rule = tuple[list[Test], list[Test]]  # (tests a token passes, tests it fails)
MatchTree = tuple[int, list[int]]


def _tests(attr: str, value: Any) -> Rule | None:
    """One attribute's tests as (among, not among), or None when spaCy must run them."""
    if attr not in ATTRS:
        return None
    column = COLUMNS.index(attr)
    if isinstance(value, str):
        return [(column, frozenset({get_string_id(value)}))], []
    if not isinstance(value, dict):
        return None
    among: list[Test] = []
    not_among: list[Test] = []
    for op, words in value.items():
        if op not in ("IN", "NOT_IN") or not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            return None
        (among if op == "IN" else not_among).append((column, frozenset(get_string_id(w) for w in words)))
    return among, not_among


def _rule(attrs: dict[str, Any]) -> Rule | None:
    parts = [_tests(attr, value) for attr, value in attrs.items()]
    if any(part is None for part in parts):
        return None
    return [t for part in parts if part for t in part[0]], [t for part in parts if part for t in part[1]]


class NodeRules:
    """A DependencyMatcher's node rules as numpy tests; call it as the matcher itself.

    Every distinct word list is one test; which tests each token passes comes from one table look-up
    per attribute, and a rule is a row of the tests a token must pass and one of those it must fail
    (no BLAS product: OpenBLAS threads in forked workers cost more than they save).
    """

    def __init__(self, matcher: DependencyMatcher) -> None:
        self.matcher = matcher
        rules: dict[int, Rule | None] = {}
        for key, patterns_of_key in matcher._tokens_to_key.items():
            for p, node_keys in enumerate(patterns_of_key):
                for n, rule_key in enumerate(node_keys):
                    (attrs,) = matcher._patterns[key][p][n]
                    rules.setdefault(rule_key, _rule(attrs))
        callbacks = any(callback is not None for callback in matcher._callbacks.values())
        self.vectorised = bool(rules) and not callbacks and all(rule is not None for rule in rules.values())
        if self.vectorised:
            self._index(cast(dict[int, Rule], rules))

    def _index(self, rules: dict[int, Rule]) -> None:
        tests = list(dict.fromkeys(t for among, not_among in rules.values() for t in [*among, *not_among]))
        number = {t: n for n, t in enumerate(tests)}
        always, never = len(tests), len(tests) + 1  # two rows more: every token passes one, none the other
        self.keys = list(rules)
        # rules x tests, each rule's row filled up with a test every token passes (or, of those it
        # must fail, none): a token passes the rule when it passes a whole row and fails a whole row
        self.need = _table([[number[t] for t in r[0]] for r in rules.values()], always)
        self.refuse = _table([[number[t] for t in r[1]] for r in rules.values()], never)
        # per attribute: id -> row of a table of the tests that id passes (row 0: an id of no test)
        self.ids: list[dict[int, int]] = []
        self.passes: list[np.ndarray] = []
        for column in range(len(COLUMNS)):
            ids = sorted({i for c, found in tests if c == column for i in found})
            row = {i: n for n, i in enumerate(ids, 1)}
            passes = np.zeros((len(tests) + 2, len(ids) + 1), dtype=np.uint8)
            for n, (c, found) in enumerate(tests):
                if c == column:
                    passes[n, [row[i] for i in found]] = 1
            self.ids.append(row)
            self.passes.append(passes)
        self.passes[0][always, :] = 1
        self.patterns = [
            (key, tree, tokens_to_key, set(tokens_to_key))
            for key in self.matcher._patterns
            for tree, tokens_to_key in zip(self.matcher._tree[key], self.matcher._tokens_to_key[key], strict=True)
        ]

    def __call__(self, doc: Doc) -> list[MatchTree]:
        if not self.vectorised:
            return self.matcher(doc)
        return list(self._matches(doc))

    def positions(self, doc: Doc) -> dict[int, dict[int, list[int]]]:
        """For each parse tree's root (in the order of its first matched token), each rule's matched
        token indices, as spaCy's `_get_keys_to_position_maps` gives them."""
        table = doc.to_array([ATTRS[c] for c in COLUMNS]).reshape(len(doc), len(COLUMNS))
        passed = sum(  # tests x tokens: 1 where the token passes the test
            passes[:, [row.get(i, 0) for i in table[:, column].tolist()]]
            for column, (row, passes) in enumerate(zip(self.ids, self.passes, strict=True))
        )
        needed = sum(passed[column] for column in self.need.T)  # rules x tokens: tests passed
        refused = sum(passed[column] for column in self.refuse.T)
        matched = (needed == self.need.shape[1]) & (refused == 0)
        roots = _roots(doc)
        maps: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        tokens, rules = np.nonzero(matched.T)  # by token, then rule
        for i, r in zip(tokens.tolist(), rules.tolist(), strict=True):
            maps[roots[i]][self.keys[r]].append(i)
        return maps

    def _matches(self, doc: Doc) -> Iterator[MatchTree]:
        maps = self.positions(doc)
        # only the trees that hold a token for every node of a pattern can match it
        rules_of = [(keys_to_position, set(keys_to_position)) for keys_to_position in maps.values()]
        cache: dict[Any, Any] = {}
        for key, tree, tokens_to_key, needed in self.patterns:
            for keys_to_position, present in rules_of:
                if needed <= present:
                    yield from (
                        (key, m) for m in self.matcher._get_matches(cache, doc, tree, tokens_to_key, keys_to_position)
                    )


def _table(rows: list[list[int]], filler: int) -> np.ndarray:
    """The rows as one array, each filled up to the longest with `filler`."""
    width = max(len(row) for row in rows) + 1
    return np.array([row + [filler] * (width - len(row)) for row in rows])


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
