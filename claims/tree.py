"""Small helpers over spaCy's dependency tree, shared by the extractors."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.dates import MONTHS, WEEKDAYS

_LAST_ENTS: tuple[Doc | None, tuple[Span, ...]] = (None, ())


def entities(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once for the document being read: spaCy makes every Span anew on each
    access, and the extractors ask for them thousands of times per document (issue #11)."""
    global _LAST_ENTS
    last = _LAST_ENTS
    if last[0] is not doc:
        last = _LAST_ENTS = (doc, tuple(doc.ents))
    return last[1]


def ancestors_with_self(tok: Token) -> list[Token]:
    return [tok, *tok.ancestors]


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    if a.i == b.i:
        return 0
    up_a = ancestors_with_self(a)
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate(ancestors_with_self(b)):
        if t.i in index:
            return index[t.i] + n
    return 99


def span_of(doc_span: Span, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end) of the document."""
    return doc_span.doc.char_span(start, end, alignment_mode="expand")


def external_head(span: Span) -> Token:
    """The token of `span` whose head lies outside it (the span's syntactic root)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def phrase_text(tokens: list[Token]) -> str:
    """Source text covered by tokens (contiguous stretch, as written)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    return doc[lo : hi + 1].text


def np_text(head: Token, stop: frozenset[str] = frozenset({"relcl", "acl"}), *, max_words: int = 8,
            drop_det: bool = False) -> str:  # fmt: skip
    """A noun phrase as written, up to its first clause (or other `stop` dependent) or punctuation:
    "the Indian army" of "the Indian army, which had ...", readable as a speaker or a target."""
    inside = {t.i for c in head.children if c.dep_ in stop | {"relcl", "acl"} and c.i > head.i for t in c.subtree}
    # "on Friday and German aircraft": a day the parse hung on the noun is not part of its name
    when = {
        t.i
        for c in head.lefts
        if c.ent_type_ in ("DATE", "TIME")
        for t in c.subtree
        if t.ent_type_ in ("DATE", "TIME") or t.dep_ == "cc"
    }
    # "on the night of 12 to 13 May armed criminals attacked": a day the tagger missed, hung on a noun
    when |= calendar_tokens(head)
    words: list[Token] = []
    for t in head.subtree:
        glued = t.text in "-‐" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_  # "al-Shabaab"
        if t.i in inside or (t.i > head.i and ((t.is_punct and not glued) or t.dep_ in stop)):
            break
        if t.i in when or (drop_det and t.dep_ == "det" and not words):
            continue
        words.append(t)
    kept = words[:max_words]
    text = "".join(t.text_with_ws for t in kept[:-1]) + (kept[-1].text if kept else "")
    return text.replace(" ’s", "’s").replace(" 's", "'s").strip(" ,.;:\"“”'")


CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)  # as written in English, whatever the machine's locale


def calendar_tokens(head: Token) -> set[int]:
    """A day a noun's left modifier names though the tagger missed it ("on the night of 12 to 13 May
    armed criminals attacked"): the month's or weekday's name and its numbers, not a name of its own
    ("Theresa May") nor a word the parse hung on it ("Friday and German aircraft": German)."""
    if head.pos_ == "PROPN":
        return set()
    return {
        t.i
        for c in head.lefts
        if c.text[:1].isupper() and c.lower_ in CALENDAR and c.dep_ in ("nmod", "compound", "npadvmod")
        for t in c.subtree
        if t.i == c.i or t.like_num or t.dep_ in ("cc", "quantmod", "nummod")
    }


def left_mods(noun: Token, deps: tuple[str, ...] = ("amod", "compound", "nmod", "poss", "nummod")) -> list[Token]:
    """The modifiers left of a noun that say which people it means ("ethnic", "Azerbaijani")."""
    mods: list[Token] = []
    for child in noun.lefts:
        if child.dep_ in deps:
            mods.extend(child.subtree)
    return mods


DASHES = frozenset({"-", "–", "—", "--"})


def before_dash(tok: Token) -> Token | None:
    """ "against Georgia - Levan Kapanadze, a law professor, said": the parser ran a phrase across a
    dash; the word before the dash heads what the sentence meant. None when there is no such dash."""
    dash = next((t for t in tok.lefts if t.text in DASHES and t.is_punct), None)
    if dash is None or dash.i == tok.left_edge.i:
        return None
    return tok.doc[dash.i - 1]


def of_whom_at(doc: Doc, i: int) -> bool:
    """ "of whom" or "of which" from token `i` on: the partitive relative of "13 of whom died"
    (parsed with the pronoun as either the object of "of" or the clause's subject)."""
    words = [t.lower_ for t in doc[i : i + 2]]
    return len(words) == 2 and words[0] == "of" and words[1] in ("whom", "which")


def list_head(tok: Token) -> Token:
    """The first member of the list a conjoined word is in ("the army chief, two ministers and three
    crew members": "chief"), or the word itself: the parser hangs each member on the one before."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok
