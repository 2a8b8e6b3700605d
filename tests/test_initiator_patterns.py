"""The initiator patterns' matcher shares one token rule among nodes of equal attributes (issue #11):
the same matches as spaCy's DependencyMatcher given every node its own rule, with fewer rules."""

from __future__ import annotations

from spacy.matcher import DependencyMatcher

from claims.initiator_patterns import _matcher, patterns, share_node_rules, spacy_pattern
from claims.nlp import load_nlp

TEXT = """Rebel gunmen opened fire on the convoy near the bridge on Tuesday, the ministry said.
The army denied that its soldiers had fired first and blamed the militia for the violence.
According to witnesses, the attack was carried out by masked men who arrived in two trucks.
Nobody fired at the soldiers before they shot into the crowd, a priest told reporters.
The war began when Borduria invaded Syldavia; Syldavia accused its neighbour of aggression.
Police said the explosion was caused by a car bomb, and no group has claimed responsibility."""


def plain_matcher(vocab) -> DependencyMatcher:  # noqa: ANN001
    matcher = DependencyMatcher(vocab, validate=True)
    for pattern in patterns().patterns:
        matcher.add(pattern.id, [spacy_pattern(pattern)])
    return matcher


def test_shared_rules_find_the_same_matches_with_fewer_rules():
    nlp = load_nlp()
    doc = nlp(TEXT)
    plain = plain_matcher(nlp.vocab)
    shared = _matcher(nlp.vocab)
    assert plain(doc) == shared(doc)
    assert len(plain(doc)) >= 5  # the text holds matches to compare
    assert len(shared._matcher) < len(plain._matcher)


def test_sharing_twice_changes_nothing():
    nlp = load_nlp()
    doc = nlp(TEXT)
    matcher = plain_matcher(nlp.vocab)
    share_node_rules(matcher)
    once, rules = matcher(doc), len(matcher._matcher)
    share_node_rules(matcher)
    assert matcher(doc) == once and len(matcher._matcher) == rules
