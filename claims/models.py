"""Claims and their normalised values (see ../shared/eval/REPORT_CONTRACT.md)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["casualties", "wounded", "displaced", "initiator", "event_date", "duration"]
KINDS: tuple[str, ...] = ("casualties", "wounded", "displaced", "initiator", "event_date", "duration")
MUTUAL = "both sides"  # the actor of a reciprocal account ("both sides fired on each other")
NOBODY = "no one"  # the actor of a denial that the act happened at all ("the raid never took place")
UNKNOWN = "not established"  # the actor of an account that says who did it is not known
ACCIDENT = "an accident"  # the actor of an account that says no one did it ("a technical failure")
NUMERIC_KINDS = frozenset({"casualties", "wounded", "displaced"})

Precision = Literal["day", "days", "month", "season", "year", "years", "decade"]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Count(_Value):
    """A number as stated: exact (low == high), a range, or open on one side.

    `qualifier` keeps the hedge word ("over", "around", "at least"); `vague`
    marks amounts like "thousands" whose low/high come from the vague table.
    """

    type: Literal["count"] = "count"
    low: int | None
    high: int | None
    qualifier: str | None = None
    vague: bool = False
    text: str = ""


class DateSpan(_Value):
    """A date as an interval [start, end] with the precision it was stated at."""

    type: Literal["date"] = "date"
    start: date
    end: date
    precision: Precision
    text: str = ""


class Actor(_Value):
    """Who did it, alias-resolved; `negated` for "X was not responsible"."""

    type: Literal["actor"] = "actor"
    actor: str
    target: str | None = None
    negated: bool = False
    actor_text: str = ""
    target_text: str | None = None
    # issue #8: other parties named as doers with the actor ("Yugoslav and Serbian police": Serbia)
    allies: list[str] = Field(default_factory=list)
    # issue #8: names the account ties to another party ("X, a cover name used by Y": X -> Y), read
    # by the analysis as aliases for every account (claims/ties.py, analysis/ties.py)
    ties: dict[str, str] = Field(default_factory=dict)
    # issue #8: the account says the doer began it, in words of its own act's clause ("began shooting",
    # "the storming, which was not sparked by a bomb"), not another doer's ("after the gunman had
    # started firing"): claims/act_onset.py
    began: bool = False


class Duration(_Value):
    """A length in days as stated: `days` alone, a range up to `high` ("10 to 15 minutes"), or hedged by
    `qualifier` ("more than an hour", "about 30 minutes"), read as Count's qualifiers are."""

    type: Literal["duration"] = "duration"
    days: float
    high: float | None = None
    qualifier: str | None = None
    text: str = ""


Value = Annotated[Count | DateSpan | Actor | Duration, Field(discriminator="type")]


class Reviewed(BaseModel):
    """What a person decided about a claim, fact or relation (issue #9), shown apart from the machine's.

    `was` keeps the machine's values that the person replaced (a value, a kind,
    a relation and its reason), so a reader sees both.
    """

    model_config = ConfigDict(extra="forbid")

    actions: list[str] = Field(default_factory=list, description="confirmed, rejected, corrected value, moved, ...")
    note: str = ""
    reviewer: str | None = None
    at: datetime | None = None
    decisions: list[int] = Field(default_factory=list, description="ids of the review decisions (rashomon review list)")
    was: dict[str, Any] = Field(default_factory=dict, description="the machine's values the person replaced")


class Claim(BaseModel):
    """One factual statement of one source, with the words that carry it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source_id: str
    kind: Kind
    quote: str
    sentence: str
    start: int = Field(description="offset of the quote in the source text")
    end: int
    sentence_start: int
    value: Value
    scope: str | None = Field(default=None, description="whom a number is about")
    speaker: str | None = Field(default=None, description="None: the source itself; else who it quotes")
    hedged: bool = False
    about: str = Field(default="", description="the event or population the claim concerns")
    terms: list[str] = Field(default_factory=list, description="normalised words alignment compares")
    entities: list[str] = Field(default_factory=list, description="alias-resolved named entities")
    when: DateSpan | None = Field(default=None, description="the time the claim refers to, if known")
    also: list[str] = Field(default_factory=list, description="other sentences of the source that repeat this claim")
    event: list[str] = Field(default_factory=list, description="the source's main event: names and years of its lead")
    phrase: str = Field(default="", description="what a date is of, as a person would name it: 'when the war began'")
    doers: list[str] = Field(default_factory=list, description="the names its source gives doers, lower case")
    people_names: list[str] = Field(
        default_factory=list, description="the persons' full names and surnames its source gives, lower case"
    )
    places: list[str] = Field(
        default_factory=list,
        description="where its source counts (its main places, the places on its counts; lower case)",
    )
    published: date | None = Field(default=None, description="when its source was published: tells a running count")
    reviewed: Reviewed | None = Field(default=None, description="set when a person reviewed it (issue #9)")
