"""Test-wide settings: the parse cache (issue #11) goes to a fresh folder, never the user's."""

import os
import tempfile

os.environ.setdefault("RASHOMON_CACHE", tempfile.mkdtemp(prefix="rashomon-test-cache-"))
