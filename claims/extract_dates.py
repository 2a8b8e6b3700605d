"""When named events happened: every placed date tied to the event it dates (issue #2).

The event is read off the dependency tree: "the Soviet Union's dissolution in
1991" dates the dissolution; "the war ended in a ceasefire in 1994" dates the
ending. Publication stamps and bylines are not events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from claims.context import DocContext
from claims.date_phrase import event_phrase
from claims.dates import WEEKDAYS, YEAR_UNKNOWN, DateMention
from claims.models import DateSpan
from claims.rules import rules
from claims.sub_event import act_nouns
from claims.tree import external_head, span_of

STAMP_WORDS = {"publish", "update", "post", "date", "print", "edit", "copyright", "share", "read"}
CLAUSE_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "agent", "oprd", "acomp", "prep", "pobj", "compound",
               "amod", "poss", "prt", "neg", "dative", "npadvmod", "appos"}  # fmt: skip
MIN_EVENT_WORDS = 2
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?", re.I)  # "7:15", "9.40 pm", "6 a.m."
# "during the night of 7/8 August": the night is when, not what; the event is further up.
TIME_NOUNS = {"night", "morning", "evening", "afternoon", "hour", "day", "dawn", "week", "weekend", "midnight",
              "month", "year", "time", "period", "date", "noon", "end", "beginning", "start", "spring", "summer",
              "autumn", "winter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"}  # fmt: skip


@dataclass
class DateHit:
    mention: DateMention
    anchor: Token
    event: list[Token]
    phrase: str = ""  # the event as a person would name it (claims.date_phrase)


def _event_tokens(head: Token, date_span: Span) -> list[Token]:
    """The words that name the dated event: the head and its core dependents, not other clauses."""
    skip = set(range(date_span.start, date_span.end))
    out: list[Token] = []

    def walk(tok: Token, depth: int) -> None:
        if tok.i in skip or depth > 4:
            return
        out.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.i not in skip:
                walk(child, depth + 1)

    walk(head, 0)
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in ("which", "that", "who") and head.dep_ != "relcl":
            # ", which began on ...": the parser lost the antecedent; take the noun just before
            for back in range(child.i - 1, max(child.i - 4, head.sent.start - 1), -1):
                tok = head.doc[back]
                if tok.pos_ in ("NOUN", "PROPN"):
                    walk(tok, 3)
                    break
    if head.dep_ in ("relcl", "acl") and head.head.pos_ in ("NOUN", "PROPN"):
        walk(head.head, 3)  # "the war, which began on ...": the war is the event
    for subject in _shared_subjects(head):
        walk(subject, 3)
    # "the attacks of 12 October were carried out by ...": the verb an act dated so is the passive subject of
    subject = head.dep_ == "nsubjpass" and head.lemma_.lower() in _act_nouns()
    if (
        head.pos_ in ("NOUN", "PROPN")
        and head.head.pos_ in ("VERB", "AUX")
        and (head.dep_ in ("pobj", "dobj", "nsubj") or subject)
    ):
        out.append(head.head)
    return sorted({t.i: t for t in out}.values(), key=lambda t: t.i)


def _shared_subjects(verb: Token) -> list[Token]:
    """The subjects a verb with none of its own shares: a verb conjoined to another ("broke off relations
    in 2006 and restored them in 2009"), or a participle on its clause ("the killings took place over three
    days, beginning on 16 September", "the offensive, starting on 6 June, drove them north")."""
    if _has_subject(verb):
        return []
    conjoined = verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX")
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if not (conjoined or participle):
        return []
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _since_the_last(date_span: Span) -> bool:
    """ "the deadliest police action since 1960", "the worst attack on the city since May 1998": a
    superlative measured since a time names an earlier event by it, not the date of this one."""
    start = date_span[0].i
    since = date_span.doc[start - 1] if start > date_span.sent.start else None
    if since is None or since.lower_ != "since":
        return False
    measured = since.head  # "the deadliest police action ... since 1960": the noun a superlative is on
    return measured.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in measured.children)


def _verbless_without_act(sent: Span) -> bool:
    """ "The Committee of the Workers' Party, 15 January 1905", "9 April 2022 (press service of the
    railways": a line with no verb that names no act is a signature, a source line or a byline when
    its date is set off (`_set_off`); the date is when the text was signed or issued, not when
    anything it tells happened."""
    return not any(t.pos_ in ("VERB", "AUX") or _an_act(t) for t in sent)


def _set_off(sent: Span, date_span: Span) -> bool:
    """A date in no phrase of its own ("Since 1997 the committee ...", a sentence the parser gave no
    verb, keeps its date)."""
    start = date_span[0].i
    before = date_span.doc[start - 1] if start > sent.start else None
    return before is None or before.pos_ not in ("ADP", "SCONJ")


def _an_act(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in _act_nouns()


def _verb_above(noun: Token) -> Token | None:
    """The verb a noun hangs on through one preposition ("opened fire without provocation")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _content(event: list[Token]) -> list[Token]:
    """The words of an event that say what happened: not stop words, but a subject told by its number
    ("the three were executed on 9 November")."""
    return [t for t in event if (t.is_alpha and not t.is_stop) or (t.like_num and t.dep_ in ("nsubj", "nsubjpass"))]


@lru_cache(maxsize=1)
def _act_nouns() -> frozenset[str]:
    """Nouns that name an act of violence or a war (claims.sub_event.act_nouns, rules initiator.war_nouns)."""
    return act_nouns() | frozenset(rules()["initiator"]["war_nouns"])


def _anchor_of(date_span: Span) -> Token:
    """The word a date mention dates: up from its own head past prepositions, time nouns, clock times,
    adverbs ("late on Saturday") and stray commas to the act or event."""
    root = external_head(date_span)
    anchor = root.head if root.dep_ != "ROOT" else root
    for _ in range(6):
        if date_span.start <= anchor.i < date_span.end and anchor.head.i != anchor.i:
            anchor = anchor.head  # "Friday 13 November": the weekday hung on the date's own month
        elif anchor.dep_ in ("prep", "pcomp") or anchor.pos_ == "ADP":
            # "fled from what is now X between April and December": a clause that only names
            # a place hands its time to the verb it hangs on
            anchor = anchor.head
        elif anchor.pos_ in ("NOUN", "PROPN") and anchor.lemma_.lower() in TIME_NOUNS and anchor.head.i != anchor.i:
            anchor = anchor.head
        elif anchor.pos_ == "ADV" and anchor.dep_ == "advmod" and anchor.head.i != anchor.i:
            anchor = anchor.head  # "died in the attack late on Saturday": the day hangs on "late"
        elif anchor.is_punct and anchor.head.i != anchor.i:
            # "On Sunday, the 13th April, a crowd gathered": a parse that hung the day on a comma
            anchor = anchor.head
        elif anchor.ent_type_ == "TIME" or CLOCK.fullmatch(anchor.text):
            if anchor.head.i == anchor.i:
                break
            anchor = anchor.head  # "at about 7:15 on 19 November": the clock time is part of the when
        else:
            break
    return _cleft_clause(anchor)


def _cleft_clause(anchor: Token) -> Token:
    """ "It was on 5 May that the troops fired", "it was not until 11 January that Iran admitted it":
    a cleft puts the day on "was"; what happened that day is its clause."""
    if anchor.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in anchor.children):
        return anchor
    clause = [c for c in anchor.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)]
    return clause[0] if clause else anchor


def find_date_hits(ctx: DocContext, sent: Span) -> list[DateHit]:
    hits: list[DateHit] = []
    words = [t for t in sent if t.is_alpha]
    if len(words) < 5:
        return hits  # headline stamps: "Published Oct 18, 2023", "Friday 19th Aug 2022"
    yearless = [d for d in ctx.undated if d.start >= sent.start_char and d.end <= sent.end_char]
    mentions = sorted(ctx.dates_in(sent.start_char, sent.end_char) + yearless, key=lambda d: d.start)
    signed = _verbless_without_act(sent)
    for mention in mentions:
        date_span = span_of(sent, mention.start, mention.end)
        if date_span is None or len(date_span) == 0 or ctx.in_dateline(mention.start, mention.end):
            continue  # a dateline's day is when the piece was filed
        anchor = _anchor_of(date_span)
        if anchor.lemma_.lower() in STAMP_WORDS or _dates_a_record(anchor) or _since_the_last(date_span):
            continue
        if signed and _set_off(sent, date_span):
            continue  # a signature, a source line or a byline (_verbless_without_act)
        event = _event_tokens(anchor, date_span)
        content = _content(event)
        told = _when_clause(date_span) if len(content) < MIN_EVENT_WORDS else None
        if told is not None:
            # "the events of 16 August 2012, when police fired on the miners": the firing
            anchor, event = told, _event_tokens(told, date_span)
            content = _content(event)
        verb = _verb_above(anchor) if len(content) < MIN_EVENT_WORDS and not _an_act(anchor) else None
        if verb is not None:
            # "opened fire without provocation on 16 September": a parse that hung the day on the
            # noun before it; the verb above that noun's preposition is what happened that day
            anchor, event = verb, _event_tokens(verb, date_span)
            content = _content(event)
        if len(content) < MIN_EVENT_WORDS and not (content and _an_act(anchor)):
            continue  # "the attacks of August 2017": an act named alone is enough
        hits.append(DateHit(mention, anchor, event, event_phrase(anchor, date_span)))
    return _without_named_years(_stretches(sent, hits, mentions))


MAX_STRETCH_DAYS = 62


def _stretches(sent: Span, hits: list[DateHit], mentions: list[DateMention]) -> list[DateHit]:
    """ "From the evening of 16 May until the morning of 18 May": two days told as the ends of one
    stretch are one span of days, not two dates of the event (rules date_roles.span_*). The second
    day may have been read as no date of an event of its own (the parser hung it on the first)."""
    out: list[DateHit] = []
    hit_at = {id(h.mention): h for h in hits}
    last: DateHit | None = None  # the hit the mention before this one made, if it made one
    for mention in mentions:
        hit = hit_at.get(id(mention))
        joined = _stretch(sent, last, hit or replace(last, mention=mention)) if last is not None else None
        if joined is not None:
            out[-1] = last = joined
        elif hit is not None:
            out.append(hit)
            last = hit
        else:
            last = None
    return out


def _stretch(sent: Span, first: DateHit, second: DateHit) -> DateHit | None:
    a, b = first.mention, second.mention
    if {a.span.precision, b.span.precision} - {"day", "days"}:
        return None
    roles = rules()["date_roles"]
    fillers = set(roles["span_fillers"])
    doc = sent.doc
    first_words = doc.char_span(a.start, a.end, alignment_mode="expand")
    if b.start <= a.end or first_words is None:
        return None  # one stretch of words read as two dates ("the night of 12 to 13 May")
    # "from Thursday, 16 May, until Saturday, 18 May": a day's weekday and the commas around it also stand between
    between = [t for t in doc.char_span(a.end, b.start, alignment_mode="expand") or () if not _aside(t)]
    if not between or between[0].lower_ not in roles["span_until"] or len(between) > 5:
        return None
    if any(t.lower_ not in fillers and t.lower_ not in WEEKDAYS for t in between[1:]):
        return None
    before = [t for t in doc[sent.start : first_words.start] if not _aside(t)][-5:]
    opener = next((i for i in range(len(before) - 1, -1, -1) if before[i].lower_ in roles["span_from"]), None)
    if opener is None or any(t.lower_ not in fillers and t.lower_ not in WEEKDAYS for t in before[opener + 1 :]):
        return None
    start, end = a.span.start, b.span.end
    if start.year != end.year:
        if YEAR_UNKNOWN not in (start.year, end.year):
            return None
        year = max(start.year, end.year)  # "from 16 May until 18 May 1990": the year the second gives
        start, end = start.replace(year=year), end.replace(year=year)
    if not 0 <= (end - start).days <= MAX_STRETCH_DAYS:
        return None
    unknown = " (year unknown)" if start.year == YEAR_UNKNOWN else ""
    text = doc.text[a.start : b.end].replace(" (year unknown)", "")
    span = DateSpan(start=start, end=end, precision="days", text=f"{text}{unknown}")
    return replace(first, mention=DateMention(a.start, b.end, span, a.relative or b.relative))


def _aside(tok: Token) -> bool:
    """A space or a comma: nothing that parts two ends of one stretch."""
    return tok.is_space or tok.text == ","


def _dates_a_record(anchor: Token) -> bool:
    """ "Images taken on 2 January show ...", "footage from 4 May": the day a record was made, not the
    event's (rules date_roles.record_nouns)."""
    records = set(rules()["date_roles"]["record_nouns"])
    for _ in range(3):  # "on 2 January and 7 January": the second day hangs on the first, not the verb
        if anchor.ent_type_ != "DATE" or anchor.head.i == anchor.i:
            break
        anchor = anchor.head
    made = [anchor.head] if anchor.dep_ == "acl" else [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.lemma_.lower() in records for t in (anchor, *made))


def _when_clause(date_span: Span) -> Token | None:
    """ "on 9 April 1989, when troops cleared the square": the clause the date itself opens with
    "when" tells what happened on it."""
    for tok in date_span:
        for clause in tok.children:
            if clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
                return clause
    return None


COARSE = ("year", "years", "decade")


def _without_named_years(hits: list[DateHit]) -> list[DateHit]:
    """ "The 2014 war, which began on 8 July 2014": a year that names the event beside the day its
    sentence gives it within that year says nothing more (and would meet every other date of the
    year)."""
    fine = [h for h in hits if h.mention.span.precision not in COARSE]
    return [
        h for h in hits
        if h.mention.span.precision not in COARSE
        or not any(f.mention.span.start >= h.mention.span.start and f.mention.span.end <= h.mention.span.end
                   and {t.i for t in f.event} & {t.i for t in h.event} for f in fine)
    ]  # fmt: skip
