"""Both cores and the parse cache (issue #11) change how fast claims come, never which:
worker processes and cached parses give the claims one process parsing afresh gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claims.actors import AliasTable
from claims.doc_cache import DocCache, default_folder
from claims.extract import extract_claims
from claims.nlp import load_nlp
from claims.parallel import read_parallel, worth_parallel
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model

TEXTS = [
    "Shelling of Varnomir kills 41\n\nAt least 41 civilians were killed in Varnomir on 11 February 2021, "
    "the council said. Another 58 were wounded.",
    "The siege of Varnomir began on 2 February 2021 and lasted 19 days.\n\nAid workers said 3,200 people fled.",
    "The northern brigade attacked the bridge at Kolmet on 14 February 2021, officials said.",
    "Doctors said 60 people were wounded in the shelling of the market in Varnomir in February 2021.",
]


def _sources() -> list[Source]:
    return [
        Source(id=f"s{i}", name=f"{i}.txt", text=t, sha256=text_sha256(t), published=date(2021, 3, 1))
        for i, t in enumerate(TEXTS * 3, 1)
    ]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _claims(read) -> list[tuple[str, list]]:
    return [(s.id, claims) for s, claims in read]


def test_worker_processes_give_the_claims_of_one_process(nlp):
    sources, aliases = _sources(), AliasTable()
    alone = _claims(extract_claims(sources, nlp, aliases, jobs=1))
    assert sum(len(c) for _, c in alone) >= 12
    from claims.extract import renumber

    shared = [(sid, renumber(c)) for sid, c in _claims(read_parallel(sources, nlp, aliases, jobs=2))]
    assert shared == alone


def test_cached_parses_give_the_same_claims_and_skip_parsing(nlp, tmp_path: Path):
    sources, aliases = _sources(), AliasTable()
    fresh = _claims(extract_claims(sources, nlp, aliases))
    cold = DocCache(tmp_path, nlp)
    assert _claims(extract_claims(sources, nlp, aliases, cache=cold)) == fresh
    assert cold.hits + cold.misses == len(sources) and cold.misses >= len(set(TEXTS))
    warm = DocCache(tmp_path, nlp)
    assert _claims(extract_claims(sources, nlp, aliases, cache=warm)) == fresh
    assert warm.hits == len(sources) and warm.misses == 0
    # a damaged file is parsed again, not an error
    for path in warm.folder.rglob("*.spacy"):
        path.write_bytes(b"not a docbin")
    again = DocCache(tmp_path, nlp)
    assert _claims(extract_claims(sources, nlp, aliases, cache=again)) == fresh
    assert again.misses >= len(set(TEXTS))


def test_workers_use_and_fill_the_cache(nlp, tmp_path: Path):
    sources, aliases = _sources(), AliasTable()
    fresh = _claims(extract_claims(sources, nlp, aliases))
    list(read_parallel(sources, nlp, aliases, jobs=2, cache=DocCache(tmp_path, nlp)))
    assert len(list(tmp_path.rglob("*.spacy"))) == len(set(TEXTS))
    warm = DocCache(tmp_path, nlp)
    assert _claims(extract_claims(sources, nlp, aliases, cache=warm)) == fresh and warm.misses == 0


@pytest.mark.parametrize(
    ("env", "expected"),
    [("off", None), ("OFF", None), ("/tmp/somewhere", Path("/tmp/somewhere"))],
)
def test_the_cache_folder_follows_the_environment(env: str, expected, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RASHOMON_CACHE", env)
    assert default_folder() == expected


def test_few_short_texts_stay_in_one_process():
    assert not worth_parallel(_sources(), jobs=2)
    assert worth_parallel(_sources() * 2, jobs=2)
    assert not worth_parallel(_sources() * 2, jobs=1)


def test_one_pipeline_per_process_whatever_the_name_given():
    """load_nlp() and load_nlp(None), as the CLI calls it, were two cache entries: spaCy loaded twice (issue #11)."""
    from claims.nlp import fresh_nlp, pipeline_name

    assert load_nlp() is load_nlp(None) is load_nlp(pipeline_name())
    assert fresh_nlp() is not load_nlp()  # a Dask worker's own
