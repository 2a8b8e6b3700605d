"""One party named several ways (issue #8): initials, force words, curly apostrophes."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import claim_time, compatible
from analysis.parties import same_party
from claims.models import Claim, Count, DateSpan


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("NDF", "National Defence Front", True),
        ("NDF fighters", "the National Defence Front", True),
        ("Northern People's Army", "Northern People’s Army", True),
        ("the NPA clique", "NPA", True),
        ("United Nations", "UN", True),
        ("Ruritania", "Ruritanian forces", False),  # a demonym is resolved at extraction, not here
        ("South Africa", "Saudi Arabia", False),  # the same initials, but neither is written as initials
        ("NPA", "Ruritania", False),
        ("National Defence Front (NDF)", "NDF", True),
        ("the Korvex Group", "Korvex", True),  # a group word after a name still names the party
        ("DTK", "Dal-i-Tahrik Korvex", True),  # the capitalised parts of hyphened words are initials
        ("DTK fighters", "the Dal-i-Tahrik Korvex", True),
        ("DKT", "Dal-i-Tahrik Korvex", False),
        (None, "NDF", False),
    ],
)
def test_parties_same_party(a, b, same):
    assert same_party(a, b) is same
    assert same_party(b, a) is same


def _count(cid: str, source: str, when: DateSpan | None, event: list[str]) -> Claim:
    return Claim(id=cid, source_id=source, kind="casualties", quote="12 killed", sentence="12 were killed.", start=0,
                 end=9, sentence_start=0, value=Count(low=12, high=12), scope="people", when=when,
                 event=event)  # fmt: skip


def test_parties_undated_claim_takes_its_documents_event_years():
    """A count with no date of its own is about its document's event, not about any time at all."""
    old = _count("s1c1", "s1", None, ["@ev:valley", "@ev:y1971"])
    recent = _count("s2c1", "s2", DateSpan(start=date(2019, 5, 2), end=date(2019, 5, 2), precision="day"), [])
    undated = _count("s3c1", "s3", None, ["@ev:valley"])
    assert claim_time(old) == DateSpan(start=date(1971, 1, 1), end=date(1971, 12, 31), precision="years")
    assert not compatible(old, recent)  # 1971 and 2019 are two events
    assert compatible(undated, recent) and compatible(undated, old)  # nothing says when: no veto


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # one name no table knows, spelt in two transliterations
        ("Hezbollah", "Hizbullah", True),
        ("Hizbollah", "Hezbollah", True),
        ("Taliban", "Taleban", True),
        # states are matched by the actor table, never by their letters
        ("Armenia", "Romania", False),
        ("Russia", "Prussia", False),
        # short names share consonants by chance; descriptions are no names
        ("Hamas", "Homs", False),
        ("rebels", "robbers", False),
    ],
)
def test_same_party_across_transliterations(a: str, b: str, same: bool):
    assert same_party(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # one person, with and without a rank and given names or initials
        ("General R. E. H. Dyer", "Brigadier-General Reginald Dyer", True),
        ("General Dyer", "Reginald Dyer", True),
        ("Colonel Arvid Hansen", "Hansen", False),  # a bare surname is not written as a person's
        # two people of one surname; names that are not persons'
        ("Reginald Dyer", "Edward Dyer", False),
        ("General Dyer", "General Hansen", False),
        ("Islamic State", "Free State", False),
        ("Kestrian Army", "Norland Army", False),
    ],
)
def test_same_party_one_person_named_two_ways(a: str, b: str, same: bool):
    assert same_party(a, b) is same
