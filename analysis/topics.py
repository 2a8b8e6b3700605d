"""A fact's name as a person would say it (issue #8): "people killed in Dessel", "when the ceasefire
took hold (Dessel)", "who started the war: Armenia vs Azerbaijan" — not the parser's fragments.

The event is named by the names the group's documents share in their headlines and leads
(claims.event), the rarest first, but never by a person, a body or a word of a longer name; the
population by the scope the members state most, when it is people; a date by what happened, never
by who said it; a blame fact by its act and its parties. The words are data
(claims/data/fact_names.json, and rules.json's reporting verbs, statement words and acts).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from analysis.compare import builtin_aliases
from analysis.parties import named_in, same_party, side
from claims.countries import demonyms
from claims.data_files import FactNamesFile, read
from claims.dates import MONTHS
from claims.event import PREFIX, is_year_key
from claims.models import ACCIDENT, NUMERIC_KINDS, UNKNOWN, Actor, Claim
from claims.name_kinds import CALENDAR_WORDS, custody_forms
from claims.noun_classes import arms, people_nouns, singular
from claims.rules import rules
from claims.specificity import name_specificity
from claims.sub_event import WHOLE, split_part

VERB = {"casualties": "killed", "wounded": "wounded", "displaced": "displaced"}
MAX_WORDS = 8
MAX_PARTIES = 3
VAGUE_NAME = 0.5  # name_specificity below which a word of a longer name names nothing by itself
_TOKEN = re.compile(r"[\w'’.-]+")


@lru_cache(maxsize=1)
def _names() -> FactNamesFile:
    return read("fact_names.json", FactNamesFile)[1]


def _lower(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


# -- the event ------------------------------------------------------------------------


def event_name(claims: list[Claim], idf: Callable[[str], float]) -> str | None:
    """The name most of the group's sources share in their headline and lead (rarest wins a tie),
    when it names a place or an event: not a person, a body, nor a word of a longer name."""
    sources = {c.source_id: c for c in claims}
    if len(sources) < 2:
        return None
    shared: Counter[str] = Counter()
    for c in sources.values():
        # in the order the sources name them, not a set's: a tie goes the same way in every
        # process, whatever its hash seed (issue #11: Dask workers run with another)
        shared.update(list(dict.fromkeys(t for t in c.event if not is_year_key(t))))
    common = [t for t, n in shared.items() if n >= max(2, len(sources) / 2)]
    every = [t.removeprefix(PREFIX) for t in shared]
    common = [t for t in common if _names_an_event(t.removeprefix(PREFIX), every, claims)]
    # a country names a war's side more often than the event: a place or name within it says more
    local = [t for t in common if not _state(t.removeprefix(PREFIX))]
    if not (local or common):
        return None
    # shared by the most sources and specific in English at large ("Nagorno-Karabakh", not "Group" of
    # "the Minsk Group"); the name breaks ties: no set order
    best = max(
        local or common, key=lambda t: (shared[t] * name_specificity(t.removeprefix(PREFIX)), -idf(t), len(t), t)
    )
    if not local:  # a state, by its name ("Syria"), not its people's ("Syrian")
        return builtin_aliases().resolve(best.removeprefix(PREFIX)) or _as_written(best.removeprefix(PREFIX), claims)
    return _as_written(best.removeprefix(PREFIX), claims)


def _state(name: str) -> bool:
    return builtin_aliases().kind(builtin_aliases().resolve(name) or "") == "state"


def _in(event: str | None) -> str:
    """ " in Dessel" for a place or an event; a state names a side as often as the place, so it only
    qualifies the fact: " (Ruritania)"."""
    if not event:
        return ""
    return f" ({event})" if _state(event) else f" in {event}"


def _names_an_event(name: str, every: list[str], claims: list[Claim]) -> bool:
    """ "Dessel", "Gaza Strip", "Six-Day War": a place or an event. Not a body ("OSCE Minsk Group",
    "IHH", the United Nations), a person ("President Ilham Varga", a speaker, a name of two words
    with no place's word in it), a word written only inside a longer name ("Minsk" of "Minsk
    Group", "United"), nor a word the members write in lower case ("chemical")."""
    if builtin_aliases().kind(builtin_aliases().resolve(name) or "") == "organisation":
        return False
    if not _state(name) and any(name.casefold() in c.doers for c in claims):
        return False  # "ETA", "the RPF": the account names them as who did it, not where it happened
    if not _state(name) and (_a_persons(name, claims) or name.casefold() in CALENDAR_WORDS):
        return False  # "Asahara", "October": a person or a time, not where it happened
    written = [w for c in claims for w in _occurrences(name, c.sentence)]
    if written and not any(w[:1].isupper() for w, _before, _after in written):
        return False
    if _body(name, written) or _person(name, written, claims) or _adjective(name, written):
        return False
    if " " not in name and (_a_people(name) or _an_ethnonym(name, written)):
        return False  # "Guardsmen", "Palestinians", "Arab": a people, not where it happened
    if " " not in name and _generic(name):  # "Group", "Strip", "The": words of names, no name
        return False
    if " " not in name and not any(_alone(before, after) for _w, before, after in written):
        # never written alone: a word of a longer name, when that is a person's or the word says
        # little by itself ("United" of "United States"; not "Varna" of "Varna Liberation Front")
        longer = [n for n in every if n != name and name in n.split()]
        if any(_person(n, [], claims) for n in longer) or (longer and name_specificity(name) < VAGUE_NAME):
            return False
    return True


def _a_persons(name: str, claims: list[Claim]) -> bool:
    """Most sources that name it in their lead read it as a person's (claims.name_kinds): one
    source's misreading does not unname a town."""
    key = name.casefold()
    naming = {c.source_id: c for c in claims if PREFIX + key in c.event}.values()
    return 2 * sum(key in c.people_names for c in naming) > len(naming)


def _adjective(name: str, written: list[tuple[str, str, str]]) -> bool:
    """ "South Ossetian" of "the South Ossetian capital": a people's adjective before a noun, mostly
    or always (or in no claim's sentence at all), not the name of where it happened (fact_names.json
    demonym_endings)."""
    if not name.casefold().endswith(tuple(_names().demonym_endings)):
        return False
    before_noun = sum(1 for _w, _before, after in written if after[:1].islower())
    return before_noun * 2 >= len(written)  # written nowhere but a headline: by its ending alone


PEOPLE_ENDINGS = ("men", "ans", "ites")  # "Guardsmen", "Palestinians", "Shiites"; not "Homs", "Paris"


def _a_people(name: str) -> bool:
    """A capitalised word naming a people or a body of men, never a place's name."""
    low = name.casefold()
    return low.endswith(PEOPLE_ENDINGS) or bool(_singular(low) & _people_words())


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "into", "across", "around", "outside", "inside"})


def _an_ethnonym(name: str, written: list[tuple[str, str, str]]) -> bool:
    """ "Arab", "Kurd", "Hutu": a word for a people (claims.noun_classes.people_nouns) that no claim's
    sentence writes as a place ("in Amhara" is the region)."""
    if not _singular(name.casefold()) & people_nouns():  # "Arabs" as "Arab"
        return False
    return not any(before.casefold() in PLACE_PREPOSITIONS for _w, before, _after in written)


def _occurrences(name: str, text: str) -> list[tuple[str, str, str]]:
    """Each place `text` writes `name` (any case): the words as written, the word before, the word after."""
    found = []
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags=re.IGNORECASE):
        before = _TOKEN.findall(text[max(0, m.start() - 40) : m.start()])
        after = _TOKEN.findall(text[m.end() : m.end() + 40])
        starts = not text[: m.start()].strip() or text[: m.start()].rstrip()[-1:] in ".!?\n"
        found.append((m.group(0), "" if starts else (before[-1] if before else ""), after[0] if after else ""))
    return found


def _alone(before: str, after: str) -> bool:
    """Written as a name by itself: no capitalised word after it, nor before it but a possessive
    ("Varna's Dessel region", not "OSCE Dessel Group")."""
    return not _capitalised(after) and (not _capitalised(before) or before.endswith(("'s", "’s")))


def _generic(word: str) -> bool:
    n = _names()
    return word in _lower([*n.dangling, *n.body_heads, *n.place_heads, *n.direction_words, *n.pronouns])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _body(name: str, written: list[tuple[str, str, str]]) -> bool:
    """An organisation or a force: its last word says so, or the members write it in capitals ("IHH";
    not a code with a number in it, "PS752", a flight's)."""
    words = name.split()
    if words[-1] in _lower(_names().body_heads) and len(words) > 1:
        return True
    if _code(name):
        return False
    capitals = [w.replace("-", "").replace(".", "").isupper() for w, _b, _a in written]
    return bool(capitals) and all(capitals)  # "IHH" everywhere; not "JENIN" of a dateline and "Jenin"


def _person(name: str, written: list[tuple[str, str, str]], claims: list[Claim]) -> bool:
    names = _names()
    if any(before.casefold().strip(".") in _lower(names.titles) for _w, before, _a in written):
        return True
    if any(before.casefold() in custody_forms() for _w, before, _a in written):
        return True  # "police arrested Amrozi", "the court sentenced Amrozi": a person, not a place
    if any(c.speaker and c.speaker.casefold().endswith(f" {name}") for c in claims):  # "Prosecutor X Y"
        return True
    words = name.split()
    if len(words) < 2 or not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    placed = _lower(names.place_heads) | _lower(names.event_nouns) | _acts() | _lower(names.direction_words)
    if any(w in placed for w in words) or builtin_aliases().resolve(name):
        return False
    # two names and no place's word: a person's, unless the members write it as a place (no title)
    return not written


def _as_written(name: str, claims: list[Claim]) -> str:
    """ "nagorno-karabakh" as the members write it: "Nagorno-Karabakh"; a code with a number in it
    in its capitals ("PS752"), where a dateline's capitals ("JORVIK") are no way to write a name."""
    for c in claims:
        for text in (*c.entities, c.sentence):
            for w, _b, _a in _occurrences(name, text):
                if w[:1].isupper() and (not w.isupper() or _code(w)):
                    return w
    return " ".join(w.upper() if _code(w) else _capitalise(w) for w in name.split())


def _code(name: str) -> bool:
    """ "PS752", "MH17": a flight's or a craft's code, written in capitals, no body's acronym."""
    return any(ch.isdigit() for ch in name)


def _capitalise(word: str) -> str:
    """ "nagorno-karabakh" -> "Nagorno-Karabakh"."""
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


# -- the population ---------------------------------------------------------------------


_CUT = re.compile(r"\s+(?:in|from|of|who|that|which|at|on|during|after|before|by|with|near|among|across|,)\s.*$")


def _readable(scope: str) -> str:
    """ "soldiers [Moldova] in Dessel" -> "Moldovan soldiers"; "people [Israel]" -> "Israelis";
    "people, another" -> "people"; "refugees from Dessel and Varna" -> "refugees"; "pro - Varnan
    activists" -> "pro-Varnan activists"; a state with no people's word kept in brackets."""
    who = scope.split(", ")[0].replace(" - ", "-")
    who = _without_fillers(_CUT.sub("", who))
    return _SIDED.sub(_with_demonym, who).replace("[", "(").replace("]", ")")


def _without_fillers(who: str) -> str:
    """ "others" -> "people", "further civilians" -> "civilians", "person" -> "people": the words of who
    they are, without those that only count them (fact_names.json population_fillers)."""
    fillers = _lower(_names().population_fillers)
    words = who.split()
    while len(words) > 1 and words[0].casefold() in fillers:
        words.pop(0)
    if not words or (len(words) == 1 and words[0].casefold() in fillers | {"person", "persons"}):
        return "people"
    return " ".join(words)


_SIDED = re.compile(r"^(?P<who>[\w-]+(?: [\w-]+)?) \[(?P<state>[^\]]+)\]$")


def _with_demonym(m: re.Match[str]) -> str:
    """ "soldiers [Moldova]" -> "Moldovan soldiers", "people [Israel]" -> "Israelis"."""
    forms = demonyms().get(m["state"])
    if not forms:
        return m.group(0)
    one = forms[0]
    many = next((f for f in forms[1:] if f.endswith("s")), None)
    if m["who"].casefold() in ("people", "persons") and many:
        return many
    return f"{one} {m['who']}"


def _most_said(scopes: Counter[str]) -> str:
    """The people most members count, the first named on a tie; a bare word counts for its people's
    fuller name ("soldiers" for "Israeli soldiers", not for "of them soldiers")."""
    if not scopes:
        return "people"
    said = Counter(scopes)
    for name, n in scopes.items():
        for fuller in scopes:
            whose = fuller.removesuffix(f" {name}").split() if fuller.endswith(f" {name}") else []
            if whose and all(w[:1].isupper() for w in whose):
                said[fuller] += n
    return max(said, key=lambda w: said[w])


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    sc = rules()["scope"]
    ini = rules()["initiator"]
    words = [*sc["general"], *sc["people_nouns"], *(w for ws in sc["roles"].values() for w in ws)]
    words += [*rules()["generic_actors"], *ini["attacker_nouns"], *ini["actor_nouns"]["state"]]
    words += [*ini["actor_nouns"]["irregular"]]
    return _lower(words)


def _is_people(who: str) -> bool:
    """ "civilians", "Palestinians", "ethnic Varnans", "soldiers (Moldova)": people; "Western states" not."""
    words = who.split("(")[0].split()
    if not words:
        return False
    head = words[-1]
    if _capitalised(head) and head.endswith("s"):
        return True  # a people's name ("Varnans"), not a state's ("Varna")
    low = head.casefold()
    singular = _singular(low)
    suffixes = tuple(rules()["scope"]["person_suffixes"])
    return bool(singular & _people_words()) or any(s.endswith(suffixes) for s in singular if len(s) > 4)


# -- dates and lengths ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    ini = rules()["initiator"]
    words = [*ini["attack_nouns"], *ini["war_nouns"], *ini["violence_nouns"]]
    return _lower(words)


@lru_cache(maxsize=1)
def _events() -> frozenset[str]:
    return _acts() | _lower(_names().event_nouns)


def _forms(lemmas: Iterable[str]) -> frozenset[str]:
    """ "report" -> report, reports, reported; "deny" -> denied; "admit" -> admitted."""
    out = set()
    for lemma in lemmas:
        w = lemma.casefold()
        out |= {w, w + "s", w + "d" if w.endswith("e") else w + "ed", w + w[-1:] + "ed"}
        if w.endswith("y"):
            out |= {w[:-1] + "ied", w[:-1] + "ies"}
    return frozenset(out)


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    return _forms(rules()["speaker"]["reporting_verbs"]) | _lower(_names().reporting_past)


@lru_cache(maxsize=1)
def _publishing() -> frozenset[str]:
    return _forms(rules()["statement_time"]["verbs"])


@lru_cache(maxsize=1)
def _statement_nouns() -> list[str]:
    nouns = [*rules()["statement_time"]["nouns"], *_names().statement_nouns]
    return sorted({n.casefold() for n in nouns}, key=len, reverse=True)


def _past(word: str) -> bool:
    w = word.casefold()
    names = _names()
    return w in _lower(names.irregular_past) or (len(w) > 3 and w.endswith("ed") and w not in _lower(names.not_past))


def _tidy(about: str, cut: bool = True) -> str:
    """A date's words without their dateline, the clause words before them ("after", "according to
    him") and the words left hanging where the date was cut out ("flown to", "had")."""
    names = _names()
    words = without_dateline(about).split()
    openers, dangling = _lower(names.openers), _lower(names.dangling)
    while words and (words[0].casefold() in openers):
        words.pop(0)
    words = words[:MAX_WORDS] if cut else words
    while words and words[-1].casefold() in dangling:
        words.pop()
    # "war which began": the relative word between the event and its verb goes
    words = [w for n, w in enumerate(words) if not (0 < n < len(words) - 1 and w.casefold() in _RELATIVE
                                                     and _past(words[n + 1]))]  # fmt: skip
    return " ".join(words)


_RELATIVE = frozenset({"which", "that", "who"})


def _statement(about: str) -> str | None:
    """ "the office said", "X told a news conference", "statement released": the date of what was
    said, published or marked: "the news conference", "a statement"; None for an event."""
    low = f" {about.casefold()} "
    noun = next((n for n in _statement_nouns() if f" {n} " in low), None)
    if noun is not None:
        return f"the {noun}"
    words = {w for w in about.split() if not _capitalised(w)}  # "States" is no verb
    if words & _reporting() or (words & _publishing() and not words & _events()):
        return "a statement"
    return None


def _usable(about: str) -> bool:
    """Words that can name an event: not empty, not a pronoun and a copula ("it was at the centre
    of"), not a bare name that may be a person's ("Shamil Varga")."""
    words = about.split()
    if not words or (words[0].casefold() in _lower(_names().pronouns) and len(words) > 1
                     and words[1].casefold() in _COPULAS):  # fmt: skip
        return False
    if words[0].casefold() in _COPULAS:
        return False  # "were reasonable grounds": a clause that lost what it is about
    low = {w.casefold() for w in words}
    if (
        not any(_past(w) for w in words)
        and not any(_singular(w) & _events() for w in low)
        and low & _lower(_names().body_heads)
    ):
        return False  # "aid group Medecins": a body, no event
    if all(_capitalised(w) for w in words):  # a bare name: a thing's ("Helsinki Act"), not a person's
        return about.casefold() in _events() or (len(words) > 1 and not _person(about.casefold(), [], []))
    return True


_COPULAS = frozenset({"was", "is", "were", "are", "been", "be", "had", "has", "have"})
TIME_NOUNS = frozenset({"date", "day", "time"})


def _date_name(about: str, claims: list[Claim], label: str) -> str:
    """ "when the raid began", "date of the summit in Varna", "date of the news conference", or
    "date" when no member's words name what happened (then the event is named after it)."""
    said, pronoun, pronoun_phrase = None, None, ""
    for words, phrase in [(about, ""), *((c.about, c.phrase) for c in claims)]:
        tidy = _tidy(words or "")
        statement = _statement(_tidy(words or "", cut=False))
        if statement is not None:
            said = said or statement
            continue
        if not _usable(tidy):
            continue
        first, *rest = tidy.split()
        if first.casefold() in _lower(_names().pronouns):  # "it agreed a framework": another's first
            # its own phrase, read whole off the tree ("when he was relieved"), before its words
            pronoun_phrase = pronoun_phrase or phrase
            pronoun = pronoun or " ".join(["when", first.casefold(), *rest])
            continue
        return phrase or _date_words(tidy)  # the member's own name for it, off its parse, if it has one
    if pronoun is not None:
        return pronoun_phrase or pronoun
    if said is not None:
        return f"date of {said}"
    act = _event_word(claims)
    return f"date of the {act}" if act else label


def _date_words(tidy: str) -> str:
    """ "when the raid began", "when it left Varna" (no subject), "date of the ceasefire" (no verb
    but an event), "date of the OSCE summit"."""
    words = tidy.split()
    # "date information emerged": not "date of the date ..." (but "Day War", "day of the setback" are names)
    if len(words) > 1 and words[0] in TIME_NOUNS and words[1].casefold() != "of":
        words = words[1:]
        tidy = " ".join(words)
    first = words[0]
    at = next((n for n, w in enumerate(words) if _capitalised(w) or _singular(w.casefold()) & _events()), None)
    planned = len(words) > 1 and bool(_singular(words[1].casefold()) & _events())  # "planned storming"
    if _past(first) and not _capitalised(first) and not planned:
        return f"when it {tidy}"
    the = "" if _capitalised(first) or first.casefold() in _lower(_names().dangling) else "the "
    dangling = _lower(_names().dangling)  # "on disputed land": an adjective after a preposition
    if any(_past(w) and words[n].casefold() not in dangling for n, w in enumerate(words[1:])):
        return f"when {the}{tidy}"
    verb = first.endswith("ing") or first.casefold() in _publishing() | _reporting()  # "mediating the X War"
    if at is not None and verb and not _capitalised(first) and not _past(first):  # "regard ceasefire": the event
        return f"date of the {' '.join(words[at:])}"
    return f"date of {the}{tidy}"


def _singular(word: str) -> set[str]:
    return {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ies") + "y"}


def _event_word(claims: list[Claim]) -> str | None:
    """The first word of an act or event in the members' own words ("the siege", "the war")."""
    for c in claims:
        for w in (c.about or "").split():
            if w.casefold() in _events():
                return w.casefold()
    return None


def _duration_name(claims: list[Claim]) -> str:
    """ "how long the siege lasted": the act or event the members time, else "how long it lasted";
    never a weapon ("for 12 minutes after the missiles struck" times no missile)."""
    act = _event_word(claims)
    if act is not None and singular(act) in arms():
        act = None
    return f"how long the {act} lasted" if act else "how long it lasted"


# -- blame --------------------------------------------------------------------------


def _parties(claims: list[Claim], event: str | None) -> list[str]:
    """The parties blamed, each once; a described force ("troops", "militants") only when no named
    party stands for its side: "Varna vs militants", not "Varna vs troops vs soldiers vs militants"."""
    found: list[str] = []
    for c in claims:
        if isinstance(c.value, Actor) and c.value.actor == UNKNOWN:
            continue  # "it is not known who fired" blames no party
        if isinstance(c.value, Actor) and not any(same_party(c.value.actor, p) for p in found):
            if not (event and not _state(event) and same_party(c.value.actor, event)):  # the place struck
                found.append(c.value.actor)
    named = [p for p in found if side(p) is None or (named_in(p) and not side(p.split()[0]))]
    states = [p for p in named if _state(p)]
    others = [p for p in named if p not in states]
    kept: list[str] = []
    sides: set[str] = set()
    for p in found:
        if p in named:
            kept.append(p)
            continue
        what = side(p) or "unsided"
        stands = {"state": states, "irregular": others}.get(what, named)
        if not stands and what not in sides:
            kept.append(p)
            sides.add(what)
    return sorted(kept, key=lambda p: p not in named)[:MAX_PARTIES]


def _as_named(party: str, claims: list[Claim]) -> str:
    """ "Chechen" -> "Chechen militants", "pro-Varnan" -> "pro-Varnan gunmen": a party read off a
    people's adjective is named with the people it described, when every quote that writes it
    writes it before a word for people ("Chechen militants stormed the school"); a name that stands
    alone anywhere ("Varna attacked") stays as it is."""
    if " " in party or _state(party) or not _adjectival(party):
        return party
    after: Counter[str] = Counter()
    for c in claims:
        for _w, _before, nxt in _occurrences(party, c.quote):
            if not (nxt.islower() and _singular(nxt.casefold()) & _people_words()):
                return party
            after[nxt] += 1
    return f"{party} {after.most_common(1)[0][0]}" if after else party


def _adjectival(word: str) -> bool:
    """A people's adjective ("Chechen", "pro-Varnan"), not a group's own name ("Hezbollah", "FLN"):
    fact_names.json demonym_endings and party_adjective_endings."""
    endings = tuple(_lower([*_names().demonym_endings, *_names().party_adjective_endings]))
    return word.casefold().startswith(("pro-", "anti-")) or (
        word[:1].isupper() and not word.isupper() and word.casefold().endswith(endings)
    )


def _act(about: str, claims: list[Claim]) -> str | None:
    """What a blame fact is about, as an act ("storming", "war"): the group's own word when it names
    one, else another member's, else the act its quotes' words tell most ("shot dead": the killing;
    fact_names.json act_forms), else None (not "school", the thing struck)."""
    for word in [about, *(c.about for c in claims)]:
        word = (word or "").strip().lower()
        if word in _acts():
            return word
    forms = _names().act_forms
    told = Counter(
        act for c in claims for w in set(re.findall(r"[a-z]+", c.quote.lower())) for act, ws in forms.items() if w in ws
    )
    return max(forms, key=lambda act: told[act]) if told else None


def _question(act: str | None, claims: list[Claim]) -> str:
    """The question a blame fact asks: of its act ("who opened fire", "who started the war"), "who or
    what caused it" when an account says no one did it, else "who is to blame"."""
    if act is not None:
        return _names().act_questions.get(act, f"who started the {act}")
    if any(isinstance(c.value, Actor) and c.value.actor == ACCIDENT for c in claims):
        return "who or what caused it"
    return "who is to blame"


# -- the name ---------------------------------------------------------------------------


def name_fact(claims: list[Claim], about: str, idf: Callable[[str], float], label: str, named: str = "") -> str:
    """A readable topic for a group: population, what happened to them, and the event. `named`: the
    medoid's own name for a date's or a length's event (claims.date_phrase), used before its words."""
    kind = claims[0].kind
    event = event_name(claims, idf)
    # the medoid's words, whole: relate cut them at a number of words ("... leaders met and had")
    about = next((c.about for c in claims if about and c.about.startswith(about)), about)
    if kind in NUMERIC_KINDS:
        scopes = Counter(who for c in claims if c.scope and _is_people(who := _readable(c.scope)))
        who = _most_said(scopes)
        parts = Counter(part for c in claims if c.scope and (part := split_part(c.scope)[1]) not in (None, WHOLE))
        if parts:  # "people killed in the explosion (Dessel)": one part of the event
            part = parts.most_common(1)[0][0]
            return f"{who} {VERB.get(kind, kind)} in the {part}" + (f" ({event})" if event else "")
        return f"{who} {VERB.get(kind, kind)}{_in(event)}"
    if kind == "initiator":
        parties = " vs ".join(_as_named(p, claims) for p in _parties(claims, event))
        what = _question(_act(about, claims), claims)
        what += f" in {event}" if event and not _state(event) else ""
        return what + (f": {parties}" if parties else "")
    if kind == "event_date":
        # "when it opened fire": a pronoun's name only if no member names the doer (_date_name)
        name = "" if any(w.casefold() in _lower(_names().pronouns) for w in named.split()[1:2]) else named
        name = name or _date_name(about, claims, label)
    elif kind == "duration":
        name = named if named.startswith("how long") else _duration_name(claims)
    else:
        name = f"{label}: {about}" if about else label
    if event and event.casefold() not in name.casefold():
        name += f" ({event})"
    return name


def without_dateline(about: str) -> str:
    """ "CAIRO Oct. ceasefire took hold": a dateline's place and day (capitals, then a month or a
    number) open the clause's words, not what happened; capitals alone ("TPLF attacked") stay."""
    words = about.split()
    caps = next((n for n, w in enumerate(words) if not _all_capitals(w)), len(words))
    end = next((n for n in range(caps, len(words)) if not _day_word(words[n])), len(words))
    return " ".join(words[end:]) if caps and end > caps and end < len(words) else about


def _all_capitals(word: str) -> bool:
    bare = word.strip(".,-–—")
    return len(bare) > 1 and bare.isupper()


def _day_word(word: str) -> bool:
    bare = word.strip(".,-–—")
    return bare.isdigit() or bare.lower() in MONTHS
