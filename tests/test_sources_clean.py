"""clean_text: furniture goes, article sentences stay, cleaning twice changes nothing (issue #2)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.clean import clean_text, is_furniture, mask_cut_word

FURNITURE_LINES = [
    "Home page » Section » Sub",
    "Home › World",
    "Home > World > Europe",
    "News | Region | Valley",
    "Read: 1213",
    "Views: 55",
    "1,213 views",
    "Comments 3",
    "Share This Article",
    "Share",
    "Share on Facebook",
    "Tweet Email Print",
    "Last update: July 14, 2024 01:49",
    "Updated 3 hours ago",
    "Updated: 14 July 2024, 1:49 pm GMT",
    "Updated",
    "3 hours ago",
    "4 min read",
    "Newsroom logo",
    "Valley Courier logo",
    "Join Courier Plus today",
    "Follow us on Telegram",
    "Subscribe",
    "Subscribe to our newsletter",
    "Sign in",
    "Read more",
    "Continue reading",
    "Related stories",
    "Advertisement",
    "Story continues below advertisement",
    "icon bookmark-bicon bookmarkicon cameraicon closeicon",
    "Skip to main content",
    "Back to top",
    "Home",
    "© 2024 Valley Courier",
    "Copyright 2024 Valley Courier. All rights reserved.",
    "Tags: ceasefire, border, talks",
    "   Share   ",
]

ARTICLE_LINES = [
    "Friday",
    "19th Aug 2022",
    "Published: July 14, 2024",
    "Ceasefire talks stall in the valley",
    "Update on the ceasefire talks",
    "Updated casualty figures released by the ministry",
    "Copyright lawsuits rose sharply in 2023",
    "Search teams found four bodies",
    "Views differ on who fired first",
    "The army said 12 soldiers were killed.",
    "Residents were told to close their windows.",
    "Share prices fell sharply in the capital after the attack on the port.",
    "Read more about the talks in our report from the border town of Halden.",
    "Home » World » The ministry said on Tuesday that forty people had fled.",
    'A local teacher said: "We heard the shelling all night long from the hills."',
    "He said «we will stay» and left",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_line_is_removed(line: str) -> None:
    assert is_furniture(line)
    text = f"The first sentence of the report stays where it is.\n\n{line}\n\nThe last one stays too."
    assert clean_text(text) == ("The first sentence of the report stays where it is.\n\nThe last one stays too.")


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_line_is_kept(line: str) -> None:
    assert not is_furniture(line)
    assert clean_text(f"{line}\n\nAnother paragraph follows here.") == f"{line}\n\nAnother paragraph follows here."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("tab\tkept\x00\x07 and\x1b gone", "tab\tkept and gone"),
        ("zero\u200bwidth\ufeff and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("trailing   \nspaces\t\n", "trailing\nspaces"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("para one\n   \n \t \npara two", "para one\n\npara two"),
        ("\n\n\nleading and trailing blank lines\n\n\n", "leading and trailing blank lines"),
        ("  indented first line", "  indented first line"),
        ("", ""),
    ],
)
def test_normalisation(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


PAGE = """Home page » World » Valley
Friday
19th Aug 2022
Newsroom logo
Read: 1213



Ceasefire talks stall in the valley   \r
Share This Article
Negotiators from both delegations met on Tuesday in the river town of Halden.\r
Advertisement

The mediators said the two sides disagreed about the line of withdrawal.
icon bookmark-bicon bookmarkicon cameraicon


Read more
Join Valley Courier today
"""


def test_whole_page() -> None:
    assert clean_text(PAGE) == (
        "Friday\n19th Aug 2022\n\n"
        "Ceasefire talks stall in the valley\n"
        "Negotiators from both delegations met on Tuesday in the river town of Halden.\n\n"
        "The mediators said the two sides disagreed about the line of withdrawal."
    )


@pytest.mark.parametrize("text", [PAGE, *FURNITURE_LINES, *ARTICLE_LINES, "a\n\n\n\nb\r\n\x00c  \n"])
def test_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


PIECES = st.sampled_from(
    ["Share", "Read: 12", "Home » World", "\n", "\r\n", "\n\n\n", " ", "\t", "\x00", "\u200b", "word", "."]
    + ARTICLE_LINES
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join))
def test_idempotent_on_generated_text(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


def test_clean_drops_a_run_of_icon_font_names_mixed_with_plain_words():
    """Regression: an icon-font line with a few plain words in it ("full chevron downicon") stayed."""
    line = "icon bookmark-bicon cameraicon full chevron downicon full chevron upicon closeicon searchicon fm"
    assert clean_text(f"{line}\n\nThe talks resumed in the capital on Monday after a week of delays.") == (
        "The talks resumed in the capital on Monday after a week of delays."
    )


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Nine were killed.[4] The next day", "Nine were killed.\n   The next day"),
        ("soldiers were killed[7 by fire", "soldiers were killed   by fire"),
        ("12 dead per the UN[2] 14 dead per the army", "12 dead per the UN\n   14 dead per the army"),
        ("the siege of [1992] ended", "the siege of [1992] ended"),  # a year in brackets is not a mark
        ("rebels[citation needed] shelled", "rebels                  shelled"),
        # a note number glued to a sentence's end, in round brackets
        ("fled by December 1948.(1) Others stayed", "fled by December 1948.\n   Others stayed"),
        ("killed 12 (10 civilians).", "killed 12 (10 civilians)."),  # a figure in brackets stays
    ],
)
def test_sources_clean_mask_citations_keeps_offsets(text: str, masked: str):
    """Issue #8: reference marks are never counts and never hide a word or a sentence end."""
    from sources.clean import mask_citations

    assert mask_citations(text) == masked
    assert len(mask_citations(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # an excerpt cut off mid-word: the fragment is blanked, every offset kept
        (
            "In March the authorities proclaimed a humanitarian ceasef",
            "In March the authorities proclaimed a humanitarian",
        ),
        ("The shelling went on until the army withdr\n", "The shelling went on until the army"),
        # a whole word, a name, a number or a sentence end is left as it is
        ("In March the authorities proclaimed a humanitarian truce", None),
        ("The envoy met Obasanjo", None),
        ("The toll rose to 40", None),
        ("The shelling went on until the army withdrew.", None),
    ],
)
def test_a_word_cut_off_at_the_end_is_blanked(text: str, kept: str | None):
    masked = mask_cut_word(text)
    assert len(masked) == len(text)
    assert masked.rstrip() == (kept if kept is not None else text.rstrip())
