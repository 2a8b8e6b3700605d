"""json.dumps(data, ensure_ascii=False, indent=2), written faster and in less memory (issue #11).

The standard library's indented encoder is pure Python, one generator step per
token: a report of 778,000 relations took 9 s of the 15 s the analysis added to
spaCy's time. This writes the same text from the same JSON-ready data (dicts,
lists, tuples, strings, numbers, booleans, None): a record of plain values (a
relation) through the library's own C encoder, every piece into one list
joined once, so the long text is not copied level by level. A `Lazy` list
makes its items (a relation's dict) one at a time as they are written.
Anything else is left to json.dumps itself, so the output (or the error) is
always what json.dumps gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from json.encoder import c_make_encoder, encode_basestring  # C versions when the interpreter has them
from typing import Any

INDENT = "  "
_FLAT = frozenset({str, int, float, bool, type(None)})
_KEYS = frozenset({str})


class _Unusual(Exception):
    """Data this writer does not handle (a number as a key, an object): json.dumps does it."""


class Lazy(Sequence):
    """A list written as its items made one at a time: `make(item)` for each of `items`.

    For the hundreds of thousands of relations of a report: each becomes a dict
    only when it is written, so they are never all held as dicts at once.
    """

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        self.items, self.make = items, make

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self.make(item) for item in self.items[index]]
        return self.make(self.items[index])

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, self.items)


def dumps(data: Any, end: str = "") -> str:
    """The text json.dumps(data, ensure_ascii=False, indent=2) + end gives; a Lazy is a list there."""
    pieces: list[str] = []
    try:
        _write(data, 0, pieces)
    except (_Unusual, RecursionError):
        return json.dumps(_eager(data), ensure_ascii=False, indent=2) + end
    pieces.append(end)
    return "".join(pieces)


def _eager(data: Any) -> Any:
    """The data with every Lazy made a list, for json.dumps."""
    if isinstance(data, Lazy):
        return [_eager(item) for item in data]
    if isinstance(data, dict):
        return {key: _eager(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_eager(item) for item in data]
    if isinstance(data, tuple):
        return tuple(_eager(item) for item in data)
    return data


def _write(value: Any, level: int, out: list[str]) -> None:
    if isinstance(value, dict):
        _dict(value, level, out)
    elif isinstance(value, list | tuple | Lazy):
        _list(value, level, out)
    else:
        out.append(_scalar(value))


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
    raise _Unusual  # NaN and infinities, objects: json.dumps writes or refuses them


def _list(items: list | tuple | Lazy, level: int, out: list[str]) -> None:
    if not items:
        out.append("[]")
        return
    inner = "\n" + INDENT * (level + 1)
    separator = "," + inner
    out.append("[" + inner)
    for n, item in enumerate(items):
        if n:
            out.append(separator)
        _write(item, level + 1, out)
    out.append("\n" + INDENT * level + "]")


def _dict(data: dict, level: int, out: list[str]) -> None:
    if not data:
        out.append("{}")
        return
    inner = "\n" + INDENT * (level + 1)
    if c_make_encoder and _FLAT.issuperset(map(type, data.values())) and _KEYS.issuperset(map(type, data)):
        # a record of plain values (a relation): the library's C encoder, its items on lines of their own
        text = "".join(_flat_encoder(level)(data, 0))
        out.append("{" + inner + text[1:-1] + "\n" + INDENT * level + "}")
        return
    separator = "," + inner
    out.append("{" + inner)
    for n, (key, value) in enumerate(data.items()):
        if not isinstance(key, str):
            raise _Unusual  # json.dumps turns numbers and None into keys its own way
        out.append((separator if n else "") + encode_basestring(key) + ": ")
        _write(value, level + 1, out)
    out.append("\n" + INDENT * level + "}")


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
