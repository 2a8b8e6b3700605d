"""From one source's parsed text to its claims: runs every extractor over every
sentence and fills in what alignment needs (terms, entities, time, speaker).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claims.act_onset import onset_of_act
from claims.actors import AliasTable
from claims.context import DocContext
from claims.count_background import lead_event_start
from claims.count_beside import mark_smaller_beside
from claims.date_phrase import length_phrase
from claims.event import event_parts, event_signature, lead_of, name_key
from claims.extract_counts import CountHit, at_site, find_count_hits
from claims.extract_dates import find_date_hits
from claims.extract_duration import find_duration_hits
from claims.extract_infobox import BoxCount, box_counts
from claims.extract_initiator import find_actor_hits
from claims.infobox import Infobox, read_infobox
from claims.initiator_actor import ActorReader, allies_of
from claims.initiator_anaphor import denied_claim
from claims.models import Actor, Claim, DateSpan, Duration
from claims.name_kinds import people_names
from claims.speaker import speaker_of
from claims.tree import entities, span_of
from claims.where import counted_places
from sources.models import Source

if TYPE_CHECKING:
    from claims.doc_cache import DocCache

MAX_QUOTE_CHARS = 240


def _quote_bounds(sent: Span, *parts: tuple[int, int]) -> tuple[int, int]:
    """The shortest stretch of the sentence that covers every part of the claim."""
    start = max(sent.start_char, min(p[0] for p in parts))
    end = min(sent.end_char, max(p[1] for p in parts))
    if end - start > MAX_QUOTE_CHARS:
        start, end = parts[0]
    return start, end


def _tok_bounds(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


class ClaimBuilder:
    """Assembles Claim records for one source, numbering them in reading order."""

    def __init__(self, source: Source, ctx: DocContext) -> None:
        self.source = source
        self.ctx = ctx
        self.claims: list[Claim] = []
        self.event = event_signature(ctx.doc, ctx.sentences, source.title, ctx.aliases, source.published, ctx.datelines)

    def add(self, kind: str, sent: Span, bounds: tuple[int, int], value, anchor: Token, *, about: str,
            terms: list[str], scope: str | None = None, when: DateSpan | None = None,
            speaker: str | None = None, phrase: str = "") -> None:  # fmt: skip
        text = self.ctx.text
        start, end = bounds
        found, hedged = speaker_of(anchor, sent)
        speaker = speaker or found
        sent_start = sent.start_char
        sent_text = text[sent_start : sent.end_char]
        stripped = sent_text.rstrip()
        lead = len(sent_text) - len(sent_text.lstrip())
        self.claims.append(
            Claim(
                id=f"{self.source.id}c{len(self.claims) + 1}",
                source_id=self.source.id,
                kind=kind,
                quote=text[start:end],
                sentence=stripped.lstrip(),
                start=start,
                end=end,
                sentence_start=sent_start + lead,
                value=value,
                scope=scope,
                speaker=speaker,
                hedged=hedged,
                about=about,
                terms=terms,
                entities=self.ctx.entities(sent.start_char, sent.end_char),
                when=when,
                event=self.event,
                phrase=phrase,
                published=self.source.published,
            )
        )


_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", "]", ":", ";")


def _dangling(text: str, sent: Span, number_end: int) -> bool:
    """A number the excerpt cut off ("... and 40"): the text's last sentence has no end, and at
    most two words follow the number, so what it counted is lost (issue #8)."""
    rest = text[sent.end_char :].strip()
    own = text[sent.start_char : sent.end_char].rstrip()
    if rest or own.endswith(_ENDS):
        return False
    return len(text[number_end : sent.end_char].split()) <= 2


def _count_hits_at_sites(hits: list[list[CountHit]]) -> list[list[CountHit]]:
    """Each sentence's counts, told at their sites when the document counts at two or more ("11 died
    at the airport", "15 in the metro"): there a site's count is a part of the event (issue #8)."""
    sites = {h.site for sent_hits in hits for h in sent_hits if h.site and not h.where}
    if len(sites) < 2:
        return hits
    return [[at_site(h) for h in sent_hits] for sent_hits in hits]


def _new_figures_only(hits: list[list[CountHit]]) -> list[list[CountHit]]:
    """A toll's figure given in a later sentence (claims.count_topic) that the document already gave
    as a count of that kind ("In all 77 people died. ... It was later put at 77") tells nothing new:
    the count told in full stays the document's statement of it."""
    told = {(h.kind, h.count.low, h.count.high) for sent_hits in hits for h in sent_hits if h.told_by is None}
    return [[h for h in sent_hits if h.told_by is None or (h.kind, h.count.low, h.count.high) not in told]
            for sent_hits in hits]  # fmt: skip


def extract_from_doc(source: Source, doc: Doc, aliases: AliasTable) -> list[Claim]:
    """All claims of one source, given its text parsed by spaCy."""
    ctx = DocContext.build(doc, aliases, source.published)
    ctx.ties = {**ActorReader(ctx).acronym_ties(), **ctx.ties}  # "the ... Defence Force (SADF)"
    out = ClaimBuilder(source, ctx)
    ctx.event_years, ctx.event_names = event_parts(out.event)
    ctx.event_start = lead_event_start(ctx, lead_of(ctx.doc, ctx.sentences))
    wheres: list[str] = []
    box = read_infobox(ctx.text)
    boxed = box_counts(ctx, box)
    # lines read by the box grammar: its counts, and a strength line (fighters, not a toll); a field
    # line it reads nothing from ("Casualties: the army said 12 died") goes to the sentence readers
    read_by_box = {id(h.line) for h in boxed} | {id(f) for f in box.fields if f.role == "strength"}
    told_before: list[Claim] = []  # the culprits the sentence before named
    sentences = [sent for sent in ctx.sentences if sent.text.strip()]
    hits_of = _count_hits_at_sites([find_count_hits(ctx, sent) for sent in sentences])
    hits_of = _new_figures_only(hits_of)
    for sent, count_hits in zip(sentences, hits_of, strict=True):
        first_new = len(out.claims)
        sent_terms = ctx.terms(sent)
        when = ctx.time_of(sent)  # dates of the sentence's statement verbs left out
        numbers = [(h.number.start, h.number.end) for h in count_hits]
        for hit in count_hits:
            if _dangling(ctx.text, sent, hit.number.end):
                continue
            if id(box.field_at(hit.number.start)) in read_by_box:
                continue  # a key-value line is read by its own grammar (claims.extract_infobox)
            own = (hit.number.start, hit.number.end)
            bounds = _quote_bounds(sent, own, _tok_bounds(hit.noun), _tok_bounds(hit.anchor))
            if any(n != own and bounds[0] <= n[0] and n[1] <= bounds[1] for n in numbers):
                # "killed more than 1,400 residents, including 37 children": the part's quote is its own
                # words, not the whole's figure it shares a verb with
                bounds = _quote_bounds(sent, own, _tok_bounds(hit.noun))
            if hit.where:
                wheres.append(hit.where)
            terms = ctx.terms(sent, exclude=(hit.number.start, hit.number.end))
            # a toll's figure given later ("revised on 25 July to 76") is dated by when it was given
            when_told = None if hit.told_by is not None else ctx.time_of(sent, hit.anchor)
            out.add(hit.kind, sent, bounds, hit.count, hit.anchor, about=hit.about, terms=terms, scope=hit.scope,
                    when=when_told)  # fmt: skip
        out.claims[first_new:] = mark_smaller_beside(out.claims[first_new:])
        for hit in find_actor_hits(ctx, sent):
            parts = [_tok_bounds(hit.actor_tok), _tok_bounds(hit.trigger)]
            for word in (hit.event, hit.told):  # not an act told in the sentence before ("carried it out")
                if word is not None and word.sent == sent:
                    parts.append(_tok_bounds(word))
            if hit.target_tok is not None:
                parts.append((hit.target_tok.idx, hit.target_tok.idx + len(hit.target_tok.text)))
            act = _act_of(hit.event, hit.actor_tok, hit.trigger)
            if act is not None and act.sent == sent:
                parts.append(_tok_bounds(act))  # "blamed Russia for the killings": the quote names the act
            began = onset_of_act([t for t in (hit.trigger, hit.event, act) if t is not None], hit.actor_tok)
            bounds = _quote_bounds(sent, *parts)
            value = Actor(actor=hit.actor, target=hit.target, negated=hit.negated, actor_text=hit.actor_text or hit.actor_tok.text,
                          target_text=hit.target_tok.text if hit.target_tok is not None else None,
                          allies=allies_of(hit.actor_tok, hit.actor, ctx.aliases), ties=ctx.ties,
                          began=began is not None)  # fmt: skip
            event = act.lemma_ if act is not None else hit.trigger.lemma_
            out.add("initiator", sent, bounds, value, hit.trigger, about=event, terms=sent_terms,
                    when=ctx.time_of(sent, hit.event if hit.event is not None else hit.trigger, own_clause=True))  # fmt: skip
        told_before = _deny_what_came_before(out, sent, out.claims[first_new:], told_before, sent_terms)
        for hit in find_date_hits(ctx, sent):
            if box.field_at(hit.mention.start) is not None:
                continue  # read off its field (_add_box_dates)
            toks = hit.event
            bounds = _quote_bounds(sent, (hit.mention.start, hit.mention.end), *(_tok_bounds(t) for t in toks))
            kept = {t.i for t in toks}
            # drop prepositions left hanging where the date was cut out ("took place on")
            about = " ".join(
                t.text
                for t in toks
                if not t.is_punct and not (t.pos_ == "ADP" and not any(c.i in kept for c in t.children))
            )
            out.add("event_date", sent, bounds, hit.mention.span, hit.anchor, about=about, terms=ctx.terms(toks),
                    when=hit.mention.span, phrase=hit.phrase)  # fmt: skip
        for hit in find_duration_hits(ctx, sent):
            bounds = _quote_bounds(sent, (hit.start, hit.end), *(_tok_bounds(t) for t in hit.about))
            value = Duration(days=hit.days, high=hit.high, qualifier=hit.qualifier, text=hit.text)
            about = " ".join(t.lemma_ for t in hit.about)
            terms = list(dict.fromkeys(ctx.terms(hit.about) + sent_terms))
            named = length_phrase(hit.anchor, span_of(sent, hit.start, hit.end) or sent[0:0])
            out.add("duration", sent, bounds, value, hit.anchor, about=about, terms=terms, when=when, scope=hit.part,
                    phrase=named)  # fmt: skip
    _add_box_counts(out, ctx, boxed)
    _add_box_dates(out, ctx, box, source.title)
    places = counted_places(ctx.main_places, wheres)
    doers = _doers(out.claims, ctx.aliases)
    update = {"places": places, "doers": doers, "people_names": people_names(entities(ctx.doc), ctx.text, ctx.aliases)}
    return sorted((c.model_copy(update=update) for c in out.claims), key=lambda c: (c.start, c.kind))


def _doers(claims: list[Claim], aliases: AliasTable) -> list[str]:
    """The names the account gives doers ("ETA", "the RPF"), keyed as the event signature keys names
    (claims.event.name_key): who did it is never where or what happened, in a fact's label."""
    names = {
        name_key(re.sub(r"^the\s+", "", name.strip(), flags=re.I), aliases)
        for c in claims
        if isinstance(c.value, Actor)
        for name in (c.value.actor, c.value.actor_text)
    }
    return sorted(n for n in names if n)


_FOR_PREPS = ("for", "in", "over")


def _deny_what_came_before(out: ClaimBuilder, sent: Span, new: list[Claim], before: list[Claim],
                           terms: list[str]) -> list[Claim]:  # fmt: skip
    """ "An inquiry contradicted that assertion": a sentence that names no culprit of its own but
    denies the claim before it denies each culprit named there (claims.initiator_anaphor). Returns
    the culprits this sentence named, for the next one."""
    said = [c for c in new if c.kind == "initiator"]
    denial = None if said else denied_claim(sent)
    if denial is None:
        return said
    verb, obj = denial
    for claim in before:
        value = claim.value
        if not isinstance(value, Actor) or value.negated:
            continue
        # the act, its words and its time are the denied claim's: when it was done, not when denied
        denied = value.model_copy(update={"negated": True})
        out.add("initiator", sent, _quote_bounds(sent, _tok_bounds(verb), _tok_bounds(obj)), denied, verb,
                about=claim.about, terms=list(dict.fromkeys([*claim.terms, *terms])), when=claim.when)  # fmt: skip
    return said


def _act_of(event: Token | None, actor: Token, trigger: Token) -> Token | None:
    """The act a blame claim names: its pattern's event word, unless that is the party blamed or a
    word of involvement; then what the blame is for ("blamed Russia for the killings", "denied any
    involvement in the killings"): the act, not the party, names the fact (issue #8)."""
    if event is not None and event.i != actor.i and not event.ent_type_:
        return _blamed_for(event) or event
    return _blamed_for(trigger) or event


def _blamed_for(trigger: Token) -> Token | None:
    """The noun after "for", "in" or "over" on the word or its object, or the act after "of"
    ("accused the rebels of shelling the town")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in (*_FOR_PREPS, "of")):
            for obj in prep.children:
                noun = obj.dep_ == "pobj" and obj.pos_ == "NOUN" and prep.lower_ != "of"
                if noun or (obj.dep_ in ("pcomp", "pobj") and obj.pos_ == "VERB"):  # "for firing on", "of shelling"
                    return obj
    return None


def _add_box_counts(out: ClaimBuilder, ctx: DocContext, boxed: list[BoxCount]) -> None:
    """The counts of casualties fields: the line is their sentence."""
    for hit in boxed:
        line = ctx.doc.char_span(hit.line.start, hit.line.end, alignment_mode="expand")
        anchor = ctx.doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if line is None or anchor is None:
            continue
        about = f"{hit.word} {hit.scope}"
        out.add(hit.kind, line, (hit.start, hit.end), hit.count, anchor[-1], about=about,
                terms=ctx.terms(line, exclude=(hit.start, hit.end)), scope=hit.scope, speaker=hit.speaker)  # fmt: skip


def _add_box_dates(out: ClaimBuilder, ctx: DocContext, box: Infobox, title: str | None) -> None:
    """ "Date: | April 1–11, 2002 |": the date of what the box is about, though the line is short."""
    about = box.name or title
    if not about:
        return
    for f in box.fields:
        if f.role != "date":
            continue
        for mention in ctx.dates_in(f.value_start, f.end)[:1]:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            words = about.split()
            line = ctx.doc.char_span(f.start, f.end, alignment_mode="expand") or span.sent
            out.add("event_date", line, (mention.start, mention.end), mention.span, span.root,
                    about=" ".join(words[:8]), terms=[w.lower() for w in words if len(w) > 2], when=mention.span)  # fmt: skip


def renumber(claims: list[Claim]) -> list[Claim]:
    """Stable ids in reading order: s1c1, s1c2, ..."""
    return [c.model_copy(update={"id": f"{c.source_id}c{i}"}) for i, c in enumerate(claims, 1)]


def extract_claims(sources: Iterable[Source], nlp: Language, aliases: AliasTable | None = None,
                   batch_size: int = 8, *, jobs: int = 1,
                   cache: DocCache | None = None) -> Iterator[tuple[Source, list[Claim]]]:  # fmt: skip
    """Claims of each source, parsing texts in batches with nlp.pipe (yields as it goes, for progress).
    Long texts are read in bounded pieces (claims/pieces.py, issue #10); with `jobs` > 1 and
    enough text, worker processes parse and extract (claims/parallel.py); parsed texts come
    from and go to `cache` (claims/doc_cache.py, issue #11)."""
    from claims.doc_cache import cached_parse
    from claims.parallel import read_parallel, worth_parallel
    from claims.pieces import read_in_pieces

    aliases = aliases or AliasTable()
    items = list(sources)
    if worth_parallel(items, jobs):
        read = read_parallel(items, nlp, aliases, jobs, cache)
    else:
        read = read_in_pieces(items, cached_parse(nlp, cache, batch_size), aliases)
    for source, found in read:
        yield source, renumber(found)
