"""The states of the actor table: ISO 3166 names from pycountry plus a hand-kept overlay (issue #7).

pycountry gives each state's short, official and common names and its codes.
claims/data/countries.json says which ISO entries are states for this table
(dependent territories are not actors) and adds what ISO lacks: the name the
news uses ("Ivory Coast", "Russia"), demonyms, capitals used as metonyms, and
short and older names ("Burma", "DRC"). ISO's inverted names ("Korea,
Republic of") and bracketed ones ("Holy See (Vatican City State)") are never
used; ISO codes only where the overlay says the news writes them ("US").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources.abc import Traversable

import pycountry

from claims.data_files import DATA, ActorEntry, CountryFile, CountryOverlay, read
from sources.errors import BadDataFile

NAME = "countries.json"
_THE = re.compile(r"^the\s+", re.I)


def _iso_names(record: object) -> list[str]:
    """ISO's names of a state as they are written in prose: "the State of Eritrea" -> "State of Eritrea"."""
    names: list[str] = []
    for field in ("name", "official_name", "common_name"):
        value = getattr(record, field, None)
        if value and "," not in value and "(" not in value:
            names.append(_THE.sub("", value))
    return names


def _state(code: str, overlay: CountryOverlay, where: str) -> ActorEntry:
    record = pycountry.countries.get(alpha_3=code)
    if record is None and (overlay.name is None or overlay.codes):
        raise BadDataFile(
            where, detail=f'"countries.{code}" is not an ISO 3166 alpha-3 code: give its "name", no "codes"'
        )
    iso = _iso_names(record) if record is not None else []
    unknown = [name for name in overlay.drop if name not in iso]
    if unknown:
        raise BadDataFile(where, detail=f'"countries.{code}.drop": ISO gives no name {unknown[0]!r}')
    name = overlay.name or next((n for n in (getattr(record, "common_name", None), iso[0] if iso else None) if n), None)
    if name is None:
        raise BadDataFile(where, detail=f'"countries.{code}" needs a "name": ISO gives none without a comma')
    codes = [getattr(record, kind) for kind in overlay.codes]
    aliases = (
        [n for n in iso if n not in overlay.drop]
        + codes
        + overlay.names
        + overlay.demonyms
        + overlay.capitals
        + overlay.forces
    )
    return ActorEntry(name=name, kind="state", aliases=[a for a in dict.fromkeys(aliases) if a != name])


def country_actors(folder: Traversable | None = None) -> list[ActorEntry]:
    """The states, in the overlay's order, each with ISO's names and the overlay's."""
    _, table = read(NAME, CountryFile, folder)
    where = str((folder or DATA) / NAME)
    return [_state(code, overlay, where) for code, overlay in table.countries.items()]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, ...]]:
    """state name -> its people's words as the overlay writes them ("Israel" -> ("Israeli", "Israelis")),
    for writing a population as a reader would ("Israelis", "Moldovan soldiers")."""
    _, table = read(NAME, CountryFile)
    where = str(DATA / NAME)
    return {
        _state(code, overlay, where).name: tuple(overlay.demonyms)
        for code, overlay in table.countries.items()
        if overlay.demonyms
    }


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """The capitals the overlay lets stand for their states ("Moscow denied ..."), lower-cased: as the
    modifier of an attack ("the Paris attacks") such a name says where, not who."""
    _, table = read(NAME, CountryFile)
    return frozenset(c.lower() for overlay in table.countries.values() for c in overlay.capitals)


@lru_cache(maxsize=1)
def subdivision_states() -> dict[str, frozenset[str]]:
    """The names of the states' regions, provinces and federal states (ISO 3166-2, from pycountry),
    lower-cased -> the states that have a region of that name ("indiana" -> {"United States"}): a
    place's own name, never a misspelling of another state's ("Indiana" is not "Indian")."""
    _, table = read(NAME, CountryFile)
    where = str(DATA / NAME)
    state_of = {code: _state(code, overlay, where).name for code, overlay in table.countries.items()}
    found: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=region.country_code)
        state = state_of.get(country.alpha_3) if country is not None else None
        found.setdefault(region.name.casefold(), set()).update([state] if state else [])
    return {name: frozenset(states) for name, states in found.items()}
