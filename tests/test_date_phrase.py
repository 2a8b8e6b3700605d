"""A dated event named as a person would name it, off the parse (claims.date_phrase, issue #8's fact labels)."""

from __future__ import annotations

import pytest

from analysis.align import Vocabulary
from analysis.relate import topic_of
from claims.actors import AliasTable
from claims.extract import extract_from_doc
from claims.models import Claim, DateSpan
from sources.models import Source, text_sha256


@pytest.fixture(scope="module")
def phrases():
    from claims.nlp import load_nlp

    nlp, aliases = load_nlp(), AliasTable()

    def run(text: str) -> list[str]:
        src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
        return [c.phrase for c in extract_from_doc(src, nlp(text), aliases) if c.kind == "event_date"]

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphened word the parse split is named whole, at a sentence's start too
        ("Hand-to-hand fighting broke out in Varna on 5 May 1999.", "when hand-to-hand fighting broke out in Varna"),
        ("The well-armed militia stormed Dessel on 5 May 1999.", "when the well-armed militia stormed Dessel"),
        # a name whose head ends the hyphened word is named once: not "Saint-Denis Denis"
        ("Police stormed a flat in Saint-Denis on 18 November 2015.", "when police stormed a flat in Saint-Denis"),
        ("Envoy Ban Ki-moon sent a letter on 5 May 2016.", "when Envoy Ban Ki-moon sent a letter"),
        # a hyphened subject the parser split into subjects of their own
        ("The co-chairs visited the region on 3 May 2005.", "when co-chairs visited the region"),
        # a possessive of time says when, not what: "last year's war" is the war
        ("Last year's war began on 7 August 2008.", "when the war began"),
        # a numbered name keeps its number, however the parser splits "No. 1"
        (
            "On 1 May 2004, 30 gunmen stormed School No. 1 in the town of Vorna.",
            "when gunmen stormed School No. 1 in the town of Vorna",
        ),
        (
            "On 3 May 1999 gunmen attacked Camp Number 4 near the river.",
            "when gunmen attacked Camp Number 4 near the river",
        ),
        # a passive keeps its "was": not "when the accord signed"
        ("The accord was signed in Varna on 14 June 1996.", "when the accord was signed in Varna"),
        # a light verb's passive has what was taken or held as its subject
        ("The prisoners were taken by air to Oster on 17 January 1961.", "when the prisoners were taken by air"),
        ("Talks were held in Varna on 5 May 1990.", "when talks were held in Varna"),
        # a verb with a doer is active, whatever its tag: not "when the militia was attacked"
        ("The pro-government militia attacked on 5 May 1999.", "when the pro-government militia attacked"),
        # a reduced passive gets the "were" it left out
        (
            "The villagers killed in Dessel on 3 May 2001 were mostly farmers.",
            "when the villagers were killed in Dessel",
        ),
        # the antecedent of "which" is who or what did it
        ("The siege, which began on 2 March 1999, lasted a month.", "when the siege began"),
        # doer, act, what was struck and where
        (
            "Bordurian jets dropped cluster bombs on Dessel on 9 July 2003.",
            "when Bordurian jets dropped cluster bombs on Dessel",
        ),
        # an event noun, its place, "the" for a known event; stray clause words left out
        (
            "News spread of an explosion at the Dessel-North depot on 4 April 2005.",
            "date of the explosion at the Dessel-North depot",
        ),
        ("The shelling of Varna by Kestrian guns began on 11 May 1998.", "when the shelling of Varna began"),
        # the date the parser hung on the subject dates the subject's act
        (
            "On 2 June 2004 Kestrian coastal guns opened fire on the harbour.",
            "when Kestrian coastal guns opened fire on the harbour",
        ),
        # a sentence's opening capital is no name
        ("The ceasefire of 8 May 1994 ended the fighting.", "date of the ceasefire"),
    ],
)
def test_date_phrase_names_what_happened(phrases, text: str, expected: str):
    assert expected in phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on 9 May 2012 that the attack had been a provocation.",  # a statement: named as one
    ],
)
def test_date_phrase_leaves_statements_to_the_claims_words(phrases, text: str):
    assert phrases(text) == [""]


def test_a_pronoun_doer_is_named_as_written(phrases):
    """ "when he was relieved of his command", with its "was": read whole off the tree, not made of the
    claim's words ("when he relieved of his command"); the fact takes it only when no account names
    the doer (below)."""
    assert phrases("On 5 May 1920 he was relieved of his command.") == ["when he was relieved of his command"]


def _dated(source: str, about: str, phrase: str) -> Claim:
    span = DateSpan(start="2001-05-03", end="2001-05-03", precision="day", text="3 May 2001")
    return Claim(id=f"{source}c1", source_id=source, kind="event_date", quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=span, about=about, phrase=phrase, event=["@ev:dessel"])  # fmt: skip


def test_date_fact_is_named_by_its_medoids_phrase_before_its_words():
    """The group's medoid names the fact by its phrase; one without a phrase falls back to its words."""
    claims = [
        _dated("s1", "information emerges about explosion at depot", "date of the explosion at the depot"),
        _dated("s2", "explosion at depot", "date of the explosion at the depot"),
    ]
    voc = Vocabulary.of(claims)
    assert topic_of(claims, voc).startswith("date of the explosion at the depot")
    unnamed = [_dated("s1", "the siege began", ""), _dated("s2", "siege began", "")]
    assert topic_of(unnamed, Vocabulary.of(unnamed)).startswith("when the siege began")


def test_a_statements_date_gives_way_to_another_members_name_for_the_event():
    """The medoid only says when someone spoke ("the ministry said"); another member names the event:
    the fact is named by that member's own phrase, not its bag of words."""
    claims = [
        _dated("s1", "ministry said", ""),
        _dated("s2", "ministry said", ""),
        _dated("s3", "Moldovans sentenced to death", "when the Moldovans were sentenced to death"),
    ]
    assert topic_of(claims, Vocabulary.of(claims)).startswith("when the Moldovans were sentenced to death")


def test_a_pronoun_doers_phrase_gives_way_to_a_named_doers():
    """One account's "it opened fire" and another's "the troops opened fire": the fact is named by the
    doer; a pronoun's phrase names it only when no member names one."""
    claims = [
        _dated("s1", "it opened fire on crowd", "when it opened fire on the crowd"),
        _dated("s2", "troops opened fire on crowd", "when the troops opened fire on the crowd"),
    ]
    assert topic_of(claims, Vocabulary.of(claims)).startswith("when the troops opened fire on the crowd")
    alone = [_dated("s1", "he relieved of his command", "when he was relieved of his command")] * 2
    assert topic_of(alone, Vocabulary.of(alone)).startswith("when he was relieved of his command")


def test_date_phrase_puts_no_figure_in_a_name(phrases):
    """ "upheld the decision to 37": a bare number is no part of what happened's name."""
    [found] = phrases("On 8 July 1920 the assembly upheld the decision by 37 votes to 12.")
    assert found and not any(ch.isdigit() for ch in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length's act named as its date's would be
        ("Varnan air defences tracked the airliner for about two and a half hours.",
         "how long Varnan air defences tracked the airliner"),
        ("The siege of Dessel lasted three days.", "how long the siege of Dessel lasted"),
        # a name that lost what was held, or the "on" of "went on", is left to the claim's words
        ("Gunmen held the hostages in Dessel for 52 hours.", ""),
        ("The shelling of Dessel went on for six hours.", ""),
    ],
)  # fmt: skip
def test_a_length_is_named_by_its_act(text: str, expected: str):
    from claims.nlp import load_nlp

    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    found = [c.phrase for c in extract_from_doc(src, load_nlp()(text), AliasTable()) if c.kind == "duration"]
    assert found == [expected]


def test_a_lengths_fact_takes_its_members_name():
    """ "how long Varnan air defences tracked the airliner", not "how long it lasted"."""
    a, b = (
        Claim(id=f"{s}c1", source_id=s, kind="duration", quote="q", sentence="q", start=0, end=1, sentence_start=0,
              value={"type": "duration", "days": 0.1, "text": "for two hours"}, about="defence",
              phrase="how long Varnan air defences tracked the airliner")
        for s in ("s1", "s2")
    )  # fmt: skip
    assert topic_of([a, b], Vocabulary([a, b])) == "how long Varnan air defences tracked the airliner"
