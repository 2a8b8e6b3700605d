"""Random claims of made-up stories, for the tests of alignment by distinct statements (issue #11):
the same generator for tests/test_align_units.py and tests/test_distinct.py."""

from __future__ import annotations

import random
from datetime import date, timedelta

from claims.models import Actor, Claim, Count, DateSpan, Duration

WORDS = ["siege", "town", "shelling", "hospital", "bridge", "convoy", "market", "village"]
PLACES = ["Arlen", "Brisk", "Corvo"]
SCOPES = [None, "civilians", "soldiers", "Arlenian soldiers"]


def story(rng: random.Random, n: int, *, sentences: int | None = None) -> list[Claim]:
    """One article's claims, ids and sources left for the test to fill in; `sentences` distinct
    sentences among them (None: each claim its own, so claims differ in wording too)."""
    out = []
    for i in range(n):
        kind = rng.choice(["casualties", "casualties", "event_date", "duration", "initiator"])
        year = rng.choice([1994, 2008])
        when = (
            DateSpan(start=date(year, 5, 1), end=date(year, 5, 31), precision="month") if rng.random() < 0.7 else None
        )
        if kind == "casualties":
            dead = rng.choice([12, 15, 40, 300])
            value: Count | DateSpan | Duration | Actor = Count(low=dead, high=dead, text=str(dead))
        elif kind == "event_date":
            day = date(year, 5, 1) + timedelta(days=rng.choice([0, 1, 40]))
            value = DateSpan(start=day, end=day, precision="day", text=str(day))
        elif kind == "duration":
            value = Duration(days=rng.choice([1.0, 3.0]), text="days")
        else:
            value = Actor(actor=rng.choice(PLACES), target=rng.choice([None, *PLACES]))
        terms = rng.sample(WORDS, rng.randint(1, 3))
        out.append(
            Claim(
                id="x",
                source_id="x",
                kind=kind,
                quote="q",
                sentence=f"q {i if sentences is None else i % sentences}",
                start=0,
                end=1,
                sentence_start=0,
                value=value,
                scope=rng.choice(SCOPES) if kind == "casualties" else None,
                about=" ".join(terms[:2]),
                terms=terms,
                entities=rng.sample(PLACES, rng.randint(0, 2)),
                when=when,
                event=[f"@ev:{rng.choice(PLACES).lower()}", f"@ev:y{year}"],
            )  # fmt: skip
        )
    return out
