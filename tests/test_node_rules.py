"""A DependencyMatcher's node rules tested with numpy over the whole document (claims/node_rules.py):
exactly spaCy's own matches, on hand-built docs and on the initiator patterns over parsed text."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from claims.initiator_patterns import _matcher
from claims.nlp import load_nlp
from claims.node_rules import NodeRules

# Two sentences, each with its own root: "Gunmen shot two guards . Police arrested the men ."
WORDS = ["Gunmen", "shot", "two", "guards", ".", "Police", "arrested", "the", "men", "."]
HEADS = [1, 1, 3, 1, 1, 6, 6, 8, 6, 6]
DEPS = ["nsubj", "ROOT", "nummod", "dobj", "punct", "nsubj", "ROOT", "det", "dobj", "punct"]
POS = ["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
LEMMAS = ["gunman", "shoot", "two", "guard", "."] + ["Police", "arrest", "the", "man", "."]


def hand_doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS)


def subject_verb(verb: dict, subject: dict) -> list[dict]:
    return [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": verb},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": subject},
    ]


PATTERNS = {
    "equal lemma": subject_verb({"LEMMA": "shoot"}, {"DEP": "nsubj"}),
    "lemma in a list": subject_verb({"LEMMA": {"IN": ["shoot", "arrest", "kill"]}}, {"DEP": "nsubj"}),
    "lower and pos": subject_verb({"POS": "VERB"}, {"LOWER": {"IN": ["police", "gunmen"]}, "POS": {"IN": ["PROPN"]}}),
    "not in": subject_verb({"LEMMA": {"NOT_IN": ["shoot"]}, "DEP": "ROOT"}, {"DEP": {"IN": ["nsubj", "nsubjpass"]}}),
    "any token": subject_verb({}, {"DEP": "dobj"}),
    "three nodes": [
        *subject_verb({"POS": "VERB"}, {"DEP": "nsubj"}),
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": "guard"}},
    ],
}


@pytest.mark.parametrize("name", list(PATTERNS))
def test_hand_built_doc_gives_spacys_matches(name: str) -> None:
    doc = hand_doc()
    matcher = DependencyMatcher(doc.vocab)
    matcher.add(name, [PATTERNS[name]])
    rules = NodeRules(matcher)
    assert rules.vectorised
    assert rules(doc) == matcher(doc)


def test_hand_built_patterns_find_what_they_should() -> None:
    doc = hand_doc()
    matcher = DependencyMatcher(doc.vocab)
    for name, pattern in PATTERNS.items():
        matcher.add(name, [pattern])
    found = {(doc.vocab.strings[key], tuple(ids)) for key, ids in NodeRules(matcher)(doc)}
    assert found == {
        ("equal lemma", (1, 0)),
        ("lemma in a list", (1, 0)),
        ("lemma in a list", (6, 5)),
        ("lower and pos", (6, 5)),  # "Gunmen" is a NOUN, not a PROPN
        ("not in", (6, 5)),
        ("any token", (1, 3)),
        ("any token", (6, 8)),
        ("three nodes", (1, 0, 3)),
    }


def test_an_empty_doc_and_an_empty_matcher_find_nothing() -> None:
    doc = hand_doc()
    matcher = DependencyMatcher(doc.vocab)
    with pytest.warns(UserWarning, match="W036"):  # spaCy's own: a matcher with no patterns
        assert NodeRules(matcher)(doc) == []
    matcher.add("any token", [PATTERNS["any token"]])
    assert NodeRules(matcher)(Doc(doc.vocab, words=[])) == []


def test_a_rule_numpy_cannot_test_is_left_to_spacy() -> None:
    doc = hand_doc()
    matcher = DependencyMatcher(doc.vocab)
    matcher.add("regex", [subject_verb({"LOWER": {"REGEX": "^sh"}}, {"DEP": "nsubj"})])
    rules = NodeRules(matcher)
    assert not rules.vectorised
    assert [ids for _, ids in rules(doc)] == [[1, 0]]


TEXTS = [
    """Militiamen torched the village at dawn, and the governor blamed the rebels for the attack.
    The rebels said government troops had opened fire first; the army denied it.
    Two days later a car bomb exploded outside the barracks, killing nine, and no group claimed it.""",
    """The invasion began when the northern army crossed the river, the envoy told the council.
    Witnesses said the police fired on the marchers without warning. Officials called it a provocation.
    The minister accused the opposition of staging the riot, which it denied.""",
]


@pytest.mark.parametrize("text", TEXTS)
def test_initiator_patterns_give_spacys_matches_on_parsed_text(text: str) -> None:
    nlp = load_nlp()
    doc = nlp(text)
    matcher = _matcher(nlp.vocab)
    expected = matcher(doc)
    assert len(expected) >= 3  # the text holds matches to compare
    assert NodeRules(matcher)(doc) == expected
