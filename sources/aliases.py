"""Read a user's alias file, `{"aliases": {"Kelbajar": "Kalbajar", "CSCE": "OSCE"}}` (issues #2, #7).

The bare mapping `{"Kelbajar": "Kalbajar"}` is read too. Anything else is a
BadAliasFile naming the file and the entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from sources.errors import BadAliasFile
from sources.schemas import check, read_json

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class AliasFile(BaseModel):
    """A surface form -> the canonical name it stands for."""

    model_config = ConfigDict(extra="forbid")

    aliases: dict[Name, Name]


def read_alias_file(path: Path) -> dict[str, str]:
    """The aliases in `path`; BadAliasFile if it is unreadable or not an alias table."""
    name = str(path)
    data = read_json(Path(path), BadAliasFile, name)
    if not isinstance(data, dict):
        raise BadAliasFile(name, detail='expected {"aliases": {"name": "canonical"}}')
    if "aliases" not in data:
        data = {"aliases": data}  # the bare mapping
    return check(AliasFile, data, BadAliasFile, name).aliases
