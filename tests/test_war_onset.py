"""Who began the war (issue #8): accounts that each say who began the conflict as a whole answer
one question, whatever each names as struck and however few words they share; accounts of two
acts in a war do not."""

from __future__ import annotations

from analysis.align import Vocabulary, align_threshold, pair_score, war_onset
from analysis.relate import relation_of
from claims.actors import AliasTable
from claims.models import Actor, Claim

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
