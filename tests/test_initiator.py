"""Initiator and blame (issue #8): the patterns as data, descriptive actors, denials, "the latter"
and pronouns in accusations, and how described actors compare. The sentences are written for
these tests; the states are real because the actor table only knows real ones, the places and
groups are made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from read_text import blame_of
from spacy.tokens import Doc

from analysis.compare import compare
from analysis.parties import side
from claims.actors import AliasTable
from claims.data_files import DATA, NounClassFile, read
from claims.extract import extract_from_doc
from claims.initiator_actor import _modifier_tokens, _whole_name
from claims.initiator_patterns import FILE, PatternFile, match, spacy_pattern
from claims.models import Actor, Claim
from claims.nlp import load_nlp
from claims.rules import rules
from claims.tree import np_text
from sources.errors import BadDataFile
from sources.models import Source, text_sha256

# -- the pattern file -------------------------------------------------------------


def test_initiator_patterns_shipped_file_passes_and_expands_word_lists():
    checked = read(FILE, PatternFile)[1]
    attack = next(p for p in checked.patterns if p.id == "attack-active")
    lemmas = spacy_pattern(attack)[0]["RIGHT_ATTRS"]["LEMMA"]["IN"]
    assert {"attack", "destroy", "kill", "Attack"} <= set(lemmas)
    assert not any(isinstance(w, str) and w.startswith("@") for w in lemmas)


def _bad(change) -> dict:
    data = json.loads((Path(str(DATA)) / FILE).read_text(encoding="utf-8"))
    change(data["patterns"][0])
    return data


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: p.update(actor="nobody"), "names roles not in its pattern: nobody"),
        (lambda p: p["pattern"][1].pop("LEFT_ID"), "needs REL_OP and an earlier LEFT_ID"),
        (lambda p: p.update(actor_search="clause_subject"), 'exactly one of "actor" and "actor_search"'),
        (lambda p: p.update(strength="maybe"), "strength"),
        (lambda p: p.update(checks=["be_nice"]), "checks"),
        (lambda p: p.update(event_search="act_before", event=None), '"event_search" needs the "event" role'),
        (lambda p: p.update(checks=["one_sided"]), 'check "one_sided" needs a role "in"'),
        (
            lambda p: p.update(checks=["first_not_response"]),
            'check "first_not_response" needs a role "conjoined"',
        ),
    ],
)
def test_initiator_patterns_bad_pattern_is_one_line(tmp_path: Path, change, reason: str):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FILE).write_text(json.dumps(_bad(change)), encoding="utf-8")
    with pytest.raises(BadDataFile) as caught:
        read(FILE, PatternFile, folder)
    line = caught.value.line()
    assert line.startswith("[E022]") and FILE in line and reason in line and "\n" not in line


def test_initiator_patterns_unknown_word_list_is_named():
    checked = read(FILE, PatternFile)[1].patterns[0]
    checked.pattern[0].right_attrs["LEMMA"] = {"IN": ["@no_such_list"]}
    with pytest.raises(BadDataFile, match="@no_such_list"):
        spacy_pattern(checked)


# -- the matcher on hand-built parses (no model) ------------------------------------


def _doc(words, heads, deps, lemmas, pos) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)


HAND_BUILT = [
    # words, heads, deps, lemmas, pos, pattern, {role: word}
    (["Rebels", "burned", "the", "market"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
     ["rebel", "burn", "the", "market"], ["NOUN", "VERB", "DET", "NOUN"], "attack-active",
     {"verb": "burned", "doer": "Rebels"}),
    (["Troops", "blew", "up", "bridges"], [1, 1, 1, 1], ["nsubj", "ROOT", "prt", "dobj"],
     ["troop", "blow", "up", "bridge"], ["NOUN", "VERB", "ADP", "NOUN"], "blow-up",
     {"verb": "blew", "prt": "up", "doer": "Troops"}),
    (["The", "siege", "was", "started", "by", "gunmen"], [1, 3, 3, 3, 3, 4],
     ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj"], ["the", "siege", "be", "start", "by", "gunman"],
     ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"], "start-passive",
     {"verb": "started", "thing": "siege", "doer": "gunmen"}),
    (["The", "militia", "denied", "involvement"], [1, 2, 2, 2], ["det", "nsubj", "ROOT", "dobj"],
     ["the", "militia", "deny", "involvement"], ["DET", "NOUN", "VERB", "NOUN"], "deny-involvement",
     {"verb": "denied", "doer": "militia", "thing": "involvement"}),
]  # fmt: skip


def test_initiator_a_saying_called_false_by_the_first_word_of_a_text():
    """ "False is the claim that troops fired": the verdict is the text's first word (hand-built parse)."""
    from claims.initiator_negation import dismissed

    doc = _doc(["False", "is", "the", "claim", "that", "troops", "fired"], [1, 1, 3, 1, 6, 6, 3],
               ["acomp", "ROOT", "det", "nsubj", "mark", "nsubj", "acl"],
               ["false", "be", "the", "claim", "that", "troop", "fire"],
               ["ADJ", "AUX", "DET", "NOUN", "SCONJ", "NOUN", "VERB"])  # fmt: skip
    assert dismissed(doc[6])


@pytest.mark.parametrize(("words", "heads", "deps", "lemmas", "pos", "pattern", "roles"), HAND_BUILT)
def test_initiator_patterns_match_hand_built_parses(words, heads, deps, lemmas, pos, pattern, roles):
    doc = _doc(words, heads, deps, lemmas, pos)
    found = {(p.id, tuple(sorted((k, t.text) for k, t in r.items()))) for p, r in match(doc[:])}
    assert any(pid == pattern and set(roles.items()) <= set(bound) for pid, bound in found), found


def test_initiator_patterns_no_match_without_an_actor_slot():
    # "The market burned": an intransitive verb with an event subject names nobody
    doc = _doc(["Markets", "burned"], [1, 1], ["nsubj", "ROOT"], ["market", "burn"], ["NOUN", "VERB"])
    assert all(p.id != "deny-involvement" for p, _ in match(doc[:]))


def test_initiator_actor_name_takes_the_capitalised_modifiers_the_tagger_split_off():
    """ "Islamic State" tagged as a nationality and then a group is one name; a capitalised word
    that does not modify the name is not part of it."""
    vocab = spacy.blank("en").vocab
    split = Doc(vocab, words=["Islamic", "State", "claimed", "it"], heads=[1, 2, 2, 2],
                deps=["amod", "nsubj", "ROOT", "dobj"], ents=["B-NORP", "B-ORG", "O", "O"])  # fmt: skip
    assert _whole_name(split.ents[1]) == "Islamic State"
    apart = Doc(vocab, words=["On", "Friday", "Kestria", "attacked"], heads=[3, 0, 3, 3],
                deps=["prep", "pobj", "nsubj", "ROOT"], ents=["O", "B-DATE", "B-GPE", "O"])  # fmt: skip
    assert _whole_name(apart.ents[1]) == "Kestria"


def test_initiator_actor_phrase_leaves_out_a_day_the_parse_hung_on_it():
    """ "at dawn on Friday and German aircraft bombed the city": the day is no part of the actor, and
    the nationality the parse made its conjunct still names the party."""
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Friday", "and", "German", "aircraft", "bombed", "Warsaw"], heads=[3, 0, 0, 4, 4, 4],
              deps=["nmod", "cc", "conj", "nsubj", "ROOT", "dobj"],
              pos=["PROPN", "CCONJ", "ADJ", "NOUN", "VERB", "PROPN"],
              ents=["B-DATE", "O", "B-NORP", "O", "O", "B-GPE"])  # fmt: skip
    assert np_text(doc[3]) == "German aircraft"
    assert [t.text for t in _modifier_tokens(doc[3])] == ["Friday", "German"]


# -- extraction with the real model ---------------------------------------------


@pytest.fixture(scope="module")
def extract(initiator_values):
    return initiator_values  # tests/conftest.py


# sentence, actor, negated, actor_text
FOUND = [
    # a weapon's use denied or admitted
    ("Syria denied using chemical weapons in the valley.", "Syria", True, None),
    ("The police admitted using live ammunition against the marchers.", "police", False, None),
    # responsibility claimed, told in the passive
    ("Responsibility for the ambush was claimed by the Popular Front.", "Popular Front", False, None),
    ("Responsibility for the bombing was later accepted by the separatists.", "separatists", False, None),
    ("The assault was initiated by the army's special forces.", "army's special forces", False, None),
    ("Villagers say the soldiers provoked the battle by firing a grenade at the church.", "soldiers", False, None),
    ("Officials say the kidnappers started the massacre by setting off a bomb.", "kidnappers", False, None),
    ("The rebels were to blame for the blast at the depot, not the police.", "rebels", False, None),
    ("Many were victims of summary executions by Serbian troops.", "Serbia", False, "Serbian"),
    ("Dozens died as a result of the actions of the militia.", "militia", False, None),
    ("The government forces shot at protesters.", "government forces", False, None),
    ("Government troops entered the camp.", "government troops", False, "Government troops"),
    ("The militia denied any involvement in the killings.", "militia", True, None),
    ("The army blew up the bridge and set fire to the market.", "army", False, None),
    ("Serbian forces destroyed the village.", "Serbia", False, "Serbian"),
    ("Rebels killed more than 300 villagers.", "rebels", False, "Rebels"),
    ("The vigilantes killed three men on the road.", "vigilantes", False, None),
    # a group's name the tagger cut short is read on to the capitalised words it modifies
    ("The Islamic State group claimed responsibility for the bombing.", "Islamic State", False, None),
    ("Government supporters attacked the protest camp with clubs.", "government supporters", False, None),
    ("Federal forces stormed the hospital at dawn.", "federal forces", False, "Federal forces"),
    ("The hostage takers set off the first bomb.", "hostage takers", False, None),
    ("Russian troops gunned down the men on the road.", "Russia", False, None),
    ("The Kremlin denied that Russian troops killed civilians in Tarvik.", "Russia", True, None),
    ("Ukraine accused Russia of war crimes when it entered Tarvik.", "Russia", False, None),
    ("Armenia and Azerbaijan fought over the valley, and the latter shelled Tarvik.", "Azerbaijan", False, None),
    # a day the tagger missed is no part of the doers' name
    ("On the night of 12 to 13 May armed criminals attacked a police post.", "armed criminals", False, None),
    # the idioms of blame (issue #8)
    ("Officials pointed the finger at the Red Hand militia over the bombing.", "Red Hand militia", False, None),
    ("The bombing bore the hallmarks of the Red Hand militia.", "Red Hand militia", False, None),
    ("After the massacre, suspicion fell on the border guards.", "border guards", False, None),
    ("The evidence points to the Red Hand militia.", "Red Hand militia", False, None),
    ("The militia has been implicated in the killings.", "militia", False, None),
    # the responsibility for an act lies with its doer
    ("Responsibility for the massacre lies with the militia.", "militia", False, None),
    ("Responsibility for the massacre does not lie with the army.", "army", True, None),
    # an act caused by a side's weapon or strike is that side's
    ("The blast was caused by an Israeli airstrike.", "Israel", False, None),
    # killings, murders and atrocities are acts one carries out or commits
    ("The militia carried out the killings in the camp.", "militia", False, None),
    ("The executions were committed by the secret police.", "secret police", False, None),
    ("Hundreds of civilians were killed by Russian troops.", "Russia", False, None),
    # a saying the parser hangs on another verb is still called a lie
    (
        "The claims spread by Kiev that the depot was shelled by Russian forces are an outright lie.",
        "Russia",
        True,
        None,
    ),
    # people who act for a named group after "of" are the group's doers
    ("The blast was staged by mercenaries of the Korvex private military company.", "Korvex", False, None),
    ("Fighters of the Red Hand militia attacked the base.", "Red Hand militia", False, None),
    ("Men of the Kestrian Defence Forces blew up the houses.", "Kestrian Defence Forces", False, None),
    ("Officers of the Metropolitan Police shot two of the strikers.", "Metropolitan Police", False, None),
    ("Men of the village ambushed the patrol.", "men", False, None),
    # a weapon used is violence one is accused of
    ("Iran accused Iraq of using poison gas against the border town.", "Iraq", False, None),
    ("Officials accused the Red Hand militia of using chemical weapons.", "Red Hand militia", False, None),
    ("A brigade of the Kestrian army swept through the villages.", "Kestrian army", False, None),
    ("It was Georgia that started the war.", "Georgia", False, None),
    ("Iraq planned and started the war against Iran.", "Iraq", False, None),
    ("Militias, on orders from the capital, burned the crops and expelled the villagers.", "militias", False, None),
    # an acronym in brackets the table does not know names no other party than its phrase
    ("The town came under heavy shelling by the Serbian occupation forces (GOF) using tanks.", "Serbia", False, None),
    # blame laid on someone, the killers named by a copula, groups described by their head noun
    ("The bombing was blamed on rebels.", "rebels", False, None),
    ("The ministry blamed the massacre on armed gangs.", "armed gangs", False, None),
    ("A later report placed the blame on the militia.", "militia", False, None),
    # "lay" (lemmatised "lie" as often), the passive, and guilt that lies with someone
    ("Most historians lay the responsibility on the governor.", "governor", False, None),
    ("Responsibility for the shooting is generally laid on the governor.", "governor", False, None),
    ("The blame was laid on the militia.", "militia", False, None),
    ("The guilt for the massacre lies with the governor.", "governor", False, None),
    ("Witnesses said the killers were militiamen.", "militiamen", False, None),
    ("State radio blamed armed terrorist groups for the killings.", "armed terrorist groups", False, None),
    # a denial denied affirms; a dispute is a denial
    ("We do not dispute that armed men seized the prison that night.", "armed men", False, None),
    ("Russia disputed that its troops stormed the prison.", "Russia", True, None),
    # the one held responsible, not the one holding; a denial of the accusation; weapons used
    ("Three governments held the Kestrian army responsible for the attack.", "Kestrian army", False, None),
    ("The envoy holds the militia responsible for the shelling.", "militia", False, None),
    ("The court found the two commanders guilty of the killings.", "commanders", False, None),
    ("The government rejected the accusation.", "government", True, None),
    ("The general staff said the army had not used such weapons.", "army", True, None),
    ("The police used live ammunition against the strikers.", "police", False, None),
    ("The interior ministry insisted the constables had not used firearms.", "constables", True, None),
    ("The militia was accused of shelling the market.", "militia", False, None),
    ("The army was blamed for the massacre.", "army", False, None),
    # a leader named with his state's demonym stands for his state
    ("The warlord placed the blame for the carnage on Russian President Vladimir Putin.", "Russia", False, None),
    # blame of an armed force that says for nothing else; a crime is what one is accused of
    ("The monitors blamed the border police.", "border police", False, None),
    ("The mayor accused the militia of a crime.", "militia", False, None),
    # the people a number counts, not the number; an armed group described; a name the tagger missed
    ("Dozens of rebels raided the depot overnight.", "rebels", False, None),
    ("An armed group in masks attacked the convoy.", "armed group", False, None),
    ("Militants of the Right Sector burned the camp.", "Right Sector", False, None),
    # the ones fired on first say they did not begin it
    ("An inquiry found that the marines had been fired on first.", "marines", True, None),
    ("The police said their patrol had come under fire first.", "police", True, None),
    # the ones nobody fired upon began it themselves
    ("The inquiry found no evidence that the guards had been fired upon.", "guards", False, None),
    ("The sentries were not shot at.", "sentries", False, None),
    ("No attack was made on the sentries before they fired.", "sentries", False, None),
    # the incident itself, named as one, is what one is blamed for
    ("Responsibility for the tragedy lies with the militia.", "militia", False, None),
    ("The mayor blamed the incident on the rebels.", "rebels", False, None),
    # members of a group stand for it; a hyphen inside a word is no dash; an emphatic "themselves" is no
    # second subject; bringing down an aircraft is violence one is held responsible for
    ("Villagers said the killers were members of a pro-government militia.", "pro-government militia", False, None),
    ("Members of the presidential guard fired on the crowd.", "presidential guard", False, None),
    ("The attackers were members of an armed group, police said.", "armed group", False, None),
    ("The rebels themselves opened fire on the crowd, the prosecutor said.", "rebels", False, None),
    ("The three governments hold Russia responsible for the downing of the airliner.", "Russia", False, None),
    # "it" names one: not the two who speak, but the one they speak to; a country named in the plural is one
    ("Two governments told Moldova that they hold it responsible for the attack.", "Moldova", False, None),
    ("The Netherlands admitted that it shelled the depot.", "Netherlands", False, None),
    # an act given to its doer; one who had others fire; bombs dropped on a place
    ("Later research attributed the attack to the militia.", "militia", False, None),
    ("The shelling was attributed to government troops.", "government troops", False, None),
    ("The commander ordered his men to open fire on the crowd.", "commander", False, None),
    ("The commanders instructed the guards to shoot at the marchers.", "commanders", False, None),
    # who gave the order to fire had the shooting done; one who gave none denies it
    ("The major ordered his men to fire.", "major", False, None),
    ("The commanding officer gave the order to fire.", "commanding officer", False, None),
    ("Witnesses heard the lieutenant give the word to fire.", "lieutenant", False, None),
    ("The order to fire was given by the colonel.", "colonel", False, None),
    ("The colonel gave no order to fire.", "colonel", True, None),
    ("The mob pelted the sentries with stones.", "mob", False, None),
    ("Syrian warplanes dropped barrel bombs on the market.", "Syria", False, None),
    # who began it, told in a when-clause; those blamed for unrest; rioters and agitators are actors
    ("Witnesses said the trouble began when paratroopers beat students with clubs.", "paratroopers", False, None),
    ("The junta blamed impure elements for the unrest.", "impure elements", False, None),
    ("The government blamed the riots on opposition agitators.", "opposition agitators", False, None),
    ("Rioters attacked the police station.", "rioters", False, "Rioters"),
    # a date the parse hung on the doers is no word of their name
    ("On 21 May troops opened fire on the crowd.", "troops", False, None),
    # blame laid on a named group or a state, with "on X" hung on the act by the parser
    ("Israel blamed the deaths on Hezbollah.", "Hezbollah", False, None),
    ("Officials blamed the bombing on ETA.", "ETA", False, None),
    ("The inquiry blamed the attack on Iraq.", "Iraq", False, None),
    # an accused state by its own name, for nothing else said: blamed for the violence told
    ("Iran's chief delegate accused Iraq.", "Iraq", False, None),
    # the agent of a passive does it, even in a word more often said of those harmed
    ("The three men were killed by the inhabitants of a small village.", "inhabitants", False, None),
    ("The patrol was attacked by residents with stones.", "residents", False, None),
    # an act put down to its doer; an affair as the incident told
    ("The army put the killings down to the rebels.", "rebels", False, None),
    ("The minister said Belgium had had no part in the affair.", "Belgium", True, None),
]


@pytest.mark.parametrize(("sentence", "actor", "negated", "written"), FOUND)
def test_initiator_finds_descriptive_actors_denials_and_references(extract, sentence, actor, negated, written):
    found = extract(sentence)
    assert [(a.actor, a.negated) for a in found] == [(actor, negated)], sentence
    if written is not None:
        assert found[0].actor_text == written


def test_initiator_target_ends_at_a_dash_the_parse_ran_across(extract):
    """ "aggression against Croatia - Marko Horvat, professor of history, told ...": the state attacked
    is the target, not the person who said so (the tagger made one name of both)."""
    (found,) = extract(
        "Serbia launched aggression against Croatia - Marko Horvat, professor of history, told the paper."
    )
    assert (found.actor, found.target) == ("Serbia", "Croatia")


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("The ministry accused the rebels of shelling the town.", "shell"),
        ("The army blamed the militia for the blast at the depot.", "blast"),
    ],
)
def test_initiator_blame_is_about_the_act_it_is_for(sentence: str, about: str):
    """An accusation names its act ("of shelling the town"): it tells one blame from another."""
    nlp, aliases = load_nlp(), AliasTable()
    src = Source(id="s1", name="s1.txt", text=sentence, sha256=text_sha256(sentence))
    (claim,) = [c for c in extract_from_doc(src, nlp(sentence), aliases) if c.kind == "initiator"]
    assert claim.about.split()[0] == about


NOTHING = [
    "The war entered its third week.",
    # an attack verb on a thing said, written or decided is criticism; "fire" with a person is a dismissal
    "The ministry attacked the report as biased.",
    "Officials attacked the allegations as lies.",
    "The council shot down the proposal.",
    "The president fired the army chief after the massacre.",
    # a question left open ("whether") tells no one did it, nor that no one did
    "Historians still debate whether the army fired first.",
    "It is unclear whether the rebels attacked the convoy.",
    "Whether the captain ordered his men to fire has never been settled.",
    # responsibility for what is no violence, laid on someone
    "Responsibility for health care was placed on the ministry.",
    "The minister placed the blame for the delay on the rebels.",
    # a participle set off by commas after its subject tells what befell it, not what it did
    "Ivan Petrov, shot through the leg, lies in hospital in a grave state.",
    # "held" alone is no blame: prisoners are held
    "The barracks in which the captured Ukrainians were held were destroyed.",
    "The minister pointed the finger at the central bank over inflation.",  # no violence: no culprit
    "The evidence points to a gas leak.",
    # a title naming the event by its city is no "Paris attacks [someone]"
    "November 2015 Paris attacks\n\nThe blasts shook the city.",
    "The delegations entered talks on Monday.",
    "The ministry is responsible for health care in the province.",
    "Responsibility for health care lies with the ministry.",
    "The minister was accused of corruption.",
    "The rebels were blamed for the delay in the talks.",
    "The terrorists who seized the school were killed.",
    "Troops fired back at the gunmen.",
    "Each side blamed the other for starting the clash.",
    "The storm destroyed hundreds of homes.",
    "The fire killed twelve people in the market.",
    "Residents said they heard explosions all night.",
    "A group of journalists entered the city on Monday.",
    "Soldiers moved into the school to evacuate the children.",
    "The UN said it was not in a position to say who fired the shell.",
    "Aid convoys entered the town after the ceasefire.",
    # diplomacy is no violence; blame for a crisis is no blame for an attack
    "Eight governments announced that they were expelling Syrian diplomats in protest.",
    "The government blamed the economic crisis on the rebels.",
    # blame said to be for something other than violence is no blame for an attack
    "The rebels blamed the police for the traffic chaos.",
    # fired on, with nothing said of who fired first
    "The marines were fired on near the bridge.",
    "The convoy came under fire on Tuesday.",
    # a beginning told by a thing, not by anyone
    "The fire began when a shell hit the depot.",
    # a city after the act is where it struck, not whom the blame is laid on
    "Ukraine blamed the attack on Kyiv.",
    "The minister blamed the attack on the convoy.",
    # blame of a state for something else said; a crisis put down to someone is no violence
    "The minister blamed Iraq for the collapse of the talks.",
    "The minister put the crisis down to the rebels.",
]


@pytest.mark.parametrize("sentence", NOTHING)
def test_initiator_finds_nothing_in_sentences_that_name_no_initiator(extract, sentence: str):
    assert extract(sentence) == []


# -- comparing described actors --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("federal forces", "state"), ("the soldiers", "state"), ("hostage takers", "irregular"),
     ("Kestrian rebels", "irregular"), ("a gunship", "unsided"), ("Russia", None), ("Hamas", None),
     # snipers fire for either side: the army's, or the crowd's as a crackdown's accounts tell it
     ("snipers", "unsided"),
     # a word for people whose side it does not say (claims/data/people_nouns.json); a name is a name
     ("inmates", "unsided"), ("the guardsmen", "unsided"), ("Taliban", None),
     # a craft or unit of the state's own words is the state's
     ("government aircraft", "state"), ("army helicopters", "state"),
     # a police department, a patrol or a constabulary, named or not, is a state's force
     ("the Varna Police Department", "state"), ("Kestrian Highway Patrol", "state"), ("the constabulary", "state"),
     # bombers may be aircraft; a suicide bomber is an armed group's
     ("bombers", "unsided"), ("suicide bombers", "irregular"),
     # an army's company by its letter word; a trading company is no force
     ("Charlie Company", "state"), ("the Support Company", "state"), ("East India Company", None)],
)  # fmt: skip
def test_initiator_side_of_described_actors(name: str, expected: str | None):
    assert side(name) == expected


def _claim(cid: str, actor: Actor) -> Claim:
    return Claim(id=cid, source_id=cid[:2], kind="initiator", quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=actor)  # fmt: skip


COMPARED = [
    ("kidnappers", "special forces", "contradict"),
    # a state body's name is a state's side: not "the rioters meant"
    ("Special Warfare Command", "rioters", "contradict"),
    ("soldiers", "hostage takers", "contradict"),
    ("federal forces", "Russia", "unclear"),
    ("soldiers", "federal forces", "unclear"),
    ("Russian troops", "Russia", "agree"),
    ("hostage takers", "Russia", "contradict"),
    ("a gunship", "rebels", "unclear"),
    ("special forces", "Hamas", "unclear"),
    # the attackers of one act, unnamed, in two words: the same people; so are two armed groups
    # against the state, unnamed; a group that may fight on the state's side is another
    ("hostage takers", "terrorists", "agree"),
    ("the gunmen", "militants", "agree"),
    ("gunmen", "rebels", "agree"),
    ("armed rebels", "armed terrorist groups", "agree"),
    ("rebels", "pro-government militiamen", "unclear"),
    ("gunmen", "militiamen", "unclear"),
    # people named by a word that says no side: never a rival of a force or a state by that alone
    ("inmates", "troopers", "unclear"),
    ("guardsmen", "Kestria", "unclear"),
    ("strikers", "rebels", "unclear"),
    ("government helicopters", "rebels", "contradict"),
]


@pytest.mark.parametrize(("a", "b", "relation"), COMPARED)
def test_initiator_compare_described_actors(a: str, b: str, relation: str):
    aliases = AliasTable()
    ca, cb = _claim("s1c1", Actor(actor=a)), _claim("s2c1", Actor(actor=b))
    got, reason = compare(ca, cb, aliases)
    assert got == relation, reason
    assert compare(cb, ca, aliases)[0] == relation


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "relation"),
    [
        # who gave the order and who did it: one chain of command as far as the words go
        ("Lieutenant Varga ordered his men to fire", "Sergeant Kolar fired the first shot", "unclear"),
        ("the order to fire was given by Lieutenant Varga", "Sergeant Kolar fired the first shot", "unclear"),
        # two accounts of who gave it, or of who did it, still dispute
        ("Lieutenant Varga ordered his men to fire", "Captain Horak ordered his men to fire", "contradict"),
        ("Lieutenant Varga fired the first shot", "Sergeant Kolar fired the first shot", "contradict"),
    ],
)  # fmt: skip
def test_initiator_compare_order_giver_and_doers(quote_a: str, quote_b: str, relation: str):
    actor = {q: q.split(" by ")[-1] if " by " in q else " ".join(q.split()[:2]) for q in (quote_a, quote_b)}
    ca, cb = (
        Claim(
            id=cid,
            source_id=cid[:2],
            kind="initiator",
            quote=q,
            sentence=q + ".",
            start=0,
            end=len(q),
            sentence_start=0,
            value=Actor(actor=actor[q], began="first" in q),  # as claims.act_onset reads "the first shot"
        )  # fmt: skip
        for cid, q in (("s1c1", quote_a), ("s2c1", quote_b))
    )
    assert compare(ca, cb, AliasTable())[0] == relation
    assert compare(cb, ca, AliasTable())[0] == relation


def test_initiator_compare_reads_workspace_aliases():
    aliases = AliasTable.with_user({"Varna Guard": "Kestria"})
    ca, cb = _claim("s1c1", Actor(actor="Varna Guard")), _claim("s2c1", Actor(actor="Kestria", negated=True))
    assert compare(ca, cb, aliases)[0] == "contradict"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # an event named by its place is no actor where the text writes the name as a place
        ("The Kovin shelling killed 100 people. Families had sheltered at Kovin for a week.", []),
        # the place in a longer name says nothing of the name
        (
            "The Tigray People's Liberation Front attacked the base. Fighting spread in Tigray.",
            ["Tigray People's Liberation Front"],
        ),
        # a clause that names its own actor is a claim, not a description of the head it hangs on
        (
            "The shelling took place on 18 April 1996, when the army fired shells at a compound of the mission.",
            ["army"],
        ),
        ("The terrorists who seized the school were killed.", []),
        # a state's armed forces by the name the news writes alone
        ("The IDF shelled the compound.", ["Israel"]),
        ("PLA troops crossed the line and attacked the post.", ["China"]),
    ],
)
def test_initiator_actor_is_who_acted_not_where(extract, text: str, actors: list[str]):
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # who made people leave: an order or an appeal to leave, or a drive out
        ("Some 9,000 villagers, urged by their leaders to leave, crossed the river.", [("leaders", "villagers")]),
        ("The army ordered the residents to evacuate the town.", [("army", "residents")]),
        ("The militia drove the villagers out of the valley.", [("militia", "villagers")]),
        ("Thousands of villagers fled or were driven out by the militia.", [("militia", None)]),
        ("The villagers were chased away by soldiers.", [("soldiers", "villagers")]),
        # an appeal to stay is no expulsion
        ("The mayor's aides urged the villagers to remain.", []),
        # "fled or were expelled": the people who fled are those expelled, not who expelled them
        ("About 7,000 Armenians fled or were expelled from their homes.", []),
    ],
)
def test_initiator_who_made_people_leave(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target and a.target.split()[-1]) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "at no stage", "at no time": a negation, wherever the parser hangs it
        ("A spokesman insisted that at no stage had the troops fired indiscriminately.", [("troops", True, None)]),
        ("At no time did the soldiers fire on the crowd.", [("soldiers", True, "crowd")]),
        # "with no warning" says how, not whether
        ("The soldiers fired on the crowd with no warning.", [("soldiers", False, "crowd")]),
        # the act's own object is "no" thing: "fired no shots", "no rockets were launched by"
        ("The sentries fired no shots that evening.", [("sentries", True, None)]),
        ("No rockets were launched by the militia that week.", [("militia", True, None)]),
        ("The air force dropped no bombs on the market.", [("air force", True, "market")]),
        # "no fewer than" is a figure, not a denial
        ("The gunners fired no fewer than forty shells at the market.", [("gunners", False, "market")]),
        # a part or role in the killing, and its denial
        ("The militia played a leading role in the massacre.", [("militia", False, None)]),
        ("Border guards took part in the shooting of the strikers.", [("border guards", False, None)]),
        ("The militia played no part in the massacre, its commander said.", [("militia", True, None)]),
        # a role in something else is no blame
        ("The bishop played a leading role in the peace talks.", []),
        # "not until" says when, not whether; a clause of time under a denial is not denied
        (
            "It was not until 11 May that Borduria admitted that its gunners had shelled the port.",
            [("Borduria", False, "port")],
        ),
        (
            "The soldiers did not fire until the crowd attacked them.",
            [("soldiers", True, None), ("crowd", False, "them")],
        ),
        # a denial that a force took any part; condemned for an attack; "of" in the doer's name is no target
        ("The Foreign Ministry denied that the army had taken part.", [("army", True, None)]),
        (
            "The commission condemned the regular army of Israel for the attack on the village.",
            [("Israel", False, None)],
        ),
    ],
)
def test_initiator_at_no_stage_no_shots_and_a_part_in_it(extract, text: str, found: list[tuple[str, bool, str | None]]):
    assert [(a.actor, a.negated, a.target) for a in extract(text)] == found


def test_a_regiment_or_battalion_is_a_states_force():
    """ "the 1st Battalion of the Parachute Regiment opened fire": a unit of an army, so a fact that
    names one state reads it as that state's (analysis.relate.sole_state)."""
    for unit in ("Parachute Regiment", "1st Battalion", "the battalions"):
        assert side(unit) == "state"
    assert side("the Martyrs' Brigades") != "state"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a thrown weapon at a target is an attack; protesters and activists can be who did it
        ("Protesters threw grenades at the police station.", [("protesters", "police station")]),
        ("The activists hurled petrol bombs at the building.", [("activists", "building")]),
        ("The boy threw the ball at the wall.", []),
        # a reciprocal account blames both sides, and "each other" is no target
        ("Both sides fired on each other across the line.", [("both sides", None)]),
        ("Both communities fired on each other.", [("both sides", None)]),
    ],
)
def test_initiator_thrown_weapons_and_shared_blame(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a weapon that struck names who fired it by its modifiers: a state, or a state's or group's force
        ("Turkish shells struck a school on the edge of the town.", [("Turkey", "school")]),
        ("Government artillery shells hit a camp for displaced families.", [("government", "camp")]),
        ("A rebel rocket hit the bus station.", [("rebel", "bus station")]),
        # a weapon of no one named is no actor, nor is where it was made
        ("Artillery shells hit the square.", []),
        ("A stray rocket hit the market.", []),
        # a gunboat is a craft like a warship
        ("A Turkish gunboat fired at the fishing boats.", [("Turkey", "fishing boats")]),
        # a detachment, a squadron or a garrison is a force of the state its modifier names
        ("The patrol was ambushed by a Turkish detachment.", [("Turkey", "patrol")]),
        ("A Turkish squadron bombed the bridge at dawn.", [("Turkey", "bridge")]),
        ("The Turkish garrison fired on the marchers.", [("Turkey", "marchers")]),
        # a weapon the clause's own doer fired names its make by its modifier, not a second doer
        ("Turkish troops fired Korvex rockets at the depot.", [("Turkey", "depot")]),
        ("A Turkish jet dropped Brannar bombs on the bridge.", [("Turkey", "bridge")]),
    ],
)
def test_initiator_a_weapon_that_struck_names_who_fired_it(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a group or unit named by an armed group's word is that group ("a separatist group")
        ("A separatist group attacked the peace march.", [("separatist group", "peace march")]),
        ("An insurgent unit ambushed the convoy near the pass.", [("insurgent unit", "convoy")]),
        ("The study group visited the base.", []),
        # what an attack was aimed towards is its target
        ("Troops fired towards the crowd.", [("troops", "crowd")]),
        # a line or rank is named by whose it is ("the police lines"): the party struck
        ("The armed group then stormed towards the police line.", [("armed group", "police")]),
    ],
)
def test_initiator_armed_groups_described_and_aimed_towards(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "X was behind the act" blames X for it; "was not behind" denies it; a deed of no violence blames no one
        ("Officials said the rebels were behind the bombing.", [("rebels", False, None)]),
        ("The army was not behind the killings, the minister said.", [("army", True, None)]),
        ("The ministry was behind the decision to close the border.", []),
        # force used against people, strafing, and what was fired (gas, pellets) is no target
        ("Police used excessive force against the marchers.", [("police", False, "marchers")]),
        ("The helicopter gunships strafed the convoy.", [("helicopter gunships", False, "convoy")]),
        ("Police fired tear gas and live rounds at the demonstrators.", [("police", False, "demonstrators")]),
        # who denies doing it, by a gerund or "nothing to do with", is who is said not to have done it
        ("The rebels denied attacking the convoy on Tuesday.", [("rebels", True, "convoy")]),
        ("The militia denied carrying out the massacre.", [("militia", True, None)]),
        ("The army did not deny shelling the market.", [("army", False, "market")]),
        ("The embassy denied expelling the diplomats.", []),
        ("The rebels had nothing to do with the massacre, their spokesman said.", [("rebels", True, None)]),
        ("The ministry had nothing to do with the new tax.", []),
        ("The militia had no involvement in the massacre, its leader said.", [("militia", True, None)]),
        ("The army had no role in the shelling of the market.", [("army", True, None)]),
        ("The ministry had no role in the trade talks.", []),
        # an attack verb's figure of speech is no attack
        ("The Foreign Ministry struck a different note on Thursday.", []),
        ("The rebels struck a deal with the army.", []),
        ("The rebels struck the army post.", [("rebels", False, "army post")]),
        # a capital before an attack noun names where it happened, not who did it
        ("The Paris attacks were carried out by gunmen.", [("gunmen", False, None)]),
        ("The Moscow bombings killed more than 300 people.", []),
        # also before a firing noun, whose owner a modifier may otherwise name ("police fire")
        ("Officials condemned the Moscow shooting.", []),
        ("Moscow denied any part in the bombings.", [("Russia", True, None)]),
    ],
)
def test_initiator_behind_force_strafing_and_denied_doings(
    extract, text: str, found: list[tuple[str, bool, str | None]]
):
    assert [(a.actor, a.negated, a.target) for a in extract(text)] == found


@pytest.mark.parametrize("other", ["Ruritania", "gunmen", "troops"])
def test_compare_shared_blame_is_unclear_against_any_one_side(other: str):
    """ "Both sides fired on each other" neither confirms nor denies "X fired first"."""
    mutual = Claim(id="s1c1", source_id="s1", kind="initiator", quote="both sides fired", sentence="Both sides fired.",
                   start=0, end=16, sentence_start=0, value=Actor(actor="both sides"))  # fmt: skip
    one = mutual.model_copy(update={"id": "s2c1", "source_id": "s2", "value": Actor(actor=other)})
    assert compare(mutual, one, AliasTable())[0] == "unclear"
    assert side("protesters") not in ("state", "irregular")  # protesters are no armed side


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # what was fired is no target, even counted ("hundreds of rockets")
        ("Since the operation began, Hamas has fired hundreds of rockets at towns in the north.", "towns"),
        ("The militants fired a barrage of mortars at the base.", "base"),
        ("The army seized 20 percent of the territory.", "territory"),
        # a phrase before the verb sets the scene; whom it struck comes after
        ("At several points near the bridge, rebel commandos opened fire on the police.", "police"),
    ],
)
def test_initiator_what_was_fired_is_no_target(extract, text: str, target: str):
    (actor,) = extract(text)
    assert actor.target == target


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # an act denied to have happened at all: nobody did it
        ("The ministry said the reported raid never took place.", True),
        ("Officials said there was no attack on the village.", True),
        ("The massacre never happened, officials insisted.", True),
        ("The ministry called the massacre a staged provocation.", True),
        ("The killings were staged, the ministry said.", True),
        ("The ministry claimed the incident was staged.", True),
        ("Officials insisted that the footage had been faked.", True),
        # an act that happened, or a negation above it that is not about it
        ("The attack took place on Friday.", False),
        ("The troops did not go into the place where the massacre happened, he said.", False),
    ],
)
def test_initiator_an_act_that_never_happened(extract, text: str, denied: bool):
    found = [(a.actor, a.negated) for a in extract(text) if a.actor == "no one"]
    assert found == ([("no one", True)] if denied else [])


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # a saying the sentence calls false is denied
        ("It is illogical to claim that the army would use chemical weapons on that day.", True),
        ("It is absurd to suggest that our forces shelled the village.", True),
        ("The claim that the rebels attacked the convoy is absurd, the minister said.", True),
        ("All statements that the army shelled the depot are a provocation and are absolutely untrue.", True),
        # a phrase on the saying calls it false, or the sentence found nothing for it
        ("Rumours, later shown to be false, that the militia had attacked the school spread fast.", True),
        (
            "Rumours that the militia had attacked the school spread; the inquiry found no evidence to support them.",
            True,
        ),
        # a saying told, not dismissed
        ("Witnesses said that the army shelled the village.", False),
        ("It is clear that the army shelled the village.", False),
        ("Reports that the militia had attacked the school spread fast.", False),
        # the main verb's "not" does not deny the relative clause on its subject; a cleft stays denied
        ("The rebel group, which claimed the bombing of the station, did not comment on the second blast.", False),
        ("It was not the army that shelled the village.", True),
    ],
)
def test_initiator_a_saying_called_false_is_a_denial(extract, text: str, negated: bool):
    assert [a.negated for a in extract(text)] == [negated]


def test_initiator_blame_laid_beside_a_denial_is_not_denied(extract):
    """ "denied responsibility and blamed X": the denier's own part denied, X blamed."""
    found = {(a.actor, a.negated) for a in extract("The ministry denied responsibility and blamed Turkish forces.")}
    assert ("Turkey", False) in found and ("Turkey", True) not in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The council rejected any responsibility, blaming the Korvan militia alone.", ("Korvan militia", False)),
        ("The general denied ordering the shooting, saying the marchers had attacked first.", ("marchers", False)),
    ],
)
def test_initiator_blame_in_a_participle_beside_a_denial_is_not_denied(extract, text: str, found: tuple):
    """ "rejected any responsibility, blaming X": the participle tells the denier's own statement."""
    read = {(a.actor, a.negated) for a in extract(text)}
    assert found in read and (found[0], not found[1]) not in read


def test_initiator_blame_listed_after_a_denial_is_not_denied(extract):
    """ "denied that X fired, blamed Y for attacking, and said ...": a list of the denier's statements."""
    text = (
        "At a press conference on 12 October, Generals Amir Saleh and Hamid Nour of the military council denied "
        'that soldiers had fired live ammunition, blamed "infiltrators" and armed men among the protesters for '
        "attacking the troops, and said that any vehicle that hit people had been driven by a panicked soldier."
    )
    found = {(a.actor, a.negated) for a in extract(text)}
    assert ("soldiers", True) in found and ("infiltrators", False) in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # accused of responsibility, alone or for violence: blame for the incident; the act is no target
        ("Nor do I hesitate to accuse the security forces of responsibility.", [("security forces", None)]),
        ("The monitors accused the army of responsibility for the killings.", [("army", None)]),
        ("The envoy accused the rebels of involvement in the massacre.", [("rebels", None)]),
        ("The envoy accused the rebels of the massacre.", [("rebels", None)]),
        # responsibility for something else is no blame for violence
        ("The ministry accused the rebels of responsibility for the health crisis.", []),
    ],
)
def test_initiator_accused_of_responsibility(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


def test_compare_and_align_an_act_that_never_happened():
    """ "The raid never took place" answers every account of who carried out the raid (FAILURE_MODES 15)."""
    from analysis.align import Vocabulary, align_threshold, pair_score

    def blame(cid: str, actor: str, quote: str, about: str, negated: bool = False) -> Claim:
        return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote + ".",
                     start=0, end=len(quote), sentence_start=0, value=Actor(actor=actor, negated=negated),
                     about=about, event=[f"@ev:{cid}"])  # fmt: skip

    never = blame("s1c1", "no one", "the reported raid never took place", "raid", negated=True)
    raided = blame("s2c1", "Ruritania", "Ruritanian troops raided the village", "raid")
    denied = blame("s3c1", "Ruritania", "Ruritania did not raid the village", "raid", negated=True)
    shelled = blame("s4c1", "Borduria", "Borduria shelled the port", "port")
    fillers = [blame(f"s{n}c1", "Osk", f"Osk hit convoy {n}", "hit") for n in range(5, 9)]
    voc = Vocabulary.of([never, raided, denied, shelled, *fillers])
    assert pair_score(never, raided, voc) >= align_threshold()
    assert pair_score(never, shelled, voc) < align_threshold()
    assert compare(never, raided, AliasTable())[0] == "contradict"
    assert compare(never, denied, AliasTable())[0] == "unclear"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that contradicts the claim before it denies that claim's culprit
        ("Officials said the rebels set off the first blast. A later inquiry contradicted that assertion.",
         [("rebels", False), ("rebels", True)]),
        ("The army blamed the militia for the fire. Local doctors rejected this account.",
         [("militia", False), ("militia", True)]),
        # a bare "this" or "it"; "the findings", a report that accuses no one of its own
        ("Survivors said the killers were soldiers. The ministry rejected this.", [("soldiers", False), ("soldiers", True)]),
        ("Survivors said the killers were soldiers. The ministry denied it.", [("soldiers", False), ("soldiers", True)]),
        ("Investigators concluded that the rocket was fired by the rebels. The rebels rejected the findings.",
         [("rebels", False), ("rebels", True)]),
        # a denial that says what it denies is about that
        ("Survivors said the killers were soldiers. The ministry denied it had sent troops.", [("soldiers", False)]),
        # not contradicted, or no pointer back to it: nothing denied
        ("Officials said the rebels set off the first blast. A later inquiry did not dispute that account.",
         [("rebels", False)]),
        ("Officials said the rebels set off the first blast. Rumours spread through the town.", [("rebels", False)]),
    ],
)  # fmt: skip
def test_initiator_a_denial_that_points_back_denies_the_culprit_before(extract, text: str, expected: list):
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "allies"),
    [
        ("Troops of the Kestrian army under the command of General Arvid Hansen fired on the crowd.", ["Arvid Hansen"]),
        ("Soldiers led by Colonel Marta Kowalczyk opened fire on the marchers.", ["Marta Kowalczyk"]),
        ("Soldiers under the bridge opened fire on the marchers.", []),
    ],
)
def test_initiator_commander_named_with_the_doers_is_among_them(extract, sentence: str, allies: list[str]):
    """ "Troops under the command of General X fired": an account naming only X agrees with it."""
    (actor,) = extract(sentence)
    assert actor.allies == allies


def test_initiator_compare_the_commander_named_agrees_with_his_troops():
    """ "British troops under the command of Brigadier-General Reginald Dyer fired" and "General Dyer
    opened fire": one party, told by its army and by its commander (issue #8)."""
    aliases = AliasTable()
    troops = _claim("s1c1", Actor(actor="United Kingdom", allies=["Reginald Dyer"]))
    general = _claim("s2c1", Actor(actor="General Dyer"))
    assert compare(troops, general, aliases)[0] == "agree"
    # told without the tie, no account says whose side the general was on: he may be the state's
    assert compare(_claim("s1c1", Actor(actor="United Kingdom")), general, aliases)[0] == "unclear"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Moldovan President Arvid Hansen spoke on Monday. Hansen's forces shelled the town on Tuesday.", "Moldova"),
        ("Russian President Vladimir Putin spoke on Monday. Later Putin ordered troops to attack the city.", "Russia"),
        # a person the text never names with a state: his forces, of a state not said
        ("Arvid Hansen's forces shelled the town on Tuesday.", "Arvid Hansen's forces"),
    ],
)
def test_initiator_leader_named_once_with_his_state_stands_for_it(extract, text: str, actor: str):
    """ "Syrian President Bashar al-Assad ... Assad's forces shelled": the state he was named with."""
    assert [a.actor for a in extract(text)] == [actor]


def test_initiator_a_second_statement_of_the_denier_is_not_denied(extract):
    """ "X denied attacking the base and said Y had started the war": what X says next is X's own
    claim, laid, not denied with the attack."""
    found = extract("The Kestrian militia denied attacking the base and said the army had started the war.")
    assert [(a.actor, a.negated) for a in found] == [("Kestrian militia", True), ("army", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group that says it did it; the act claimed, told either way round
        ("The Red Falcon Front claimed the bombings within hours.", [("Red Falcon Front", False)]),
        ("The attack on the depot was claimed by the Red Falcon Front.", [("Red Falcon Front", False)]),
        ("The bombing claimed 40 lives.", []),
        # the one pointed to or named as responsible
        (
            "The ministry continued to point to the Red Falcon Front as responsible for the attacks.",
            [("Red Falcon Front", False)],
        ),
        ("Investigators named the Red Falcon Front as responsible for the bombing.", [("Red Falcon Front", False)]),
        # a group word whose name stands beside it
        ("Officials blamed the separatist organisation RFF for the bombing.", [("RFF", False)]),
        ("A group calling itself the Dawn Brigades claimed the attack.", [("Dawn Brigades", False)]),
        ("The attack was carried out by a cell of armed extremists.", [("armed extremists", False)]),
        # a named group blamed for nothing else is blamed for the violence told
        ("The interior minister initially blamed the Red Falcon Front.", [("Red Falcon Front", False)]),
        # what nothing showed, and what was denied to have anything to do with it
        ("The court found no evidence that the Red Falcon Front had been involved.", [("Red Falcon Front", True)]),
        (
            "The judge said there was no evidence of any involvement by the Red Falcon Front.",
            [("Red Falcon Front", True)],
        ),
        (
            "Its leader denied that the Red Falcon Front had anything to do with the bombings.",
            [("Red Falcon Front", True)],
        ),
        # "it" or "they" for the attack told just before; no attack before, no claim
        (
            "The blast destroyed the market. It was carried out by the Red Falcon Front, police said.",
            [("Red Falcon Front", False)],
        ),
        (
            "The court tried the men over the bombings of two buses and found they had been carried out by a cell "
            "of armed extremists.",
            [("armed extremists", False)],
        ),
        ("The survey was published in May. It was carried out by a team of students.", []),
    ],
)
def test_initiator_claimed_named_as_responsible_and_found_not_involved(extract, text: str, expected: list):
    """Claims of an attack, culprits named "as responsible", group words with their names, and
    findings of no involvement (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


def test_initiator_counted_people_a_report_says_were_killed_are_no_killers(extract):
    """ "The brigade reported 35 Viet Cong killed": the parse makes them the subject of "killed"; a
    counted subject of a verb of harm with no object is those harmed."""
    assert extract("The brigade reported 35 Viet Cong killed and two rifles captured.") == []
    assert [a.actor for a in extract("Two gunmen killed the guard.")] == ["gunmen"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy said Moldovan shells had been fired into the village.", [("Moldova", False)]),
        ("Russian rockets were dropped on the depot at dawn.", [("Russia", False)]),
        ("Dozens of shells were fired into the village.", []),
        # the weapon itself is never the doer ("who started the fighting: guns")
        ("No guns were fired.", []),
        ("No rifles were fired that night.", []),
    ],
)
def test_initiator_whose_weapon_was_fired_says_who_fired(extract, text: str, expected: list):
    """ "Moldovan shells had been fired into the village": the passive names no agent, the weapon's
    owner fired it; a weapon of no one named names no one (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Outside agitators incited the riots, the governor said.", [("outside agitators", False)]),
        # "Moldovan agents", as "Russian agents": a people's irregulars, however the parser reads "Moldovan"
        ("Officials said Moldovan agents had crossed the border to stir up disorder.", [("Moldovan agents", False)]),
        ("The speech stirred up trouble.", []),
        ("The army tried to stop the unrest.", []),
    ],
)
def test_initiator_who_set_off_the_unrest(extract, text: str, expected: list):
    """ "Agitators incited the riots", "agents crossed the border to stir up disorder": who set off
    the violence started it (issue #8); a speech is no one, and stopping unrest is no starting it."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an active verb with an object after a passive: its subject did it
        ("Moldovan commandos were flown to the village and killed 30 villagers.", [("Moldova", False)]),
        ("The villagers were rounded up and shot.", []),
    ],
)
def test_initiator_doers_of_an_act_told_after_a_passive(extract, text: str, expected: list):
    """ "X were flown in and killed 30 villagers": X did the killing; "were rounded up and shot" says
    nothing of who shot them (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words for who carried out one attack are actors, sided with no one
        ("The attackers opened fire on the crowd outside the theatre.", [("attackers", "crowd")]),
        ("An assailant stabbed two guards at the gate.", [("assailant", "guards")]),
        ("The perpetrators set off the bomb in the car park.", [("perpetrators", None)]),
        ("Witnesses said the shooter fired at bystanders.", [("shooter", "bystanders")]),
        # a phrasal verb conjoined to the first: the first verb's subject set the bomb off
        ("The perpetrator parked a van near the ministry and set off the bomb.", [("perpetrator", None)]),
        ("Rebel fighters reached the dam at night and blew up the sluice gates.", [("rebel fighters", "sluice gates")]),
        # a phrasal verb in the passive: the agent did it
        ("Police said the second blast had been set off by a suicide bomber.", [("suicide bomber", None)]),
        ("The bridge was blown up by retreating troops.", [("retreating troops", "bridge")]),
        ("The protester was gunned down by a police sniper.", [("police sniper", "protester")]),
        # "opened up on" is opening fire; a market or a border that opens up attacks nobody
        ("Minutes later the soldiers opened up on the crowd.", [("soldiers", "crowd")]),
        ("The border opened up on Monday.", []),
        # who the bomber or gunman was, named by a copula
        ("The suicide bomber at the station was Karim Haddad.", [("Karim Haddad", None)]),
        ("Police said the gunman was a member of the Red Hand militia.", [("Red Hand militia", None)]),
        # a pistol fired at the police is what was fired, not whom at
        ("The gunman also fired a pistol at police.", [("gunman", "police")]),
        ("The sniper fired a rifle at the checkpoint.", [("sniper", "checkpoint")]),
    ],
)
def test_initiator_attackers_named_by_what_they_did(extract, text: str, expected: list):
    """ "The attackers opened fire", "the perpetrator ... and set off the bomb", "the blast had been set
    off by a suicide bomber", "the bomber was X", "fired a pistol at police" (issue #8): who did it,
    and whom at."""
    assert [(a.actor, a.target) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court's finding of who did it
        ("The district court convicted two Russians of the murder of the 40 passengers.", [("Russia", False)]),
        ("Karel Novak was sentenced to life for the bombing of the market.", [("Karel Novak", False)]),
        ("The colonel was sentenced to death for ordering the attack.", [("colonel", False)]),  # by rank
        ("She was sentenced to death for ordering the attack.", []),  # no one named
        ("The general was convicted of tax fraud.", []),  # no act of violence
        # a charge or conviction of an act told by a verb; an acquittal finds the other way
        ("The court convicted three soldiers of shooting down the airliner.", [("soldiers", False)]),
        ("Prosecutors charged the militia with burning the village.", [("militia", False)]),
        ("The rebel commander was indicted for ordering the massacre.", [("rebel commander", False)]),
        ("The court acquitted the colonel of the bombing.", [("colonel", True)]),
        ("The colonel was cleared of ordering the attack.", [("colonel", True)]),
        # what someone set out to do is no finding: a clearing aimed at, not found
        ("The inquiry is a sham whose only task is to clear the militia.", []),
        ("The hearing was an attempt to absolve the gendarmes.", []),
        ("The tribunal was designed to exonerate the guards.", []),
        # "clear" finds blameless only of something, or when a court or an inquiry clears; riot police
        # clearing a square remove people from it
        ("At dawn riot police cleared the protesters from the bridge.", [("riot police", False)]),
        ("The regiment cleared out the insurgents from the market quarter.", []),
        ("The marchers were cleared from the avenue before noon.", []),
        ("A military tribunal cleared the paratroopers.", [("paratroopers", True)]),
        ("The gendarmes were cleared by the inquest.", [("gendarmes", True)]),
        # a charge made with spears is a rush by the strikers, not a charge laid against the police
        ("The strikers charged the police line with spears.", [("strikers", False)]),
        # a date of the denial is not what was denied
        ("In 2018 the militia denied any involvement.", [("militia", True)]),
        # the subject the parser read into an opening phrase of time
        ("In mid-March 1988 Moldovan forces captured the town.", [("Moldova", False)]),
        # no main verb found: the past tense hung on the noun before it is the head noun's act; "as a
        # police officer shot" read as a clause: who was dressed as the officer shot
        ("A gunman dressed as a police officer shot dead at least 85 people.", [("gunman", False)]),
        ("A gunman dressed as a police officer shot dead at least 40 people.", [("gunman", False)]),
        ("The gunman, who looked like a soldier, fired on the crowd.", [("gunman", False)]),
    ],
)
def test_initiator_convicted_by_a_court_and_the_subject_after_a_time(extract, text: str, expected: list):
    """ "The court convicted X of the murder", "X was sentenced for the bombing": a court says who did it;
    "In mid-March 1988 X forces captured": the subject the parse hung on "In" (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rush at someone is an attack on them
        ("The strikers charged at a police line.", [("strikers", False)]),
        # the agent of the second of two passive verbs did what the first verb's subject names
        ("The bombings were planned and carried out by the militia.", [("militia", False)]),
        ("The bombing was investigated and confirmed by the police.", []),
        # the weapon's participle names who used it; a fire set by someone
        ("A car bomb planted by the rebels exploded outside the ministry.", [("rebels", False)]),
        ("Investigators concluded that the fire was set deliberately by the guards.", [("guards", False)]),
        ("The fire was started by a short circuit.", []),
        # accusations called false by the accused
        ("The militia called the accusations absurd.", [("militia", True)]),
        ("The army dismissed the claims as a fabrication.", [("army", True)]),
        # the "by" after the act of a passive accusation names the accuser, not the doer
        ("The rebels were accused of the massacre by the government.", [("rebels", False)]),
        ("The rebels were blamed for the killings by the government.", [("rebels", False)]),
        # what the accused calls the claims is its own statement: the provocation is the rebels', told
        ("The army dismissed the claims as a provocation staged by the rebels.", [("army", True), ("rebels", False)]),
        ("The paper called the accusations against the militia credible.", []),
        ("The ministry rejected the accusations against the police.", []),  # not its own
        ("The ministry said the claim that the militia raided the village was a lie.", [("militia", True)]),
        ("The militia said the accusations were baseless.", [("militia", True)]),
        ("The militia said the accusations were credible.", []),
        ("The army has always maintained its innocence.", [("army", True)]),
        ("The army refused to accept responsibility for the killings.", [("army", True)]),
        # a part in it denied in the passive
        ("Any involvement by the militia was denied.", [("militia", True)]),
        ("A newspaper report, which placed the blame on the militia, was disputed.", [("militia", False)]),
    ],
)
def test_initiator_a_charge_a_second_passive_verb_a_weapon_and_accusations_called_false(
    extract, text: str, expected: list
):
    """ "Charged at the police line" is an attack; "planned and carried out by X", "a bomb planted by
    X": X did it; "X called the accusations absurd": X says it did not (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the text gives a building names where the attack was, not who did it
        ("A truck bomb flattened the Drakkar building. It was the Drakkar attack that shook the city.", []),
        (
            "Gunmen entered the Bataclan concert hall. The Bataclan attack left 90 dead.",
            [("gunmen", "Bataclan concert hall")],
        ),
        # a group named before its attack stays its doer
        ("The Hamas attack on the kibbutz killed 60.", [("Hamas", None)]),
    ],
)
def test_initiator_a_building_before_an_attack_is_no_doer(extract, text: str, expected: list):
    """ "The Drakkar attack" in a text that writes "the Drakkar building": the place (issue #8)."""
    assert [(a.actor, a.target) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's saying and the denial after a semicolon are two statements
        ("Villagers say Moldovan troops massacred hundreds; army denies it", [("Moldova", False)]),
        # what a denial governs stays denied
        ("The army denied that its troops massacred villagers.", [("army", True)]),
        # a denial that the act took place at all: no one did it
        ("The government for years denied that the massacre had happened.", [("no one", True)]),
        ("The army did not deny that the massacre had happened.", []),
        # a hyphen inside a word parts nothing: what comes before stays what is denied
        ("Villagers say Moldovan troops massacred hundreds, the pro-army ministry denies", [("Moldova", True)]),
        ("Villagers say Moldovan troops massacred hundreds - army denies it", [("Moldova", False)]),
    ],
)
def test_initiator_a_saying_before_a_semicolon_is_not_what_is_denied(extract, text: str, expected: list):
    """ "Peasants say troops massacred hundreds; army denies it" (issue #8): the parser hangs the saying
    on "denies"; the claim is the villagers', the denial the army's."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act named first, its doer in a participle after it
        ("It was a massacre carried out by the militia.", [("militia", False)]),
        ("The bombing was the work of the rebels.", [("rebels", False)]),
        ("The attack was not the work of the army.", [("army", True)]),
        # a people's adjective or a possessive names who was (not) involved
        ("The inquiry found no evidence of Libyan involvement in the bombing.", [("Libya", True)]),
        # a head of state's army, his state never named: a state's force, not the man; a general's
        # men may be anybody's
        ("It was a massacre carried out by the army of President Rado Velic.", [("army", False)]),
        ("The attack was carried out by the forces of General Rado Velic.", [("General Rado Velic", False)]),
    ],
)
def test_initiator_work_of_reduced_passive_and_involvement(extract, text: str, expected: list):
    """Who did it told after the act (issue #8): "a massacre carried out by X", "the work of X",
    "no evidence of Libyan involvement"."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Witnesses said no shots were fired at the soldiers.", [("soldiers", False)]),
        ("Not a single shot was fired at the police that night.", [("police", False)]),
        ("No one fired on the troops before they began shooting.", [("troops", False)]),
        ("The paratroopers took no fire.", [("paratroopers", False)]),
        # the other side of the dispute: fired on first, so they did not begin it
        ("The soldiers had been fired on first.", [("soldiers", True)]),
        # "on" read as a particle of the verb: still the ones fired on, before they fired
        ("The constables had been fired on before they started shooting.", [("constables", True)]),
        ("The constables were not fired on by anybody.", [("constables", False)]),
        ("The constables were fired on.", []),
        # shots with nobody denied say nothing of who began
        ("Shots were fired at the soldiers.", []),
        ("No shots were fired.", []),
    ],
)
def test_initiator_nobody_fired_at_them_says_their_firing_began_it(extract, text: str, expected: list):
    """ "Not a single shot was fired at the soldiers" (issue #8): nobody fired on them, so their own
    firing began it; it disputes "the soldiers had been fired on first"."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a band of the doers names them
        ("The attacks were carried out by three teams of gunmen.", [("gunmen", False)]),
        ("A group of militants attacked the post.", [("militants", False)]),
        ("Terror organisations in the enclave have fired rockets at towns.", [("terror organisations", False)]),
        # people told as armed are armed men
        ("Three men armed with rifles entered the hall and fired on the audience.", [("armed men", False)]),
        ("People armed with sticks were seen near the gate.", []),
        # an attacker's vehicle driven into a target
        ("A suicide bomber drove a truck laden with explosives into the barracks.", [("suicide bomber", False)]),
        ("The attacker rammed a lorry into the crowd.", [("attacker", False)]),
        ("The soldiers drove their trucks into the city.", []),
        # whoever drives into a crowd of people attacks them
        ("A man drove a truck into pedestrians on the bridge.", [("man", False)]),
        ("Soldiers drove their armoured vehicles into the crowd of marchers.", [("soldiers", False)]),
        ("The soldiers drove into the city at dawn.", []),
    ],
)
def test_initiator_bands_armed_men_and_vehicles_driven_into_a_target(extract, text: str, expected: list):
    """Who did it named by a band of them, by their arms, or by the vehicle they drove into the
    target (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a word for people that no list of forces holds names the doer (claims/data/people_nouns.json)
        ("Inmates stormed the yard at dawn.", ["inmates"]),
        ("The strikers attacked the police line first.", ["strikers"]),
        ("Convicts seized the cell block on Monday.", ["convicts"]),
        # an acronym before such a word is the group's name
        ("The criminal KDF clique attacked the northern garrison.", ["KDF"]),
        # the doer itself, not what it is "of"
        ("Over four hours, soldiers of the company shot villagers in their homes.", ["soldiers"]),
        # not a word for those harmed, a band of others, or a place
        ("A rocket struck the depot as hundreds of civilians queued for bread, killing 30 people.", []),
        ("A third team attacked the diners at the cafe.", []),
    ],
)
def test_initiator_doers_named_by_words_for_people(extract, text: str, actors: list[str]):
    """Accounts of a new conflict name doers by words no list of forces foresees (issue #8)."""
    assert [a.actor for a in extract(text)] == actors


def test_people_nouns_hold_people_and_groups_not_things():
    nouns = set(read("people_nouns.json", NounClassFile)[1].nouns)
    assert {"inmate", "villager", "striker", "crowd", "mob", "clique"} <= nouns
    assert not {"missile", "shell", "attack", "aaron"} & nouns  # no thing, act or person's name
    assert "village" in nouns  # a community: the extraction leaves out settlements (rules "settlement_nouns")


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a condition or a threat is no account of what was done
        ("If the rebels attack the town, the troops will respond.", []),
        ("Should the militia shell the port again, the navy will strike without hesitation.", []),
        ("The militia will attack the port, the commander warned.", []),
        ("The militia shelled the port again on Tuesday.", ["militia"]),
        ("The ministry said the army would never attack civilians.", ["army"]),
        # a side named from the speaker's side only is no actor
        ("The enemy shelled our positions overnight.", []),
        ("The reports looked like a provocation planned by the government's opponents.", ["government's opponents"]),
        # a verb hung on a verb of telling does not share its subject
        (
            "Farmers told reporters that soldiers landed at dawn, herded families out and shot them.",
            ["soldiers"],
        ),
    ],
)
def test_initiator_conditions_threats_and_the_speakers_enemy(extract, text: str, actors: list[str]):
    """Threats and conditions in statements ("should the enemy ..., we will strike") are not claims of
    who did it, and "the enemy" names no party by itself (issue #8)."""
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # where the shots came from names who fired
        ("The patrol came under artillery fire from Finnish territory.", [("Finland", False)]),
        # a place of no one named names no party
        ("The patrol came under fire from the territory.", []),
        # the shots said to be fired (to have come) from a side or a territory; none from it denies it
        ("The shells had been fired from Polish territory.", [("Poland", False)]),
        ("The shots came from the Turkish side.", [("Turkey", False)]),
        ("The mortar round was fired from territory held by the rebel army.", [("rebel army", False)]),
        ("No shots were fired from the Polish side of the border.", [("Poland", True)]),
        ("The rocket was fired from the eastern side.", []),
        # a weapon fired from a place; a holder written before a hyphen; a place of no one named
        ("The airliner was downed by a missile fired from rebel-held territory.", [("rebel", False)]),
        ("Shells were fired from government-held areas.", [("government", False)]),
        ("The shots came from residential areas.", []),
        # a place's own name after "from" says where, not who; a group or a holder says who
        ("The army said the militia fired rockets from the Dorvan area that night.", [("militia", False)]),
        ("Officials said the separatists fired the missile from Marrowville.", [("separatists", False)]),
        ("The gunners fired shells and rockets from Marrowville.", [("gunners", False)]),
        ("The village came under heavy rocket fire from Hamas on Monday.", [("Hamas", False)]),
        ("The town suffered rocket attacks from rebel-held areas.", [("rebel", False)]),
        # "its" names the clause's own party
        ("Finland denied that its artillery had fired.", [("Finland", True)]),
        # staged by someone is done by them; staged alone, it never happened
        ("The shelling was staged by the Finnish side.", [("Finland", False)]),
        ("Historians say the shelling was staged.", [("no one", True)]),
    ],
)
def test_initiator_where_the_shots_came_from(extract, text: str, found: list[tuple[str, bool]]):
    """Cross-border fire is told by where it came from ("under fire from Finnish territory"), a side's
    guns by "its" (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # fire from a building, no owner named: an unseen gunman there
        ("The guardsmen came under rifle fire from one of the farmhouses' upper windows.", [("gunmen", False)]),
        ("The patrol took machine-gun fire from a house near the bridge.", [("gunmen", False)]),
        ("Deputies saw gunfire from the roof of the hotel.", [("gunmen", False)]),
        ("Residents insist that no shot came from the library building.", [("gunmen", True)]),
        ("Investigators found no evidence that any shot had been fired from the hostel.", [("gunmen", True)]),
        ("No mortars were fired from the mosque or from anywhere near it.", [("gunmen", True)]),
        # any construction WordNet knows is such a place, not only the words of a list
        ("Troops came under fire from the barracks.", [("gunmen", False)]),
        ("The police said shots were fired from the fortress.", [("gunmen", False)]),
        ("The convoy took machine-gun fire from a tenement near the bridge.", [("gunmen", False)]),
        ("Residents insist that no shot came from the corridor.", [("gunmen", True)]),
        # a building's owner or holder named is the party that fired
        ("Witnesses said shots came from the police station.", [("police", False)]),
        ("Shots came from a Hamas-held building.", [("Hamas", False)]),
        ("The rockets were fired from a building held by the militia.", [("militia", False)]),
        # a building struck, searched or fled is no doer; nor where those fired on were
        ("The army shelled the house.", [("army", False)]),
        ("Militiamen fired on the marchers from nearby rooftops.", [("militiamen", False)]),
        ("The family fled from the house when the shooting began.", []),
        ("The refugees came from the barracks on foot.", []),
    ],
)
def test_initiator_fire_from_a_building_is_an_unseen_gunman(extract, text: str, found: list[tuple[str, bool]]):
    """ "Came under fire from a house", "no shot came from the dormitory": who fired first is told by
    where the fire came from, as "from the crowd" is (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a rush made with weapons or implements (WordNet's, claims/data/instrument_nouns.json): an attack
        ("Riot police charged the students with batons and tear gas.", [("Riot police", "students")]),
        ("Mounted troops charged the crowd with sabres drawn.", [("mounted troops", "crowd")]),
        # a charge laid: blame for the crime, as before
        ("Prosecutors charged two soldiers with murder.", [("soldiers", None)]),
        ("Two guards were charged with the killings.", [("guards", None)]),
    ],
)
def test_initiator_a_charge_made_with_weapons_is_an_attack(extract, text: str, found: list[tuple[str, str | None]]):
    """ "Charged the marchers with batons" is a rush on them by the chargers, not a charge laid against
    the marchers (issue #8)."""
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # no order to fire was given: the shooting was not ordered, whoever is said to have ordered it
        ("The police said that nobody had given the order to shoot.", ["no one"]),
        ("No one gave an order to fire on the marchers.", ["no one"]),
        # where the order came from is who had the shooting done
        ("An inquiry found that the order to fire came from the governor.", ["governor"]),
        # an order of something else, or orders of nothing said, are no claim of who fired
        ("No one gave an order to leave.", []),
        ("The orders came from headquarters.", []),
    ],
)
def test_initiator_who_gave_the_order_to_fire(extract, text: str, actors: list[str]):
    """ "Nobody gave the order to fire" denies that the shooting was ordered; "the order to fire came
    from X" says X had it done (issue #8)."""
    assert [a.actor for a in extract(text)] == actors


def test_structure_nouns_are_constructions_and_the_firing_sites_list_only_what_wordnet_files_otherwise():
    """structure_nouns.json (WordNet's constructions) holds buildings and their parts, not people,
    streets or vehicles; rules.json initiator.firing_sites adds only places WordNet files otherwise."""
    nouns = set(read("structure_nouns.json", NounClassFile)[1].nouns)
    assert {"barrack", "dormitory", "stairwell", "window", "balcony", "mosque", "tenement"} <= nouns
    assert not nouns & {"soldier", "crowd", "street", "car", "army", "village", "field"}
    assert not nouns & set(rules()["initiator"]["firing_sites"])


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [("The rebels staged an attack.", "staged", "stage"), ("Ruritania was waging war.", "waging", "wage")],
)
def test_pipeline_sets_right_the_lemmas_the_model_gets_wrong(text: str, word: str, lemma: str):
    """The model reads "staged" as "stag" and "waged" as "wag" (rules.json "lemma_fixes")."""
    doc = load_nlp()(text)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The rebels staged an attack on the convoy.", ["rebels"]),
        ("Iraq waged war on Iran in 1980.", ["Iraq"]),
    ],
)
def test_initiator_staged_and_waged(extract, text: str, actors: list[str]):
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # more verbs of violence (rules initiator.attack_verbs)
        ("The crowd stoned the police first.", ["crowd"]),
        ("Paratroopers clubbed the students.", ["paratroopers"]),
        ("The bomber detonated his device in the foyer.", ["bomber"]),
        ("Gunmen kidnapped three engineers.", ["gunmen"]),
        # a ship that sank is no doer
        ("The corvette sank within minutes.", []),
    ],
)
def test_initiator_more_verbs_of_violence(extract, text: str, actors: list[str]):
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a force that ends a gathering (rules initiator.disperse_verbs, gathering_nouns; patterns disperse-*, break-up)
        ("Riot police dispersed the rally outside the parliament.", [("Riot police", False)]),
        ("The march was scattered by mounted troops.", [("mounted troops", False)]),
        ("Soldiers broke up the demonstration at dawn.", [("soldiers", False)]),
        # what is done with a weapon (instrument_nouns; pattern with-weapon), not what one is armed with
        ("Interior troops cleared the avenue with tear gas.", [("interior troops", False)]),
        ("The strikers pelted the police station with stones.", [("strikers", False)]),
        ("The dockers were armed with iron bars and rifles.", []),
        # more verbs of violence
        ("The guards beat the detainees.", [("guards", False)]),
        ("Jailers tortured the captured officers.", [("jailers", False)]),
        # "brought down" an aircraft, not a government (figurative_objects)
        ("Rebel gunners brought down the transport plane.", [("rebel gunners", False)]),
        ("The airliner was brought down by an army missile crew.", [("army missile crew", False)]),
        ("The scandal brought down the government.", []),
        # the violence began (not) with someone; not "began with an air strike", an act whose own doer is read
        ("The violence did not begin with the miners.", [("miners", True)]),
        # a denial that the denier had a part in it, and involvement in "the incident"
        ("The rebels denied that they had any part in the ambush.", [("rebels", True)]),
        ("The militia says it had no involvement in that incident.", [("militia", True)]),
        # the copula says who did it: a noun phrase no lexicon knows is the doer
        ("Witnesses said the attackers were masked irregulars.", [("masked irregulars", False)]),
        ("Witnesses said the killers were jihadis.", [("jihadis", False)]),
    ],
)
def test_initiator_crackdowns_instruments_and_denials_of_a_part(extract, text: str, found: list[tuple[str, bool]]):
    """Acts told by what a force did to a gathering or with a weapon, and denials of having a part in
    the incident (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # who planned or led the act did it (rules initiator.perform_verbs)
        ("Hambali masterminded the bombings.", ["Hambali"]),
        ("The colonel organised the massacre.", ["colonel"]),
        ("The violence had been orchestrated by the secret police.", ["secret police"]),
        # owning the act in one's own words (admission_verbs; patterns admit-*)
        ("The militia admitted carrying out the bombing.", ["militia"]),
        # an operation that is no violence (civil_modifiers)
        ("The army launched a rescue operation.", []),
        ("The UN coordinated the relief operation.", []),
    ],
)
def test_initiator_planners_admissions_and_civil_operations(extract, text: str, actors: list[str]):
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # a date in a clause about another thing is not the act's time
        ("An inquiry begun in 1998 concluded that the plane had been shot down by rebel gunners.", None),
        ("The report said the attack was carried out by officers opposed to the accord signed on 4 August 1993.", None),
        # the act's own date, and the date of the clause it hangs on, still are
        ("On 6 April 1994 rebel gunners shot down the plane.", "1994-04-06"),
        ("The government blamed the rebels for the 6 April 1994 attack.", "1994-04-06"),
        # a sentence before dates its own act, not the story of a noun in a relative clause
        (
            "Rioters cited a rumour about Amos Bell, who was killed in Harlan in 1961. Then police said "
            "snipers had fired on them.",
            None,
        ),
        ("Rioters burned cars on 3 May 1971. Then police said snipers had fired on them.", "1971-05-03"),
    ],
)
def test_initiator_time_is_the_acts_not_another_things(text: str, when: str | None):
    """Event time, not the time of an inquiry or an accord the sentence also tells (issue #8)."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    found = [c for c in extract_from_doc(src, load_nlp()(text), AliasTable()) if c.kind == "initiator"]
    assert found, text
    assert [str(c.when.start) if c.when else None for c in found] == [when] * len(found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # fire from a territory names whoever held it, as it names a state's own
        ("The patrol came under fire from territory held by the rebel army.", [("rebel army", None)]),
        ("The patrol came under fire from Turkish territory.", [("Turkey", None)]),
        ("The patrol came under fire from territory held by nobody.", []),
        # a band of a group, written before it: the group; a group's own name comes first
        ("A militia cell bombed the market at Keswin.", [("militia", "market")]),
        ("An army unit shelled the village.", [("army unit", "village")]),
        ("The minister said the separatist group ORLA was behind the bombing.", [("ORLA", None)]),
    ],
)
def test_initiator_fire_from_held_territory_and_a_band_of_a_group(
    extract, text: str, found: list[tuple[str, str | None]]
):
    assert [(a.actor, a.target) for a in extract(text)] == found


def _initiator_claims(text: str) -> list:
    """The initiator claims of one text, whole (quote and all), read with the real model."""
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    return [c for c in extract_from_doc(src, load_nlp()(text), AliasTable()) if c.kind == "initiator"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # some of a group: the group acted, and the quote keeps "some of"
        ("Some of the demonstrators attacked the checkpoint with stones.", [("demonstrators", "checkpoint", False)]),
        ("One of the gunmen opened fire on the guests.", [("gunmen", "guests", False)]),
        # none of a group: a claim that they did not
        ("None of the guards fired first, the warden said.", [("guards", None, True)]),
        ("Norway denied that any of its guns had fired.", [("Norway", None, True)]),
    ],
)
def test_initiator_some_or_none_of_a_group(text: str, found: list[tuple[str, str | None, bool]]):
    """Issue #8: a partitive subject names the group it takes from ("some of the marchers"); the quote
    keeps the partitive, so "none of the guards" is not shown as "guards fired"."""
    claims = _initiator_claims(text)
    assert [(c.value.actor, c.value.target, c.value.negated) for c in claims] == found
    assert all(" of " in c.quote for c in claims)


@pytest.mark.parametrize(
    ("text", "found", "quote"),
    [
        # a doer owning, denying or standing behind an act the sentence before told, by a pronoun
        (
            "A mortar attack hit the bus depot. The army denied carrying it out.",
            [("army", True)],
            "army denied carrying it",
        ),
        (
            "A rocket attack struck the clinic. Officials said the rebels were behind it.",
            [("rebels", False)],
            "rebels were behind it",
        ),
        (
            "The bombing of the ferry killed 90. A tribunal found that Libyan officers had planned it.",
            [("Libya", False)],
            "Libyan officers had planned it",
        ),
        (
            "The massacre lasted two days. Police said a local militia had carried it out.",
            [("local militia", False)],
            "militia had carried it",
        ),
        (
            "The ambush shocked the country. The rebels denied they were behind it.",
            [("rebels", True)],
            "rebels denied they were behind it",
        ),
        (
            "The gas attack killed hundreds. The colonel was sentenced to death for ordering it.",
            [("colonel", False)],
            "colonel was sentenced to death for ordering it",
        ),
        # no act told before: nothing owned
        ("The talks stalled. The rebels were behind it, the mediator said.", [], None),
        ("The soldiers carried them to the truck after the raid.", [], None),
        # an act told in the pronoun's own sentence: "it" is likelier the nearer thing (the order)
        (
            "The envoy asked for an attack on the post and passed the order to the militants who carried it out.",
            [],
            None,
        ),
    ],
)
def test_initiator_owning_an_act_told_before_by_a_pronoun(text: str, found, quote: str | None):
    """Issue #8: "X carried it out", "X was behind it", "X denied ordering it": the act is the attack
    named last in the sentence before; the quote stays in the claim's own sentence."""
    claims = _initiator_claims(text)
    assert [(c.value.actor, c.value.negated) for c in claims] == found
    if quote is not None:
        assert claims[0].quote == quote


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a common noun opening its sentence, tagged as a name: still a word for people who acted
        ("Guardsmen fired on the students.", "guardsmen"),
        ("The guardsmen fired on the students.", "guardsmen"),
    ],
)
def test_initiator_a_capitalised_word_for_people_opening_the_sentence(extract, text: str, actor: str):
    assert [a.actor.lower() for a in extract(text)] == [actor]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the copula names who did the act its subject's own clause tells
        ("Witnesses said the men who opened fire were police officers.", [("police officers", False)]),
        ("Those who attacked the village were soldiers of the garrison.", [("soldiers", False)]),
        ("The people who shelled the market were not soldiers, the army said.", [("soldiers", True)]),
        # a clause of no violence names no one
        ("The men who opened the door were police officers.", []),
    ],
)
def test_initiator_those_who_did_it_were(extract, text: str, found: list[tuple[str, bool]]):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a craft or a gun of one side is that side's (rules initiator.force_nouns)
        ("A Soviet interceptor fired two missiles at the airliner.", [("Soviet Union", False)]),
        ("The airliner was shot down by a Soviet interceptor.", [("Soviet Union", False)]),
        ("An American cruiser fired two missiles at the airliner.", [("United States", False)]),
        ("British bombers attacked the city in two waves.", [("United Kingdom", False)]),
        ("Israeli mortars shelled the school.", [("Israel", False)]),
        # a craft of no side names no one
        ("The interceptor fired two missiles at the airliner.", []),
        # more verbs of violence
        ("American fighters machine-gunned the survivors on the river bank.", [("United States", False)]),
        ("Iraqi planes gassed the town.", [("Iraq", False)]),
        # a denial that the act took place at all
        ("Moscow denied that any chemical attack had taken place in the town.", [("no one", True)]),
        ("The ministry said the attack had taken place at dawn.", []),
        # an order to fire denied by whoever was said to give it
        ("Captain Mallory denied giving any order to fire.", [("Captain Mallory", True)]),
        ("The general denied giving the soldiers new rifles.", []),
    ],
)
def test_initiator_crafts_of_a_side_and_denials_of_the_act_or_the_order(extract, text: str, found):
    """Crafts and guns named by their side, the act denied to have taken place, an order to fire
    denied (issue #8)."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "he" in what one person says or denies is that person
        ("Major Okafor commanded the post. The major said he gave no order to fire.", [("major", True)]),
        ("Captain Okafor led the post. The captain denied that he had given the order to fire.", [("captain", True)]),
        ("The colonel said he ordered his men to fire on the crowd.", [("colonel", False)]),
        # not what many say of him, nor "he" outside what is said
        ("Witnesses said he fired first.", []),
        ("The colonel arrived at noon, and he ordered his men to fire.", []),
    ],
)
def test_initiator_he_in_what_one_person_says_is_that_person(extract, text: str, found):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a clause the sentence calls false: "it is false that", "it is a lie that", "the story that ... is a lie"
        ("It is false that the soldiers fired without provocation.", [("soldiers", True)]),
        ("It is a lie that our troops shelled the village.", [("troops", True)]),
        ("It was a tragedy that the soldiers fired on the crowd.", [("soldiers", False)]),
        # the soldiers say they were fired on first; calling that story a lie says they began it
        ("The story that the soldiers were first fired upon is a lie.", [("soldiers", False)]),
        # no one of the doers, no shot of theirs
        ("Not a single shot was fired by the marchers.", [("marchers", True)]),
        ("Not one round was fired by the police.", [("police", True)]),
        ("No officer of the patrol fired a shot.", [("officer", True)]),
        ("Soldiers killed a man who had no weapon.", [("soldiers", False)]),
    ],
)
def test_initiator_sayings_called_false_and_doers_of_none(extract, text: str, found):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a participle hung on a clause is done by that clause's subject, not the nearest one before it
        (
            "City police and state patrolmen fired into a crowd of students outside Dunmore Hall at what was then "
            "Varna State College, killing two young men.",
            ["city police"],
        ),
        ("Gunmen shot the guards, who were asleep at the gate, killing both.", ["gunmen"]),
        # nor the subject of a clause of time or cause the parser hangs it on
        ("Police fired on the crowd as the mayor watched from the balcony, killing two students.", ["police"]),
        (
            "Soldiers opened fire on the march after the organisers refused to turn back, killing nine people.",
            ["soldiers"],
        ),
    ],
)
def test_initiator_a_participle_is_done_by_its_clauses_subject(extract, text: str, actors: list[str]):
    assert [a.actor for a in extract(text)] == actors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "I" in what one man says is that man; "we" is the side its teller speaks for
        ('"I gave no order to fire," Captain Wexley told the court.', [("Captain Wexley", True)]),
        ('"We attacked no one," a spokesman for the strikers said.', [("strikers", True)]),
        ('"We never fired on the crowd," the soldiers said.', [("soldiers", True)]),
        # one man's "we" is a side he does not name; "we" outside what is said names no one
        ('"We fired first," said Tom Reese, a student.', []),
        ("We fired first.", []),
        # no one as the one fired at: no shot fired at all, and no target
        ("The soldiers fired at nobody.", [("soldiers", True)]),
    ],
)
def test_initiator_first_person_in_what_is_said_and_fire_at_no_one(extract, text: str, found):
    """ "'We attacked no one,' a spokesman for the strikers said" (issue #8): the first person in a
    statement is its teller, or the side a voice speaks for (rules initiator.voice_nouns)."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # shots from a crowd of people: that crowd fired
        ("Shots were fired from the crowd, the police said.", [("crowd", None)]),
        ("Shots were fired at the soldiers from within the crowd.", [("crowd", None)]),
        ("The first shots came from among the marchers.", [("marchers", None)]),
        # from a building near the crowd: not the crowd, an unseen gunman in the building
        ("Shots were fired from a house near the crowd.", [("gunmen", None)]),
        # falling upon, setting upon, turning guns on people: an attack on them
        ("The gunmen fell upon the three men.", [("gunmen", "men")]),
        ("The marchers were set upon by police officers.", [("police officers", "marchers")]),
        # met with a hail of stones from the students: the students attacked them
        ("The police were met with a hail of stones and bottles from the students.", [("students", "police")]),
        ("The envoy was met with applause from the crowd.", []),
        ("The guerrillas turned their guns on the children.", [("guerrillas", "children")]),
        # put (done) to death, slain: killed by them
        ("The two envoys were put to death by militiamen at a roadblock.", [("militiamen", "envoys")]),
        ("The raiders put the hostages to death.", [("raiders", "hostages")]),
        ("The missionaries were slain by bandits.", [("bandits", "missionaries")]),
        ("The abbot was done to death by the rebels.", [("rebels", "abbot")]),
        ("Nobody was put to death.", []),
        ("The rocket fell upon the house.", []),
    ],
)
def test_initiator_shots_from_a_crowd_and_attacks_told_as_falling_upon(extract, text: str, found):
    """Who fired, told by where the shots came from, and idioms of attack (issue #8)."""
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a violence noun's modifier may be whom it struck ("Israel's destruction"): no doer
        ("They spoke of Israel's destruction.", []),
        # "on the part of X"
        ("It was an act of terrorism on the part of the occupying forces.", [("occupying forces", False)]),
        # "whom" points back at the one blamed
        ("The militia leader, whom the army blamed for the ambush, fled.", [("militia leader", False)]),
        # the killings "of" people are whom they killed, not who killed; "by" names the doer
        ("The police killings of protesters were condemned.", []),
        ("The massacre of villagers by the militia was condemned.", [("militia", False)]),
    ],
)
def test_initiator_violence_nouns_by_modifier_part_and_whom(extract, text: str, found):
    """ "On the part of X", "whom the army blamed" (issue #8); the victims after "of" are never the
    doers."""
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shooters' side: they fired, but only once they were attacked, so they did not begin it
        ("The marines opened fire only after they were pelted with rocks.", [("marines", True)]),
        ("The constables fired after being attacked with iron bars.", [("constables", True)]),
        ("The guards opened fire only after the convoy came under attack.", [("guards", True)]),
        ("The troops fired once the mob attacked them.", [("troops", True), ("mob", False)]),
        ("The marines opened fire after two of their comrades were shot.", [("marines", True)]),
        # someone else's harm before the shooting says nothing of who attacked the shooters
        ("The marines opened fire after the hostages were shot.", [("marines", False)]),
        # an "after" clause that tells no attack on them leaves the claim as it is
        ("The marines opened fire after the rally reached the bridge.", [("marines", False)]),
        ("The constables fired on the strikers after the meeting broke up.", [("constables", False)]),
        # "did not fire until attacked" is no claim of who began it either way
        ("The marines did not fire after they were attacked.", []),
    ],
)
def test_initiator_fired_after_being_attacked_says_they_did_not_begin_it(extract, text: str, expected: list):
    """ "The soldiers only fired after being stoned" (issue #8): the account says the soldiers fired, and
    that they were attacked first; it is their side of who began it, and disputes "the soldiers opened
    fire without provocation", where reading it as a plain "the soldiers fired" made the two agree."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who ordered the act had it done, active or passive; "did not order it" says not
        ("The governor ordered the massacre.", [("governor", False)]),
        ("The colonel commanded the assault on the depot.", [("colonel", False)]),
        ("The shooting was ordered by the commander of the garrison.", [("commander", False)]),
        ("The regent did not order the shooting.", [("regent", True)]),
        # an order for something other than violence is no claim
        ("The governor ordered an inquiry into the shooting.", []),
        ("The evacuation was ordered by the mayor.", []),
    ],
)
def test_initiator_ordering_the_act_names_who_had_it_done(extract, text: str, expected: list):
    """ "The general ordered the attack", "the shooting was ordered by X" (issue #8): an order given for
    the act itself, as "ordered his men to fire" already was."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the deaths laid on a doer, as the act itself is
        ("The deaths were the work of the palace guard.", [("palace guard", False)]),
        ("The fatalities were caused by the militia.", [("militia", False)]),
        # deaths caused by no doer name none
        ("The deaths were caused by smoke and panic.", []),
    ],
)
def test_initiator_deaths_laid_on_a_doer(extract, text: str, expected: list):
    """ "The deaths were the work of policemen" (issue #8): the deaths, not only the act, said to be
    someone's doing name who did it."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fire from a village or from the ground around it: an unseen gunman there
        ("The patrol came under fire from the village.", [("gunmen", False)]),
        ("The convoy came under fire from the hills.", [("gunmen", False)]),
        ("The police came under fire from the woods.", [("gunmen", False)]),
        # a village fired on is no doer
        ("Troops shelled the village.", [("troops", False)]),
    ],
)
def test_initiator_fire_from_a_village_or_the_hills_names_an_unseen_gunman(extract, text: str, expected: list):
    """ "Came under fire from the village" (issue #8): fire from a settlement or from the hills names an
    unseen gunman there, as fire from a house already did."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # members, a group or hundreds of people no list of forces holds: the people themselves did it
        ("Members of the crowd attacked the guards.", [("crowd", "guards")]),
        ("A group of miners attacked a police line.", [("miners", "police")]),
        ("Hundreds of strikers attacked the guards.", [("strikers", "guards")]),
        # a force's word before the firing or shelling names who fired; a fire of no one named, no one
        ("Police fire killed two marchers.", [("police", "marchers")]),
        ("The marchers came under police fire on the bridge.", [("police", None)]),
        ("Witnesses said rebel gunfire killed the drivers.", [("rebel", "drivers")]),
        ("Government air strikes killed 20 villagers.", [("government", None)]),
        ("The town was hit by rebel shelling.", [("rebel", None)]),
        ("The house fire killed two children.", []),
        ("Machine-gun fire killed two marchers.", []),
        # only firing and shelling: "a terrorist attack" is as often another act than the one in dispute
        ("The terrorist attack killed nine.", []),
        ("The terrorist bombing killed nine.", []),
    ],
)
def test_initiator_people_of_a_group_and_a_forces_fire(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "the first to open fire" did it and began it; "tried to storm" is an attack whether or not it
        # succeeded; "were seen shooting" did it, as witnessed
        ("The police were the first to open fire.", [("police", False)]),
        ("The demonstrators were the first to shoot.", [("demonstrators", False)]),
        ("The police were not the first to open fire.", [("police", True)]),
        ("The gunmen tried to storm the school.", [("gunmen", False)]),
        ("Soldiers were seen shooting at fleeing villagers.", [("soldiers", False)]),
        # an attempt to stop an attack is no attack
        ("The soldiers tried to stop the attack.", []),
    ],
)
def test_initiator_first_to_fire_tried_and_seen(extract, text: str, found: list[tuple[str, bool]]):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # who began shooting did it, alone or after a first verb it shares its subject with
        ("The gunmen began shooting at the congregation.", [("gunmen", False)]),
        ("Troopers drove up in lorries and started firing into the queue.", [("troopers", False)]),
        ("The mob gathered at the gate and began stoning the customs post.", [("mob", False)]),
        # beginning no act of violence tells no doer
        ("The strikers began marching towards the mill.", []),
        # a course of acts begun before is the background, not who began the bloodshed
        ("The authorities had begun expelling the settlers.", []),
    ],
)
def test_initiator_who_began_the_act(extract, text: str, found: list[tuple[str, bool]]):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # other acts than the one told name no doer of it
        ("The raid was larger than other operations mounted by the army that year.", []),
        ("The police blamed the group for previous attacks on the depot.", []),
        ("The army's earlier raids had killed nine.", []),
    ],
)
def test_initiator_other_acts_than_the_one_told(extract, text: str, found: list[tuple[str, bool]]):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # who the doers were identified as did it
        ("Witnesses identified the gunmen as members of the Crimson Brigade.", [("Crimson Brigade", False)]),
        ("The attackers were later identified as soldiers of the Ninth Regiment.", [("Ninth Regiment", False)]),
        # the victims identified are no doers
        ("Doctors identified the victims as two nurses.", []),
    ],
)
def test_initiator_identified_as(extract, text: str, found: list[tuple[str, bool]]):
    assert [(a.actor, a.negated) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # shots that rang out from a side, or from the crowd, name who fired, as shots that came from it
        ("Shots rang out from the Syrian side.", [("Syria", None)]),
        ("Shots rang out from the crowd.", [("crowd", None)]),
        ("The first shot rang out from a rooftop.", [("gunmen", None)]),
        # a bell that rang out from the church fired nothing
        ("The bells rang out from the church.", []),
    ],
)
def test_initiator_shots_rang_out_from_a_side(extract, text: str, found: list[tuple[str, str | None]]):
    assert [(a.actor, a.target) for a in extract(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protester shot dead by police in the capital.", [("police", False)]),
        ("Student killed by soldiers at the gate.", [("soldiers", False)]),
    ],
)
def test_initiator_a_headlines_passive_names_only_its_agent(extract, text: str, expected: list):
    """ "Protester shot dead by police": a headline's passive the parser reads as an active verb with
    a "by"; the one shot did nothing."""
    assert [(a.actor, a.negated) for a in extract(text)] == expected


def test_initiator_a_surname_the_tagger_missed_is_the_person_named_in_full():
    """ "Nicholas Varga ... They said Varga fired the first shots": the surname alone still names him."""
    text = "Nicholas Slatten was a guard in the convoy. They said Slatten fired the first shots."
    assert [a.actor for a in blame_of(text)] == ["Slatten"]
    assert blame_of("They said Slatten fired the first shots.") == []  # no one of that name in full
