"""The words and colours every face shows for the library's codes (issue #7).

One place for what a reader sees instead of "casualties", "different_scope" or
"contested", and for the colour of each relation, so the reports, the
dashboard and the fact topics say the same thing in the same hues.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a claim is about, in a journalist's words; fact topics start with these ("killed: civilians").
KIND_LABELS = {
    "casualties": "killed",
    "wounded": "wounded",
    "displaced": "displaced",
    "initiator": "who started or attacked",
    "event_date": "date",
    "duration": "how long",
}

# A fact's (group's) status.
STATUS_LABELS = {"contested": "contested", "agree": "agreed", "single": "one source"}

# A claim's standing against the other sources' claims on its fact, worst first.
# Each is its own label ("contradicts" shows as "contradicts").
CONTRADICTS = "contradicts"
AGREES = "agrees"
SCOPE = "different scope"
UNCLEAR = "unclear"
ALONE = "only source"
ABSENT = "not mentioned"
CLAIM_STATUSES: tuple[str, ...] = (CONTRADICTS, AGREES, SCOPE, UNCLEAR, ALONE, ABSENT)
STATUS_RANK = {status: n for n, status in enumerate(CLAIM_STATUSES)}
STATUS_HELP = {
    CONTRADICTS: "contradicts at least one other source",
    AGREES: "agrees with the other sources",
    SCOPE: "counts a different group of people",
    UNCLEAR: "could not be decided",
    ALONE: "no other source states this fact",
    ABSENT: "this source does not mention the fact",
}

# A relation between two claims, as a label: it is also the standing it gives each claim.
# "update" (a later count supersedes an earlier one, set by a person: issue #9) is not a clash.
RELATION_LABELS = {
    "contradict": CONTRADICTS,
    "agree": AGREES,
    "different_scope": SCOPE,
    "unclear": UNCLEAR,
    "update": UNCLEAR,
}
# "claim A <verb> claim B", for sentences such as the CSV's relation summaries.
RELATION_VERBS = {
    "contradict": "contradicts",
    "agree": "agrees with",
    "different_scope": "has a different scope from",
    "unclear": "is unclear against",
    "update": "is a count of another time than",
}
# The standing whose colours a fact's status takes.
STATUS_COLOURS = {"contested": CONTRADICTS, "agree": AGREES, "single": ALONE}

SELF_SPEAKER = "the source itself"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def relation_label(relation: str) -> str:
    if relation == "update":
        return "later update"
    return RELATION_LABELS.get(relation, relation.replace("_", " "))


def speaker_text(speaker: str | None) -> str:
    """Who makes the claim: the source in its own voice, or someone it cites."""
    return SELF_SPEAKER if not speaker else f"according to {speaker}"


@dataclass(frozen=True)
class Colours:
    text: str  # words on the fill, or a coloured heading
    fill: str  # a cell, a badge, a highlight
    strong: str  # marks on white: borders, chart bars, dots
    wash: str  # a large area behind text, such as a report's fact card


# The one palette, per claim standing (issue #7): dashboard cells, badges, charts and the HTML report.
PALETTE: dict[str, Colours] = {
    CONTRADICTS: Colours("#8c1d18", "#f9d7d4", "#c5221f", "#fdeeed"),
    AGREES: Colours("#14532d", "#d3efdc", "#188038", "#ecf7ef"),
    SCOPE: Colours("#7a4300", "#fde7c2", "#e37400", "#fff5e4"),
    UNCLEAR: Colours("#3c4043", "#e3e5e8", "#80868b", "#f1f3f4"),
    ALONE: Colours("#174ea6", "#e1ebfb", "#1a73e8", "#f0f5fd"),
    ABSENT: Colours("#80868b", "#f6f7f8", "#dadce0", "#fafafa"),
}
MUTED = "#5f6368"  # secondary text
# Share of contradictions between two sources, none to all: agree, even, contradict.
# Light enough that dark counts stay readable on every cell.
SHARE_SCALE = ("#81c995", "#fde293", "#f28b82")


def colours(status: str) -> Colours:
    """A standing's colours; an unknown one looks undecided."""
    return PALETTE.get(status, PALETTE[UNCLEAR])
