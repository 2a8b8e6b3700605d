"""Who a noun phrase names, for initiator claims (issue #8).

"Azerbaijan's armed forces" and "the Azerbaijani army" name the state Azerbaijan; "the X forces'
assault" names X through the possessive's own modifier; "the latter", "it" and "who" name what
they refer to ("A accused B of crimes when it entered C": it is B). A phrase headed by a force,
armed group, unit or craft noun that names no party ("federal forces", "the hostage takers",
"a gunship") is kept as a descriptive actor: the phrase without determiners, quantities or clauses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claims.context import DocContext
from claims.countries import capitals, demonyms
from claims.models import MUTUAL
from claims.noun_classes import firing_sites, people_nouns, people_of_a_nation, singular
from claims.rules import rules
from claims.stances import of_a_stance
from claims.sub_event import act_nouns
from claims.tree import before_dash, calendar_tokens, entities, np_text

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "PRODUCT"})
NAMED_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT"})
PRONOUNS = frozenset({"it", "they", "who", "whom", "which", "that"})
RELATIVE = frozenset({"who", "whom", "which", "that"})
ORDINAL_REFS = frozenset({"latter", "former"})
PERSONAL = frozenset({"he", "she", "i"})  # one person, named by whoever says or denies what he did
FIRST_PLURAL = frozenset({"we"})  # those who speak: the side a speaker speaks for
MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})
PHRASE_STOP = frozenset({"relcl", "acl", "appos", "cc", "conj", "prep", "punct"})
NOT_DESCRIPTIVE = frozenset({"det", "predet", "nummod", "quantmod", "advmod", "punct"})
MAX_DEPTH = 4
MUTUAL_NOUNS = frozenset({"side", "party", "community"})  # "both communities fired on each other"
# the unseen shooter of fire from a building ("came under fire from a house"): an armed group no one
# names, as analysis.parties reads "gunmen" (rules generic_actors)
FIRING_SITE_ACTOR = "gunmen"
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
LEADERS_KEY = "rashomon.leaders"  # doc.user_data: surname -> the state a person is named with
SHORT_KEY = "rashomon.short_names"  # doc.user_data: "north" -> the one state "North ..." the text names


class Named(NamedTuple):
    tok: Token  # the word the actor hangs on (the quote covers it)
    actor: str  # the party, or the descriptive phrase
    text: str  # the words as written


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    ini = rules()["initiator"]
    nouns = ini["actor_nouns"]
    weapon = (frozenset(ini["fired_things"]) | frozenset(ini["weapon_nouns"])) - frozenset(ini["firing_acts"])
    return {
        "force": frozenset(ini["force_nouns"]),
        "event": frozenset(ini["attack_nouns"]) | frozenset(ini["war_nouns"]),
        "actor": frozenset(w.lower() for side in ("state", "irregular", "unsided") for w in nouns[side]),
        "blame": frozenset(ini["blame_verbs"]),
        # what is fired or used, whose owner its modifiers may name ("Israeli shells"); not "fire"
        "weapon": weapon,
        # what "its" or "their" gives to the side the clause above names: its forces, arms and men
        "owned": frozenset(ini["force_nouns"]) | weapon | frozenset(ini["owned_people_nouns"]),
        # "police fire", "army gunfire": the firing itself, whose doer its modifiers may name
        "firing": frozenset(ini["firing_acts"]),
        "fired_from_afar": frozenset(ini["firing_acts"]) | frozenset(ini["bombardment_acts"]),
        "unsided": frozenset(w.lower() for w in nouns["unsided"]),
        # an armed group's words; not "fighters", which are also aircraft ("Israeli fighters")
        "irregular": frozenset(w.lower() for w in (*nouns["irregular"], *rules()["generic_actors"]))
        - {"fighter", "fighters"},
        "state": frozenset(w.lower() for w in nouns["state"]),
        "generic": frozenset(rules()["generic_actors"]),
        # what the "from" of a building fire came from may follow ("fire from a house")
        "fired": frozenset((*ini["attack_nouns"], *ini["fired_things"], *ini["firing_acts"], *ini["shot_nouns"])),
    }


def is_act(tok: Token) -> bool:
    """Does the word name an act (an attack, the killings, a war), not a person, place or thing?"""
    ini = rules()["initiator"]
    acts = _lexicon()["event"] | frozenset(ini["violence_nouns"])
    return tok.pos_ in ("VERB", "AUX") or _lemma(tok) in acts or tok.lower_ in acts or tok.lower_.endswith("ing")


def _lemma(tok: Token) -> str:
    if _capitalised_noun(tok):
        return singular(tok.lower_)
    return tok.lemma_.lower()


def _capitalised_noun(tok: Token) -> bool:
    """ "Guardsmen fired on the students": a common noun opening its sentence that the tagger took for
    a name (no entity), whose lemma it therefore left as written; "found that the defence minister
    bore ...": a word in lower case the tagger took for a name is no name either."""
    if tok.pos_ != "PROPN" or tok.ent_type_:
        return False
    if tok.text.islower() or (tok.is_sent_start and tok.text[1:].islower()):
        return True
    # "the Captain ordered his men to fire", "the order came from the Tsar": one man's title written
    # as a name, after "the", with no name of his own beside it
    return (
        tok.tag_ == "NNP"
        and tok.text[1:].islower()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "appos", "flat") and c.pos_ == "PROPN" for c in tok.children)
        and tok.lower_ in people_nouns()
    )


def entity(tok: Token, labels: frozenset[str] = ACTOR_LABELS) -> Span | None:
    if not tok.ent_type:
        return None
    for ent in entities(tok.doc):
        if ent.start <= tok.i < ent.end and ent.label_ in labels:
            return _own_part(ent, tok)
    return None


def _own_part(ent: Span, tok: Token) -> Span:
    """ "Statement by the Ministry of National Defense on North Korea's attack": the tagger ran two
    names into one over a preposition; the name `tok` is in begins after it. "Of" joins one name
    ("the Ministry of Defence", "the Republic of Korea"). A bracket or a possessive "'s" the tagger
    took in ends it; a hedge it took in ("Suspected", "Alleged") is no part of it."""
    start, end = ent.start, ent.end
    for w in reversed(ent[: tok.i - ent.start]):
        if w.pos_ == "ADP" and w.lower_ != "of" and w.is_ancestor(tok):
            start = w.i + 1
            break
    hedges = rules()["initiator"]["hedge_modifiers"]
    while start < tok.i and tok.doc[start].lower_ in hedges:
        start += 1  # "Suspected Ostra Front militants": the tagger took the hedge into the name
    while end - 1 > tok.i and (tok.doc[end - 1].is_punct or tok.doc[end - 1].tag_ == "POS"):
        end -= (
            1  # "the Democratic Front for the Liberation of Palestine (": the bracket opens its acronym; "al-Qaeda's"
        )
    return ent if (start, end) == (ent.start, ent.end) else Span(tok.doc, start, end, label=ent.label_)


def is_people_noun(tok: Token) -> bool:
    """ "the inmates", "the villagers", "the strikers": a common noun whose usual sense is a person or
    a group of people (WordNet's, claims/data/people_nouns.json), which can name whoever did an act."""
    return (tok.pos_ == "NOUN" or _capitalised_noun(tok)) and _lemma(tok) in people_nouns()


@lru_cache(maxsize=1)
def _not_doers() -> frozenset[str]:
    """Words for people that name no doer by themselves: those harmed, a band of others, a group word
    whose name is beside it, a place's people ("the village")."""
    ini = rules()["initiator"]
    return frozenset((*ini["harmed_nouns"], *ini["member_nouns"], *ini["group_heads"], *ini["settlement_nouns"]))


def _passive_agent(tok: Token) -> bool:
    """ "They were killed by the inhabitants of a village": the agent of a passive is its doer, even
    in a word more often said of those harmed."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def _proper_name(tok: Token) -> bool:
    """ "the Wagner private military company", "Hamas": a phrase with a proper name in it."""
    return any(_capitalised(w) for w in (*tok.lefts, tok))


def _capitalised(w: Token) -> bool:
    """A proper name's word, whatever the tagger calls it ("Wagner" is tagged an adjective)."""
    return w.pos_ == "PROPN" or (w.text[:1].isupper() and w.pos_ not in ("DET", "PRON") and not w.is_sent_start)


def _whose(tok: Token) -> bool:
    """ "the government's opponents", "enemies of the state": whose they are is said."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)


def is_actor_noun(tok: Token, aliases) -> bool:  # noqa: ANN001 (claims.actors.AliasTable)
    """Headed by a force, armed group, unit or craft noun: "troops", "hostage takers", "gunships"."""
    words = _lexicon()["actor"]
    if _lemma(tok) in words or tok.lower_ in words or aliases.is_generic(tok.text) or aliases.is_generic(tok.lemma_):
        return True
    if armed_people(tok):
        return True
    left = tok.doc[tok.i - 1] if tok.i > 0 else None
    return left is not None and f"{left.lower_} {tok.lower_}" in words


def armed_people(tok: Token) -> bool:
    """ "three men armed with assault rifles": people told as armed are armed men."""
    return _lemma(tok) in rules()["initiator"]["armed_people"] and any(
        c.dep_ == "acl" and _lemma(c) == "arm" for c in tok.children
    )


def _bracketed(tok: Token) -> bool:
    """ "(KOF)": an acronym in brackets after the name it shortens."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in ("(", "[")


def _spaced(dash: Token) -> bool:
    """A dash between words ("Georgia - Levan Kapanadze said"), not a hyphen inside one ("pro-government")."""
    return bool(dash.whitespace_ or dash.doc[dash.i - 1].whitespace_)


def _written(tok: Token) -> str:
    ent = entity(tok)
    if ent is not None and len(ent) > 1:
        return ent.text
    if tok.pos_ in ("NOUN", "PROPN"):
        return np_text(tok, PHRASE_STOP, drop_det=True) or tok.text
    return tok.text


def _whole_name(ent: Span) -> str:
    """ "Islamic State", tagged as a nationality and then a group: capitalised words just before a
    name that modify it are part of the name, and so are those just after it that it modifies and
    that modify the noun in turn ("the Islamic State group", where the tagger stopped at "Islamic")."""
    start = ent.start
    while start > ent.sent.start:
        left = ent.doc[start - 1]
        if not (left.text[:1].isupper() and left.is_alpha and left.dep_ in ("amod", "compound")):
            break
        if not ent.start <= left.head.i < ent.end:
            break
        start -= 1
    end = ent.end
    while end < ent.sent.end:
        right = ent.doc[end]
        if not (right.text[:1].isupper() and right.is_alpha and right.dep_ == "compound"):
            break
        if ent.doc[end - 1].head.i != right.i:
            break
        end += 1
    return ent.doc[start:end].text


def _modifier_tokens(tok: Token) -> list[Token]:
    """The modifiers of a noun and theirs in turn ("the X forces' assault": forces, then X); not a
    site's ("the US embassy bombing": the embassy's owner is who was hit, not who bombed)."""
    found: list[Token] = []
    todo = [c for c in tok.children if c.dep_ in MODIFIERS]
    while todo:
        node = todo.pop(0)
        if _site(node):
            continue
        found.append(node)
        # "on Friday and German aircraft": a parse may hang a modifier on another as its conjunct
        todo += [c for c in node.children if c.dep_ in MODIFIERS or c.dep_ == "conj"]
    return found


class ActorReader:
    """Turns a noun phrase into who it names: "Azerbaijan's armed forces" -> Azerbaijan."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.aliases = ctx.aliases

    def canonical(self, text: str) -> str:
        return self.aliases.canonical(text)

    def _named(self, tok: Token, actor: str) -> Named:
        return Named(tok, actor, _written(tok))

    def name(self, tok: Token, depth: int = 0) -> Named | None:
        """The party (or descriptive actor) a noun phrase headed by `tok` names, or None."""
        if depth > MAX_DEPTH:
            return None
        if tok.lower_ in PRONOUNS or (tok.lower_ in ORDINAL_REFS and tok.pos_ in ("NOUN", "ADJ", "PRON")):
            return self._antecedent(tok, depth)
        if tok.lower_ in PERSONAL | FIRST_PLURAL:
            return self._teller(tok, depth)
        before = before_dash(tok)
        if before is not None:
            named = self.name(before, depth + 1)
            if named or _spaced(tok.doc[before.i + 1]):
                return named  # else a hyphen inside a word, "a pro-government militia": the phrase itself
        steps = (
            self._acronym,
            self._short_name,
            self._mutual,
            self._origin,
            self._firing_site,
            self._quantity,
            self._name_around_place,
            self._apposition,
            self._proper,
            self._entity,
            self._word,
            self._whose,
            self._own_forces,
            self._group_name,
            self._head,
            self._weapon,
            self._full_name,
            self._titled_man,
            self._surname,
            self._people,
            self._band_of,
        )
        for step in steps:
            found = step(tok, depth)
            if found is not None:
                return found or None
        return None

    def phrase(self, tok: Token) -> Named | None:
        """ "The killers were shabiha": where the sentence itself says this is who did it, a noun phrase
        no list or lexicon knows is the doer, as written; not a pronoun, a word for those harmed or a
        place's people."""
        named = self.name(tok)
        if named is not None or tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in PRONOUNS:
            return named
        return None if _lemma(tok) in _not_doers() else self._descriptive(tok)

    # -- the steps of name(): each returns a Named, False to stop, None to go on --

    def _mutual(self, tok: Token, depth: int) -> Named | None:
        """ "Both sides fired on each other", "the two sides exchanged fire": blame shared, no one party."""
        if _lemma(tok) not in MUTUAL_NOUNS:
            return None
        if any(c.lower_ in ("both", "two") for c in tok.children if c.dep_ in ("det", "predet", "nummod", "amod")):
            return Named(tok, MUTUAL, _written(tok))
        return None

    def _origin(self, tok: Token, depth: int) -> Named | bool | None:
        """ "from Finnish territory", "from the Ruritanian side": where shots came from names its party;
        a territory of no one named is no actor ("both sides" is told by _mutual, the step before)."""
        if _lemma(tok) not in rules()["initiator"]["origin_nouns"]:
            return None
        # "from the militia side", "from the police lines": the militia's; "from the ranks of the rebels"
        owner = [c for c in tok.children if c.dep_ == "compound"] + [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        return self.nation(tok) or self._holder(tok, depth) or self._first_named(owner, depth) or False

    def _firing_site(self, tok: Token, depth: int) -> Named | None:
        """ "came under fire from a house", "sniper fire from the stairwell", "no shot came from the
        dormitory": fire from a building names an unseen gunman there, unless the building's owner or
        holder is named ("from the police station", "from a building held by X"). Only in a "from"
        phrase ("from one of the houses" too): a building struck or searched is no doer."""
        if _lemma(tok) not in firing_sites() or tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ == "of" and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "from one of the houses", "from the roof of the school"
        if prep.lower_ != "from" or not _fire_before(prep):
            return None
        owner = (c for c in tok.children if c.dep_ in ("compound", "poss"))
        named = self.nation(tok) or self._holder(tok, depth) or self._first_named(owner, depth)
        return named or Named(tok, FIRING_SITE_ACTOR, _written(tok))

    def _holder(self, tok: Token, depth: int) -> Named | None:
        """ "from territory held by the rebel army", "from the side controlled by X": whoever held it
        (rules initiator.territory_verbs)."""
        holding = rules()["initiator"]["territory_verbs"]
        verbs = (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in holding)
        agents = (a for v in verbs for a in v.children if a.dep_ == "agent")
        named = self._first_named((o for a in agents for o in a.children if o.dep_ == "pobj"), depth)
        if named is not None:
            return named
        # "rebel-held territory", "government-controlled areas": the holder written before the hyphen
        held = (c for c in tok.children if c.dep_ == "amod" and c.lemma_.lower() in holding)
        return self._first_named((h for c in held for h in c.children if h.dep_ in ("npadvmod", "compound")), depth)

    def _quantity(self, tok: Token, depth: int) -> Named | None:
        """ "Hundreds of gunmen attacked", "dozens of soldiers": the people counted, not the number;
        "members of a militia", "units of the army": the group they belong to; "some of the protesters",
        "none of the soldiers": the group some of whom are meant (negation: claims.initiator_negation)."""
        words = rules()["initiator"]
        members, partitive = words["member_nouns"], words["partitive_words"]
        owners = [
            o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        if not (
            tok.pos_ == "NUM"
            or tok.lower_ in rules()["vague_amounts"]
            or _lemma(tok) in members
            or tok.lower_ in partitive
            or (_lemma(tok) in words["affiliation_nouns"] and any(_proper_name(o) for o in owners))
        ):
            return None
        named = self._first_named(owners, depth)
        if named is None and _lemma(tok) not in words["affiliation_nouns"]:
            # "members of the crowd", "a group of miners", "hundreds of strikers": the people they are
            # of, as the doer itself
            named = next((p for p in (self._people(o, 0) for o in owners) if p), None)
        if named is None and _lemma(tok) in words["affiliation_nouns"]:
            # "the Wagner private military company": the proper name among the owner's words
            named = self._first_named((w for o in owners for w in o.lefts if _capitalised(w)), depth)
        if named is not None and tok.lower_ in partitive:
            return named._replace(tok=tok)  # the quote keeps "none of": what the claim says of them
        return named

    def _band_of(self, tok: Token, depth: int) -> Named | None:
        """ "A militia cell": a band of a group named before it, when no step before names the phrase
        ("the separatist group ETA" is ETA, "an army unit" a force of its own); "cult members", a band
        of no group named, is the band as written."""
        if _lemma(tok) not in rules()["initiator"]["member_nouns"]:
            return None
        compounds = [c for c in tok.children if c.dep_ == "compound"]
        named = self._first_named(compounds, depth)
        if named is None and any(c.pos_ == "NOUN" and not _site(c) for c in compounds):
            return self._descriptive(tok)  # "cult members", "gang members": the band as written
        return named

    def _first_named(self, tokens: Iterable[Token], depth: int) -> Named | None:
        """The first of these phrases that names a party or actor, one level down."""
        for tok in tokens:
            named = self.name(tok, depth + 1)
            if named:
                return named
        return None

    def _full_name(self, tok: Token, depth: int) -> Named | None:
        """A person's or group's full name the entity tagger missed ("Marta Kowal and ... started the
        war" in a headline): two or more capitalised proper nouns, none of them a place."""
        words = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ == "PROPN"] + [tok]
        if (
            tok.pos_ != "PROPN"
            or len(words) < 2
            or not all(w.text[:1].isupper() and w.text[1:].islower() for w in words)
        ):
            return None
        if any(w.ent_type_ in ("GPE", "LOC", "FAC") for w in words):
            return None
        name = " ".join(w.text for w in words)
        return Named(tok, self.aliases.canonical(name), name)

    def _titled_man(self, tok: Token, depth: int) -> Named | None:
        """ "The Captain ordered his men to fire" in an account that names "Captain Thomas Preston": the
        man it names with that title, the nearest before, else the first after (a title written as a
        name with no man named by it stays the title, claims.initiator_actor._capitalised_noun)."""
        if tok.tag_ != "NNP" or tok.is_sent_start or not _capitalised_noun(tok):
            return None
        titled = []
        for ent in tok.doc.ents:
            if ent.label_ != "PERSON" or ent.start <= tok.i < ent.end:
                continue
            before = tok.doc[ent.start - 1] if ent.start > 0 else None
            if (before is not None and before.lower_ == tok.lower_) or ent[0].lower_ == tok.lower_:
                titled.append(ent)
        if not titled:
            return None
        ent = max((e for e in titled if e.start < tok.i), key=lambda e: e.start, default=titled[0])
        name = " ".join(w.text for w in ent if w.lower_ != tok.lower_)
        return Named(tok, self.aliases.canonical(name), name)

    def _surname(self, tok: Token, depth: int) -> Named | None:
        """ "Nicholas Slatten ... They said Slatten fired the first shots": a surname the entity tagger
        missed, of a person the account names in full elsewhere."""
        if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper() or not tok.text[1:].islower():
            return None
        named = any(
            ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == tok.text and not ent.start <= tok.i < ent.end
            for ent in tok.doc.ents
        )
        return Named(tok, self.aliases.canonical(tok.text), tok.text) if named else None

    def _name_around_place(self, tok: Token, depth: int) -> Named | None:
        """ "Tehrik-i-Taliban Pakistan": a group whose name ends in a place the tagger split off is the
        group, not the state; its proper nouns before the place, outside the place's own entity."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in PLACES | {"NORP"}:
            return None
        ent = entity(tok, PLACES | {"NORP"})
        first = ent.start if ent is not None else tok.i
        lefts = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < first]
        if not lefts or any(c.ent_type_ in PLACES | {"NORP"} | TIME_ENTITIES for c in lefts):
            return None
        name = tok.doc[min(c.left_edge.i for c in lefts) : tok.i + 1].text
        return Named(tok, self.aliases.resolve(name) or self.aliases.canonical(name), name)

    def _apposition(self, tok: Token, depth: int) -> Named | None:
        for child in tok.children:
            if child.dep_ == "appos" and entity(child) is not None:
                if child.text.isupper() and not self.aliases.resolve(child.text) and _bracketed(child):
                    continue  # "the Kestrian occupation forces (KOF)": the phrase names the party, not the acronym
                named = self.name(child, depth + 1)
                if named:
                    return named
        return None

    def _acronym(self, tok: Token, depth: int) -> Named | None:
        """ "the South African Defence Force (SADF) ... The SADF bombed the camp": an acronym the text
        defines names what its full name names (claims.acronyms)."""
        where = self.ctx.acronyms.get(tok.text.replace(".", ""))
        if where is None or where[0] <= tok.idx < where[1]:
            return None
        named = self._acronyms_name(where, depth + 1)
        return Named(tok, named.actor, tok.text) if named else None

    def _short_name(self, tok: Token, depth: int) -> Named | None:
        """ "North Korea accused the South of ...", "the North's artillery": a compass word alone, with
        "the", names the one state of that name the text names (rules initiator.short_names)."""
        state = self._short_names().get(tok.lower_) if tok.text[:1].isupper() else None
        if state is None or not any(c.lower_ == "the" for c in tok.children):
            return None
        return Named(tok, state, f"the {tok.text}")

    def _short_names(self) -> dict[str, str]:
        doc = self.ctx.doc
        if SHORT_KEY not in doc.user_data:
            words = {w.lower() for w in rules()["initiator"]["short_names"]}
            found: dict[str, set[str]] = {}
            for ent in entities(doc):
                first = ent[0].lower_
                party = self.aliases.resolve(ent.text) if first in words else None
                if party is not None and party.lower().startswith(first + " "):
                    found.setdefault(first, set()).add(party)
            doc.user_data[SHORT_KEY] = {
                word: next(iter(parties)) for word, parties in found.items() if len(parties) == 1
            }
        return doc.user_data[SHORT_KEY]

    def _acronyms_name(self, where: tuple[int, int], depth: int = 0) -> Named | None:
        """Who the full name an acronym stands for names (its characters' place in the text)."""
        full = self.ctx.doc.char_span(*where, alignment_mode="expand")
        return self.name(full.root, depth) if full is not None and len(full) else None

    def acronym_ties(self) -> dict[str, str]:
        """acronym -> the party its full name names, where that is another name: for every account of
        the collection, through the claims' ties (analysis.ties)."""
        tied: dict[str, str] = {}
        for acronym, where in self.ctx.acronyms.items():
            named = self._acronyms_name(where)
            if named is not None and named.actor.casefold() != acronym.casefold():
                tied[acronym] = named.actor
        return tied

    def _proper(self, tok: Token, depth: int) -> Named | None:
        resolved = self.aliases.resolve(tok.text) if tok.pos_ == "PROPN" else None
        return self._named(tok, resolved) if resolved else None

    def _entity(self, tok: Token, depth: int) -> Named | bool | None:
        ent = entity(tok)
        lex = _lexicon()
        if ent is None or _lemma(tok) in lex["force"] | lex["event"] or is_actor_noun(tok, self.aliases):
            return None
        text = _whole_name(ent)
        if of_a_stance(text):
            return None  # "pro-Russian separatists": on a side's side, not the side; the head says who
        resolved = self.aliases.resolve(text) or (self.aliases.resolve(ent.text) if text == ent.text else None)
        if resolved:
            return self._named(tok, resolved)
        state = self.leader_of(ent) if ent.label_ == "PERSON" else None
        if state is not None:
            return Named(tok, state, text)  # "Russian President Vladimir Putin", later "Putin": his state
        if (ent.label_ in NAMED_LABELS and not named_as_place(tok.doc, text)) or self.aliases.kind(text):
            return Named(tok, self.aliases.canonical(text), text)
        return False  # a place the table does not know is not an actor

    def _word(self, tok: Token, depth: int) -> Named | None:
        if _lemma(tok) in _lexicon()["force"]:
            return None
        resolved = self.aliases.resolve(tok.text)
        return self._named(tok, resolved) if resolved else None

    def _whose(self, tok: Token, depth: int) -> Named | None:
        """ "Ivo Rask, whose fighters seized a hospital": the men of the one the clause is on."""
        if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
            return None
        clause = next((h for h in (tok.head, tok.head.head) if h.dep_ == "relcl"), None)
        return self.name(clause.head, depth + 1) if clause is not None else None

    def _own_forces(self, tok: Token, depth: int) -> Named | None:
        """ "India said Chinese troops attacked its soldiers": "its" is not the attackers' own; "Finland
        denied that its artillery had fired": the artillery is Finland's."""
        if _lemma(tok) not in _lexicon()["owned"]:
            return None
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                named = self._clause_subject(child, depth, skip_own_clause=tok.dep_ in ("dobj", "pobj"))
                if named:
                    return Named(tok, named.actor, _written(tok))
        return None

    def _group_name(self, tok: Token, depth: int) -> Named | None:
        """ "the terrorist organisation ETA", "the Islamic State organisation", "a group calling itself
        the Abu Hafs Brigades": a group word whose name is beside it is that name; "the group", the
        group named before; "the pro-Russian group", named by what it is, as written."""
        if _lemma(tok) not in rules()["initiator"]["group_heads"]:
            return None
        names = [c for c in tok.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
        for acl in (c for c in tok.children if c.dep_ == "acl" and _lemma(c) in ("call", "name")):
            names += [c for c in acl.children if c.dep_ in ("oprd", "xcomp", "dobj") and c.pos_ == "PROPN"]
        for child in names:
            named = self.name(child, depth + 1)
            if named:
                return named
        if names:
            return self._group_as_written(names[0])
        if _bare_definite(tok):
            return self._group_before(tok, depth)
        return self._described_group(tok)

    def _group_as_written(self, name: Token) -> Named | None:
        """ "members of the religious movement Aum Shinrikyo": a name the group word says is a group's,
        though the tagger took it for a building or tagged nothing, is that group, as written; never a
        place ("the Gaza group" is a group of that place, not the place)."""
        if name.ent_type_ in ("GPE", "LOC") or any(c.ent_type_ in ("GPE", "LOC") for c in name.lefts):
            return None
        words = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        text = name.doc[min((c.i for c in words), default=name.i) : name.i + 1].text
        return Named(name, self.aliases.resolve(text) or self.aliases.canonical(text), text)

    def _described_group(self, tok: Token) -> Named | None:
        """ "the pro-Russian group", "an Islamist movement": a group told by what it is, as written; not
        one told only as some group or other ("no other group", "a second group", "any group")."""
        words = rules()["initiator"]
        others = {*words["other_act_modifiers"], *rules()["sub_event"]["ordinal_parts"]}
        kids = list(tok.children)
        if any(c.dep_ == "det" and c.lower_ in SOME_GROUP_DETS for c in kids):
            return None
        described = [c for c in kids if c.dep_ == "amod" and c.pos_ == "ADJ"]
        if not described or any(c.lower_ in others for c in described):
            return None
        return self._descriptive(tok)

    def _group_before(self, tok: Token, depth: int) -> Named | None:
        """ "Members of the group released sarin", "the organisation carried out the attack": a bare
        "the group" is the group last named before it (an organisation's name the table does not hold
        as a state's or an international body's: "the group" after "the United Nations said" is not
        the UN), told as a doer or as what a noun is (not "the raid on Ostra", a place the tagger took
        for an organisation)."""
        for ent in reversed([e for e in entities(tok.doc) if e.end <= tok.i and e.label_ == "ORG"]):
            if not _introduced(ent.root):
                continue
            named = self.name(ent.root, depth + 1)
            if named and self.aliases.kind(named.actor) is None:
                return Named(tok, named.actor, named.text)
        return None

    def _head(self, tok: Token, depth: int) -> Named | None:
        """A force, event or actor noun: a party among its modifiers or after by/from/of, else
        the descriptive phrase."""
        lex = _lexicon()
        actor_noun = is_actor_noun(tok, self.aliases)
        if not (actor_noun or _lemma(tok) in lex["force"] | lex["event"]):
            return None
        named = self.nation(tok)
        if named is not None and (self._people_of_a_state(named, tok) or self._a_people_of(named, tok)):
            return self._descriptive(tok)
        if named is not None and not self._unplaced_leader(named, tok):
            return named
        # "the army of X" names its owner; "the killings of protesters" names whom they killed
        for obj in _objects(tok, owners=actor_noun or _lemma(tok) in lex["force"]):
            named = self.name(obj, depth + 1)
            if named:
                # "the army of President X" in a text that never names his state: a state's force
                return self._descriptive(tok) if self._untold_head_of_state(named, tok) else named
        grouped = _lemma(tok) in lex["force"] and any(
            c.dep_ in MODIFIERS and c.lower_ in lex["generic"] for c in tok.children
        )
        if armed_people(tok):
            return Named(tok, "armed men", f"{tok.text} armed")
        if actor_noun or grouped:
            return self._descriptive(tok)  # "a separatist group", "the rebel unit": an armed group's
        return None

    def _people(self, tok: Token, depth: int) -> Named | None:
        """ "The inmates stormed the yard", "the TPLF clique attacked": the doer an account names by a
        word for people that no list of forces holds; its party when a modifier names one. Only the
        doer itself ("soldiers of the company" are the soldiers), and not a word for those harmed, for
        a side as the speaker sees it ("the enemy", but "the government's opponents" are a side), a band
        of others ("a third team") or a place."""
        if depth or not is_people_noun(tok):
            return None
        lemma = _lemma(tok)
        harmed_yet_doing = lemma in rules()["initiator"]["harmed_nouns"] and _passive_agent(tok)
        if (lemma in _not_doers() and not harmed_yet_doing) or (
            lemma in rules()["initiator"]["relative_nouns"] and not _whose(tok)
        ):
            return None
        named = self.nation(tok)
        if named is not None:
            # "Uzbek youths", "Armenian villagers": people told by their people's name, not the state
            return self._descriptive(tok) if self._a_people_of(named, tok) else named
        names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in PLACES]
        if names and all(c.text.isupper() and len(c.text) > 1 for c in names):  # "the TPLF clique": an acronym
            text = " ".join(c.text for c in names)
            return Named(names[-1], self.aliases.canonical(text), text)
        return self._descriptive(tok)

    def _people_of_a_state(self, named: Named, head: Token) -> bool:
        """ "Lebanese militiamen", "Syrian rebels", "Palestinian gunmen": an armed group told by its
        people's name, not the state's force; the state is named by an adjective of nationality before
        an armed group's word (rules initiator.actor_nouns.irregular), not by a name ("Hamas militants")."""
        if not self._a_nationality(named, demonym=True):
            return False
        irregular = _lexicon()["irregular"]
        return (
            _lemma(head) in irregular
            or head.lower_ in irregular
            or any(c.dep_ in ("amod", "compound") and _lemma(c) in irregular for c in head.children)
        )

    def _a_people_of(self, named: Named, head: Token) -> bool:
        """ "Uzbek youths", "Kyrgyz mobs", "Uzbek protesters": people told by their people's name (rules
        initiator.people_of_a_nation), whether a list of actors holds the word or not, are that people,
        not the state (read by _head and _people alike)."""
        people = _lemma(head) in people_of_a_nation() or head.lower_ in people_of_a_nation()
        return people and self._a_nationality(named, demonym=True)

    def _a_nationality(self, named: Named, *, demonym: bool = False) -> bool:
        """A state named by an adjective of nationality ("Syrian", "Uzbek"), not by a name ("Hamas").
        With `demonym`, also one the parser took for a name before a word for people ("Kyrgyz mobs"):
        one of the state's demonyms (claims.countries), not its name or an agency's ("Mossad agents")."""
        tok = named.tok
        written = demonym and tok.dep_ == "compound" and tok.text in demonyms().get(named.actor, ())
        nationality = tok.dep_ == "amod" or tok.ent_type_ == "NORP" or written
        return nationality and (tok.ent_type_ != "ORG" or written) and self.aliases.kind(named.actor) == "state"

    def _unplaced_leader(self, named: Named, head: Token) -> bool:
        """ "Saddam Hussein's regime" in a text that never names his state: the state's force of a
        person, kept as the phrase (a state's force, whose state is not said), not as the person."""
        ent = entity(named.tok, frozenset({"PERSON"}))
        return ent is not None and self.aliases.kind(named.actor) is None and _lemma(head) in _lexicon()["state"]

    def _untold_head_of_state(self, named: Named, head: Token) -> bool:
        """ "the army of President X" (a king's, an emir's) in a text that never names his state: his
        state's force, whichever state; a general's or a warlord's men may be anybody's."""
        ent = entity(named.tok, frozenset({"PERSON"}))
        if ent is None:
            return False
        titles = rules()["initiator"]["leader_titles"]
        before = ent.doc[max(ent.start - 2, 0) : ent.start]  # "President X", "Prime Minister X"
        titled = any(t.lower_ in titles for t in (*before, *ent.root.subtree) if t.i < ent.root.i)
        return titled and self._unplaced_leader(named, head)

    def _weapon(self, tok: Token, depth: int) -> Named | None:
        """ "Israeli shells struck the beach", "a government artillery shell hit the camp", "police fire
        killed two": whose weapon or firing it was, named among its modifiers; a weapon of no one
        named is no actor ("machine-gun fire", "the house fire")."""
        lex = _lexicon()
        if _lemma(tok) not in lex["weapon"] and not (tok.pos_ == "NOUN" and _lemma(tok) in lex["firing"]):
            return None
        named = self.nation(tok)
        if named is not None:
            return named
        owners = (c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.lower_ not in lex["unsided"])
        for child in (c for c in owners if not _maker(c)):  # not "Soviet-era rockets"
            if _place_of_attack(child, _entity_text(child)):
                continue  # "the Baghdad shooting": where it happened
            named = self.name(child, depth + 1)  # "government shells", not "artillery shells"
            if named:
                return named
        return None

    def nation(self, tok: Token, leaders: bool = True) -> Named | None:
        """A party named anywhere among a noun's modifiers: "Israeli", "Hamas", "the X forces'"."""
        for child in _modifier_tokens(tok):
            if _maker(child):
                continue  # "a Russian-made missile": its maker, not its owner
            named = self.modifier(child, leaders)
            if named:
                return named
        return None

    def leader_of(self, ent: Span) -> str | None:
        """The state a person is named with ("Syrian President Bashar al-Assad"), here or at another
        mention of the same surname in the text ("Assad's forces" later on)."""
        state = self.nation(ent.root, leaders=False)
        if state is not None and self.aliases.kind(state.actor) == "state":
            return state.actor
        return self._leaders().get(ent[-1].lower_.removesuffix("'s"))

    def _leaders(self) -> dict[str, str]:
        doc = self.ctx.doc
        if LEADERS_KEY not in doc.user_data:
            found: dict[str, str] = {}
            for ent in (e for e in entities(doc) if e.label_ == "PERSON"):
                state = self.nation(ent.root, leaders=False)
                if state is not None and self.aliases.kind(state.actor) == "state":
                    found.setdefault(ent[-1].lower_.removesuffix("'s"), state.actor)
            doc.user_data[LEADERS_KEY] = found
        return doc.user_data[LEADERS_KEY]

    def modifier(self, child: Token, leaders: bool = True) -> Named | None:
        """A modifier that names a party: "Israeli" (air strike), "Hamas" (militants), "Assad's"
        (forces) when the text names him with his state."""
        ent = entity(child)
        text = ent.text if ent is not None else child.text
        if _place_of_attack(child, text):
            return None  # "the Paris attacks", "the Moscow bombings": where it happened
        around = self._name_around_place(child, 0)
        if around is not None:
            return around  # "the Tehrik-i-Taliban Pakistan attack": the movement, not the state
        resolved = self.aliases.resolve(text)
        if resolved:
            return Named(child, resolved, text)
        short = self._short_name(child, 0)
        if short is not None:
            return short  # "the North's artillery"
        leader = self.leader_of(ent) if leaders and ent is not None and ent.label_ == "PERSON" else None
        if leader is not None:
            return Named(child, leader, text)
        labels = {"poss": ("ORG", "PERSON", "NORP"), "compound": ("ORG", "NORP")}.get(child.dep_, ())
        if ent is not None and ent.label_ in labels and not named_as_place(child.doc, ent.text):
            name = _whole_name(ent)
            return Named(child, self.aliases.canonical(name), name)
        return None

    def force_modifier(self, child: Token) -> Named | None:
        """ "came under police fire", "rebel gunfire", "army shelling", "government air strikes": a word
        for a state's force or an armed group before the firing or shelling names who fired, unnamed (not
        an unsided one: "tank fire"; rules initiator.firing_acts, bombardment_acts)."""
        lex = _lexicon()
        if (
            child.dep_ not in ("compound", "amod")
            or child.pos_ not in ("NOUN", "ADJ")
            or _lemma(child) in lex["unsided"]
        ):
            return None
        if _lemma(child.head) not in lex["fired_from_afar"]:
            return None  # "a terrorist attack", "a police operation": often another act than the one in dispute
        return self._descriptive(child) if is_actor_noun(child, self.aliases) else None

    def _descriptive(self, tok: Token) -> Named:
        """ "the army's special forces" -> "army's special forces": no determiner, number or clause."""
        keep = {tok.i}
        # "On 21 May troops opened fire": not "May troops", tagged as a date or not
        day = calendar_tokens(tok)
        for child in tok.lefts:
            if child.dep_ in MODIFIERS:
                keep |= {
                    t.i
                    for t in child.subtree
                    if t.dep_ not in NOT_DESCRIPTIVE and t.pos_ != "PRON" and t.ent_type_ not in TIME_ENTITIES
                    and t.i not in day
                }  # fmt: skip
        words = [t for t in tok.doc[min(keep) : tok.i + 1] if t.i in keep]
        written = "".join(t.text + (" " if t.whitespace_ or t.i + 1 not in keep else "") for t in words).strip()
        written = " ".join(written.split()).replace(" 's", "'s").replace(" ’s", "’s")
        first = words[0]
        # "Rebels killed ...": a capital only for the sentence start is no name (analysis.parties reads capitals)
        plain = first.is_sent_start and first.pos_ != "PROPN" and entity(first) is None
        actor = first.text.lower() + written[len(first.text) :] if plain else written
        return Named(tok, actor, written)

    # -- what a pronoun or "the latter" refers to --

    def _antecedent(self, tok: Token, depth: int) -> Named | None:
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            return self._relative_of(tok.head.head, depth)
        if tok.lower_ in RELATIVE and tok.dep_ == "pobj" and tok.head.lower_ == "of":
            part = tok.head.head  # "the police, some of whom fired": the noun the clause is on
            if part.head.dep_ == "relcl" and part.head.head.pos_ in ("NOUN", "PROPN"):
                return self._relative_of(part.head.head, depth)
        if tok.lower_ in RELATIVE and tok.head.dep_ == "ccomp" and _said_in_relative(tok.head.head):
            # "his brother, who prosecutors say coordinated the attacks": the noun the clause is on
            return self._relative_of(tok.head.head.head, depth)
        if tok.lower_ in RELATIVE and tok.head.dep_ == "ccomp" and tok.head.head.lemma_ == "be":
            # "It was Georgia that started the war": the cleft's focus
            focus = [c for c in tok.head.head.children if c.dep_ == "attr"]
            return self.name(focus[0], depth + 1) if focus else None
        if tok.lower_ in RELATIVE:
            return None  # "not in a position to say who fired": an open question names nobody
        if tok.lower_ in ORDINAL_REFS:
            pair = _coordinated_pair(tok)
            return self.name(pair[0] if tok.lower_ == "former" else pair[1], depth + 1) if pair else None
        accused = _accused(tok)
        if accused is not None:
            return self.name(accused, depth + 1)
        # "an aggression that Israel unleashed upon it", "Seoul said the North shelled it": a pronoun a
        # verb governs is never that verb's own subject (that would be "itself")
        return self._clause_subject(tok, depth, skip_own_clause=tok.dep_ in OBJECT_DEPS)

    def _relative_of(self, noun: Token, depth: int) -> Named | None:
        """ "The miners, who started the fight, were arrested": the noun a relative clause is on is the
        doer itself, so a word for people names it as it would as the clause's own subject (an attack
        told in such a clause stays background, extract_initiator._background)."""
        named = self.name(noun, depth + 1)
        # "the men who fired were police" (not "the man who fired is on trial")
        said_to_be = (
            noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and any(c.dep_ == "attr" for c in noun.head.children)
        )
        if named is None and noun.pos_ == "NOUN" and not said_to_be:
            named = self._people(noun, 0)
        return named

    def _teller(self, tok: Token, depth: int) -> Named | None:
        """ "Preston said he gave no order to fire", "the colonel denied that he had ordered it", "'I gave
        no order,' the captain said": "he" or "I", the subject of what one person says or denies, is that
        person; "'we attacked no one,' a spokesman for the strikers said", "the army said we fired
        first": "we" is the side its teller speaks for. Not "he" elsewhere, which may be anyone named
        before (a clause's subject is often another man)."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ not in ("ccomp", "xcomp"):
            return None
        teller = clause.head
        if _lemma(teller) not in _telling_verbs():
            return None
        subjects = [c for c in teller.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in PRONOUNS | PERSONAL | FIRST_PLURAL:
            return None
        if tok.lower_ in FIRST_PLURAL:  # one man's "we" is a side he does not name
            side = _spoken_for(subjects[0])
            return None if side.ent_type_ == "PERSON" else self.name(side, depth)
        one = subjects[0].tag_ not in ("NNS", "NNPS")
        return self.name(subjects[0], depth) if one else None  # the teller is the doer itself

    def _clause_subject(self, tok: Token, depth: int, skip_own_clause: bool = False) -> Named | None:
        """ "Georgia provoked the war when it attacked": the main clause's subject."""
        node, skipping = tok, skip_own_clause
        while node.head.i != node.i:
            node = node.head
            if skipping and node.pos_ in ("VERB", "AUX"):
                skipping = False
                continue
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                        and c.lower_ not in PRONOUNS]  # fmt: skip
            for child in subjects:
                if _agrees(tok, child):
                    return self.name(child, depth + 1)
            if subjects:  # "Two states told Russia that they hold it responsible": not the states
                told = [c for c in node.children if c.dep_ in ("dobj", "dative") and c.i < tok.i and _agrees(tok, c)]
                return self.name(told[0], depth + 1) if told else None
        return None


def _spoken_for(teller: Token) -> Token:
    """ "a spokesman for the strikers", "the army's spokesman", "John Doe, the union leader": the side a
    voice speaks for, else the teller itself (rules initiator.voice_nouns)."""
    voices = rules()["initiator"]["voice_nouns"]
    if _lemma(teller) not in voices:
        title = next((c for c in teller.children if c.dep_ == "appos" and _lemma(c) in voices), None)
        if title is None:
            return teller
        teller = title
    owners = [c for c in teller.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"))]
    owners += [o for p in teller.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for o in p.children
               if o.dep_ == "pobj"]  # fmt: skip
    return owners[0] if owners else teller


@lru_cache(maxsize=1)
def _telling_verbs() -> frozenset[str]:
    """Verbs of saying (rules speaker.reporting_verbs) and of denying (initiator.denial_verbs)."""
    return frozenset(rules()["speaker"]["reporting_verbs"]) | frozenset(rules()["initiator"]["denial_verbs"])


POINTING_DETS = frozenset({"the", "this", "that"})
SOME_GROUP_DETS = frozenset({"no", "another", "any", "each", "every"})  # "no other group": some group or other


def _introduced(name: Token) -> bool:
    """A name told as a subject, in apposition, beside a group word or after "by": how a text brings
    in a group it goes on to call "the group"."""
    return name.dep_ in ("nsubj", "nsubjpass", "appos", "compound") or (
        name.dep_ == "pobj" and name.head.lower_ == "by"
    )


def _maker(tok: Token) -> bool:
    """ "a Russian-made missile", "Soviet-era rockets", "US-supplied shells": who made or sold the
    weapon, or when, not who fired it (rules initiator.maker_words after a hyphen)."""
    doc, hyphens = tok.doc, ("-", "\u2011", "\u2010")
    after = doc[tok.i + 1 : tok.i + 3]
    if len(after) == 2 and after[0].text in hyphens and after[1].lower_ in _maker_words():
        return True  # the name before "-made"
    return tok.lower_ in _maker_words() and tok.i > 0 and doc[tok.i - 1].text in hyphens  # "made" itself


@lru_cache(maxsize=1)
def _maker_words() -> frozenset[str]:
    return frozenset(rules()["initiator"]["maker_words"])


def _bare_definite(tok: Token) -> bool:
    """ "the group", "this organisation": a group word with a pointing article and nothing else that
    says which group ("the armed group", "the group of miners", "the network that organised the attacks"
    say it themselves)."""
    kids = list(tok.children)
    pointed = any(c.dep_ == "det" and c.lower_ in POINTING_DETS for c in kids)
    said = ("amod", "compound", "nmod", "poss", "prep", "nummod", "relcl", "acl")  # "the network that organised it"
    return pointed and not any(c.dep_ in said for c in kids)


def _agrees(pronoun: Token, noun: Token) -> bool:
    """ "it" names one: not "the Netherlands and Australia", not "rebels" (other pronouns: anyone,
    "the army ... they" being as common as "it")."""
    if pronoun.lower_ not in ("it", "its"):
        return True
    plural = noun.tag_ == "NNS" or (
        noun.tag_ == "NNPS" and noun.ent_type_ not in ("GPE", "ORG")
    )  # not "the Netherlands"
    return not plural and not any(c.dep_ == "conj" for c in noun.children)


PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around"})
TEXT_KEY = "rashomon.text"


def _entity_text(tok: Token) -> str:
    """The whole name a word is part of, else the word."""
    ent = entity(tok)
    return ent.text if ent is not None else tok.text


def _place_of_attack(child: Token, text: str) -> bool:
    """A capital named before an attack noun ("the Paris attacks") names its place, not its doer; so
    does a named site ("the Garissa University College attack")."""
    if child.dep_ != "compound" or child.head.lemma_.lower() not in act_nouns():
        return False
    if any(_site(t) for t in child.doc[child.i + 1 : child.head.i]):
        return True  # "the United States embassy bombing": the embassy's state, which was hit
    return text.lower() in capitals() or any(w in _site_words() for w in text.lower().split())


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    """Sites and buildings (rules where.site_nouns, building_nouns) an attack is on, not vehicles
    (where.vehicle_nouns)."""
    words = rules()["where"]
    return frozenset([*words["site_nouns"], *words["building_nouns"]]) - frozenset(words["vehicle_nouns"])


def _site(tok: Token) -> bool:
    """A common noun of a site or building ("embassy", "school"), not a force's ("base", "ship")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma in _site_words() and lemma not in _lexicon()["force"]


def named_as_place(doc: Doc, name: str) -> bool:
    """ "the Kovin shelling" in an account that also writes "in Kovin": a name the text uses as a
    place (or the tagger tags as one somewhere) names the event by where it was, not who did it.
    The whole name: "in Tigray" says nothing of "the Tigray People's Liberation Front"."""
    if any(e.text == name and e.label_ in ("GPE", "LOC", "FAC") for e in entities(doc)):
        return True
    preps = "|".join(sorted(PLACE_PREPS))
    text = _text(doc)
    for found in re.finditer(rf"\b(?:{preps}) ({re.escape(name)})\b(?!\s+[A-Z])", text):
        if not _modifies_a_noun(doc, found.end(1)):
            return True  # "in Kovin", not "killed in Hezbollah attacks"
    # "the Orfeo building", "the Orfeo concert hall": a name the text gives a building
    return re.search(rf"\b{re.escape(name)}\s+(?:{_buildings()})\b", text) is not None


def _modifies_a_noun(doc: Doc, end: int) -> bool:
    """The name that ends at character `end` is a modifier of a common noun after it ("in Hezbollah
    attacks"): what the "in" governs is that noun, not the name."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if not span:
        return False
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.pos_ == "NOUN"


@lru_cache(maxsize=1)
def _buildings() -> str:
    """The site and building nouns (rules where.site_nouns, building_nouns) as one alternation."""
    words = rules()["where"]
    return "|".join(
        sorted({re.escape(w) for w in [*words["site_nouns"], *words["building_nouns"]]}, key=len, reverse=True)
    )


def _text(doc: Doc) -> str:
    """The document's text, joined once: Doc.text joins every token anew on each call (issue #11)."""
    if TEXT_KEY not in doc.user_data:
        doc.user_data[TEXT_KEY] = doc.text
    return doc.user_data[TEXT_KEY]


def _fire_before(prep: Token) -> bool:
    """ "fire from a house", "shots were fired from the roof": the word before "from" is the firing or
    what was fired; in "fired on the soldiers from nearby buildings" it says where those fired on
    were."""
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    return before.pos_ not in ("NOUN", "PROPN") or _lemma(before) in _lexicon()["fired"]


def _objects(tok: Token, owners: bool = True) -> list[Token]:
    """Objects of "by"/"from" after a noun, also when the parser hung "by" elsewhere, and of "of"
    when it names `owners` ("the army of X", not "the killings of X")."""
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of")]
    if not owners:
        preps = [p for p in preps if p.lower_ != "of"]
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in ("by", "from") and nxt not in preps and not _by_of_the_act(tok, nxt):
        preps.append(nxt)
    by_from = [o for p in preps if p.lower_ != "of" for o in p.children if o.dep_ == "pobj"]
    return by_from + [o for p in preps if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _said_in_relative(verb: Token) -> bool:
    """ "who police say fired first": a telling verb that is itself the relative clause, with a
    subject of its own (the teller)."""
    return (
        verb.dep_ == "relcl"
        and _lemma(verb) in rules()["speaker"]["reporting_verbs"]
        and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children)
    )


def _by_of_the_act(tok: Token, by: Token) -> bool:
    """ "the shooting of colonial soldiers by French troops": a "by" the parser hung on the act the
    noun is the "of" object of names who did the act, not whose the noun is."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and by.head.i == tok.head.head.i


def _accused(tok: Token) -> Token | None:
    """ "A accused B of war crimes when it entered C": a pronoun inside what B is accused of is B."""
    blame = _lexicon()["blame"]
    node = tok
    for head in tok.ancestors:
        if _lemma(head) in blame and node.dep_ not in ("nsubj", "nsubjpass"):
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i != tok.i and c.lower_ not in PRONOUNS]
            return objs[0] if objs else None
        node = head
    return None


def _coordinated_pair(tok: Token) -> tuple[Token, Token] | None:
    """The last "X and Y" before "the former/the latter", in its sentence or the one before."""
    sent = tok.sent
    start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for cand in reversed(tok.doc[start : tok.i]):
        conj = [c for c in cand.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if conj and cand.pos_ in ("NOUN", "PROPN"):
            return cand, conj[-1]
    return None


COMMAND_NOUNS = frozenset({"command", "leadership", "orders", "order"})
COMMAND_VERBS = frozenset({"lead", "command", "head"})


def commanders_of(tok: Token) -> list[str]:
    """Who led the doers, named with them: "troops under the command of General X", "soldiers led
    by Colonel Y". A commander is among those who did it, so an account naming only him agrees."""
    named: list[Token] = []
    while tok.dep_ in MODIFIERS and tok.head.i != tok.i:  # "British" in "the British army": the army
        tok = tok.head
    heads = [tok]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "troops of the army under the command of X"
        heads.append(tok.head.head)
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "prep" and child.lower_ == "under":
            for noun in (c for c in child.children if c.dep_ == "pobj" and _lemma(c) in COMMAND_NOUNS):
                named += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj"]  # fmt: skip
        if child.dep_ == "acl" and _lemma(child) in COMMAND_VERBS:
            named += [o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    people = (entity(t, frozenset({"PERSON"})) for t in named)
    return [ent.text for ent in people if ent is not None]


def allies_of(tok: Token, actor: str, aliases) -> list[str]:  # noqa: ANN001 (claims.actors.AliasTable)
    """Other parties named as doers beside the actor, joined to its word by "and" ("Yugoslav and
    Serbian police", "Syrian and Russian jets"), each as the actor table names it, and the
    commander named with them ("troops under the command of General X"); the actor's own name
    left out; "X or Y" names no ally (issue #8)."""
    leaders = [name for name in commanders_of(tok) if name != actor]
    joined = [tok, *tok.conjuncts]
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in joined for c in t.children):
        return leaders
    found: list[str] = leaders
    for conj in tok.conjuncts:
        ent = entity(conj)
        resolved = aliases.resolve(ent.text if ent is not None else conj.text)
        if resolved and resolved != actor and resolved not in found:
            found.append(resolved)
    return found
