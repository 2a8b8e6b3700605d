"""The claims the real model reads in one short text: the one way the rule tests built on sentences
of their own read them (issue #8)."""

from __future__ import annotations

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import Actor, Claim, Count
from claims.nlp import load_nlp
from sources.models import Source, text_sha256


def claims_of(text: str) -> list[Claim]:
    """Every claim of `text`, read as one source with the real spaCy model and no user aliases."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    return extract_from_doc(src, load_nlp()(text), AliasTable())


def blame_of(text: str) -> list[Actor]:
    """The values of the blame (initiator) claims the real model reads in `text`."""
    return [c.value for c in claims_of(text) if isinstance(c.value, Actor)]


def doers_of(text: str) -> list[str]:
    """Who each blame claim the real model reads in `text` names, in order."""
    return [a.actor for a in blame_of(text)]


def tolls_of(text: str) -> list[tuple[int | None, str | None]]:
    """(low figure, scope) of each count of the dead the real model reads in `text`."""
    return [(c.value.low, c.scope) for c in claims_of(text) if c.kind == "casualties" and isinstance(c.value, Count)]
