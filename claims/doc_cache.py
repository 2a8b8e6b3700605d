"""Parsed texts kept on disk, so analysing a text again skips spaCy (issue #11).

Parsing is most of the work; the rules change far more often than the model.
Each parsed text is stored as a spaCy DocBin under a folder named by the
pipeline (its name, version, components and the spaCy version) and a file
named by the SHA-256 of the text: a new model or spaCy version starts a new
folder, and a changed text a new file. The extraction rules are not part of
the key: re-extracting with new rules is exactly what the cache is for.

Where: $RASHOMON_CACHE, else $XDG_CACHE_HOME/rashomon, else ~/.cache/rashomon;
RASHOMON_CACHE=off turns it off. A file that cannot be read or written is
parsed again, never an error: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from sources.settings import cache_folder

FORMAT = "1"  # bump when what is stored changes (e.g. the line-break component)


def default_folder() -> Path | None:
    """The cache folder the environment asks for, or None when it is turned off."""
    return cache_folder()


def pipeline_key(nlp: Language) -> str:
    """What made a parse: model name and version, its components, spaCy's version."""
    meta = nlp.meta
    raw = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
    digest = hashlib.sha256(",".join(nlp.pipe_names).encode()).hexdigest()[:8]
    return re.sub(r"[^\w.+-]", "_", f"{raw}-spacy{spacy.__version__}-{digest}-f{FORMAT}")


class DocCache:
    """Parsed Docs of one pipeline, by text."""

    def __init__(self, folder: Path, nlp: Language) -> None:
        self.folder = Path(folder) / "parsed" / pipeline_key(nlp)
        self.vocab = nlp.vocab
        self.hits = 0
        self.misses = 0

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.spacy"

    def get(self, text: str) -> Doc | None:
        try:
            data = self._path(text).read_bytes()
            [doc] = list(DocBin().from_bytes(data).get_docs(self.vocab))
        except (OSError, ValueError, KeyError):
            self.misses += 1
            return None
        if doc.text != text:  # a hash collision or a damaged file: parse again
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, text: str, doc: Doc) -> None:
        path = self._path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = DocBin(docs=[doc], store_user_data=False).to_bytes()
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
                tmp.write(data)
            os.replace(tmp.name, path)  # whole or not at all, even with two processes writing
        except OSError:
            return


def cached_parse(nlp: Language, cache: DocCache | None, batch_size: int = 8):
    """`parse` for claims.pieces.read_in_pieces: Docs from the cache, the rest parsed with nlp.pipe
    in bounded batches (and stored)."""
    from claims.pieces import batches

    def parse(texts) -> list[Doc] | object:
        for batch in batches(texts, batch_size):
            found = [cache.get(t) if cache is not None else None for t in batch]
            todo = [t for t, d in zip(batch, found, strict=True) if d is None]
            parsed = iter(nlp.pipe(todo, batch_size=len(todo)) if todo else ())
            for text, doc in zip(batch, found, strict=True):
                if doc is None:
                    doc = next(parsed)
                    if cache is not None:
                        cache.put(text, doc)
                yield doc

    return parse
