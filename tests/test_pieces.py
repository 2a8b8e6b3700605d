"""Long texts read in bounded pieces (issue #10): offsets and quotes stay exact, every claim
keeps the document's event, and a text of one piece is read exactly as before. The pieces
are made small here (a few hundred characters) so that a short text shows the long case."""

from __future__ import annotations

from datetime import date

import pytest

from claims.actors import AliasTable
from claims.context import DocContext
from claims.extract import ClaimBuilder, extract_claims, extract_from_doc, renumber
from claims.nlp import load_nlp
from claims.pieces import batches, pipe_parser, read_in_pieces, split_pieces
from sources.clean import mask_citations
from sources.models import Source, text_sha256

PUBLISHED = date(2021, 3, 9)
# Made-up places; each paragraph stands alone (its own date), as a report's sections do.
PARAGRAPHS = [
    "Siege of Varnomir ends after weeks of shelling",
    "The siege of {town} began on 2 February 2021 and lasted 19 days, the town council said.",
    "At least 41 civilians were killed in the shelling of {town} market on 11 February 2021.",
    "Aid workers said 3,200 people were displaced from {town} in February 2021.",
    "The northern brigade attacked the bridge at Kolmet on 14 February 2021, officials said.",
    "Doctors at the river clinic said 58 people were wounded on 15 February 2021.",
]


def _text(repeats: int) -> str:
    parts = [PARAGRAPHS[0]]
    for n in range(repeats):
        town = "Varnomir" if n == 0 else "Dravesk"  # later sections name another town: not the event
        parts.extend([f"Section {n + 1}.", *(p.format(town=town) for p in PARAGRAPHS[1:])])
    return "\n\n".join(parts) + "\n"


def _source(text: str) -> Source:
    return Source(id="s1", name="report.txt", title=PARAGRAPHS[0], text=text, sha256=text_sha256(text),
                  published=PUBLISHED)  # fmt: skip


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "limit", "whole", "count"),
    [
        ("short text", 10, 100, 1),
        ("a" * 100, 10, 100, 1),
        ("One.\n\nTwo.\n\nThree.\n\nFour.", 12, 5, 3),
        ("One two three four five six seven eight nine ten", 12, 5, 5),  # no break: cut after spaces
        ("x" * 50, 12, 5, 5),  # no break, no space: cut hard
    ],
)
def test_pieces_cover_the_text_and_stay_bounded(text: str, limit: int, whole: int, count: int):
    spans = split_pieces(text, limit, whole)
    assert len(spans) == count
    assert "".join(text[a:b] for a, b in spans) == text
    if count > 1:
        assert all(b - a <= limit for a, b in spans)
        assert all(text[b - 1] in " \n" for _a, b in spans[:-1]) or " " not in text


def test_a_piece_ends_after_a_sentence_when_one_can():
    text = "A heading\n\nIt was said. And more was said.\n\nA heading without end\n\nTail text here."
    spans = split_pieces(text, 60, 10)
    first = text[spans[0][0] : spans[0][1]]
    assert first.rstrip().endswith("said.")  # not after "A heading without end"


def test_batches_are_bounded_in_count_and_length():
    texts = ["a" * 50] * 10 + ["b" * 500] + ["c"] * 3
    got = list(batches(texts, size=4, chars=200))
    assert sum(got, []) == texts
    assert all(len(b) <= 4 for b in got)
    assert all(sum(map(len, b)) <= 200 or len(b) == 1 for b in got)


@pytest.mark.slow
def test_long_text_claims_point_into_the_whole_text_and_carry_its_event(nlp):
    aliases = AliasTable()
    text = _text(6)
    src = _source(text)
    found = [c for s, claims in read_in_pieces([src], pipe_parser(nlp), aliases, limit=400, whole=500) for c in claims]
    assert len(split_pieces(mask_citations(text), 400, 500)) > 5
    kinds = {c.kind for c in found}
    assert {"casualties", "displaced", "wounded", "event_date", "duration"} <= kinds
    for c in found:
        assert text[c.start : c.end] == c.quote
        assert text[c.sentence_start :].startswith(c.sentence)
    first = nlp(mask_citations(text[: split_pieces(text, 400, 500)[0][1]]))
    event = ClaimBuilder(src, DocContext.build(first, aliases, PUBLISHED)).event
    assert event and all(c.event == event for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)
    # every section gives the claims one section read alone gives
    one = extract_from_doc(_source(_text(1)), nlp(_text(1)), aliases)
    per_section = sorted((c.kind, str(c.value)) for c in one)
    for n in range(1, 7):
        section = [c for c in found if text.rfind("Section", 0, c.start) == text.find(f"Section {n}.")]
        assert sorted((c.kind, str(c.value)) for c in section) == per_section


@pytest.mark.slow
def test_a_text_of_one_piece_gives_the_claims_it_always_gave(nlp):
    aliases = AliasTable()
    text = _text(3)
    src = _source(text)
    [(_, claims)] = list(extract_claims([src], nlp, aliases))
    assert claims == renumber(extract_from_doc(src, nlp(mask_citations(text)), aliases))
    assert len(claims) >= 12
