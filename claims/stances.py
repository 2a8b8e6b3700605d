"""Whose side a described group is said to be on (issue #8): "pro-Russian separatists" are for
Russia, "anti-government protesters" against the government. Such a group is not the side it is
for: the extractor keeps the phrase as the actor, and the comparison reads the stance."""

from __future__ import annotations

import re

FOR, AGAINST = "pro-", "anti-"
_STANCE = re.compile(rf"\b({FOR[:-1]}|{AGAINST[:-1]})-([\w'’]+)", re.I)


def stances(name: str) -> list[tuple[bool, str]]:
    """(for?, whom as written) of each stance word in the phrase: "pro-Kyiv crowd" -> [(True, "Kyiv")]."""
    return [(lead.casefold() == FOR[:-1], whom) for lead, whom in _STANCE.findall(name)]


def of_a_stance(name: str) -> bool:
    """The name opens with a stance word ("Pro-Russian", tagged as a nationality): no party's name."""
    return name.casefold().startswith((FOR, AGAINST))
