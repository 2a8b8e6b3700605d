"""Test-wide settings: the parse cache (issue #11) goes to a fresh folder, never the user's;
`fresh_workspace`, a real workspace file for the store's tests (issue #3); `initiator_values`, the
blame claims the real model reads in one text (issue #8)."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("RASHOMON_CACHE", tempfile.mkdtemp(prefix="rashomon-test-cache-"))


@pytest.fixture
def fresh_workspace(tmp_path: Path):
    """A new workspace file in tmp_path, closed after the test."""
    from workspace.store import Workspace

    with Workspace(tmp_path / "ws.db") as ws:
        yield ws


@pytest.fixture(scope="session")
def initiator_values():
    """text -> the values of the initiator claims extracted from it, with the real spaCy model."""
    from claims.actors import AliasTable
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str) -> list:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
        return [c.value for c in extract_from_doc(src, nlp(text), aliases) if c.kind == "initiator"]

    return run
