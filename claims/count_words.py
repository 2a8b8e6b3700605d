"""The words that make a count (issue #2, #8): trigger lemmas of each kind ("killed",
"fled", "wounded") with their guards, and which nouns count people.

All of it is data in claims/data/rules.json; this module only indexes it.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.rules import rules


@lru_cache(maxsize=1)
def _triggers() -> dict[str, tuple[str, set[str]]]:
    """lemma/lower form -> (kind, allowed POS)."""
    table: dict[str, tuple[str, set[str]]] = {}
    for kind, groups in rules()["triggers"].items():
        for word in groups["verbs"]:
            table.setdefault(word, (kind, {"VERB"}))
        for word in groups["nouns"] + groups["adjectives"]:
            kind_pos = table.get(word, (kind, set()))
            table[word] = (kind_pos[0], kind_pos[1] | {"NOUN", "ADJ", "VERB", "PROPN"})
    return table


def _headline(tok: Token) -> bool:
    """ "Market Blast Kills 40 Shoppers": most words of the line capitalised, so the tagger's POS
    is unreliable (issue #8). A title is often parsed into one sentence with the line after it."""
    sent = tok.sent
    breaks = [t.i for t in sent if "\n" in t.text]
    start = max([b for b in breaks if b < tok.i], default=sent.start - 1) + 1
    end = min([b for b in breaks if b > tok.i], default=sent.end)
    words = [t for t in tok.doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


GUARD_REACH = 12  # tokens: how far in the trigger's own phrase a guard word may stand


@lru_cache(maxsize=1)
def _fatal_words() -> tuple[frozenset[str], frozenset[str]]:
    """(fatal verbs, fatal adverbs): read once, for trigger_kind runs on every token."""
    words = rules()["count_link"]
    return frozenset(words["fatal_verbs"]), frozenset(words["fatal_adverbs"])


def _fatal(tok: Token) -> str | None:
    """ "fatally wounded", "mortally injured", "fatally shot": a wound that killed (rules
    count_link.fatal_adverbs on one of fatal_verbs)."""
    verbs, adverbs = _fatal_words()
    if tok.lower_ in adverbs and fatal_part(tok) is not None:
        return "casualties"
    if tok.lemma_.lower() in verbs and any(
        c.dep_ == "advmod" and c.lower_ in adverbs and fatal_part(c) is None for c in tok.children
    ):
        return "casualties"
    return None


def fatal_part(adverb: Token) -> Token | None:
    """ "hitting 30 people, 9 of them fatally": the number of the part the adverb tells the deaths of
    (not of everyone the verb hit, so the adverb is the part's trigger and the verb's object no toll)."""
    before = adverb.doc[max(adverb.i - 3, 0) : adverb.i]
    _verbs, adverbs = _fatal_words()
    if adverb.lower_ not in adverbs or len(before) < 3:
        return None
    return before[0] if before[0].like_num and before[1].lower_ == "of" and before[2].pos_ == "PRON" else None


def trigger_kind(tok: Token) -> str | None:
    """The claim kind a word announces ("killed" -> casualties), if its guard words are near."""
    fatal = _fatal(tok)
    if fatal:
        return fatal
    table = _triggers()
    guards = rules()["trigger_guards"]
    capital = tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper()
    forms = [tok.lemma_.lower(), tok.lower_]
    singulars = _singulars(tok.text) if capital else []
    if not any(form in table for form in [*forms, *singulars]):
        return _phrasal_kind(tok)  # no form is a trigger: whether the line is a headline cannot matter
    headline = capital and _headline(tok)
    forms += singulars if headline else []
    for form in forms:
        if form in table:
            kind, pos = table[form]
            if tok.pos_ not in pos and not (tok.pos_ == "AUX" and "VERB" in pos) and not headline:
                continue
            if unrealised(tok):
                return None
            vetoes = rules()["trigger_vetoes"].get(form)
            if vetoes and any(t.lemma_.lower() in vetoes or t.lower_ in vetoes for t in tok.sent):
                return None  # "the number of victims rose to 300, including 120 injured": not only the dead
            need = guards.get(form)
            if need:
                # near in the line, or in the trigger's own phrase however long its number ("forced two
                # million people from their homes")
                window = tok.doc[max(tok.sent.start, tok.i - 8) : min(tok.sent.end, tok.i + 6)]
                own = (t for t in tok.subtree if abs(t.i - tok.i) <= GUARD_REACH)
                if not any(t.lemma_.lower() in need or t.lower_ in need for t in (*window, *own) if t.i != tok.i):
                    return None
            return kind
    return _phrasal_kind(tok)


@lru_cache(maxsize=1)
def _phrasal() -> dict[str, tuple[str, frozenset[str]]]:
    """verb lemma -> (kind, the particles that make it one): "gun down", "mow down" (issue #8)."""
    return {
        verb: (kind, frozenset(particles))
        for kind, groups in rules()["triggers"].items()
        for verb, particles in groups.get("phrasal_verbs", {}).items()
    }


def _phrasal_kind(tok: Token) -> str | None:
    """The kind a verb announces with its particle ("gunned down 12 protesters"), else None."""
    found = _phrasal().get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if found is None or unrealised(tok):
        return None
    kind, particles = found
    particle = next((c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ in particles), None)
    if particle is None:
        return None  # the parser takes the particle for an adverb as often
    # "shot down 69 strikers", not "shot down the airliner with 298 people aboard": people struck
    struck = [c for c in (*tok.children, *particle.children) if c.dep_ in ("dobj", "nsubjpass", "pobj")]
    return kind if all(_people_struck(o) for o in struck) else None


def _people_struck(obj: Token) -> bool:
    """ "69 strikers", "69 of the marchers", "eleven farmhands": people, or a number of someone; not "the
    airliner", nor "71 of 103 cruise missiles"."""
    if obj.like_num:
        whole = [
            g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        return all(is_person_noun(g) or g.pos_ == "PRON" for g in whole)
    return is_person_noun(obj) or any(c.dep_ == "nummod" for c in obj.children)


def unrealised(tok: Token) -> bool:
    """ "40 attempted murders", "tried to flee": the act a trigger names did not happen."""
    words = rules()["unrealised"]
    if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in words["modifiers"] for c in tok.children):
        return True
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if before is not None and before.lower_ in words["modifiers"]:
        return True
    if _possible_only(tok, words["modals"]) or _counterfactual(tok, words["counterfactual_modals"]):
        return True
    head = tok.head
    # "tried to flee"; "sends tens of thousands to die in a war": what they were sent to do
    infinitive = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return (tok.dep_ == "xcomp" or infinitive) and head.lemma_.lower() in words["heads"]


def _possible_only(tok: Token, modals: list[str]) -> bool:
    """ "a breach could kill up to 1,000 people", "thousands may die": a verb under a modal tells what
    might happen. "may have killed 200" is a hedged report of what did; an adjective ("200 may be
    dead") hedges a present state, so only verbs are read."""
    if tok.pos_ != "VERB":
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    modal = any(c.tag_ == "MD" and c.lower_ in modals for c in auxes)
    return modal and not any(c.lemma_.lower() == "have" for c in auxes)


def _counterfactual(tok: Token, modals: list[str]) -> bool:
    """ "Had the crowd obeyed, no one would have been hurt", "hundreds could have died": a verb under
    "would have" or "could have" tells what did not happen."""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return any(c.tag_ == "MD" and c.lower_ in modals for c in auxes) and any(c.lemma_.lower() == "have" for c in auxes)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """ "12 members of the security forces": a role named after the noun still says who."""
    return frozenset(w for words in rules()["scope"]["roles"].values() for w in words)


@lru_cache(maxsize=1)
def figure_words() -> tuple[frozenset[str], frozenset[str]]:
    """(figure nouns: "toll", "number"; light verbs: "put", "stand") of a figure told as a value
    (rules figure_nouns, count_link.light_verbs), read once for every count reader."""
    return frozenset(rules()["figure_nouns"]), frozenset(rules()["count_link"]["light_verbs"])


@lru_cache(maxsize=1)
def person_words() -> frozenset[str]:
    sc = rules()["scope"]
    words = set(sc["people_nouns"]) | set(sc["general"]) | set(sc["person_kinds"])
    for role in sc["roles"].values():
        words |= set(role)
    words |= figure_words()[0]
    for groups in rules()["triggers"].values():
        words |= set(groups["nouns"]) | set(groups["adjectives"])
    return frozenset(words)


def _singulars(word: str) -> list[str]:
    """ "Protesters" -> "protester", "casualties" -> "casualty", "gunmen" -> "gunman": headline
    capitals leave spaCy's lemma as written (issue #8)."""
    w = word.lower()
    forms = [w]
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("men"):
        forms.append(w[:-3] + "man")
    return forms


def is_person_noun(tok: Token) -> bool:
    """A noun that names people: the lexicon, or an ending that makes people ("activists",
    "reservists", "gunmen") held as data (issue #8, FAILURE_MODES 12)."""
    words = person_words()
    forms = [tok.lemma_.lower(), *_singulars(tok.text)]
    if any(f in words for f in forms):
        return True
    suffixes = rules()["scope"]["person_suffixes"]
    return tok.pos_ in ("NOUN", "PROPN") and any(f.endswith(x) and len(f) > len(x) + 2 for f in forms for x in suffixes)


@lru_cache(maxsize=1)
def _bound_heads() -> frozenset[str]:
    """The head words of the bounds written with "of" ("upwards of", "a minimum of", "in excess of";
    rules qualifiers), which the parser may make the noun the number's people hang on."""
    phrases = (q for group in rules()["qualifiers"].values() if isinstance(group, list) for q in group)
    return frozenset(q.split()[-2] for q in phrases if q.endswith(" of") and len(q.split()) >= 2)


def argument_noun(noun: Token) -> Token:
    """The noun that stands as the verb's argument for a counted noun: the first of a coordination
    ("30 soldiers and 20 [civilians]"), or the noun the parser hung it on as a modifier ("800,000
    Tutsi and moderate Hutu were killed", parsed as "Tutsi" modifying "Hutu")."""
    arg = noun if noun.dep_ != "conj" else noun.head
    if arg.dep_ == "nmod" and arg.head.pos_ in ("NOUN", "PROPN"):
        arg = arg.head
    # "Upwards of 300 people are thought to have died": the bound word the parser made the subject
    if arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.lower_ in _bound_heads():
        arg = arg.head.head
    return arg


def _argument_of_trigger(noun: Token, triggers: list[tuple[Token, str]]) -> bool:
    """Any plural noun that is the subject or object of a death verb counts people: "the clashes
    killed 25 [regulars]" (issue #8, FAILURE_MODES 12)."""
    if noun.tag_ not in ("NNS", "NNPS") and not _named_group(noun):
        return False
    arg = argument_noun(noun)
    head = arg.head
    if any(t.dep_ == "acl" and t.head.i == noun.i and t.pos_ == "VERB" for t, _ in triggers):
        return True  # "reported 40 Contras killed": the reduced relative's own subject
    return arg.dep_ in ("nsubj", "nsubjpass", "dobj") and any(t.i == head.i and t.pos_ == "VERB" for t, _ in triggers)


def _named_group(noun: Token) -> bool:
    """ "killed 128 Viet Cong", "20 Taliban were killed": a group's proper name counted by a number
    before it names its members, though the tagger makes it singular."""
    return noun.tag_ == "NNP" and any(c.dep_ == "nummod" and c.i < noun.i for c in noun.children)


def counts_people(noun: Token, num_span: Span, ctx: DocContext, triggers: list[tuple[Token, str]]) -> bool:
    """Only numbers of people are casualty counts: not "two warnings", "300 settlements"."""
    if num_span.start <= noun.i < num_span.end:
        return True
    if is_person_noun(noun):
        return True
    if noun.ent_type_ == "NORP" or ctx.aliases.resolve(noun.text):
        return True
    if _argument_of_trigger(noun, triggers):
        return True
    return noun.pos_ == "VERB"  # "were killed": the number is the subject itself


@lru_cache(maxsize=8)
def trigger_verbs(key: str) -> frozenset[str]:
    """One of the trigger kinds' verb lists ("object_verbs", "civilian_verbs", "agent_verbs"), over
    every kind."""
    return frozenset(w for groups in rules()["triggers"].values() for w in groups.get(key, []))


def fits_trigger(trigger: Token, noun: Token, num_root: Token) -> bool:
    """ "lost 14 soldiers": "lose" counts its own object only; "20,000 troops crossed into": a
    displacement verb of movement never counts fighters (issue #8)."""
    objects, civilian = trigger_verbs("object_verbs"), trigger_verbs("civilian_verbs")
    lemma = trigger.lemma_.lower()
    if lemma in objects and (
        not ({noun.i, num_root.i} & {c.i for c in trigger.children if c.dep_ == "dobj"}) or not is_person_noun(noun)
    ):
        return False
    if lemma in civilian:
        combatant = set(rules()["scope"]["roles"].get("combatant", [])) | set(
            rules()["scope"]["roles"].get("police", [])
        )
        if any(f in combatant for f in [noun.lemma_.lower(), *_singulars(noun.text)]):
            return False
    return True


NOBODY = frozenset({"nobody", "none", "noone"})


def says_no_one(subject: Token, *, not_one: bool = False) -> bool:
    """ "nobody", "none", "no one" (and with `not_one`, "not one"): a subject stated to be no one
    (claims.extract_counts stated zeros, claims.count_survivors)."""
    if subject.lower_ in NOBODY:
        return True
    if subject.lower_ != "one":
        return False
    return any(c.lower_ == "no" or (not_one and c.dep_ == "neg") for c in subject.children)
