"""Reading JSON that enters from outside the code, checked by a pydantic model (issue #7).

Every file a user writes (`sources.json`, an alias file) and every data file
shipped with the package is read through `read_json` and `check`, so a bad
file gives one line naming the file and the field, as a `RashomonError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sources.errors import RashomonError

M = TypeVar("M", bound=BaseModel)
Where = Callable[[tuple[int | str, ...]], str]

_PLAIN = {
    "missing": "is missing",
    "extra_forbidden": "is not a known field (misspelt?)",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "string_too_short": "must not be empty",
}


def field_path(loc: tuple[int | str, ...]) -> str:
    """('scope', 'roles', 'civilian', 0) -> 'scope.roles.civilian[0]'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def quoted_path(loc: tuple[int | str, ...]) -> str:
    return f'"{field_path(loc)}"'


def problem(exc: ValidationError, where: Where = quoted_path) -> str:
    """The first thing wrong, as `where what` ('"scope.general[3]" must be text')."""
    first = exc.errors(include_url=False)[0]
    loc = tuple(first["loc"])
    if first["type"] in ("value_error", "assertion_error"):
        what = str(first.get("ctx", {}).get("error", first["msg"]))
    else:
        what = _PLAIN.get(first["type"], first["msg"][:1].lower() + first["msg"][1:])
    more = len(exc.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where(loc)} {what}{tail}" if loc else f"{what}{tail}"


class _RepeatedKey(ValueError):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's keys, each once: a key given twice silently drops the first value."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _RepeatedKey(key)
        found[key] = value
    return found


def read_json(path: Traversable, error: type[RashomonError], name: str, *, unique_keys: bool = False) -> Any:
    """The parsed JSON of `path` (a Path, or package data); `error(name, detail=...)` if it cannot be
    read, or with `unique_keys` if an object gives one key twice."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
        return json.loads(raw, object_pairs_hook=_unique if unique_keys else None)
    except _RepeatedKey as exc:
        raise error(name, detail=f'"{exc.args[0]}" is given twice in one object') from None
    except OSError as exc:
        raise error(name, detail=exc.strerror or type(exc).__name__) from None
    except UnicodeDecodeError as exc:
        raise error(name, detail=f"not UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise error(name, detail=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def check(model: type[M], data: Any, error: type[RashomonError], name: str, where: Where = quoted_path) -> M:
    """`data` as a `model`; `error(name, detail=...)` naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(name, detail=problem(exc, where)) from None
