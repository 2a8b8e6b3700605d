"""Facts named as a person would name them (issue #8)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.topics import event_name, name_fact
from claims.models import Actor, Claim, Count, DateSpan


def claim(source: str, *, event: list[str], scope: str = "people", value=None, kind: str = "casualties") -> Claim:
    return Claim(id=f"{source}c1", source_id=source, kind=kind, quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=value or Count(low=5, high=5), scope=scope, event=event)  # fmt: skip


def test_topics_count_names_its_population_and_event():
    claims = [claim("s1", event=["@ev:dessel", "@ev:ruritania"]), claim("s2", event=["@ev:dessel", "@ev:y1999"])]
    assert event_name(claims, lambda t: 1.0) == "Dessel"
    assert name_fact(claims, "kill people", lambda t: 1.0, "killed") == "people killed in Dessel"


def test_topics_event_is_the_most_specific_name_the_sources_share():
    """ "Government" of "the government said" is shared as often as the town, but names nothing."""
    claims = [claim("s1", event=["@ev:government", "@ev:dessel"]), claim("s2", event=["@ev:dessel", "@ev:government"])]
    assert event_name(claims, lambda t: 1.0) == "Dessel"


def test_topics_population_reads_as_words():
    """ "soldiers [Moldova] in Dessel" and "people, another" are scope strings, not a reader's words."""
    sided = [claim(s, event=["@ev:dessel"], scope="soldiers [Moldova] in Dessel") for s in ("s1", "s2")]
    assert name_fact(sided, "", lambda t: 1.0, "killed") == "soldiers (Moldova) killed in Dessel"
    added = [claim(s, event=["@ev:dessel"], scope="people, another") for s in ("s1", "s2")]
    assert name_fact(added, "", lambda t: 1.0, "killed") == "people killed in Dessel"
    part = [claim(s, event=["@ev:dessel"], scope="people in the explosion") for s in ("s1", "s2")]
    assert name_fact(part, "", lambda t: 1.0, "killed") == "people killed in the explosion (Dessel)"


def test_topics_a_blame_fact_is_named_by_its_act_not_the_thing_struck():
    actors = [
        claim("s1", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Ruritania")),
        claim("s2", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Borduria")),
    ]
    assert name_fact(actors, "school", lambda t: 1.0, "who") == "who: the fighting (Ruritania vs Borduria), Dessel"
    assert name_fact(actors, "storming", lambda t: 1.0, "who") == "who: storming (Ruritania vs Borduria), Dessel"


def test_topics_one_source_names_no_event_and_parties_are_not_repeated():
    one = [claim("s1", event=["@ev:dessel"])]
    assert name_fact(one, "", lambda t: 1.0, "killed") == "people killed"
    actors = [
        claim("s1", event=["@ev:dessel"], kind="initiator", value=Actor(actor="National Defence Front")),
        claim("s2", event=["@ev:dessel"], kind="initiator", value=Actor(actor="NDF")),
    ]
    assert name_fact(actors, "war", lambda t: 1.0, "who started") == "who started: war (National Defence Front), Dessel"


TIE = """
from analysis.topics import event_name
from claims.models import Claim, Count
def claim(source, event):
    return Claim(id=source + "c1", source_id=source, kind="casualties", quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=Count(low=5, high=5), event=event)
names = ["@ev:" + n for n in ("varnomir", "kolmetsk", "dravena", "ostrava", "belmora", "tarnova")]
print(event_name([claim("s1", names), claim("s2", names[::-1])], lambda t: 1.0))
"""


def test_topics_a_tie_between_names_goes_the_same_way_whatever_the_hash_seed():
    """Issue #11: Dask workers run with another hash seed than the client; a tie between names that
    as many sources share, as rare and as long, went by a set's order, so a fact's name changed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    names = set()
    for seed in ("1", "2", "3", "6640"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", TIE], env=env, capture_output=True, text=True, check=True)
        names.add(done.stdout.strip())
    assert names == {"Varnomir"}  # the first source's first name of those tied


@pytest.mark.parametrize(
    ("about", "label"),
    [
        ("KESWIN Oct. ceasefire took hold", "when: ceasefire took hold (Dessel)"),  # a dateline's place and day
        ("DESSEL 12 June the raid began", "when: the raid began (Dessel)"),
        ("RRF attacked the bases", "when: RRF attacked the bases (Dessel)"),  # capitals alone: the actor
    ],
)
def test_topics_a_date_fact_is_named_without_its_dateline(about: str, label: str):
    dated = [claim(s, event=["@ev:dessel"], kind="event_date", value=DateSpan(start=date(2020, 6, 12),
                   end=date(2020, 6, 12), precision="day")) for s in ("s1", "s2")]  # fmt: skip
    assert name_fact(dated, about, lambda t: 1.0, "when") == label
