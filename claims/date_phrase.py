"""A dated event told as a person would name it, for the report's fact labels (issue #8): "when the
ceasefire was signed", "when Iraqi warplanes dropped chemical bombs on Halabja", "date of the
explosion at the hospital".

Read off the tree the date hangs on: the words a claim keeps for alignment (`Claim.about`) drop the
auxiliaries and keep stray clause words ("the information emerges about explosion at Hospital"),
which is right for matching and wrong for a name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.data_files import FactNamesFile, read
from claims.rules import rules
from claims.statement_time import statement_verbs
from claims.sub_event import act_nouns

MAX_WORDS = 12
# no numbers: accounts that differ on how many must not see one's figure in the fact's name
NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nmod", "case"})
NAMED_EVENTS = frozenset({"EVENT", "LAW", "FAC"})  # a proper name that is of something that happened
LIGHT_VERBS = frozenset({"make", "take", "have", "give", "do", "get"})
TIME_WORDS = frozenset({"date", "day", "time", "year", "month"})
NP_PREPS = frozenset({"of", "at", "in", "on", "near", "between"})
VERB_PREPS = frozenset({"of", "at", "in", "on", "near", "into", "against", "across", "over", "to", "from", "by"})
RELATIVE = frozenset({"which", "that", "who"})
PERSONAL = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "this", "these", "those"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def event_phrase(anchor: Token, date_span: Span) -> str:
    """ "when <clause>" for an act told by a verb, "date of <noun phrase>" for an event noun; "" when
    the tree gives no readable name (a statement, a pronoun for the doer): the label is then made
    from the claim's words (analysis.topics)."""
    skip = frozenset(range(date_span.start, date_span.end))
    if anchor.pos_ in ("VERB", "AUX"):
        told = _told_of(anchor, skip)
        if told is not None:
            return _date_of(told, skip)
        if anchor.lemma_.lower() in statement_verbs():
            return ""  # what someone said or published is dated as a statement, not named as an event
        if anchor.lemma_ == "be":  # "the Cassinga raid was an airborne attack": the raid
            subjects = [c for c in anchor.children if c.dep_ == "nsubj" and c.i not in skip]
            if subjects and _names_event(subjects[0]):
                return _date_of(subjects[0], skip)
            return ""
        if anchor.lemma_.lower() in LIGHT_VERBS and not any(c.dep_ in ("dobj", "nsubjpass") for c in anchor.children):
            return ""  # "X made (no object)": a parse that lost what was made ("were taken" has it as subject)
        clause = _clause(anchor, skip)
        return f"when {clause}" if clause else ""
    if anchor.pos_ not in ("NOUN", "PROPN") or _is_time(anchor):
        return ""
    if _names_event(anchor):
        return _date_of(anchor, skip)
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and anchor.head.pos_ in ("VERB", "AUX"):
        return event_phrase(anchor.head, date_span)  # "On 23 May the artillery opened fire": the firing
    return ""


def length_phrase(anchor: Token, length_span: Span) -> str:
    """ "how long the air defences tracked the airliner", "how long the siege lasted": a length's act
    named as its date's would be ("when ...", "date of ..."), for the report's fact label; "" when
    the tree gives no readable name."""
    named = event_phrase(anchor, length_span)
    if named.split()[1:2] and named.split()[1] in SUBJECT_PRONOUNS:
        return ""  # "how long it lasted": the claim's words name it better
    lost = [c for c in anchor.children if c.dep_ == "dobj" or (c.dep_ == "prt" and c.i >= length_span.start)]
    if named.endswith(f" {anchor.text}") and lost:
        return ""  # "how long gunmen held", "how long the shelling went": the name lost what was held, or its "on"
    if named.startswith("when "):
        return "how long " + named.removeprefix("when ")
    if named.startswith("date of "):
        return f"how long {named.removeprefix('date of ')} lasted"
    return ""


def _date_of(noun: Token, skip: frozenset[int]) -> str:
    """ "date of the explosion at the depot": an event noun with its own words."""
    return f"date of {_render(_cased(_definite(_noun_phrase(noun, skip, depth=0))))}"


def _names_event(noun: Token) -> bool:
    """An event noun ("the ceasefire"), or a proper name of an event ("the Moscow Peace Treaty"),
    not of a person, body or place."""
    words = _event_nouns()
    return noun.lemma_.lower() in words or noun.lower_ in words or noun.ent_type_ in NAMED_EVENTS


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """Nouns that name something that happens (fact_names.event_nouns, the acts of violence, wars)."""
    words = [*read("fact_names.json", FactNamesFile)[1].event_nouns, *act_nouns(), *rules()["initiator"]["war_nouns"]]
    return frozenset(w.casefold() for w in words)


def _told_of(verb: Token, skip: frozenset[int]) -> Token | None:
    """ "News spread of an explosion at the depot", "reports emerged of a massacre": the event word
    got out (fact_names.news_nouns), not the getting out."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lemma_.lower() not in _news_nouns():
        return None
    for head in (verb, subjects[0]):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "about")):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.i not in skip):
                if obj.lemma_.lower() in _event_nouns() or obj.lower_ in _event_nouns():
                    return obj
    return None


@lru_cache(maxsize=1)
def _news_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in read("fact_names.json", FactNamesFile)[1].news_nouns)


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


Item = Token | str  # a word of the text, or one the name adds ("was" of a reduced passive)


def _clause(verb: Token, skip: frozenset[int]) -> str:
    subject, plural = _subject(verb, skip)
    if not subject:
        return ""
    items: list[Item] = list(subject)
    aux = [c for c in verb.children if c.dep_ in ("auxpass", "neg") and c.i < verb.i]
    bare = not aux and not any(c.dep_ == "aux" for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in skip]
    active = any(c.dep_ == "nsubj" for c in verb.children)  # "the militia attacked on 5 May": a doer
    if bare and verb.tag_ == "VBN" and not objects and not active:  # "the people killed in Houla": they were killed
        items.append("were" if plural else "was")
    for a in aux:
        passive_been = a.dep_ == "auxpass" and a.lower_ in ("been", "being", "be")
        items.append(("were" if plural else "was") if passive_been else a)
    items.append(verb)
    items.extend(c for c in verb.children if c.dep_ in ("prt", "acomp", "oprd") and c.i not in skip)
    if objects:
        items.extend(_noun_phrase(objects[0], skip, depth=1))
    prep = _first_prep(verb, skip, after=verb.i)
    if prep and len(items) + len(prep) <= MAX_WORDS:
        items.extend(prep)
    return _render(_cased(items)) if len(items) <= MAX_WORDS else ""


def _hyphened_end(subjects: list[Token]) -> Token:
    """The first subject, or the last word of it the parser split at a hyphen into subjects of their
    own ("the co-chairs visited": "chairs")."""
    subj = subjects[0]
    doc = subj.doc
    while subj.i + 2 < subj.sent.end and doc[subj.i + 1].text == "-" and not subj.whitespace_:
        after = doc[subj.i + 2]
        if after not in subjects or doc[subj.i + 1].whitespace_:
            break
        subj = after
    return subj


def _subject(verb: Token, skip: frozenset[int]) -> tuple[list[Item], bool]:
    """The doer's (or, passive, the done-to's) words, and whether they are many."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip]
        if subjects:
            subj = _hyphened_end(subjects)
            if subj.lower_ in RELATIVE and node.dep_ == "relcl":
                subj = node.head  # "the war, which began on ...": the war began
            if subj.lower_ in SUBJECT_PRONOUNS:
                # "when he was relieved of his command": the name reads whole, and is only used when no
                # account names the doer (analysis.topics)
                return [subj], subj.lower_ in ("they", "we")
            if subj.lower_ in PERSONAL or subj.lower_ in RELATIVE or subj.pos_ not in ("NOUN", "PROPN"):
                return [], False
            if subj.text.isupper() and len(subj.text) > 3 and subj.ent_type_ == "GPE":
                return [], False  # "MADRID - the court convicted": the dateline's city is no doer
            return _noun_phrase(subj, skip, depth=1, right=node.i > subj.i), _plural(subj)
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            head = node.head  # "the people killed in Houla"
            return _noun_phrase(head, skip, depth=1, right=False), _plural(head)
        if node.dep_ != "conj":
            break
        node = node.head  # "troops entered the town and opened fire": their subject
    return [], False


def _plural(tok: Token) -> bool:
    return tok.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in tok.children)


def _noun_phrase(noun: Token, skip: frozenset[int], depth: int, right: bool = True) -> list[Item]:
    """The noun with the words before it that name it ("the major military operation", "Spain's
    National Court"), a number after it ("School No. 1") and, once, a short place or "of" phrase
    after it ("the shelling of Tskhinvali")."""
    left = [t for t in noun.subtree if t.i < noun.i and t.i not in skip and _modifies(t, noun)]
    owned_then = any(t.dep_ == "poss" and t.head.i == noun.i and _a_time(t, noun) for t in left)
    left = sorted((t for t in left if not _a_time(t, noun)), key=lambda t: t.i)
    while left and (left[0].dep_ == "case" or left[0].is_punct):
        left.pop(0)  # "'s suicide bombing": the owner was the date ("October's")
    # the noun itself may end the hyphened word ("Ki-moon", "Saint-Denis"): it is added once, below
    left = [t for t in _whole_words([*left, noun], skip) if t.i < noun.i]  # "co-chairs" too
    items: list[Item] = [*left, noun]
    if owned_then and not any(t.dep_ == "det" for t in left):
        items.insert(0, "the")  # "last year's war": the war
    if noun.pos_ == "PROPN":  # "School No. 1": a number in the name
        items.extend(c for c in noun.children if c.dep_ == "nummod" and c.i == noun.i + 1 and c.i not in skip)
    numbered = _numbered(noun, skip)
    if numbered and numbered[-1] not in items:
        items.extend(numbered)
    if right and depth < 3:
        preps = NP_PREPS if depth < 2 else frozenset({"of"})  # "thousands of protesters"
        prep = _first_prep(noun, skip, after=noun.i, preps=preps, depth=depth + 1)
        words = sum(1 for i in items if i != ".")  # the stop of "No." is no word
        if prep and words + len(prep) <= MAX_WORDS // 2 + 2:
            items.extend(prep)
    return items


def _a_time(tok: Token, noun: Token) -> bool:
    """A number or a word of time before the noun, or a word of its phrase ("last year's war": "last",
    "'s"; "last August's war": a date, "August's"): when, not what."""
    node = tok
    while node.i != noun.i and node.head.i != node.i:
        if node.tag_ == "CD" or node.lower_ in TIME_WORDS or node.ent_type_ == "DATE":
            return True
        node = node.head
    return False


NUMBER_WORDS = frozenset({"no", "no.", "nr", "nr.", "number"})  # "School No. 1", "Camp Number 4"


def _numbered(noun: Token, skip: frozenset[int]) -> list[Item]:
    """ "stormed School No. 1", which the parser may split into "No", "." and a number hung on the
    stop: the number that names the place, with its stop."""
    if noun.lower_ not in NUMBER_WORDS:
        return []
    doc, at = noun.doc, noun.i + 1
    stop = at < noun.sent.end and doc[at].text == "."
    at += stop
    if at >= noun.sent.end or at in skip or not doc[at].like_num:
        return []
    return [".", doc[at]] if stop else [doc[at]]


def _whole_words(tokens: list[Token], skip: frozenset[int]) -> list[Token]:
    """ "hand-to-hand", "well-armed": a hyphened word the parse split is kept whole, not "hand-" or
    "armed"."""
    kept = {t.i: t for t in tokens}
    for t in tokens:
        doc = t.doc
        start, end = t.i, t.i
        while (
            start > t.sent.start
            and not doc[start - 1].whitespace_
            and (doc[start - 1].text == "-" or doc[start].text == "-")
        ):
            start -= 1
        while end + 1 < t.sent.end and not doc[end].whitespace_ and (doc[end + 1].text == "-" or doc[end].text == "-"):
            end += 1
        if end > start and not any(i in skip for i in range(start, end + 1)):
            kept.update({i: doc[i] for i in range(start, end + 1)})
    return sorted(kept.values(), key=lambda t: t.i)


def _modifies(tok: Token, noun: Token) -> bool:
    """A word of the noun's own name: on the chain of modifiers that ends at the noun."""
    node = tok
    while node.i != noun.i:
        if (node.dep_ not in NP_LEFT and not node.is_punct) or node.head.i == node.i:
            return False
        node = node.head
    return True


def _first_prep(
    head: Token, skip: frozenset[int], after: int, preps: frozenset[str] = VERB_PREPS, depth: int = 1
) -> list[Item]:
    """ "on Halabja", "of Tskhinvali", "by the militia": the first such phrase after the word, not
    one that holds the date or a time."""
    for child in head.children:
        if child.i <= after or child.i in skip:
            continue
        if child.dep_ not in ("prep", "agent") or child.lower_ not in preps:
            continue
        objs = [o for o in child.children if o.dep_ == "pobj" and o.i not in skip]
        if not objs or _is_time(objs[0]) or objs[0].tag_ == "CD" or any(t.i in skip for t in objs[0].subtree):
            continue  # nor a bare number ("upheld the decision to 37"): a figure is no name
        return [child, *_noun_phrase(objs[0], skip, depth=depth + 1)]
    return []


def _definite(items: list[Item]) -> list[Item]:
    """ "an explosion at the hospital" names a known event: "the explosion ..."; "coordinated
    bombings" too ("the coordinated bombings"), but not a name ("Bloody Sunday") nor an owner's
    ("Spain's court")."""
    first = items[0] if items else None
    if not isinstance(first, Token):
        return items
    if first.lower_ in ("a", "an"):
        return ["the", *items[1:]]
    if first.pos_ in ("DET", "PROPN", "PRON") or first.dep_ == "poss" or first.ent_type_:
        return items
    return ["the", *items]


def _cased(items: list[Item]) -> list[Item]:
    """A sentence's opening capital is no name: "The war began" is named "the war began"."""
    first = items[0] if items else None
    if not isinstance(first, Token) or first.ent_type_ == "GPE":  # "The Hague"
        return items
    if first.pos_ in ("DET", "PRON") or (first.is_sent_start and first.pos_ == "NOUN" and not first.ent_type_):
        return [_Lowered(first), *items[1:]]
    return items


class _Lowered(str):
    """A word written in lower case that still knows where it stands ("Hand-to-hand" at a sentence's
    start, named "hand-to-hand")."""

    tok: Token

    def __new__(cls, tok: Token) -> _Lowered:
        word = super().__new__(cls, tok.lower_)
        word.tok = tok
        return word


def _render(items: list[Item]) -> str:
    """The words as written where they stand together ("al-Ahli", "Spain's"), one space elsewhere;
    punctuation only inside a name."""
    out: list[str] = []
    prev: Token | None = None
    for item in items:
        text = item if isinstance(item, str) else item.text
        tok = item.tok if isinstance(item, _Lowered) else item if isinstance(item, Token) else None
        if (
            tok is not None
            and tok.is_punct
            and not (prev is not None and prev.i == tok.i - 1 and not prev.whitespace_ and not tok.whitespace_)
        ):
            continue
        joined = prev is not None and tok is not None and prev.i == tok.i - 1 and not prev.whitespace_
        out.append(text if joined or not out or text == "." else " " + text)  # "No." of a numbered name
        prev = tok
    return "".join(out)
