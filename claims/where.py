"""Where a count happened, when that is not the event's own place (issue #8).

"At least 70 were killed in Marova" and "53 died in the camp" count different
people. A count's place is a named place (not a state: nations are read as
parties) in a prepositional phrase on its trigger or counted noun. The
document's own main places are not a sub-scope: "killed in Dessel" in an
account of Dessel is the whole event. Parts of an event named by an event noun
("in the explosion", "in the shelling") are not read: accounts use those words
for the whole event as often as for a part.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claims.actors import AliasTable
from claims.rules import rules
from claims.tree import entities

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NESTED = {"prep", "relcl", "acl", "appos", "conj"}  # a phrase's own words stop where another phrase begins
MAIN_PLACE_SHARE = 0.5  # a place named at least half as often as the most named one is the event's own


@lru_cache(maxsize=1)
def _preps() -> frozenset[str]:
    return frozenset(rules()["where"]["place_preps"])


def main_places(doc: Doc, aliases: AliasTable) -> frozenset[str]:
    """The places a document keeps naming: the event's own, never a sub-scope of it."""
    counts: Counter[str] = Counter()
    for ent in entities(doc):
        if ent.label_ in PLACE_LABELS:
            counts[_place_name(ent.text, aliases)] += 1
    if not counts:
        return frozenset()
    first = next(iter(counts))  # the lead names the event's place first
    floor = max(2, MAIN_PLACE_SHARE * counts.most_common(1)[0][1])
    return frozenset({first} | {name for name, n in counts.items() if n >= floor})


def counted_places(own: frozenset[str], wheres: list[str]) -> list[str]:
    """Where a document counts: its own main places and the places on its counts ("in Marova"),
    lower case. A count elsewhere is of elsewhere only against an account that counts nothing there."""
    names = [*sorted(own), *(w.split(" ", 1)[1] for w in wheres if " " in w)]
    return list(dict.fromkeys(n.lower() for n in names))


def _place_name(text: str, aliases: AliasTable) -> str:
    return (aliases.canonical(text) or text).removeprefix("the ").strip()


def _entity_of(tok: Token) -> Span | None:
    if tok.ent_type_ not in PLACE_LABELS:
        return None
    return next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)


def _from_prep(prep: Token, aliases: AliasTable, own: frozenset[str]) -> str | None:
    if prep.dep_ != "prep" or prep.lower_ not in _preps():
        return None
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        found = _place_phrase(prep.lower_, obj, aliases, own)
        if found is not None:
            return found or None
    return None


def _place_phrase(prep: str, obj: Token, aliases: AliasTable, own: frozenset[str]) -> str | None:
    """ "in Marova": the first tagged place of the object's own phrase ("" for a state or the
    document's own place: no place of the count's), else a name the tagger missed when its sentence
    sets two or more sites apart; None when the phrase names no place."""
    phrase = _own_phrase(obj)
    for tok in phrase:
        ent = _entity_of(tok)
        if ent is not None:
            name = _place_name(ent.text, aliases)
            if aliases.kind(aliases.resolve(name) or "") == "state" or name in own:
                return ""
            return f"{prep} {name}"
    town = _town_of(obj)
    if town is not None:
        name = _place_name(town, aliases)
        return "" if name in own or aliases.kind(aliases.resolve(name) or "") == "state" else f"{prep} {name}"
    named = _untagged_name(obj, phrase)
    if named is not None and not aliases.resolve(named) and len(_untagged_places(obj.sent)) >= 2:
        return f"{prep} {named}"
    return None


def _town_of(obj: Token) -> str | None:
    """ "in the border town of Kiryat Shmona": a settlement word named by the proper name after "of",
    whatever the tagger calls the name (rules initiator.settlement_nouns)."""
    if obj.lemma_.lower() not in rules()["initiator"]["settlement_nouns"]:
        return None
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for name in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            return compound_name(name)
    return None


def compound_name(name: Token) -> str:
    """A proper noun with the proper nouns compounded before it: "Kiryat Shmona", "Khan Shaykhun"."""
    words = [t for t in name.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return name.doc[(words[0].i if words else name.i) : name.i + 1].text


def _where_head(trigger: Token) -> Token | None:
    """ "at El Pozo, where 67 people died": the place a where-clause with the count describes."""
    if trigger.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in trigger.children):
        return None
    return trigger.head if trigger.head.pos_ in ("NOUN", "PROPN") else None


def _where_clause_place(trigger: Token, aliases: AliasTable, own: frozenset[str]) -> str | None:
    place = _where_head(trigger)
    if place is None:
        return None
    prep = place.head.lower_ if place.dep_ == "pobj" and place.head.lower_ in _preps() else "in"
    return _place_phrase(prep, place, aliases, own) or None


def _untagged_places(sent: Span) -> set[str]:
    """The sites a sentence names by proper nouns the tagger missed; only a sentence that gives a
    second figure its own site ("41 at one mosque and seven at another") tells its counts apart by
    them: a single site is most often the event's own."""
    gapped = any(
        t.like_num and t.dep_ in ("conj", "npadvmod", "appos") and any(c.dep_ == "prep" for c in t.children)
        for t in sent
    )
    # "at El Pozo, where 67 died, and at calle Téllez, where 64 died": sites told by where-clauses
    wheres = [h for h in (_where_head(t) for t in sent) if h is not None]
    if not gapped and not wheres:
        return set()
    found = {n for h in wheres if (n := _site_name(h)) is not None}
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in _preps():
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                named = _untagged_name(obj, _own_phrase(obj))
                if named is not None:
                    found.add(named)
    return found


def _site_name(tok: Token) -> str | None:
    """A where-clause's place, tagged as one or not."""
    ent = _entity_of(tok)
    return ent.text if ent is not None else _untagged_name(tok, _own_phrase(tok))


def _untagged_name(obj: Token, phrase: list[Token]) -> str | None:
    """ "at the Al Noor mosque": a building or site named by proper nouns the entity tagger left
    untagged (or tagged as a person or group) is still a place."""
    if obj.ent_type_ in PLACE_LABELS or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    names = [t for t in phrase if t.pos_ == "PROPN" and t.text[:1].isupper() and t.i <= obj.i]
    if not names or any(t.ent_type_ in ("DATE", "TIME", "NORP") for t in names):
        return None
    return obj.doc[names[0].i : obj.i + 1].text


CROSSING_WINDOW = 10  # tokens after a count within which a crossing verb is its own, parse or not


def crossing_after(count: Span) -> str | None:
    """ "some 75,000 refugees, mostly women and children, had crossed": a parse may hang the count
    elsewhere; a crossing verb soon after it, with no other figure between, is still its own."""
    sent = count.sent
    for tok in count.doc[count.end : min(sent.end, count.end + CROSSING_WINDOW)]:
        if tok.like_num:
            return None
        if tok.pos_ == "VERB" and tok.lemma_.lower() in rules()["where"]["crossing_verbs"]:
            return "across the border"
    return None


def destination(trigger: Token, aliases: AliasTable) -> str | None:
    """ "fled to Chad" -> "in Chad", "crossed the border" -> "across the border": displaced people
    who left the country are a part of all who fled (issue #8), a state included."""
    words = rules()["where"]
    # "75,000 refugees had crossed": a trigger noun's own verb tells where they went
    verbs = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" and trigger.head.pos_ == "VERB" else [])
    for verb in verbs:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in words["destination_preps"]):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = _entity_of(obj)
                if ent is not None:
                    return f"in {_place_name(ent.text, aliases)}"
                if obj.lemma_.lower() in words["border_words"]:
                    return "across the border"
    crossed = any(v.lemma_.lower() in words["crossing_verbs"] for v in verbs)
    return "across the border" if crossed else None


def _own_phrase(obj: Token) -> list[Token]:
    """The object's own words, not a place further down ("the school in the region of X" is at the
    school, not in X)."""
    out = [obj]
    for child in obj.children:
        if child.dep_ not in NESTED:
            out.extend(_own_phrase(child))
    return sorted(out, key=lambda t: t.i)


def contrasted(sent: Span, aliases: AliasTable) -> frozenset[str]:
    """Places a sentence sets side by side ("In Dessel, 52 died; in Marova, 70 were killed"): there
    even the document's own places tell which count is which."""
    names = set()
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in _preps():
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                ent = _entity_of(obj)
                if ent is not None:
                    name = _place_name(ent.text, aliases)
                    if aliases.kind(aliases.resolve(name) or "") != "state":
                        names.add(name)
    return frozenset(names) if len(names) >= 2 else frozenset()


@lru_cache(maxsize=1)
def _site_words() -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions, nouns) of a count's site."""
    words = rules()["where"]
    return frozenset(words["site_preps"]), frozenset(words["site_nouns"])


def site_of(trigger: Token, noun: Token) -> str | None:
    """ "at the airport", "in the metro carriage", or None: a building, vehicle or venue on the count,
    named by a common noun. Only a document that counts at two or more of them tells its counts
    apart by them (claims.extract): a single site is most often the event's own."""
    preps, sites = _site_words()
    for head in _heads(trigger, noun):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and not c.ent_type_):
                words = [c for c in obj.children if c.dep_ == "compound" and not c.ent_type_] + [obj]
                if any(w.lemma_.lower() in sites for w in words):
                    return f"{prep.lower_} {' '.join(w.lower_ for w in words)}"
    return None


def _heads(trigger: Token, noun: Token) -> list[Token]:
    """The words a count's place phrase hangs on: the counted noun first ("41 at one mosque and seven
    at another"), then its trigger, and the word a modifying trigger describes."""
    heads = [noun, trigger]
    if trigger.dep_ in ("amod", "acl", "relcl") or trigger.pos_ in ("NOUN", "ADJ"):
        heads.append(trigger.head)
    return heads


def where_of(trigger: Token, noun: Token, aliases: AliasTable, own: frozenset[str]) -> str | None:
    """ "in Marova", or None: the first place on the count other than the document's own, unless
    its sentence contrasts it with another place."""
    own = own - contrasted(trigger.sent, aliases)
    place = _where_clause_place(trigger, aliases, own)
    if place is not None:
        return place
    for head in _heads(trigger, noun):
        for child in head.children:
            found = _from_prep(child, aliases, own)
            if found:
                return found
    return None
