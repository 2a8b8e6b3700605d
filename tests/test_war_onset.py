"""Who began the war (issue #8): accounts that each say who began the conflict as a whole answer
one question, whatever each names as struck and however few words they share; accounts of two
acts in a war do not."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import Vocabulary, align_threshold, pair_score, war_onset
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Actor, Claim, DateSpan

ALIASES = AliasTable()


def blame(cid: str, actor: str, target: str | None, quote: str, sentence: str, about: str) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=sentence, start=0,
                 end=len(quote), sentence_start=0, value=Actor(actor=actor, target=target), about=about,
                 terms=[w for w in quote.lower().split() if len(w) > 3], event=[f"@ev:{cid}"])  # fmt: skip


# the leader of one side began it against the other's people / the other side's raid began it
BEGAN = blame("s1c1", "Ruritania", "the villagers of the north", "Ruritania started a war against the villagers",
              "Ruritania started a war against the villagers of the north.", "war")  # fmt: skip
ERUPTED = blame("s2c1", "Northern Front", "Paraguay", "the Northern Front attacked Paraguayan army posts",
                "The conflict erupted in May when the Northern Front attacked Paraguayan army posts.", "post")  # fmt: skip
ERUPTED = ERUPTED.model_copy(update={"value": ERUPTED.value.model_copy(update={"began": True})})  # claims.act_onset
# the war's onset told of another doer's act in the sentence: this doer's invasion came after
AFTER = blame("s9c1", "Ruritania", "the northern provinces", "Ruritania invaded the northern provinces",
              "After the Northern Front began the war in May, Ruritania invaded the northern provinces.", "invade")  # fmt: skip
# two acts in the war, told with the war named but not its beginning
SHELLED = blame("s3c1", "Ruritania", "Kovin", "Ruritanian guns shelled Kovin",
                "During the war Ruritanian guns shelled Kovin.", "shell")  # fmt: skip
RAIDED = blame("s4c1", "Northern Front", "a depot", "the Northern Front raided a depot",
               "Later in the war the Northern Front raided a depot near the coast.", "raid")  # fmt: skip
FILLER = [blame(f"s{n}c1", "Borduria", "a convoy", f"Borduria hit convoy {n}", f"Borduria hit convoy {n}.", "hit")
          for n in range(5, 9)]  # fmt: skip


def test_war_onset_is_told_by_the_conflict_and_its_beginning():
    assert war_onset(BEGAN) and war_onset(ERUPTED)
    assert not war_onset(SHELLED) and not war_onset(RAIDED)
    # an onset word of the sentence that is another doer's act's says nothing of this one's
    assert not war_onset(AFTER)


def test_accounts_of_who_began_the_war_are_one_fact_and_contradict():
    voc = Vocabulary.of([BEGAN, ERUPTED, SHELLED, RAIDED, *FILLER])
    assert pair_score(BEGAN, ERUPTED, voc) >= align_threshold()
    assert relation_of(BEGAN, ERUPTED, 0.4, ALIASES, voc).relation == "contradict"


def test_two_acts_in_a_war_are_not_one_fact():
    voc = Vocabulary.of([BEGAN, ERUPTED, SHELLED, RAIDED, *FILLER])
    assert pair_score(SHELLED, RAIDED, voc) < align_threshold()
    assert relation_of(SHELLED, RAIDED, 0.4, ALIASES, voc).relation != "contradict"


def _dated(cid: str, day: int) -> Claim:
    from datetime import date

    from claims.models import DateSpan

    when = DateSpan(start=date(2004, 9, day), end=date(2004, 9, day), precision="day", text=f"September {day}")
    return blame(cid, "Ruritania", "the school", "troops stormed the school", "Troops stormed the school.",
                 "storm").model_copy(update={"when": when})  # fmt: skip


def test_blame_for_acts_two_days_apart_is_two_acts():
    """ "stormed the school on 1 September" / "stormed it on 3 September": two acts, never one fact;
    a day apart (a night, a time zone) may be one."""
    from analysis.align import compatible

    assert not compatible(_dated("s1c1", 1), _dated("s2c1", 3))
    assert compatible(_dated("s1c1", 1), _dated("s2c1", 2))


def _act(cid: str, actor: str, quote: str, sentence: str, about: str, negated: bool = False, at: int = 0) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=sentence, start=at,
                 end=at + len(quote), sentence_start=at, value=Actor(actor=actor, negated=negated), about=about,
                 terms=[w for w in quote.lower().split() if len(w) > 3], event=["@ev:keswin"])  # fmt: skip


def test_who_began_it_is_read_from_the_act_of_the_claim():
    """ "federal forces planned the storming and it had not been sparked by a bomb" / "the gunmen were to
    blame for the first explosion": each claim says who began the bloodshed, one dispute. Whether an
    onset word outside the quote is the claim's act's is claims.act_onset's (Actor.began,
    tests/test_act_onset.py); the sentence alone does not tell ("after the gunman had started firing")."""
    said = "He said federal forces had planned the storming and that it had not been sparked by a bomb."
    quiet = _act("s1c1", "federal forces", "federal forces had planned the storming", said, "storming")
    planned = quiet.model_copy(update={"value": quiet.value.model_copy(update={"began": True})})
    blamed = _act("s2c1", "gunmen", "gunmen were to blame for the first explosion",
                  "The gunmen were to blame for the first explosion, the commission said.", "explosion")  # fmt: skip
    voc = Vocabulary.of([planned, blamed, *FILLER])
    assert relation_of(planned, blamed, 0.4, ALIASES, voc).relation == "contradict"
    assert relation_of(quiet, blamed, 0.4, ALIASES, voc).relation == "unclear"


def test_a_denial_beside_its_culprit_is_one_statement():
    """ "the gunmen set off the blast and Ruritanian grenades could not have sparked it": the denial is
    folded into the culprit its sentence names, not compared a second time."""
    from analysis.relate import fold_repeats

    text = "The gunmen set off the blast and Ruritanian grenades could not have sparked the fire."
    culprit = _act("s1c1", "gunmen", "gunmen set off the blast", text, "blast")
    denial = _act("s1c2", "Ruritania", "grenades could not have sparked", text, "spark", negated=True)
    elsewhere = _act("s1c3", "Ruritania", "Ruritania denied it", "Ruritania denied it.", "deny", True, at=200)
    kept, repeats = fold_repeats([culprit, denial, elsewhere])
    # the source's other statement of the same denial is its restatement, folded with it
    assert [c.id for c in kept] == ["s1c1"] and repeats == {"s1c2": "s1c1", "s1c3": "s1c1"}


def test_a_denial_of_the_act_is_one_fact_with_the_act():
    """ "Government forces did not fire on peaceful citizens" / "Paraguayan troops opened fire on the
    crowd": one account denies what the other tells, the same act by the state's forces (FAILURE_MODES 15)."""
    denied = _act("s1c1", "government forces", "forces did not fire on peaceful citizens",
                  "Government forces did not fire on peaceful citizens.", "fire", negated=True)  # fmt: skip
    fired = _act("s2c1", "Paraguay", "Paraguayan troops opened fire on the crowd",
                 "Paraguayan troops opened fire on the crowd, witnesses said.", "fire")  # fmt: skip
    shelled = _act("s3c1", "Paraguay", "Paraguayan guns shelled the bridge",
                   "Paraguayan guns shelled the bridge.", "shell")  # fmt: skip
    # each account's own event names: only the act and who did it tie them
    denied, fired, shelled = (c.model_copy(update={"event": [f"@ev:{c.id}"]}) for c in (denied, fired, shelled))
    voc = Vocabulary.of([denied, fired, shelled, *FILLER])
    assert pair_score(denied, fired, voc) >= align_threshold()
    assert pair_score(denied, shelled, voc) < align_threshold()


def _told(cid: str, actor: str, sentence: str, *, negated: bool = False, at: int = 0, speaker: str | None = None,
          when: DateSpan | None = None) -> Claim:  # fmt: skip
    quote = sentence.rstrip(".")
    claim = _act(cid, actor, quote, sentence, "fire", negated=negated, at=at)
    return claim.model_copy(update={"speaker": speaker, "when": when})


def _on(day: int) -> DateSpan:
    return DateSpan(start=date(1990, 5, day), end=date(1990, 5, day), precision="day", text=f"{day} May")


@pytest.mark.parametrize(
    ("claims", "kept"),
    [
        # two sentences of one account deny one act, naming the state's forces two ways: one claim
        (
            [
                _told("s1c1", "troops", "Troops did not fire on peaceful citizens.", negated=True),
                _told(
                    "s1c2",
                    "Government forces",
                    "Government forces did not fire on peaceful citizens, the prosecutor said at the briefing.",
                    negated=True,
                    at=120,
                ),
            ],
            ["s1c2"],
        ),
        # a named state and its unnamed soldiers in one account: one culprit, the name kept
        (
            [
                _told("s1c1", "Peru", "Peruvian forces fired on a crowd in the square."),
                _told(
                    "s1c2",
                    "soldiers",
                    "Soldiers in armoured vehicles fired without warning into the square, witnesses said.",
                    at=120,
                ),
            ],
            ["s1c1"],
        ),
        # the state's forces and an armed group: two culprits, two claims
        (
            [
                _told("s1c1", "troops", "Troops fired on the crowd."),
                _told("s1c2", "militants", "Militants fired on the crowd.", at=120),
            ],
            ["s1c1", "s1c2"],
        ),
        # two inquiries of one account, each with its finding: two claims
        (
            [
                _told("s1c1", "troops", "The first inquiry found that troops fired first.", speaker="first inquiry"),
                _told(
                    "s1c2",
                    "Government forces",
                    "The second found that government forces fired first.",
                    at=120,
                    speaker="second inquiry",
                ),
            ],
            ["s1c1", "s1c2"],
        ),
        # two acts on two days: two claims, however alike
        (
            [
                _told("s1c1", "troops", "On 18 May troops fired on students.", when=_on(18)),
                _told("s1c2", "soldiers", "On 21 May soldiers fired on the crowd.", at=120, when=_on(21)),
            ],
            ["s1c1", "s1c2"],
        ),
    ],
)
def test_one_culprit_named_two_ways_in_one_account_is_one_claim(claims: list[Claim], kept: list[str]):
    """An account that names one culprit two ways ("troops", "government forces") states one claim, or
    every difference with another account is counted twice; its two voices, two days or two sides
    stay two claims."""
    from analysis.relate import fold_repeats

    folded, _ = fold_repeats(claims, ALIASES)
    assert [c.id for c in folded] == kept
    assert len(fold_repeats(claims)[0]) == 2  # without the alias table, only equal values fold


def test_one_account_naming_its_state_and_the_regime_is_one_claim_among_accounts_of_two_states():
    """Where the accounts name two states (one blames Peru, another Chile), an account that names
    only Chile and "the regime" still names one culprit two ways; an account that names both
    states does not."""
    from analysis.relate import fold_repeats

    other = _told("s2c1", "Peru", "Peruvian forces fired on the crowd.")
    own = [
        _told("s1c1", "Chile", "Chilean forces fired on the crowd in the square."),
        _told("s1c2", "regime", "Shells were fired from territory held by the regime, the report found.", at=120),
    ]
    assert [c.id for c in fold_repeats([*own, other], ALIASES)[0]] == ["s1c1", "s2c1"]
    both = [*own, _told("s1c3", "Peru", "Peru denied that its troops had fired.", at=240, negated=True)]
    assert [c.id for c in fold_repeats([*both, other], ALIASES)[0]] == ["s1c1", "s1c2", "s1c3", "s2c1"]


def test_a_headline_restating_the_body_gives_way_to_the_body():
    """ "Prosecutor says eighty died ... and troops did not fire" (a headline, no closing stop) and the
    body's "Troops did not fire on peaceful citizens.": the body's full sentence is the claim kept,
    though the headline is longer."""
    from analysis.relate import fold_repeats

    headline = _told("s1c1", "troops", "Prosecutor says eighty died in the riots and troops did not fire on "
                     "peaceful citizens", negated=True)  # fmt: skip
    body = _told("s1c2", "troops", "Troops did not fire on peaceful citizens.", negated=True, at=120)
    kept, repeats = fold_repeats([headline, body])
    assert [c.id for c in kept] == ["s1c2"] and repeats == {"s1c1": "s1c2"}


def test_the_doer_doing_the_act_is_the_claim_kept_of_its_restatements():
    """ "Two hundred died at the hands of the gendarmes in the days that followed" and, shorter, "the
    gendarmes opened fire": one account blaming one culprit twice keeps the sentence that tells the
    doer doing the act, though the other is longer; of two alike, the fuller sentence."""
    from analysis.relate import fold_repeats

    def told(cid: str, quote: str, sentence: str, at: int) -> Claim:
        claim = _act(cid, "gendarmes", quote, sentence, "fire", at=at)
        return claim.model_copy(update={"value": Actor(actor="gendarmes", actor_text="gendarmes")})

    at_hands = told("s1c1", "died at the hands of the gendarmes",
                    "Two hundred died at the hands of the gendarmes in the days that followed the march.", 0)  # fmt: skip
    fired = told("s1c2", "gendarmes opened fire", "The gendarmes opened fire.", 120)
    kept, repeats = fold_repeats([at_hands, fired])
    assert [c.id for c in kept] == ["s1c2"] and repeats == {"s1c1": "s1c2"}
    longer = told("s1c3", "gendarmes opened fire", "Then the gendarmes opened fire on the marchers.", 240)
    assert [c.id for c in fold_repeats([fired, longer])[0]] == ["s1c3"]
