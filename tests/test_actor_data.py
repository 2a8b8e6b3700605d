"""Checks on the built-in actor table: the states (ISO 3166 via pycountry plus
claims/data/countries.json) and claims/data/actors.json (see claims/data/README.md)."""

from __future__ import annotations

import pycountry
import pytest

from claims.actors import builtin_actors
from claims.countries import country_actors
from claims.data_files import CountryFile, read

KINDS = {"state", "organisation"}

# Endings of regular demonyms: Armenian, Lebanese, Israeli, Turkish, Icelandic,
# Dutch, Cypriot, New Zealander, Argentine, Montenegrin, Nigerien, Seychellois, Monegasque.
DEMONYM_ENDINGS = (
    "an",
    "ans",
    "ese",
    "i",
    "is",
    "ish",
    "ic",
    "ch",
    "ot",
    "ots",
    "er",
    "ers",
    "ine",
    "in",
    "ins",
    "en",
    "ens",
    "ois",
    "que",
)
# Demonyms that follow no common ending.
IRREGULAR_DEMONYMS = {
    "Basotho",
    "Mosotho",
    "Motswana",
    "Batswana",
    "Malagasy",
    "Burkinabe",
    "Burkinabè",
    "Greek",
    "Greeks",
    "Swiss",
    "Filipino",
    "Filipinos",
}
# States whose only demonym collides with another actor or a region, and is left
# out on purpose (claims/data/README.md, "Left out on purpose").
NO_DEMONYM = {
    "Democratic Republic of the Congo",  # "Congolese" is shared with the Republic of the Congo
    "Republic of the Congo",
    "Dominica",  # "Dominican" is shared with the Dominican Republic
    "Dominican Republic",
    "Central African Republic",  # "Central African" is also the region
}
# Names that are ambiguous and must stay out of the table.
LEFT_OUT = [
    "Congolese",
    "Congo",
    "Dominican",
    "Dominicans",
    "Korean",
    "Koreans",
    "Central African",
    "Macedonia",
    "Macedonian",
    "Victoria",
    "Kingston",
    "Georgetown",
    "Santiago",
    "San Jose",
    "San José",
    "Brussels",
    "Jerusalem",
    "Tel Aviv",
    "Tripoli",
    "Sanaa",
    "Male",
    "Sofia",
    "CAR",
    "ROC",
    "CSCE",
    "Republic of China",
    "Islamic Republic",
    "Pole",
    # names several states' bodies bear, or that mean something else too
    "SAS",
    "RAF",
    "SS",
    "Mukhabarat",
    "Republican Guard",
    "National Guard",
]
# Non-state armed groups must never be listed (a sample of names).
ARMED_GROUPS = ["Hamas", "Hezbollah", "Taliban", "Polisario", "Houthis", "ISIS", "Wagner"]


@pytest.fixture(scope="module")
def table() -> dict:
    """The table as the matcher gets it, less the former states (actors_historical.json)."""
    return {"actors": [actor.model_dump() for actor in builtin_actors(historical=False)]}


@pytest.fixture(scope="module")
def alias_index(table) -> dict[str, set[str]]:
    """Every name and alias, lower-cased, mapped to the actors it points to."""
    index: dict[str, set[str]] = {}
    for actor in table["actors"]:
        for text in [actor["name"], *actor["aliases"]]:
            index.setdefault(text.casefold(), set()).add(actor["name"])
    return index


def test_actor_data_schema(table):
    assert isinstance(table["actors"], list) and table["actors"]
    for actor in table["actors"]:
        assert set(actor) == {"name", "kind", "aliases"}, actor
        assert actor["kind"] in KINDS, actor
        assert isinstance(actor["name"], str) and actor["name"].strip() == actor["name"] != ""
        assert isinstance(actor["aliases"], list)
        for alias in actor["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias != "", (actor["name"], alias)
        assert len(set(actor["aliases"])) == len(actor["aliases"]), f"duplicate alias in {actor['name']}"
        assert actor["name"] not in actor["aliases"], actor["name"]


def test_actor_data_names_unique(table):
    names = [a["name"].casefold() for a in table["actors"]]
    assert len(names) == len(set(names))


def test_actor_data_no_alias_maps_to_two_actors(alias_index):
    clashes = {text: sorted(actors) for text, actors in alias_index.items() if len(actors) > 1}
    assert clashes == {}


def test_actor_data_covers_the_un_members_and_more(table):
    states = [a for a in table["actors"] if a["kind"] == "state"]
    assert len(states) >= 190
    names = {a["name"] for a in states}
    for name in ["Taiwan", "Palestine", "Kosovo", "Western Sahara", "Vatican City"]:
        assert name in names


# Words of formal names ("Congo Republic", "Kingdom of Spain") that end like a demonym by chance.
FORMAL_WORDS = {
    "republic",
    "kingdom",
    "state",
    "states",
    "sultanate",
    "federation",
    "confederation",
    "commonwealth",
    "the",
}


def _is_demonym_like(alias: str) -> bool:
    if FORMAL_WORDS & set(alias.casefold().split()):
        return False
    return alias in IRREGULAR_DEMONYMS or alias.endswith(DEMONYM_ENDINGS)


def test_actor_data_every_state_has_a_demonym(table):
    """Organisations have no demonym; a state goes without one only when it is ambiguous."""
    missing = []
    for actor in table["actors"]:
        if actor["kind"] != "state" or actor["name"] in NO_DEMONYM:
            continue
        if not any(_is_demonym_like(a) and a != actor["name"] for a in actor["aliases"]):
            missing.append(actor["name"])
    assert missing == []


@pytest.mark.parametrize(
    ("alias", "actor"),
    [
        ("Armenians", "Armenia"),
        ("Yerevan", "Armenia"),
        ("Azeri", "Azerbaijan"),
        ("Baku", "Azerbaijan"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("Americans", "United States"),
        ("Washington", "United States"),
        ("Moscow", "Russia"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Burma", "Myanmar"),
        ("Ivory Coast", "Ivory Coast"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Zaire", "Democratic Republic of the Congo"),
        ("Dutch", "Netherlands"),
        ("Basotho", "Lesotho"),
        ("Beijing", "China"),
        ("Taipei", "Taiwan"),
        ("Indian", "India"),
        ("New Delhi", "India"),
        ("Holy See", "Vatican City"),
        ("Sahrawi", "Western Sahara"),
        ("Kosovar", "Kosovo"),
        ("Palestinians", "Palestine"),
        ("UN", "United Nations"),
        ("U.N.", "United Nations"),
        ("EU", "European Union"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Organisation for Security and Co-operation in Europe", "OSCE"),
        ("AU", "African Union"),
        ("League of Arab States", "Arab League"),
        ("ICRC", "International Committee of the Red Cross"),
        ("WHO", "World Health Organization"),
        ("UN refugee agency", "UNHCR"),
        # a state's forces and agencies, and those of a state that is gone
        ("Mossad", "Israel"),
        ("ISI", "Pakistan"),
        ("Tatmadaw", "Myanmar"),
        ("Gestapo", "Germany"),
    ],
)
def test_actor_data_alias_resolves(alias_index, alias, actor):
    assert alias_index.get(alias.casefold()) == {actor}


@pytest.mark.parametrize("text", LEFT_OUT + ARMED_GROUPS)
def test_actor_data_ambiguous_names_left_out(alias_index, text):
    assert text.casefold() not in alias_index


def test_actor_data_organisations_are_organisations(table):
    kinds = {a["name"]: a["kind"] for a in table["actors"]}
    for name in [
        "United Nations",
        "European Union",
        "NATO",
        "OSCE",
        "African Union",
        "Arab League",
        "International Committee of the Red Cross",
        "World Health Organization",
        "UNHCR",
    ]:
        assert kinds.get(name) == "organisation", name


def test_actor_data_states_come_from_iso_and_the_overlay():
    states = country_actors()
    assert [a.kind for a in states] == ["state"] * len(states)
    assert len(states) == len(read("countries.json", CountryFile)[1].countries) >= 190
    aliases = {alias for a in states for alias in [a.name, *a.aliases]}
    # ISO's official names come from pycountry, not from the overlay
    assert {"Kingdom of Belgium", "Islamic Republic of Pakistan", "United States of America"} <= aliases
    # ISO's inverted and bracketed forms never do
    assert not [alias for alias in aliases if "," in alias or "(" in alias]


def test_actor_data_overlay_codes_are_iso_codes():
    overlay = read("countries.json", CountryFile)[1].countries
    not_iso = [code for code in overlay if pycountry.countries.get(alpha_3=code) is None]
    assert not_iso == ["XKX"]  # Kosovo: a user-assigned code, named in the overlay
    assert overlay["XKX"].name == "Kosovo"


def test_actor_data_iso_codes_only_where_the_news_writes_them(alias_index):
    assert alias_index["us"] == alias_index["usa"] == {"United States"}
    assert alias_index["png"] == {"Papua New Guinea"}
    for code in ("DE", "FR", "RUS", "ISR", "IN", "IT", "NO"):
        assert code.casefold() not in alias_index, code
