"""When an initiator claim is negated, denied, a response, or not about violence (issue #8).

- "Israel was not responsible": a negation on the trigger or above it;
- "X denied attacking the convoy", "X denied that it shelled ...": a denial verb above the
  trigger, reached through its complement (not through its subject);
- "responded with a counter-attack", "retaliated", "fired back": a response is not an initiator;
- "blamed X for the economy" is blame for a policy, not for violence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from claims.rules import rules
from claims.sub_event import violent_words

QUALIFIED = frozenset({"subsequent", "later", "alleged"})
COMPLEMENT = frozenset({"ccomp", "xcomp", "pcomp", "prep", "pobj", "dobj", "acl", "advcl", "conj", "relcl"})


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """Every word list of rules.json `initiator`, as sets, read once for all the initiator readers."""
    ini = rules()["initiator"]
    return {k: frozenset(v) for k, v in ini.items() if isinstance(v, list)}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


NEVER_NOUNS = frozenset({"stage", "time", "point", "moment", "occasion"})  # "at no stage had they fired"


def has_neg(node: Token) -> bool:
    """ "did not fire", "never fired", "at no stage had the troops fired" (the phrase may hang on the
    auxiliary); not "fired with no warning"."""
    holders = [node, *(c for c in node.children if c.dep_ == "aux")]
    if any(
        c.dep_ == "neg" and not _not_until(c) and not _contrasted(node, c) and not _no_more_than(node)
        for c in node.children
    ):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in word_sets()["none_words"] for c in node.children):
        return True  # "none of the soldiers fired first"
    return any(
        c.dep_ == "prep" and g.dep_ == "pobj" and _lemma(g) in NEVER_NOUNS and any(d.lower_ == "no" for d in g.children)
        for h in holders
        for c in h.children
        for g in c.children
    )


def _no_more_than(node: Token) -> bool:
    """ "Its men did no more than answer the fire of the commandos": "no more than" says only, and
    affirms what follows "than"."""
    return node.lower_ in ("more", "less") and any(c.dep_ == "prep" and c.lower_ == "than" for c in node.children)


def _contrasted(noun: Token, neg: Token) -> bool:
    """ "It was the army, not the rebels, that fired": the "not" denies the noun set beside it, not the
    noun the act is told of."""
    return noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "appos" and c.i > neg.i for c in noun.children)


def _not_until(neg: Token) -> bool:
    """ "It was not until 11 January that Iran admitted it": when, not whether (a "not" before "until")."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in ("until", "till")


AIMED = frozenset({"on", "at", "upon"})  # "fired on no one", "shot at nobody"


def done_by_or_to_none(verb: Token) -> bool:
    """ "The army fired no shots", "no rockets were launched by the militants", "played no part in it",
    "not a single shot was fired by the marchers", "no officer of this patrol fired", "fired on no
    one", "no soldier was responsible": the act's own object or subject is "no" thing or one, so the
    act is denied (its clause, not a clause above)."""
    if verb.dep_ == "acomp":
        verb = verb.head  # "no soldier of the army was responsible": the subject is the verb's
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aimed = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in AIMED for o in p.children if o.dep_ == "pobj"]
    return any(
        (c.dep_ in ("dobj", "nsubjpass", "nsubj") or c in aimed)
        and (
            c.lower_ in ("nobody", "noone")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            or any(d.dep_ == "neg" for d in c.lefts)
            or any(d.dep_ == "neg" for n in c.lefts for d in n.lefts)  # "not one round"
        )
        for c in [*verb.children, *aimed]
    )


def told_as_policy(verb: Token) -> bool:
    """ "The army does not target civilians", "our troops never fire on crowds": what a side says it
    never does, in the present, is its policy, not an account of the incident's act (a denial of the
    act is told in the past: "did not fire on the crowd"). Only acts of violence: "responsibility does
    not lie with the army", "Russia does not bear responsibility" deny blame for the incident."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "neg" for c in verb.children):
        return False
    if _lemma(verb) not in word_sets()["attack_verbs"] | word_sets()["firing_verbs"]:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True  # "never fires"
    return verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "do" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def negated(tok: Token) -> bool:
    """ "Israel was not responsible"; "not in a position to consider as substantiated the claim of X's
    attack". A denial denied ("we do not dispute that armed men seized the prison") affirms."""
    denial = word_sets()["denial_verbs"]
    return any(has_neg(node) and _lemma(node) not in denial for node in _up_to_adverbial(tok)) or _no_evidence(tok)


def _up_to_adverbial(tok: Token) -> list[Token]:
    """The word and its heads, up to an adverbial clause (of time, cause, purpose): "the soldiers did
    not fire until the crowd attacked them" does not deny that the crowd attacked."""
    chain = [tok]
    while (
        chain[-1].dep_ != "advcl"
        and chain[-1].head.i != chain[-1].i
        and not _subjects_own_clause(chain[-1])
        and not _said_of_its_noun(chain[-1])
    ):
        chain.append(chain[-1].head)
    return chain


def _said_of_its_noun(node: Token) -> bool:
    """ "The men responsible for the massacre were never found": an adjective with its own complement
    says something of its noun; the clause the noun is in says another thing."""
    return node.dep_ == "amod" and node.pos_ == "ADJ" and any(c.dep_ == "prep" for c in node.children)


def _subjects_own_clause(node: Token) -> bool:
    """ "The group, which claimed the attack, did not comment": a relative clause on the subject tells
    a statement of its own, which the main verb's "not" does not deny ("it was not the army that
    fired", the cleft, hangs on no subject and stays denied)."""
    return node.dep_ == "relcl" and node.head.dep_ in ("nsubj", "nsubjpass")


def _no_evidence(tok: Token) -> bool:
    """ "found no evidence that ETA had been involved", "no sign of any involvement by the army": the
    claim is what nothing showed."""
    nouns = rules()["initiator"]["evidence_nouns"]
    return any(
        _lemma(node) in nouns and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children)
        for node in tok.ancestors
    )


def denied(tok: Token) -> bool:
    """A denial verb above the trigger, the trigger in what is denied ("denied attacking",
    "denied that its forces shelled"), not in who denies; not a denial itself negated."""
    denial = word_sets()["denial_verbs"]
    node = tok
    clause = False  # passed through a relative clause: "a report, which blamed X, was disputed" tells the blame
    for head in tok.ancestors:
        passive = node.dep_ == "nsubjpass" and not clause  # "any involvement by X was denied"
        if _lemma(head) in denial and (node.dep_ in COMPLEMENT or passive):
            if _told_before(node, head):
                return False  # "Peasants say troops massacred hundreds; army denies it": two statements
            if node.dep_ == "conj" or _finite_beside(node):
                # "denied responsibility and blamed the army", "denied attacking the base and said the
                # government had started the war": a second statement of the denier, not what is denied
                return False
            if node.dep_ == "prep" and node.lower_ == "as":
                # "dismissed the allegations as a provocation staged by Kyiv": what the denier calls
                # them is the denier's own statement, not what is denied
                return False
            return not has_neg(head)
        clause = clause or node.dep_ == "relcl"
        node = head
    return False


def _finite_beside(node: Token) -> bool:
    """ "denied that soldiers fired, blamed infiltrators for attacking": a finite verb in the past hung
    on the denial with no word to tie it (the parser's advcl for a list of statements) is a statement
    of its own, like a conjunct; so is a participle's ("rejected any responsibility, blaming the
    militia alone": the denier blames, it does not deny the blame)."""
    return node.dep_ == "advcl" and node.tag_ in ("VBD", "VBG") and not _marked(node)


CLAUSE_BREAKS = frozenset({";", ":"})
DASHES = frozenset({"—", "–", "-"})


def _told_before(clause: Token, denial: Token) -> bool:
    """The clause comes first and a semicolon, colon or spaced dash parts it from the denial: a headline's
    "X say Y did it; Y denies it" tells the saying and the denial, not a denial of what is said (a hyphen
    inside a word, "the pro-army militia denies", parts nothing)."""
    between = clause.doc[clause.right_edge.i + 1 : denial.i]
    return clause.i < denial.i and any(
        t.text in CLAUSE_BREAKS or (t.text in DASHES and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)) for t in between
    )


def dismissed(tok: Token) -> bool:
    """ "It is illogical to claim that the army would use such weapons", "the claim that the rebels
    attacked is absurd": the trigger is in a saying the sentence calls false."""
    words = word_sets()
    for above in tok.ancestors:
        if _it_is_false(above, tok):
            return True
        # "the claims spread by Kiev that ... are a lie": the parser may hang the clause on a verb
        # whose subject is the saying
        said = [c for c in above.children if c.dep_ == "nsubj" and _lemma(c) in words["say_words"]]
        head = above if _lemma(above) in words["say_words"] else (said[0] if said else None)
        if head is None:
            continue
        if head.pos_ in ("NOUN", "PROPN") and _found_false(head, tok):
            return True
        copulas = [head.head, *(c for c in head.head.children if c.dep_ == "conj")]  # "are false and are a lie"
        verdicts = [c for v in copulas for c in v.children if c.dep_ in ("acomp", "attr") and c.i != head.i]
        dismissal = [v for v in verdicts if _calls_false(v)]
        # "the rumours of thousands of dead are without foundation"
        dismissal += [o for v in copulas for p in v.children if p.dep_ == "prep" and p.lower_ == "without"
                      for o in p.children if o.dep_ == "pobj" and _lemma(o) in words["dismissal_without"]]  # fmt: skip
        if dismissal:  # "it is not absurd to say": not dismissed
            return not (
                has_neg(head.head) or any(has_neg(v) or (v.i > 0 and v.nbor(-1).lower_ == "not") for v in dismissal)
            )
    return False


def _it_is_false(copula: Token, tok: Token) -> bool:
    """ "It is false that the soldiers fired without provocation", "it is a lie that our troops
    shelled it": a clause the copula's verdict (rules initiator.dismissal_words) calls false, its
    subject the "it" that stands for the clause. A verdict under "not" is no dismissal here ("it is
    not false that ..." is then read as any "not" above the act is, by `negated`)."""
    if _lemma(copula) != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
        return False
    verdicts = [c for c in copula.children if c.dep_ in ("acomp", "attr") and _calls_false(c)]
    # the clause hangs on the copula, or on the verdict as a clause with a "that" of its own
    clauses = [c for c in copula.children if c.dep_ == "ccomp"]
    clauses += [c for v in verdicts for c in v.children if c.dep_ in ("acl", "relcl") and _marked(c)]
    if not any(c.i == tok.i or c in tok.ancestors for c in clauses):
        return False
    return bool(verdicts) and not has_neg(copula) and not any(has_neg(v) for v in verdicts)


def _calls_false(tok: Token) -> bool:
    """ "false", "a lie", "baseless" (rules initiator.dismissal_words, as lemma or as written)."""
    words = word_sets()["dismissal_words"]
    return _lemma(tok) in words or tok.lower_ in words


def _marked(clause: Token) -> bool:
    """ "(a lie) that our troops shelled it": a "that" opening a clause of its own, not a relative one."""
    return any(c.dep_ == "mark" for c in clause.children)


def _found_false(saying: Token, tok: Token) -> bool:
    """ "Rumours, later found to be false, that X attacked": a phrase on the saying calls it false;
    "rumours that X attacked spread; the inquiry found no evidence to support them": what the sentence
    found nothing for is the saying (issue #8)."""
    for phrase in (c for c in saying.children if c.dep_ in ("acl", "appos", "relcl", "amod")):
        if tok in phrase.subtree:
            continue  # the clause the saying tells, not what it is called
        if any(_calls_false(t) for t in phrase.subtree):
            return not any(has_neg(t) for t in phrase.subtree)
    nouns = rules()["initiator"]["evidence_nouns"]
    return any(
        _lemma(c) in nouns and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in saying.head.children
        if c.dep_ in ("dobj", "nsubj", "attr") and c.i != saying.i
    )


def is_response(tok: Token) -> bool:
    """ "counter-attack", "responded", "retaliated", "fired back": the trigger, its children or its head."""
    words = word_sets()["response_words"]
    near = [tok, *tok.children, tok.head]
    return any(_lemma(t) in words or t.lower_ in words or t.lower_.startswith("counter") for t in near)


def qualified(tok: Token) -> bool:
    """ "the subsequent attack", "an alleged raid": not a claim of who struck first."""
    return any(m.lower_ in QUALIFIED for m in tok.lefts)


_BLAMED_FOR = ("of", "for", "with")  # "accused X of", "blamed X for", "charged X with"


def blames_violence(verb: Token, obj: Token) -> bool:
    """ "blamed an Israeli strike", "accused X of attacking Y": blame for violence, not for policy."""
    violent = violent_words()
    if _lemma(obj) in violent:
        return True
    preps = [c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ in _BLAMED_FOR]
    if any(_lemma(t) in violent or _used_a_weapon(t) for prep in preps for t in prep.subtree):
        return True
    # "accused the security forces of responsibility": of the incident, unless it names something else
    involvement = word_sets()["involvement_nouns"]
    held = [t for prep in preps for t in prep.children if t.dep_ == "pobj" and _lemma(t) in involvement]
    return any(violent_or_none(t) for t in held)


def _used_a_weapon(tok: Token) -> bool:
    """ "accused X of using poison gas against the town": a weapon used is violence."""
    w = word_sets()
    if _lemma(tok) not in w["use_verbs"]:
        return False
    return any(c.dep_ == "dobj" and _lemma(c) in w["fired_things"] | w["weapon_nouns"] for c in tok.children)


def violent_or_none(*nodes: Token) -> bool:
    """What the actor is responsible for (denies involvement in) is violence, or is not said:
    "responsible for health care" is not blame."""
    preps = [
        c
        for node in nodes
        for c in node.children
        if c.dep_ == "prep" and c.lower_ in ("for", "in", "of") and not _dates(c)
    ]
    if not preps:
        return True
    violent = violent_or_incident()
    return any(_lemma(t) in violent or _the_incident(t) for prep in preps for t in prep.subtree)


POINTERS = frozenset({"it", "this", "that"})


def _the_incident(tok: Token) -> bool:
    """ "held Israel responsible for it", "denied any part in this", "responsible for what happened": a
    pronoun or "what happened" points back to the incident the account tells of."""
    if tok.dep_ == "pobj" and tok.lower_ in POINTERS:
        return True
    return tok.dep_ == "pcomp" and any(c.dep_ == "nsubj" and c.lower_ == "what" for c in tok.children)


def _dates(prep: Token) -> bool:
    """ "In 2018 Russia denied any involvement": a prepositional phrase of time says when the denial
    was made, not what it is about."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


@lru_cache(maxsize=1)
def violent_or_incident() -> frozenset[str]:
    """Words of violence, and words for the incident an account tells ("that incident", "the
    tragedy"): what one may be responsible for, or deny a part in (built once: a hot path)."""
    return violent_words() | word_sets()["incident_nouns"]
