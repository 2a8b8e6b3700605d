"""Which of a document's names are a person's, not a place's (issue #8): a fact named "people killed
in Asahara" reads wrong.

Read once per document and keyed as the event signature keys names (claims.event.name_key), so that
the fact labels (analysis.topics, which has no spaCy) can leave them out of where it happened. The
model's PERSON tag on a name alone will not do: it tags many a town it has never seen a person
("Houla", "Gwangju", even "PS752"). A full name ("Shoko Asahara") says more: its last word is a
surname, unless the text writes that word where a place goes ("Doron Baga" beside "in Baga").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claims.actors import AliasTable
from claims.event import name_key

if TYPE_CHECKING:  # only annotations: reading a workspace's claims must not import spaCy (issue #11)
    from spacy.tokens import Span

PLACE_PREPOSITIONS = r"(?:in|at|near|outside|inside|around)"


def people_names(ents: Iterable[Span], text: str, aliases: AliasTable) -> list[str]:
    """The full names the model tags a person's and their last words ("Asahara" of "Shoko Asahara",
    though it may read "Asahara" alone as a city), never one the text writes where a place goes.
    Lower case, as the signature keys names."""
    names: set[str] = set()
    placed: dict[str, bool] = {}  # a name is looked for once per document, however often it is tagged
    for ent in ents:
        words = _bare(ent.text).split()
        if ent.label_ != "PERSON" or len(words) < 2 or not all(_a_name(w) for w in words):
            continue
        last = name_key(words[-1], aliases)
        for name in (words[-1], last):
            if name not in placed:
                placed[name] = _placed(name, text)
        if not (placed[words[-1]] or placed[last]):  # "Doron Baga" beside "in Baga": a town
            names |= {name_key(" ".join(words), aliases), last}
    return sorted(names)


def _a_name(word: str) -> bool:
    """ "Shoko", "Al-Bakr", "O'Neill", "R.": a word of a person's name; not "PS752" nor "the"."""
    bare = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return bare.isalpha() and word[:1].isupper()


def _placed(name: str, text: str) -> bool:
    """ "in Baga", "at the Westgate": written where a place goes (not "in Dyer's report")."""
    pattern = rf"\b{PLACE_PREPOSITIONS}\s+(?:the\s+)?{re.escape(name)}\b(?![’']s)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def _bare(text: str) -> str:
    """ "Mohamed Farrah Aidid's" -> "Mohamed Farrah Aidid"."""
    text = text.strip()
    for end in ("'s", "’s"):
        text = text.removesuffix(end)
    return text
