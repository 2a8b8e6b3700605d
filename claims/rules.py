"""Load the extraction rules from claims/data/rules.json (rules are data, issue #2)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

DATA = resources.files("claims") / "data"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rule table, parsed once per process."""
    return json.loads((DATA / "rules.json").read_text(encoding="utf-8"))


def phrases(*path: str) -> list[str]:
    """A list of phrases from the rule table, longest first so regexes prefer them."""
    node: Any = rules()
    for key in path:
        node = node[key]
    return sorted(node, key=len, reverse=True)
