"""Who says it: the source in its own voice, or someone it quotes (issue #2).

"according to X", "X said ...", "X accused Y", "X estimated ..." make X the
speaker; "allegedly", "reportedly" mark the claim as hedged.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from claims.rules import rules
from claims.tree import np_text

PRONOUNS = {"it", "he", "she", "they", "we", "i", "who", "which", "this", "that"}
MAX_SPEAKER_WORDS = 8


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    sp = rules()["speaker"]
    return frozenset(sp["reporting_verbs"]), frozenset(sp["hedges"])


@lru_cache(maxsize=1)
def _claim_nouns() -> frozenset[str]:
    return frozenset(rules()["speaker"]["claim_nouns"])


def _claimed_by(noun: Token) -> str | None:
    """ "Palestinian Authority allegations": who the claim noun says makes the claim, if it says."""
    words = sorted(
        (t for mod in noun.lefts if mod.dep_ in ("amod", "compound", "poss") for t in mod.subtree),
        key=lambda t: t.i,
    )
    return " ".join(t.text for t in words).replace(" 's", "'s") or None


@lru_cache(maxsize=1)
def _events() -> frozenset[str]:
    """ "The attack claimed 30 lives": an event is never who says something."""
    ini = rules()["initiator"]
    return frozenset(ini["war_nouns"]) | frozenset(ini["attack_nouns"])


def _phrase(tok: Token) -> str:
    return np_text(tok, max_words=MAX_SPEAKER_WORDS)


def _according_to(sent: Span, anchor: Token) -> str | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
        if tok.lower_ == "per" and tok.dep_ == "prep":
            # "52 dead, per the health ministry": a counter named after "per" (not "per cent", "per day")
            objs = [
                c
                for c in tok.children
                if c.dep_ == "pobj" and (c.ent_type_ in _NAMED or c.pos_ == "PROPN" or c.lemma_ in _COUNTERS)
            ]
            if objs:
                return _phrase(objs[0])
    return None


@lru_cache(maxsize=1)
def _figure_words() -> tuple[frozenset[str], frozenset[str]]:
    sp = rules()["speaker"]
    return frozenset(sp.get("figure_nouns", [])), frozenset(sp.get("figure_verbs", []))


def _figure_owner(anchor: Token) -> str | None:
    """Whose figure the count is: "the government's official toll is 338" (the owner of the figure
    noun), "the agency gave a figure of about 2,000" (who gives it). A place's or an event's toll
    ("Gaza's death toll", "the attack's toll") is no one's voice: a toll is owned only by a body
    that counts (an organisation, a ministry), any other figure by anyone but a place or an event."""
    nouns, verbs = _figure_words()
    node = anchor
    for _ in range(4):
        if node.pos_ == "NOUN" and node.lemma_.lower() in nouns:
            owners = [c for c in node.children if c.dep_ == "poss"]
            if owners:
                return _owner(owners[0], toll=node.lemma_.lower() == "toll")
            if node.dep_ == "dobj":
                return _giver(node.head, verbs)
            return None
        if node.pos_ in ("VERB", "AUX"):
            has_figure = any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in node.children)
            return _giver(node, verbs) if has_figure else None
        if node.head is node:
            return None
        node = node.head
    return None


def _owner(owner: Token, *, toll: bool) -> str | None:
    """The possessor of a figure noun as a voice: "the ministry's figure", not "its" or "Gaza's" toll."""
    if owner.pos_ == "PRON" or owner.lemma_.lower() in _events() or owner.ent_type_ in _PLACES:
        return None
    if toll and owner.ent_type_ != "ORG" and owner.lemma_.lower() not in _COUNTERS:
        return None
    return _phrase(owner).removesuffix("'s").removesuffix("’s").strip()


def _giver(verb: Token, verbs: frozenset[str]) -> str | None:
    """The subject of "gave (spread, published) a figure of N"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return None
    subj = _nearest([c for c in verb.children if c.dep_ == "nsubj"], verb)
    if subj and subj[0].lower_ not in PRONOUNS and subj[0].lemma_.lower() not in _events():
        return _phrase(subj[0])
    return None


_PLACES = {"GPE", "LOC", "FAC"}
_NAMED = {"ORG", "PERSON", "NORP", "GPE"}
_COUNTERS = {"ministry", "army", "police", "government", "official", "authority", "agency", "office", "group"}


def _nearest(subjects: list[Token], verb: Token) -> list[Token]:
    """The subject next to its verb first: a dateline ("NAIROBI (Wire) - officials said") is
    parsed as a second subject, farther away."""
    return sorted(subjects, key=lambda t: abs(verb.i - t.i))


def speaker_of(anchor: Token, sent: Span) -> tuple[str | None, bool]:
    """(speaker, hedged) for a claim anchored at `anchor` in `sent`; speaker None = the source."""
    verbs, hedges = _cues()
    hedged = any(t.lower_ in hedges for t in sent)
    found = _according_to(sent, anchor) or _figure_owner(anchor)
    if found:
        return found, hedged
    if anchor.lemma_.lower() in verbs and anchor.pos_ == "VERB":
        # the claim's own verb reports it: "Ukraine blamed Russia", "Hamas claimed responsibility"
        subj = _nearest([c for c in anchor.children if c.dep_ == "nsubj"], anchor)
        if not subj and anchor.dep_ == "conj":
            # "Iraq denied responsibility and accused Iran": the subject both verbs share
            subj = [c for c in anchor.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in PRONOUNS and subj[0].lemma_.lower() not in _events():
            return _phrase(subj[0]), hedged
    node = anchor
    for _ in range(12):
        head = node.head
        if head is node:
            break
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in _claim_nouns():
            # "no evidence to support Palestinian claims that 500 were massacred": someone's claim, reported
            return _claimed_by(head), True
        content = node.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd", "advcl") or (
            head.lemma_.lower() == "put" and node.dep_ == "prep"
        )
        if head.lemma_.lower() in verbs and head.pos_ in ("VERB", "AUX") and content:
            # active voice: the subject speaks; passive ("were confirmed dead"): only an agent does
            subj = _nearest([c for c in head.children if c.dep_ == "nsubj" and c.i != node.i], head)
            subj += [p for a in head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if not subj and head.dep_ == "xcomp":
                # "the authorities continue to insist that ...": the verb it completes has the subject
                subj = _nearest([c for c in head.head.children if c.dep_ == "nsubj"], head.head)
            if head.dep_ in ("relcl", "acl") and not subj:
                subj = [head.head]
            if subj and subj[0].lower_ not in PRONOUNS and subj[0].lemma_.lower() not in _events():
                return _phrase(subj[0]), hedged
            if subj and subj[0].lower_ in ("he", "she", "they", "we"):
                return subj[0].text, hedged
        node = head
    # a quote followed by "the report said" attaches "said" as the root
    root = sent.root
    if root.lemma_.lower() in verbs and anchor.i != root.i and root.i > anchor.i:
        # not a subject the claim stands in ("A gunman ... shot dead 85, police said"): a misparse
        subj = [c for c in root.children if c.dep_ == "nsubj" and not c.left_edge.i <= anchor.i <= c.right_edge.i]
        subj = _nearest(subj, root)
        if subj and subj[0].lower_ not in PRONOUNS:
            return _phrase(subj[0]), hedged
    return None, hedged
