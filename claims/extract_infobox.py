"""Counts and dates read off key-value lines (issue #8, FAILURE_MODES 11).

"Casualties2: | 52 dead (at least 27 militants and 22 civilians) per HRW |"
is no sentence: it has no verb, and the parser ties its numbers to the wrong
words ("14 dead 30 wounded" read as 14 wounded). Such a field is read by its
own small grammar instead: a
number and the word after it ("52 dead", "30 wounded"), the counted parts in
brackets after it ("27 militants", of the same kind), "per X" / "according to
X" as the speaker, and the side the field's number names (claims.infobox).
A date field dates what the box is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from claims.context import DocContext
from claims.count_words import is_person_noun, trigger_kind
from claims.infobox import BoxField, Infobox
from claims.models import Count

NEAR = 60  # characters after a toll where its "per X" may stand
_SPEAKER = re.compile(r"\b(?:per|according to)\s+(?:the\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})")


@dataclass(frozen=True)
class BoxCount:
    kind: str
    start: int  # of the number
    end: int  # of the counted word
    count: Count
    scope: str
    speaker: str | None
    line: BoxField
    word: str  # what the toll counts: "dead", "wounded"


def _word_after(ctx: DocContext, end: int, stop: int) -> Token | None:
    """The first word after a number ("52 dead", "(27 militants"), within its field."""
    span = ctx.doc.char_span(end, stop, alignment_mode="expand")
    words = [t for t in span if not t.is_space] if span is not None else []
    if words and words[0].text == "(":
        words = words[1:]
    return words[0] if words and words[0].is_alpha else None


def box_counts(ctx: DocContext, box: Infobox) -> list[BoxCount]:
    """The counts of every casualties field, with their kind, scope (side) and speaker."""
    out: list[BoxCount] = []
    for f in box.fields:
        if f.role != "casualties":
            continue
        side = box.sides.get(f.side) if f.side is not None else None
        if side is not None and ctx.aliases.kind(ctx.aliases.resolve(side) or "") != "state":
            side = None  # a faction the actor table does not know says whose dead only to a reader who knows it
        current: tuple[str, str] | None = None  # the last toll's kind and word
        for n in ctx.numbers_in(f.value_start, f.end):
            tok = _word_after(ctx, n.end, f.end)
            if tok is None:
                continue
            end = tok.idx + len(tok.text)
            kind = trigger_kind(tok)  # the trigger words every kind is read by (claims.count_words)
            speaker = _speaker_after(ctx.text[n.end : f.end])
            if kind is not None:  # "52 dead": a whole toll of the side
                current = (kind, tok.lower_)
                out.append(BoxCount(kind, n.start, end, n.count, _scoped("people", side), speaker, f, tok.lower_))
            elif current is not None and is_person_noun(tok):
                # "(27 militants and 22 civilians)": parts of the toll just given
                scope = _scoped(tok.text, side)
                out.append(BoxCount(current[0], n.start, end, n.count, scope, speaker, f, current[1]))
    return out


def _speaker_after(rest: str) -> str | None:
    """ "per HRW" after a toll and its bracketed parts: who gave the figure."""
    near = rest.split(")")[-1] if ")" in rest[:NEAR] else rest[:NEAR]  # past the parts in brackets
    found = _SPEAKER.search(near)
    return found.group(1) if found else None


def _scoped(scope: str, side: str | None) -> str:
    return f"{scope} [{side}]" if side else scope
