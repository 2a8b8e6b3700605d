"""Re-align only what changed since the last analyse (issue #3).

After one source is added to a workspace of a thousand, a full
`analyse_claims` would compare every plausible pair again. Here each new
claim is compared only with the stored claims that share one of its blocking
words (the workspace's inverted index), and joins the best existing group
when align() would have merged it there: one of its scores reaches align_threshold()
(the edge align() merges along), its average score over all the group's
members reaches align_threshold() * 0.75, and it is compatible() with every member.
New claims that join no group are clustered among themselves with align().
Relations are computed only for the pairs that are new, summaries and topics
only for the groups touched, and only those are written back, in one
transaction. Document frequencies come from the workspace, where triggers
keep them current, so scores are those a full analysis would compute.

Per distinct statement, as a full analysis aligns and relates (issue #11,
analysis.distinct): each claim's statement is in the index (statement_term).
A new claim that restates a stored statement word for word (a reprint) joins
that statement's group without being scored against anyone; stored copies of
one statement are parsed and scored once, counting as many times as they are
copies; a word is too common to block on when more than MAX_POSTINGS distinct
statements hold it, not reprints; and a group holding repeated statements
gets its relations per pair of distinct statements (Relation.also_a/also_b),
all of them compared again with the vocabulary of now, as a full analysis
compares them: one comparison per pair of statements, not of reprints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analysis.align import (
    COUNT_TIME_SLACK,
    EVENT_WEIGHT,
    MAX_POSTINGS,
    Vocabulary,
    align,
    align_threshold,
    block_keys,
    compatible,
    features,
    pair_score,
    times_meet,
)
from analysis.distinct import alignment_digest, statement_keys
from analysis.models import Group, Relation
from analysis.relate import (
    fold_repeats,
    group_summary,
    own_wholes,
    parts_of_one_toll,
    position_pairs,
    relate,
    relation_of,
    sole_state,
    toll_figures,
    topic_of,
)
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim, DateSpan
from workspace import incidents
from workspace.store import STATEMENT_TERM, Candidate, TimeSpan, Workspace

JOIN_SHARE = 0.75  # align()'s average-linkage bar for a merge, as a share of align_threshold()
# Above anything pair_score gives (its words, time and value parts add up to under 1.8): only
# used to rule groups out early, so it must never be below the real maximum. A test compares
# the result with and without this pruning.
MAX_PAIR_SCORE = 2.0 + max(EVENT_WEIGHT.values())  # plus the event prior counts get (issue #8)


def statement_term(claim: Claim) -> str:
    """The index term of a claim's statement: equal for claims alignment tells apart only by their
    source (analysis.distinct.alignment_key), such as one wire story's sentence in many papers."""
    return STATEMENT_TERM + alignment_digest(claim)


@dataclass(frozen=True)
class Realigned:
    """What an incremental re-alignment did, for `rashomon analyse` to report."""

    new_claims: int = 0
    joined: int = 0  # new claims that joined an existing group
    new_groups: int = 0
    touched_groups: int = 0  # existing groups rewritten (joined, or left by a removed source)


class _FixedVocabulary(Vocabulary):
    """A Vocabulary whose counts do not change during one re-alignment: each idf is computed once."""

    def __init__(self, n: int) -> None:
        super().__init__(n=n)
        self._idf: dict[str, float] = {}

    def set_df(self, word: str, count: int) -> None:
        self.df[word] = count
        self._idf.pop(word, None)

    def idf(self, word: str) -> float:
        found = self._idf.get(word)
        if found is None:
            found = self._idf[word] = super().idf(word)
        return found


class WorkspaceVocabulary:
    """Document frequencies and per-kind postings read from the workspace, each word once.

    `voc` is an analysis.align.Vocabulary filled only with the words needed,
    and n = every claim in the workspace, so idf() equals Vocabulary.of(all).
    """

    def __init__(self, ws: Workspace, aliases: AliasTable | None = None) -> None:
        self._ws = ws
        self.aliases = aliases  # the table scopes are read with, as analyse_claims reads them
        self.voc = _FixedVocabulary(ws.count_claims())
        self._postings: dict[str, dict[str, int]] = {}
        self._statements: dict[tuple[str, str], int] = {}  # (kind, key) -> distinct statements holding it
        self._keys: dict[str, frozenset[str]] = {}  # claim id -> its block keys, computed once
        self._terms: dict[str, str] = {}  # claim id -> its statement_term, computed once

    def keys(self, claim: Claim) -> frozenset[str]:
        found = self._keys.get(claim.id)
        if found is None:
            found = self._keys[claim.id] = frozenset(block_keys(claim))
        return found

    def need(self, claims: Iterable[Claim]) -> None:
        keys = {key for c in claims for key in self.keys(c)} - self._postings.keys()
        if not keys:
            return
        counts = self._ws.term_counts(keys)
        for key in keys:
            self._postings[key] = counts.get(key, {})
            self.voc.set_df(key, sum(self._postings[key].values()))

    def usable(self, kind: str, key: str) -> bool:
        """Would align() block on this key? Not if more than MAX_POSTINGS distinct statements of the kind
        hold it (issue #11: reprints of one statement count once). Statements are counted only for a
        key held by more claims than that."""
        if self._postings.get(key, {}).get(kind, 0) <= MAX_POSTINGS:
            return True
        found = self._statements.get((kind, key))
        if found is None:
            found = self._statements[(kind, key)] = self._ws.statement_counts(kind, [key], MAX_POSTINGS)[key]
        return found <= MAX_POSTINGS

    def statement(self, claim: Claim) -> str:
        """The claim's statement_term, computed once."""
        found = self._terms.get(claim.id)
        if found is None:
            found = self._terms[claim.id] = statement_term(claim)
        return found

    def usable_keys(self, claim: Claim) -> list[str]:
        return [key for key in block_keys(claim) if self.usable(claim.kind, key)]

    def score(self, a: Claim, b: Claim) -> float | None:
        """pair_score as align() sees it: 0.0 for a pair it never scores (no usable shared key)."""
        score = pair_score(a, b, self.voc, self.aliases)
        if score is None:
            return None
        return score if any(self.usable(a.kind, key) for key in self.keys(a) & self.keys(b)) else 0.0


@dataclass
class _Touched:
    """An existing group being changed: its stored record, all claims filed in it, the new ones."""

    group: Group
    filed: list[Claim]  # members and folded repeats, as align() clustered them
    joined: list[Claim] = field(default_factory=list)
    _terms: dict[str, str] = field(default_factory=dict)  # member id -> its statement_term

    def distinct(self, claim: Claim) -> list[Claim]:
        """One member per statement and per "same source as `claim` or not": all compatible() can tell
        apart (issue #11: a group of a thousand reprints is checked against its few statements)."""
        seen: dict[tuple[str, bool], Claim] = {}
        for member in [*self.filed, *self.joined]:
            term = self._terms.get(member.id)
            if term is None:
                term = self._terms[member.id] = statement_term(member)
            seen.setdefault((term, member.source_id == claim.source_id), member)
        return list(seen.values())


def realign(ws: Workspace, aliases: AliasTable, *, pipeline: str | None = None) -> Realigned:
    """Attach the workspace's unaligned claims and refresh stale groups; save only the changes
    (with nothing to change, it still notes the analysis as current).

    Raises workspace.store.AnalysisChanged if another process changed the
    analysis meanwhile (the caller retries).
    """
    generation = ws.analysis_generation()
    now, before = incidents.current(ws), incidents.remembered(ws)
    if not incidents.one_incident(before, now):  # issue #8: each changed incident analysed anew
        count = ws.count_unaligned()
        made, replaced, joined = incidents.reanalyse(ws, aliases, now, incidents.affected(ws, before, now),
                                                     pipeline=pipeline, generation=generation)  # fmt: skip
        return Realigned(new_claims=count, joined=joined, new_groups=made, touched_groups=replaced)
    new = ws.unaligned_claims()
    stale = ws.stale_group_ids()
    stats = WorkspaceVocabulary(ws, aliases)
    stats.need(new)
    loaded = _load(ws, stale)
    pending = _join(ws, new, stats, loaded)
    fresh_groups, fresh_relations = _new_groups(pending, stats, aliases, ws.group_counter())
    touched = [gid for gid, item in loaded.items() if item.joined or gid in set(stale)]
    stored = ws.group_relations(touched)
    changed: list[Group] = []
    relations: list[Relation] = []
    replaced: list[str] = []  # groups whose relations were all computed anew, per statement
    for group_id in sorted(touched, key=_number):
        group, added, anew = _rewrite(loaded[group_id], stored.get(group_id, []), stats, aliases)
        changed.append(group)
        relations.extend(added)
        if anew:
            replaced.append(group_id)
    ws.save_alignment_changes(changed + fresh_groups, relations + fresh_relations, pipeline=pipeline,
                              expect_generation=generation, replaced=replaced, meta=incidents.noted(now))  # fmt: skip
    return Realigned(
        new_claims=len(new),
        joined=len(new) - len(pending),
        new_groups=len(fresh_groups),
        touched_groups=len(changed),
    )


def _number(group_id: str) -> tuple[int, str]:
    digits = group_id[1:]
    return (int(digits) if digits.isdigit() else 0, group_id)


def _load(ws: Workspace, group_ids: Iterable[str]) -> dict[str, _Touched]:
    wanted = list(group_ids)
    groups = ws.groups_by_id(wanted)
    filed = ws.group_claims(wanted)
    return {gid: _Touched(groups[gid], filed.get(gid, [])) for gid in wanted if gid in groups}


def _join(ws: Workspace, new: list[Claim], stats: WorkspaceVocabulary, loaded: dict[str, _Touched]) -> list[Claim]:
    """Put each new claim into the existing group align() would merge it with; return the rest.

    A reprint of a stored statement joins that statement's group (_statement_group). Otherwise: a
    member sharing no usable key with the claim scores 0 in align()'s average, so the average over
    a group needs only the candidates' scores and the group's size: a group's members are read only
    to check that the claim is compatible() with all of them, best group first. `loaded`
    caches the groups read; a group a claim joins gets it in `joined`.
    """
    joined_index: dict[tuple[str, str], dict[str, tuple[str, Claim, int]]] = defaultdict(dict)
    parsed: dict[str, Claim] = {}  # stored claims read so far: a source's claims of one year meet the same ones
    pending: list[Claim] = []
    for claim in new:
        best = _statement_group(ws, claim, loaded, stats.aliases)
        # a reprint is filed under all its words: a later claim looks up only those it may block on,
        # which are the same words of the same kind (their statements are not counted for nothing)
        keys = list(stats.keys(claim)) if best is not None else stats.usable_keys(claim)
        if best is None:
            joined = {cid: hit for key in keys for cid, hit in joined_index.get((claim.kind, key), {}).items()}
            candidates, blocked = _candidates(ws, claim, keys, stats, loaded, parsed,
                                              {gid for gid, _, _ in joined.values()})  # fmt: skip
            candidates.update(joined)
            stats.need(other for _, other, _ in candidates.values())
            totals, edges = _group_scores(claim, candidates, stats, blocked)
            best = _best_group(ws, claim, {gid: totals[gid] for gid in edges - blocked}, loaded, stats.aliases)
        if best is None:
            pending.append(claim)
            continue
        loaded[best].joined.append(claim)
        for key in keys:
            joined_index[(claim.kind, key)][claim.id] = (best, claim, 1)
    return pending


def _statement_group(ws: Workspace, claim: Claim, loaded: dict[str, _Touched],
                     aliases: AliasTable | None = None) -> str | None:  # fmt: skip
    """The group of the stored copies of the claim's statement, if it is compatible() with the group's
    statements; the group holding most copies first (issue #11).

    align() clusters a statement's copies as one unit, whichever source prints them: the new copy
    belongs where the others are, with nothing to score. Copies joined in this run are found too.
    """
    term = statement_term(claim)
    found = {gid: len(hits) for gid, hits in ws.candidates(claim.kind, [term]).items()}
    for gid, item in loaded.items():
        copies = sum(1 for c in item.joined if c.kind == claim.kind and statement_term(c) == term)
        if copies:
            found[gid] = found.get(gid, 0) + copies
    for gid in sorted(found, key=lambda g: (-found[g], _number(g))):
        if gid not in loaded:
            loaded.update(_load(ws, [gid]))
        if gid in loaded and all(compatible(claim, member, aliases) for member in loaded[gid].distinct(claim)):
            return gid
    return None


def _group_scores(claim: Claim, candidates: dict[str, tuple[str, Claim, int]], stats: WorkspaceVocabulary,
                  blocked: set[str]) -> tuple[dict[str, float], set[str]]:  # fmt: skip
    """Each group's summed scores with the claim, and the groups where one reaches align_threshold().

    A group holding a member the claim is not compatible() with goes into
    `blocked` and is never joined: the rest of its candidates are not scored
    (issue #11), the others are summed in the candidates' order as before.
    A candidate standing for n stored copies of its statement counts n times.
    """
    totals: dict[str, float] = defaultdict(float)
    edges: set[str] = set()
    for gid, other, copies in candidates.values():
        if gid in blocked:
            continue
        score = stats.score(claim, other)
        if score is None:
            blocked.add(gid)  # holds a member the claim is not compatible() with
            continue
        totals[gid] += score if copies == 1 else score * copies
        if score >= align_threshold():
            edges.add(gid)
    return totals, edges


def _candidates(ws: Workspace, claim: Claim, keys: list[str], stats: WorkspaceVocabulary,
                loaded: dict[str, _Touched], parsed: dict[str, Claim],
                keep: set[str]) -> tuple[dict[str, tuple[str, Claim, int]], set[str]]:  # fmt: skip
    """Stored claims sharing a usable key, in groups the claim could join, one per statement and group
    with the number of its copies there (issue #11); and the groups it cannot join.

    Ruled out from the index alone, without parsing or scoring their claims:
    a group holding a claim whose time cannot meet this one's (compatible()
    is False: align() never merges across it); one where only k of n members
    share a key, which averages at most k * MAX_PAIR_SCORE / n; and, for a
    date, one where no candidate can score align_threshold() (no edge to merge
    along), bounded from its date and the words it shares. Groups in
    `keep` (holding a claim joined in this run) are read whatever their bound.
    """
    dated = claim.kind == "event_date"
    by_group = ws.candidates(claim.kind, keys, features(claim) if dated else ())  # words: for the date bound
    blocked: set[str] = set()
    if not dated:  # compatible() blocks on time for every other kind
        blocked = {gid for gid, found in by_group.items() if any(_never_meet(claim, c.time) for c in found)}
    stored = ws.group_sizes(gid for gid in by_group if gid not in loaded and gid not in blocked)
    hopeful: dict[str, dict[str, list]] = {}  # group -> statement -> [a claim stating it, its copies]
    bounds: dict[tuple[TimeSpan, frozenset[str]], float] = {}
    for gid, found in by_group.items():
        if gid in blocked:
            continue
        size = len(loaded[gid].filed) + len(loaded[gid].joined) if gid in loaded else stored.get(gid, 0)
        if gid not in keep:
            if len(found) * MAX_PAIR_SCORE < JOIN_SHARE * align_threshold() * size:
                continue
            if dated and not any(_may_reach(claim, c, stats, bounds) for c in found):
                continue
        statements: dict[str, list] = {}
        for c in found:
            statements.setdefault(c.statement or c.claim_id, [c.claim_id, 0])[1] += 1
        hopeful[gid] = statements
    wanted = {cid for reps in hopeful.values() for cid, _ in reps.values()} - parsed.keys()
    parsed.update(ws.claims_by_id(wanted, texts=False))  # only scored: their quotes are not needed
    return {
        cid: (gid, parsed[cid], copies)
        for gid, reps in hopeful.items()
        for cid, copies in reps.values()
        if cid in parsed
    }, blocked


def _never_meet(claim: Claim, time: TimeSpan | None) -> bool:
    """No time slack compatible() allows lets the two meet: counts may be a year apart when one's
    day was carried over from another sentence (analysis.align.told_here), which the index does not
    keep, so they are ruled out only a year apart."""
    slack = COUNT_TIME_SLACK if claim.kind in NUMERIC_KINDS else 0
    return times_meet(claim.when, time, at_least=slack) is False  # type: ignore[arg-type]  # reads start, end, precision


def _may_reach(claim: Claim, found: Candidate, stats: WorkspaceVocabulary,
               bounds: dict[tuple[TimeSpan, frozenset[str]], float]) -> bool:  # fmt: skip
    """Could this stored date claim score align_threshold() with `claim`? (bounds caches date_bound)"""
    if found.time is None:
        return True
    key = (found.time, found.words)
    if key not in bounds:
        bounds[key] = date_bound(claim, found.time, found.words, stats)
    return bounds[key] >= align_threshold()


def date_bound(claim: Claim, time: TimeSpan, shared: frozenset[str], stats: WorkspaceVocabulary) -> float:
    """The most pair_score can give `claim` and a stored date claim of date `time` sharing the words `shared`.

    That is the score of a stand-in with the same date, only those context
    words (a word of its own only dilutes the overlap) and the claim's own
    `about` (the highest similarity there is), computed with pair_score
    itself rather than with its weights.
    """
    date = DateSpan(start=time.start, end=time.end, precision=time.precision)
    words = sorted(shared)
    # Its id names the claim and its words: Vocabulary caches a claim's word and event weights by id,
    # and the stand-in carries the claim's own event.
    stand_in = claim.model_copy(update={"id": f"~{claim.id}~" + "|".join(words), "source_id": "~", "value": date, "when": date,
                                        "terms": words, "entities": []})  # fmt: skip
    stats.need([stand_in])
    return pair_score(claim, stand_in, stats.voc, stats.aliases) or 0.0


def _best_group(ws: Workspace, claim: Claim, totals: dict[str, float], loaded: dict[str, _Touched],
                aliases: AliasTable | None = None) -> str | None:  # fmt: skip
    """The group with the highest average score that the claim is compatible() with throughout."""
    stored = ws.group_sizes(gid for gid in totals if gid not in loaded)
    sizes = {gid: len(loaded[gid].filed) + len(loaded[gid].joined) if gid in loaded else stored.get(gid, 0)
             for gid in totals}  # fmt: skip
    ranked = sorted((-total / sizes[gid], _number(gid), gid) for gid, total in totals.items() if sizes[gid])
    for negative, _, gid in ranked:
        if -negative < JOIN_SHARE * align_threshold():
            return None
        if gid not in loaded:
            loaded.update(_load(ws, [gid]))
        if gid not in loaded:
            continue  # removed by another process since the index was read
        if all(compatible(claim, member, aliases) for member in loaded[gid].distinct(claim)):
            return gid
    return None


def _new_groups(pending: list[Claim], stats: WorkspaceVocabulary, aliases: AliasTable,
                counter: int) -> tuple[list[Group], list[Relation]]:  # fmt: skip
    """Cluster the claims that joined nothing, as analyse_claims would, numbering after `counter`."""
    if not pending:
        return [], []
    stats.need(pending)
    groups, relations = relate(align(pending, stats.voc, aliases=aliases), stats.voc, aliases)
    return [g.model_copy(update={"id": f"g{counter + n}"}) for n, g in enumerate(groups, 1)], relations


def _relation(a: Claim, b: Claim, stats: WorkspaceVocabulary, aliases: AliasTable, sole: str | None,
              figures: tuple[int, ...] = (), wholes: Mapping[str, int] | None = None) -> Relation:  # fmt: skip
    """One cross-source pair, labelled as analysis.relate.relate labels it: with alignment's score,
    which align() always computes for two claims of one statement (its copies are one unit, however
    common their words), and otherwise only where they share a word it blocks on."""
    same = stats.statement(a) == stats.statement(b)
    score = pair_score(a, b, stats.voc, aliases) if same else stats.score(a, b)
    return relation_of(a, b, score or 0.0, aliases, stats.voc, sole, figures, wholes)


def _rewrite(item: _Touched, stored: list[Relation], stats: WorkspaceVocabulary,
             aliases: AliasTable) -> tuple[Group, list[Relation], bool]:  # fmt: skip
    """The group with its new members folded in, the relations to add, and whether they replace
    the group's stored ones.

    Pairs of old members keep their stored relations: compare() looks at two
    claims only (and at the words' weights, which a new source shifts a little:
    a full analysis may then differ on a verdict near its bar). Status, summary and topic are
    recomputed over all of them, as analysis.relate.relate computes them. A
    group where some statement is made by several of its members gets one
    relation per pair of distinct statements, as relate() gives it (issue #11):
    those replace the stored ones.
    """
    group = item.group
    listed = set(group.claim_ids)
    kept = [c for c in item.filed if c.id in listed]
    members, repeats = fold_repeats(kept + item.joined, aliases) if item.joined else (kept, {})
    new_ids = {c.id for c in item.joined}
    stats.need(members)  # the weights of every member's words, for the comparisons as for the topic
    sole = sole_state(members, aliases)
    figures, wholes = toll_figures(members), own_wholes(members)
    positions = statement_keys(members) if item.joined else []
    # a new member naming another state changes whose forces unnamed ones are: compare all again
    anew = len(set(positions)) < len(positions) or (bool(item.joined) and sole != sole_state(kept, aliases))
    if anew:
        added = _per_statement(members, positions, stats, aliases, sole, figures, wholes)
        every = added
    else:
        added = [
            _relation(a, b, stats, aliases, sole, figures, wholes)
            for j, b in enumerate(members)
            if b.id in new_ids
            for a in members[:j]
            if a.source_id != b.source_id
        ]
        if item.joined and figures != toll_figures(kept):
            # a new figure others add up with (analysis.relate.parts_of_one_toll) can only turn a
            # stored contradiction of two counts into parts of one toll: those alone are compared again
            # (an account's own larger toll, own_wholes, comes with the account: never later)
            refreshed = _refigured(stored, members, stats, aliases, sole, figures, wholes)
            if refreshed != stored:  # replace the stored ones only when a verdict changed
                stored, added, anew = refreshed, refreshed + added, True
        every = added if anew else stored + added
    if len({c.source_id for c in members}) < 2:
        status = "single"
    elif any(r.relation == "contradict" for r in every):
        status = "contested"
    else:
        status = "agree"
    numeric = group.kind in NUMERIC_KINDS and members
    updated = group.model_copy(
        update={
            "claim_ids": [c.id for c in members],
            "repeats": group.repeats | repeats,
            "status": status,
            "topic": topic_of(members, stats.voc) if members else group.topic,
            "summary": group_summary(members, every, aliases) if numeric else None,
        }
    )
    return updated, added, anew


def _refigured(stored: list[Relation], members: list[Claim], stats: WorkspaceVocabulary, aliases: AliasTable,
               sole: str | None, figures: tuple[int, ...],
               wholes: Mapping[str, int] | None = None) -> list[Relation]:  # fmt: skip
    """The stored relations, their contradictions compared again with the fact's figures now: only
    those the figures now show to be parts of one toll (what the new figures can change; checking
    that costs a pass over the figures, a comparison costs far more: issue #11)."""
    by_id = {c.id: c for c in members}
    out = []
    for rel in stored:
        a, b = by_id.get(rel.claim_a), by_id.get(rel.claim_b)
        if rel.relation == "contradict" and a is not None and b is not None and parts_of_one_toll(a, b, figures):
            fresh = _relation(a, b, stats, aliases, sole, figures, wholes)
            rel = (
                fresh.model_copy(update={"also_a": rel.also_a, "also_b": rel.also_b})
                if rel.also_a or rel.also_b
                else fresh
            )
        out.append(rel)
    return out


def _per_statement(members: list[Claim], positions: list[int], stats: WorkspaceVocabulary,
                   aliases: AliasTable, sole: str | None, figures: tuple[int, ...] = (),
                   wholes: Mapping[str, int] | None = None) -> list[Relation]:  # fmt: skip
    """A group's relations as analysis.relate gives them when statements repeat: each two distinct
    statements (positions) one relation, on their first pair of claims from two sources, naming the
    other claims of each side.

    Every verdict is computed again, with the workspace's vocabulary now: whether two counts speak
    of the same people reads the words' weights (analysis.relate._same_people), which the new
    reprints changed, and a full analysis reads them as they are now. That costs one comparison
    per pair of distinct statements, what relate() pays for the group."""
    by_position: dict[int, list[Claim]] = {}
    for claim, position in zip(members, positions, strict=True):
        by_position.setdefault(position, []).append(claim)
    return [
        _relation(a, b, stats, aliases, sole, figures, wholes).model_copy(update={"also_a": also_a, "also_b": also_b})
        for a, b, also_a, also_b in position_pairs(list(by_position.values()))
    ]
