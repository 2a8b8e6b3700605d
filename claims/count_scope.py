"""Whom a count is about, in the source's own words: "ethnic Azerbaijanis", "soldiers
[Georgia]", "people" (issue #2, #8). analysis/compare.py reads these strings."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.actors import AliasTable
from claims.count_words import figure_words, is_person_noun, role_words, trigger_verbs
from claims.numbers import parse_amount
from claims.rules import rules
from claims.sub_event import act_nouns
from claims.tree import left_mods, of_whom_at


def own_side(tok: Token, aliases: AliasTable) -> str | None:
    """ "250 on the Azerbaijani side", "died on the Armenian side": the party whose side a word of
    the count names itself (FAILURE_MODES 9: each of two coordinated counts keeps its own side)."""
    holders = [tok, tok.head] if tok.dep_ == "pobj" else [tok]  # "from 23 on the Israeli side"
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"):
        for side in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "side"):
            for mod in (m for m in side.children if m.dep_ in ("amod", "compound", "poss")):
                if aliases.resolve(mod.text):
                    return aliases.resolve(mod.text)
    return None


def _implied_nation(target: Token, words: list[Token], aliases: AliasTable, own: list[Token]) -> str | None:
    """Whose people a scope means when its own words do not say: "China said four of its
    soldiers", "On the Indian side, 20 soldiers died" (written as "soldiers [China]"); `own`: the
    number, its noun and its trigger, whose own "on the X side" comes first."""
    if any(aliases.resolve(t.text) for t in words if t.pos_ in ("ADJ", "PROPN", "NOUN")):
        return None
    for tok in own:
        if side := own_side(tok, aliases):
            return side
    sent = target.sent
    if target.dep_ == "dobj" and target.head.lemma_.lower() in trigger_verbs("object_verbs"):
        # "Israel lost 23 soldiers": the loser is whose soldiers they were (issue #8)
        subj = next((c for c in target.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and aliases.resolve(subj.text):
            return aliases.resolve(subj.text)
        if subj is not None and subj.lower_ in _OWN_PRONOUNS:
            return _named_before(target, aliases)  # "China said it had lost eight soldiers"
    if any(c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS for c in target.children) or (
        target.head.dep_ == "pobj" and any(c.lower_ in _OWN_PRONOUNS for c in target.head.head.children)
    ):
        if named := _named_before(target, aliases):
            return named
    sides = {
        aliases.resolve(m.text)
        for t in sent
        if t.lemma_.lower() == "side"
        for m in t.children
        if m.dep_ in ("amod", "compound", "poss") and aliases.resolve(m.text)
    }
    if len(sides) == 1:
        return sides.pop()
    return None


_OWN_PRONOUNS = ("it", "its", "they", "their", "we", "our")


def _named_before(target: Token, aliases: AliasTable) -> str | None:
    """The last party named before the count in its sentence, by a name or its adjective ("China
    said", "Soviet border guards said"): whose people "its soldiers" or "it lost" means."""
    before = [t for t in target.sent if t.i < target.i and t.pos_ in ("PROPN", "ADJ") and aliases.resolve(t.text)]
    return aliases.resolve(before[-1].text) if before else None


def copula_attr(tok: Token) -> Token | None:
    """ "about 30 were [civilians]": the noun a copula says the number is (issue #8)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ != "be":
        return None
    return next((c for c in tok.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)


@lru_cache(maxsize=1)
def _time_nouns() -> frozenset[str]:
    return frozenset(rules()["scope"]["time_nouns"])


def _harmed_of(noun: Token) -> bool:
    """ "victims": their "of" names who or what harmed them, not who they were (scope.harmed_of_nouns)."""
    return noun.lemma_.lower() in rules()["scope"]["harmed_of_nouns"]


def _target(noun: Token, num_span: Span, trigger: Token) -> Token | None:
    """The noun that names the people, or None when only "people" can be said."""
    if noun.i in range(num_span.start, num_span.end):
        noun = copula_attr(noun) or noun
    figure, _ = figure_words()
    general = set(rules()["scope"]["general"])
    target = noun
    if noun.i in range(num_span.start, num_span.end) or noun.lemma_.lower() in figure | general:
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [g for c in of for g in c.children if g.dep_ == "pobj"]
        # "the 40 deaths of the previous week": a time after "of" is when, not whom
        if of_whom_at(num_span.doc, num_span.end):
            # "shot 26 civilians, 13 of whom died": the people of the noun the clause is on
            clause = next((t for t in noun.ancestors if t.dep_ == "relcl"), None)
            return clause.head if clause is not None and clause.head.pos_ in ("NOUN", "PROPN") else None
        if objs and objs[0].lower_ in _POINTING:
            # "fired on striking miners, killing 34 of them": the people the pronoun points back to in
            # the sentence, else only "people" (not a part of some other count, issue #8)
            return _antecedent(num_span)
        if objs and (objs[0].like_num or num_span.start <= objs[0].i < num_span.end):
            return None  # "settled on a figure of 187": the number itself, no people named
        if not objs and noun.i in range(num_span.start, num_span.end) and (named := _same_number(num_span)):
            return named  # "four gunmen stormed the mall ... all four died": the gunmen
        # "victims of extra-judicial killings", "victims of the militia": what or who harmed them, not
        # who they were
        if objs and not _harmed_of(noun) and objs[0].lemma_.lower() not in figure | _time_nouns() | act_nouns():
            if not _of_a_place(noun, objs[0], num_span):
                target = objs[0]
        elif noun.i in range(num_span.start, num_span.end) or noun.lemma_.lower() in figure:
            return None
    if target.i == trigger.i and target.lemma_.lower() not in ("refugee",):
        return None
    if target.pos_ in ("VERB", "AUX"):
        return None  # "the toll of at least 92 makes the attacks the worst": a misparse, no people named
    return target


_POINTING = ("them", "these", "those")


def _of_a_place(noun: Token, obj: Token, num_span: Span) -> bool:
    """ "12 residents of the camp": a people noun's "of" names where they lived, not who they were
    (a common noun that counts no one); "thousands of villagers", "people of Gaza" name them."""
    own_noun = noun.i not in range(num_span.start, num_span.end)
    return own_noun and obj.pos_ == "NOUN" and obj.ent_type_ == "" and not is_person_noun(obj)


def _antecedent(num_span: Span) -> Token | None:
    """The last plural noun of people before the number in its sentence ("striking miners"), else in
    the sentence before ("took 40 hostages. Twelve of them were killed"), if any; not a subject that
    acts ("gunmen stopped two buses and killed 12 of them")."""
    for sent in (num_span.sent, _sentence_before(num_span)):
        before = [
            t
            for t in sent or ()
            if t.i < num_span.start and t.tag_ in ("NNS", "NNPS") and t.dep_ != "nsubj" and is_person_noun(t)
        ]
        if before:
            return before[-1]
    return None


def _sentence_before(num_span: Span) -> Span | None:
    start = num_span.sent.start
    return num_span.doc[start - 1].sent if start > 0 else None


def _same_number(num_span: Span) -> Token | None:
    """ "Four gunmen stormed the mall ... all four died", "three soldiers were captured; the three were
    executed": a bare number that repeats the number of people just named, in its sentence or the one
    before, counts those people (the nearest such)."""
    value = parse_amount(num_span.root.text)
    if value is None:
        return None
    sents = [s for s in (_sentence_before(num_span), num_span.sent) if s is not None]
    named = [
        t.head
        for s in sents
        for t in s
        if t.i < num_span.start and t.dep_ == "nummod" and parse_amount(t.text) == value and is_person_noun(t.head)
    ]
    return named[-1] if named else None


def trigger_scope(trigger: Token, aliases: AliasTable) -> str | None:
    """ "40 civilian casualties", "no Palestinian deaths": the people named on the trigger noun
    itself (issue #8, FAILURE_MODES 9), as "civilians" or "Palestinian people"."""
    if trigger.pos_ != "NOUN":
        return None
    sufferer = _sufferer(trigger)
    if sufferer is not None:
        if sufferer.lemma_.lower() in role_words() or is_person_noun(sufferer):
            return sufferer.text
        party = aliases.resolve(sufferer.text)
        if party:
            return f"people [{party}]"
    among = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children
             if g.dep_ == "pobj" and is_person_noun(g)]  # fmt: skip
    if among:
        # "no deaths among the troops", "12 casualties among the Palestinian police"
        return " ".join([*(t.text for t in among[0].lefts if t.dep_ in ("amod", "compound")), among[0].text])
    words: list[str] = []
    for mod in (t for t in trigger.lefts if t.dep_ in ("amod", "compound")):
        if mod.lemma_.lower() in role_words():
            words.append(mod.text if mod.text.endswith("s") else mod.text + "s")
        elif mod.ent_type_ == "NORP" or (mod.pos_ in ("ADJ", "PROPN") and aliases.resolve(mod.text)):
            words.append(f"{mod.text} people")
    return " and ".join(words) if len(words) == 1 else None


def _sufferer(trigger: Token) -> Token | None:
    """ "the forces of order suffered no deaths", "the police sustained 12 casualties": the subject of
    the verb whose object the death noun is names whose dead they are (rules scope.suffer_verbs)."""
    if trigger.dep_ != "dobj" or trigger.head.lemma_.lower() not in rules()["scope"]["suffer_verbs"]:
        return None
    return next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)


def _counted_in_figure(trigger: Token) -> Token | None:
    """ "put the number of Canadians killed at 63", "the toll among the hostages was 130": the people a
    figure noun's "of" or "among" names, the death word hanging on them or on the figure noun, or
    being it."""
    figures, _ = figure_words()
    if trigger.lemma_.lower() in figures:
        head = trigger
    elif trigger.dep_ in ("acl", "relcl"):
        head = trigger.head
    else:
        return None
    if head.lemma_.lower() in figures:
        people = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "among") for g in c.children
                  if g.dep_ == "pobj" and (trigger.i == head.i or g.i < trigger.i)]  # fmt: skip
        return people[0] if people and is_person_noun(people[0]) else None
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in figures and is_person_noun(head):
        return head
    return None


def scope_text(noun: Token, num_span: Span, trigger: Token, aliases: AliasTable) -> str:
    """Whom the number is about, in the words of the source ("ethnic Azerbaijanis")."""
    target = _target(noun, num_span, trigger) or _counted_in_figure(trigger)
    if target is None:
        base = (noun.i == trigger.i and trigger_scope(trigger, aliases)) or "people"
        side = own_side(num_span.root, aliases)  # "against 23 on the Israeli side"
        return f"{base} [{side}]" if side and base == "people" else base
    total_words = set(rules()["scope"]["total_markers"])
    mods = [t for t in left_mods(target) if not (num_span.start <= t.i < num_span.end) and not t.like_num]
    mods = [t for t in mods if t.dep_ != "poss" or t.ent_type_ in ("NORP", "GPE")]
    mods = [t for t in mods if t.lemma_ != "be"]  # "4,000 to 5,000 being civilians" (issue #8)
    mods = [t for t in mods if t.ent_type_ not in ("DATE", "TIME")]  # "since 16 June more than 1,000 people"
    mods = [t for t in mods if t.i != trigger.i]  # "shot [dead] 21 steelworkers" parsed as a modifier: the death
    # "Following the massacre 58 Palestinians were ...": a common noun before the number is the head
    # of a phrase the parser ran into the count's, not a word about its people
    mods = [
        t for t in mods if not (t.i < num_span.start and t.pos_ == "NOUN" and t.dep_ in ("nmod", "compound", "amod"))
    ]
    words = [t for t in mods if t.i < target.i] + [target]
    harmed = _harmed_of(target)
    for prep in target.children:
        # "12 soldiers of the Georgian army": the nation may follow the noun; not after "victims of",
        # which names who harmed them ("victims of killings by Russian troops")
        if (
            not (harmed and prep.lower_ == "of")
            and prep.dep_ == "prep"
            and prep.lower_ in ("of", "from", "on")
            and any(
                t.ent_type_ in ("NORP", "GPE") or t.lower_ in total_words or t.lemma_.lower() in role_words()
                for t in prep.subtree
            )
        ):
            words.extend(prep.subtree)
    # the clause may hang on the number ("Thousands of villagers — who stayed — were driven out")
    holders = [target] + [noun] * (noun.i != target.i)
    for clause in (c for h in holders for c in h.children if c.dep_ == "relcl" and c.i > target.i and c.i != trigger.i):
        # "thousands of Palestinians who stayed": a restrictive clause makes the count a part (issue #8)
        # only a subject pronoun restricts: "12 of whom were children" divides, it does not restrict;
        # a clause with no pronoun is a misparse across a title's line end
        pronoun = [
            t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("who", "that", "which")
        ]
        if pronoun:
            words.extend([pronoun[0], clause])
    # the chosen words only: "all 298 people" is the scope "all people", the number is the value
    text = " ".join(t.text for t in sorted({t.i: t for t in words}.values(), key=lambda t: t.i)).replace(" ’s", "’s")
    nation = _implied_nation(target, words, aliases, [num_span.root, target, trigger])
    if nation:
        text = f"{text} [{nation}]"
    for junk in ("’", "'"):
        text = text.rstrip(junk + "s").rstrip(junk) if text.endswith(junk + "s") or text.endswith(junk) else text
    return text.strip() or "people"
