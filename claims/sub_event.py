"""Which part of an event a count is of (issue #8, FAILURE_MODES 4).

One day of violence often has parts, each with its own toll: "eight died in
the bombing", "69 were shot dead on the island", "in all, 77 were killed". A
count's part is read from the words on its death predicate: a cause noun after
"in/by/from" ("in the blast", "by gunfire"), a manner verb ("shot dead",
"gunned down"), the clause it hangs on ("a car bomb exploded, killing seven",
"killed when a gunman opened fire"). Words are grouped in classes
(rules.json `sub_event.parts`), so "blast" and "bombing" are one part and an
event noun that names the whole ("attack", "siege", "massacre") is no part.
A whole-event marker ("in all", "in total") makes the count the whole.
The part is written after the scope ("people in the explosion"), where
analysis.compare and analysis.topics read it back (split_part).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from claims.actors import AliasTable
from claims.rules import rules

if TYPE_CHECKING:  # only annotations: analysis.compare reads WHOLE and must not import spaCy
    from spacy.tokens import Token

WHOLE = "all"
CAUSE_PREPS = ("in", "by", "from", "with")  # "died in the blast", "killed by gunfire", "with a rifle"
CLAUSE_DEPS = ("advcl", "xcomp", "conj")  # "exploded, killing seven"; "killed when a gunman opened fire"
MAX_CLAUSE_TOKENS = 12  # a clause longer than this tells more than how the people died


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """word or lemma -> its part ("blast" -> "explosion")."""
    table: dict[str, str] = {}
    for part, words in rules()["sub_event"]["parts"].items():
        for w in words:
            table.setdefault(w, part)
    return table


@lru_cache(maxsize=1)
def _agents() -> frozenset[str]:
    """ "gunmen stormed the school, killing 126": the doers, not how the people died."""
    return frozenset(rules()["sub_event"]["agents"])


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["whole_markers"])


def act_part(words: list[str]) -> str | None:
    """The one part of an event a claim's words name ("stormed the school": storming), or None."""
    parts = {p for w in words if (p := part_of_word(w))}
    return parts.pop() if len(parts) == 1 else None


def two_acts(a: list[str], b: list[str], target_a: str | None = None, target_b: str | None = None) -> bool:
    """Do two claims' words name different acts: different parts of an event ("stormed the depot" /
    "to blame for the blast"), or the war against one act in it ("attack on <state>" / "the
    killings")? Words of no part or scale ("the attack") never tell two acts apart."""
    pa, pb = act_part(a), act_part(b)
    if pa is not None and pb is not None and not same_part(pa, pb):
        return True
    return scales_differ(a, b, target_a, target_b)


@lru_cache(maxsize=1)
def _onset_words() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["onset"])


def names_onset(words: list[str]) -> bool:
    """ "initiated the storming", "to blame for the first explosion": the words say who began it."""
    return not _onset_words().isdisjoint(w.lower() for w in words)


def tells_unrest_onset(told: list[str]) -> bool:
    """ "The militants had started the violence", "blamed agitators for the unrest": who began, or is to
    blame for, the incident's own bloodshed (rules initiator.unrest_nouns with sub_event.onset or a
    blame verb), not a war's."""
    words = {w.lower() for w in told}
    if words.isdisjoint(_unrest_nouns()) or act_scale(told) == "war":
        return False
    return names_onset(told) or any(w.startswith(_blame_verbs()) for w in words)


@lru_cache(maxsize=1)
def _unrest_nouns() -> frozenset[str]:
    return frozenset(rules()["initiator"]["unrest_nouns"])


@lru_cache(maxsize=1)
def _blame_verbs() -> tuple[str, ...]:
    return tuple(rules()["initiator"]["blame_verbs"])


def tells_war_onset(told: list[str], sentence: list[str], target: str | None = None, began: bool = False) -> bool:
    """ "The conflict erupted when X attacked Y's bases", "X started a war against Y": the claim
    says who began the conflict as a whole (its sentence names the conflict, its own words or its
    act's clause the onset (`began`: claims.act_onset), its own words the onset or an act of war),
    the one question every account of a war answers (issue #8)."""
    return (
        (began or names_onset(told))
        and names_whole_event(sentence)
        and (names_onset(told) or names_whole_event(told) or act_scale(told, target) == "war")
    )


def scales_differ(a: list[str], b: list[str], target_a: str | None = None, target_b: str | None = None) -> bool:
    """One claim speaks of the war, the other of one act in it."""
    sa, sb = act_scale(a, target_a), act_scale(b, target_b)
    return sa is not None and sb is not None and sa != sb


@lru_cache(maxsize=1)
def _scale_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(war acts, incident acts, whole-event nouns): read once, asked for every pair of blame claims."""
    sub = rules()["sub_event"]
    return frozenset(sub["war_acts"]), frozenset(sub["incident_acts"]), frozenset(sub["whole_event"])


def names_whole_event(words: list[str]) -> bool:
    """ "provoked the clash", "started the war": the words name the conflict as a whole."""
    return not _scale_words()[2].isdisjoint(w.lower() for w in words)


def act_scale(words: list[str], target: str | None = None) -> str | None:
    """ "war" for blame for the war itself (a war word, or a state attacked), "incident" for one act
    in it (an incident word, or a part of the event), None when the words do not say."""
    war, incident, _whole = _scale_words()
    lowered = {w.lower() for w in words}
    if lowered & war or (target is not None and _is_state(target)):
        return "war"
    if lowered & incident or act_part(words) is not None:
        return "incident"
    return None


def _is_state(name: str) -> bool:
    table = _builtin_actors()
    return table.kind(table.resolve(name) or name) == "state"


@lru_cache(maxsize=1)
def _builtin_actors() -> AliasTable:
    return AliasTable()


def same_part(a: str, b: str) -> bool:
    """One part, or two that one act can be told as ("explosion" / "shelling": a shell's blast)."""
    return a == b or any({a, b} <= set(group) for group in rules()["sub_event"]["one_act"])


def part_of_word(word: str) -> str | None:
    """The part of an event a word names ("blast" -> "explosion"), or None."""
    return _classes().get(word.lower())


def _part_of(tok: Token) -> str | None:
    """The part of the event a word of a count's predicate names (acts only for blame are left out)."""
    part = part_of_word(tok.lower_) or part_of_word(tok.lemma_)
    return None if part in _act_only() else part


@lru_cache(maxsize=1)
def _act_only() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["act_only"])


def _prep_parts(head: Token) -> set[str]:
    """ "died in the bombing", "killed by gunfire", "from the blast": the cause noun and its compounds."""
    found: set[str] = set()
    preps = [c for c in head.children if c.dep_ in ("prep", "agent")]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj"]  # "with a bomb and then with a rifle"
    for prep in (p for p in preps if p.lower_ in CAUSE_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for tok in (obj, *(c for c in obj.children if c.dep_ == "compound")):
                part = _part_of(tok)
                if part:
                    found.add(part)
    return found


def _clause_parts(clause: Token) -> set[str]:
    """A short clause's cause words: "a car bomb exploded", "a gunman opened fire"."""
    words = list(clause.subtree)
    if len(words) > MAX_CLAUSE_TOKENS:
        words = [clause, *clause.children]
    return {part for tok in words if (part := _part_of(tok))}


def _is_whole(head: Token) -> bool:
    for child in head.children:
        if child.lower_ in _whole_words() and child.dep_ in ("advmod", "npadvmod"):
            return True  # "altogether", "overall"
        if child.dep_ == "prep" and child.lower_ == "in":
            if any(g.lower_ in ("all", "total") and g.dep_ == "pobj" for g in child.children):
                return True  # "in all", "in total"
            after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if after is not None and after.lower_ in ("all", "total") and not any(child.children):
                return True  # "In all 77 people died": "all" parsed as the number's modifier
        if child.lower_ in ("all", "total") and child.i > 0 and child.doc[child.i - 1].lower_ == "in":
            return True  # "died in all", parsed as two adverbs
    return _several_incidents(head)


def _several_incidents(head: Token) -> bool:
    """ "died in the two attacks", "the twin bombings killed 224", "a series of attacks killed 40": the
    count is of several incidents together, the whole of which one incident's toll is a part."""
    nouns = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    nouns += [o for p in head.children if p.dep_ == "prep" and p.lower_ in CAUSE_PREPS for o in p.children
              if o.dep_ == "pobj"]  # fmt: skip
    for noun in nouns:
        if noun.lemma_.lower() in _series_words():
            noun = next((o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), noun)
        elif not _several(noun):
            continue
        if noun.lower_ in _agents() or noun.lemma_.lower() in _agents():
            continue  # "two gunmen killed 16": several doers, one act
        if noun.tag_ in ("NNS", "NNPS") and (noun.lemma_.lower() in act_nouns() or _part_of(noun)):
            return True
    return False


def _several(noun: Token) -> bool:
    """ "the two attacks", "both blasts", "the twin bombings": a word before the noun says there were several."""
    for child in noun.children:
        if child.lower_ in _several_words():
            return True
        if child.dep_ == "nummod" and child.like_num and child.lower_ not in ("one", "1"):
            return True
    return False


@lru_cache(maxsize=1)
def _several_words() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["several_markers"])


@lru_cache(maxsize=1)
def _series_words() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["series_nouns"])


def sub_event(trigger: Token, noun: Token) -> str | None:
    """The part of the event a count is of ("explosion", "shooting"), WHOLE for "in all", or None."""
    heads = list(dict.fromkeys([trigger, noun, trigger.head] if trigger.dep_ in ("oprd", "acomp") else [trigger, noun]))
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "to" and trigger.head.head.pos_ == "VERB":
        heads.append(trigger.head.head)  # "trampled to death", "burned to death": the manner verb
    if any(_is_whole(h) for h in heads):
        return WHOLE
    if any(_several_incidents(t) for h in (trigger, noun) for t in h.subtree if t.dep_ == "acl" and t.pos_ == "VERB"):
        return WHOLE  # "bringing to 14 the number of people killed in the two attacks"
    named: set[str] = set()  # on the predicate itself: several are the whole
    for head in heads:
        if head.i != noun.i or head.i == trigger.i:
            part = _part_of(head)
            if part:
                named.add(part)  # "were shot dead", "gunned down"
        named |= _prep_parts(head)
    named |= _subject_parts(trigger.head if trigger.dep_ in ("oprd", "acomp") else trigger)
    if len(named) > 1:
        return WHOLE  # "first with a bomb, then with a rifle", "in the fighting and the blast": the whole
    if named:
        return named.pop()
    around: set[str] = set()  # the clause the death hangs on: a hint, worth nothing when mixed
    verb = trigger.head if trigger.dep_ in ("oprd", "acomp") else trigger
    if verb.dep_ in CLAUSE_DEPS and verb.head.i != verb.i:
        around |= _clause_parts_of_head(verb.head)  # "a car bomb exploded ..., killing seven"
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        around |= _clause_parts(clause)  # "killed when a gunman opened fire"
    return around.pop() if len(around) == 1 else None


def _subject_parts(verb: Token) -> set[str]:
    """ "A car bomb killed eight", "the shooting left 69 dead": the cause the death verb's own subject
    names (not an agent: "gunmen killed five" may be by any means)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _agents()]
    return {part for subj in subjects for tok in (subj, *(c for c in subj.children if c.dep_ == "compound"))
            if (part := _part_of(tok))}  # fmt: skip


def _clause_parts_of_head(head: Token) -> set[str]:
    """The head verb and its subject: "a car bomb exploded" (not the whole sentence it leads)."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _agents()]
    found = {part for tok in (head, *subjects) if (part := _part_of(tok))}
    for subj in subjects:
        found |= {part for c in subj.children if c.dep_ == "compound" and (part := _part_of(c))}
    return found


def part_phrase(part: str) -> str:
    """How the part is written after the scope: "in the explosion", "in all"."""
    return "in all" if part == WHOLE else f"in the {part}"


def split_part(scope: str) -> tuple[str, str | None]:
    """ "people in the explosion" -> ("people", "explosion"); "people in all" -> ("people", WHOLE)."""
    words = scope.split()
    if len(words) >= 3 and words[-2:] == ["in", WHOLE]:
        return " ".join(words[:-2]), WHOLE
    if len(words) >= 4 and words[-3:-1] == ["in", "the"] and words[-1] in rules()["sub_event"]["parts"]:
        return " ".join(words[:-3]), words[-1]
    return scope, None


@lru_cache(maxsize=1)
def _firing_acts() -> frozenset[str]:
    return frozenset(rules()["initiator"]["firing_acts"])


@lru_cache(maxsize=1)
def _shot_acts() -> frozenset[str]:
    return frozenset(rules()["sub_event"]["shot_acts"])


def tells_firing(about: str) -> bool:
    """ "opened fire on the march", "came under fire from gunmen", "fired the first shots": the blame
    claim's act is the firing itself, not what was hit (rules initiator.firing_acts, sub_event.shot_acts):
    the question of who fired."""
    act = about.lower()
    return act in _firing_acts() or act in _shot_acts()


def tells_killing(told: list[str], target: str | None = None) -> bool:
    """ "The victims were killed by X", "X massacred the families", "X was responsible for the
    deaths": the blame claim says who killed the incident's people (rules sub_event.killing_acts,
    victim_nouns), the question every account of a massacre answers."""
    sub = rules()["sub_event"]
    victims = target is not None and target.lower().split()[-1] in sub["victim_nouns"]
    if target is not None and not victims:
        return False  # "killed the president", "shelled the village": one person, or what was struck
    words = {w.lower() for w in told}
    # firing kills the incident's people only when told at them ("fired into the crowd")
    return not words.isdisjoint(sub["killing_acts"]) or (victims and not words.isdisjoint(sub["shooting_acts"]))


def tells_incident(told: list[str], target: str | None = None) -> bool:
    """ "X is responsible for this crime", "Y carried out the attack", "Z denied any involvement": the
    blame claim names the incident only as a whole, or says who killed its people (tells_killing);
    not the war (act_scale), whose onset is another question (rules sub_event.incident_refs)."""
    if act_scale(told, target) == "war":
        return False
    words = {w.lower() for w in told}
    return not words.isdisjoint(rules()["sub_event"]["incident_refs"]) or tells_killing(told, target)


def tells_expulsion(told: list[str]) -> bool:
    """ "X expelled 750,000", "encouraged by their leaders to leave", "driven out by the militia":
    the blame claim says who made the incident's people leave (rules sub_event.expulsion_acts)."""
    return not {w.lower() for w in told}.isdisjoint(rules()["sub_event"]["expulsion_acts"])


def series_of_acts(quote: str) -> bool:
    """ "Hamas has fired more than 1,000 rockets at Israel": a present perfect and a count of acts,
    a running series told as background, not one act of the incident (rules sub_event.series_*)."""
    sub = rules()["sub_event"]
    words = quote.lower().split()
    if not set(words) & set(sub["series_aux"]):
        return False
    return any(any(ch.isdigit() for ch in w) for w in words) or bool(set(words) & set(sub["series_quantities"]))


@lru_cache(maxsize=1)
def violent_words() -> frozenset[str]:
    """Every word that names an act of violence or a war (rules initiator word lists)."""
    w = rules()["initiator"]
    return frozenset(
        [*w["attack_nouns"], *w["war_nouns"], *w["attack_verbs"], *w["start_verbs"], *w["violence_nouns"]]
    ) | {"violate", "death", "bombing", "explosion", "blast"}


@lru_cache(maxsize=1)
def act_nouns() -> frozenset[str]:
    """The nouns that name an act of violence (rules initiator.attack_nouns, violence_nouns)."""
    words = rules()["initiator"]
    return frozenset([*words["attack_nouns"], *words["violence_nouns"]])
