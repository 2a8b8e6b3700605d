"""Event time versus statement time (issue #8).

"The rebel commander on Friday claimed responsibility for the siege that killed 40":
Friday is when he spoke, not when the people died. A date whose nearest verb
up the parse is a reporting or recording verb ("said Friday", "documented on
Monday", "marks the anniversary") dates the statement; the claim's own time is
then unknown, and alignment falls back on its document's event years instead
of keeping two accounts of one toll apart.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from claims.rules import rules
from claims.sub_event import violent_words

MAX_CLIMB = 12
VERBAL = ("VERB", "AUX")
NOMINAL = ("NOUN", "PROPN")


@lru_cache(maxsize=1)
def statement_nouns() -> frozenset[str]:
    return frozenset(rules()["statement_time"]["nouns"])


@lru_cache(maxsize=1)
def statement_verbs() -> frozenset[str]:
    r = rules()
    return frozenset(r["speaker"]["reporting_verbs"]) | frozenset(r["statement_time"]["verbs"])


@lru_cache(maxsize=1)
def finding_verbs() -> frozenset[str]:
    """Verbs of finding the dead ("exhumed", "recovered"): their date is the finding's, not the deaths'."""
    return frozenset(rules()["statement_time"]["finding_verbs"])


@lru_cache(maxsize=1)
def _said_or_found_nouns() -> frozenset[str]:
    """Statements and findings named by a noun: "an interview on Tuesday", "the 1992 exhumation"."""
    st = rules()["statement_time"]
    return statement_nouns() | frozenset(st["finding_nouns"])


@lru_cache(maxsize=1)
def _verb_phrases() -> dict[str, frozenset[str]]:
    return {verb: frozenset(words) for verb, words in rules()["statement_time"]["verb_phrases"].items()}


def _statement_phrase(verb: Token) -> bool:
    """ "made public", "made known": the verb with the word beside it that makes it a statement."""
    words = _verb_phrases().get(verb.lemma_.lower())
    return bool(words) and any(t.lower_ in words for t in verb.subtree if abs(t.i - verb.i) <= 2)


def _date_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def dates_statement(doc: Doc, start: int, end: int, anchor: Token | None) -> bool:
    """Does the date at [start, end) hang on a statement verb rather than on `anchor` (the claim's
    trigger) or another verb of what happened?"""
    tok = _date_root(doc, start, end)
    if tok is None:
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME"):
        return False  # a year inside a name ("the Orlen War 1994") names what happened
    # "on Friday" hangs on its head through a preposition; "Einaudi (1991)", "in his book (1991)": a
    # bracketed year beside a name cites when it was written, and the clause's verb says whether that
    # was a statement ("estimated that ...") or what happened ("the war (1991) killed ...")
    direct = tok.pos_ != "ADP" and not _bracketed_apposition(tok)
    for _ in range(MAX_CLIMB):
        if anchor is not None and tok.i == anchor.i:
            return False
        head = tok.head
        if head is tok:
            return False
        via, tok = tok, head
        tok = _cleft_focus(tok) or tok
        if tok.pos_ in VERBAL and tok.dep_ != "aux":
            if anchor is not None and tok.i == anchor.i:
                return False
            lemma = tok.lemma_.lower()
            return lemma in statement_verbs() or lemma in finding_verbs() or _statement_phrase(tok)
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "Sunday, October 4, marks ...": still the date's own words
        if tok.pos_ in NOMINAL and tok.lemma_.lower() in _said_or_found_nouns():
            return True  # "in an interview on Tuesday", "a statement Monday", "the 1992 exhumation"
        if tok.pos_ in NOMINAL and via.lower_ == "of" and tok.lemma_.lower() in violent_words():
            # "recalled the massacre of 18 April 1996": the date of what happened ("reported the
            # massacre on 27 January" may hang "on" on either, and the parser's choice is no guide)
            return False
        if tok.pos_ in NOMINAL and direct:
            return False  # "the 2008 war", "War 2008", "Friday's raid": the date names a thing that happened
        direct = direct and tok.pos_ != "ADP"
    return False


def _cleft_focus(tok: Token) -> Token | None:
    """ "It was not until 1990 that Moscow admitted ...", "It was in May that the rebels attacked": the
    date a cleft puts in focus dates the verb of its "that" clause, not the "was"."""
    if tok.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in tok.children):
        return None
    return next(
        (
            c
            for c in tok.rights
            if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )


def _bracketed_apposition(tok: Token) -> bool:
    """ "Einaudi (1991)": the date stands in brackets beside the name it hangs on."""
    doc = tok.doc
    return (
        tok.dep_ == "appos"
        and tok.i > 0
        and tok.i + 1 < len(doc)
        and doc[tok.i - 1].text == "("
        and doc[tok.i + 1].text == ")"
    )
