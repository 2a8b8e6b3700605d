"""What every extractor needs to know about one document: its sentences, the
dates and numbers in it, and what a claim is about (terms, entities, time).

Alignment compares claims by these fields, so they are computed the same way
for every kind (issue #2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claims.acronyms import defined_acronyms
from claims.actors import AliasTable
from claims.dateline import dateline_spans, filed_spans
from claims.dates import JOINED, DateMention, scan_dates
from claims.models import DateSpan
from claims.noun_classes import people_word
from claims.numbers import NumberMention, find_numbers
from claims.rules import rules
from claims.statement_time import dates_statement
from claims.ties import doc_ties
from claims.tree import entities
from claims.where import main_places

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "LOC", "FAC", "EVENT", "PERSON"}
# Words too general to tell two facts apart.
LIGHT_WORDS = {
    "be", "have", "do", "say", "make", "take", "also", "year", "time", "day", "month", "people",
    "other", "first", "second", "last", "late", "early", "new", "include", "become", "report",
    "state", "tell", "add", "accord", "number", "figure", "total", "estimate", "well", "later",
}  # fmt: skip
MAX_BACK_SENTENCES = 2


@dataclass
class DocContext:
    """One source's parsed text and the mentions found in it."""

    doc: Doc
    aliases: AliasTable
    published: date | None
    text: str = ""  # doc.text joins every token anew on each call: keep it once
    dates: list[DateMention] = field(default_factory=list)
    undated: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    paragraph_of: list[int] = field(default_factory=list)
    main_places: frozenset[str] = frozenset()  # the places the document keeps naming (claims.where)
    datelines: list[tuple[int, int]] = field(default_factory=list)  # "MOSCOW, Dec 22 (Agency) -" after the city
    whole_datelines: list[tuple[int, int]] = field(default_factory=list)  # the same, with the city
    ties: dict[str, str] = field(default_factory=dict)  # "X, a cover name used by Y" (claims.ties)
    acronyms: dict[str, tuple[int, int]] = field(default_factory=dict)  # "SADF" -> its full name's place
    event_years: tuple[int, ...] = ()  # the years the title and lead place the event in (claims.event)
    event_names: frozenset[str] = frozenset()  # the names the title and lead give the event (claims.event)
    event_start: date | None = None  # the first day or month the lead dates its event at (claims.count_background)
    _index: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, aliases: AliasTable, published: date | None) -> DocContext:
        text = doc.text
        ctx = cls(doc=doc, aliases=aliases, published=published, text=text)
        ctx.dates, unplaced, ctx.undated = scan_dates(text, published)
        ctx.datelines = filed_spans(text)
        ctx.whole_datelines = dateline_spans(text)
        date_spans = [(d.start, d.end) for d in ctx.dates] + unplaced
        ctx.numbers = [
            n
            for n in find_numbers(text)
            if not any(n.start < b and n.end > a for a, b in date_spans) and not _is_measure(text, n)
        ]
        ctx.sentences = list(doc.sents)
        ctx.main_places = main_places(doc, aliases)
        ctx.ties = doc_ties(text, aliases)
        ctx.acronyms = defined_acronyms(text)
        # Paragraphs as the parse gives them: spaCy keeps the line break that ends a paragraph in the
        # sentence before it, so a new one begins only after a break inside a sentence (a title run
        # into its first line). Counting the breaks after sentences too stops a time carried from the
        # sentence before at every paragraph: news pieces give each sentence its own, and it cost
        # Beslan (dev) 0.947 -> 0.462 (session 48, docs/accuracy.md).
        paragraph = 0
        last_end = 0
        for sent in ctx.sentences:
            if "\n" in text[last_end : sent.start_char]:
                paragraph += 1
            ctx.paragraph_of.append(paragraph)
            last_end = sent.end_char
            if "\n" in sent.text.strip():
                paragraph += 1
        return ctx

    def in_dateline(self, start: int, end: int) -> bool:
        """Is [start, end) in a dateline's date or agency ("KESWIN, March 3 (Probe Agency) -"):
        when and by whom the piece was filed, not what it tells?"""
        return any(a <= start and end <= b for a, b in self.datelines)

    def in_whole_dateline(self, start: int, end: int) -> bool:
        """Is [start, end) in a dateline, its city included ("QANA, Lebanon, July 30 -")?"""
        return any(a <= start and end <= b for a, b in self.whole_datelines)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if d.start >= start and d.end <= end]

    def times_in(self, start: int, end: int) -> list[DateMention]:
        """Dates that say when something in [start, end) happened: "since 1975" only marks
        where a period began ("the first clash since 1975"), so it is left out."""
        text = self.text  # doc.text rebuilds the string on every call (issue #11)
        return [
            d
            for d in self.dates_in(start, end)
            if not text[max(0, d.start - 6) : d.start].lower().strip().endswith("since")
        ]

    def numbers_in(self, start: int, end: int) -> list[NumberMention]:
        return [n for n in self.numbers if n.start >= start and n.end <= end]

    def sentence_index(self, sent: Span) -> int:
        if not self._index:
            self._index = {s.start: i for i, s in enumerate(self.sentences)}
        return self._index.get(sent.start, -1)

    def event_times_in(self, start: int, end: int, anchor: Token | None) -> tuple[list[DateMention], bool]:
        """(dates of what happened in [start, end), whether a date was left out as statement time)."""
        found = self.times_in(start, end)
        # "on the same day eleven were reported dead": a day told before, whatever verb the sentence has
        kept = [
            d for d in found
            if _same_day(self.text[d.start : d.end]) or not dates_statement(self.doc, d.start, d.end, anchor)
        ]  # fmt: skip
        return kept, len(kept) < len(found)

    def time_of(self, sent: Span, anchor: Token | None = None, *, own_clause: bool = False) -> DateSpan | None:
        """The time a statement in `sent` refers to: a date in the sentence, else in the
        sentences just before it (see `build` on paragraphs), else unknown. A date of the statement
        ("said Friday") is not the time of what `anchor` tells (issue #8). With `own_clause`, a date
        in a participle or relative clause on some other noun does not date the act: "an inquiry
        begun in 1998 concluded that the RPF had downed the plane", "opposed to the accord signed on
        4 August 1993"."""
        own, stated = self.event_times_in(sent.start_char, sent.end_char, anchor)
        in_story = [d for d in own if not self.in_dateline(d.start, d.end)]
        if in_story:
            own = in_story  # "KESWIN, March 17 - ... killed in February 1945": the dateline dates the filing
        if anchor is not None and own:
            # "Two days later Britain declared war, and on 17 September the Soviet Union invaded":
            # each clause its own date; "on Sunday, eighty years after troops attacked": none
            clause = _clause_verb(anchor)
            if _after_or_before(clause) and not any(self._date_clause(d) == clause for d in own):
                return None
            if own_clause:
                own = [d for d in own if not _other_things_clause(self._date_clause(d), clause)]
                if not own:
                    return None
            own = _same_segment(sent, anchor, own)
        if own:
            return _union([d.span for d in own])
        if stated:
            return None  # the sentence dates its statement only: an earlier sentence's date is no better
        yearless = [d for d in self.undated if d.start >= sent.start_char and d.end <= sent.end_char]
        of_the_act = [d for d in yearless if not dates_statement(self.doc, d.start, d.end, anchor)]
        if of_the_act:
            return of_the_act[0].span
        if yearless:
            return None  # "in a statement on 3 May": the sentence dates its statement only
        same_day = _same_day(sent.text)
        if _later_than_before(sent.text) and not same_day:
            return None  # "The siege ended days later after troops stormed it": not the day before's
        return self._time_before(sent, days_only=same_day)

    def _time_before(self, sent: Span, *, days_only: bool = False) -> DateSpan | None:
        """The time the sentences just before `sent` tell (see `build` on paragraphs); `days_only`: only a day
        ("killed that afternoon" after "the events of 30 January 1972, ... set up in January 1998")."""
        i = self.sentence_index(sent)
        for back in range(1, MAX_BACK_SENTENCES + 1):
            j = i - back
            if j < 0 or self.paragraph_of[j] != self.paragraph_of[i]:
                break
            prev = self.sentences[j]
            found, _ = self.event_times_in(prev.start_char, prev.end_char, None)
            # a byline's or dateline's day is when the piece was written, not what it tells
            found = [d for d in found if not self._written_on(d.span, prev)]
            # "... Medgar Evers, who was slain in Jackson in 1963": a relative clause on a person dates
            # that person's own story, not what the sentences after go on to tell ("a war, which ended
            # in 1994" dates the war; "in a referendum held on 10 December" may well date them)
            found = [d for d in found if not _on_a_person(self._date_clause(d))]
            if days_only:
                found = [d for d in found if d.span.precision == "day"]
            if found:
                return _union([d.span for d in found])
        return None

    def _date_clause(self, mention: DateMention) -> Token | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return _clause_verb(span.root) if span is not None and len(span) else None

    def _written_on(self, span: DateSpan, sent: Span) -> bool:
        """Is this date of an earlier sentence the day of writing: a date on a line with no verb (a
        byline, a dateline, a page stamp)?"""
        return not any(t.pos_ in ("VERB", "AUX") for t in sent)

    def terms(self, tokens: list[Token] | Span, exclude: tuple[int, int] | None = None) -> list[str]:
        """Normalised content words of a stretch of text: what alignment compares."""
        out: list[str] = []
        for tok in tokens:
            if exclude and exclude[0] <= tok.idx < exclude[1]:
                continue
            if tok.pos_ not in CONTENT_POS or tok.is_stop or tok.like_num or not tok.is_alpha:
                continue
            if tok.ent_type_ == "DATE" or tok.ent_type_ in ("CARDINAL", "TIME", "PERCENT", "MONEY"):
                continue
            if tok.ent_type_ in ENTITY_LABELS:
                resolved = self.aliases.resolve(tok.text)
                word = (resolved or tok.text).lower()
            else:
                word = _stem(tok.lemma_.lower())
            if len(word) < 3 or word in LIGHT_WORDS:
                continue
            out.append(word)
        return list(dict.fromkeys(out))

    def entities(self, start: int, end: int) -> list[str]:
        """Named entities in [start, end), alias-resolved."""
        names: list[str] = []
        for ent in entities(self.doc):
            if ent.start_char >= start and ent.end_char <= end and ent.label_ in ENTITY_LABELS:
                names.append(self.aliases.canonical(ent.text))
        return list(dict.fromkeys(n for n in names if n))


SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "till"})


@lru_cache(maxsize=1)
def _later_pattern() -> re.Pattern[str]:
    phrases = rules()["date_roles"]["later_phrases"]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


@lru_cache(maxsize=1)
def _same_day_pattern() -> re.Pattern[str] | None:
    phrases = rules()["date_roles"]["same_day_phrases"]
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I) if phrases else None


def _same_day(text: str) -> bool:
    """ "Thirteen were killed that afternoon": the sentence points back to a day told before it."""
    pattern = _same_day_pattern()
    if pattern is None:
        return False
    if rules()["date_roles"]["later_phrases"]:
        text = _later_pattern().sub(" ", text)  # "later that day" is a later time, not that day
    return bool(pattern.search(text))


def _later_than_before(text: str) -> bool:
    """ "days later", "the next day": the sentence tells a time after the last date told, unstated."""
    return bool(rules()["date_roles"]["later_phrases"]) and bool(_later_pattern().search(text))


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a word stands in (the word itself for a verb)."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def _on_a_person(date_verb: Token | None) -> bool:
    """Is the date's clause a relative clause on a person ("Medgar Evers, who was slain in 1963", "a
    marcher who died of his wounds in 1995")?"""
    if date_verb is None or date_verb.dep_ != "relcl":
        return False
    head = date_verb.head
    return head.ent_type_ == "PERSON" or people_word(head.lower_)


def _describes_a_noun(date_verb: Token | None) -> bool:
    """Is the date's clause a participle or relative clause on a noun ("who was slain in 1963")?"""
    return date_verb is not None and date_verb.dep_ in ("acl", "relcl")


def _other_things_clause(date_verb: Token | None, clause: Token | None) -> bool:
    """A date in a clause that describes some other thing than the act: "an inquiry begun in 1998",
    "the accord, which was signed on 4 August 1993" (a participle or relative clause on a noun, not
    the act's own clause nor one above it)."""
    if clause is None or not _describes_a_noun(date_verb):
        return False
    return date_verb != clause and date_verb not in clause.ancestors


def _after_or_before(verb: Token | None) -> bool:
    """ "eighty years after troops attacked": a clause set before or after another's time."""
    return (
        verb is not None
        and verb.dep_ in ("advcl", "pcomp", "pobj")
        and any(
            c.lower_ in SEQUENCE_MARKS
            for c in [*verb.children, verb.head]
            if c.dep_ in ("mark", "prep") or c is verb.head
        )
    )


def _stem(word: str) -> str:
    """ "fighting" ~ "fight", "shelling" ~ "shell": nouns made from verbs keep spaCy's -ing."""
    if len(word) > 6 and word.endswith("ing"):
        return word[:-3]
    return word


def _union(spans: list[DateSpan]) -> DateSpan:
    if len(spans) == 1:
        return spans[0]
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    return DateSpan(start=start, end=end, precision="years" if end.year > start.year else "days",
                    text=JOINED.join(s.text for s in spans))  # fmt: skip


_MEASURE_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|km|kilomet|mile|metre|meter|kg|tonne|ton|hectare|sq|square|"
    r"page|pm\b|am\b|GMT|a\.m|p\.m|o'clock|:\d|[-‐]strong|th\b|st\b|nd\b|rd\b)",
    re.I,
)
_MEASURE_BEFORE = re.compile(r"(?:[$€£¥]|US\$|USD|EUR|No\.|Resolution|number|#|aged?|age of)\s*$", re.I)


def _is_measure(text: str, n: NumberMention) -> bool:
    """Percentages, money, distances, clock times, ordinals: never a count of people."""
    after = text[n.end : n.end + 12]
    before = text[max(0, n.start - 12) : n.start]
    return bool(_MEASURE_AFTER.match(after) or _MEASURE_BEFORE.search(before))


def _same_segment(sent: Span, anchor: Token, dates: list[DateMention]) -> list[DateMention]:
    """Of several dates, those in the anchor's part of the sentence between colons or semicolons:
    "the night of 17 October was overshadowed by another charge: on 8 February 1962 nine people were
    killed" dates the nine by February; with none there, all of them."""
    if len(dates) < 2:
        return dates
    cuts = [t.idx for t in sent if t.text in (":", ";")]
    if not cuts:
        return dates
    low = max((c for c in cuts if c < anchor.idx), default=sent.start_char)
    high = min((c for c in cuts if c > anchor.idx), default=sent.end_char)
    return [d for d in dates if low <= d.start and d.end <= high] or dates
