"""Read `sources.json`, the metadata a user writes next to their files (issue #2).

A folder of saved articles rarely says who published each one or when; the
sidecar lets the user state it once, by file name, instead of per command.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from sources.errors import BadSidecar
from sources.models import SourceMeta

SIDECAR_NAME = "sources.json"
_TEXT_FIELDS = ("publisher", "title", "address", "side")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_sidecar(folder: Path) -> dict[str, SourceMeta]:
    """Metadata by file name from `folder/sources.json`; {} when there is none.

    Unknown keys (and "note") are ignored so that users can annotate freely;
    anything else that is wrong raises BadSidecar naming the entry.
    """
    path = Path(folder) / SIDECAR_NAME
    label = str(Path(folder))
    if not path.exists():
        return {}
    try:
        raw = path.read_bytes().decode("utf-8-sig")
        entries = json.loads(raw)
    except OSError as exc:
        raise BadSidecar(label, detail=exc.strerror or type(exc).__name__) from None
    except UnicodeDecodeError as exc:
        raise BadSidecar(label, detail=f"not UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise BadSidecar(label, detail=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(entries, list):
        raise BadSidecar(label, detail="expected a JSON list of objects")
    found: dict[str, SourceMeta] = {}
    for number, entry in enumerate(entries, start=1):
        name, meta = _entry(entry, label=label, number=number)
        if name in found:
            raise BadSidecar(label, detail=f"entry {number}: {name!r} is listed twice")
        found[name] = meta
    return found


def _entry(entry: object, *, label: str, number: int) -> tuple[str, SourceMeta]:
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise BadSidecar(label, detail=f"{where} is not an object")
    name = entry.get("file")
    if not isinstance(name, str) or not name.strip():
        raise BadSidecar(label, detail=f'{where} has no "file" name')
    fields: dict[str, object] = {}
    for key in _TEXT_FIELDS:
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            raise BadSidecar(label, detail=f'{where} ({name}): "{key}" must be text or null')
        fields[key] = (value or "").strip() or None
    fields["published"] = _published(entry.get("published"), label=label, where=f"{where} ({name})")
    return Path(name.strip()).name, SourceMeta(**fields)


def _published(value: object, *, label: str, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadSidecar(label, detail=f'{where}: "published" must be YYYY-MM-DD or null, not {value!r}')
