"""json.dumps(data, ensure_ascii=False, indent=2), written faster (issue #11).

The standard library's indented encoder is pure Python, one generator step per
token: a report of 778,000 relations took 9 s of the 15 s the analysis adds to
spaCy's time. This writes the same text from the same JSON-ready data (dicts,
lists, tuples, strings, numbers, booleans, None), each string through the
library's own C encoder; anything else is left to json.dumps itself, so the
output (or the error) is always what json.dumps gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring  # C versions when the interpreter has them
from typing import Any

INDENT = "  "


class _Unusual(Exception):
    """Data this writer does not handle (a float key, an object): json.dumps does it."""


def dumps(data: Any) -> str:
    """The text json.dumps(data, ensure_ascii=False, indent=2) gives."""
    try:
        return _value(data, 0)
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return float.__repr__(value)
    raise _Unusual


def _value(value: Any, level: int) -> str:
    if isinstance(value, dict):
        return _dict(value, level)
    if isinstance(value, list | tuple):
        return _list(value, level)
    return _scalar(value)


def _list(items: list | tuple, level: int) -> str:
    if not items:
        return "[]"
    inner = "\n" + INDENT * (level + 1)
    return "[" + inner + ("," + inner).join(_value(v, level + 1) for v in items) + "\n" + INDENT * level + "]"


_FLAT = frozenset({str, int, float, bool, type(None)})
_KEYS = frozenset({str})


def _dict(data: dict, level: int) -> str:
    if not data:
        return "{}"
    inner = "\n" + INDENT * (level + 1)
    if _FLAT.issuperset(map(type, data.values())) and _KEYS.issuperset(map(type, data)) and c_make_encoder:
        # a record of plain values (a relation): the library's C encoder, its items on lines of their own
        return "{" + inner + "".join(_flat_encoder(level)(data, 0))[1:-1] + "\n" + INDENT * level + "}"
    parts = []
    for key, value in data.items():
        if not isinstance(key, str):
            raise _Unusual  # json.dumps turns numbers and None into keys its own way
        parts.append(encode_basestring(key) + ": " + _value(value, level + 1))
    return "{" + inner + ("," + inner).join(parts) + "\n" + INDENT * level + "}"


_ENCODERS: dict[int, Callable] = {}


def _flat_encoder(level: int) -> Callable:
    """The C encoder, unindented, whose item separator starts each item on a line of its own at `level` + 1."""
    found = _ENCODERS.get(level)
    if found is None:
        separator = ",\n" + INDENT * (level + 1)
        plain = json.JSONEncoder(ensure_ascii=False)
        found = _ENCODERS[level] = c_make_encoder(
            None, plain.default, encode_basestring, None, ": ", separator, False, False, True
        )
    return found
