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
    from read_text import blame_of

    return blame_of
