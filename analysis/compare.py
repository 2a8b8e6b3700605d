"""Compare two claims about the same fact: agree, contradict, different scope or
unclear, with one line a person can read (issue #2).

Numbers compare as intervals: a stated range, widened by its qualifier's
tolerance ("around", "nearly"), open on one side for "over"/"up to". Dates
compare by interval overlap at their precision; actors after alias resolution.
A difference in scope is not a contradiction, unless a part exceeds the whole.
"""

from __future__ import annotations

import math
import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from analysis.parties import named_as, named_in, same_party, side, surname
from analysis.yearless import as_pair
from claims.actors import AliasTable, group_name_words
from claims.dates import JOINED, YEAR_UNKNOWN
from claims.describe import by_unit_alone, describe_value, vague_length
from claims.event import PREFIX
from claims.models import ACCIDENT, MUTUAL, NOBODY, UNKNOWN, Actor, Claim, Count, DateSpan, Duration
from claims.noun_classes import people_nouns, people_of_a_nation, singular
from claims.numbers import bound_of
from claims.rules import rules
from claims.running_count import says, stated_before
from claims.stances import stances
from claims.sub_event import WHOLE, part_of_word, same_part, split_part

INF = math.inf
NEARLY_ALL = 0.9  # a group's count this close to the whole's: nearly all of the whole were of that group
PART_OF_PERIOD = 2  # a part of a period lasts at most half of it
RUNNING_COUNT_DAYS = 60  # reports this close in time may give one toll as it rose
FIRST_COUNT_DAYS = 3  # a toll published this soon after the deaths is a first count
FINAL_COUNT_DAYS = 60  # and one published this much later, after the count was settled


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False  # "over 30,000": 30,000 itself is excluded


@lru_cache(maxsize=1)
def _qual_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    q = rules()["qualifiers"]
    near = frozenset({"nearly", "almost", "close to", "just under"})
    return frozenset(q["approximate"]), near, frozenset(rules()["strict_lower_bound"]), frozenset(q["upper_bound"])


def interval(count: Count) -> Interval:
    """The values a count admits, as the source states it plus its qualifier's give."""
    if count.vague or (count.low is not None and count.high is not None and count.low != count.high):
        return Interval(float(count.low or 0), float(count.high if count.high is not None else INF))
    low, high = (None if x is None else float(x) for x in (count.low, count.high))
    return _hedged(low, high, count.qualifier)


def _hedged(low: float | None, high: float | None, qualifier: str | None, slack: float = 0.0) -> Interval:
    """A figure (low == high) or a bound open on one side, widened by its qualifier's give; a bare
    figure by `slack` either side."""
    approx, near, strict, upper = _qual_sets()
    r = rules()
    qual = (qualifier or "").strip()
    last = qual.split(" the ")[-1]
    if low is not None and high is None:
        return Interval(low, INF, low_open=any(last.endswith(s) for s in strict))
    if low is None and high is not None:
        # "as many as 45" claims a figure near 45, not "anything from 0 to 45"
        if last in r["qualifiers"]["upper_estimate"]:
            return Interval(high * 0.5, high)
        return Interval(0.0, high)
    n = low or 0.0
    if last in near:
        return Interval(n * (1 - r["near_tolerance"]), n)
    if last in approx or any(last.endswith(a) for a in approx):
        t = r["approximate_tolerance"] if _one_figure(n) else r["approximate_tolerance_precise"]
        return Interval(n * (1 - t), n * (1 + t))
    return Interval(n * (1 - slack), n * (1 + slack))


def length_interval(value: Duration) -> Interval:
    """The lengths a stated length admits: "10 to 15 minutes" its range, "more than an hour" an hour
    and up, "about 30 minutes" and "30 minutes" a little either side (rules.json duration_tolerance)."""
    if value.high is not None:
        return Interval(value.days, value.high)
    bound = bound_of(value.qualifier)  # read as a count's hedge is (claims.numbers)
    if bound == "lower":
        return _hedged(value.days, None, value.qualifier)
    if bound == "upper":
        return _hedged(None, value.days, value.qualifier)
    return _hedged(value.days, value.days, value.qualifier, slack=rules()["duration_tolerance"])


def _one_figure(n: float) -> bool:
    """100, 300, 5,000: a figure with one significant digit is a rougher estimate than 720,000."""
    digits = str(int(n)).rstrip("0")
    return len(digits) <= 1


def overlap(a: Interval, b: Interval) -> bool:
    lo_ok = a.low < b.high or (a.low == b.high and not a.low_open)
    hi_ok = b.low < a.high or (b.low == a.high and not b.low_open)
    return lo_ok and hi_ok


@dataclass(frozen=True)
class Scope:
    nations: frozenset[str]
    roles: frozenset[str]
    marked: bool  # "ethnic", "only": explicitly a part of the whole
    total: bool = False  # "from both sides", "in total": the whole of that role
    places: frozenset[str] = frozenset()  # "in Marova": a place other than the event's own (claims.where)
    named: bool = True  # the nations are states the actor table knows, not a people's name read as one
    added: bool = False  # "another 50", "it includes 64": more people, or some of them (issue #8)
    part: str | None = None  # "in the explosion", "in all": the part of the event counted (claims.sub_event)
    more: bool = False  # "another 50", "dozens seen": people besides (or beyond) a toll, never its figure
    earlier: bool = False  # of the `more` markers "earlier" alone: an earlier incident's toll (claims.extract_counts)
    wide: bool = False  # "nationwide": the whole war's or country's toll, told beside the incident's
    sites: frozenset[str] = frozenset()  # "at airport": of its places, the buildings or venues (claims.where.site_of)
    singled: bool = False  # "in our street alone": a place or group singled out, a part of the toll
    side: str | None = None  # "soldiers": a state's; "fighters": an armed group's (rules.json combatant_sides)
    several: bool = False  # "Syrian and Lebanese civilians": people of either nation, not of both at once

    @property
    def general(self) -> bool:
        return not self.nations and not self.roles


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """Scope words that name no particular people, even when capitalised at a sentence start."""
    sc = rules()["scope"]
    return frozenset(
        set(sc["general"])
        | set(sc["people_nouns"])
        | set(sc["subset_markers"])
        | set(sc["total_markers"])
        | {w for ws in sc["roles"].values() for w in ws}
        | {"all", "some", "most", "many", "other", "another", "more", "several", "dead", "killed", "wounded"}
        | {sc["wide_marker"]}
    )


@lru_cache(maxsize=1)
def _role_words() -> dict[str, str]:
    table: dict[str, str] = {}
    for role, words in rules()["scope"]["roles"].items():
        for w in words:
            table.setdefault(w, role)
    return table


@lru_cache(maxsize=1)
def builtin_aliases() -> AliasTable:
    """The built-in table, for scopes read where no workspace's is given: a table is costly to build."""
    return AliasTable()


_SCOPES: dict[int, dict[str, Scope]] = {}  # per live actor table (by id), its scopes read so far
SCOPE_CACHE_MAX = 65_536  # scopes kept per table: a long-lived table (the built-in one) must not grow forever


def scope_key(text: str | None, aliases: AliasTable | None = None) -> Scope:
    """scope_of, cached per actor table (alignment reads it per pair). Alignment, comparison and
    relate all read a scope with the table the analysis is given, the workspace's aliases and the
    accounts' ties with it, so that no stage reads as two peoples what another reads as one (issue #8)."""
    table = builtin_aliases() if aliases is None else aliases
    cache = _SCOPES.get(id(table))
    if cache is None:
        cache = _SCOPES[id(table)] = {}
        weakref.finalize(table, _SCOPES.pop, id(table), None)  # an id is reused once its table is gone
    found = cache.get(text or "")
    if found is None:
        if len(cache) >= SCOPE_CACHE_MAX:
            cache.clear()
        found = cache[text or ""] = scope_of(text, table)
    return found


def _sides_differ(a: Scope, b: Scope) -> bool:
    """A state's soldiers and an armed group's fighters, neither counted "from both sides"."""
    return bool(a.side and b.side and a.side != b.side and not (a.total or b.total))


def scopes_disjoint(a: Scope, b: Scope) -> bool:
    """Two populations that cannot overlap: different nations, sides or roles."""
    if a.nations and b.nations and not (a.nations & b.nations) and not (a.total or b.total):
        return True
    if _sides_differ(a, b):
        return True
    return bool(a.roles and b.roles and not (a.roles & b.roles))


@lru_cache(maxsize=1)
def _place_preps() -> frozenset[str]:
    where = rules()["where"]
    return frozenset([*where["place_preps"], *where["site_preps"]])


@lru_cache(maxsize=1)
def _site_nouns() -> frozenset[str]:
    return frozenset(rules()["where"]["site_nouns"])


def _names_a_site(place: str) -> bool:
    nouns = _site_nouns()
    return any(w in nouns or w.removesuffix("s") in nouns for w in place.split())


def _split_where(text: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """ "villagers in Marova" -> ("villagers", {"marova"}, {}): the place claims.where appended;
    "people at airport" -> ("people", {"airport"}, {"airport"}): a site, which claims.where.site_of
    writes in lower case (a named place keeps its capitals)."""
    words = text.split()
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _place_preps():
            rest = [w.strip(".,") for w in words[i + 1 :] if w.lower() != "the"]
            if rest:
                place = " ".join(rest)
                sites = frozenset({place}) if place.islower() and _names_a_site(place) else frozenset()
                return " ".join(words[:i]), frozenset({place.lower()}), sites
    return text, frozenset(), frozenset()


def scope_of(text: str | None, aliases: AliasTable) -> Scope:
    """Read "ethnic Azerbaijanis", "Azerbaijani soldiers", "people in Marova" into comparable parts."""
    if not text:
        return Scope(frozenset(), frozenset(), False)
    text, part = split_part(text)
    text, places, sites = _split_where(text)
    nations: set[str] = set()
    unknown: set[str] = set()
    roles: set[str] = set()
    words = text.replace("-", " ").split()
    roles_table = _role_words()
    read, phrased = _role_phrases(words)
    roles.update(phrased)
    for w in read:
        lw = w.lower().strip(".,'’[]()")
        singular = lw[:-1] if lw.endswith("s") else lw
        for form in (lw, singular, lw.removesuffix("es")):
            if form in roles_table:
                roles.add(roles_table[form])
                break
        else:
            bare = w.strip("[]()")
            actor = aliases.resolve(bare)
            if actor and aliases.kind(actor) == "state":
                nations.add(actor)
            elif bare[:1].isupper() and bare.isalpha() and singular not in _plain_words() and lw not in _plain_words():
                unknown.add(bare)  # a people the actor table does not know ("Rohingya", "Yazidis")
    # "Palestinian Arabs" are Palestinians: an unknown name only says whose people when no nation does
    named = bool(nations) or not unknown
    nations = nations or unknown
    head = _head_role(words, roles_table)
    if head:
        roles.add(head)  # "miners", "fishermen": a group the role table does not know is still a part
    lowered = {w.lower().strip(".,'’") for w in words}
    marked = bool(lowered & set(rules()["scope"]["subset_markers"]))
    # "all people" is just people; "soldiers from both sides" is the whole of a role
    total = bool(lowered & set(rules()["scope"]["total_markers"])) and bool(roles or nations)
    added = bool(lowered & set(rules()["scope"]["added_markers"]))
    more_words = lowered & set(rules()["scope"]["more_markers"])
    more = bool(more_words)
    earlier = more_words == {EARLIER}
    wide = rules()["scope"]["wide_marker"] in lowered
    singled = bool(lowered & {*rules()["scope"]["singled_out"], *rules()["scope"]["own_people"]})
    several = len(nations) > 1 and not lowered.isdisjoint({"and", "or"})
    return Scope(frozenset(nations), frozenset(roles), marked, total, places, named, added, part, more, earlier, wide,
                 sites, singled, _side(lowered), several)  # fmt: skip


def _side(words: set[str]) -> str | None:
    """The one side the scope's fighter nouns name ("rebel soldiers" names two: neither)."""
    sides = {side for side, nouns in rules()["scope"]["combatant_sides"].items() if words & set(nouns)}
    return next(iter(sides)) if len(sides) == 1 else None


def _role_phrases(words: list[str]) -> tuple[list[str], set[str]]:
    """The words left once two-word roles are read ("police officers": police), and those roles."""
    phrases = rules()["scope"]["role_phrases"]
    left: list[str] = []
    roles: set[str] = set()
    i = 0
    while i < len(words):
        pair = " ".join(w.lower().strip(".,'’[]()") for w in words[i : i + 2])
        if i + 1 < len(words) and pair in phrases:
            roles.add(phrases[pair])
            i += 2
            continue
        left.append(words[i])
        i += 1
    return left, roles


def _head_role(words: list[str], roles_table: dict[str, str]) -> str | None:
    """The counted noun, when it names a kind of people no table knows (lower case, not a general word);
    never a marker the count's scope carries ("children, them", "people, included")."""
    skip = _not_a_people()
    population = [w for w in words if w.lower().strip(".,") not in skip]
    if not population:
        return None
    raw = population[-1].strip(".,'’[]()")
    head = raw.lower()
    singular = head[:-1] if head.endswith("s") else head
    known = {head, singular, head.removesuffix("es")}
    if not raw.isalpha() or not raw.islower() or known & (_plain_words() | set(roles_table)):
        return None
    if len(population) > 1 and population[-2].lower() in ("who", "that", "which"):
        return None
    return singular


@lru_cache(maxsize=1)
def _not_a_people() -> frozenset[str]:
    """Words of a scope that name no people: relative pronouns and the markers a part carries."""
    sc = rules()["scope"]
    return frozenset({"who", "that", "which", "of", *sc["added_markers"], *sc["more_markers"], *sc["own_people"]})


def _subset(a: Scope, b: Scope) -> bool:
    """Is a a part of b (b is the same or more general)? Children, women, protesters are civilians
    (rules scope.civilian_roles)."""
    roles = a.roles | ({CIVILIAN} if a.roles & _civilian_roles() else set())
    if a.singled and not b.singled and (a.nations, a.roles) == (b.nations, b.roles):
        return True  # "in our street alone, 23 people" of "400 people"
    return _nations_within(a, b) and roles >= b.roles and (a.nations, a.roles) != (b.nations, b.roles)


def _nations_within(a: Scope, b: Scope) -> bool:
    """Are a's people among b's? "Syrian civilians" are among "civilians" and "Syrians"; "Syrian and
    Lebanese civilians", people of either nation, only among a count that names both or none."""
    if a.several:
        return not b.nations or a.nations <= b.nations
    if b.several:
        return bool(a.nations) and a.nations <= b.nations
    return a.nations >= b.nations


CIVILIAN = "civilian"


@lru_cache(maxsize=1)
def _civilian_roles() -> frozenset[str]:
    return frozenset(rules()["scope"]["civilian_roles"])


def _apart(a: Scope, b: Scope) -> str | None:
    """Why two scopes cannot be compared at all: different places."""
    if a.places and b.places and not (a.places & b.places):
        return f"different places ({', '.join(sorted(a.places))} / {', '.join(sorted(b.places))})"
    return None


def _counted_apart(a: Claim, sa: Scope, b: Claim, sb: Scope, ia: Interval, ib: Interval) -> tuple[str, str] | None:
    """Another place, people found besides, or another part of the event: not two figures for one toll."""
    if sa.wide != sb.wide:
        return "different_scope", "one counts the whole war or country, the other this event"
    if _one_death_beside_a_toll(ia, ib):
        return "different_scope", "one person's death, told beside a toll of many"
    if _bodies_within_a_toll(a, ia, b, ib):
        return "different_scope", "one counts the bodies found, a floor of the other's toll"
    apart = (
        _apart(sa, sb)
        or _elsewhere(a, sa, b, sb)
        or _added_part(sa, sb, ia, ib)
        or _fled_to_one_place(a, sa, sb, ia, ib)
    )
    if apart:
        return "different_scope", apart
    parts = (
        _parts_differ(sa, sb, ia, ib)
        or _part_of_several(a, sa, b, sb, ia, ib)
        or _below_a_whole(sa, sb, ia, ib)
        or _one_site(sa, sb, ia, ib)
    )
    first = parts is not None and parts[0] == "contradict" and _first_count(a, b, ia, ib)
    return ("update", f"{parts[1]}, but {first}") if parts and first else parts


@lru_cache(maxsize=1)
def _body_words() -> re.Pattern[str]:
    words = rules()["scope"]["body_nouns"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _bodies_within_a_toll(a: Claim, ia: Interval, b: Claim, ib: Interval) -> bool:
    """ "The bodies of 6,865 people were burned" against "up to 25,000 were killed": bodies found
    (recovered, buried, burned) are the dead someone could count, a floor of the toll, not a rival
    figure of it; more bodies than the other's dead is still a dispute, and two body counts are
    compared as counts (rules scope.body_nouns)."""
    body_a, body_b = bool(_body_words().search(a.quote)), bool(_body_words().search(b.quote))
    if body_a == body_b:
        return False
    bodies, toll = (ia, ib) if body_a else (ib, ia)
    return bodies.low <= toll.high


def _fled_to_one_place(a: Claim, sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> str | None:
    """ "111,000 fled to Uzbekistan" against "400,000 were displaced": people displaced to (or from) one
    place, fewer than a count that names none, are a part of all the displaced, not a rival figure
    (issue #8). A death toll's place is most often the event's own; a flight's is where it went."""
    if a.kind != "displaced" or bool(sa.places) == bool(sb.places):
        return None
    (placed, ip), (_, iw) = ((sa, ia), (sb, ib)) if sa.places else ((sb, ib), (sa, ia))
    if ip.high >= iw.low:
        return None
    return f"one counts those displaced to or from {', '.join(sorted(placed.places))} only, the other all of them"


def _parts_differ(sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> tuple[str, str] | None:
    """Counts of two parts of one event ("in the explosion" / "in the shooting"), or of a part and
    the whole ("in all"): different people, unless the part alone exceeds the whole (issue #8)."""
    if not (sa.part and sb.part) or same_part(sa.part, sb.part):
        return None
    if WHOLE in (sa.part, sb.part):
        (part, ip), (_, iw) = sorted(((sa, ia), (sb, ib)), key=lambda x: x[0].part == WHOLE)
        if ip.low > iw.high:
            return "contradict", f"the count of the {part.part} alone exceeds the whole"

        return "different_scope", f"one counts the {part.part} only, the other the whole"
    return "different_scope", f"different parts of the event (the {sa.part} / the {sb.part})"


def _one_site(sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> tuple[str, str] | None:
    """ "15 died in the metro" against "32 were killed": a count at one of the sites its account
    counts at, against one that names no place, is a part of that toll unless it exceeds it."""
    for sx, ix, sy, iy in ((sa, ia, sb, ib), (sb, ib, sa, ia)):
        site = sx.sites
        if not site or sy.places or overlap(ix, iy):
            continue
        where = ", ".join(sorted(site))
        if ix.low > iy.high:
            return "contradict", f"the count at the {where} alone exceeds the whole"
        return "different_scope", f"one counts at the {where} only, one of the sites its account counts at"
    return None


ONE_AMONG_MANY = 10  # a toll this large is never a rival figure for one person's death


def _one_death_beside_a_toll(ia: Interval, ib: Interval) -> bool:
    """ "One fell to his death and one drowned", "a policeman was killed" beside "69 killed": the
    death of one person is told as a part of a toll, not as a rival count for it."""
    return any(x.low == x.high == 1 and y.low >= ONE_AMONG_MANY for x, y in ((ia, ib), (ib, ia)))


def _below_a_whole(sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> tuple[str, str] | None:
    """ "14 people died in all" against "13 were killed": a count that names no part, below one
    said to be everyone, may count a part of them (those of the day, of one site), not a rival."""
    if (sa.part == WHOLE) == (sb.part == WHOLE) or (sa.part and sb.part):
        return None
    low, whole = (ib, ia) if sa.part == WHOLE else (ia, ib)
    if low.high >= whole.low:
        return None
    return "unclear", "one counts everyone ('in all'), the other may count only a part of them"


def _part_of_several(a: Claim, sa: Scope, b: Claim, sb: Scope, ia: Interval, ib: Interval) -> tuple[str, str] | None:
    """ "A car bomb killed eight, and a shooting on the island 69" against "86 dead": a part of an
    event its own account says had several (an explosion and a shooting), smaller than a count that
    names no part, may be a part of that toll, not a rival figure for it (issue #8)."""
    if bool(sa.part) == bool(sb.part) or WHOLE in (sa.part, sb.part):
        return None
    claim, part, ip, iw, whole = (a, sa.part, ia, ib, b) if sa.part else (b, sb.part, ib, ia, a)
    if ip.high >= iw.low:
        return None
    if _names_another_part(claim, part or ""):
        return "different_scope", f"one counts the {part} only, an event its account says had other parts"
    if _names_another_part(whole, part or ""):
        # "more than 40 were killed, many of them burned alive" / "four were shot dead": the whole's
        # own words give it another part than the one counted
        return "different_scope", f"one counts the {part} only, the other a toll its account says had other parts"
    return None


def _names_another_part(claim: Claim, part: str) -> bool:
    found = (part_of_word(w) for w in re.findall(r"[a-z]+", claim.sentence.lower()))
    return any(p is not None and not same_part(p, part) and p != WHOLE for p in found)


def _added_part(sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> str | None:
    """ "another 50 bodies", "it includes 64": more people found, or some of them (issue #8)."""
    if (sa.added or sb.added) and not overlap(ia, ib):
        return "one counts more people found, or some of the others, not the whole"
    if sa.more != sb.more and not _the_earlier_toll(sa, sb, ia, ib):
        # "another 50 bodies were found" meeting "50 civilians killed": chance
        return "one counts more people found, or some of the others: equal figures by chance"
    return None


EARLIER = "earlier"  # the marker claims.extract_counts gives a toll of an incident before the one told


def _the_earlier_toll(sa: Scope, sb: Scope, ia: Interval, ib: Interval) -> bool:
    """ "The attacks in Paris that killed 130 people" read as an earlier incident's toll in one account
    and not in the other: the very same figure, exactly, is that incident's toll in both, not chance."""
    return (sa.earlier or sb.earlier) and ia == ib and ia.low == ia.high


def _elsewhere(a: Claim, sa: Scope, b: Claim, sb: Scope) -> str | None:
    """A count of one place against a count whose account never names that place: the other
    account's toll is of its own event's place, not of this one (issue #8)."""
    for sx, y, sy in ((sa, b, sb), (sb, a, sa)):
        places = sx.places - sx.sites  # a site is a part of the event (_one_site), not another place
        if not places or sy.places or not (y.event or y.places):
            continue
        named = {w for e in y.event for w in e.removeprefix(PREFIX).split()} | {w for p in y.places for w in p.split()}
        if not any(w in named for p in places for w in p.split() if len(w) > 3 and w not in _plain_words()):
            return f"one counts {', '.join(sorted(places))} only, a place the other account does not name"
    return None


def other_words(a: Scope, b: Scope) -> bool:
    """ "Arabs" and "Palestinians": a people's name the actor table does not know, against a
    nation, with the same roles, may be the same people in other words (issue #8)."""
    return a.roles == b.roles and a.total == b.total and bool(a.nations and b.nations) and a.named != b.named


def _fmt(claim: Claim) -> str:
    text = describe_value(claim.value)
    if claim.scope and claim.kind in ("casualties", "wounded", "displaced"):
        text += f" ({claim.scope})"
    return text


PERPETRATORS = "perpetrator"  # the role of rules scope.roles that names those who attacked


def compare_counts(a: Claim, b: Claim, aliases: AliasTable) -> tuple[str, str]:
    ia, ib = interval(a.value), interval(b.value)  # type: ignore[arg-type]
    sa, sb = scope_key(a.scope, aliases), scope_key(b.scope, aliases)
    pair = f"{_fmt(a)} vs {_fmt(b)}"
    apart = _counted_apart(a, sa, b, sb, ia, ib)
    if apart:
        return apart[0], f"{pair}: {apart[1]}"
    # a place on one count only is not a part: accounts name the event's own place or leave it out
    same_scope = (sa.singled == sb.singled and not _sides_differ(sa, sb)) and (
        (sa.nations, sa.roles, sa.total) == (sb.nations, sb.roles, sb.total) or other_words(sa, sb)
    )
    if same_scope:
        if overlap(ia, ib):
            if _opposite_bounds(a.value, b.value):  # type: ignore[arg-type]
                return "unclear", f"{pair}: a lower bound and an upper estimate; both can hold"
            return "agree", f"{pair}: the figures are compatible"
        if _close(stated(a.value), stated(b.value)):  # type: ignore[arg-type]
            return "unclear", f"{pair}: close figures, likely counted at different times or by different counters"
        rough = _rough_below(a.value, ia, b.value, ib)  # type: ignore[arg-type]
        if rough:
            return "unclear", f"{pair}: '{rough}' gives an order of size, not an upper bound"
        loose = _loosely_said(a.value, ia, b.value, ib)  # type: ignore[arg-type]
        if loose:
            return "unclear", f"{pair}: '{loose}' is said loosely; a figure this close below it need not contradict it"
        period = _part_of_period(a, b, ia, ib) or _a_day_within_a_running_total(a, b, ia, ib)
        if period:
            return "different_scope", f"{pair}: {period}"
        rising = _counted_later(a, b, ia, ib)
        if rising:
            return "update", f"{pair}: {rising}"
        first = _first_days(a, b, ia, ib)
        if first:
            return "different_scope", f"{pair}: {first}"
        return "contradict", f"{pair}: the figures do not overlap"
    if sa.roles == sb.roles and sa.roles and bool(sa.nations) != bool(sb.nations) and not (sa.total or sb.total):
        # "soldiers" next to "Chinese soldiers": whose soldiers the first means is left to the context
        if overlap(ia, ib):
            return "agree", f"{pair}: the figures are compatible"
        return "unclear", f"{pair}: the figures differ, but one does not say whose {next(iter(sa.roles))}s it counts"
    found = _part_and_whole(pair, a, sa, ia, b, sb, ib) or ("different_scope", f"{pair}: they count different people")
    if found[0] == "contradict" and (PERPETRATORS in sa.roles) != (PERPETRATORS in sb.roles):
        # "seven terrorists were killed" / "one man was killed at the stadium": the attackers' dead are
        # no rival count of their victims' toll
        return "different_scope", f"{pair}: one counts the attackers, the other other people"
    return found


def _counted_later(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """Why the two figures are one toll at two moments (an early count, a toll that rose, a final
    figure), or None."""
    return (
        _running_count(a, b, ia, ib)
        or _rising_toll(a, b, ia, ib)
        or _cumulative(a, b, ia, ib)
        or _first_count(a, b, ia, ib)
        or _presumed(a, b, ia, ib)
        or _found_so_far(a, b, ia, ib)
    )


def _part_and_whole(pair: str, a: Claim, sa: Scope, ia: Interval, b: Claim, sb: Scope,
                    ib: Interval) -> tuple[str, str] | None:  # fmt: skip
    """One count's people a part of the other's ("Chinese soldiers" of "soldiers"): a dispute only
    when the part exceeds the whole."""
    for part, whole, ip, iw, cp, cw in ((sa, sb, ia, ib, a, b), (sb, sa, ib, ia, b, a)):
        if _subset(part, whole) or (whole.total and part.roles >= whole.roles and not part.total):
            if ip.low > iw.high or (ip.low == iw.high and ip.low_open):
                if ip.low > iw.high and _close(ip, iw):
                    return "unclear", f"{pair}: the part is a little above the whole, likely counted at another time"
                # "61 civilians" in the final toll against a first night's "39 people": a part of a
                # later count above an earlier whole
                later = _found_so_far(a, b, ia, ib) or _final_toll(a, b, ia, ib)
                if later:
                    return "update", f"{pair}: {later}"
                return "contradict", f"{pair}: {_fmt(cp)} alone exceeds {_fmt(cw)} in total"
            within = overlap(ip, iw) or (ip.high <= iw.low and _close(ip, iw))
            if within and not part.marked and (not part.roles or ip.low >= NEARLY_ALL * iw.low):
                # "more than 330 hostages" and "331 people": nearly all the dead were of that group
                return "agree", f"{pair}: compatible (the scopes differ slightly)"
            return "different_scope", f"{pair}: one counts a part ({cp.scope}) of the other ({cw.scope})"
    return None


def _part_of_period(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """The lower count covers only a part of the other's period ("by May 1948" against "in 1948"):
    a count of a phase, not a rival figure for the whole (issue #8)."""
    low, high = (a, b) if ia.high <= ib.low else (b, a)
    lw, hw = low.when, high.when
    if lw is None or hw is None or (lw.start, lw.end) == (hw.start, hw.end):
        return None
    # the whole is a stated year, season or period ("between 1947 and 1949"), not a span joined from
    # several dates of a sentence ("in 1991 / in 1994"), and the part at most half of it: "between
    # March and November 1992" is most of "1992", not a phase of it
    stated = hw.precision in ("year", "season") or (hw.precision == "years" and JOINED not in (hw.text or ""))
    whole = stated and (lw.end - lw.start) * PART_OF_PERIOD <= (hw.end - hw.start)
    if whole and hw.start <= lw.start and lw.end <= hw.end:
        return (
            f"the lower figure counts a part of the period ({lw.text or lw.start}) of the other ({hw.text or hw.start})"
        )
    return None


def _a_day_within_a_running_total(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """The lower count is of one day its own sentence names ("23 died in Soweto on Wednesday"), the
    higher one counts up to a date at least a week later ("575 had died by the end of February
    1977"): the day's dead are some of those counted to that date, a part or the same toll risen,
    never a rival figure (issue #8: event time against the period a count covers)."""
    low, high = (a, b) if ia.high <= ib.low else (b, a)
    lw, hw = low.when, high.when
    if lw is None or hw is None or YEAR_UNKNOWN in (lw.start.year, hw.start.year):
        return None
    if _own_day(low, ("day", "days")) is None:
        return None
    told = high.sentence.lower()
    last = (hw.text or "").split(JOINED)[-1]  # "appointed on 24 June 1976 ... up to 28 February 1977"
    if last and re.search(_up_to().pattern + re.escape(last.lower()), told):
        if (hw.end - lw.end).days >= RUNNING_TOTAL_DAYS:
            return f"the lower figure counts one day ({lw.text}), the other all deaths up to {last}"
    # "since 16 June more than a thousand have been killed", told months later: all deaths from that
    # day to the telling
    since = any(f"{w} {(hw.text or '').lower()}" in told for w in rules()["running_count"]["since"])
    if hw.text and since and high.published is not None and hw.start <= lw.start:
        if (high.published - lw.end).days >= RUNNING_TOTAL_DAYS:
            return (
                f"the lower figure counts one day ({lw.text}), the other all deaths since {hw.text} to {high.published}"
            )
    return None


RUNNING_TOTAL_DAYS = 7  # a count up to a date this long after another's day covers more than that day


@lru_cache(maxsize=1)
def _up_to() -> re.Pattern[str]:
    """ "by the end of", "up to", "until": words before a date that make a count all deaths to it."""
    rc = rules()["running_count"]
    words, parts = ("|".join(re.escape(w) for w in rc[key]) for key in ("up_to", "up_to_parts"))
    return re.compile(rf"\b(?:{words})\s+(?:the\s+(?:{parts})\s+of\s+)?")


@lru_cache(maxsize=1)
def _early_period_pattern() -> re.Pattern[str]:
    rc = rules()["running_count"]
    preps, ordinals, units = (
        "|".join(re.escape(w) for w in rc[key])
        for key in ("first_days_preps", "first_days_ordinals", "first_days_units")
    )
    return re.compile(rf"\b(?:{preps})\s+the\s+(?:{ordinals})\s+(?:\w+\s+)?({units})(s?)\b")


def _early_period(claim: Claim) -> tuple[str, int] | None:
    """ "the official count for the first week", "200 dead in the first days": the opening stretch of
    the event the count's sentence says it covers, and how long a stretch that is."""
    m = _early_period_pattern().search(claim.sentence.lower())
    if m is None:
        return None
    return m.group(0).split(" ", 1)[1], _rank_of(m.group(1), plural=bool(m.group(2)))


def _rank_of(unit: str, plural: bool) -> int:
    """How long a stretch of `unit` is against the others: "the first days" outlast "the first day"."""
    return rules()["running_count"]["first_days_units"][unit] * 2 + plural


def _first_days(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """The lower count covers only the event's first days ("176 dead in the first week") and the other
    no such stretch, or a longer one: the first days' dead are some of the other's, not a rival figure
    (issue #8)."""
    low, high = (a, b) if ia.high <= ib.low else (b, a)
    early, other = _early_period(low), _early_period(high)
    if early is None:
        # "23 lost their lives on Wednesday" / "176 dead is the count for the first week": one day
        # against a longer opening stretch, a part of it or another stretch, not a rival figure
        day = _own_day(low)
        if day is None or other is None or other[1] <= _rank_of("day", plural=False):
            return None
        return f"the lower figure counts one day ({day}), the other {other[0]}"
    if other is not None and other[1] <= early[1]:
        return None
    return f"the lower figure counts only {early[0]}"


def _own_day(claim: Claim, precisions: tuple[str, ...] = ("day",)) -> str | None:
    """The day a count's own sentence names ("on Wednesday", "on 16 June"), not one carried over from
    an earlier sentence, which may be when the count was told."""
    when = claim.when
    if when is None or when.precision not in precisions or not when.text:
        return None
    return when.text if when.text.lower() in claim.sentence.lower() else None


def _says(claim: Claim, key: str) -> str | None:
    return says(claim.sentence, key)


def same_counter(a: str, b: str) -> bool:
    """ "the medical charity" and "The charity", "the health ministry" and "the ministry": one counter
    named more or less fully, the words of one within the other's (determiners aside)."""
    wa, wb = (set(re.findall(r"[a-z]+", x.casefold())) - _DETERMINERS for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


def _running_count(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """The lower figure's sentence calls it early ("initially", "in the first hours") or the higher
    one's says the toll rose ("has risen to 55"): one count at two moments, unless two named
    counters give them (issue #8)."""
    low, high = (a, b) if ia.high <= ib.low else (b, a)
    if low.speaker and high.speaker and not same_counter(low.speaker, high.speaker):
        return None  # two named counters: a dispute between them, whatever the moment
    word = _says(low, "preliminary")
    if word:
        return f"the lower figure is an early count ('{word}'), superseded rather than contradicted"
    for figure, which in ((low, "lower"), (high, "higher")):
        word = stated_before(figure.sentence, figure.end - figure.sentence_start)
        if word:
            return f"the {which} figure is one stated before ('{word}'), corrected since rather than contradicted"
    word = _says(high, "preliminary")
    if word:  # "initially estimated the toll at 100 to 200, since revised downward"
        return f"the higher figure is an early estimate ('{word}'), revised since rather than contradicted"
    word = _says(high, "rose")
    if word:
        return f"the higher figure is a toll that rose ('{word}')"
    final = _final_toll(a, b, ia, ib)
    if final:
        return final
    word = _says(low, "rose")
    m = _moments(a, b, ia, ib)
    if word and m is not None and m.rose:
        return f"the lower figure is a toll still rising ('{word}', {m.early.published}), counted higher later"
    if word and m is None:  # the higher one undated (a later summary), or told the same day
        return f"the lower figure is a toll still rising ('{word}')"
    return None


def _final_toll(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """ "The final toll was 67" against a first night's "39 people" (or a part of the 67 above that
    first whole): the higher figure's own sentence calls it final and the lower's does not, so the
    lower was counted before; not when two named counters give them."""
    low, high = (a, b) if ia.high <= ib.low else (b, a)
    if low.speaker and high.speaker and not same_counter(low.speaker, high.speaker):
        return None
    word = _says(high, "final")
    if word and not _says(low, "final"):
        return f"the higher figure is the final toll ('{word}'), the lower an earlier count"
    return None


class _Moments(NamedTuple):
    """Two counts in the order their reports were published."""

    early: Claim
    late: Claim
    i_early: Interval
    i_late: Interval

    @property
    def days(self) -> int:
        return (self.late.published - self.early.published).days  # type: ignore[operator]

    @property
    def rose(self) -> bool:
        return self.i_early.high <= self.i_late.low


def _moments(a: Claim, b: Claim, ia: Interval, ib: Interval) -> _Moments | None:
    """The two counts by publication date, or None when a date is unknown or both are the same day."""
    if a.published is None or b.published is None or a.published == b.published:
        return None
    return _Moments(a, b, ia, ib) if a.published < b.published else _Moments(b, a, ib, ia)


def _rising_toll(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """An earlier report's lower count and a later report's higher one from the same counter, weeks
    apart at most: a toll that rose as bodies were found, not a dispute (issue #8: statement time
    tells a running count)."""
    if bool(a.speaker) != bool(b.speaker) or (a.speaker and b.speaker and not same_counter(a.speaker, b.speaker)):
        return None  # two counters (a ministry, an intelligence service) disagree; one counter updates
    m = _moments(a, b, ia, ib)
    if m is None or m.days > RUNNING_COUNT_DAYS:
        return None
    if not m.rose:  # one named counter's own revision down ("now put at 68, not 86 as stated earlier")
        word = _says(m.late, "revised") if a.speaker and b.speaker else None
        if word is None:
            return None  # unnamed, or not said to be a correction: a dispute
        return f"the same counter ({m.late.speaker}) revised its count ('{word}') by {m.late.published}"
    return f"the lower count was published earlier ({m.early.published}) than the higher ({m.late.published}): the toll rose"


def _cumulative(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """Two counts "since" a start ("have fled since 25 August", "so far"), the later one higher: one
    running total read at two moments, whoever counted (issue #8)."""
    m = _moments(a, b, ia, ib)
    if m is None or not m.rose or not (_says(a, "cumulative") and _says(b, "cumulative")):
        return None
    return f"both count a running total, the higher published later ({m.late.published} against {m.early.published})"


def _first_count(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """A toll published within days of the deaths against one published months later: the first
    count of the days after, since revised, not a rival figure (issue #8: statement time tells a
    running count; it rises or falls as bodies are found and names checked)."""
    m = _moments(a, b, ia, ib)
    if m is None:
        return None
    # the day of the deaths, as the early report gives it or else as the later one does: aligned, the
    # two count the same deaths, and a report of the day itself often names no date ("on Wednesday")
    when = next((w for w in (m.early.when, m.late.when) if _a_known_day(w)), None)
    if when is None:
        return None
    if not 0 <= (m.early.published - when.end).days <= FIRST_COUNT_DAYS:  # type: ignore[operator]
        return None
    if m.days >= FINAL_COUNT_DAYS:
        if a.speaker and b.speaker and not same_counter(a.speaker, b.speaker):
            return None  # two named counters: the first one's figure and the other's since are a dispute
        return f"a first count published {m.early.published}, days after the deaths, against one of {m.late.published}"
    if m.rose and not m.early.speaker:
        # the press's own tally of the first days, higher days later: counted as the missing were found
        # (a named counter's lower figure stays a rival: one counter updates, two dispute)
        return f"a first count published {m.early.published}, days after, that rose by {m.late.published}"
    return None


def _a_known_day(when: DateSpan | None) -> bool:
    return when is not None and when.precision in ("day", "days") and when.start.year != YEAR_UNKNOWN


def _found_so_far(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """ "Some 300 bodies, found after the troops withdrew" against a higher toll of the same people
    published later: the bodies found by then, and the search went on (issue #8: statement time
    tells a running count)."""
    m = _moments(a, b, ia, ib)
    if m is None or not m.rose:
        return None
    word = _says(m.early, "found")
    if word is None:
        return None
    return f"the earlier, lower count ({m.early.published}) is of the bodies '{word}' by then: the search went on"


def _presumed(a: Claim, b: Claim, ia: Interval, ib: Interval) -> str | None:
    """ "80 people are presumed dead" weeks after a fire, against the 72 an inquiry counted years
    later: the estimate of the days after, settled since, higher or lower (issue #8)."""
    m = _moments(a, b, ia, ib)
    if m is None or m.days < FINAL_COUNT_DAYS:
        return None
    word = _says(m.early, "presumed")
    if word is None:
        return None
    return f"the earlier figure ({m.early.published}) counts people '{word}', an estimate the later count settled"


def stated(count: Count) -> Interval:
    """The values a count admits without an estimate's give ("approximately 720,000" is 720,000):
    the close-figures slack is for two counts, not on top of an estimate's own (issue #8)."""
    widened = interval(count)
    if count.low is not None and count.low == count.high and not count.vague and widened.low < count.low:
        return Interval(float(count.low), float(count.low))
    return widened


def _close(a: Interval, b: Interval) -> bool:
    """The gap between two figures is a small share of the larger (rules.json "close_figures_share")."""
    gap = max(a.low - b.high, b.low - a.high)
    big = max(a.low, b.low, *(x for x in (a.high, b.high) if x != INF))
    return big > 0 and gap / big <= rules()["close_figures_share"]


def _rough_below(a: Count, ia: Interval, b: Count, ib: Interval) -> str | None:
    """ "Killed hundreds" against "1,429 dead": the vague amount (rules rough_orders) says how large, not
    how large at most; a figure below it, or beyond the next order of size (rough_order_reach times its
    top: "thousands" against a million), contradicts it. Returns the vague words."""
    for x, ix, iy in ((a, ia, ib), (b, ib, ia)):
        reach = ix.high * rules()["rough_order_reach"]
        if x.vague and (x.qualifier or "").lower() in _rough_orders() and ix.high < iy.low <= reach:
            return x.qualifier
    return None


def _loosely_said(a: Count, ia: Interval, b: Count, ib: Interval) -> str | None:
    """ "Dozens" of 11 dead, "several thousand" of 1,500: a vague amount is loose below its least too;
    a figure under it by less than rules rough_order_floor times does not clearly contradict it
    ("thousands" against 338 does). Returns the vague words."""
    floor = rules()["rough_order_floor"]
    for x, ix, iy in ((a, ia, ib), (b, ib, ia)):
        if x.vague and iy.high < ix.low <= iy.high * floor:
            return x.qualifier or x.text
    return None


@lru_cache(maxsize=1)
def _rough_orders() -> frozenset[str]:
    return frozenset(rules()["rough_orders"])


def _opposite_bounds(a: Count, b: Count) -> bool:
    """ "at least 40" and "as many as 45": one open below, the other capped above."""
    lower_only = lambda c: c.low is not None and c.high is None  # noqa: E731
    upper_only = lambda c: c.high is not None and c.low is None  # noqa: E731
    return (lower_only(a) and upper_only(b)) or (upper_only(a) and lower_only(b))


START_SLACK_DAYS = 1  # a start told a day off the span's first day is the same start


def _start_against_span(a: Claim, va: DateSpan, b: Claim, vb: DateSpan) -> tuple[str, str] | None:
    """ "The army launched the operation on April 3" against "the battle took place on April 1-11":
    the day a clause says the event began is the span's first day or a rival start (issue #8)."""
    words = _start_words()
    for (x, vx), (y, vy) in (((a, va), (b, vb)), ((b, vb), (a, va))):
        begins = vx.precision == "day" and bool(words & set(x.about.lower().split()))
        span = vy.precision == "days" and vy.start < vy.end and not words & set(y.about.lower().split())
        if begins and span:
            gap = abs((vx.start - vy.start).days)
            pair = f"{describe_value(x.value)} vs {describe_value(y.value)}"
            if gap <= START_SLACK_DAYS:
                return "agree", f"{pair}: the start is the span's first day"
            return "contradict", f"{pair}: one says it began {gap} days from the other's first day"
    return None


def compare_dates(a: Claim, b: Claim) -> tuple[str, str]:
    va, vb = a.value, b.value
    assert isinstance(va, DateSpan) and isinstance(vb, DateSpan)
    pair = f"{describe_value(va)} vs {describe_value(vb)}"
    va, vb = as_pair(va, vb)  # "November 4" is read in the other account's year
    start = _start_against_span(a, va, b, vb)
    if start:
        return start
    if va.start <= vb.end and vb.start <= va.end:
        if va.precision != vb.precision:
            return "agree", f"{pair}: the dates overlap (stated at different precision)"
        bounded = JOINED not in f"{va.text}{vb.text}"  # a span joined from a sentence's dates bounds nothing
        if va.precision == "days" and bounded and (va.start, va.end) != (vb.start, vb.end):
            return "contradict", f"{pair}: two spans of days with different bounds"  # "16-18 May" / "15-17 May"
        return "agree", f"{pair}: the same date"
    if _other_calendars_day(va, vb) or _other_calendars_day(vb, va):
        return "agree", f"{pair}: the same day, told in the other calendar"
    gap = min(abs((va.start - vb.end).days), abs((vb.start - va.end).days))
    return "contradict", f"{pair}: {gap} days apart"


CALENDARS_APART = (10, 13)  # days between the Julian and the Gregorian calendar, 1582 to 2100
_TWO_CALENDARS = re.compile(r"\b([0-3]?\d)\s*\(([0-3]?\d)\)")


def _other_calendars_day(dual: DateSpan, other: DateSpan) -> bool:
    """ "16 (3) January" against "since 3 January": a day given in two calendars (claims.dates) is
    the other account's day when its bracketed day is that day, the two calendars' distance apart
    (Julian and Gregorian: 10 to 13 days)."""
    m = _TWO_CALENDARS.search(dual.text)
    if m is None or other.precision != "day" or int(m.group(1)) != dual.start.day:
        return False
    return (
        other.start.day == int(m.group(2))
        and CALENDARS_APART[0] <= abs((dual.start - other.start).days) <= CALENDARS_APART[1]
    )


def _generic(actor: str, aliases: AliasTable) -> str | None:
    """The side of an actor described rather than named ("state" forces, "irregular" armed
    groups, "unsided" units), None for a name (issue #8)."""
    if aliases.is_generic(actor) or aliases.is_generic(actor.split()[-1]):
        return "irregular"
    return side(actor)


NO_STATE = ""  # analysis.relate.sole_state of a fact whose blame accounts name no state at all


def _pro_state(actor: str) -> bool:
    """ "pro-government militiamen", "loyalist paramilitaries", "settlers": an armed group that may
    fight on the state's side (rules initiator.pro_state_groups), not one against it."""
    words = [w.strip(".,'’").lower() for w in actor.split()]
    return any(w.startswith("pro-") or w in _pro_state_words() for w in words)


@lru_cache(maxsize=1)
def _pro_state_words() -> frozenset[str]:
    return frozenset(rules()["initiator"]["pro_state_groups"])


def _attackers(actor: str) -> bool:
    """ "the hostage takers", "terrorists": the people who carried out the attack, not a standing
    group ("rebels", "militia") that may be one of several."""
    return named_as(actor, _attacker_nouns())


@lru_cache(maxsize=1)
def _attacker_nouns() -> frozenset[str]:
    return frozenset(rules()["initiator"]["attacker_nouns"])


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    return frozenset(rules()["date_roles"]["start_words"])


@lru_cache(maxsize=1)
def _share_words() -> frozenset[str]:
    return frozenset(rules()["initiator"]["share_words"])


def _a_share(c: Claim) -> bool:
    """ "X was indirectly responsible", "X shares the blame": a part of the responsibility, which does
    not deny that another did the deed (rules initiator.share_words)."""
    return _quote_says(c, _share_words())


def _quote_says(c: Claim, words: frozenset[str]) -> bool:
    """Does the claim's quote hold one of the words?"""
    return not words.isdisjoint(re.findall(r"[a-z-]+", c.quote.lower()))


def _no_one_party(va: Actor, pa: str, vb: Actor, pb: str, pair: str) -> tuple[str, str] | None:
    """ "Both sides did it" neither confirms nor denies one side; "it never happened" denies whoever
    is said to have done it; "it is not known who did it" accuses no one, so it only meets its like."""
    if UNKNOWN in (pa, pb):
        if pa == pb:
            return "agree", f"{pair}: both say it is not established who did it"
        return "unclear", f"{pair}: one account says it is not established who did it, which accuses no one"
    if MUTUAL in (pa, pb) and pa != pb:
        return "unclear", f"{pair}: one account says both sides did it"
    if ACCIDENT in (pa, pb):
        return _accident_and(vb if pa == ACCIDENT else va, pa == pb, pair)
    if NOBODY in (pa, pb) and pa != pb:
        other = vb if pa == NOBODY else va
        if other.negated:
            return "unclear", f"{pair}: one says the act never happened, the other only who did not do it"
        return "contradict", f"{pair}: one account says the act never happened"
    return None


def _staged(c: Claim) -> bool:
    """ "The attack was staged by X": a claim of who staged it, which also says the act as told did
    not happen (rules initiator.staged_words)."""
    return _quote_says(c, _staged_words())


@lru_cache(maxsize=1)
def _staged_words() -> frozenset[str]:
    return frozenset(rules()["initiator"]["staged_words"])


def _accident_and(other: Actor, both: bool, pair: str) -> tuple[str, str]:
    """ "A technical failure" against an account of who did it: no one did it, or someone did."""
    if both:
        return "agree", f"{pair}: both say it was an accident"
    if other.negated or other.actor == NOBODY:
        return "unclear", f"{pair}: one says it was an accident, the other only who did not do it"
    return "contradict", f"{pair}: one account says it was an accident, the other that someone did it"


def compare_actors(a: Claim, b: Claim, aliases: AliasTable, sole_state: str | None = None) -> tuple[str, str]:
    """Same party, a denial of it, or two different ones. An actor described by its force
    ("federal forces") contradicts only what it clearly is not: a state's forces are not the
    armed group, and an armed group is not a state (issue #8). `sole_state`: the one state the
    fact's accounts name (analysis.relate.sole_state), whose forces unnamed ones then are."""
    va, vb = a.value, b.value
    assert isinstance(va, Actor) and isinstance(vb, Actor)
    pair = f"{describe_value(va)} vs {describe_value(vb)}"
    # user aliases, and a nation inside a described actor ("Russian troops"), name the party
    pa, pb = aliases.resolve(va.actor) or va.actor, aliases.resolve(vb.actor) or vb.actor
    special = _no_one_party(va, pa, vb, pb, pair)
    if special and special[0] == "contradict" and _staged(b if pa == NOBODY else a):
        return "agree", f"{pair}: both deny the act as told (one says it never happened, the other that it was staged)"
    if special:
        return special
    if va.negated or vb.negated:
        return _compare_denial(va, pa, vb, pb, pair, aliases, sole_state)
    same = _same_doers(va, pa, vb, pb, pair, aliases)
    if same:
        return same
    shared = next((p for p, c in ((pa, a), (pb, b)) if _a_share(c)), None)
    if shared is not None:
        return "unclear", f"{pair}: {shared} is given a share of the blame, which leaves room for another"
    if _opposite_stances(pa, pb, aliases):
        return "contradict", f"{pair}: two groups on opposite sides"
    ga, gb = _generic(pa, aliases), _generic(pb, aliases)
    peoples = _of_two_peoples(pa, ga, pb, gb, aliases)
    if peoples is not None:
        if peoples:
            return "contradict", f"{pair}: doers of two peoples, two sides"
        return "agree", f"{pair}: both blame men of one people"
    if ga and gb:
        return _two_described(pa, ga, pb, gb, pair, sole_state)
    if ga or gb:
        (generic, described), named = ((pa, ga), pb) if ga else ((pb, gb), pa)
        return _described_and_named(generic, described, named, pair, aliases, sole_state)
    if _named_more_fully(pa, pb, aliases):
        return "agree", f"{pair}: one names the same doers more fully{_tie_told(va, vb, aliases)}"
    if _a_group_claimed_what_a_man_did(a, pa, b, pb, aliases):
        return (
            "unclear",
            f"{pair}: a group claimed the attack and one man is named as doing it; he may have acted for it",
        )
    lone = None if _one_answer_only(a, b) else _a_lone_man(pa, pb, aliases)
    if lone is not None:
        man, other = lone
        return "unclear", f"{pair}: no account says whose side {man} was on; he may have acted for {other}"
    if _gave_the_order(a) != _gave_the_order(b):
        # "Lieutenant X ordered his men to fire" / "the operation was carried out by the task force": the
        # commander and the ones who fired, one chain of command as far as the words go
        return "unclear", f"{pair}: one says who gave the order, the other who did it"
    return "contradict", f"{pair}: different actors"


def _described_and_named(
    generic: str, described: str, named: str, pair: str, aliases: AliasTable, sole_state: str | None
) -> tuple[str, str]:
    """An actor described by its side (`described`, analysis.parties.side) against one named."""
    state = aliases.kind(named) == "state"
    if described == "irregular":
        if state and _of_its_people(generic, named, aliases):
            return "unclear", f"{pair}: the {generic} are named by {named}'s people and may have acted for it"
        if state:
            return "contradict", f"{pair}: {named} is a state, not {generic}"
        return "agree", f"{pair}: {named} may be the {generic} meant"
    if state and sole_state and same_party(named, sole_state):
        return "agree", f"{pair}: {named} is the one state these accounts name, the {generic} its own"
    if state:
        return "unclear", f"{pair}: the {generic} may be {named}'s or another side's"
    return "unclear", f"{pair}: the text does not say whose {generic} these are"


def _stances(name: str, aliases: AliasTable) -> set[tuple[bool, str]]:
    """ "pro-Russian activists": {(True, "Russia")}; "anti-government protesters": {(False,
    "government")}: whose side a described group is said to be on, or against (claims.stances)."""
    return {(pro, aliases.resolve(whom) or whom.casefold()) for pro, whom in stances(name)}


def _opposite_stances(a: str, b: str, aliases: AliasTable) -> bool:
    """ "pro-Russian activists" / "pro-Kiev crowd", "pro-government militia" / "anti-government
    protesters": for two sides, or for and against one, whatever the groups are called."""
    sa, sb = _stances(a, aliases), _stances(b, aliases)
    if not sa or not sb:
        return False
    for (pro_a, whom_a), (pro_b, whom_b) in ((x, y) for x in sa for y in sb):
        same = whom_a == whom_b or same_party(whom_a, whom_b)
        if (same and pro_a != pro_b) or (not same and pro_a and pro_b):
            return True
    return False


def _of_its_people(described: str, state: str, aliases: AliasTable) -> bool:
    """ "Lebanese militiamen", "pro-Russian separatists" and the state Lebanon, Russia: an armed group
    told by the state's people or as on its side, which may be its proxy or act on its own; not one
    told as against it ("anti-Russian")."""
    return any(same_party(found, state) for found in _peoples_named(described, aliases))


def _peoples_named(described: str, aliases: AliasTable, sides: bool = True) -> list[str]:
    """The states whose people's names a described actor carries ("Uzbek youths": Uzbekistan), and
    with `sides` those it is said to be for ("pro-Russian"); never one it is told as against
    ("anti-Russian")."""
    told = {whom.casefold() for pro, whom in stances(described) if not (pro and sides)}
    found = (
        w[:1].isupper() and w.casefold() not in told and aliases.resolve(w) for w in re.findall(r"[\w'’]+", described)
    )
    return [f for f in found if f and aliases.kind(f) == "state"]


def _a_people(described: str) -> bool:
    """ "Uzbek youths", "a Kyrgyz mob": people who are no state's agents (rules
    initiator.people_of_a_nation), not a craft or a force ("North Vietnamese torpedo boats")."""
    words = described.lower().split()
    return bool(words) and words[-1] in people_of_a_nation()


def _of_two_peoples(pa: str, ga: str | None, pb: str, gb: str | None, aliases: AliasTable) -> bool | None:
    """ "Uzbek youths" / "Kyrgyzstan", "Uzbek youths" / "a Kyrgyz mob": doers told by one people's name
    against another state or people are two sides (True); two groups of one people are one (False);
    None when no described actor carries a people's name, or it meets its own people's state (the
    described actors' rules then)."""
    if not ((ga and _a_people(pa)) or (gb and _a_people(pb))):
        return None  # "North Vietnamese torpedo boats" / "United States": the described actors' rules
    na = _peoples_named(pa, aliases, sides=False) if ga else []  # "pro-Kiev": a side, not a people
    nb = _peoples_named(pb, aliases, sides=False) if gb else []
    if not (na or nb):
        return None
    sa = na or ([pa] if not ga and aliases.kind(pa) == "state" else [])
    sb = nb or ([pb] if not gb and aliases.kind(pb) == "state" else [])
    if not (sa and sb):
        return None
    if any(same_party(x, y) for x in sa for y in sb):
        return False if na and nb else None
    return True


def _a_group_claimed_what_a_man_did(a: Claim, pa: str, b: Claim, pb: str, aliases: AliasTable) -> bool:
    """ "The Islamic State claimed responsibility" / "Younes Abouyaaqoub drove the van into the crowd": a
    group's own claim of the attack and the man named as its doer, whom no table ties to another
    party, are no rival culprits (issue #8)."""
    for claim, man in ((a, pb), (b, pa)):
        if _claims_it(claim) and _a_man(man) and aliases.kind(man) is None:
            return True
    return False


def _one_answer_only(a: Claim, b: Claim) -> bool:
    """Both say who gave the order, or both who fired first: questions of one answer, whatever side
    the men named were on ("Lieutenant Varga ordered his men to fire" / "Captain Horak ordered his
    men to fire")."""
    return (_gave_the_order(a) and _gave_the_order(b)) or (_began(a) and _began(b))


def _began(c: Claim) -> bool:
    """The claim says who began it ("fired the first shot"), as extraction read it (Actor.began, from
    the onset words of rules sub_event.onset)."""
    return isinstance(c.value, Actor) and c.value.began


def _a_lone_man(pa: str, pb: str, aliases: AliasTable) -> tuple[str, str] | None:
    """ "Lieutenant Kovac opened fire" / "the army opened fire", "Marek Dolan" / "Ivo Kestner": one man
    whom no table or tie places on a side, against a state, a body or another man. A state acts through its officers
    and soldiers, and two men may have acted together, so the words do not make them rivals (issue #8).
    Against a group named as a movement ("the Northern Liberation Front") he stays a rival culprit: a
    leader blamed against a movement is the common dispute. (man, the other) or None."""
    for man, other in ((pa, pb), (pb, pa)):
        if _a_person(man, aliases) and not _a_group_name(other, aliases):
            return man, other
    return None


def _a_person(name: str, aliases: AliasTable) -> bool:
    """The name is a person's: written as one ("Marek Dolan", "Colonel Vance": a title or a given
    name before the surname, every word capitalised), with no word the actor table knows ("Dal-i-Korvex
    Pakistan") and none joined by a hyphen, as a movement's transliterated name is ("Dal-i-Korvex
    Veterans"), and not a body of men ("Varna Rangers": a plural of a word for people); never a name
    the table knows."""
    words = name.split()
    if aliases.kind(name) is not None or not _a_man(name):
        return False
    last = words[-1].lower()
    if singular(last) != last and singular(last) in people_nouns():
        return False  # "the Varna Rangers", "Korvex Veterans": a body of men, not a man
    return not any("-" in w or aliases.resolve(w) for w in words)


def _a_group_name(name: str, aliases: AliasTable) -> bool:
    """A name no table knows with a word of a group's or a movement's name in it ("Southern League")."""
    return aliases.kind(name) is None and not group_name_words().isdisjoint(name.casefold().split())


def _a_man(name: str) -> bool:
    """A name written as one person's ("Younes Abouyaaqoub"), with no word of a group's name in it
    ("Southern League", "Northern Front" are no persons)."""
    return surname(name) is not None and group_name_words().isdisjoint(name.casefold().split())


def _claims_it(c: Claim) -> bool:
    """The claim is a group's claim of the act itself ("claimed responsibility", "claimed the attacks")."""
    return _quote_says(c, _own_claim_words())


@lru_cache(maxsize=1)
def _own_claim_words() -> frozenset[str]:
    return frozenset(rules()["initiator"]["own_claim_words"])


def _gave_the_order(c: Claim) -> bool:
    """A claim of who ordered the act ("ordered his men to fire", "gave the order to fire")."""
    words = set(re.findall(r"[a-z]+", c.quote.lower()))
    return not words.isdisjoint(_order_words())


@lru_cache(maxsize=1)
def _order_words() -> frozenset[str]:
    """The words that make a claim one of who gave the order (rules initiator.order_claim_words)."""
    return frozenset(rules()["initiator"]["order_claim_words"])


def _tie_told(va: Actor, vb: Actor, aliases: AliasTable) -> str:
    """ " (an account names X as Y)" when one actor was read through a tie its account made."""
    tied = next((v.actor for v in (va, vb) if aliases.tie(v.actor)), None)
    return f" (an account names {tied} as {aliases.tie(tied)})" if tied is not None and va.actor != vb.actor else ""


def _named_more_fully(a: str, b: str, aliases: AliasTable) -> bool:
    """ "the Guardsmen" / "the state National Guardsmen", "the Lancers" / "Ruritanian Lancers": one adds
    words before the other's whole name, whose last word, its head, is the same, or a state's name
    after it ("Tehrik-i-Taliban Pakistan"), or a word joined to it by a hyphen ("Qaeda" / "al-Qaeda"):
    the same doers, as far as the words go. Not when the shorter only describes ("forces" / "rebel
    forces"): whose forces is for the described actors' rules; nor when it is the state whose name
    only says where the longer's movement is ("Pakistan" / "Tehrik-i-Taliban Pakistan")."""
    (short, ws), (_, wl) = sorted(((x, _bare_words(x)) for x in (a, b)), key=lambda xw: len(_hyphen_parts(xw[1])))
    part = _hyphen_parts(ws)
    if not 0 < len(part) < len(_hyphen_parts(wl)) or _generic(short, aliases) is not None:
        return False
    core = _without_trailing_states(wl, aliases)
    if core == ws:  # "Tehrik-i-Taliban" / "Tehrik-i-Taliban Pakistan"
        return True
    whole = _hyphen_parts(core)
    return len(part) < len(whole) and whole[-len(part) :] == part


def _without_trailing_states(words: list[str], aliases: AliasTable) -> list[str]:
    """A name's words before the states' names that close it ("Tehrik-i-Taliban Pakistan"); not
    those of a state's own body ("Defence Forces of Ukraine")."""
    end = len(words)
    while end > 1 and words[end - 2] != "of" and aliases.kind(aliases.resolve(words[end - 1]) or "") == "state":
        end -= 1
    return words[:end]


def _hyphen_parts(words: list[str]) -> list[str]:
    """ "al-Qaeda" read as "al", "Qaeda": a name's words with those joined by hyphens taken apart."""
    return [p for w in words for p in w.split("-") if p]


def _of_the_kind_ruled_out(pos: str, neg: str) -> bool:
    """ "no student fired" / "students attacked the officers", "it was not the protesters" / "armed
    protesters opened fire": the doers named are of the very kind the other account rules out, one
    of them or more, described more closely or not, on the side the ruled-out word has if any."""
    wp, wn = _bare_words(pos), _bare_words(neg)
    if not wp or not wn or singular(wp[-1]) != singular(wn[-1]) or not set(wn[:-1]) <= set(wp[:-1]):
        return False
    # "not the forces" (a state's) / "rebel forces": the closer words name another side
    return side(neg) in (side(pos), "unsided", None)


def _bare_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’-]+", name.lower()) if w not in ("the", "a", "an")]


def _attackers_told_as_the_forces(pa: str, pb: str) -> bool:
    """ "Katangan captors" / "Katangan soldiers": words for those who did the deed, under the same
    people's name as a force, say nothing of another side; "the captors" / "the soldiers" do."""
    wa, wb = _bare_words(pa), _bare_words(pb)
    return len(wa) > 1 and wa[:-1] == wb[:-1] and (_attackers(pa) or _attackers(pb))


def _two_described(pa: str, ga: str, pb: str, gb: str, pair: str, sole_state: str | None) -> tuple[str, str]:
    """Two actors described rather than named, of sides `ga` and `gb` (analysis.parties.side)."""
    if {ga, gb} == {"state", "irregular"}:
        if _attackers_told_as_the_forces(pa, pb):
            return "unclear", f"{pair}: the attackers are named by the same people as the forces, and may be them"
        return "contradict", f"{pair}: a state's forces and an armed group, two different sides"
    if ga == gb == "irregular" and named_in(pa) != named_in(pb):
        named, generic = (pa, pb) if named_in(pa) else (pb, pa)
        return "agree", f"{pair}: {named} may be the {generic} meant"
    if ga == gb == "irregular" and _attackers(pa) and _attackers(pb):
        return "agree", f"{pair}: both blame the attackers, unnamed"
    if ga == gb == "irregular" and not (named_in(pa) or named_in(pb) or _pro_state(pa) or _pro_state(pb)):
        return "agree", f"{pair}: both blame an armed group against the state, unnamed"
    if ga == gb == "state" and sole_state:
        return "agree", f"{pair}: both blame {sole_state}'s forces, the one state these accounts name"
    if ga == gb == "state" and sole_state == NO_STATE:
        return "agree", f"{pair}: both blame a state's forces, and the accounts name no state"
    return "unclear", f"{pair}: two unnamed groups"


def _same_doers(va: Actor, pa: str, vb: Actor, pb: str, pair: str, aliases: AliasTable) -> tuple[str, str] | None:
    """One party, or one account naming the other's party beside its own actor ("Yugoslav and
    Serbian police" / "Serbian forces": its doers include the other's, issue #8)."""
    if same_party(pa, pb):
        # "Islamic Jihad, a cover name used by Hezbollah": say why two names are one party
        return "agree", f"{pair}: the same actor{_tie_told(va, vb, aliases)}"
    ally = next(
        (other for value, other in ((va, pb), (vb, pa)) if any(same_party(x, other) for x in value.allies)), None
    )
    return ("agree", f"{pair}: {ally} is named among those who did it") if ally else None


def _compare_denial(va: Actor, pa: str, vb: Actor, pb: str, pair: str, aliases: AliasTable,
                    sole_state: str | None) -> tuple[str, str]:  # fmt: skip
    """One account or both say who did not do it."""
    if va.negated and vb.negated:
        if same_party(pa, pb) or _named_more_fully(pa, pb, aliases):
            return "agree", f"{pair}: both deny the same actor"
        if sole_state is not None and all(
            _generic(x, aliases) == "state" or (sole_state and same_party(x, sole_state)) for x in (pa, pb)
        ):
            # "the Syrian government denied any involvement" / "the army has not used such weapons": the one
            # state the accounts name (or, naming none, one state all the same), and its forces
            return "agree", f"{pair}: both deny that {sole_state or 'the state'} did it"
        return "unclear", f"{pair}: two denials name no culprit"
    pos, neg = (pb, pa) if va.negated else (pa, pb)
    if sole_state:  # "government forces did it" / "Syria was not behind it": the one state's forces
        pos, neg = (sole_state if _generic(x, aliases) == "state" else x for x in (pos, neg))
    if same_party(pos, neg) or _named_more_fully(pos, neg, aliases) or _of_the_kind_ruled_out(pos, neg):
        return "contradict", f"{pair}: one names {pos}, the other says it was not {neg}"
    if sole_state == NO_STATE and _generic(pos, aliases) == _generic(neg, aliases) == "state":
        # "the troops did not fire first" / "soldiers opened fire": with no state named, one state's forces
        return "contradict", f"{pair}: one blames the state's forces, the other says they did not do it"
    if _attackers(pos) and _attackers(neg) and _generic(pos, aliases) == _generic(neg, aliases) == "irregular":
        # "the terrorists were to blame" / "it was not the militants": the attackers, unnamed, both times
        return "contradict", f"{pair}: one blames the attackers, the other says it was not them"
    return "unclear", f"{pair}: ruling out {neg} is compatible with {pos}"


def _loose_length(va: Duration, vb: Duration) -> str | None:
    """ "a few seconds" against "13 seconds", "several hours" against "two hours": a length told by a
    vague amount is loose as a vague count is, down to half its least (rules rough_order_floor) and up to
    rough_order_reach times its top ("within minutes", told by its unit alone, up to its top only); only a
    length beyond those contradicts it. Returns the vague words."""
    floor, reach = rules()["rough_order_floor"], rules()["rough_order_reach"]
    for x, y in ((va, vb), (vb, va)):
        amount = vague_length(x.qualifier)
        if amount is not None:
            ix, iy = length_interval(x), length_interval(y)
            top = ix.high * (1 if by_unit_alone(amount) else reach)  # "within minutes" is a bound above
            if ix.low / floor <= iy.low and iy.high <= top:
                return x.qualifier
    return None


def compare_durations(a: Claim, b: Claim) -> tuple[str, str]:
    """Two lengths agree when what each admits overlaps: "more than an hour" and "90 minutes" do,
    "about 30 minutes" and "more than an hour" do not, at any scale (minutes as well as years)."""
    va, vb = a.value, b.value
    assert isinstance(va, Duration) and isinstance(vb, Duration)
    pair = f"{describe_value(va)} vs {describe_value(vb)}"
    if overlap(length_interval(va), length_interval(vb)):
        return "agree", f"{pair}: the same length"
    loose = _loose_length(va, vb)
    if loose:
        return "unclear", f"{pair}: '{loose}' is said loosely; the other length is not far from it"
    if a.scope != b.scope:  # "the second barrage lasted half an hour" / "the attack lasted an hour"
        part, other = (a.scope, b.scope) if a.scope else (b.scope, a.scope)
        return (
            "different_scope",
            f"{pair}: the length of the {part}, against {f'the {other}' if other else 'the whole'}",
        )
    return "contradict", f"{pair}: different lengths"


def compare(a: Claim, b: Claim, aliases: AliasTable, sole_state: str | None = None) -> tuple[str, str]:
    """Relation and reason for two claims of one kind (`sole_state`: see compare_actors)."""
    if isinstance(a.value, Count) and isinstance(b.value, Count):
        return compare_counts(a, b, aliases)
    if isinstance(a.value, DateSpan) and isinstance(b.value, DateSpan):
        return compare_dates(a, b)
    if isinstance(a.value, Actor) and isinstance(b.value, Actor):
        return compare_actors(a, b, aliases, sole_state)
    if isinstance(a.value, Duration) and isinstance(b.value, Duration):
        return compare_durations(a, b)
    return "unclear", "values of different types"
