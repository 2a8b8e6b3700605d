"""One account that dates two things to one day makes two claims; one that dates one thing twice
makes one (issue #8: fold only true restatements, keep every mention as evidence)."""

from __future__ import annotations

from datetime import date

from analysis.relate import fold_repeats
from claims.models import Claim, DateSpan

DAY = date(2003, 5, 16)


def _dated(cid: str, sentence: str, terms: list[str], at: int) -> Claim:
    return Claim(id=cid, source_id="s1", kind="event_date", quote=sentence, sentence=sentence, start=at,
                 end=at + len(sentence), sentence_start=at,
                 value=DateSpan(start=DAY, end=DAY, precision="day", text="on Friday"),
                 about=" ".join(terms), terms=terms)  # fmt: skip


RAID = _dated("s1c1", "Armed men raided the Telmar depot on Friday.", ["arm", "man", "raid", "depot"], 0)
CURFEW = _dated("s1c2", "The council declared a curfew in Telmar on Friday.", ["council", "declare", "curfew"], 60)
RAID_AGAIN = _dated("s1c3", "Friday's raid hit the depot.", ["raid", "depot"], 120)
NO_WORDS = _dated("s1c4", "It was Friday.", [], 180)


def test_two_things_told_of_one_day_stay_two_claims() -> None:
    kept, repeats = fold_repeats([RAID, CURFEW])
    assert [c.id for c in kept] == ["s1c1", "s1c2"] and repeats == {}


def test_one_thing_dated_twice_is_one_claim_with_both_mentions() -> None:
    kept, repeats = fold_repeats([RAID, CURFEW, RAID_AGAIN])
    assert [c.id for c in kept] == ["s1c1", "s1c2"] and repeats == {"s1c3": "s1c1"}


def test_a_mention_without_words_of_its_own_is_a_restatement() -> None:
    kept, repeats = fold_repeats([RAID, NO_WORDS])
    assert [c.id for c in kept] == ["s1c1"] and repeats == {"s1c4": "s1c1"}


def test_another_of_the_same_kind_is_a_second_happening() -> None:
    """ "Armed men raided the depot" and "another raid hit the barracks that evening" share the raid,
    but the second says it is another (rules date_roles.another_words)."""
    another = _dated("s1c5", "That evening another raid hit the Telmar barracks.", ["raid", "hit", "barracks"], 240)
    second = _dated("s1c6", "A second raid, on the barracks, followed on Friday.", ["raid", "barracks", "follow"], 300)
    for other in (another, second):
        kept, repeats = fold_repeats([RAID, other])
        assert [c.id for c in kept] == ["s1c1", other.id] and repeats == {}
