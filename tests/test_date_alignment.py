"""Two accounts that date one act a day or two apart dispute its day (issue #8): their date claims
are weighed as likely one fact, while days two weeks apart stay two events unless their words are one."""

from __future__ import annotations

from datetime import date

from analysis.align import Vocabulary, align, pair_score
from claims.models import Claim, DateSpan


def _date(cid: str, day: int, sentence: str, terms: list[str]) -> Claim:
    d = date(1994, 4, day)
    return Claim(id=cid, source_id=cid.split("c")[0], kind="event_date", quote=sentence, sentence=sentence,
                 start=0, end=len(sentence), sentence_start=0,
                 value=DateSpan(start=d, end=d, precision="day", text=f"{day} April 1994"),
                 about=" ".join(terms[:2]), terms=terms, event=["@ev:keswin", "@ev:y1994"])  # fmt: skip


SHELLING = _date("s1c1", 6, "The shelling of the Keswin market began on 6 April 1994.",
                 ["shelling", "market", "begin", "keswin"])  # fmt: skip
OTHER_TERMS = ["shelling", "market", "troops", "fire", "witness"]
NEXT_DAY = _date("s2c1", 7, "Troops opened fire on the market on 7 April 1994, a witness said.", OTHER_TERMS)
TWO_WEEKS = _date("s3c1", 19, "Troops opened fire on the market on 19 April 1994, a witness said.", OTHER_TERMS)
FILLER = [_date(f"s{i}c1", 21 + i, f"The {w} ended that day.", [w, "end"])
          for i, w in enumerate(["election", "flood", "strike", "talks"], start=4)]  # fmt: skip


def _grouped(claims: list[Claim]) -> list[list[str]]:
    return [sorted(c.id for c in g) for g in align(claims).groups if len(g) > 1]


def test_a_day_named_a_day_apart_weighs_more_than_one_two_weeks_apart() -> None:
    voc = Vocabulary.of([SHELLING, NEXT_DAY, TWO_WEEKS, *FILLER])
    assert pair_score(SHELLING, NEXT_DAY, voc) > pair_score(SHELLING, TWO_WEEKS, voc) + 0.15


def test_rival_days_of_one_act_are_one_fact() -> None:
    assert _grouped([SHELLING, NEXT_DAY, *FILLER]) == [["s1c1", "s2c1"]]


def test_days_two_weeks_apart_in_other_words_stay_two_events() -> None:
    assert _grouped([SHELLING, TWO_WEEKS, *FILLER]) == []
