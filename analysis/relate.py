"""From aligned clusters to Groups and Relations: every cross-source pair in a group
is compared, and a group's status says whether its sources agree (issue #2)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache, partial
from itertools import combinations

from analysis.act_place import same_place_acted_on
from analysis.align import (
    Alignment,
    Vocabulary,
    accident_meets,
    align_threshold,
    event_similarity,
    features,
    names_no_act,
    pair_evidence,
    value_key,
    violence_begun_and_done,
)
from analysis.compare import (
    NO_STATE,
    Scope,
    compare,
    compare_actors,
    interval,
    other_words,
    scope_key,
    scopes_disjoint,
)
from analysis.distinct import PairMemo
from analysis.medoid import medoid
from analysis.models import Group, Relation
from analysis.pairs import related_claims
from analysis.parties import accuse_each_other, named_as, same_party, side, surname
from analysis.report.labels import kind_label
from analysis.summary import summarise_counts
from analysis.topics import name_fact
from analysis.yearless import as_pair, years_from_siblings
from claims.actors import AliasTable
from claims.models import NOBODY, NUMERIC_KINDS, Actor, Claim, Count, DateSpan
from claims.noun_classes import singular
from claims.rules import rules
from claims.sub_event import (
    WHOLE,
    act_nouns,
    names_onset,
    names_whole_event,
    scales_differ,
    series_of_acts,
    tells_firing,
    two_acts,
)
from sources.settings import thresholds

# Two counts' own evidence (words, time, value) that they count the same people (issue #8):
# align()'s average-linkage bar, so pairs it would join on their own words keep their verdicts.
SAME_PEOPLE_SHARE = 0.75  # of align_threshold()
SAME_EVENT = 0.5  # event_similarity of two documents that tell of one event
SAME_ACT_SHARE = 1.0  # of align_threshold(): two blame claims' own evidence that they speak of one act


MAX_TOPIC_WORDS = 8


def topic_of(claims: list[Claim], voc: Vocabulary) -> str:
    """A readable name for the fact: the kind and the member's own words for what it is
    about that the others share most (the group's medoid), or its most telling words."""
    label = kind_label(claims[0].kind)

    def words(c: Claim) -> set[str]:
        return {w.lower() for w in c.about.split() if len(w) > 2}

    best = medoid(claims, words)  # the member sharing most words with the others (issue #11: in linear time)
    about = " ".join(best.about.split()[:MAX_TOPIC_WORDS])
    if about or claims[0].kind in NUMERIC_KINDS or claims[0].kind == "initiator":
        return name_fact(claims, about, voc.idf, label, named=best.phrase)
    counts: Counter[str] = Counter()
    for c in claims:
        counts.update(set(features(c)))
    ranked = sorted(counts, key=lambda w: (-counts[w] * voc.idf(w), w))
    return f"{label}: {', '.join(ranked[:4])}" if ranked else label


def fold_repeats(members: list[Claim], aliases: AliasTable | None = None) -> tuple[list[Claim], dict[str, str]]:
    """A source that states the same value for one fact twice makes one claim, not two. With
    `aliases`, a source that names one culprit in two ways ("Uzbek government forces fired",
    "soldiers fired") states one value: the two agree (compare_actors)."""
    by_key: dict[tuple, list[Claim]] = {}
    for c in members:
        by_key.setdefault((c.source_id, value_key(c)), []).append(c)
    if aliases is not None:
        by_key = _one_culprit_told_twice(by_key, aliases, sole_state(members, aliases))
    repeats: dict[str, str] = {}
    for same in (part for twins in by_key.values() for part in _same_statements(twins, aliases)):
        # a statement of the act itself before a report that someone blamed someone for it, then a
        # sentence over a headline; of one culprit named two ways, the name ("Uzbek forces" over
        # "soldiers"); the doer doing the act over the act done at its hands; then the fullest sentence
        keep = max(
            same,
            key=lambda c: (
                not _reports_blame(c),
                _a_sentence(c),
                _names_party(c),
                _doer_leads(c),
                len(c.sentence),
                -c.start,
            ),
        )
        repeats.update({c.id: keep.id for c in same if c.id != keep.id})
    beside = _denials_beside_a_culprit([c for c in members if c.id not in repeats])
    repeats = {twin: beside.get(kept, kept) for twin, kept in repeats.items()} | beside
    return [c for c in members if c.id not in repeats], repeats


def _one_culprit_told_twice(by_key: dict[tuple, list[Claim]], aliases: AliasTable,
                            sole: str | None) -> dict[tuple, list[Claim]]:  # fmt: skip
    """One source's blame claims of one stance merged when their actors agree ("troops" and
    "Government forces" of the one state the fact names, or of the one state the source names): one
    culprit named two ways. Each joins the first earlier value of its source it agrees with; acts
    stay apart (_same_statements). Only a source's own values are compared (issue #11: a fact of a
    thousand sources)."""
    merged: dict[tuple, list[Claim]] = {}
    of_source: dict[str, list[tuple]] = {}
    # where the fact's accounts name several states, one account naming one state and "the regime"
    # ("government forces") means that state's: its own words name no other
    told: dict[str, list[Claim]] = {}
    for twins in by_key.values():
        told.setdefault(twins[0].source_id, []).extend(twins)
    own_state = {sid: sole_state(claims, aliases) for sid, claims in told.items()} if sole is None else {}
    for key, twins in by_key.items():
        head = twins[0]
        earlier = of_source.setdefault(head.source_id, [])
        own = sole if sole is not None else own_state.get(head.source_id)
        into = next((k for k in earlier if _one_culprit(merged[k][0], head, aliases, own)), None)
        if into is None:
            merged[key] = list(twins)
            earlier.append(key)
        else:
            merged[into].extend(twins)
    return merged


def _one_culprit(a: Claim, b: Claim, aliases: AliasTable, sole: str | None) -> bool:
    """Two blame claims of one source, one stance and one voice, whose culprits agree."""
    if not (isinstance(a.value, Actor) and isinstance(b.value, Actor)) or a.value.negated != b.value.negated:
        return False
    return _voice(a) == _voice(b) and compare_actors(_affirmed(a), _affirmed(b), aliases, sole)[0] == "agree"


def _affirmed(c: Claim) -> Claim:
    """A denial as the claim it denies: two denials deny one culprit when their culprits agree."""
    v = c.value
    if not isinstance(v, Actor) or not v.negated:
        return c
    return c.model_copy(update={"value": v.model_copy(update={"negated": False})})


def _a_sentence(c: Claim) -> bool:
    """Told in a full sentence, not a headline: a headline has no closing stop and restates the body
    in fewer words, its hedges often dropped."""
    return c.sentence.rstrip().endswith((".", "!", "?", '"', "\u201d", "'"))


def _doer_leads(c: Claim) -> bool:
    """The claim tells the doer doing the act ("terrorists opened fire"), its culprit leading the quote,
    rather than the act befalling others at their hands ("died at the hands of the terrorists")."""
    v = c.value
    if not isinstance(v, Actor) or not v.actor_text:
        return False
    return c.quote.casefold().lstrip("\"'‘“ ").startswith(v.actor_text.casefold())


def _names_party(c: Claim) -> bool:
    """The claim's culprit is a named party, not one described by its force ("soldiers")."""
    return isinstance(c.value, Actor) and side(c.value.actor) is None


def _voice(c: Claim) -> tuple[str, bool, bool]:
    """Who tells a blame claim and how: its speaker, whether reported as someone's (hedged), whether
    told as an accusation. One source's two findings ("the first inquiry found ...", "the second
    found ...") are two claims, however alike their culprits."""
    return (c.speaker or "").casefold(), c.hedged, _reports_blame(c)


def _denials_beside_a_culprit(members: list[Claim]) -> dict[str, str]:
    """ "The militants set off the first blast and Russian grenades could not have sparked the fire",
    "terrorists, not special forces, were to blame": one statement of who did it; the denial in its
    sentence is folded into the culprit it names, so it is compared once, not twice."""
    named = {(c.source_id, c.sentence_start): c for c in members
             if isinstance(c.value, Actor) and not c.value.negated}  # fmt: skip
    return {
        c.id: culprit.id
        for c in members
        if isinstance(c.value, Actor) and c.value.negated
        and (culprit := named.get((c.source_id, c.sentence_start))) is not None
        and not same_party(culprit.value.actor, c.value.actor)  # type: ignore[union-attr]
    }  # fmt: skip


def _reports_blame(c: Claim) -> bool:
    """ "Russia blamed Ukrainian forces for ...": the claim is told as someone's accusation."""
    if c.kind != "initiator":
        return False
    if c.hedged:
        return True  # "Palestinian claims that ... were massacred by X": reported, not stated
    verbs, nouns = _blame_words()
    return any(
        w in nouns or w.removesuffix("s") in nouns or w.startswith(verbs)
        for w in re.findall(r"[a-z]+", c.quote.lower())
    )


@lru_cache(maxsize=1)
def _blame_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """The verbs that lay blame, and the nouns that name it: the blame itself ("culprit") and, for a
    denial of blame another laid, what is denied ("rejected the accusation", "contradicted that
    assertion")."""
    words = rules()["initiator"]
    nouns = frozenset([*words["blame_nouns"], *words["accusation_nouns"], *words["claim_nouns"]])
    return tuple(words["blame_verbs"]), nouns


def _points_at_incident(c: Claim) -> bool:
    """ "X is responsible for this crime", "carried out that massacre": a demonstrative before the act
    points at the incident the account tells, whatever acts it held; not "said that the attack was
    carried out by X", where "that" opens what was said."""
    act = c.about.split()[0] if c.kind == "initiator" and c.about else None
    if act is None or act not in act_nouns():
        return False
    pointed = rf"\b(?:this|that|these|those)\s+(?:(?!(?:the|a|an)\b)\w+\s+)?{re.escape(act)}"
    return re.search(pointed, c.sentence.lower()) is not None


def _same_statements(twins: list[Claim], aliases: AliasTable | None = None) -> list[list[Claim]]:
    """One source blaming one actor for the war and for one act in it makes two claims, not one;
    nor does one sentence restate its own figure ("two police officers and two guards")."""
    if len(twins) < 2:
        return [twins]
    if isinstance(twins[0].value, Count):
        return _buckets(twins, partial(_restates, aliases=aliases))
    if isinstance(twins[0].value, DateSpan):
        return _buckets(twins, _one_happening)
    if twins[0].kind != "initiator":
        return [twins]
    acts: list[list[Claim]] = []
    for c in twins:
        for act in acts:
            if _one_act(c, act[0]):
                act.append(c)
                break
        else:
            acts.append([c])
    return acts


def _one_act(a: Claim, b: Claim) -> bool:
    """Two blame statements of one act: not two acts by their words, nor told of two days."""
    return not two_acts(_act_words(a), _act_words(b), _target(a), _target(b)) and not _days_differ(a, b)


def _buckets(twins: list[Claim], same: Callable[[Claim, Claim], bool]) -> list[list[Claim]]:
    """Twins split so that every two of a bucket are `same`: one statement told again."""
    buckets: list[list[Claim]] = []
    for c in twins:
        bucket = next((b for b in buckets if all(same(o, c) for o in b)), None)
        if bucket is None:
            buckets.append([c])
        else:
            bucket.append(c)
    return buckets


def _one_happening(a: Claim, b: Claim) -> bool:
    """Can one source's two mentions of one day restate one date? Only when their words share what
    happened ("the attack on Sunday", "Sunday's attack"); "crowds stormed the quarter on Friday" and
    "a state of emergency was declared on Friday" date two things (issue #8: fold only true
    restatements). Without words to tell, they are one. "Marched through the town" and "broke up
    another march the same evening" share the march, but one says it is another."""
    if not a.terms or not b.terms:
        return True
    shared = set(a.terms) & set(b.terms)
    return bool(shared) and not (_another_of(a, shared) or _another_of(b, shared))


def _another_of(c: Claim, shared: set[str]) -> bool:
    """The claim's quote calls one of the shared things another of its kind ("another march", "a
    second demonstration"; rules date_roles.another_words)."""
    words = re.findall(r"[a-z]+", c.quote.lower())
    marks = _another_words()
    return any(w in marks and singular(nxt) in shared for w, nxt in zip(words, words[1:], strict=False))


@lru_cache(maxsize=1)
def _another_words() -> frozenset[str]:
    """Read once: one account's dates are folded pair by pair (rules date_roles.another_words)."""
    return frozenset(rules()["date_roles"]["another_words"])


def _restates(a: Claim, b: Claim, aliases: AliasTable | None = None) -> bool:
    """Can one count restate the other (same figure)? A restatement is told again, in another
    sentence (a headline, a summary), of the same people; not in its own sentence for other people
    ("two police officers and two guards"), nor anywhere for another population: "Two marines were
    killed" and, further on, "the bodies of two civilians" (other roles, nations or places)."""
    if a.sentence_start == b.sentence_start and a.scope != b.scope:
        return False
    sa, sb = scope_key(a.scope, aliases), scope_key(b.scope, aliases)
    return not (scopes_disjoint(sa, sb) or (sa.places and sb.places and not sa.places & sb.places))


def presented(claims: list[Claim], groups: list[Group]) -> list[Claim]:
    """The claims as a report shows them: repeats folded, yearless dates given their siblings' year."""
    return years_from_siblings(apply_repeats(claims, groups), groups)


def apply_repeats(claims: list[Claim], groups: list[Group]) -> list[Claim]:
    """Drop folded repeats from a claim list, keeping their sentences on the claim they repeat."""
    folded = {twin: kept for g in groups for twin, kept in g.repeats.items()}
    if not folded:
        return claims
    by_id = {c.id: c for c in claims}
    extra: dict[str, list[str]] = {}
    for twin, kept in folded.items():
        if twin in by_id:
            extra.setdefault(kept, []).append(by_id[twin].sentence)
    out = []
    for c in claims:
        if c.id in folded:
            continue
        if c.id in extra:
            c = c.model_copy(update={"also": list(dict.fromkeys([*c.also, *extra[c.id]]))})
        out.append(c)
    return out


def relation_of(a: Claim, b: Claim, score: float, aliases: AliasTable, voc: Vocabulary | None = None,
                sole: str | None = None, figures: tuple[int, ...] = (),
                wholes: Mapping[str, int] | None = None) -> Relation:  # fmt: skip
    """Compare two claims of one group; `score` is how sure alignment is they state one fact.

    Differing dates or lengths from a weak alignment (below 0.5, or $RASHOMON_SAME_FACT_SCORE)
    may be two events, not a contradiction. Two counts of one event's group contradict only when
    something says they count the same people: their own words align them, or both name the same
    population (issue #8); the event alone groups them, it does not make them rivals. `sole`: the
    one state the fact's accounts name (sole_state), for blame claims; `figures`: the fact's exact
    counts (toll_figures), which may show two of them to be parts of one toll; `wholes`: the
    larger toll a count's own account gives beside it (own_wholes).
    """
    rel, reason = compare(a, b, aliases, sole)
    if rel == "contradict" and a.kind in NUMERIC_KINDS and (parts := parts_of_one_toll(a, b, figures)):
        return _relation(a, b, "different_scope", f"{reason}; but {parts}: parts of one toll", score)
    if rel == "contradict" and a.kind in NUMERIC_KINDS and (part := part_of_its_own_whole(a, b, wholes or {}, aliases)):
        return _relation(a, b, "different_scope", f"{reason}; but {part}", score)
    if rel == "contradict" and a.kind in ("event_date", "duration") and score < thresholds().same_fact:
        rel, reason = "unclear", f"{reason}; the accounts may describe different events"
    elif rel == "contradict" and a.kind in NUMERIC_KINDS and voc is not None and not _same_people(a, b, voc, aliases):
        rel, reason = "unclear", f"{reason}; but nothing says both count the same people"
    elif rel == "contradict" and a.kind in NUMERIC_KINDS and _orders_apart(a.value, b.value):
        rel, reason = "unclear", f"{reason}; but a hundredfold apart, they may count two events' dead"
    elif rel == "contradict" and a.kind == "initiator" and voc is not None and not _same_act(a, b, voc, sole, aliases):
        rel, reason = "unclear", f"{reason}; but they may speak of different acts"
    return _relation(a, b, rel, reason, score)


ORDERS_APART = 100  # rival counts of one toll differ by a few times, rarely a hundredfold


def _orders_apart(va: object, vb: object) -> bool:
    """Two figures a hundredfold or more apart; not a stated zero (which denies the other) nor a vague
    amount ("thousands were displaced" against "a million": a word, no figure to be apart from)."""
    if not (isinstance(va, Count) and isinstance(vb, Count)) or va.vague or vb.vague:
        return False
    xa, xb = va.low or va.high, vb.low or vb.high
    return bool(xa and xb) and max(xa, xb) >= ORDERS_APART * min(xa, xb)


def _relation(a: Claim, b: Claim, rel: str, reason: str, score: float) -> Relation:
    confidence, category = verdict_confidence(a, b, rel, score)
    return Relation(claim_a=a.id, claim_b=b.id, relation=rel, reason=reason, confidence=confidence, category=category)


MAX_FIGURES = 12  # distinct figures: among more, some add up by chance


def toll_figures(members: Iterable[Claim]) -> tuple[int, ...]:
    """The exact figures a fact's counts give ("34 were killed", not "at least 34" or "dozens"):
    what parts_of_one_toll adds up. A figure is there as often as one account gives it ("16 at the
    airport, 16 in the metro": twice); two accounts giving the same figure give it once."""
    per_source: dict[str, Counter[int]] = defaultdict(Counter)
    for c in members:
        v = c.value
        if isinstance(v, Count) and v.low is not None and v.low == v.high and not v.vague and v.low >= 2:
            per_source[c.source_id][int(v.low)] += 1
    most: Counter[int] = Counter()
    for found in per_source.values():
        most |= found  # the larger multiplicity of each figure
    return tuple(sorted(most.elements()))


def own_wholes(members: Iterable[Claim]) -> dict[str, int]:
    """Each exact count's larger toll that its own account, in the same voice and in another
    sentence, gives for the same fact: "39 people were killed on the terraces" beside the same
    account's "130 killed in all". An account does not contradict itself: its smaller count is a
    part (a site, a day, a group). Linear in the members (issue #11: a fact of a thousand copies)."""
    exact = [c for c in members if isinstance(c.value, Count) and c.value.low is not None
             and c.value.low == c.value.high and not c.value.vague]  # fmt: skip
    # per account and voice, its two largest figures told in two different sentences
    top: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for c in exact:
        best = top.setdefault((c.source_id, (c.speaker or "").casefold()), [])
        figure = (int(c.value.low), c.sentence_start)  # type: ignore[union-attr,arg-type]
        same = next((i for i, (_, sent) in enumerate(best) if sent == figure[1]), None)
        if same is not None:
            best[same] = max(best[same], figure)
        else:
            best.append(figure)
        best.sort(reverse=True)
        del best[2:]
    wholes: dict[str, int] = {}
    for c in exact:
        best = top[(c.source_id, (c.speaker or "").casefold())]
        # "X said 300, while Y put it at 500": rival figures of one sentence are no part and whole
        other = next((figure for figure, sent in best if sent != c.sentence_start), None)
        if other is not None and other > c.value.low:  # type: ignore[union-attr,operator]
            wholes[c.id] = other
    return wholes


def part_of_its_own_whole(a: Claim, b: Claim, wholes: Mapping[str, int],
                          aliases: AliasTable | None = None) -> str | None:  # fmt: skip
    """The smaller count is a part of its own account's larger toll, and the other account's count
    is larger still than that part: part against whole, not rival tolls."""
    sa, sb = scope_key(a.scope, aliases), scope_key(b.scope, aliases)
    if sa.roles and sa.roles == sb.roles:
        return None  # "5 civilians" against "22 civilians": the same people counted, whatever else each counts
    for part, other in ((a, b), (b, a)):
        whole = wholes.get(part.id)
        _, part_high = _low_high(part)
        other_low, _ = _low_high(other)
        if whole is not None and part_high is not None and other_low is not None and other_low > part_high:
            return f"{part_high:g} is a part of a larger toll its own account gives"
    return None


def _low_high(c: Claim) -> tuple[float | None, float | None]:
    v = c.value
    return (v.low, v.high) if isinstance(v, Count) else (None, None)


def parts_of_one_toll(a: Claim, b: Claim, figures: tuple[int, ...]) -> str | None:
    """ "34 killed on the day", "10 killed the week before", "44 died in all", "17 at each of two
    sites": figures that add up with the fact's others are parts of one toll, not rival counts
    (issue #8). The smaller with one or two other figures makes the larger, or both with at most
    one other make a third. Linear in the fact's figures; never among more than MAX_FIGURES
    distinct ones, where sums meet by chance."""
    pair = toll_figures([a, b])
    if len(pair) < 2 or pair[0] == pair[1]:
        return None
    small, big = pair
    others = Counter(figures)
    if len(others) > MAX_FIGURES or others[small] < 1 or others[big] < 1:
        return None
    others[small] -= 1
    others[big] -= 1

    def has(n: int, *used: int) -> bool:
        return others[n] - sum(1 for u in used if u == n) > 0

    gap = big - small
    if has(gap):
        return f"{big} is {small} and {gap} together"
    for x in [n for n, k in others.items() if k > 0]:
        if x < gap and has(gap - x, x):
            return f"{big} is {small} and {x} and {gap - x} together"
    whole = small + big
    if has(whole):
        return f"{small} and {big} make {whole}"
    for x in [n for n, k in others.items() if k > 0]:
        if has(whole + x, x):
            return f"{small} and {big} and {x} make {whole + x}"
    return None


# Issue #9: how solid a machine verdict is, so the review queue and a reader can tell a clear
# case from a guess. (base confidence, category) by relation; contradictions by how far apart.
_VERDICT_BASE = {
    "agree": (0.8, "compatible values"),
    "different_scope": (0.6, "different populations"),
    "unclear": (0.3, "undecided"),
    "update": (0.5, "later update"),
}
FAR_APART = 2.0  # one figure at least twice the other: hardly a misreading
CLOSE_DAYS = 31


def verdict_confidence(a: Claim, b: Claim, relation: str, score: float = 1.0) -> tuple[float, str]:
    """(confidence 0-1, category) of a verdict: a contradiction between figures a few percent
    apart or dates a few days apart is worth a person's look; a weak alignment lowers any verdict."""
    base, category = _VERDICT_BASE.get(relation, (0.3, "undecided"))
    if relation == "agree" and value_key(a) == value_key(b):
        base, category = 0.95, "same value"
    elif relation == "contradict":
        base, category = _contradiction_strength(a, b)
    if score < thresholds().same_fact:
        base, category = base * 0.7, f"{category}, weakly aligned"
    return round(base, 2), category


def _contradiction_strength(a: Claim, b: Claim) -> tuple[float, str]:
    va, vb = a.value, b.value
    if isinstance(va, Count) and isinstance(vb, Count):
        below, above = sorted((interval(va), interval(vb)), key=lambda i: i.low)
        ratio = above.low / max(below.high, 1.0) if below.high != float("inf") else 1.0
        if ratio >= FAR_APART:
            return 0.9, "figures far apart"
        return 0.55, "single-number difference"
    if isinstance(va, DateSpan) and isinstance(vb, DateSpan):
        gap = min(abs((va.start - vb.end).days), abs((vb.start - va.end).days))
        return (0.85, "dates far apart") if gap > CLOSE_DAYS else (0.55, "dates close together")
    if a.kind == "initiator":
        return 0.7, "different actors"
    return 0.7, "different values"


def group_status(members: list[Claim], relations: list[Relation]) -> str:
    """single (one source), contested (a contradiction) or agree."""
    if len({c.source_id for c in members}) < 2:
        return "single"
    return "contested" if any(r.relation == "contradict" for r in relations) else "agree"


def _same_act(a: Claim, b: Claim, voc: Vocabulary, sole: str | None = None,
              aliases: AliasTable | None = None) -> bool:  # fmt: skip
    """Two accounts name different culprits for one act only when their own words tie them to it
    (issue #8): one event holds many acts (a seizure, a storming, an explosion), each with its doer."""
    if violence_begun_and_done(a, b):
        return not _days_differ(a, b)  # "militants started the violence" / "soldiers fired into the crowd"
    if accident_meets(a, b):
        return not _days_differ(a, b)  # "a technical failure" / "shot down by a missile"
    if _struck_the_doers(a, b) or _struck_the_doers(b, a):
        return False  # "police shot Abouyaaqoub dead" / "Younes Abouyaaqoub drove the van": his end, not his act
    words_a, words_b, target_a, target_b = _act_words(a), _act_words(b), _target(a), _target(b)
    onset_a, onset_b = _began(a, words_a), _began(b, words_b)
    if onset_a and onset_b and not scales_differ(words_a, words_b, target_a, target_b):
        return not _days_differ(a, b)  # "initiated the storming" / "set off the first blast": who began it
    if two_acts(words_a, words_b, target_a, target_b) or series_of_acts(a.quote) != series_of_acts(b.quote):
        return False  # "stormed the depot" and "to blame for the blast", "has fired 1,000 rockets": two acts
    if _reports_blame(a) and _reports_blame(b):
        return not _days_differ(a, b)  # "blamed the army" / "placed the blame on the rebels": who is to blame
    if _bare_blame(a, words_a) or _bare_blame(b, words_b):
        return True  # "blamed Ukrainian forces" / "Russia struck the station": for the incident, whenever said
    if same_place_acted_on(a, b):
        return not _days_differ(a, b)  # "bombed Halabja" / "struck the town": the incident's own place
    if tells_firing(a.about) and tells_firing(b.about):
        return not _days_differ(a, b)  # "opened fire on the march" / "came under fire from gunmen"
    if _points_at_incident(a) or _points_at_incident(b):
        return not _days_differ(a, b)  # "responsible for this crime": the incident the account tells
    if _sweeping_denial(a, words_a, b, sole) or _sweeping_denial(b, words_b, a, sole):
        return True  # "X denied any involvement in the killings" answers every account that X did it
    if _said_and_denied(a, words_a, b, words_b):
        return not _days_differ(a, b)  # "X was most likely responsible" / "X did not strike the station"
    va, vb = a.value, b.value
    mirrored = (
        isinstance(va, Actor) and isinstance(vb, Actor) and accuse_each_other(va.actor, va.target, vb.actor, vb.target)
    )
    if mirrored and (names_whole_event(words_a) or names_whole_event(words_b)):
        return True  # "X attacked Y's patrol" / "Y provoked the clash": one dispute about one clash
    evidence = pair_evidence(a, b, voc, aliases)
    return evidence is not None and evidence >= SAME_ACT_SHARE * align_threshold()


def _struck_the_doers(a: Claim, b: Claim) -> bool:
    """The first claim's act was against the attackers themselves ("police shot the attackers", "officers
    killed Younes Abouyaaqoub" where the other account names him as the doer), and the other's was not:
    the attackers' end is another act than the attack (issue #8). Mirrored accounts (X fired on Y, Y on
    X) stay one dispute of who began it."""
    va, vb = a.value, b.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or not (va.target_text or va.target):
        return False
    if accuse_each_other(va.actor, va.target, vb.actor, vb.target):
        return False
    struck = va.target_text or va.target
    if named_as(struck, _perpetrators()):
        return not named_as(vb.target_text or vb.target, _perpetrators())
    doer = surname(vb.actor)
    return doer is not None and doer in re.findall(r"[\w'’-]+", (struck or "").lower()) and doer not in va.actor.lower()


@lru_cache(maxsize=1)
def _perpetrators() -> frozenset[str]:
    """Read once (rules initiator.perpetrator_targets)."""
    return frozenset(rules()["initiator"]["perpetrator_targets"])


def _said_and_denied(a: Claim, words_a: list[str], b: Claim, words_b: list[str]) -> bool:
    """One party said to have done it and said not to have, one of the two naming no act of its own
    ("Russian forces were most likely responsible" / "Russia did not strike the station"): the denial
    answers the blame for the incident."""
    va, vb = a.value, b.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or va.negated == vb.negated:
        return False
    if NOBODY in (va.actor, vb.actor) or not same_party(va.actor, vb.actor):
        return False
    return _no_act_of_its_own(va, words_a) or _no_act_of_its_own(vb, words_b)


def _no_act_of_its_own(v: Actor, words: list[str]) -> bool:
    """The claim names neither an act nor what was struck ("X was responsible", "blamed X")."""
    return not v.target and names_no_act(words)


def _bare_blame(c: Claim, words: list[str]) -> bool:
    """ "Kyiv blamed Ukrainian forces", "Russian forces were most likely responsible": blame that names
    no act and no target of its own is blame for the incident its account tells, whichever act
    another account names."""
    if not isinstance(c.value, Actor) or c.value.negated or not (_reports_blame(c) or _held_responsible(c)):
        return False
    return _no_act_of_its_own(c.value, words)


def _held_responsible(c: Claim) -> bool:
    """ "Iran was responsible", "held the government responsible": the word of blame itself."""
    return not _responsible_words().isdisjoint(re.findall(r"[a-z]+", c.quote.lower()))


@lru_cache(maxsize=1)
def _responsible_words() -> frozenset[str]:
    """Read once: verdicts are compared pair by pair (rules initiator.responsible_adjectives)."""
    return frozenset(rules()["initiator"]["responsible_adjectives"])


def _sweeping_denial(denial: Claim, words: list[str], other: Claim, sole: str | None = None) -> bool:
    """A denial of any part in the incident ("denied any involvement", "was not responsible"), against
    an account that the same actor did it: one dispute whatever act each names (FAILURE_MODES 15).
    `sole`: the one state the fact names, whose unnamed forces ("government forces") are its own."""
    va, vb = denial.value, other.value
    if not (isinstance(va, Actor) and isinstance(vb, Actor)) or not va.negated or vb.negated:
        return False
    words_of = rules()["initiator"]
    sweeping = {*words_of["involvement_nouns"], *words_of["responsible_adjectives"]}
    if sweeping.isdisjoint(words):
        return False
    return va.actor == vb.actor or (
        sole is not None and {_state_of(va.actor, sole), _state_of(vb.actor, sole)} == {sole}
    )


def _state_of(actor: str, sole: str) -> str:
    """An actor, or the sole state for its unnamed state forces."""
    return sole if actor == sole or side(actor) == "state" else actor


def _days_differ(a: Claim, b: Claim) -> bool:
    """Both claims name the day of their act, and the days are not one."""
    ta, tb = a.when, b.when
    if ta is None or tb is None or not {ta.precision, tb.precision} <= {"day", "days"}:
        return False
    ta, tb = as_pair(ta, tb)
    return ta.end < tb.start or tb.end < ta.start


def _target(c: Claim) -> str | None:
    return c.value.target if isinstance(c.value, Actor) else None


def _began(c: Claim, words: list[str]) -> bool:
    """The claim says its doer began the act: in its quote, or in its act's clause (claims.act_onset)."""
    return names_onset(words) or (isinstance(c.value, Actor) and c.value.began)


def _act_words(c: Claim) -> list[str]:
    return [*c.about.lower().split(), *re.findall(r"[a-z]+", c.quote.lower())]


def _same_people(a: Claim, b: Claim, voc: Vocabulary, aliases: AliasTable | None = None) -> bool:
    """Both name one population, or both give the whole toll of one event, or their words align them."""
    sa, sb = scope_key(a.scope, aliases), scope_key(b.scope, aliases)
    places_differ = sa.places != sb.places and bool(sa.places and sb.places)  # a place on one only: compare() decided
    if (_nobody(a) or _nobody(b)) and not places_differ and not scopes_disjoint(sa, sb):
        return True  # "not a single resident was harmed": a denial of the whole toll, whoever counted it
    toll = (_the_toll(a, sa) and not sb.general) or (_the_toll(b, sb) and not sa.general)
    if toll and not places_differ:
        return True  # "the death toll at 100 to 200" / "500 Palestinians": everyone the event killed
    if (sa.nations, sa.roles, sa.marked) == (sb.nations, sb.roles, sb.marked) and not places_differ:
        if sa.nations or sa.roles or event_similarity(a, b, voc) >= SAME_EVENT:
            return True
    if other_words(sa, sb) and sa.marked == sb.marked and not places_differ:
        return True  # "720,000 Arabs" / "800,000 Palestinians": one people, as compare() reads them
    if _a_figure(a, sa) and _a_figure(b, sb):
        return True  # two counters' figures for the toll: "the OSCE estimated 300 to 500" / "officials, 187"
    if _plain_toll(sa) and _plain_toll(sb):
        return True  # "379 persons were killed" / "about 1,000 people were killed": nobody set apart
    evidence = pair_evidence(a, b, voc, aliases)
    return evidence is not None and evidence >= SAME_PEOPLE_SHARE * align_threshold()


def _plain_toll(scope: Scope) -> bool:
    """A count of people with nothing to set them apart: no nation, role, place, site or part of the
    event, no "only" or "another"."""
    return (scope.general and not scope.marked and not scope.places and not scope.sites and not scope.part
            and not scope.added and not scope.more and not scope.wide)  # fmt: skip


def _a_figure(c: Claim, scope: Scope) -> bool:
    """A count of everyone, given by a counter the account names ("the monitor documented 502
    dead", "the OSCE estimated that 300 to 500 died"): someone's figure for the toll, not a count
    told in the story of the event ("four were shot dead at the gate")."""
    if not scope.general or scope.marked or scope.added or scope.more or scope.places or scope.wide:
        return False
    return scope.part in (None, WHOLE) and c.speaker is not None


def _the_toll(c: Claim, scope: Scope) -> bool:
    """ "the death toll at 100 to 200", "the toll rose to 50": a count named as the event's toll, of
    everyone it killed (no people, part or place of its own)."""
    return (
        scope.general
        and not scope.marked
        and not scope.added
        and scope.part is None
        and (c.about.split()[:1] == ["toll"])
    )


def _nobody(c: Claim) -> bool:
    """ "Nobody was killed", "not a single resident suffered": a count of none."""
    return isinstance(c.value, Count) and c.value.high == 0


def group_summary(members: list[Claim], relations: list[Relation], aliases: AliasTable | None = None):
    """Low / best / high over the counts that speak of one population."""
    return summarise_counts(_same_population(members, relations, aliases))


def _same_population(members: list[Claim], relations: list[Relation],
                     aliases: AliasTable | None = None) -> list[Claim]:  # fmt: skip
    """Leave out of low/best/high a count that only ever differs in scope from the others."""
    # one pass over the relations, not one per member (issue #11): a claim is apart when it has
    # relations and every one of them is different_scope
    related: set[str] = set()
    not_apart: set[str] = set()
    source_of: dict[str, str] | None = None
    for r in relations:
        ids: Iterable[str] = (r.claim_a, r.claim_b)
        if r.also_a or r.also_b:  # a relation of repeated statements: every claim in one of its pairs
            source_of = source_of or {c.id: c.source_id for c in members}
            if r.claim_a not in source_of:
                continue  # another group's
            ids = related_claims(r, source_of)
        related.update(ids)
        if r.relation != "different_scope":
            not_apart.update(ids)
    apart = {c.id for c in members if c.id in related and c.id not in not_apart}
    kept = [c for c in members if c.id not in apart] or members
    keys = Counter(_scope_id(c, aliases) for c in kept)
    main, n = keys.most_common(1)[0]
    if n >= 2:
        kept = [c for c in kept if _scope_id(c, aliases) == main or not any(_scope_id(c, aliases))]
    return kept


def _scope_id(c: Claim, aliases: AliasTable | None = None) -> tuple:
    sc = scope_key(c.scope, aliases)
    return (sc.nations, sc.roles, sc.total)


def relate(alignment: Alignment, voc: Vocabulary, aliases: AliasTable) -> tuple[list[Group], list[Relation]]:
    groups: list[Group] = []
    relations: list[Relation] = []
    folded = [fold_repeats(grouped, aliases) for grouped in alignment.groups]
    verdict, positions = _verdicts(alignment, voc, aliases, [members for members, _ in folded])
    for n, (members, repeats) in enumerate(folded, 1):
        group_relations = _group_relations(members, alignment, verdict, positions)
        status = group_status(members, group_relations)
        groups.append(
            Group(
                id=f"g{n}",
                kind=members[0].kind,
                topic=topic_of(members, voc),
                claim_ids=[c.id for c in members],
                status=status,  # type: ignore[arg-type]
                summary=group_summary(members, group_relations, aliases) if members[0].kind in NUMERIC_KINDS else None,
                repeats=repeats,
            )
        )
        relations.extend(group_relations)
    return groups, relations


Verdict = Callable[..., Relation]


def _group_relations(members: list[Claim], alignment: Alignment, verdict: Verdict,
                     positions: dict[str, int]) -> list[Relation]:  # fmt: skip
    """Every pair of members from different sources, compared. Members that state the same thing
    (one statement printed by several sources, issue #11) make one position: each two positions
    get one relation standing for all their claims' pairs (Relation.also_a, also_b), so a thousand
    copies of two statements are three relations, not half a million."""
    scores = alignment.scores
    by_position: dict[int, list[Claim]] = {}
    for c in members:
        by_position.setdefault(positions[c.id], []).append(c)
    if len(by_position) == len(members):  # every statement made once: one relation per pair
        return [
            verdict(a, b, scores.get((a.id, b.id), 0.0))
            for a, b in combinations(members, 2)
            if a.source_id != b.source_id
        ]
    return [
        verdict(a, b, scores.get((a.id, b.id), 0.0), also_a, also_b)
        for a, b, also_a, also_b in position_pairs(list(by_position.values()))
    ]


def position_pairs(sides: list[list[Claim]]) -> Iterator[tuple[Claim, Claim, list[str], list[str]]]:
    """One pair per two distinct statements (the claims that state each, `sides`), with the ids of
    the other claims each one stands for (issue #11)."""
    for x, side_a in enumerate(sides):
        for side_b in sides[x:]:
            pair = first_pair(side_a, side_b)
            if pair is None:
                continue
            a, b = pair
            yield a, b, [c.id for c in side_a if c is not a], [c.id for c in side_b if c is not b]


def first_pair(side_a: list[Claim], side_b: list[Claim]) -> tuple[Claim, Claim] | None:
    """The first pair of a claim of side_a and one of side_b from two sources (None: there is none);
    side_a and side_b are the same list when both are one statement's claims."""
    for i, a in enumerate(side_a):
        for b in side_b[i + 1 :] if side_a is side_b else side_b:
            if a.source_id != b.source_id:
                return a, b
    return None


def sole_state(members: Iterable[Claim], aliases: AliasTable) -> str | None:
    """The one state a fact's blame accounts name, as culprit or as struck, NO_STATE when they name
    none, or None (issue #8): in "the storming was initiated by Russia" / "soldiers provoked the
    battle" / "federal forces planned it", unnamed state forces can only be that state's; with no
    state named, one state's all the same; with two states named they may be either's."""
    states: list[str] = []
    for c in members:
        if not isinstance(c.value, Actor):
            return None
        for name in (c.value.actor, c.value.target):
            party = name and (aliases.resolve(name) or name)
            if party and aliases.kind(party) == "state" and party not in states:
                states.append(party)
    if not states:
        return NO_STATE  # unnamed state forces of a fact that names no state are all one state's
    return states[0] if len(states) == 1 else None


def _verdicts(alignment: Alignment, voc: Vocabulary, aliases: AliasTable,
              folded: list[list[Claim]]) -> tuple[Verdict, dict[str, int]]:  # fmt: skip
    """relation_of, computed once per two distinct statements and score, then copied with the
    pair's ids (issue #11: a thousand copies of one story, one comparison per distinct pair); and
    each claim's statement (its position). `folded`: each group's members, repeats folded."""
    everyone = [c for grouped in alignment.groups for c in grouped]
    position = {c.id: n for n, c in enumerate(everyone)}
    sole = {
        c.id: state
        for grouped in alignment.groups
        if (state := sole_state(grouped, aliases)) is not None
        for c in grouped
    }
    figures = {c.id: found for grouped in alignment.groups if (found := toll_figures(grouped)) for c in grouped}
    wholes = {cid: n for members in folded for cid, n in own_wholes(members).items()}
    # what relation_of set, but for the two ids (validating a dict is the quickest way to a model)
    pairs = PairMemo(everyone)
    memo = pairs.memo_with(
        lambda a, b, score: relation_of(
            a, b, score, aliases, voc, sole.get(a.id), figures.get(a.id, ()), wholes
        ).model_dump(exclude_unset=True)
    )
    statement = {c.id: key for c, key in zip(everyone, pairs.keys, strict=True)}

    def verdict(a: Claim, b: Claim, score: float, also_a: list[str] | None = None,
                also_b: list[str] | None = None) -> Relation:  # fmt: skip
        found = memo(position[a.id], position[b.id], score)
        if also_a or also_b:
            return Relation.model_validate({**found, "claim_a": a.id, "claim_b": b.id, "also_a": also_a or [],
                                            "also_b": also_b or []})  # fmt: skip
        return Relation.model_validate({**found, "claim_a": a.id, "claim_b": b.id})

    return verdict, statement
