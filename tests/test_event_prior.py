"""The prior that two accounts tell of one event (issue #8): names their headlines and leads share,
weighed by how specific each is in English at large, not by how rare it is in the collection."""

from __future__ import annotations

from analysis.align import Vocabulary, align, event_prior, event_similarity
from claims.event import is_year_key
from claims.models import Claim, Count
from claims.specificity import name_specificity


def test_a_town_is_more_specific_than_a_country_and_a_country_than_a_common_word():
    assert name_specificity("keswin") == 1.0  # a name English text hardly ever writes
    assert name_specificity("keswin") > name_specificity("france") > name_specificity("the")
    assert name_specificity("the") == 0.05  # the floor (rules.json event_prior)


def _count(cid: str, low: int, sentence: str, about: str, event: list[str]) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="casualties", quote=sentence, sentence=sentence,
                 start=0, end=len(sentence), sentence_start=0, value=Count(low=low, high=low), scope="people",
                 about=about, event=[f"@ev:{e}" for e in event])  # fmt: skip


# Four accounts of one flood at Keswin: each names the town and France in its lead, and each its own
# passing names (an official, an agency, other places).
ACCOUNTS = [
    _count("s1c1", 40, "Forty people died, the prefect said.", "die people", ["keswin", "france", "marta oyelaran", "germany"]),
    _count("s2c1", 52, "Rescuers put the toll at 52.", "toll", ["keswin", "france", "tavrin agency", "spain"]),
    _count("s3c1", 45, "The dead numbered 45.", "number dead", ["keswin", "france", "vosk ridge", "italy"]),
    _count("s4c1", 47, "Officials counted 47 bodies.", "count body", ["keswin", "france", "dolvey", "belgium"]),
]  # fmt: skip


def test_accounts_of_one_event_share_its_name_at_full_weight_whatever_was_collected():
    voc = Vocabulary.of(ACCOUNTS)
    a, b = ACCOUNTS[0], ACCOUNTS[1]
    # across the collection the town is in every account and weighs least; in English at large it
    # is the most specific name the two share
    assert event_similarity(a, b, voc) < 0.3
    assert event_prior(a, b, voc) >= 0.45


def test_accounts_sharing_only_a_country_are_not_of_one_event():
    other = _count("s5c1", 12, "Twelve died in the fire.", "die", ["lyon", "france", "brevik hall"])
    voc = Vocabulary.of([*ACCOUNTS, other])
    assert event_prior(ACCOUNTS[0], other, voc) < 0.15


def test_counts_of_one_event_told_in_different_words_are_one_fact():
    """No word of the four sentences is shared: the event their leads name groups them."""
    assert [len(group) for group in align(ACCOUNTS).groups] == [4]


def test_a_town_whose_name_begins_with_y_is_a_name_not_a_year():
    """ "Yeonpyeong", "Yarvik": the year keys of a signature are "y" and digits; a name that begins
    with the letter weighs as any other name (it was left out of the event evidence before session 43)."""
    priors = []
    for town in ("yarvik", "karvik"):
        accounts = [_count(f"s{i}c1", 40 + i, "Forty people died.", "die people", [town, "france", f"agency {i}"])
                    for i in (1, 2)]  # fmt: skip
        priors.append(event_prior(accounts[0], accounts[1], Vocabulary.of(accounts)))
    assert priors[0] == priors[1] > 0.8
    assert is_year_key("@ev:y1993") and not is_year_key("@ev:yarvik")
