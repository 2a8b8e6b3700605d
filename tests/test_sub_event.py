"""Parts of one event and counts at two moments (issue #8, FAILURE_MODES 4 and 8).

A day of violence with a bombing and a shooting has a toll for each and one in
all; a first count given the day after is revised months later. Neither is a
contradiction. Sentences written for these tests; the places are made up."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.align import Vocabulary
from analysis.compare import compare, scope_of
from analysis.relate import fold_repeats, relation_of
from claims.actors import AliasTable
from claims.dates import scan_dates
from claims.models import Actor, Claim, Count, DateSpan
from claims.nlp import load_nlp
from claims.sub_event import act_part, two_acts

ALIASES = AliasTable()


def count(cid: str, low: int, scope: str = "people", *, published: date | None = None,
          when: DateSpan | None = None, qualifier: str | None = None) -> Claim:  # fmt: skip
    high = None if qualifier == "at least" else low
    return Claim(id=cid, source_id=cid.split("c")[0], kind="casualties", quote=f"{low} killed",
                 sentence=f"{low} were killed.", start=0, end=9, sentence_start=0,
                 value=Count(low=low, high=high, qualifier=qualifier), scope=scope, published=published,
                 when=when)  # fmt: skip


SEVERAL = "A car bomb killed eight people in the capital, and a gunman shot dead 69 at the camp."
BURNED = "At least 41 people were killed at the depot, many of them burned alive or suffocated by the smoke."


def day(d: date) -> DateSpan:
    return DateSpan(start=d, end=d, precision="day", text=str(d))


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("people in the explosion", "explosion"),
        ("people in all", "all"),
        ("people in the blaze", "blaze"),
        ("civilians in Marova in the shooting", "shooting"),
        ("people in Marova", None),
        ("people", None),
    ],
)
def test_scope_reads_the_part_of_the_event(text: str, part: str | None):
    assert scope_of(text, ALIASES).part == part


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # two parts of one day: different people
        (count("s1c1", 8, "people in the explosion"), count("s2c1", 69, "people in the shooting"), "different_scope"),
        # a part against the whole
        (count("s1c1", 8, "people in the explosion"), count("s2c1", 77, "people in all"), "different_scope"),
        # a part larger than the whole: one of them is wrong
        (count("s1c1", 90, "people in the shooting"), count("s2c1", 77, "people in all"), "contradict"),
        # one part, two figures: a dispute
        (count("s1c1", 8, "people in the explosion"), count("s2c1", 30, "people in the explosion"), "contradict"),
        # a part of an event its account says had several, against a count that names none: smaller,
        # it may be a part of that toll; larger, a dispute; of an event of one part, a dispute
        (
            count("s1c1", 8, "people in the explosion").model_copy(update={"sentence": SEVERAL}),
            count("s2c1", 68),
            "different_scope",
        ),
        (
            count("s1c1", 90, "people in the shooting").model_copy(update={"sentence": SEVERAL}),
            count("s2c1", 68),
            "contradict",
        ),
        (count("s1c1", 8, "people in the explosion"), count("s2c1", 68), "contradict"),
        # the toll's own words name another part ("many of them burned alive"): the part below it is
        # one of several, not a rival figure
        (
            count("s1c1", 4, "people in the shooting"),
            count("s2c1", 41).model_copy(update={"sentence": BURNED}),
            "different_scope",
        ),
        (
            count("s1c1", 50, "people in the shooting"),
            count("s2c1", 41).model_copy(update={"sentence": BURNED}),
            "contradict",
        ),
        # a count that names no part, below one said to be everyone: maybe a part of them; above it, a dispute
        (count("s1c1", 13), count("s2c1", 14, "people in all"), "unclear"),
        (count("s1c1", 90), count("s2c1", 77, "people in all"), "contradict"),
        # one person's death beside a toll of many: a part, not a rival figure
        (count("s1c1", 1), count("s2c1", 85, qualifier="at least"), "different_scope"),
        (count("s1c1", 1), count("s2c1", 4), "contradict"),
    ],
)
def test_compare_counts_of_parts_of_one_event(a: Claim, b: Claim, relation: str):
    assert compare(a, b, ALIASES)[0] == relation


FRIDAY = date(2011, 7, 22)


@pytest.mark.parametrize(
    ("late_published", "relation"),
    [
        (date(2012, 8, 13), "update"),  # the settled count a year on
        (date(2011, 7, 30), "contradict"),  # a week apart: two counts of the same days
    ],
)
def test_compare_a_first_count_against_one_published_months_later(late_published: date, relation: str):
    first = count("s1c1", 85, published=date(2011, 7, 23), when=day(FRIDAY), qualifier="at least")
    final = count("s2c1", 69, published=late_published)
    assert compare(first, final, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("early_speaker", "late_speaker", "relation"),
    [
        (None, "the commission", "update"),  # the press's first count, settled by a later one
        ("the police", "the police", "update"),  # one counter's own count, settled
        ("the government", "the survivors' committee", "contradict"),  # two counters: a dispute
    ],
)
def test_compare_a_first_count_of_one_counter_against_another_counters_a_year_on(
    early_speaker: str | None, late_speaker: str, relation: str
):
    first = count("s1c1", 20, published=date(2011, 7, 23), when=day(FRIDAY)).model_copy(
        update={"speaker": early_speaker}
    )
    final = count("s2c1", 300, published=date(2012, 8, 13)).model_copy(update={"speaker": late_speaker})
    assert compare(first, final, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("early_speaker", "late_speaker", "relation"),
    [
        ("police", "the police", "update"),  # one counter's own revision, down as well as up
        ("the interior ministry", "the police", "contradict"),  # two counters: a dispute
        (None, None, "contradict"),  # nobody named: nothing says it was revised
    ],
)
def test_compare_a_count_its_counter_revised_down(early_speaker: str | None, late_speaker: str | None,
                                                  relation: str):  # fmt: skip
    early = count("s1c1", 86, published=date(2011, 7, 23), when=day(FRIDAY)).model_copy(
        update={"speaker": early_speaker}
    )
    late = count("s2c1", 68, published=date(2011, 7, 25)).model_copy(
        update={"speaker": late_speaker, "sentence": "The toll is now put at 68, and not 86 as stated earlier."}
    )
    assert compare(early, late, ALIASES)[0] == relation
    # a lower figure the counter does not call a correction stays a dispute
    unsaid = late.model_copy(update={"sentence": "The toll is 68."})
    assert compare(early, unsaid, ALIASES)[0] == "contradict"


@pytest.mark.parametrize(
    ("speaker", "relation"),
    [
        (None, "update"),  # the press's own tally of the first day, a higher count days later
        ("the interior ministry", "contradict"),  # a named counter's lower figure stays a rival
    ],
)
def test_compare_a_first_days_tally_that_rose_days_later(speaker: str | None, relation: str):
    first = count("s1c1", 200, published=date(2011, 7, 23), when=day(FRIDAY), qualifier="some")
    first = first.model_copy(update={"speaker": speaker})
    later = count("s2c1", 352, published=date(2011, 7, 26)).model_copy(update={"speaker": "the prosecutor"})
    assert compare(first, later, ALIASES)[0] == relation
    assert compare(later, first, ALIASES)[0] == relation


def test_compare_a_toll_said_to_be_rising_and_a_higher_one_later():
    rising = count("s1c1", 171, published=date(2020, 8, 11)).model_copy(
        update={"sentence": "The death toll from the blast has risen to 171, the ministry said."}
    )
    later = count("s2c1", 215, published=date(2021, 8, 4), qualifier="more than")
    assert compare(rising, later, ALIASES)[0] == "update"
    assert compare(count("s1c1", 171, published=date(2020, 8, 11)), later, ALIASES)[0] == "contradict"


def test_compare_a_count_with_no_day_of_its_own_is_no_first_count():
    undated = count("s1c1", 85, published=date(2011, 7, 23))
    final = count("s2c1", 69, published=date(2012, 8, 13))
    assert compare(undated, final, ALIASES)[0] == "contradict"


@pytest.mark.parametrize(
    ("late_when", "relation"),
    [
        (day(FRIDAY), "update"),  # the later account dates the deaths: the first report was of that day
        (None, "contradict"),  # nobody dates them: nothing says the first report was a first count
    ],
)
def test_compare_a_first_count_dated_by_the_later_account(late_when, relation: str):  # noqa: ANN001
    """A report of the day itself names no date ("a bomb tore through the building this morning")."""
    first = count("s1c1", 31, published=date(2011, 7, 22))
    final = count("s2c1", 77, published=date(2012, 8, 13), when=late_when)
    assert compare(first, final, ALIASES)[0] == relation
    assert compare(final, first, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("Ten years ago today, a gunman killed 77 people.", date(2021, 7, 22), date(2011, 7, 22), date(2011, 7, 22)),
        ("The siege two years ago left 300 dead.", date(2006, 12, 22), date(2004, 1, 1), date(2004, 12, 31)),
        ("A year ago this week, the town was shelled.", date(2020, 5, 10), date(2019, 5, 7), date(2019, 5, 13)),
    ],
)
def test_dates_counted_back_from_publication(text: str, published: date, start: date, end: date):
    (found,) = scan_dates(text, published).found
    assert (found.span.start, found.span.end) == (start, end)


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("Riot police stormed the depot", "to blame for the blast", True),
        ("troops entered the depot", "militants set off the blast", True),  # going in is the storming
        ("a blast tore through the ward", "a rocket hit the ward", False),  # a rocket's blast: one act
        ("launched the attack", "the first explosion", False),  # an act of no part: never apart
        ("the army shot at people", "gunmen opened fire", False),  # no part named on one side
        ("rebels captured the town", "warplanes dropped gas bombs on the town", True),  # taken, then bombed
        ("troops seized the bridge", "troops stormed the bridge", False),  # taking a place is one act
    ],
)
def test_two_acts_of_one_event(a: str, b: str, apart: bool):
    assert two_acts(a.lower().split(), b.lower().split()) is apart


@pytest.mark.parametrize(
    ("a", "target_a", "b", "target_b", "apart"),
    [
        # the war and one act in it (issue #8): two acts, whoever is blamed
        ("Iraq's attack on Kuwait", "Kuwait", "killings by Iraqi troops", None, True),
        ("launched a full-scale war against Borduria", None, "accused of violating a ceasefire", None, True),
        ("the invasion", None, "stormed the school", None, True),
        # two tellings of the war, two of one act, or words that give no scale: one act
        ("started the war", None, "the invasion of Borduria", "Borduria", False),
        ("an air strike on the hospital", "hospital", "the blast at the hospital", None, False),
        ("attacked the convoy", "convoy", "the killings", None, False),
    ],
)  # fmt: skip
def test_two_acts_the_war_and_one_act_in_it(a: str, target_a: str | None, b: str, target_b: str | None, apart: bool):
    assert two_acts(a.lower().split(), b.lower().split(), target_a, target_b) is apart
    assert two_acts(b.lower().split(), a.lower().split(), target_b, target_a) is apart


def test_relation_mirrored_blame_for_the_war_and_for_one_act_is_not_a_contradiction():
    """ "Iraq launched a war against Kuwait" and "Kuwait was accused of violating a truce": each side
    blamed, but for two acts (the war, an incident in it)."""

    def blame(cid: str, actor: str, target: str | None, quote: str, about: str) -> Claim:
        return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote, start=0,
                     end=5, sentence_start=0, value=Actor(actor=actor, target=target), about=about,
                     terms=["kuwait", "iraq"], event=["@ev:kuwait"])  # fmt: skip

    war = blame("s1c1", "Iraq", "Kuwait", "Iraq launched a full-scale war against Kuwait", "war")
    truce = blame("s2c1", "Kuwait", None, "accused Kuwait of violating a truce", "violating truce")
    voc = Vocabulary.of([war, truce])
    assert relation_of(war, truce, 0.9, ALIASES, voc).relation != "contradict"


@pytest.mark.parametrize(
    ("quote", "about", "relation"),
    [
        ("Kuwaiti commandos raided a village", "village", "unclear"),  # two specific acts, nothing ties them
        ("Kuwaiti troops provoked the clash", "clash", "contradict"),  # the other side blamed for the whole
    ],
)
def test_relation_mirrored_blame_is_one_dispute_when_one_side_blames_the_whole(quote: str, about: str, relation: str):
    """Each account names the other's culprit as the one struck: one dispute about one clash when one
    of them blames the other for the clash as a whole; two acts of a war otherwise (issue #8)."""

    def blame(cid: str, actor: str, target: str | None, quote: str, about: str) -> Claim:
        return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote, start=0,
                     end=5, sentence_start=0, value=Actor(actor=actor, target=target), about=about,
                     event=["@ev:kuwait"])  # fmt: skip

    shelled = blame("s1c1", "Iraq", "Kuwait", "Iraqi guns shelled the posts", "posts")
    shelled = shelled.model_copy(update={"terms": ["gun", "post"]})
    other = blame("s2c1", "Kuwait", None, quote, about).model_copy(update={"terms": ["troop", about]})
    voc = Vocabulary.of([shelled, other])
    assert relation_of(shelled, other, 0.9, ALIASES, voc).relation == relation


def test_fold_keeps_one_sources_blame_for_the_war_and_for_an_act_apart():
    """A source blaming one actor for the war and for a massacre makes two claims; the same blame
    told twice makes one (FAILURE_MODES 14)."""

    def blame(cid: str, quote: str, target: str | None = None) -> Claim:
        return Claim(id=cid, source_id="s1", kind="initiator", quote=quote, sentence=quote, start=0, end=5,
                     sentence_start=0, value=Actor(actor="Ruritania", target=target), about="")  # fmt: skip

    war = blame("s1c1", "Ruritania's invasion of Borduria", "Borduria")
    massacre = blame("s1c2", "the massacre by Ruritanian troops in the village")
    again = blame("s1c3", "Ruritania launched the war against its neighbour, a war it still wages")
    kept, repeats = fold_repeats([war, massacre, again])
    assert {c.id for c in kept} == {"s1c2", "s1c3"} and repeats == {"s1c1": "s1c3"}


def test_fold_keeps_the_statement_of_the_act_before_a_report_of_blame():
    """One source telling the same blame twice keeps the sentence that states the act ("the militia
    shot at the crowd") over the one that reports an accusation ("the ministry blamed the militia for
    firing"), however long: it is what the source claims."""

    def blame(cid: str, quote: str, sentence: str) -> Claim:
        return Claim(id=cid, source_id="s1", kind="initiator", quote=quote, sentence=sentence, start=0, end=5,
                     sentence_start=0, value=Actor(actor="militia"), about="")  # fmt: skip

    report = blame(
        "s1c1",
        "blamed the militia",
        "The ministry on Tuesday blamed the militia for firing on the crowd in the square, and called for an inquiry.",
    )
    stated = blame("s1c2", "militia shot at the crowd", "The militia shot at the crowd.")
    kept, repeats = fold_repeats([report, stated])
    assert [c.id for c in kept] == ["s1c2"] and repeats == {"s1c1": "s1c2"}


def test_fold_keeps_the_sources_own_statement_before_a_claim_it_reports():
    """ "No evidence supports Kestrian claims that villagers were massacred by Ruritanian troops" and
    "Ruritanian troops swept through the valley": the source states the second; the first is a claim
    it reports (hedged), whatever their lengths."""

    def blame(cid: str, quote: str, sentence: str, hedged: bool) -> Claim:
        return Claim(id=cid, source_id="s1", kind="initiator", quote=quote, sentence=sentence, start=0, end=5,
                     sentence_start=0, value=Actor(actor="Ruritania"), about="", hedged=hedged)  # fmt: skip

    reported = blame(
        "s1c1",
        "villagers were massacred by Ruritanian troops",
        "Aid groups have found no evidence to support Kestrian claims that hundreds of villagers were massacred "
        "by Ruritanian troops in the valley.",
        True,
    )
    stated = blame("s1c2", "Ruritanian troops swept through", "Ruritanian troops swept through the valley.", False)
    kept, repeats = fold_repeats([reported, stated])
    assert [c.id for c in kept] == ["s1c2"] and repeats == {"s1c1": "s1c2"}


def test_act_part_needs_one_part():
    assert act_part(["stormed", "the", "school"]) == "storming"
    assert act_part(["bombs", "and", "rifles", "shot"]) is None


def test_relation_blame_for_two_parts_of_a_siege_is_not_a_contradiction():
    def blame(cid: str, actor: str, quote: str) -> Claim:
        return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote, start=0,
                     end=5, sentence_start=0, value=Actor(actor=actor), about="school",
                     terms=["school", "siege"], event=["@ev:keswin"], when=day(date(2004, 9, 3)))  # fmt: skip

    stormed = blame("s1c1", "Iraq", "Iraqi troops stormed the school")
    exploded = blame("s2c1", "militants", "militants were to blame for the first explosion at the school")
    voc = Vocabulary.of([stormed, exploded])
    assert relation_of(stormed, exploded, 0.9, ALIASES, voc).relation != "contradict"


def _onset_blame(cid: str, actor: str, quote: str, when: DateSpan | None = None) -> Claim:
    return Claim(id=cid, source_id=cid.split("c")[0], kind="initiator", quote=quote, sentence=quote, start=0,
                 end=5, sentence_start=0, value=Actor(actor=actor), about=quote.split()[-1], event=["@ev:keswin"],
                 when=when)  # fmt: skip  # no shared words: only what the words say of the act may tie them


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "relation"),
    [
        # each account says who began the bloodshed, whatever it calls it: one question
        ("the storming was initiated by Iraqi troops", "militants were to blame for the first explosion", "contradict"),
        ("Iraqi soldiers provoked the battle", "the militants set off the first explosion", "contradict"),
        ("Iraqi troops started the massacre", "militants triggered the fire", "contradict"),
        # one of them says only what was done: two acts of one siege
        ("Iraqi troops stormed the school", "militants were to blame for the first explosion", "unclear"),
        # the war against one act in it
        ("Iraq started the war", "militants started the massacre", "unclear"),
    ],
)  # fmt: skip
def test_relation_two_accounts_of_who_began_the_bloodshed_dispute_one_thing(quote_a: str, quote_b: str, relation: str):
    """ "The storming was initiated by X" and "Y was to blame for the first explosion" answer the one
    question "who began it" (issue #8); an act's doer alone does not."""
    a, b = _onset_blame("s1c1", "Iraq", quote_a), _onset_blame("s2c1", "militants", quote_b)
    voc = Vocabulary.of([a, b])
    assert relation_of(a, b, 0.9, ALIASES, voc).relation == relation


def test_relation_who_began_acts_on_two_named_days_are_two_acts():
    """ "Militants started the siege on 1 September" and "troops initiated the storming on 3 September"."""
    siege = _onset_blame("s1c1", "militants", "militants started the siege", day(date(2004, 9, 1)))
    storming = _onset_blame("s2c1", "Iraq", "the storming was initiated by Iraqi troops", day(date(2004, 9, 3)))
    voc = Vocabulary.of([siege, storming])
    assert relation_of(siege, storming, 0.9, ALIASES, voc).relation != "contradict"
    same_day = storming.model_copy(update={"when": day(date(2004, 9, 1))})
    assert relation_of(siege, same_day, 0.9, ALIASES, voc).relation == "contradict"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "low", "part"),
    [
        ("Eight people died in the bombing of the ministry in Keswin.", 8, "explosion"),
        ("A car bomb exploded outside the ministry, killing seven people.", 7, "explosion"),
        ("At least 85 people were killed when a gunman opened fire at the camp.", 85, "shooting"),
        ("In all, 77 people were killed that day.", 77, "all"),
        # no comma: the parser hangs "all" on the number, and "in" on nothing
        ("In all 77 people died in the two attacks.", 77, "all"),
        ("In total 40 soldiers were killed that week.", 40, "all"),
        ("The gunman killed 77 people, first with a bomb and then with a rifle.", 77, "all"),
        ("Some 40 people were killed in the attack on the market.", 40, None),
        # the death verb's own subject names the cause; a doer does not
        ("A truck bomb outside the barracks killed 41 soldiers.", 41, "explosion"),
        ("The shelling of the market left 30 people dead.", 30, "shelling"),
        ("Masked gunmen killed five villagers.", 5, None),
        # the doers of the clause the death hangs on are no part, and two hints there say nothing
        ("Gunmen stormed the school on Tuesday, killing at least 126 people.", 126, None),
        # several incidents told together: the whole of which each incident's toll is a part
        ("Sixteen people died in the two attacks on the coast.", 16, "all"),
        ("The twin bombings at the embassies killed 224 people.", 224, "all"),
        ("Both blasts together killed 32 people.", 32, "all"),
        ("The death toll from the three attacks rose to 130.", 130, "all"),
        ("A series of attacks on the capital killed 40 people.", 40, "all"),
        ("A woman died of her wounds, bringing to 14 the number of people killed in both attacks.", 14, "all"),
        # one incident, or several people, is no several incidents
        ("Sixteen people died in the attack on the coast.", 16, None),
        ("Two gunmen killed 16 people in the town.", 16, None),
    ],
)
def test_extract_the_part_of_the_event_a_count_is_of(nlp, sentence: str, low: int, part: str | None):
    from claims.extract import extract_from_doc
    from sources.models import Source, text_sha256

    src = Source(id="s1", name="s1.txt", text=sentence, sha256=text_sha256(sentence))
    (found,) = [
        c for c in extract_from_doc(src, nlp(sentence), ALIASES) if c.kind == "casualties" and c.value.low == low
    ]
    assert scope_of(found.scope, ALIASES).part == part


def test_compare_a_shelling_and_an_explosion_may_be_one_part():
    shelled = count("s1c1", 45, "people in the shelling")
    blast = count("s2c1", 80, "people in the explosion")
    assert compare(shelled, blast, ALIASES)[0] == "contradict"


def said(cid: str, low: int, sentence: str, published: date, speaker: str | None = None) -> Claim:
    return count(cid, low, published=published).model_copy(update={"sentence": sentence, "speaker": speaker})


@pytest.mark.parametrize(
    ("early", "late", "relation"),
    [
        # one running total read months apart, by two counters
        ((400_000, "More than 400,000 have fled since 25 August."), (655_000, "Some 655,000 have crossed since 25 August."),
         "update"),
        # a total that fell is no running total
        ((655_000, "Some 655,000 have crossed since 25 August."), (400_000, "Some 400,000 have fled since 25 August."),
         "contradict"),
        # only one of them counts since a start
        ((400_000, "Some 400,000 fled the fighting."), (655_000, "Some 655,000 have crossed since 25 August."),
         "contradict"),
    ],
)  # fmt: skip
def test_compare_a_running_total_read_twice(early: tuple[int, str], late: tuple[int, str], relation: str):
    first = said("s1c1", early[0], early[1], date(2017, 9, 18), "the refugee agency")
    second = said("s2c1", late[0], late[1], date(2017, 12, 7), "aid groups")
    assert compare(first, second, ALIASES)[0] == relation


def test_compare_a_toll_brought_higher_by_a_later_death_is_an_update():
    """ "Thirteen were killed that afternoon; one of the wounded died months later, bringing the
    number of dead to 14" against "13 killed": one toll at two moments, not two figures."""
    on_the_day = count("s1c1", 13)
    later = count("s2c1", 14).model_copy(
        update={"sentence": "One of the wounded died months later, bringing the number of dead to 14."}
    )
    assert compare(on_the_day, later, ALIASES)[0] == "update"
    assert compare(on_the_day, count("s3c1", 14), ALIASES)[0] == "contradict"


def test_fold_keeps_one_value_twice_in_one_sentence_as_two_counts():
    """ "Ten died, among them three officers and three guards": one sentence does not restate its own
    figure, so both threes stay; the headline's three told again in the body is one claim."""

    def three(cid: str, scope: str, sentence_start: int, start: int) -> Claim:
        sentence = "Three officers dead" if start < 50 else "Ten died, among them three officers and three guards."
        return Claim(id=cid, source_id="s1", kind="casualties", quote="three", sentence=sentence, start=start,
                     end=start + 5, sentence_start=sentence_start, value=Count(low=3, high=3, text="three"),
                     scope=scope, about="")  # fmt: skip

    headline = three("s1c1", "officers", 0, 10)
    officers, guards = three("s1c2", "officers, them", 50, 80), three("s1c3", "guards, them", 50, 110)
    kept, repeats = fold_repeats([headline, officers, guards])
    assert {c.id for c in kept} == {"s1c2", "s1c3"} and list(repeats) == ["s1c1"]


def test_fold_keeps_one_value_for_other_people_in_another_sentence():
    """ "Two marines were killed", and further on "the bodies of two civilians were recovered": one
    figure for other people (another role, or another site) is no restatement; the same two
    marines told again are."""

    def two(cid: str, scope: str, sentence_start: int) -> Claim:
        return Claim(id=cid, source_id="s1", kind="casualties", quote="two", sentence=f"Two {scope} died.",
                     start=sentence_start + 4, end=sentence_start + 7, sentence_start=sentence_start,
                     value=Count(low=2, high=2, text="two"), scope=scope, about="")  # fmt: skip

    marines, civilians, again = two("s1c1", "marines", 0), two("s1c2", "civilians", 100), two("s1c3", "marines", 200)
    kept, repeats = fold_repeats([marines, civilians, again])
    assert {c.id for c in kept} == {"s1c1", "s1c2"} and repeats == {"s1c3": "s1c1"}
    metro, airport = two("s1c4", "people in metro", 300), two("s1c5", "people at airport", 400)
    assert len(fold_repeats([metro, airport])[0]) == 2


@pytest.mark.parametrize(
    ("scope", "relation"),
    [
        # a kind of people by kin, age or sex, or those rioting, is a part of all the dead
        ("mothers", "different_scope"),
        ("teenagers", "different_scope"),
        ("young men", "different_scope"),
        ("rioters", "different_scope"),
        # a word that counts everyone the event struck is a rival figure for the whole
        ("persons", "contradict"),
        ("villagers", "contradict"),
    ],
)
def test_compare_a_kind_of_people_against_all_the_dead(scope: str, relation: str):
    assert compare(count("s1c1", 2, scope), count("s2c1", 21), ALIASES)[0] == relation


FIRST_DAY = date(1985, 3, 12)


def _told(claim: Claim, sentence: str, when: DateSpan, published: date | None = None) -> Claim:
    return claim.model_copy(update={"sentence": sentence, "when": when, "published": published})


@pytest.mark.parametrize(
    ("sentence", "when", "published", "relation"),
    [
        # a count up to a date weeks after the day, or since the day and told months later: all the
        # dead of those weeks, of whom the day's are some
        (
            "The inquiry found that 410 people had died in the unrest by the end of May 1985.",
            DateSpan(start=date(1985, 5, 1), end=date(1985, 5, 31), precision="month", text="May 1985"),
            None,
            "different_scope",
        ),
        (
            "Since 12 March more than 400 people have been killed in the revolt.",
            DateSpan(start=FIRST_DAY, end=FIRST_DAY, precision="day", text="12 March"),
            date(1985, 9, 1),
            "different_scope",
        ),
        # a count of that day itself, or up to a day soon after, is a rival figure
        (
            "Doctors said 410 people were killed on 12 March.",
            DateSpan(start=FIRST_DAY, end=FIRST_DAY, precision="day", text="12 March"),
            None,
            "contradict",
        ),
        (
            "By 14 March, 410 people had been killed.",
            DateSpan(start=date(1985, 3, 14), end=date(1985, 3, 14), precision="day", text="14 March"),
            None,
            "contradict",
        ),
    ],
)
def test_compare_a_days_count_against_a_count_to_a_later_date(sentence: str, when: DateSpan,
                                                               published: date | None, relation: str):  # fmt: skip
    day_count = _told(count("s1c1", 23), "The minister said 23 people were killed on 12 March.",
                      DateSpan(start=FIRST_DAY, end=FIRST_DAY, precision="day", text="12 March"))  # fmt: skip
    total = _told(count("s2c1", 410), sentence, when, published)
    assert compare(day_count, total, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("low_sentence", "high_sentence", "relation"),
    [
        # the lower count covers only the event's first days: some of the other's dead
        (
            "The official count for the first week of the unrest was 120 dead.",
            "Some 400 people died in the unrest.",
            "different_scope",
        ),
        ("The Red Cross counted 120 dead in the first days.", "Some 400 people died in the unrest.", "different_scope"),
        ("On the first day 120 were killed.", "The count for the first week was 400 dead.", "different_scope"),
        # the same stretch, or the longer stretch the lower count's: rival figures
        ("The count for the first week was 120 dead.", "Others put the toll for the first week at 400.", "contradict"),
        ("The count for the first week was 120 dead.", "On the first day 400 were killed.", "contradict"),
        ("Doctors said 120 were killed.", "Some 400 people died in the unrest.", "contradict"),
    ],  # fmt: skip
)
def test_compare_a_count_of_the_first_days_against_the_whole(low_sentence: str, high_sentence: str, relation: str):
    low = count("s1c1", 120).model_copy(update={"sentence": low_sentence})
    high = count("s2c1", 400).model_copy(update={"sentence": high_sentence})
    assert compare(low, high, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("low_sentence", "day_text", "high_sentence", "relation"),
    [
        # one day its own sentence names against a longer opening stretch: a part of it, or another one
        (
            "Police said 40 people died in the town on Tuesday.",
            "on Tuesday",
            "The official count for the first week of the riots was 300 dead.",
            "different_scope",
        ),
        (
            "Officials said 40 people were killed on 3 May.",
            "3 May",
            "Hospitals counted 300 dead over the first days of the fighting.",
            "different_scope",
        ),
        # a day carried over from an earlier sentence, a stretch no longer than a day, or no stretch at all
        (
            "Police said 40 people died in the town.",
            "on Tuesday",
            "The official count for the first week of the riots was 300 dead.",
            "contradict",
        ),
        (
            "Police said 40 people died in the town on Tuesday.",
            "on Tuesday",
            "On the first day of the riots 300 were killed.",
            "contradict",
        ),
        (
            "Police said 40 people died in the town on Tuesday.",
            "on Tuesday",
            "Residents said 300 people died in the riots.",
            "contradict",
        ),
    ],  # fmt: skip
)
def test_compare_a_days_count_against_a_longer_opening_stretch(low_sentence: str, day_text: str,
                                                              high_sentence: str, relation: str):  # fmt: skip
    day = DateSpan(start=FIRST_DAY, end=FIRST_DAY, precision="day", text=day_text)
    low = _told(count("s1c1", 40), low_sentence, day)
    high = count("s2c1", 300).model_copy(update={"sentence": high_sentence})
    assert compare(low, high, ALIASES)[0] == relation
    assert compare(high, low, ALIASES)[0] == relation


@pytest.mark.parametrize(
    ("scope", "relation"),
    [
        # two prisoners besides the leader, four soldiers besides those named: no rival figure
        ("fellow prisoners, fellow", "different_scope"),
        ("other prisoners, other", "different_scope"),
        ("prisoners", "contradict"),
    ],
)
def test_compare_people_besides_those_named(scope: str, relation: str):
    assert compare(count("s1c1", 3, "prisoners"), count("s2c1", 2, scope), ALIASES)[0] == relation
