"""Where a count happened (issue #8): a place the sentence contrasts with another is kept even
when the document keeps naming it; a place nested further down a phrase is not the count's;
every claim carries where its source counts. Sentences written for these tests (real towns,
because the parser only tags places it knows)."""

from __future__ import annotations

import pytest

from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import Claim
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _counts(nlp, text: str) -> list[Claim]:
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    return [c for c in extract_from_doc(src, nlp(text), AliasTable()) if c.kind == "casualties"]


@pytest.mark.parametrize(
    ("text", "scopes"),
    [
        # places set side by side keep their counts apart, even the document's own
        (
            "Fighting hit Tikrit and Mosul for a week. Tikrit was shelled and Mosul was besieged. "
            "In Tikrit, the confirmed death toll is 52 villagers, according to monitors; "
            "In Mosul, at least 70 villagers were killed, according to doctors.",
            {52: "villagers in Tikrit", 70: "villagers in Mosul"},
        ),
        # a document that counts at two buildings or vehicles of one attack tells each count's site
        (
            "Two bombs went off in Madrid on Thursday morning. "
            "Rescue workers said 60 people had been killed in the first train. "
            "Officials said 30 died at the station.",
            {60: "people in train", 30: "people at station"},
        ),
        # where-clauses tell their counts' sites, and name the sites the sentence sets apart, tagged as
        # places or not
        (
            "Three bombs hit the rail network of Tikrit in the morning rush hour. "
            "The worst blasts were at Vell Kamin, where 41 people died, and at Port Sorel, where 12 died; "
            "nine were killed at Dunmarrow.",
            {41: "people at Vell Kamin", 12: "people at Port Sorel", 9: "people at Dunmarrow"},
        ),
        # a settlement word named after "of" is that place, whatever the tagger calls the name (and an
        # incident the event came a month after is an earlier one: claims.count_background)
        (
            "Troops stormed the school in Tikrit, where 22 pupils were killed. The siege came a month after "
            "gunmen killed 18 people in the border town of Kiryat Shmona on April 11.",
            {22: "pupils", 18: "people, earlier in Kiryat Shmona"},
        ),
    ],
)
def test_counts_told_at_their_places_and_sites(nlp, text: str, scopes: dict[int, str]) -> None:
    assert {c.value.low: c.scope for c in _counts(nlp, text)} == scopes


def test_a_place_further_down_the_phrase_is_not_the_counts(nlp) -> None:
    """At a school in a province: the province is where the school is, a region wider than the
    count's place, which another account may not name at all."""
    text = (
        "Fighting spread across Baghdad. Baghdad was calm by noon. "
        "A total of 90 pupils were killed at a school in the southern region of Basra."
    )
    (count,) = _counts(nlp, text)
    assert "Basra" not in (count.scope or "")


def test_every_claim_carries_where_its_source_counts(nlp) -> None:
    text = (
        "Shelling hit Tikrit on Monday. Tikrit residents fled. At least 14 people were killed in Basra, "
        "medics said, and 9 died in Tikrit."
    )
    places = {tuple(c.places) for c in _counts(nlp, text)}
    assert len(places) == 1
    (named,) = places
    assert "basra" in named and "tikrit" in named


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Rescuers found 116 bodies in a grave, and another 50 bodies were found in the streets.", "people, another"),
        ("The grave outside the church includes 64 bodies.", "people, included"),
    ],
)
def test_a_count_of_more_people_or_some_of_them_says_so(nlp, text: str, scope: str) -> None:
    assert scope in {c.scope for c in _counts(nlp, text)}


def test_a_single_site_is_the_events_own(nlp) -> None:
    """One site alone is most often where the whole event happened: a school siege's school."""
    text = "Gunmen seized a school in the town on Monday. By Friday, 300 people had died in the school."
    (count,) = _counts(nlp, text)
    assert count.scope == "people"
