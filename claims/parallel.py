"""Parsing and extraction on every core (issue #11).

spaCy runs on one core; extraction is a quarter of its time again. With many
documents (or one long one), batches of pieces go to a pool of worker
processes that parse (or load from the parse cache) and extract, and send back
claims, far smaller than Docs. The workers are forked from the process that
already loaded the pipeline, so spaCy is loaded once, not once per worker.
Results come back in input order, so the claims are the same as one process
reading the sources in turn.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language

from claims.actors import AliasTable
from claims.doc_cache import DocCache, cached_parse
from claims.models import Claim
from claims.pieces import BATCH_CHARS, _Piece, assemble, pieces_of, read_piece
from sources.models import Source

JOBS_ENV = "RASHOMON_JOBS"
MIN_SOURCES = 16  # fewer short texts: starting workers costs more than it saves
MIN_CHARS = 300_000  # ... unless they are long

_WORKER: dict = {}  # the forked worker's pipeline, aliases and cache


def default_jobs() -> int:
    """$RASHOMON_JOBS, else every core when it is safe to fork (no other threads, e.g. not
    inside the dashboard's server), else 1."""
    stated = os.environ.get(JOBS_ENV, "").strip()
    if stated.isdigit() and int(stated) > 0:
        return int(stated)
    if threading.active_count() > 1 or "fork" not in mp.get_all_start_methods():
        return 1
    return os.cpu_count() or 1


def worth_parallel(sources: Sequence[Source], jobs: int) -> bool:
    return jobs > 1 and (len(sources) >= MIN_SOURCES or sum(len(s.text) for s in sources) >= MIN_CHARS)


def _tasks(items: list[Source], size: int = 8) -> Iterator[list[tuple[Source, _Piece]]]:
    """Batches of (source as the worker needs it, piece), bounded like claims.pieces.batches."""
    batch: list[tuple[Source, _Piece]] = []
    length = 0
    for piece in pieces_of(items):
        if batch and (len(batch) >= size or length + len(piece.text) > BATCH_CHARS):
            yield batch
            batch, length = [], 0
        source = items[piece.index]
        if not (piece.offset == 0 and piece.last):  # a piece of a long text: do not send the whole text
            source = source.model_copy(update={"text": ""})
        batch.append((source, piece))
        length += len(piece.text)
    if batch:
        yield batch


def _work(task: list[tuple[Source, _Piece]]) -> list[tuple[_Piece, list[Claim], list[str] | None]]:
    nlp, aliases, cache = _WORKER["nlp"], _WORKER["aliases"], _WORKER["cache"]
    docs = cached_parse(nlp, cache, batch_size=len(task))(piece.text for _source, piece in task)
    return [(piece, *read_piece(source, piece, doc, aliases)) for (source, piece), doc in zip(task, docs, strict=True)]


def read_parallel(sources: Iterable[Source], nlp: Language, aliases: AliasTable, jobs: int,
                  cache: DocCache | None = None) -> Iterator[tuple[Source, list[Claim]]]:  # fmt: skip
    """(source, claims) in input order, parsed and extracted by `jobs` forked workers."""
    items = list(sources)
    _WORKER.update(nlp=nlp, aliases=aliases, cache=cache)
    try:
        with mp.get_context("fork").Pool(jobs) as pool:
            done = pool.imap(_work, _tasks(items))
            yield from assemble(items, (r for batch in done for r in batch))
    finally:
        _WORKER.clear()
