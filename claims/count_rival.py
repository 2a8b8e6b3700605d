"""A rival figure in a clause set against the toll's own (issue #8).

"Some historians put the toll at 6,000 to 8,000, while others say 15,000 to 20,000 is
closer to the truth"; "police said 12 people were killed, but witnesses said the number
was closer to 40". The second clause names no harm of its own: a bare number in it,
under a reporting verb or beside a figure noun, is another figure of the toll the first
clause gave, counting the same people. The contrast words are data (rules.json
`count_link.contrast_marks`).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claims.count_words import figure_words
from claims.rules import rules

MAX_UP = 6  # edges from the number up to the clause set against the toll's


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(contrast marks, reporting verbs, light verbs, figure nouns)."""
    r = rules()
    return (
        frozenset(r["count_link"]["contrast_marks"]),
        frozenset(r["speaker"]["reporting_verbs"]),
        figure_words()[1],
        figure_words()[0],
    )


def _set_against(clause: Token) -> bool:
    """ "while others say ...", "but witnesses said ...": a clause marked as a contrast with its head's."""
    marks = _words()[0]
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    if clause.dep_ == "conj":
        return any(c.dep_ == "cc" and c.lower_ in marks for c in clause.head.children)
    return False


def rival_clause(root: Token, toll_triggers: list[Token], harm: set[int]) -> Token | None:
    """The clause that gives `root` as a rival figure of a toll whose trigger is in the clause it is
    set against, or None: the number's clause names no harm (`harm`: every trigger's index) and says
    who gives the figure (a reporting verb) or calls it one (a figure noun)."""
    _, reporting, light, figures = _words()
    path = [root, *list(root.ancestors)[:MAX_UP]]
    for k, clause in enumerate(path):
        if clause.pos_ not in ("VERB", "AUX") or not _set_against(clause):
            continue
        own = {t.i for t in clause.subtree}
        if own & harm:
            return None  # "but 40 more died in hospital": a harm of its own
        against = {t.i for t in clause.head.subtree} - own
        if not any(t.i in against for t in toll_triggers):
            return None
        verbs = [t.lemma_.lower() for t in path[: k + 1] if t.pos_ in ("VERB", "AUX")]
        if any(v not in reporting | light for v in verbs):
            return None  # "while organisers said 4,000 people had marched": a figure of something else
        told = any(v in reporting for v in verbs) or any(t.lemma_.lower() in figures for t in clause.subtree)
        return clause if told else None
    return None
