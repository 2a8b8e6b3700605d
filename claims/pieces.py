"""Long texts in bounded pieces (issue #10): memory flat, time linear in length.

A report, a book or a transcript parsed as one spaCy Doc costs memory with its
length and some per-sentence look-ups grow with it too (a 3.2 MB text used
8.8 GB). So a text longer than WHOLE_CHARS is cut at paragraph breaks into
pieces of at most PIECE_CHARS; each piece is parsed and read on its own, and its
claims are moved back to the offsets of the whole text, so quotes and offsets
stay exact. What a claim takes from the whole document stays whole-document:
every claim carries the event signature of the first piece and the title (the
headline and lead name the event), and dates are placed with the publication
date. A text of one piece is read exactly as before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from claims.actors import AliasTable
from claims.models import Claim
from sources.clean import mask_citations, mask_cut_word, unwrap_lines
from sources.models import Source

WHOLE_CHARS = 100_000  # a text up to this size (any news article) is read whole, as always
PIECE_CHARS = 10_000  # the pieces of a longer one: spaCy is fastest and leanest on a few pages at a time
BATCH_CHARS = 200_000  # texts parsed together at most (spaCy's memory grows with a batch's length)
# A piece should end where a sentence does: a number at the very end of a text
# without a full stop is taken as cut off (extract._dangling).
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")", "]", ":", ";")


def split_pieces(text: str, limit: int = PIECE_CHARS, whole: int = WHOLE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`: the whole text up to `whole` characters,
    else pieces of at most `limit`, cut after a paragraph (a blank line, else a line break, else
    a space), where a sentence ends if one does."""
    if len(text) <= max(whole, limit):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, hard: int) -> int:
    """Where to end a piece that starts at `start` and may not pass `hard`."""
    floor = start + (hard - start) // 2  # never a piece under half the limit
    for sep in ("\n\n", "\n"):
        fallback = -1
        at = text.rfind(sep, floor, hard)
        while at != -1:
            if fallback == -1:
                fallback = at
            if text[floor:at].rstrip().endswith(_SENTENCE_ENDS):
                return at + len(sep)
            at = text.rfind(sep, floor, at)
        if fallback != -1:
            return fallback + len(sep)
    at = text.rfind(" ", floor, hard)
    return at + 1 if at != -1 else hard


@dataclass
class _Piece:
    index: int  # of the source in the input
    last: bool  # the source's last piece
    offset: int  # of the piece in the (masked) text
    text: str


def pieces_of(sources: list[Source], limit: int = PIECE_CHARS, whole: int = WHOLE_CHARS) -> Iterator[_Piece]:
    """Every source's masked text in pieces, in order."""
    for i, source in enumerate(sources):
        text = mask_cut_word(unwrap_lines(mask_citations(source.text)))
        spans = split_pieces(text, limit, whole)
        for n, (start, end) in enumerate(spans):
            yield _Piece(i, n == len(spans) - 1, start, text[start:end] if len(spans) > 1 else text)


def read_piece(source: Source, piece: _Piece, doc: Doc, aliases: AliasTable) -> tuple[list[Claim], list[str] | None]:
    """The claims of one parsed piece at the offsets of the whole text, and, for the first
    piece of a long text, the document's event (the headline and lead name it)."""
    from claims.context import DocContext
    from claims.extract import ClaimBuilder, extract_from_doc

    if piece.offset == 0 and piece.last:  # the whole text: exactly as always
        return extract_from_doc(source, doc, aliases), None
    event = None
    if piece.offset == 0:
        event = ClaimBuilder(source, DocContext.build(doc, aliases, source.published)).event
    part = source.model_copy(update={"text": piece.text})
    shift = piece.offset
    claims = [
        c.model_copy(
            update={"start": c.start + shift, "end": c.end + shift, "sentence_start": c.sentence_start + shift}
        )  # fmt: skip
        for c in extract_from_doc(part, doc, aliases)
    ]
    return claims, event


def assemble(items: list[Source], read: Iterable[tuple[_Piece, list[Claim], list[str] | None]]
             ) -> Iterator[tuple[Source, list[Claim]]]:  # fmt: skip
    """(source, claims in reading order) from the pieces' claims, given in order: every claim
    of a long text carries the event of its first piece."""
    claims: list[Claim] = []
    event: list[str] | None = None
    for piece, found, first_event in read:
        if first_event is not None:
            event = first_event
        if piece.offset == 0 and piece.last:
            claims = found
        else:
            claims.extend(c.model_copy(update={"event": event}) for c in found)
        if piece.last:
            yield items[piece.index], claims
            claims, event = [], None


def read_in_pieces(sources: Iterable[Source], parse, aliases: AliasTable, limit: int = PIECE_CHARS,
                   whole: int = WHOLE_CHARS) -> Iterator[tuple[Source, list[Claim]]]:  # fmt: skip
    """(source, claims in reading order) for each source; `parse` turns an iterable of
    piece texts into Docs in order (nlp.pipe, or the parse cache)."""
    items = list(sources)
    queue: deque[_Piece] = deque()  # pieces handed to `parse` whose Doc has not come back yet

    def texts() -> Iterator[str]:
        for piece in pieces_of(items, limit, whole):
            queue.append(piece)
            yield piece.text

    def read() -> Iterator[tuple[_Piece, list[Claim], list[str] | None]]:
        for doc in parse(texts()):
            piece = queue.popleft()
            yield piece, *read_piece(items[piece.index], piece, doc, aliases)

    yield from assemble(items, read())


def batches(texts: Iterable[str], size: int = 8, chars: int = BATCH_CHARS) -> Iterator[list[str]]:
    """Consecutive batches of at most `size` texts and, past the first text, `chars` characters."""
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) >= size or length + len(text) > chars):
            yield batch
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield batch


def pipe_parser(nlp: Language, batch_size: int = 8):
    """`parse` for read_in_pieces: nlp.pipe over batches bounded in number and length."""

    def parse(texts: Iterable[str]) -> Iterator[Doc]:
        for batch in batches(texts, batch_size):
            yield from nlp.pipe(batch, batch_size=len(batch))

    return parse
