"""Corpora of real-text copies for the scale benchmarks (issues #10, #11).

The made-up corpus (benchmarks/corpus.py) has small, varied facts; a newsroom's
collection about one war is the opposite: many accounts of the same few facts,
which is what makes alignment and relations grow. These corpora are copies of
the project's demo articles (demo/*.txt, about one border clash), each copy with
a distinct closing line so that no two documents are the same text:

    from benchmarks.copies import write_copies, long_text
    write_copies(folder, 1000)      # 1,000 files + sources.json (title, publisher, date of the original)
    text = long_text(5_000_000)     # one text of at most 5 MB: the demo articles over and over, each with its own heading
"""

from __future__ import annotations

import json
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "demo"


def demo_articles() -> list[tuple[str, str, dict]]:
    """(file name, text, sources.json entry) of each demo article."""
    meta = {m["file"]: m for m in json.loads((DEMO / "sources.json").read_text(encoding="utf-8"))}
    return [(p.name, p.read_text(encoding="utf-8"), meta.get(p.name, {})) for p in sorted(DEMO.glob("*.txt"))]


def _distinct(text: str, i: int) -> str:
    """The text with copy i's own closing line, an archive mark in letters (issue #11): a number in
    the headline ("dispatch no. 1500") was read as the year of the article's days and changed how
    its lead was parsed, so from about 1,500 copies on, one copy in seven stated other things."""
    return f"{text.rstrip()}\n\n(Archive copy {_letters(i)}.)\n"


def _letters(i: int) -> str:
    """i in lower-case letters (0 -> 'aa', 1 -> 'ab', ...): no digit a reader could take for a count or a year."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = chr(ord("a") + r) + out
        if i == 0:
            break
    return out.rjust(2, "a")


def copies(n: int) -> list[tuple[str, str, dict]]:
    """n (file name, text, sources.json entry): the demo articles in turn, each copy with a distinct closing line."""
    originals = demo_articles()
    out = []
    for i in range(n):
        name, text, meta = originals[i % len(originals)]
        file = f"{i:05d}_{name}"
        out.append((file, _distinct(text, i), {**meta, "file": file}))
    return out


def write_copies(folder: Path, n: int) -> Path:
    """Write n copies and their sources.json to `folder`; returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for file, text, meta in copies(n):
        (folder / file).write_text(text, encoding="utf-8")
        entries.append(meta)
    (folder / "sources.json").write_text(json.dumps(entries, indent=1), encoding="utf-8")
    return folder


def long_text(size: int) -> str:
    """One text of at most `size` bytes in UTF-8 (20 MB stays within the loader's cap): the demo
    articles repeated, each repetition closed by a distinct line, paragraphs separated by
    blank lines (a report or a book)."""
    originals = demo_articles()
    parts: list[str] = []
    used, i = 0, 0
    while True:
        _name, text, _meta = originals[i % len(originals)]
        part = _distinct(text, i).strip() + "\n\n"
        cost = len(part.encode("utf-8"))
        if used + cost > size:
            return "".join(parts)
        parts.append(part)
        used += cost
        i += 1
