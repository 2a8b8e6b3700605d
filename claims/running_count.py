"""Words by which a figure's own sentence calls it early, rising, revised or final (rules.json
`running_count`, issue #8). Read by claims.count_beside, which keeps such figures rival
figures, and by analysis.compare, which reads them as one toll at two moments."""

from __future__ import annotations

from claims.rules import rules

RUNNING_KEYS = ("preliminary", "rose", "revised", "final")  # the keys that tell a figure's moment
_AFTER = (" ", ",", ". ", "! ", "? ")  # the sentence-final marks only at its end: the text ends with a space


def says(sentence: str, key: str) -> str | None:
    """The first of the running-count words `key` the sentence says, followed by a space, a comma
    or the sentence's end ("... warning that the figure was not yet final.")."""
    text = f" {sentence.lower().rstrip()} "
    return next((w for w in rules()["running_count"][key] if any(f" {w}{c}" in text for c in _AFTER)), None)


def stated_before(sentence: str, quote_end: int) -> str | None:
    """The words right after a figure (its quote's end) that make it one stated before and corrected since ("68, and
    not 86 as stated earlier"): they say so of that figure, not of the sentence's other one."""
    rest = sentence[quote_end:].lower().lstrip(" ,")
    return next((w for w in rules()["running_count"]["stated_before"] if rest.startswith(w)), None)
