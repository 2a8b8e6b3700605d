"""Key-value lines: wiki infoboxes and fact boxes (issue #8, FAILURE_MODES 11).

"Combatant2: | Fatah |" and "Casualties2: | 52 dead |" say whose dead the
52 are, though the line itself names nobody; "Strength2: | some 200 |" counts
fighters, not dead. A line whose label the rules know ("casualties",
"combatant", "strength", "date" in rules.json "infobox") is read as a field: its
label and side number (the digit after the label) give the line's kind and
side; the side's name is the first name on its party line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claims.rules import rules

# "Casualties2: | 52 dead |", "Date: April 1–11, 2002", "Casualties and losses\t23 dead"
_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &-]{1,40}?)\s*(?P<side>\d)?\s*(?::\s*\|?|\t|\s\|)\s*(?P<value>.*)$")


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """label -> role (party, casualties, strength, date, name)"""
    box = rules()["infobox"]
    return {label: role for role in ("party", "casualties", "strength", "date", "name") for label in box[role]}


@dataclass(frozen=True)
class BoxField:
    role: str
    side: int | None
    start: int  # of the line in the text
    end: int
    value_start: int


@dataclass
class Infobox:
    fields: list[BoxField] = field(default_factory=list)
    sides: dict[int, str] = field(default_factory=dict)  # side number -> its first name
    name: str | None = None  # what the box is about ("Battle of X")

    def field_at(self, offset: int) -> BoxField | None:
        return next((f for f in self.fields if f.start <= offset < f.end), None)

    def side_of(self, offset: int) -> str | None:
        """The side whose casualties line holds `offset`."""
        f = self.field_at(offset)
        if f is None or f.role != "casualties" or f.side is None:
            return None
        return self.sides.get(f.side)


def read_infobox(text: str) -> Infobox:
    box = Infobox()
    labels = _labels()
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        m = _FIELD.match(line)
        role = labels.get(m["label"].strip().lower()) if m else None
        if role is None:
            last = box.fields[-1] if box.fields else None
            if m is None and last is not None and last.end == start - 1 and line.rstrip().endswith("|"):
                # the field's value goes on ("52 dead per HRW" / "53 dead per the IDF |")
                box.fields.append(BoxField(last.role, last.side, start, start + len(line), start))
            continue
        side = int(m["side"]) if m["side"] else None
        value = m["value"].strip().strip("|").strip()
        box.fields.append(BoxField(role, side, start, start + len(line), start + m.start("value")))
        if role == "party" and side is not None and value:
            box.sides.setdefault(side, _first_name(value))
        elif role == "name" and value and box.name is None:
            box.name = value
    return box


def _first_name(value: str) -> str:
    """ "Fatah Hamas" -> "Fatah"; "Israel" -> "Israel": the first name a party line gives."""
    words = re.split(r"\s{2,}|\||,|;| and ", value)
    first = words[0].strip()
    return first.split()[0] if len(first.split()) > 3 else first


def side_number(line: str) -> int | None:
    """The side a field line belongs to ("Casualties2: | 52 dead |" -> 2), None for any other line."""
    m = _FIELD.match(line.split("\n", 1)[0])
    if m is None or not m["side"] or _labels().get(m["label"].strip().lower()) is None:
        return None
    return int(m["side"])


def sides_differ(a: str, b: str) -> bool:
    """Two field lines of different sides of one box."""
    sa, sb = side_number(a), side_number(b)
    return sa is not None and sb is not None and sa != sb
