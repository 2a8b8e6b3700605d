"""Read `sources.json`, the metadata a user writes next to their files (issue #2).

A folder of saved articles rarely says who published each one or when; the
sidecar lets the user state it once, by file name, instead of per command.
Each entry is checked by `SidecarEntry` (issue #7): a misspelt field is an
error naming the entry, not a silently lost date.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from sources.errors import BadSidecar
from sources.models import SourceMeta
from sources.schemas import check, read_json

SIDECAR_NAME = "sources.json"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class SidecarEntry(BaseModel):
    """One entry of `sources.json`: a file name and what the user states about it."""

    model_config = ConfigDict(extra="forbid")

    file: str
    publisher: str | None = None
    title: str | None = None
    address: str | None = None
    side: str | None = None
    published: date | None = None
    note: str | None = None  # the user's own remark; never read

    @field_validator("file")
    @classmethod
    def _file(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return Path(value.strip()).name

    @field_validator("publisher", "title", "address", "side")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        return (value or "").strip() or None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: object) -> object:
        if value is None or value == "":
            return None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError(f"must be YYYY-MM-DD or null, not {value!r}")

    def meta(self) -> SourceMeta:
        return SourceMeta(**self.model_dump(exclude={"file", "note"}))


def read_sidecar(folder: Path) -> dict[str, SourceMeta]:
    """Metadata by file name from `folder/sources.json`; {} when there is none.

    Anything wrong (also an unknown field) raises BadSidecar naming the entry and the field.
    """
    path = Path(folder) / SIDECAR_NAME
    label = str(Path(folder))
    if not path.exists():
        return {}
    entries = read_json(path, BadSidecar, label)
    if not isinstance(entries, list):
        raise BadSidecar(label, detail="expected a JSON list of objects")
    found: dict[str, SourceMeta] = {}
    for number, raw in enumerate(entries, start=1):
        entry = _entry(raw, label=label, number=number)
        if entry.file in found:
            raise BadSidecar(label, detail=f"entry {number}: {entry.file!r} is listed twice")
        found[entry.file] = entry.meta()
    return found


def _entry(raw: object, *, label: str, number: int) -> SidecarEntry:
    where = f"entry {number}"
    if not isinstance(raw, dict):
        raise BadSidecar(label, detail=f"{where} is not an object")
    name = raw.get("file")
    if not isinstance(name, str) or not name.strip():
        raise BadSidecar(label, detail=f'{where} has no "file" name')
    return check(SidecarEntry, raw, BadSidecar, label, where=lambda loc: f'{where} ({name.strip()}): "{loc[-1]}"')
