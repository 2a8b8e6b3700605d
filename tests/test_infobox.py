"""Key-value lines (issue #8, FAILURE_MODES 11): a fact box's casualties fields are read by
their own grammar, with the side their number names; strength lines are no toll; a date
field dates what the box is about. Boxes written for these tests (a made-up battle)."""

from __future__ import annotations

import pytest

from analysis.align import compatible
from claims.infobox import read_infobox, sides_differ
from sources.clean import unwrap_lines

BOX = (
    "Conflict: | Battle of Tarn |\n"
    "Date: | March 3–9, 2011 |\n"
    "Combatant1: | Moldova\n"
    "|\n"
    "Combatant2: | Free Tarn Brigade |\n"
    "Strength2: | Some 300 fighters |\n"
    "Casualties1: | 14 dead 30 wounded |\n"
    "Casualties2: | 40 dead (at least 22 fighters and 18 civilians) per the Tarn Monitor\n"
    "   41 dead per the army |\n"
    "The battle of Tarn was fought in March 2011 between the army and the brigade.\n"
)


def test_read_infobox_fields_sides_and_name() -> None:
    box = read_infobox(BOX)
    assert box.name == "Battle of Tarn"
    assert box.sides == {1: "Moldova", 2: "Free Tarn Brigade"}
    roles = [(f.role, f.side) for f in box.fields]
    assert ("strength", 2) in roles
    # the line that goes on after a reference mark belongs to side 2's casualties
    assert roles.count(("casualties", 2)) == 2
    assert box.field_at(BOX.index("The battle")) is None


def test_sides_differ_only_for_two_sides_of_a_box() -> None:
    assert sides_differ("Casualties1: | 14 dead |", "Casualties2: | 40 dead |")
    assert not sides_differ("Casualties2: | 40 dead |", "Casualties2: | 41 dead |")
    assert not sides_differ("Casualties1: | 14 dead |", "Fourteen soldiers died on the first day.")


@pytest.mark.slow  # loads the spaCy model
def test_box_counts_have_their_kind_side_parts_and_speaker() -> None:
    from claims.actors import AliasTable
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    src = Source(id="s1", name="s1.txt", text=BOX, sha256=text_sha256(BOX), title="Battle of Tarn")
    claims = extract_from_doc(src, load_nlp()(BOX), AliasTable())
    counts = {(c.kind, c.value.low): c for c in claims if c.kind in ("casualties", "wounded")}
    assert counts[("casualties", 14)].scope == "people [Moldova]"  # a side the actor table knows
    assert counts[("wounded", 30)].scope == "people [Moldova]"
    assert counts[("casualties", 40)].scope == "people"  # a faction it does not know is left unsaid
    assert counts[("casualties", 22)].scope == "fighters"  # a part, of the same kind
    assert counts[("casualties", 40)].speaker == "Tarn Monitor"
    assert ("casualties", 300) not in counts  # strength, not a toll
    dates = [c for c in claims if c.kind == "event_date" and c.about == "Battle of Tarn"]
    assert [(d.value.start.day, d.value.end.day) for d in dates] == [(3, 9)]
    # two sides of one box are never one fact
    assert not compatible(counts[("casualties", 14)], counts[("casualties", 40)])


@pytest.mark.parametrize(
    ("text", "unwrapped"),
    [
        # a sentence wrapped at a fixed width goes on in lower case
        (
            "It initially estimated the death toll at 100\nto 200, officials said.",
            "It initially estimated the death toll at 100 to 200, officials said.",
        ),
        # a short line is a heading, a line ending a sentence ends it, a capital may start a new row
        ("Casualties and losses\nthree dead", "Casualties and losses\nthree dead"),
        ("The town was shelled overnight by the army.\nthen", "The town was shelled overnight by the army.\nthen"),
        (
            "Casualties and losses of the first day 42 killed\nLocation of the battle",
            "Casualties and losses of the first day 42 killed\nLocation of the battle",
        ),
        # prose wrapped at one width: every break is a space, whatever starts the next line
        (
            "The toll from the flood that hit the valley last week has risen\nto 64, officials in the "
            "mountain district of\nKesh said on Sunday, and 1,200 homes were destroyed in\n41 villages.\n\nNext.",
            "The toll from the flood that hit the valley last week has risen to 64, officials in the "
            "mountain district of Kesh said on Sunday, and 1,200 homes were destroyed in 41 villages.\n\nNext.",
        ),
        # rows of a box or list of different lengths stay rows
        (
            "Date of the battle 3 to 9 May 1999 by the river\nCasualties and losses of the government side\nResult\n",
            "Date of the battle 3 to 9 May 1999 by the river\nCasualties and losses of the government side\nResult\n",
        ),
    ],
)
def test_unwrap_lines_joins_only_hard_wraps(text: str, unwrapped: str) -> None:
    assert unwrap_lines(text) == unwrapped
    assert len(unwrap_lines(text)) == len(text)


@pytest.mark.slow  # loads the spaCy model
def test_a_labelled_line_the_box_grammar_cannot_read_goes_to_the_sentence_readers() -> None:
    from claims.actors import AliasTable
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    text = "Casualties: the army said 12 soldiers died in the raid.\n"
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    counts = [c for c in extract_from_doc(src, load_nlp()(text), AliasTable()) if c.kind == "casualties"]
    assert [(c.value.low, c.scope) for c in counts] == [(12, "soldiers")]
