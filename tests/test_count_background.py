"""The toll of another, earlier incident an account recalls as background is not its event's
toll (claims.count_background, issue #8). Sentences written for these tests; the towns are
made up, the states real."""

from __future__ import annotations

from datetime import date

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model

LEAD = (
    "Shells kill 14 at market in Marova\n"
    "MAROVA, May 4, 2021 (Wire) - Fourteen people were killed on Monday when shells struck the "
    "crowded market in Marova, a town near the front line, local officials said. Rescuers worked "
    "through the night to pull survivors from the rubble of the market hall, and the town's "
    "hospital appealed for blood donors. The army and the rebels blamed each other for the attack.\n"
)


@pytest.fixture(scope="module")
def counts():
    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str, published: date = date(2021, 5, 4)) -> dict[int, str | None]:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text), published=published)
        return {c.value.low: c.scope for c in extract_from_doc(src, nlp(text), aliases) if c.kind == "casualties"}

    return run


@pytest.mark.parametrize(
    "recalled",
    [
        "The rebels also shelled the bus station at Dolsk in March last year, killing 31 people.",
        "Both sides were blamed for the shelling of Dolsk in March 2020, which killed 31 people.",
        "In March 2020 a shell hit a queue for bread in Dolsk; 31 people were killed.",
        # the lead dates its event on a day: an incident elsewhere months before, in the same year, is
        # another one (claims.count_background.lead_event_start)
        "In January 2021 a car bomb at the bus station in Dolsk killed 31 people.",
        "On 2 February 2021, a car bomb killed 31 people at a checkpoint in Dolsk.",
    ],
)
def test_count_an_earlier_incident_elsewhere_is_not_the_events_toll(counts, recalled: str):
    found = counts(LEAD + recalled)
    assert ", earlier" not in (found[14] or "")
    assert ", earlier" in (found[31] or "")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the event's own place: a later report retells its own event's day
        (
            "Court rules on market shelling\nTHE HAGUE, June 3, 2024 (Wire) - Judges said on Monday the "
            "army had fired the shells that hit the market of Marova. In May 2021, the shelling of the "
            "market in Marova killed 14 people.",
            date(2024, 6, 3),
        ),
        # no place: an earlier day of the event's own war, not another incident
        (LEAD + "In March last year, 31 people were killed in the fighting.", date(2021, 5, 4)),
        # the event's own year: another place on the same days may be a part of the event
        (LEAD + "On the same Monday, shells killed 31 people in Dolsk.", date(2021, 5, 4)),
        # days before the lead's day: the same offensive, perhaps
        (LEAD + "On 28 April 2021, shells killed 31 people in Dolsk.", date(2021, 5, 4)),
        # months before, but no place named: an earlier day of the event's own war
        (LEAD + "In January 2021, 31 people were killed in the fighting.", date(2021, 5, 4)),
    ],
)
def test_count_of_the_event_itself_is_not_an_earlier_incident(counts, text: str, published: date):
    assert not any(", earlier" in (scope or "") for scope in counts(text, published).values())


@pytest.mark.parametrize(
    ("recalled", "figure"),
    [
        ("The shelling came a month after the massacre at Dolsk, in which gunmen killed 31 people.", 31),
        ("It came five weeks after rebels killed 31 people in the border town of Dolsk.", 31),
        ("The attack came two days after a suicide bomber killed 31 people at a bus station.", 31),
    ],
)
def test_count_of_an_incident_the_event_came_after_is_not_its_toll(counts, recalled: str, figure: int):
    found = counts(LEAD + recalled)
    assert ", earlier" in (found[figure] or "")
    assert ", earlier" not in (found[14] or "")


@pytest.mark.parametrize(
    "text",
    [
        # no stretch of time: what set off the event may be told as a part of it
        "Troops opened fire on the market after gunmen had killed two policemen there.",
        # the count is the event's own, told after another act
        "Two days after the first shells fell, 31 people had been killed in the town.",
    ],
)
def test_count_after_another_act_without_a_stretch_is_the_events(counts, text: str):
    assert not any(", earlier" in (scope or "") for scope in counts(LEAD + text).values())


def test_count_an_earlier_incident_beside_the_state_that_holds_both(counts):
    """ "the deadliest attack in Moldova since the shelling of Dolsk": the state holds both incidents."""
    recalled = (
        "It was the deadliest attack in Moldova since the shelling of Dolsk in March 2020, which killed 31 people."
    )
    found = counts(LEAD + recalled)
    assert ", earlier" not in (found[14] or "")
    assert ", earlier" in (found[31] or "")
