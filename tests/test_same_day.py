"""A claim told "that afternoon" is of the day an earlier sentence named (issue #8: event time, not
statement time): not of the year or month also named there, and not of "later that day"."""

from __future__ import annotations

from datetime import date

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

MARCH = "Police fired on the march in Kestin on 12 May 1985."


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the day before, not the inquiry's month, though "months later" is said of another death
        (
            "The commission was set up in March 2001 to examine the events in Kestin on 12 May 1985, when "
            "police fired on a march. Eleven people were killed that afternoon; one of the wounded died "
            "months later.",
            date(1985, 5, 12),
        ),
        (MARCH + " On the same day eleven people were reported dead.", date(1985, 5, 12)),
        (MARCH + " Later that day, eleven people were reported dead.", None),
        (MARCH + " Days later, eleven people were reported dead.", None),
    ],
)
def test_a_count_told_that_afternoon_is_of_the_day_before(nlp, text: str, day: date | None):
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    (count,) = [c for c in extract_from_doc(src, nlp(text), AliasTable()) if c.kind == "casualties"]
    assert (count.when.start if count.when else None) == day
    if day is not None:
        assert count.when.end == day
