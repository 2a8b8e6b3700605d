"""A person's review laid over the machine's analysis (issue #9). Pure: no store, no files.

Machine verdicts first, human review on top. Each decision names its claim by
what is stable across re-analysis, an `Anchor`: the source's content hash and
the claim's character span (and kind), never a row id or a group number. On
every analysis the decisions are applied again, in the order they were made,
to whatever claims the machine found this time:

- an anchor finds the claim at the same span, or the one that overlaps it most
  (a new extractor may cut a quote a little differently), never a claim of
  another kind or another text;
- when the text is gone (the source was removed or changed) or no claim is
  there any more, the decision is *orphaned*: kept, reported, applied to nothing.

`apply_review` returns the reviewed claims, groups and relations, each a person
touched carrying a `reviewed` block, and a ReviewState listing every decision
with its status. Relations of regrouped or corrected claims are compared again
(analysis.relate); a relation a person set is never recomputed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from analysis.align import Vocabulary
from analysis.models import DecisionState, Group, Relation, ReviewState
from analysis.relate import group_status, group_summary, topic_of
from analysis.review_relations import Fact, fact_relations, group_relations
from claims.actors import AliasTable
from claims.models import NUMERIC_KINDS, Claim, DateSpan, Reviewed, Value
from sources.models import Source

Action = Literal["confirm", "reject", "correct", "add", "rename", "move", "merge", "relate"]
ACTIONS: tuple[str, ...] = ("confirm", "reject", "correct", "add", "rename", "move", "merge", "relate")
REVIEW_RELATIONS: tuple[str, ...] = ("agree", "contradict", "different_scope", "update", "unclear")
CORRECTABLE: tuple[str, ...] = ("value", "kind", "scope", "speaker", "when")
MIN_OVERLAP = 0.5  # share of the two spans' union a re-cut quote must still cover
_VALUE = TypeAdapter(Value)
GONE = "its source was removed or its text changed"
NOT_FOUND = "the analysis no longer finds a claim at this place in the text"


class Anchor(BaseModel):
    """Where a claim stands in a text: stable across re-analysis, pipeline versions and alias changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sha256: str
    start: int
    end: int
    kind: str  # the machine's kind: a person's correction of it does not move the anchor
    quote: str = ""
    source: str = Field(default="", description="the source's name when the decision was made, for messages")

    def label(self) -> str:
        quote = " ".join(self.quote.split())
        quote = quote if len(quote) <= 60 else quote[:57] + "…"
        return f'{self.source}: "{quote}"'


class Decision(BaseModel):
    """One review decision as stored (workspace.review writes it, `from_row` reads it back)."""

    model_config = ConfigDict(extra="forbid")

    id: int
    action: Action
    claim: Anchor  # the claim acted on; for a fact (rename, merge) one of its claims; for add, the span
    other: Anchor | None = None  # move: a claim of the target fact (None: a new fact); merge: the fact merged in;
    # relate: the second claim
    values: dict[str, Any] = Field(default_factory=dict)
    note: str = ""
    reviewer: str | None = None
    at: datetime | None = None
    undone: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Decision:
        data = row.get("data") or {}
        at = row.get("created_at")
        return cls(
            id=int(row["id"]),
            action=row["decision"],
            claim=Anchor.model_validate(data["claim"]),
            other=Anchor.model_validate(data["other"]) if data.get("other") else None,
            values=data.get("values") or {},
            note=row.get("note") or "",
            reviewer=row.get("reviewer"),
            at=datetime.fromisoformat(at) if at else None,
            undone=row.get("undone_at") is not None,
        )


def anchor_of(claim: Claim, source: Source) -> Anchor:
    """The anchor of a claim as shown now (a corrected kind anchors on the machine's kind)."""
    was = claim.reviewed.was if claim.reviewed else {}
    return Anchor(sha256=source.sha256, start=claim.start, end=claim.end, kind=str(was.get("kind", claim.kind)),
                  quote=claim.quote, source=source.name)  # fmt: skip


@dataclass
class _Mark:
    actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    decisions: list[int] = field(default_factory=list)
    reviewer: str | None = None
    at: datetime | None = None
    was: dict[str, Any] = field(default_factory=dict)

    def add(self, decision: Decision, action: str, was: dict[str, Any] | None = None) -> None:
        self.actions.append(action)
        if decision.note and decision.note not in self.notes:
            self.notes.append(decision.note)
        self.decisions.append(decision.id)
        self.reviewer = decision.reviewer or self.reviewer
        self.at = decision.at or self.at
        for key, value in (was or {}).items():
            self.was.setdefault(key, value)  # the machine's value, not an earlier correction's

    def block(self) -> Reviewed:
        return Reviewed(actions=self.actions, note="; ".join(self.notes), reviewer=self.reviewer, at=self.at,
                        decisions=self.decisions, was=self.was)  # fmt: skip


class _NotApplicable(Exception):
    """The decision's claims are there, but it cannot apply (e.g. merging facts of two kinds)."""


class _Orphaned(Exception):
    pass


class _State:
    """The analysis being reviewed, mutable while the decisions apply."""

    def __init__(self, sources: list[Source], claims: list[Claim], groups: list[Group], relations: list[Relation],
                 every_claim: list[Claim]) -> None:  # fmt: skip
        self.sources = {s.sha256: s for s in sources}
        self.source_ids = {s.id: n for n, s in enumerate(sources)}
        self.claims: dict[str, Claim] = {c.id: c for c in claims}
        self.order = [c.id for c in claims]
        self.machine_kind = {c.id: c.kind for c in claims}
        self.twins = {twin: kept for g in groups for twin, kept in g.repeats.items()}
        self.spans: dict[str, list[Claim]] = {}
        for c in every_claim or claims:  # folded repeats too: a re-analysis may keep the other twin
            self.spans.setdefault(c.source_id, []).append(c)
        self.groups: dict[str, Group] = {g.id: g for g in groups}
        self.members: dict[str, list[str]] = {g.id: [c for c in g.claim_ids if c in self.claims] for g in groups}
        self.group_of = {cid: gid for gid, ids in self.members.items() for cid in ids}
        self.origin = dict(self.group_of)  # each claim's fact before the review: its relations were made there
        self.relations = relations
        self.dirty_groups: set[str] = set()
        self.dirty_claims: set[str] = set()
        self.rejected: list[Claim] = []
        self.overrides: dict[frozenset[str], Decision] = {}
        self.marks: dict[tuple[str, str], _Mark] = {}

    # -- finding claims by anchor ------------------------------------------

    def source_of(self, anchor: Anchor) -> Source:
        source = self.sources.get(anchor.sha256)
        if source is None:
            raise _Orphaned(GONE)
        return source

    def find(self, anchor: Anchor) -> str:
        """The current id of the claim at `anchor`; _Orphaned when there is none."""
        source = self.source_of(anchor)
        best, best_share, tie = None, 0.0, False
        for c in self.spans.get(source.id, []):
            if self.machine_kind.get(c.id, c.kind) != anchor.kind:
                continue
            if (c.start, c.end) == (anchor.start, anchor.end):
                best, best_share, tie = c, 2.0, False
                break
            inter = min(c.end, anchor.end) - max(c.start, anchor.start)
            union = max(c.end, anchor.end) - min(c.start, anchor.start)
            share = inter / union if union > 0 and inter > 0 else 0.0
            if share > best_share:
                best, best_share, tie = c, share, False
            elif share == best_share and share > 0:
                tie = True
        if best is None or best_share < MIN_OVERLAP or tie:
            raise _Orphaned(NOT_FOUND if not tie else "two claims overlap this place equally: not applied")
        cid = self.twins.get(best.id, best.id)
        if cid not in self.claims:
            raise _NotApplicable("the claim was rejected by an earlier decision")
        return cid

    # -- changes -------------------------------------------------------------

    def mark(self, what: str, key: str, decision: Decision, action: str, was: dict[str, Any] | None = None) -> None:
        self.marks.setdefault((what, key), _Mark()).add(decision, action, was)

    def leave(self, cid: str) -> str | None:
        gid = self.group_of.pop(cid, None)
        if gid is not None:
            self.members[gid].remove(cid)
            self.dirty_groups.add(gid)
        return gid

    def join(self, cid: str, gid: str) -> None:
        self.leave(cid)
        self.members[gid].append(cid)
        self.group_of[cid] = gid
        self.dirty_groups.add(gid)
        self.dirty_claims.add(cid)

    def new_group(self, gid: str, kind: str, topic: str = "") -> str:
        self.groups[gid] = Group(id=gid, kind=kind, topic=topic, claim_ids=[], status="single")  # type: ignore[arg-type]
        self.members[gid] = []
        return gid

    def add_claim(self, claim: Claim) -> None:
        self.claims[claim.id] = claim
        self.machine_kind[claim.id] = claim.kind
        self.spans.setdefault(claim.source_id, []).append(claim)
        rank = self.source_ids.get(claim.source_id, len(self.source_ids))
        at = len(self.order)
        for n, cid in enumerate(self.order):
            other = self.claims[cid]
            if (self.source_ids.get(other.source_id, len(self.source_ids)), other.start) > (rank, claim.start):
                at = n
                break
        self.order.insert(at, claim.id)


# -- the actions ----------------------------------------------------------------


def _confirm(state: _State, d: Decision) -> list[str]:
    cid = state.find(d.claim)
    state.mark("claim", cid, d, "confirmed")
    return [cid]


def _reject(state: _State, d: Decision) -> list[str]:
    cid = state.find(d.claim)
    state.mark("claim", cid, d, "rejected")
    gid = state.leave(cid)
    if gid is not None:
        state.mark("group", gid, d, "claim rejected")
    state.rejected.append(state.claims.pop(cid))
    state.order.remove(cid)
    return [cid]


def _corrected(claim: Claim, values: dict[str, Any]) -> tuple[Claim, dict[str, Any], list[str]]:
    update: dict[str, Any] = {}
    was: dict[str, Any] = {}
    for key in CORRECTABLE:
        if key not in values:
            continue
        new = values[key]
        if key == "value":
            new = _VALUE.validate_python(new)
        elif key == "when":
            new = DateSpan.model_validate(new) if new else None
        old = getattr(claim, key)
        was[key] = old.model_dump(mode="json") if isinstance(old, BaseModel) else old
        update[key] = new
    return claim.model_copy(update=update), was, [f"corrected {'date' if k == 'when' else k}" for k in update]


def _correct(state: _State, d: Decision) -> list[str]:
    cid = state.find(d.claim)
    claim, was, actions = _corrected(state.claims[cid], d.values)
    state.claims[cid] = claim
    state.dirty_claims.add(cid)
    if cid in state.group_of:
        state.dirty_groups.add(state.group_of[cid])
    for action in actions:
        state.mark("claim", cid, d, action, was)
    if "kind" in was and was["kind"] != claim.kind:  # a fact holds one kind: the claim starts its own
        state.join(cid, state.new_group(f"gr{d.id}", claim.kind))
    return [cid]


def _add(state: _State, d: Decision) -> list[str]:
    source = state.source_of(d.claim)
    try:  # the extractor found it meanwhile (a new version): correct that claim, never add a twin
        cid = state.find(d.claim)
    except _Orphaned:
        cid = None
    data = dict(d.values.get("claim") or {})
    if cid is not None:
        fields = {key: data[key] for key in ("value", "scope", "speaker") if key in data}
        claim, was, _actions = _corrected(state.claims[cid], fields)
        state.claims[cid] = claim
        state.dirty_claims.add(cid)
        if cid in state.group_of:
            state.dirty_groups.add(state.group_of[cid])
        state.mark("claim", cid, d, "added by a person (the extractor found it too)", was)
        return [cid]
    claim = Claim.model_validate(data | {"id": f"{source.id}r{d.id}", "source_id": source.id})
    state.add_claim(claim)
    state.mark("claim", claim.id, d, "added by a person")
    target = _target_group(state, d, claim.kind)
    state.join(claim.id, target)
    state.mark("group", target, d, "claim added")
    return [claim.id]


def _target_group(state: _State, d: Decision, kind: str) -> str:
    """The fact of `d.other`'s claim, or a new fact when there is no other."""
    if d.other is None:
        return state.new_group(f"gr{d.id}", kind)
    other = state.find(d.other)
    gid = state.group_of.get(other)
    if gid is None:
        raise _NotApplicable("the target claim is in no fact")
    if state.groups[gid].kind != kind:
        raise _NotApplicable(f"the target fact is about {state.groups[gid].kind}, the claim about {kind}")
    return gid


def _rename(state: _State, d: Decision) -> list[str]:
    cid = state.find(d.claim)
    gid = state.group_of.get(cid)
    if gid is None:
        raise _NotApplicable("the claim is in no fact")
    group = state.groups[gid]
    state.groups[gid] = group.model_copy(update={"topic": str(d.values.get("topic", group.topic))})
    state.mark("group", gid, d, "renamed", {"topic": group.topic})
    return [cid]


def _move(state: _State, d: Decision) -> list[str]:
    cid = state.find(d.claim)
    claim = state.claims[cid]
    target = _target_group(state, d, claim.kind)
    before = state.group_of.get(cid)
    if before == target:
        return [cid]
    was = {"fact": state.groups[before].topic} if before else {}
    state.join(cid, target)
    state.mark("claim", cid, d, "moved to another fact" if d.other else "split into a new fact", was)
    state.mark("group", target, d, "claim moved in" if d.other else "split off")
    if before:
        state.mark("group", before, d, "claim moved out")
    return [cid]


def _merge(state: _State, d: Decision) -> list[str]:
    keep_claim, gone_claim = state.find(d.claim), state.find(d.other) if d.other else None
    keep, gone = state.group_of.get(keep_claim), state.group_of.get(gone_claim or "")
    if keep is None or gone is None:
        raise _NotApplicable("one of the claims is in no fact")
    if keep == gone:
        return [keep_claim]
    if state.groups[keep].kind != state.groups[gone].kind:
        raise _NotApplicable("the two facts are of different kinds")
    for cid in list(state.members[gone]):
        state.join(cid, keep)
    state.mark("group", keep, d, "merged", {"merged": state.groups[gone].topic})
    return [keep_claim, gone_claim or ""]


def _relate(state: _State, d: Decision) -> list[str]:
    if d.other is None:
        raise _NotApplicable("a relation needs two claims")
    a, b = state.find(d.claim), state.find(d.other)
    state.overrides[frozenset((a, b))] = d
    return [a, b]


_APPLY = {"confirm": _confirm, "reject": _reject, "correct": _correct, "add": _add, "rename": _rename,
          "move": _move, "merge": _merge, "relate": _relate}  # fmt: skip


# -- putting it together --------------------------------------------------------


@dataclass(frozen=True)
class ReviewedAnalysis:
    """What apply_review gives: the reviewed analysis and the state of every decision."""

    claims: list[Claim]
    groups: list[Group]
    relations: list[Relation]
    state: ReviewState


def _relations(state: _State, aliases: AliasTable, source_of: dict[str, str]) -> list[Relation]:
    """Keep the machine's relations of the facts no decision reached; the others' relations again, per
    position (analysis.review_relations, issue #11: a fact of thousands of reprints is not expanded to
    millions of pairs): the machine's verdicts on unchanged pairs, pairs with a changed claim compared again."""
    touched = set(state.dirty_groups) | {g for pair in state.overrides for c in pair if (g := state.group_of.get(c))}
    out: list[Relation] = []
    for rel in state.relations:
        if state.origin.get(rel.claim_a) in touched:
            continue
        gid = state.group_of.get(rel.claim_a)
        if gid is None or gid != state.group_of.get(rel.claim_b) or gid in state.dirty_groups:
            continue
        out.append(rel)
    by_origin = group_relations([r for r in state.relations if state.origin.get(r.claim_a) in touched], state.origin)
    isolated = {cid for pair in state.overrides for cid in pair}
    for gid in [g for g in state.groups if g in touched]:
        members = state.members[gid]
        fact = Fact(members, state.dirty_claims & set(members), isolated & set(members), by_origin.get(gid, []))
        out.extend(fact_relations(fact, state.claims, source_of, aliases))
    return out


def _override(state: _State, relations: list[Relation], states: dict[int, DecisionState]) -> list[Relation]:
    index = {frozenset((r.claim_a, r.claim_b)): n for n, r in enumerate(relations)}
    for pair, d in state.overrides.items():
        n = index.get(pair)
        if n is None:
            states[d.id] = states[d.id].model_copy(update={
                "status": "not applicable", "detail": "the two claims are not in one fact (move one first)"})  # fmt: skip
            continue
        old = relations[n]
        reason = str(d.values.get("reason") or d.note or "set by a person")
        relations[n] = old.model_copy(update={"relation": d.values["relation"], "reason": reason})
        state.mark("relation", "|".join(sorted(pair)), d, f"set to {d.values['relation']}",
                   {"relation": old.relation, "reason": old.reason})  # fmt: skip
        state.dirty_groups.add(state.group_of[old.claim_a])
        state.mark("group", state.group_of[old.claim_a], d, "relation set")
    return relations


def _finish_groups(state: _State, relations: list[Relation], aliases: AliasTable) -> list[Group]:
    by_group: dict[str, list[Relation]] = {}
    for rel in relations:
        by_group.setdefault(state.group_of[rel.claim_a], []).append(rel)
    out = []
    for gid, group in state.groups.items():
        ids = state.members[gid]
        if not ids:
            continue
        if gid in state.dirty_groups:
            members = [state.claims[c] for c in ids]
            rels = by_group.get(gid, [])
            topic = group.topic or topic_of(members, Vocabulary.of(members))
            group = group.model_copy(update={
                "claim_ids": list(ids), "status": group_status(members, rels), "topic": topic,
                "summary": group_summary(members, rels, aliases) if group.kind in NUMERIC_KINDS else None})  # fmt: skip
        mark = state.marks.get(("group", gid))
        out.append(group.model_copy(update={"reviewed": mark.block()}) if mark else group)
    return out


def apply_review(sources: list[Source], claims: list[Claim], groups: list[Group], relations: list[Relation],
                 decisions: list[Decision], aliases: AliasTable | None = None,
                 every_claim: list[Claim] | None = None) -> ReviewedAnalysis:  # fmt: skip
    """The machine's analysis with the decisions applied in order; `claims` with repeats folded,
    `every_claim` the unfolded list (an anchor may name a restatement a re-analysis folded)."""
    active = sorted((d for d in decisions if not d.undone), key=lambda d: d.id)
    if not active:
        return ReviewedAnalysis(claims, groups, relations, ReviewState())
    aliases = aliases or AliasTable()
    state = _State(sources, claims, groups, relations, every_claim or claims)
    states: dict[int, DecisionState] = {}
    for d in active:
        status, detail, ids = "applied", "", []
        try:
            ids = _APPLY[d.action](state, d)
        except _Orphaned as exc:
            status, detail = "orphaned", str(exc)
        except _NotApplicable as exc:
            status, detail = "not applicable", str(exc)
        target = d.claim.label() + (f" / {d.other.label()}" if d.other else "")
        states[d.id] = DecisionState(id=d.id, action=d.action, status=status, target=target,  # type: ignore[arg-type]
                                     detail=detail, note=d.note, reviewer=d.reviewer, at=d.at,
                                     claim_ids=[i for i in ids if i])  # fmt: skip
    source_of = {c.id: c.source_id for c in every_claim or claims} | {c.id: c.source_id for c in state.claims.values()}
    new_relations = _override(state, _relations(state, aliases, source_of), states)
    relation_marks = {key: m for (what, key), m in state.marks.items() if what == "relation"}
    new_relations = [
        r.model_copy(update={"reviewed": relation_marks[k].block()})
        if (k := "|".join(sorted((r.claim_a, r.claim_b)))) in relation_marks
        else r
        for r in new_relations
    ]
    out_groups = _finish_groups(state, new_relations, aliases)
    claim_marks = {key: m for (what, key), m in state.marks.items() if what == "claim"}
    out_claims = [
        state.claims[c].model_copy(update={"reviewed": claim_marks[c].block()}) if c in claim_marks else state.claims[c]
        for c in state.order
    ]
    rejected = [c.model_copy(update={"reviewed": claim_marks[c.id].block()}) for c in state.rejected]
    review = ReviewState(decisions=[states[d.id] for d in active], rejected=rejected)
    return ReviewedAnalysis(out_claims, out_groups, new_relations, review)
