"""Load the extraction rules from claims/data/rules.json (rules are data, issue #2).

The file is checked against `claims.data_files.RulesFile` when first read;
callers get the plain parsed JSON.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claims.data_files import RulesFile, read


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rule table, parsed and checked once per process."""
    data, _ = read("rules.json", RulesFile)
    return data


def phrases(*path: str) -> list[str]:
    """A list of phrases from the rule table, longest first so regexes prefer them."""
    node: Any = rules()
    for key in path:
        node = node[key]
    return sorted(node, key=len, reverse=True)
