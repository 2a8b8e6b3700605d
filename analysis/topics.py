"""A fact's name as a person would say it (issue #8): "people killed in Dessel", "when the conflict
began (Dessel)", "who started the war: Armenia vs Azerbaijan" — not the parser's fragments.

The event is named by the names the group's documents share in their headlines and leads
(claims.event), the rarest first; the population by the scope the members state most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from analysis.compare import builtin_aliases
from analysis.parties import same_party
from claims.dates import MONTHS
from claims.event import EVENT_YEAR, PREFIX
from claims.models import NUMERIC_KINDS, Actor, Claim
from claims.rules import rules
from claims.specificity import name_specificity
from claims.sub_event import WHOLE, split_part

VERB = {"casualties": "killed", "wounded": "wounded", "displaced": "displaced"}
MAX_WORDS = 8


def event_name(claims: list[Claim], idf: Callable[[str], float]) -> str | None:
    """The name most of the group's sources share in their headline and lead (rarest wins a tie)."""
    sources = {c.source_id: c for c in claims}
    if len(sources) < 2:
        return None
    shared: Counter[str] = Counter()
    for c in sources.values():
        # in the order the sources name them, not a set's: a tie goes the same way in every
        # process, whatever its hash seed (issue #11: Dask workers run with another)
        shared.update(list(dict.fromkeys(t for t in c.event if not t.startswith(EVENT_YEAR))))
    common = [t for t, n in shared.items() if n >= max(2, len(sources) / 2)]
    # a country names a war's side more often than the event: a place or name within it says more
    local = [
        t for t in common if builtin_aliases().kind(builtin_aliases().resolve(t.removeprefix(PREFIX)) or "") != "state"
    ]
    if not (local or common):
        return None
    # shared by the most sources and specific in English at large ("Nagorno-Karabakh", not "Group" of
    # "the Minsk Group"); the name breaks ties: no set order
    best = max(
        local or common, key=lambda t: (shared[t] * name_specificity(t.removeprefix(PREFIX)), -idf(t), len(t), t)
    )
    return _title(best.removeprefix(PREFIX))


def _readable(scope: str) -> str:
    """ "soldiers [Moldova] in Dessel" -> "soldiers (Israel)"; "people, another" -> "people"."""
    who = scope.split(" in ")[0].split(", ")[0]
    return who.replace("[", "(").replace("]", ")")


def _title(name: str) -> str:
    return " ".join(w if any(ch.isupper() for ch in w) else w[:1].upper() + w[1:] for w in name.split())


def _parties(claims: list[Claim]) -> list[str]:
    found: list[str] = []
    for c in claims:
        if isinstance(c.value, Actor) and not any(same_party(c.value.actor, p) for p in found):
            found.append(c.value.actor)
    return found


def name_fact(claims: list[Claim], about: str, idf: Callable[[str], float], label: str) -> str:
    """A readable topic for a group: population, what happened to them, and the event."""
    kind = claims[0].kind
    event = event_name(claims, idf)
    about = " ".join(about.split()[:MAX_WORDS])
    if kind in NUMERIC_KINDS:
        scopes = Counter(_readable(c.scope) for c in claims if c.scope)
        who = scopes.most_common(1)[0][0] if scopes else "people"
        parts = Counter(part for c in claims if c.scope and (part := split_part(c.scope)[1]) not in (None, WHOLE))
        if parts:  # "people killed in the explosion (Dessel)": one part of the event
            part = parts.most_common(1)[0][0]
            return f"{who} {VERB.get(kind, kind)} in the {part}" + (f" ({event})" if event else "")
        return f"{who} {VERB.get(kind, kind)}" + (f" in {event}" if event else "")
    if kind == "initiator":
        parties = " vs ".join(_parties(claims)[:4])
        what = _act(about, claims)
        return f"{label}: {what}" + (f" ({parties})" if parties else "") + (f", {event}" if event else "")
    if kind == "event_date":
        about = without_dateline(about)
        return (
            f"when: {about}" + (f" ({event})" if event else "")
            if about
            else f"{label}" + (f": {event}" if event else "")
        )
    return f"{label}: {about}" + (f" ({event})" if event else "") if about else label


def without_dateline(about: str) -> str:
    """ "CAIRO Oct. ceasefire took hold": a dateline's place and day (capitals, then a month or a
    number) open the clause's words, not what happened; capitals alone ("TPLF attacked") stay."""
    words = about.split()
    caps = next((n for n, w in enumerate(words) if not _capitals(w)), len(words))
    end = next((n for n in range(caps, len(words)) if not _day_word(words[n])), len(words))
    return " ".join(words[end:]) if caps and end > caps and end < len(words) else about


def _capitals(word: str) -> bool:
    bare = word.strip(".,-–—")
    return len(bare) > 1 and bare.isupper()


def _day_word(word: str) -> bool:
    bare = word.strip(".,-–—")
    return bare.isdigit() or bare.lower() in MONTHS


@lru_cache(maxsize=1)
def _act_words() -> frozenset[str]:
    ini = rules()["initiator"]
    keys = ("attack_nouns", "war_nouns", "violence_nouns")
    return frozenset(w.lower() for key in keys for w in ini.get(key, []))


def _act(about: str, claims: list[Claim]) -> str:
    """What a blame fact is about, as an act ("the storming", "the war"): the group's own word when
    it names one, else another member's, else "the fighting" (not "school", the thing struck)."""
    for word in [about, *(c.about for c in claims)]:
        word = (word or "").strip().lower()
        if word in _act_words():
            return word
    return "the fighting"
