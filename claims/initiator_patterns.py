"""The initiator patterns as data (issue #8): claims/data/initiator_patterns.json holds spaCy
DependencyMatcher patterns, each naming the token roles the extractor reads (trigger, actor,
event, target) and the checks it needs. This module checks the file with pydantic, expands
"@name" word lists from rules.json ("initiator", the speaker's "reporting_verbs" and count_link's
"blame_particles"; "firing_sites" with WordNet's constructions, claims/data/structure_nouns.json), and
runs the matcher over a sentence.

A bad edit is one line naming the file and the field (BadDataFile), as for rules.json.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claims.data_files import read
from claims.node_rules import NodeRules
from claims.noun_classes import arms, firing_sites
from claims.rules import rules
from sources.errors import BadDataFile

FILE = "initiator_patterns.json"
CACHE_KEY = "rashomon.initiator_matches"
Check = Literal[
    "not_response", "not_qualified", "drop_if_negated", "violent_blame", "cleared_of", "violent_or_none", "not_mutual",
    "no_subject", "armed_actor", "blamed_party", "place_object", "by_for_violence", "not_reduced_passive", "violent_thing",
    "not_diplomatic", "negated_trigger", "said_not", "denied_trigger", "onset_after", "not_titled_noun", "no_agent",
    "own_accusation", "weapon_not_theirs", "ergative_object", "not_armed_charge", "nothing_with", "laid_charge", "not_accuser",
    "not_victims", "active_trigger", "one_sided", "past_participle", "first_not_response", "not_denied_object",
    "sharer_no_subject", "doer_not_struck", "from_not_where", "verbless_head", "not_said_thing", "not_dismissal",
]  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PatternNode(_Strict):
    """One token of a DependencyMatcher pattern, in spaCy's own keys."""

    right_id: str = Field(alias="RIGHT_ID", min_length=1)
    right_attrs: dict[str, Any] = Field(alias="RIGHT_ATTRS")
    left_id: str | None = Field(None, alias="LEFT_ID")
    rel_op: Literal["<", ">", "<<", ">>", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--"] | None = Field(
        None, alias="REL_OP"
    )


class TargetRule(_Strict):
    """Where the target is: the direct object of a role, the passive subject of one, or a
    preposition ("on", "against", "at" ...) under the listed roles, tried in that order."""

    direct: str | None = None
    subject: str | None = None
    prep: list[str] = []


class InitiatorPattern(_Strict):
    id: str = Field(min_length=1)
    doc: str = Field("", alias="_doc")
    strength: Literal["start", "attack", "blame"]
    trigger: str
    actor: str | None = None
    actor_search: Literal["subject_before", "clause_subject", "nobody"] | None = None  # nobody: the act never happened
    # phrase: any noun phrase ("the killers were shabiha"); owner: only whose the thing is, by its modifiers
    # ("Israeli rockets were fired"), never the thing itself ("no guns were fired")
    actor_read: Literal["name", "modifier", "phrase", "owner"] = "name"
    event: str | None = None
    # the event role is a pronoun ("they were carried out by X"): "act_before", the event is the last
    # attack or war named before it, in its sentence or the one before (none named: no claim);
    # "act_in_sentence_before", only in the sentence before, none told in its own before it ("the
    # ambassador passed the instruction to the militants who carried it out": not the attack)
    event_search: Literal["act_before", "act_in_sentence_before"] | None = None
    target: TargetRule | None = None
    negation: list[str] = []  # roles whose negation negates the claim; the trigger when empty
    denial: bool = False  # the pattern itself states that the actor did not ("denied involvement")
    conjoined: bool = True  # false: the file holds this pattern's conjunct twin itself (conjoined_twins)
    checks: list[Check] = []
    pattern: list[PatternNode] = Field(min_length=1)

    @model_validator(mode="after")
    def _roles(self) -> InitiatorPattern:
        ids = [n.right_id for n in self.pattern]
        if len(set(ids)) != len(ids):
            raise ValueError(f'pattern "{self.id}" repeats a RIGHT_ID')
        first, rest = self.pattern[0], self.pattern[1:]
        if first.left_id or first.rel_op:
            raise ValueError(f'pattern "{self.id}": the first node is the anchor, with no LEFT_ID or REL_OP')
        for n, node in enumerate(rest, 1):
            if not node.left_id or not node.rel_op or node.left_id not in ids[:n]:
                raise ValueError(f'pattern "{self.id}": node "{node.right_id}" needs REL_OP and an earlier LEFT_ID')
        if (self.actor is None) == (self.actor_search is None):
            raise ValueError(f'pattern "{self.id}" needs exactly one of "actor" and "actor_search"')
        if self.event_search is not None and self.event is None:
            raise ValueError(f'pattern "{self.id}": "event_search" needs the "event" role it searches from')
        if "first_not_response" in self.checks and CONJOINED not in ids:
            # the check reads the verb a conjoined twin's trigger is conjoined to
            raise ValueError(f'pattern "{self.id}": check "first_not_response" needs a role "{CONJOINED}"')
        if "sharer_no_subject" in self.checks and SHARER not in ids:
            # the check reads the participle an agent twin takes its agent from
            raise ValueError(f'pattern "{self.id}": check "sharer_no_subject" needs a role "{SHARER}"')
        if "one_sided" in self.checks and "in" not in ids:
            # the check reads the phrase of the "in" role ("took part in the fighting")
            raise ValueError(f'pattern "{self.id}": check "one_sided" needs a role "in"')
        roles = [self.trigger, self.actor, self.event, *self.negation]
        if self.target is not None:
            roles += [self.target.direct, self.target.subject, *self.target.prep]
        unknown = sorted({r for r in roles if r is not None and r not in ids})
        if unknown:
            raise ValueError(f'pattern "{self.id}" names roles not in its pattern: {", ".join(unknown)}')
        return self


class PatternFile(_Strict):
    version: Literal[1]
    doc: str = Field("", alias="_doc")
    patterns: list[InitiatorPattern] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> PatternFile:
        ids = [p.id for p in self.patterns]
        if len(set(ids)) != len(ids):
            raise ValueError("pattern ids must be unique")
        return self


def _expand(value: Any, lists: dict[str, Any], where: str, key: str = "") -> Any:
    """ "@attack_verbs" inside an IN list -> the words of rules.json initiator.attack_verbs.
    Lemmas are matched as listed and capitalised (a sentence-initial noun may keep its capital)."""
    if isinstance(value, dict):
        # the attribute a list belongs to: {"LEMMA": {"IN": [...]}} is a list of lemmas
        return {k: _expand(v, lists, where, key if key == "LEMMA" else k) for k, v in value.items()}
    if not isinstance(value, list):
        return value
    words: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.startswith("@"):
            found = lists.get(item[1:])
            if not isinstance(found, list):
                raise BadDataFile(where, detail=f'"{item}" is not a word list in rules.json "initiator"')
            words += found
        else:
            words.append(item)
    if key == "LEMMA":
        words = [w for word in words for w in ([word, word.capitalize()] if isinstance(word, str) else [word])]
    return list(dict.fromkeys(words))


def spacy_pattern(pattern: InitiatorPattern, where: str = FILE) -> list[dict[str, Any]]:
    """The pattern in DependencyMatcher's own form, word lists expanded."""
    lists = {
        **rules()["initiator"],
        "reporting_verbs": rules()["speaker"]["reporting_verbs"],
        "blame_particles": rules()["count_link"]["blame_particles"],  # "put the deaths down to X"
        "firing_sites": sorted(firing_sites()),  # "no shot came from the barracks": any construction
        "instruments": sorted(arms()),  # "charged the crowd with batons": a weapon or an implement
    }
    return [
        _expand(n.model_dump(by_alias=True, exclude_none=True), lists, f"{where}: pattern {pattern.id}")
        for n in pattern.pattern
    ]


@lru_cache(maxsize=1)
def patterns() -> PatternFile:
    """The checked pattern file (read once per process), with the raised and conjoined twins of every
    pattern whose doer is its trigger's subject (raised_twins, conjoined_twins), and the shared-agent
    twins of every pattern whose doer is its trigger's agent (agent_twins)."""
    found = read(FILE, PatternFile)[1]
    twins = [twin for p in found.patterns for twin in (*raised_twins(p), *conjoined_twins(p), *agent_twins(p))]
    return found.model_copy(update={"patterns": [*found.patterns, *twins]})


RAISER = "raiser"  # the role of the raising verb in a raised twin
CONJOINED = "conjoined"  # the role of the verb a conjoined twin's trigger is conjoined to
# (twin id suffix, the trigger's dependency, the path up to the raising verb, its word list, the doer's dependency)
RAISINGS = (
    ("raised", "xcomp", ("<",), "raising_passive", "nsubjpass"),  # "X is believed to have fired"
    ("seeming", "xcomp", ("<",), "raising_active", "nsubj"),  # "X appears to have fired"
    ("suspected", "pcomp", ("<", "<"), "raising_of", "nsubjpass"),  # "X is suspected of carrying out"
    ("controlled", "xcomp", ("<",), "control_active", "nsubj"),  # "X went on to fire on the crowd"
    ("forced", "xcomp", ("<",), "control_passive", "nsubjpass"),  # "X were forced to open fire"
)


def _subject_doer(pattern: InitiatorPattern, role: str) -> PatternNode | None:
    """The doer's node of a pattern a twin can be made of: its anchor is its trigger, in no fixed
    place, and its doer is the trigger's subject; not a pattern that already has the twin's `role`."""
    nodes = pattern.pattern
    anchor = nodes[0]
    doer = next((n for n in nodes if n.right_id == pattern.actor), None)
    if (
        anchor.right_id != pattern.trigger
        or "DEP" in anchor.right_attrs
        or doer is None
        or (doer.left_id, doer.rel_op, doer.right_attrs.get("DEP")) != (pattern.trigger, ">", "nsubj")
        or role in {n.right_id for n in nodes}
    ):
        return None
    return doer


def raised_twins(pattern: InitiatorPattern) -> list[InitiatorPattern]:
    """ "X is believed to have carried out the attack", "X appears to have fired first", "X is suspected
    of carrying out the bombing", "X went on to shell the town", "X were forced to open fire": the doer
    is the subject of a raising or control verb above the act, not of the act itself (rules
    initiator.raising_*, control_*). For a pattern whose anchor is its trigger and whose doer is the
    trigger's subject, the same pattern with the subject taken from the raising verb; a "not" there
    negates the claim too ("X is not believed to have fired")."""
    nodes = pattern.pattern
    anchor = nodes[0]
    doer = _subject_doer(pattern, RAISER)
    if doer is None:
        return []
    twins = []
    for suffix, dep, path, words, subject in RAISINGS:
        first = anchor.model_copy(update={"right_attrs": {**anchor.right_attrs, "DEP": dep}})
        steps, left = [], pattern.trigger
        for n, op in enumerate(path):
            last = n == len(path) - 1
            attrs = {"LEMMA": {"IN": [f"@{words}"]}} if last else {"LOWER": "of", "DEP": "prep"}
            rid = RAISER if last else f"{RAISER}_prep"
            steps.append(PatternNode(RIGHT_ID=rid, RIGHT_ATTRS=attrs, LEFT_ID=left, REL_OP=op))
            left = rid
        raised = doer.model_copy(update={"left_id": RAISER, "right_attrs": {**doer.right_attrs, "DEP": subject}})
        rest = [raised if n is doer else n for n in nodes[1:]]
        negation = [*(pattern.negation or [pattern.trigger]), RAISER]
        # "14 persons are reported to have been killed": a passive act's raised subject is its victim
        checks = [*pattern.checks, "active_trigger"]
        twins.append(
            pattern.model_copy(
                update={
                    "id": f"{pattern.id}+{suffix}",
                    "pattern": [first, *steps, *rest],
                    "negation": negation,
                    "checks": checks,
                }
            )
        )
    return twins


def conjoined_twins(pattern: InitiatorPattern) -> list[InitiatorPattern]:
    """ "The crowd marched to the square and threw stones at the soldiers": a verb conjoined to one
    that has the subject shares it. For a pattern whose anchor is its trigger and whose doer is the
    trigger's subject, the same pattern on a conjoined verb of no subject of its own, the doer the
    subject of the verb it is conjoined to (not a verb of saying: "officials said and the army
    confirmed"); not for a pattern the file gives a conjunct twin of its own ("conjoined": false)."""
    nodes = pattern.pattern
    anchor = nodes[0]
    doer = _subject_doer(pattern, CONJOINED) if pattern.conjoined else None
    if doer is None:
        return []
    first = anchor.model_copy(update={"right_attrs": {**anchor.right_attrs, "DEP": "conj"}})
    verb = PatternNode(
        RIGHT_ID=CONJOINED,
        RIGHT_ATTRS={"POS": {"IN": ["VERB", "AUX"]}, "LEMMA": {"NOT_IN": ["@reporting_verbs"]}},
        LEFT_ID=pattern.trigger,
        REL_OP="<",
    )
    shared = doer.model_copy(update={"left_id": CONJOINED})
    rest = [n for node in nodes[1:] for n in ((verb, shared) if node is doer else (node,))]
    # "fought back and drove the intruders out": the act goes with the answer it is conjoined to
    checks = [*pattern.checks, "no_subject", "first_not_response"]
    update = {"id": f"{pattern.id}+conj", "pattern": [first, *rest], "checks": checks}
    return [pattern.model_copy(update=update)]


SHARER = "sharer"  # the role of the conjoined participle whose agent an agent twin's trigger shares


def agent_twins(pattern: InitiatorPattern) -> list[InitiatorPattern]:
    """ "The disturbance was begun and carried on by students", "the shooting was ordered and directed
    by the command": one "by" after passive participles joined by "and" is the agent of each of them.
    For a pattern whose anchor is its trigger and whose doer is reached through the trigger's agent,
    the same pattern with the agent taken from a participle conjoined after the trigger, when the
    trigger has no agent of its own ("was shot by police and beaten by rioters" names two doers) and the
    participle no subject of its own ("were killed and many were buried by troops": the burial's)."""
    nodes = pattern.pattern
    agent = next((n for n in nodes if n.right_attrs.get("DEP") == "agent" and n.left_id == pattern.trigger), None)
    if agent is None or nodes[0].right_id != pattern.trigger or SHARER in {n.right_id for n in nodes}:
        return []
    sharer = PatternNode(
        RIGHT_ID=SHARER, RIGHT_ATTRS={"DEP": "conj", "POS": "VERB"}, LEFT_ID=pattern.trigger, REL_OP=">"
    )
    moved = agent.model_copy(update={"left_id": SHARER})
    rest = [n for node in nodes[1:] for n in ((sharer, moved) if node is agent else (node,))]
    update = {
        "id": f"{pattern.id}+shared-agent",
        "pattern": [nodes[0], *rest],
        "checks": [*pattern.checks, "no_agent", "sharer_no_subject"],
    }
    return [pattern.model_copy(update=update)]


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab, validate=True)
    for pattern in patterns().patterns:
        matcher.add(pattern.id, [spacy_pattern(pattern)])
    share_node_rules(matcher)
    return matcher


@lru_cache(maxsize=4)
def _node_rules(vocab: Vocab) -> NodeRules:
    return NodeRules(_matcher(vocab))


def share_node_rules(matcher: DependencyMatcher) -> None:
    """One token rule for every node of the same attributes, however many patterns hold it (issue #11).

    spaCy's DependencyMatcher gives each node of each pattern a rule of its own in one token Matcher,
    run over every token of a document: 290 rules for 84 patterns, where "any nsubj" alone comes 34
    times; matching was two thirds of extraction. Nodes of equal attributes match the same tokens, so
    each pattern's node is pointed at the first such rule and the copies are removed: the same matches
    at less than half the cost (tests/test_initiator_patterns.py compares them). Relies on the
    matcher's `_tokens_to_key` (node -> rule key, per pattern) and `_matcher`, as in spaCy 3.8.
    """
    first: dict[str, Any] = {}
    for key, patterns_of_key in matcher._tokens_to_key.items():
        for p, node_keys in enumerate(patterns_of_key):
            for n, rule_key in enumerate(node_keys):
                attrs = json.dumps(matcher._patterns[key][p][n], sort_keys=True)
                shared = first.setdefault(attrs, rule_key)
                if shared != rule_key:
                    matcher._matcher.remove(rule_key)
                    node_keys[n] = shared


def _doc_matches(doc: Doc) -> list[tuple[str, list[int]]]:
    """The matches of a whole document, found once and kept on it: matching sentence by sentence
    costs the matcher's set-up for every sentence (benchmarks/throughput.py)."""
    found = doc.user_data.get(CACHE_KEY)
    if found is None:
        found = [(doc.vocab.strings[match_id], list(ids)) for match_id, ids in _node_rules(doc.vocab)(doc)]
        doc.user_data[CACHE_KEY] = found
    return found


@lru_cache(maxsize=1)
def _pattern_index() -> tuple[dict[str, InitiatorPattern], dict[str, int]]:
    """Each pattern by its id, and its place in the file."""
    found = patterns().patterns
    return {p.id: p for p in found}, {p.id: n for n, p in enumerate(found)}


def match(sent: Span) -> list[tuple[InitiatorPattern, dict[str, Token]]]:
    """Every pattern that matches inside the sentence, with its roles bound to tokens, in pattern order."""
    by_id, order = _pattern_index()
    doc = sent.doc
    found: list[tuple[InitiatorPattern, dict[str, Token]]] = []
    for pattern_id, token_ids in _doc_matches(doc):
        if not all(sent.start <= i < sent.end for i in token_ids):
            continue
        pattern = by_id[pattern_id]
        roles = {node.right_id: doc[i] for node, i in zip(pattern.pattern, token_ids, strict=True)}
        found.append((pattern, roles))
    return sorted(found, key=lambda m: (order[m[0].id], m[1][m[0].trigger].i))
