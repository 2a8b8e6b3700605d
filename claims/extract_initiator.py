"""Who started, launched, attacked or is blamed (issues #2, #8).

The patterns are data (claims/data/initiator_patterns.json, spaCy DependencyMatcher form):
- X started/launched/provoked a war (a war was started by X; the assault was initiated by X)
- X attacked/shelled/destroyed/killed/blew up/set fire to Y (Y was attacked by X)
- X's attacks on Y / attacks from X / killings by X / an X-ian air strike
- Z blamed X / Z accused X of ...; X was to blame for ...
- X is (not) responsible for ...; the aggressor was X; X resorted to war
- X denied any involvement in ...: a negated claim about X
Who the actor is comes from claims.initiator_actor, the target from claims.initiator_target,
negation and denial from claims.initiator_negation. A response ("counter-strike",
"responded", "retaliated", "fired back") is not an initiator.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.initiator_accident import Accident, find_accidents
from claims.initiator_actor import PLACES, PRONOUNS, ActorReader, Named, is_actor_noun
from claims.initiator_answer import answers_an_attack
from claims.initiator_negation import (
    blames_violence,
    denied,
    dismissed,
    done_by_or_to_none,
    has_neg,
    is_response,
    negated,
    qualified,
    told_as_policy,
    violent_or_incident,
    violent_or_none,
    violent_words,
    word_sets,
)
from claims.initiator_patterns import CONJOINED, SHARER, InitiatorPattern, match
from claims.initiator_target import find_target
from claims.initiator_unknown import UnknownCulprit, find_unknown_culprits
from claims.models import ACCIDENT, NOBODY, UNKNOWN
from claims.noun_classes import arms, people_nouns
from claims.rules import rules

ORPHAN_WINDOW = 12  # tokens before an attack verb with no subject of its own
EMPHATIC = frozenset({"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself", "yourselves"})


@dataclass
class ActorHit:
    trigger: Token
    actor_tok: Token
    actor: str
    target: str | None
    target_tok: Token | None
    negated: bool
    strength: str  # "start", "attack" or "blame"
    event: Token | None
    actor_text: str = ""  # the actor's words as written ("federal forces", "Azerbaijan's armed forces")
    told: Token | None = None  # "carried it out": the word in the sentence standing for an act told before


def _farther_subject(doer: Token) -> bool:
    """ "(Agency) - Terrorists were to blame": of two subjects the parser gave a verb, the nearer one
    ("The rebels themselves opened fire": an emphatic "themselves" is no subject of its own)."""
    if doer.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = doer.head
    return any(
        c.dep_ == doer.dep_ and doer.i < c.i < head.i and c.lower_ not in EMPHATIC and not _told_as(c)
        for c in head.children
    )


def _told_as(doer: Token) -> bool:
    """ "A gunman dressed as a policeman killed 85 people": a subject the parser gave a verb out of the
    "as" phrase of another's modifier, after that other subject; what the doer looked like, not who."""
    if doer.dep_ not in ("nsubj", "nsubjpass") or doer.left_edge.i == 0:
        return False
    before = doer.doc[doer.left_edge.i - 1]
    return before.lower_ == "as" and any(c.dep_ == doer.dep_ and c.i < doer.i for c in doer.head.children)


def _background(pattern: InitiatorPattern, trigger: Token, named: Named) -> bool:
    """ "The terrorists who seized the school were killed": an attack told in a relative clause
    only describes the actor; the sentence claims something else (who started it still counts)."""
    if pattern.strength != "attack" or trigger.dep_ != "relcl" or trigger.head.dep_ == "attr":
        return False  # "It was the rebels who attacked first": a cleft asserts it
    if trigger.left_edge.i <= named.tok.i <= trigger.right_edge.i:
        return False  # "on 18 April, when the army fired on the camp": the clause names its own actor
    return trigger.head.i == named.tok.i or any(a.i == trigger.head.i for a in named.tok.ancestors)


CONDITIONS = frozenset({"if", "unless", "lest", "whether"})  # "whether X ordered it has never been settled": open
FUTURE = frozenset({"will", "shall", "'ll"})


def _unreal(verb: Token) -> bool:
    """ "If the army attacks, ...", "Should the enemy cross the line again, we will strike": a
    condition or a threat, not an account of what was done; "whether the captain ordered his men to
    fire has never been settled": a question left open. The verb, or the one it is conjoined to,
    has "if" (unless, lest, whether), a "should" before its subject, or "will" (shall)."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        kids = list(v.children)
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in kids):
            return True
        subjects = [c.i for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        auxes = [c for c in kids if c.dep_ == "aux"]
        if any(a.lower_ in FUTURE for a in auxes):
            return True
        if subjects and any(a.lower_ == "should" and a.i < min(subjects) for a in auxes):
            return True
    return False


def _no_subject(tok: Token) -> bool:
    """No subject of its own, and active: "fled or were expelled" shares its subject as the one
    acted on, not the doer."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass") for c in tok.children)


def _reduced_passive(verb: Token) -> bool:
    """ "those villagers killed in the battle were fighters": a bare participle with no object and no
    "have" (or parsed as a clause that is the subject) is a passive read as active; its subject is the
    victim, not the doer."""
    if any(c.dep_ in ("dobj", "aux") for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "Protester shot dead by police": a headline's passive, its "by" says who did it
    if not (verb.tag_ == "VBN" or verb.dep_ == "csubj" or _counted_victims(verb) or _set_off(verb)):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "against") for c in verb.children)


def _set_off(verb: Token) -> bool:
    """ "Patrick Carr, shot through the hip, lies in danger": a participle set off by commas after its
    subject, the sentence's own verb after it, read as that subject's past tense."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if (
        subject is None
        or verb.i == 0
        or doc[verb.i - 1].text != ","
        or subject.right_edge.i not in (verb.i - 2, verb.i - 1)
    ):
        return False
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and doc[c.i - 1].text == "," for c in verb.children)


@lru_cache(maxsize=1)
def _harm_verbs() -> frozenset[str]:
    return frozenset(v for kind in ("casualties", "wounded") for v in rules()["triggers"][kind]["verbs"])


def _counted_victims(verb: Token) -> bool:
    """ "reported 128 guerrillas killed": a counted subject of a verb of harm with no object, read as
    a past tense, is the people harmed."""
    if verb.lemma_.lower() not in _harm_verbs():
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.dep_ == "nummod" for s in subjects for c in s.children)


def _ergative_with_object(verb: Token) -> bool:
    """ "the submarine sank the corvette" is an attack; "the corvette sank" tells what befell it, its
    subject no doer (rules initiator.ergative_verbs)."""
    if verb.lemma_.lower() not in word_sets()["ergative_verbs"]:
        return True
    return any(c.dep_ == "dobj" for c in verb.children)


def _struck(noun: Token) -> bool:
    """ "The operation targeted militants responsible for suicide bombings": a noun an act of violence
    is done to is described by what follows it, as background; the sentence tells of the act done to
    it (as a relative clause on the doer does, _background)."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj", "nsubjpass") or head.i == noun.i:
        return False
    return head.lemma_.lower() in violent_words()


def _place_object(verb: Token) -> bool:
    """ "entered the camp", "swept through the cities": a place, not "entered talks" or "the war"."""
    w = word_sets()
    abstract = w["war_nouns"] | {"talk", "negotiation", "phase", "stage", "agreement", "year", "week", "day", "month"}
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("through", "into") for o in p.children]
    return any(o.pos_ in ("NOUN", "PROPN") and o.lemma_.lower() not in abstract for o in objs)


def _diplomatic_object(verb: Token) -> bool:
    """ "expelled Syrian diplomats", "diplomats were expelled", "struck a different note", "seized
    weapons and documents", "fired illumination flares": an act of diplomacy, a figure of speech, a
    seizure of goods or a round fired to light or signal, not violence."""
    words = {*word_sets()["diplomatic_objects"], *word_sets()["figurative_objects"]}
    if verb.lemma_.lower() in word_sets()["seize_verbs"]:
        words |= word_sets()["seized_goods"]  # "investigators seized large quantities of chemicals"
    rounds = word_sets()["harmless_rounds"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(
        o.lemma_.lower() in words | rounds
        or any(m.dep_ in ("compound", "amod") and m.lemma_.lower() in rounds for m in o.children)
        for o in objects
    )


def _fired_by_its_clause(noun: Token) -> bool:
    """ "Ukrainian forces fired HIMARS rockets", "a jet threw Exocet missiles": a weapon that a clause's
    own doer fired, threw or used; its modifier names the weapon's make, not who fired it."""
    w = word_sets()
    if noun.lemma_.lower() not in {*w["fired_things"], *w["weapon_nouns"]} or noun.dep_ != "dobj":
        return False
    verbs = {*w["firing_verbs"], *w["use_verbs"], *w["throw_verbs"], "launch"}
    verb = noun.head
    return verb.lemma_.lower() in verbs and any(c.dep_ in ("nsubj", "agent") for c in verb.children)


def _armed_charge(verb: Token) -> bool:
    """ "charged the marchers with batons and tear gas": a rush made with weapons, not a charge laid
    (WordNet's weapons and implements, claims/data/instrument_nouns.json, and what is fired)."""
    objs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    objs += [c for o in objs for c in o.conjuncts]
    return any(o.lemma_.lower() in arms() for o in objs)


def _fired_by_subject(noun: Token) -> bool:
    """ "Ukrainian forces fired the missile from Kramatorsk", "the rebels launched rockets and mortars
    from the hills": the object of a verb of firing with its own subject, whose 'from' tells where it
    was fired from, not who fired it (rules initiator.firing_verbs, throw_verbs, launch_verbs); "the town suffered attacks from
    rebel-held areas" names who attacked."""
    head = noun
    while head.dep_ == "conj":
        head = head.head
    verb = head.head
    w = word_sets()
    fires = verb.lemma_.lower() in w["firing_verbs"] | w["throw_verbs"] | w["launch_verbs"]
    return head.dep_ == "dobj" and fires and any(c.dep_ == "nsubj" for c in verb.children)


def _said_thing(verb: Token) -> bool:
    """ "The ministry attacked the report as biased", "officials attacked the allegations", "the
    government shot down the proposal": what was struck is a thing said, written or decided (rules
    initiator.said_things)."""
    things = word_sets()["said_things"]
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in things for c in verb.children)


def _dismissal(verb: Token) -> bool:
    """ "The president fired the army chief", "fired two police commanders": 'fire' with a person as
    its object and no one fired on or at is a dismissal."""
    if verb.lemma_.lower() != "fire" or any(
        c.dep_ == "prep" and c.lower_ in ("on", "at", "into") for c in verb.children
    ):
        return False
    fired = word_sets()["fired_things"]
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() not in fired and c.lemma_.lower() in people_nouns() for c in verb.children
    )


def _accuser_after(noun: Token) -> bool:
    """ "The rebels were accused of the massacre by the government": the "by" after the act a passive
    accusation names is the accuser, whatever the parser hangs it on (not in "accused by X of the
    massacre by Y", where the verb's agent comes first)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "for"):
        return False
    verb = noun.head.head
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    agents = [c for c in verb.children if c.dep_ == "agent"]
    return verb.lemma_.lower() in word_sets()["accusing_verbs"] and passive and (not agents or agents[0].i > noun.i)


def _of_two_sides(prep: Token) -> bool:
    """ "in the fighting", "in the battle for the town": every act of violence the preposition's
    phrase names is fighting that has two sides (rules initiator.two_sided_acts)."""
    acts = [t.lemma_.lower() for t in prep.subtree if t.lemma_.lower() in violent_or_incident()]
    return bool(acts) and set(acts) <= word_sets()["two_sided_acts"]


def _passes(check: str, pattern: InitiatorPattern, roles: dict[str, Token], reader: ActorReader) -> bool:
    """One named check of the pattern file; every check must pass."""
    trigger, doer, event = roles[pattern.trigger], roles.get(pattern.actor or ""), roles.get(pattern.event or "")
    tests = {
        "not_response": lambda: not is_response(trigger) and not (event is not None and is_response(event)),
        "not_qualified": lambda: not qualified(trigger),
        # "no soldier was convicted of the killings": no verdict, not a finding that they did not kill
        "drop_if_negated": lambda: not negated(trigger) and not done_by_or_to_none(trigger),
        "violent_blame": lambda: (
            doer is not None and (blames_violence(trigger, doer) or _blames_force(trigger, doer, reader))
        ),
        # "cleared the soldiers of any wrongdoing": a finding for the incident (rules initiator.fault_nouns)
        "cleared_of": lambda: (
            (tests["violent_blame"]() or (doer is not None and _of_fault(trigger, doer)))
            and not _an_aim(trigger)
            and not _removes_people(trigger, doer)
        ),
        "violent_or_none": lambda: violent_or_none(trigger, *([event] if event is not None else [])),
        # an act of violence, or the incident itself ("responsibility for this tragedy lies with X")
        "violent_thing": lambda: (
            event is not None and event.lemma_.lower() in violent_words() | word_sets()["incident_nouns"]
        ),
        "not_diplomatic": lambda: not _diplomatic_object(trigger),
        "not_mutual": lambda: doer is None or doer.lower_ not in ("each", "other", "both"),
        "no_subject": lambda: _no_subject(trigger),
        "weapon_not_theirs": lambda: not _fired_by_its_clause(trigger),
        "armed_actor": lambda: doer is not None and (is_actor_noun(doer, reader.aliases) or bool(reader.nation(doer))),
        "active_trigger": lambda: not any(c.dep_ == "auxpass" for c in trigger.children),
        # "no shots were fired at the soldiers" says they fired first; not so of the marchers fired on
        "not_victims": lambda: doer is None or doer.lower_ not in rules()["sub_event"]["victim_nouns"],
        "doer_not_struck": lambda: doer is None or not _struck(doer),
        # "took part in the fighting": a part in fighting that has two sides is no blame for it
        "one_sided": lambda: "in" not in roles or not _of_two_sides(roles["in"]),
        # a conjoined twin's first verb: "fought back and drove the intruders out" answers an attack
        "first_not_response": lambda: not is_response(roles[CONJOINED]),
        # "the men accused of the bombing", not "the families accusing the army"
        "past_participle": lambda: trigger.tag_ == "VBN",
        "blamed_party": lambda: doer is not None and _blamed_party(trigger, doer, reader),
        "place_object": lambda: _place_object(trigger),
        "not_reduced_passive": lambda: not _reduced_passive(trigger),
        "negated_trigger": lambda: has_neg(trigger),  # its own "never", not a clause above
        "said_not": lambda: negated(trigger),  # "was not fired upon", "no evidence that ... had been fired upon"
        "denied_trigger": lambda: denied(trigger),  # "denied that the massacre had happened"
        "onset_after": lambda: _fired_on_first(trigger, doer),
        "not_titled_noun": lambda: not _titled_noun(trigger),
        "no_agent": lambda: not any(c.dep_ == "agent" for c in trigger.children),  # "staged by X" names X
        # an agent twin's participle: "were killed and many of the dead were buried by troops" is two clauses
        "sharer_no_subject": lambda: (
            roles[SHARER].tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in roles[SHARER].children)
        ),
        "by_for_violence": lambda: trigger.lemma_.lower() in word_sets()["attack_nouns"] or roles["by"].lower_ == "by",
        "own_accusation": lambda: event is not None and _own_accusation(event),
        "ergative_object": lambda: _ergative_with_object(trigger),
        "not_armed_charge": lambda: not _armed_charge(trigger),
        # "charged the crowd" is a rush on it; "charged the protesters with rioting" lays a charge
        "nothing_with": lambda: not any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children),
        # "charged the demonstrators" alone is a rush on them, not a charge laid against them
        "laid_charge": lambda: trigger.lemma_.lower() != "charge" or not tests["nothing_with"](),
        "not_accuser": lambda: not _accuser_after(trigger),
        # "Ukrainian forces fired the missile from Kramatorsk": the subject fired it; 'from' says where
        "from_not_where": lambda: roles["by"].lower_ != "from" or not _fired_by_subject(trigger),
        # "the ministry attacked the report as biased", "shot down the proposal": criticism, not violence
        "not_said_thing": lambda: not _said_thing(trigger),
        # "the president fired the army chief": a dismissal, not a shot
        "not_dismissal": lambda: not _dismissal(trigger),
        # "A gunman dressed as a police officer shot dead 85 people": no main verb, the head noun did it
        "verbless_head": lambda: _verbless_head(trigger) is not None,
        # "denied any responsibility of its forces": the denier's own denial (deny-involvement), told once
        "not_denied_object": lambda: (
            not (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in word_sets()["denial_verbs"])
        ),
    }
    return tests[check]()


def _actor(pattern: InitiatorPattern, roles: dict[str, Token], reader: ActorReader, sent: Span) -> Named | None:
    trigger = roles[pattern.trigger]
    if pattern.actor_search == "subject_before":
        governing = _participle_subject(trigger, reader)
        if governing is not None:
            return governing
        head_noun = _verbless_head(trigger)
        if head_noun is not None:
            return reader.name(head_noun)
        before = [t for t in sent if trigger.i - ORPHAN_WINDOW < t.i < trigger.i
                  and (t.dep_ == "nsubj" or _swallowed_subject(t, trigger))
                  and t.lower_ not in PRONOUNS and reader.name(t)]  # fmt: skip
        return reader.name(before[-1]) if before else None
    if pattern.actor_search == "nobody":
        act = roles[pattern.event or pattern.trigger]
        return Named(act, NOBODY, "no one")  # "the raid never took place": nobody did it
    if pattern.actor_search == "clause_subject":
        node = trigger
        while node.head.i != node.i and not any(c.dep_ == "nsubj" for c in node.children):
            node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        roles["_clause"] = node
        return next((n for n in map(reader.name, subjects) if n), None)
    doer = roles[pattern.actor or ""]
    if doer.dep_ == "nsubj" and (dressed := _dressed_as(trigger)) is not None:
        return reader.name(dressed)
    if pattern.actor_read == "modifier":
        return reader.modifier(doer) or reader.force_modifier(doer)
    if pattern.actor_read == "owner":
        return reader.nation(doer)
    return reader.phrase(doer) if pattern.actor_read == "phrase" else reader.name(doer)


def _participle_subject(trigger: Token, reader: ActorReader) -> Named | None:
    """ "Police fired into a crowd outside what was then the college, killing two men": a participle
    hung on a clause is done by the subject of the first clause above it that has one, not by the
    nearest subject before it ("what was then the college"); a clause of time or cause it may hang
    on ("as the mayor watched", "after the organisers refused") is passed over."""
    if trigger.dep_ != "advcl" or trigger.tag_ != "VBG":
        return None
    node = trigger
    while node.head.i != node.i:
        node = node.head
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            continue  # "fired on the crowd as the mayor watched, killing two": not the mayor
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return reader.name(subjects[0]) if subjects[0].dep_ == "nsubj" else None
    return None


def _dressed_as(verb: Token) -> Token | None:
    """ "A gunman dressed as a police officer shot dead 40 people": the parser read "as a police officer
    shot" as a clause of its own; who was dressed as (disguised as, like) the officer did it."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("as", "like"):
        return None
    participle = verb.head.head
    return participle.head if participle.dep_ == "acl" and participle.head.pos_ in ("NOUN", "PROPN") else None


def _verbless_head(verb: Token) -> Token | None:
    """ "A gunman dressed as a police officer shot dead 85 people", "The gunman, who looked like a
    soldier, fired on the crowd": the parser found no main verb and hung the one in the past tense on
    the noun before it; the noun that heads the sentence did it (not "officer", nor anyone when an
    agent says who: "a protester shot by police")."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i:
        return None
    return None if any(c.dep_ == "agent" for c in verb.children) else root


def _swallowed_subject(tok: Token, verb: Token) -> bool:
    """ "In mid-March 1988 Iranian forces captured the town": the parser read the subject into the
    opening phrase of time ("In ... forces"), which hangs on the verb."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.i == tok.sent.start
        and prep.head.i == verb.i
        and tok.ent_type_ not in ("DATE", "TIME")
        and any(t.ent_type_ == "DATE" for t in prep.subtree if t.i < tok.i)
    )


def _act_before(pronoun: Token, own_sentence: bool = True) -> Token | None:
    """ "The bombings killed 191. The court found that they had been carried out by a cell": the last
    attack or war named before the pronoun, in its sentence or the one before; None if none is.
    Without `own_sentence`, only in the sentence before, and None if its own names one first."""
    w = word_sets()
    acts = w["attack_nouns"] | w["war_nouns"]
    start = pronoun.sent.start
    if start > 0:
        start = pronoun.doc[start - 1].sent.start
    act = next((t for t in reversed(pronoun.doc[start : pronoun.i]) if t.lemma_.lower() in acts), None)
    if act is not None and not own_sentence and act.sent == pronoun.sent:
        return None
    return act


def _titled_noun(verb: Token) -> bool:
    """ "November 2015 Paris attacks", a title with no object, nothing after it and no full stop: the
    noun phrase that names the event, which the parse read as "Paris attacks [something]"."""
    last = [t for t in verb.sent if not t.is_space][-1]
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VBZ"
        and verb.i == last.i
        and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "advcl", "dative") for c in verb.children)
    )


def _fired_on_first(verb: Token, doer: Token | None) -> bool:
    """ "had been fired on first", "came under fire before they began shooting": the ones fired on say
    the other side began (a bare "were fired on" says nothing of who fired first)."""
    own = {t.i for t in doer.subtree} if doer is not None else set()
    if any(t.lower_ == "first" and t.i not in own for t in verb.subtree):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before" for m in c.children)
               for c in verb.children)  # fmt: skip


def _blames_force(verb: Token, doer: Token, reader: ActorReader) -> bool:
    """ "The envoy blamed the security forces.", "the delegate accused Iraq": blame of an armed force or
    a party that says for nothing else is blame for the violence the account tells (what else is
    blamed is said with "for" or "of")."""
    said_for = any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in (*verb.children, *doer.children))
    return not said_for and _names_a_party(doer, reader)


def _blamed_party(verb: Token, doer: Token, reader: ActorReader) -> bool:
    """ "Israel blamed the deaths on Hezbollah", "blamed the attack on Iraq", with "on X" hung on the
    act by the parser: an armed actor, a named group or a state by its own name is whom the blame is
    laid on; a city ("the attack on Kyiv") or anything else stays where the act struck, and so does
    any "on" when the verb has its own ("blamed the attack on the convoy on X")."""
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return False
    return _names_a_party(doer, reader) or reader.nation(doer) is not None


def _names_a_party(tok: Token, reader: ActorReader) -> bool:
    """An armed force, a named group or a state by its own name: one that blame can be laid on."""
    return is_actor_noun(tok, reader.aliases) or _named_group(tok) or _state_by_name(tok, reader)


def _state_by_name(tok: Token, reader: ActorReader) -> bool:
    """ "Iraq", not "Kyiv": a state named by its own name, not by a place of it (a city is more often
    where an act struck)."""
    return tok.ent_type_ == "GPE" and reader.aliases.resolve(tok.text) == tok.text


def _named_group(tok: Token) -> bool:
    """ "The government blamed ETA.": a named organisation or people, not a person (blamed for policy
    as often as for violence)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "NORP")


OTHERS_ACCUSED = frozenset({"against", "about", "that"})


def _own_accusation(noun: Token) -> bool:
    """ "Called the accusations absurd": the accusations laid on the one who rejects them, not ones
    that say whom they accuse ("the claim that the militia raided the village", "the accusations
    against the police")."""
    return not any(
        c.dep_ in ("acl", "relcl", "ccomp", "appos") or (c.dep_ == "prep" and c.lower_ in OTHERS_ACCUSED)
        for c in noun.children
    )


def _an_aim(verb: Token) -> bool:
    """ "a whitewash whose only task is to clear the police", "an attempt to absolve the army", "designed
    to exonerate them": an infinitive that says what someone set out to do, not what was found
    (rules initiator.intent_words)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    intent = word_sets()["intent_words"]
    head = verb.head
    if head.lemma_.lower() in intent:
        return True
    # "the task is to clear": the aim is the copula's subject
    return head.pos_ == "AUX" and any(c.dep_ == "nsubj" and c.lemma_.lower() in intent for c in head.children)


def _removes_people(verb: Token, doer: Token | None) -> bool:
    """ "Police cleared the protesters from the square", "the army cleared out the rebels": 'clear'
    finds no one blameless unless it says of what ("cleared the officers of murder") or a court or an
    inquiry clears ("the inquiry cleared the soldiers"; rules initiator.cleared_only_by_finding,
    finding_bodies)."""
    words = rules()["initiator"]
    if verb.lemma_.lower() not in words["cleared_only_by_finding"]:
        return False
    if any(c.dep_ == "prt" for c in verb.children):
        return True
    near = (*verb.children, *(doer.children if doer is not None else ()))
    said_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in near)
    finders = set(words["finding_bodies"])
    by_finding = any(
        (c.dep_ == "nsubj" and c.lemma_.lower() in finders)
        or (c.dep_ == "agent" and any(g.lemma_.lower() in finders for g in c.children))
        for c in verb.children
    )
    return not (said_of or by_finding)


def _of_fault(verb: Token, doer: Token) -> bool:
    """ "were cleared of any wrongdoing", "cleared the soldiers of all blame" (the parser hangs the "of"
    on the verb or on its object; rules initiator.fault_nouns)."""
    faults = set(rules()["initiator"]["fault_nouns"])
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in faults
        for c in (*verb.children, *doer.children)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _is_negated(pattern: InitiatorPattern, roles: dict[str, Token]) -> bool:
    nodes = [roles[n] for n in pattern.negation] or [roles.get("_clause", roles[pattern.trigger])]
    trigger = roles[pattern.trigger]
    said = any(negated(n) for n in nodes) or denied(trigger) or dismissed(trigger)
    # "fired no shots", "no rockets were launched by X": unless the pattern reads the "no" itself
    said = said or (not {"no", "nobody"} & roles.keys() and done_by_or_to_none(trigger))
    return said != pattern.denial  # "did not deny involvement" is no denial


def hit_of(pattern: InitiatorPattern, roles: dict[str, Token], reader: ActorReader, sent: Span) -> ActorHit | None:
    """The claim one pattern match makes, or None when a check fails or nobody is named."""
    if not all(_passes(check, pattern, roles, reader) for check in pattern.checks):
        return None
    if _unreal(roles[pattern.trigger]) or _civil(pattern, roles) or _other_acts(pattern, roles):
        return None
    told = None
    if pattern.event_search and pattern.event:
        told = roles[pattern.event]
        act = _act_before(told, own_sentence=pattern.event_search == "act_before")
        if act is None:
            return None
        roles = {**roles, pattern.event: act}
    if pattern.actor and (_farther_subject(roles[pattern.actor]) or _told_as(roles[pattern.actor])):
        return None
    named = _actor(pattern, roles, reader, sent)
    trigger = roles[pattern.trigger]
    if named is None or named.tok.i == trigger.i or _background(pattern, trigger, named):
        return None
    if (
        "by" in roles
        and roles["by"].lower_ == "from"
        and _a_place_of_no_party(roles[pattern.actor or ""], named, reader)
    ):
        return None
    target: tuple[str | None, Token | None] = (None, None)
    if pattern.target is not None:
        rule = pattern.target
        target = find_target(reader, roles, rule.direct, rule.subject, rule.prep)
    said_not = _is_negated(pattern, roles)
    if said_not and not pattern.denial and told_as_policy(trigger):
        return None  # "the army does not target civilians": a policy, not the incident's act
    if pattern.strength in ("attack", "start") and not pattern.denial and answers_an_attack(trigger, named.tok):
        if said_not:
            return None  # "did not fire after they were attacked": no claim of who began it
        said_not = True  # "fired only after they were stoned": the doer says it did not begin it
    return ActorHit(trigger, named.tok, named.actor, target[0], target[1], said_not,
                    pattern.strength, _event(pattern, roles), named.text, told)  # fmt: skip


def _a_place_of_no_party(doer: Token, named: Named, reader: ActorReader) -> bool:
    """ "rockets from the Qana area", "attacks from Marova": a stretch of land, or a place the actor
    table knows as no party, says where the fire came from, not who fired ("fire from Hamas",
    "shelling from Finnish territory" name a side; rules initiator.place_heads)."""
    heads = word_sets()["place_heads"]
    if (doer.lemma_.lower() in heads or doer.lower_ in heads) and named.tok.pos_ == "PROPN":
        return True  # the place's own name; "from rebel-held areas" names the holder
    return named.tok.ent_type_ in PLACES and reader.aliases.resolve(named.actor) is None


def _civil(pattern: InitiatorPattern, roles: dict[str, Token]) -> bool:
    """ "launched a rescue operation", "coordinated the relief operation": an operation that a word
    before it says is no violence (rules initiator.civil_modifiers)."""
    words = word_sets()["civil_modifiers"]
    acts = [roles[r] for r in (pattern.trigger, pattern.event) if r]
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in words for a in acts for c in a.children)


def _other_acts(pattern: InitiatorPattern, roles: dict[str, Token]) -> bool:
    """ "compared to other operations mounted by the army", "previous attacks by the group": acts
    besides the one the account tells (rules initiator.other_act_modifiers)."""
    words = word_sets()["other_act_modifiers"]
    acts = [roles[r] for r in (pattern.trigger, pattern.event) if r and roles[r].pos_ in ("NOUN", "PROPN")]
    return any(c.dep_ in ("amod", "det") and c.lower_ in words for a in acts for c in a.children)


def _event(pattern: InitiatorPattern, roles: dict[str, Token]) -> Token:
    """What the claim is about: the pattern's event, else what an attack verb hit, else the trigger."""
    if pattern.event:
        return roles[pattern.event]
    trigger = roles[pattern.trigger]
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] if pattern.strength == "attack" else []
    return objs[0] if objs else trigger


def find_actor_hits(ctx: DocContext, sent: Span) -> list[ActorHit]:
    """Every initiator claim of one sentence, one per actor and polarity."""
    reader = ActorReader(ctx)
    hits = [hit_of(pattern, roles, reader, sent) for pattern, roles in match(sent)]
    hits = [h for h in hits if h is not None and not _filed_by(ctx, h.actor_tok)]  # "(Probe Agency) -" files it
    unknown = find_unknown_culprits(sent)
    asked = {u.act.i for u in unknown}  # "could not say which army shelled it": the shelling names no one
    hits = [h for h in hits if h.trigger.i not in asked] + [_unknown_hit(u) for u in unknown]
    hits += [_accident_hit(a) for a in find_accidents(sent)]
    return _dedupe([h for h in hits if h.actor != h.target])


def _unknown_hit(found: UnknownCulprit) -> ActorHit:
    """ "It was not known who fired": a claim that names no culprit (claims.initiator_unknown)."""
    return ActorHit(found.knowing, found.first, UNKNOWN, None, None, False, "blame", found.act, UNKNOWN, found.last)


def _accident_hit(found: Accident) -> ActorHit:
    """ "Officials blamed a technical failure": a claim that no one did it (claims.initiator_accident)."""
    craft = found.craft
    return ActorHit(found.cause, found.first, ACCIDENT, craft.lower_ if craft is not None else None, craft, False,
                    "blame", found.cause, ACCIDENT)  # fmt: skip


def _filed_by(ctx: DocContext, tok: Token) -> bool:
    """A dateline's agency filed the piece, and its city is where: neither did the act."""
    return ctx.in_whole_dateline(tok.idx, tok.idx + len(tok.text))


def _dedupe(hits: list[ActorHit]) -> list[ActorHit]:
    """One claim per actor and polarity in a sentence: the strongest trigger wins."""
    rank = {"start": 0, "blame": 1, "attack": 2}
    best: dict[tuple[str, bool], ActorHit] = {}
    for hit in hits:
        key = (hit.actor, hit.negated)
        if key not in best or rank[hit.strength] < rank[best[key].strength]:
            best[key] = hit
    return sorted(best.values(), key=lambda h: h.trigger.i)
