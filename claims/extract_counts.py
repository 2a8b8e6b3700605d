"""Counts of people killed, wounded or displaced (issue #2, #8).

A number becomes a claim when it is tied to a trigger word of one kind
("killed", "dead", "refugees", "expelled", "wounded"): claims/count_link.py
decides which trigger a number belongs to, claims/count_scope.py whom it
counts, claims/count_words.py which words trigger and which nouns count people.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claims.actors import AliasTable
from claims.context import DocContext
from claims.count_background import after_another, earlier_incident
from claims.count_link import Link, act_nouns, link
from claims.count_part import Part, Whole, coordinated, find_part
from claims.count_rival import rival_clause
from claims.count_scope import own_side, scope_text, trigger_scope
from claims.count_single import articles, single_deaths
from claims.count_survivors import none_survived
from claims.count_topic import figure_of, how_many, toll_topic, topic_people
from claims.count_wide import wide_toll
from claims.count_words import (
    NOBODY,
    counts_people,
    fatal_part,
    fits_trigger,
    is_person_noun,
    says_no_one,
    trigger_kind,
    trigger_verbs,
    unrealised,
)
from claims.countries import demonyms
from claims.initiator_negation import dismissed
from claims.models import Count
from claims.noun_classes import people_nouns
from claims.numbers import NumberMention
from claims.rules import rules
from claims.sub_event import WHOLE, part_phrase, sub_event
from claims.tree import external_head, list_head, span_of
from claims.where import crossing_after, destination, site_of, where_of

_VAGUE_WORDS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "hundred", "thousand", "million"}


@dataclass
class CountHit:
    kind: str
    number: NumberMention
    count: Count
    noun: Token
    trigger: Token
    scope: str
    counted: tuple[int, ...] = field(default=())  # token indices of the number and what it counts
    where: str | None = None  # "in Marova": the place on the count, when not the document's own
    part: str | None = None  # "explosion", "all": the part of the event (claims.sub_event)
    added: str | None = None  # "them", "included": the scope's marker of people besides or among a toll
    site: str | None = None  # "at the airport": a building or venue on the count (claims.where.site_of)
    told_by: Token | None = None  # "put it at 1,020": the word of its own sentence, when the trigger is another's

    @property
    def anchor(self) -> Token:
        """The count's own word in its sentence: the trigger, or the word that gives a toll's figure."""
        return self.told_by if self.told_by is not None else self.trigger

    @property
    def about(self) -> str:
        """What the count is about, for alignment: its trigger and people (the part weighs in comparison)."""
        scope = self.scope.removesuffix(f" {part_phrase(self.part)}") if self.part else self.scope
        return f"{self.trigger.lemma_} {scope}".strip()


_MODIFIER_DEPS = ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod")


def _counted_noun(num_root: Token, num_span: Span | None = None) -> Token:
    """The noun a number counts: "30,000 [Azerbaijanis]", "[thousands] were displaced"; of a range whose
    first figure the parse hung on "between" or "from", the noun its last figure counts ("Between 800
    and 3,500 [civilians] were killed")."""
    if num_root.dep_ in _MODIFIER_DEPS and num_root.head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
        return num_root.head
    if num_root.dep_ == "det" and num_root.lower_ in articles():
        return num_root.head  # "a policeman was killed" (claims.count_single)
    if num_span is not None and num_root.dep_ == "pobj" and num_root.head.lower_ in ("between", "from"):
        last = num_span[-1]
        if last.dep_ in _MODIFIER_DEPS and last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= num_span.end:
            return last.head
    return num_root


@lru_cache(maxsize=1)
def _not_zero_nouns() -> frozenset[str]:
    """ "no death toll was given", "no bodies were found": no zero (rules stated_zero.not_zero_nouns)."""
    return frozenset(rules()["stated_zero"]["not_zero_nouns"])


@lru_cache(maxsize=1)
def _harm_verbs() -> frozenset[str]:
    """ "not a single farmer has suffered", "no one was harmed": a zero, though no count's trigger."""
    return frozenset(rules()["stated_zero"]["harm_verbs"])


def _stated_zeros(triggers: list[tuple[Token, str]], aliases: AliasTable) -> list[CountHit]:
    """ "causing no casualties", "no one was killed": a stated zero answers "300 died" (issue #2)."""
    hits: list[CountHit] = []
    for trig, kind in triggers:
        zero: Token | None = None
        if trig.pos_ == "NOUN":
            if {trig.lemma_.lower(), trig.lower_} & (_not_zero_nouns() | act_nouns()):
                continue  # "no death toll was given", "there was no massacre": nothing said of the dead
            zero = next((c for c in trig.children if c.dep_ == "det" and c.lower_ == "no"), None)
            zero = None if _numbered(trig) else zero  # "no fewer than 400 deaths": a figure, not none
        else:
            for subj in (c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")):
                if says_no_one(subj):
                    zero = subj
                elif _none_of(subj):  # "no civilians were killed", "not a single resident died"
                    zero = subj
        if zero is None or any(c.dep_ == "neg" for c in trig.children) or unrealised(trig):
            continue  # "no one would have been hurt": what did not happen
        scope = _zero_scope(zero, trig, aliases)
        part = sub_event(trig, zero)  # "no one was killed in the second blast": none in that part
        scope = f"{scope} {part_phrase(part)}" if part else scope
        lo, hi = min(zero.left_edge.i, trig.i), max(zero.i, trig.i)
        doc = trig.doc
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
        text = doc.text[start:end] if hi - lo < 6 else zero.text
        count = Count(low=0, high=0, qualifier="none", text=text)
        hits.append(CountHit(kind, NumberMention(start, end, count), count, trig, trig, scope, part=part))
    return hits


def _survivor_tolls(sent: Span, aliases: AliasTable) -> list[CountHit]:
    """ "None of the 269 people aboard survived": all of them dead (claims.count_survivors)."""
    hits = []
    for mention, people, word, start in none_survived(sent):
        scope = _zero_scope(people, word, aliases)
        counted = tuple(range(start, people.i + 1))
        hits.append(CountHit("casualties", mention, mention.count, people, word, scope, counted=counted))
    return hits


def _numbered(noun: Token) -> bool:
    """ "no fewer than 400 detainees", "no more than 12 deaths": the noun has its own figure."""
    return any(c.dep_ == "nummod" for c in noun.children)


def _none_of(noun: Token) -> bool:
    """ "no civilians", "not a single resident": a person noun stated to be none."""
    if noun.pos_ != "NOUN" or not is_person_noun(noun) or _numbered(noun):
        return False  # "no fewer than 400 detainees": the "no" of a bound, not none
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "advmod", "neg", "preconj")}
    return "no" in dets or (
        "single" in dets and ("not" in dets or noun.doc[max(noun.left_edge.i - 1, 0)].lower_ == "not")
    )


def _zero_scope(zero: Token, trigger: Token, aliases: AliasTable) -> str:
    """ "people" for nobody; the noun's own words for "no civilians", "not a single farmer";
    the trigger's for "no civilian casualties"."""
    if zero.lower_ in NOBODY:  # "none of the soldiers was killed": the people after "of"
        of = [g for c in zero.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of and is_person_noun(of[0]):
            return _zero_scope(of[0], trigger, aliases)
    if zero.pos_ != "NOUN" or zero.i == trigger.i or zero.lower_ in ("one", *NOBODY):
        scope = trigger_scope(trigger, aliases)
        side = own_side(trigger, aliases) or own_side(zero, aliases)  # "nobody was killed on the X side"
        return scope or (f"people [{side}]" if side else "people")
    mods = [t.text for t in zero.lefts if t.dep_ in ("amod", "compound") and t.lower_ != "single"]
    return " ".join([*mods, zero.text])


def _number_root(num_span: Span) -> Token:
    """The syntactic head of the number's own words ("120" of "between 120 and 150")."""
    core = [t for t in num_span if t.like_num or t.pos_ == "NUM" or t.lower_ in _VAGUE_WORDS]
    if not core:
        return external_head(num_span)
    return external_head(num_span[core[0].i - num_span.start : core[-1].i - num_span.start + 1])


def _base_of_partitive(noun: Token) -> bool:
    """ "Of the 1,093 men on board, 323 were killed", "40 of the 300 passengers": the people at
    risk, not a toll."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return False
    # "about 40 of the 300 passengers died": the 300 are those at risk, the 40 the dead ("50 of some
    # 300 bodies" still counts 300 dead)
    if prep.head.like_num and prep.head.i < prep.i:
        return noun.lemma_.lower() not in _dead_nouns()
    if prep.head.lower_ in NOBODY:
        return True  # "none of the 40 soldiers was killed": the 40 were at risk, none died
    # "Of the 1,093 men on board, 323 were killed" sets the base before its verb; "spoke of more
    # than 900 dead" after it names the dead themselves, as does "Of the 80 people killed, 30 were
    # women" before it: a base told dead is the toll the part is of
    return prep.head.pos_ in ("VERB", "AUX") and prep.i < prep.head.i and not _told_dead(noun)


def _told_dead(noun: Token) -> bool:
    """ "the 80 people killed", "the 80 dead": the noun is the dead, by its own word or participle."""
    if noun.lemma_.lower() in _dead_nouns():
        return True
    words = rules()["triggers"]["casualties"]
    dead_words = {*words["adjectives"], *words["verbs"]}
    # "the 130 hostages who died"
    return any(c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in dead_words for c in noun.children)


def _is_year(mention: NumberMention, num_span: Span, ctx: DocContext) -> bool:
    """ "Rwanda's 1994 genocide", "the 1994 dead" when 1994 is named as a year elsewhere: a year is
    never a count (issue #8, FAILURE_MODES 16)."""
    count = mention.count
    if count.qualifier or count.low != count.high or count.low is None or not 1800 <= count.low <= 2100:
        return False
    if not count.text.isdigit():
        return False
    doc = num_span.doc
    after = doc[num_span.end] if num_span.end < len(doc) else None
    before = doc[num_span.start - 1] if num_span.start > 0 else None
    if before is not None and before.tag_ == "POS":
        return True  # "the country's 1994 ..."
    if after is not None and after.pos_ in ("NOUN", "PROPN") and not is_person_noun(after):
        return True  # "the 1994 genocide", "its 2008 war"
    if after is not None and num_span.root.ent_type_ == "DATE" and _an_act_of_killing(after):
        return True  # "the 1982 killings", "the 1994 massacre": when, not how many
    if after is not None and num_span.root.ent_type_ == "DATE" and before is not None and before.tag_ in ("DT", "PRP$"):
        return True  # "the 1948 refugees", "their 1967 exodus": the parser's date before a noun, a year
    if _named_as_a_period(num_span.root):
        return True  # "1972 became the deadliest year of the conflict"
    return any(count.low in (d.span.start.year, d.span.end.year) for d in ctx.dates)


def _an_act_of_killing(noun: Token) -> bool:
    """ "killings", "massacre", "deaths": a death noun that names the act, not the people."""
    return noun.lemma_.lower() in _act_of_killing_words()


@lru_cache(maxsize=1)
def _act_of_killing_words() -> frozenset[str]:
    """The death nouns but those of the people (rules count_link.dead_nouns: "victim", "dead")."""
    words = rules()
    return frozenset(words["triggers"]["casualties"]["nouns"]) - frozenset(words["count_link"]["dead_nouns"])


def _named_as_a_period(tok: Token) -> bool:
    """A number whose verb calls it a year, a month or a decade ("1972 was the bloodiest year"; the
    period words are rules scope.time_nouns)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    periods = rules()["scope"]["time_nouns"]
    return any(c.dep_ in ("attr", "oprd", "acomp") and c.lemma_.lower() in periods for c in tok.head.children)


def _number_span(ctx: DocContext, sent: Span, mention: NumberMention) -> Span | None:
    """The tokens of a number that may be a count: not a year, not the "one" of "no one"."""
    num_span = span_of(sent, mention.start, mention.end)
    if num_span is None or len(num_span) == 0:
        return None
    if num_span[0].lower_ == "one" and num_span.start > sent.start and sent.doc[num_span.start - 1].lower_ == "no":
        return None  # "no one was killed" is a stated zero, read apart
    return None if _is_year(mention, num_span, ctx) else num_span


def _fatal_link(num_span: Span, triggers: list[tuple[Token, str]], whole: Whole, noun: Token) -> Link | None:
    """ "wounding 40 marchers, 6 of them fatally": the part the adverb tells dead is a toll of its own,
    of the whole's people."""
    for trigger, _ in triggers:
        part = fatal_part(trigger)
        if part is not None and num_span.start <= part.i < num_span.end:
            return Link(trigger, "casualties", _people_counted([whole], trigger.doc) or noun)
    return None


def _hit(ctx: DocContext, sent: Span, mention: NumberMention, triggers: list[tuple[Token, str]],
         wholes: list[Whole]) -> CountHit | None:  # fmt: skip
    """The count claim one number makes, if it counts people for a trigger."""
    num_span = _number_span(ctx, sent, mention)
    if num_span is None:
        return None
    root = _number_root(num_span)
    if _singled_out(mention, root) or _age_after_name(num_span) or _all_but(num_span) or dismissed(root):
        # "the body of one of the 58 victims": a person singled out, not a toll; "Samuel Maverick, 17,
        # died the next morning": his age; "all but five were killed by the gas": those left out; "the
        # rumours of thousands of dead are without foundation": a saying the sentence calls false
        return None
    noun = _counted_noun(root, num_span)
    if _base_of_partitive(noun) or unrealised(noun) or _describes_a_group(noun) or _doers(noun, triggers) \
            or _not_one(mention, num_span, noun):  # fmt: skip
        # "of the 1,093 on board", "40 attempted murders", "of one family", "two gunmen killed", "the army has
        # not named one soldier who died"
        return None
    scope_noun = noun
    of_dead = joined = None
    part = find_part(root, noun, num_span, wholes)
    sibling = None if part is not None else coordinated(noun, wholes, triggers)
    if part is not None:
        # "12 of whom were children": a part of the count before, of the same kind (issue #8)
        scope_noun = part.scope_noun or noun
        if not (counts_people(scope_noun, num_span, ctx, triggers) and scope_noun.i not in range(*_bounds(num_span))):
            return None
        found: Link | None = _fatal_link(num_span, triggers, part.whole, scope_noun)
        # "6 of them fatally" is the toll, not a part of those hit
        found, part = (found, None) if found else (Link(part.whole.trigger, part.whole.kind, scope_noun), part)
    elif sibling is not None:
        # "among them two police officers and two guards": the second count is told as the first
        if not (counts_people(noun, num_span, ctx, triggers) and (is_person_noun(noun) or _a_people(noun))):
            return None
        found = Link(sibling.trigger, sibling.kind, noun)
    elif (
        (found := (of_dead := _part_of_dead(root, triggers))) is None
        and (found := (joined := _figure_joined(noun, wholes))) is None
        and (found := _listed_dead(noun, triggers)) is None  # "the dead included the army chief, two ministers"
    ):
        if not counts_people(noun, num_span, ctx, triggers):
            return None
        fitting = [(t, k) for t, k in triggers if fits_trigger(t, noun, root)]
        found = link(noun, root, num_span, fitting)
    if found is None or _no_toll(found, noun, triggers):
        return None
    scope = scope_text(found.noun, num_span, found.trigger, ctx.aliases)
    where = where_of(found.trigger, found.noun, ctx.aliases, ctx.main_places)
    if of_dead is not None:
        # "44 of the people he killed were at the mosque": the part is told on its own predicate
        where = where or where_of(root.head, root, ctx.aliases, ctx.main_places)
        part_told = True
    else:
        part_told = part is not None
    if part_told and not where and (scope == "people" or not is_person_noun(found.noun)):
        return None  # a part that does not say whose people it counts would read as a rival figure
    if found.kind == "displaced" and not where:
        where = destination(found.trigger, ctx.aliases) or crossing_after(num_span)
    added = _marker(ctx, sent, num_span, noun, found.trigger, sibling)
    added = added or ("of them" if _general_part(found.noun, part, sibling) else None)
    scope = f"{scope}, {added}" if added else scope
    scope = f"{scope} {where}" if where else scope
    of_event = _part_of_event(found, added)
    scope = f"{scope} {part_phrase(of_event)}" if of_event else scope
    counted = (*range(*_bounds(num_span)), noun.i, found.noun.i)
    site = None
    if where is None:  # a named place says where already; else a building or venue on the count
        site = site_of(found.trigger, found.noun) or (site_of(root.head, root) if of_dead is not None else None)
    hit = CountHit(found.kind, mention, mention.count, found.noun, found.trigger, scope, counted, where, of_event,
                   added, site)  # fmt: skip
    return _told_by_its_figure(hit, root) if joined else hit


def _told_by_its_figure(hit: CountHit, root: Token) -> CountHit:
    """ "..., eight in the second": a figure joined to another's is told in its own words; the first
    count's people are its scope, not its evidence."""
    return replace(hit, noun=root, counted=tuple(i for i in hit.counted if i != hit.noun.i), told_by=root)


def _figure_joined(noun: Token, wholes: list[Whole]) -> Link | None:
    """ "19 were killed in the houses: seven in the first, eight in the second and four in another": a bare
    figure joined to the figure of a count already read counts its people, for its death word."""
    if noun.pos_ != "NUM" or noun.dep_ != "conj" or not noun.head.like_num:
        return None
    whole = next((w for w in wholes if noun.head.i in w.tokens), None)
    if whole is None:
        return None
    # its own people, else those of the count whose death word it shares ("19 people ...: seven")
    told = [whole, *(w for w in wholes if w.trigger.i == whole.trigger.i and w is not whole)]
    people = _people_counted(told, noun.doc)
    return Link(whole.trigger, whole.kind, people) if people is not None else None


def _people_counted(wholes: list[Whole], doc: Doc) -> Token | None:
    """The first noun of people among the words of counts already read ("people" of "19 people were killed")."""
    return next(
        (doc[i] for w in wholes for i in sorted(w.tokens) if doc[i].pos_ == "NOUN" and is_person_noun(doc[i])), None
    )


def _general_part(noun: Token, part: Part | None, sibling: Whole | None) -> bool:
    """A part of a toll ("including 12 residents", "and 30 permanent residents" after "including 55
    Canadians") whose noun names people in general: without a marker it would read as a rival figure
    of the whole."""
    if noun.lemma_.lower() not in rules()["scope"]["general"]:
        return False
    if part is not None:
        return True
    if sibling is None:
        return False
    doc, preps = noun.doc, rules()["count_link"]["partitive_preps"]
    return any(t.lower_ in preps for t in doc[max(0, sibling.start - 2) : sibling.start])


def _a_people(noun: Token) -> bool:
    """ "Israelis", "Egyptians": a people's name in the plural counts persons, as "soldiers" does
    ("20,000 Arab soldiers and 800 Israelis died"); named by the tagger or by the country table's
    words for its people ("Britons", which the tagger often leaves untagged in a list)."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    return noun.ent_type_ == "NORP" or noun.lower_ in _peoples()


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    """The country table's words for peoples, as written in the plural ("britons", "swedes")."""
    return frozenset(w.lower() for words in demonyms().values() for w in words if w.lower().endswith("s"))


def at_site(hit: CountHit) -> CountHit:
    """The count told at its site ("people at the airport"), for a document that counts at two or
    more sites: there each site's count is a part of the event, not its toll (issue #8)."""
    if hit.site is None or hit.where is not None:
        return hit
    phrase = f" {part_phrase(hit.part)}" if hit.part else ""
    scope = f"{hit.scope.removesuffix(phrase)} {hit.site}{phrase}"
    return replace(hit, scope=scope, where=hit.site)


def _marker(ctx: DocContext, sent: Span, num_span: Span, noun: Token, trigger: Token,
            sibling: Whole | None) -> str | None:  # fmt: skip
    """The scope's marker of people besides or among a toll ("another", "of them", "earlier",
    "nationwide"), or None; a count coordinated with another is told as that one."""
    # "shot 12 guards, three of them fatally": the deaths the adverb tells are no part of a toll
    added = None if fatal_part(trigger) else _added(num_span, noun)
    added = added or (sibling.added if sibling else None)
    added = (
        added or _series_toll(trigger) or _earlier_period(trigger) or _singled_out_part(trigger) or _own_people(noun)
    )
    if not added and (earlier_incident(sent, ctx) or after_another(trigger)):
        added = "earlier"  # "the attack at X in April last year, killing more than 80": another incident's
    if not added and wide_toll(sent, trigger, ctx):
        added = rules()["scope"]["wide_marker"]
    return added


def _own_people(noun: Token) -> str | None:
    """ "More than 200 of our people have been killed": the speaker's own people, a part of the toll,
    marked so (rules scope.own_people)."""
    words, plain = _own_people_words()  # "our soldiers", said by an army, are all its soldiers: not plain
    nouns = [noun, *(o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    return next((c.lower_ for n in nouns if n.lower_ in plain for c in n.children
                 if c.dep_ == "poss" and c.lower_ in words), None)  # fmt: skip


@lru_cache(maxsize=1)
def _own_people_words() -> tuple[frozenset[str], frozenset[str]]:
    """(the possessives, the plain people nouns they mark): read once, asked for every count."""
    scope = rules()["scope"]
    return frozenset(scope["own_people"]), frozenset(scope["people_nouns"])


def _singled_out_part(trigger: Token) -> str | None:
    """ "In our street alone, 23 people were killed", "12 died in the market alone": a place singled
    out on the count's verb makes the count a part of the toll (rules scope.singled_out)."""
    words = rules()["scope"]["singled_out"]
    near = [trigger, *(o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    return next((c.lower_ for t in near for c in t.children if c.dep_ == "advmod" and c.lower_ in words), None)


def _part_of_event(found: Link, added: str | None) -> str | None:
    """The part of the event the count is of (claims.sub_event); a share of a total is not the whole
    its verb says ("In all, 48 died: six in the centre": "in all" is the total's)."""
    part = sub_event(found.trigger, found.noun)
    return None if added == "of them" and part == WHOLE else part


def _not_one(mention: NumberMention, num_span: Span, noun: Token) -> bool:
    """ "Not one soldier", "has not named one soldier who died": "one" under a negation says none or
    not a single one, no toll of one."""
    if not mention.count.low == mention.count.high == 1:
        return False
    doc = num_span.doc
    if num_span.start > 0 and doc[num_span.start - 1].lower_ in ("not", "no"):
        return True
    verb = noun.head if noun.dep_ == "dobj" else None
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _age_after_name(num_span: Span) -> bool:
    """A bare number set off by commas after a person's name ("Samuel Maverick, 17, died"): an age."""
    doc, start, end = num_span.doc, num_span.start, num_span.end
    if start < 2 or doc[start - 1].text != "," or end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return False
    name = doc[start - 2]
    return name.ent_type_ == "PERSON" or (
        name.pos_ == "PROPN" and doc[start - 3].pos_ == "PROPN" if start >= 3 else False
    )


def _no_toll(found: Link, noun: Token, triggers: list[tuple[Token, str]]) -> bool:
    """ "120 dead or wounded": the killed and the wounded together, a toll of neither; "20,000 refugees
    were repatriated": a count of returns."""
    if found.kind == "displaced":
        return _went_home(noun) or _perpetrators(found.noun)
    return (
        _killed_or_wounded(found.trigger, found.kind, triggers) or _told_missing(noun) or _in_care(noun, found.trigger)
    )


def _perpetrators(noun: Token) -> bool:
    """ "there were between 10 and 15 attackers ... and more than 1,000 people had been evacuated":
    those who attack are not those driven out or evacuated; a link that says so is a misreading
    (rules scope.roles.perpetrator)."""
    words = rules()["scope"]["roles"].get("perpetrator", [])
    return noun.lemma_.lower() in words or noun.lower_ in words


def _told_missing(noun: Token) -> bool:
    """ "... were killed and 12 are missing": the number's own predicate says the people are missing."""
    missing = rules()["count_link"]["missing_words"]
    arg = noun.head if noun.dep_ == "conj" else noun
    if arg.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = arg.head.head if arg.head.dep_ == "aux" else arg.head  # "12 are missing", parsed on the auxiliary
    return verb.lower_ in missing or any(
        c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in missing for c in verb.children
    )


def _in_care(noun: Token, trigger: Token) -> bool:
    """ "... have died, and more than 200 are in hospital": the number's own predicate, not the
    trigger ("40 died in hospital"), puts the people where the hurt are cared for (rules
    count_link.care_words), so they are not the dead."""
    care = rules()["count_link"]["care_words"]
    arg = noun.head if noun.dep_ == "conj" else noun
    if arg.dep_ == "pobj" and arg.head.lower_ == "with":  # "with 12 people in intensive care"
        preps = [p for p in arg.children if p.dep_ == "prep" and p.lower_ == "in"]
    elif arg.dep_ not in ("nsubj", "nsubjpass") or arg.head.i == trigger.i:
        return False
    elif arg.head.lower_ == "in":  # "with 120 people still in hospital": the preposition is the predicate
        preps = [arg.head]
    elif arg.head.pos_ in ("VERB", "AUX"):
        preps = [p for p in arg.head.children if p.dep_ == "prep" and p.lower_ == "in"]
    else:
        return False
    return any(o.dep_ == "pobj" and o.lower_ in care for p in preps for o in p.children)


def _went_home(noun: Token) -> bool:
    """ "Some 20,000 refugees were repatriated", "5,000 refugees went back home": the people counted
    returned (rules count_link.return_verbs, back_particles)."""
    words = rules()["count_link"]
    arg = noun.head if noun.dep_ == "conj" else noun
    verb = arg.head
    if arg.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in words["return_verbs"]:
        return True
    if verb.lemma_.lower() in rules()["triggers"]["displaced"]["verbs"]:
        return False  # "fled back into the hills": flight
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in words["back_particles"] for c in verb.children)


HARMS = ("casualties", "wounded")


def _killed_or_wounded(trigger: Token, kind: str, triggers: list[tuple[Token, str]]) -> bool:
    """ "killed or wounded 150 people", "120 dead or wounded", "200 were killed or injured": a word of
    death joined to one of wounding by "or" or "and", with no number of its own between them."""
    if kind not in HARMS:
        return False
    doc = trigger.doc
    missing = rules()["count_link"]["missing_words"]
    others = [t for t, k in triggers if k != kind and k in HARMS]
    others += [t for t in doc[max(0, trigger.i - 3) : trigger.i + 4] if t.lower_ in missing]  # "dead or missing"
    for other in others:
        lo, hi = sorted((trigger.i, other.i))
        between = doc[lo + 1 : hi]
        if 1 <= len(between) <= 2 and between[0].lower_ in ("or", "and") and all(t.pos_ == "ADV" for t in between[1:]):
            return True
    return False


def _all_but(num_span: Span) -> bool:
    """ "all but five", "all except two": the number counts those left out of what the verb tells."""
    doc, start = num_span.doc, num_span.start
    return start >= 2 and doc[start - 1].lower_ in ("but", "except") and doc[start - 2].lower_ == "all"


def _singled_out(mention: NumberMention, root: Token) -> bool:
    """ "the body of one of the 58 victims": one person picked out of a toll."""
    return mention.count.low == mention.count.high == 1 and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    )


def _doers(noun: Token, triggers: list[tuple[Token, str]]) -> bool:
    """The subject of an active death, wounding or expulsion verb whose object is people ("two gunmen
    killed 12 people", "three soldiers shot dead four protesters", "ten states expelled the envoys"):
    those who did it, not those it befell."""
    verb = noun.head
    if (
        noun.dep_ == "nsubj"
        and verb.lemma_.lower() in trigger_verbs("agent_verbs")
        and any(t.i == verb.i for t, _ in triggers)
    ):
        return True  # "ten Western states expelled Syrian diplomats": whatever they expelled
    harms = [t for t, kind in triggers if kind in ("casualties", "wounded")]
    if noun.dep_ != "nsubj" or not any(
        t.i == verb.i or (t.head.i == verb.i and t.dep_ in ("oprd", "acomp")) for t in harms
    ):
        return False
    objects = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.lemma_.lower() not in ("themselves", "himself", "herself", "life")
    ]
    return any(is_person_noun(o) or any(g.dep_ == "nummod" for g in o.children) for o in objects)


def _describes_a_group(noun: Token) -> bool:
    """ "four children of one family", "two brothers from the same three villages": a number inside
    what describes people counted by another number is no count of its own."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "from"):
        return False
    held = noun.head.head
    return held.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" and c.like_num for c in held.children)


def _part_of_dead(root: Token, triggers: list[tuple[Token, str]]) -> Link | None:
    """ "Ten of those killed were children", "44 of the people he shot were at the mosque": a number
    whose "of" names the dead by a clause on them counts a part of the dead; what the part is comes
    from the predicate (a person noun there, or its place)."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for base in (c for c in prep.children if c.dep_ == "pobj"):
            for trigger, kind in triggers:
                if trigger.head == base and trigger.dep_ in ("relcl", "acl"):
                    attr = next((c for c in root.head.children if c.dep_ == "attr" and is_person_noun(c)), None)
                    return Link(trigger, kind, attr or base)
    return None


def _listed_dead(noun: Token, triggers: list[tuple[Token, str]]) -> Link | None:
    """ "The dead included the army chief, two cabinet ministers and three crew members", "those killed
    included a journalist, two doctors and four nurses", "the dead included two ministers": a word for
    people (WordNet's) listed as what the dead included, or said to be among the dead, counts some of
    them, whatever the list's first member is."""
    head = list_head(noun)
    verb = head.head
    if not (is_person_noun(noun) or noun.lemma_.lower() in people_nouns()):
        return None
    if head.dep_ in ("nsubj", "attr") and verb.lemma_.lower() == "be":
        return _among_the_dead(verb, noun, triggers)
    if head.dep_ != "dobj" or verb.lemma_.lower() not in rules()["scope"]["part_verbs"]:
        return None
    subject = next(
        (t for t, kind in triggers if kind == "casualties" and t.dep_ == "nsubj" and t.head.i == verb.i), None
    )
    return Link(subject, "casualties", noun) if subject is not None else None


def _among_the_dead(verb: Token, noun: Token, triggers: list[tuple[Token, str]]) -> Link | None:
    """ "Among the dead were two ministers", "two ministers were among those killed": the dead's word
    (or the verb that killed "those") is the count's trigger."""
    dead = [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "among" for g in p.children if g.dep_ == "pobj"
    ]
    if not dead or not _the_dead(dead[0]):
        return None
    inside = {t.i for t in dead[0].subtree}
    trigger = next((t for t, kind in triggers if kind == "casualties" and t.i in inside), None)
    return Link(trigger, "casualties", noun) if trigger is not None else None


def _victims_counted(sent: Span, triggers: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "Eighty of the victims were children", "among the victims were 182 women": "the victims" told
    before, some of whom a number counts, are the dead, as "the dead" would be; "victims" alone is no
    trigger (a victim of a crime, a victims' group)."""
    dead = rules()["count_link"]["dead_nouns"]
    taken = {t.i for t, _ in triggers}
    found = []
    for tok in sent:
        if tok.i in taken or tok.lemma_.lower() not in dead or tok.dep_ != "pobj" or not _the_dead(tok):
            continue
        prep = tok.head
        number = prep.head
        # "Eighty of the victims were children": who some of them were, not what they did ("two of the
        # victims spoke")
        counted = prep.lower_ == "of" and number.like_num and number.i < prep.i and _told_who(number)
        if counted or (prep.lower_ == "among" and prep.head.lemma_.lower() == "be"):
            found.append((tok, "casualties"))
    return found


def _told_who(number: Token) -> bool:
    """The counted are told as who they were: the subject of "were" with what they were."""
    verb = number.head
    return number.dep_ == "nsubj" and verb.lemma_.lower() == "be" and any(c.dep_ == "attr" for c in verb.children)


def _dead_who_include(sent: Span, triggers: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "The victims included 49 children", "those killed included 20 officers": the subject of a
    part verb that names the dead counts them (issue #8); "victims" alone is no trigger (a victim
    of a crime, a victims' group)."""
    part_verbs = rules()["scope"]["part_verbs"]
    dead = rules()["count_link"]["dead_nouns"]
    killed = {t.i for t, kind in triggers if kind == "casualties"}
    found = []
    for tok in sent:
        if tok.dep_ != "nsubj" or tok.i in killed or tok.head.lemma_.lower() not in part_verbs:
            continue
        if not any(c.dep_ == "dobj" for c in tok.head.children):
            continue
        if tok.lemma_.lower() in dead or any(c.dep_ in ("acl", "relcl") and c.i in killed for c in tok.children):
            found.append((tok, "casualties"))
    return found


def _added(num_span: Span, noun: Token) -> str | None:
    """ "another 50 bodies", "a further 12", "it includes 64 bodies": more people, or some of them."""
    sc = rules()["scope"]
    before = num_span.doc[num_span.start - 1] if num_span.start > 0 else None
    if before is not None and before.lower_ in sc["added_markers"]:
        return before.lower_
    after = num_span.doc[num_span.end] if num_span.end < len(num_span.doc) else None
    if after is not None and after.lower_ in sc["added_after"]:
        return after.lower_  # "killing three more children": besides those told before
    listed = list_head(noun)  # "included the army chief, two ministers and three crew members"
    if listed.dep_ == "dobj" and listed.head.lemma_.lower() in sc["part_verbs"]:
        return "included"
    if _of_them(num_span, noun) or _of_the_dead(noun) or _share_of_a_total(num_span):
        return "of them"
    if _of_the_wounded(noun):
        return "more"  # "two of the injured later died": deaths besides those counted at once
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in sc["seen_verbs"] and _witness(noun.head):
        return "seen"  # "a correspondent saw dozens of bodies": what one witness saw, some of the dead
    if _earlier(noun):
        return "earlier"
    return None


def _series_toll(trigger: Token) -> str | None:
    """ "militants behind bombings and other attacks that have killed more than 70 civilians": the
    running toll of a series of acts, told as background, not the event's own (FAILURE_MODES 17).
    Only the perfect of a clause on a plural act noun: "the attacks that killed 130" is the event's."""
    if trigger.dep_ != "relcl" or trigger.head.tag_ != "NNS":
        return None
    acts = set(rules()["initiator"]["attack_nouns"])
    if trigger.head.lemma_.lower() not in acts:
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children)
    return "earlier" if perfect else None


def _earlier_period(trigger: Token) -> str | None:
    """ "ten people were killed in the week before the shooting", "in the preceding days": people
    killed in a period before the event's own, besides its toll (issue #8)."""
    sc = rules()["scope"]
    marks = set(sc["earlier_markers"]) | {"before", "preceding"}
    holders = [trigger, trigger.head] if trigger.dep_ in ("acl", "relcl", "amod") else [trigger]
    # "the deaths of the preceding days": a death noun's time may follow it with "of"
    preps = ("in", "during", "over", "of") if trigger.pos_ == "NOUN" else ("in", "during", "over")
    for _ in range(2):  # "killed in clashes in the week before": the time may hang on the event noun
        objs = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        for when in (g for g in objs if g.lemma_.lower() in sc["time_nouns"]):
            if any(t.lower_ in marks for t in when.subtree if t.i != when.i):
                return "earlier"
        holders = objs
    return "earlier" if _earlier_in_the_war(trigger) else None


SAME_DAY_PARTS = frozenset({"day", "night", "morning", "afternoon", "evening"})  # "earlier in the day": its own


@lru_cache(maxsize=1)
def _stretches() -> frozenset[str]:
    """A war or a stretch of time longer than the event's day (read once: asked of every count)."""
    sc, ini = rules()["scope"], rules()["initiator"]
    return (frozenset(sc["time_nouns"]) | frozenset(ini["war_nouns"])) - SAME_DAY_PARTS


def _earlier_in_the_war(trigger: Token) -> bool:
    """ "had lost 40 residents to shelling earlier in the war", "earlier in the conflict, 40 were
    killed": people killed before the event, in the war or a stretch it is part of (issue #8); not
    "earlier in the day", the event's own."""
    stretches = _stretches()
    for tok in trigger.sent:
        if tok.lower_ not in ("earlier", "previously") or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "in":
            continue
        if any(g.dep_ == "pobj" and g.lemma_.lower() in stretches for g in tok.nbor().children):
            return True
    return False


def _witness(verb: Token) -> bool:
    """Someone saw it ("a reporter saw"), not a time or an event that did ("the battle saw 334 killed")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    return bool(subjects) and not any(s.lemma_.lower() in _event_or_time_nouns() for s in subjects)


@lru_cache(maxsize=1)
def _event_or_time_nouns() -> frozenset[str]:
    ini, sub = rules()["initiator"], rules()["sub_event"]
    words = [*ini["war_nouns"], *ini["attack_nouns"], *ini["violence_nouns"], *sub["whole_event"]]
    return frozenset(words) | frozenset(rules()["scope"]["time_nouns"])


def _earlier(noun: Token) -> bool:
    """ "joining some 200,000 who had fled earlier waves of violence": people counted in a period
    before the event's, besides its own (issue #8)."""
    marks = set(rules()["scope"]["earlier_markers"])
    for clause in (c for c in noun.children if c.dep_ in ("relcl", "acl")):
        if any(t.lower_ in marks for t in clause.subtree):
            return True
    return False


def _share_of_a_total(num_span: Span) -> bool:
    """ "In all, 48 people died: six in the centre and 42 at the hall": numbers listed after a total,
    on its verb or in apposition to its people, are its shares, not rival tolls (issue #8)."""
    tok = list_head(num_span.root)
    head = tok.head
    if tok.i <= head.i or tok.i == 0 or tok.doc[tok.i - 1].text not in (":", ",", ";"):
        return False  # "two gunmen killed 12": an object, not a share listed after the total
    if tok.dep_ == "appos":
        return any(c.dep_ == "nummod" and c.like_num for c in head.children)
    if tok.dep_ not in ("npadvmod", "dobj") or head.pos_ not in ("VERB", "AUX"):
        return False
    subjects = (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(g.dep_ == "nummod" and g.like_num for subj in subjects for g in subj.children)


def _of_them(num_span: Span, noun: Token) -> bool:
    """ "Of them, about 100,000 crossed the border", "Among the dead were 12 children": a part of a
    count told before (issue #8)."""
    pronouns = set(rules()["count_link"]["partitive_pronouns"])
    heads = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass", "attr") else [noun]
    return any(
        c.dep_ == "prep" and c.lower_ in ("of", "among") and c.i < num_span.start
        and any(g.dep_ == "pobj" and (g.lower_ in pronouns or _the_dead(g)) for g in c.children)
        for h in heads
        for c in h.children
    )  # fmt: skip


def _the_dead(tok: Token) -> bool:
    """ "the dead", "the victims", "those killed", "those who died": the people a count told before
    counted."""
    if tok.lower_ == "those":
        verbs = rules()["triggers"]["casualties"]["verbs"]
        return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs for c in tok.children)
    return tok.lemma_.lower() in _dead_nouns() and any(d.lower_ == "the" for d in tok.children)


def _of_the_wounded(noun: Token) -> bool:
    """ "Two of the wounded later died in hospital": people who died of their wounds after the first
    count, besides those killed outright; never a rival figure for the toll (issue #8)."""
    wounded = rules()["triggers"]["wounded"]
    words = frozenset(wounded["nouns"]) | frozenset(wounded["adjectives"])
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and c.i > noun.i
        and any(g.dep_ in ("pobj", "amod") and g.lower_ in words for g in c.children)
        for c in noun.children
    )


@lru_cache(maxsize=1)
def _dead_nouns() -> frozenset[str]:
    return frozenset(rules()["triggers"]["casualties"]["nouns"]) | frozenset(rules()["count_link"]["dead_nouns"])


def _of_the_dead(noun: Token) -> bool:
    """ "Eighty-nine of the victims were killed at the hall": some of the dead told before, not a
    toll of its own (issue #8)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and c.i > noun.i
        and any(g.dep_ == "pobj" and _the_dead(g) for g in c.children)
        for c in noun.children
    )


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _topic_hits(ctx: DocContext, sent: Span) -> list[CountHit]:
    """ "French officials put it at 1,020": the figures of a toll an earlier sentence named
    (claims.count_topic), counting the people it named."""
    topic = toll_topic(ctx, sent)
    if topic is None:
        return []
    trigger, kind = topic
    people = topic_people(trigger)
    hits = []
    for mention in ctx.numbers_in(sent.start_char, sent.end_char):
        num_span = _number_span(ctx, sent, mention)
        if num_span is None:
            continue
        root = _number_root(num_span)
        figure = figure_of(root, _counted_noun(root, num_span), num_span)
        if figure is None:
            continue
        scope = scope_text(people, how_many(people) or _own_figure(people) or num_span, trigger, ctx.aliases)
        counted = tuple(range(num_span.start, num_span.end))
        hits.append(CountHit(kind, mention, mention.count, figure, trigger, scope, counted, told_by=figure))
    return hits


def _own_figure(people: Token) -> Span | None:
    """ "No more than 25,000 people were killed": the figure an earlier sentence gave the people, no word
    of whom they are."""
    own = [c for c in people.children if c.dep_ == "nummod"]
    if not own:
        return None
    words = [t.i for c in own for t in c.subtree]
    return people.doc[min(words) : max(words) + 1]


def find_count_hits(ctx: DocContext, sent: Span) -> list[CountHit]:
    """Every count of people killed, wounded or displaced in one sentence."""
    triggers = [(t, k) for t in sent if (k := trigger_kind(t))]
    triggers += _dead_who_include(sent, triggers)
    triggers += _victims_counted(sent, triggers)
    harm = [(t, "casualties") for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in _harm_verbs()]
    hits: list[CountHit] = _stated_zeros(triggers + harm, ctx.aliases)
    survived = _survivor_tolls(sent, ctx.aliases)
    hits += survived
    if not triggers:
        return hits + _topic_hits(ctx, sent)
    wholes: list[Whole] = []
    unread = []
    for mention in [*ctx.numbers_in(sent.start_char, sent.end_char), *single_deaths(sent, triggers)]:
        if any(h.number.start <= mention.start < h.number.end for h in survived):
            continue  # "none of the 269 aboard survived": their toll is read already
        hit = _hit(ctx, sent, mention, triggers, wholes)
        if hit is not None:
            hits.append(hit)
            tokens = frozenset((*hit.counted, hit.trigger.i))
            wholes.append(Whole(tokens, min(hit.counted), hit.trigger, hit.kind, hit.added))
        else:
            unread.append(mention)
    return hits + _rival_hits(ctx, sent, unread, hits, triggers)


def _rival_hits(ctx: DocContext, sent: Span, unread: list[NumberMention], hits: list[CountHit],
                triggers: list[tuple[Token, str]]) -> list[CountHit]:  # fmt: skip
    """ "..., while others say 15,000 to 20,000 is closer to the truth": a bare figure of a clause set
    against the toll's, counting the toll's people (claims.count_rival)."""
    tolls = [h for h in hits if h.kind in ("casualties", "displaced") and h.told_by is None]
    if not tolls or not unread:
        return []
    taken = {i for h in hits for i in h.counted}
    harm = {t.i for t, _ in triggers}
    general = set(rules()["scope"]["general"])
    found = []
    for mention in unread:
        num_span = _number_span(ctx, sent, mention)
        if num_span is None or any(num_span.start <= i < num_span.end for i in taken):
            continue
        root = _number_root(num_span)
        noun = _counted_noun(root, num_span)
        if not (num_span.start <= noun.i < num_span.end or noun.lemma_.lower() in general):
            continue  # "50 years", "3 divisions": no figure of people
        clause = rival_clause(root, [h.trigger for h in tolls], harm)
        if clause is None:
            continue
        toll = max((h for h in tolls if h.trigger.i < clause.i or h.number.start < mention.start),
                   key=lambda h: h.number.start, default=tolls[0])  # fmt: skip
        counted = tuple(range(num_span.start, num_span.end))
        found.append(replace(toll, number=mention, count=mention.count, noun=noun, counted=counted, told_by=clause))
    return found
