"""Subprocess helper for tests/test_workspace.py (issue #3): a second writer to kill or race.

Adds COUNT sources named PREFIX-<i>.txt to WORKSPACE, each in its own
transaction, then stores CLAIMS claims for it in a second one, and prints the
source id after each commit, flushed, so the parent knows what is durable.
With WAIT, it prints "ready" once the workspace is open and waits for a line
on stdin, so that two children really write at the same time.

    python tests/workspace_child.py WORKSPACE PREFIX COUNT [CLAIMS [WAIT]]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, not through pytest: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.models import Claim, Count  # noqa: E402
from sources.models import Source, text_sha256  # noqa: E402
from workspace.pipeline import claim_terms  # noqa: E402
from workspace.store import Workspace  # noqa: E402

PIPELINE = "child-1"


def make_source(prefix: str, number: int) -> Source:
    # Long enough that a kill often lands in the middle of writing a page.
    text = f"{prefix} account {number}: at least {number} people were killed. " * 200
    return Source(id="new", name=f"{prefix}-{number}.txt", text=text, sha256=text_sha256(text))


def make_claims(source_id: str, count: int) -> list[Claim]:
    return [
        Claim(
            id=f"{source_id}-c{k}",
            source_id=source_id,
            kind="casualties",
            quote="at least 3 people",
            sentence="At least 3 people were killed.",
            start=k,
            end=k + 17,
            sentence_start=0,
            value=Count(low=3, high=None, qualifier="at least", text="at least 3"),
        )
        for k in range(count)
    ]


def main(argv: list[str]) -> int:
    path, prefix, count = argv[0], argv[1], int(argv[2])
    claims = int(argv[3]) if len(argv) > 3 else 0
    with Workspace(path) as ws:
        if len(argv) > 4:
            print("ready", flush=True)
            sys.stdin.readline()
        for number in range(count):
            source = make_source(prefix, number)
            result = ws.add_source(source)
            if claims:
                found = make_claims(result.source_id, claims)
                ws.replace_claims(result.source_id, found, PIPELINE, terms=claim_terms(found))
            print(result.source_id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
