"""Claim extraction with the real spaCy pipeline, on sentences written for these
tests (issue #2): every kind, its value, scope, speaker and hedge, and quotes
that point at the source text. The places and militias are made up; the states
are real because the actor table only knows real ones."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analysis.compare import scope_of
from claims.actors import AliasTable
from claims.count_part import own_predicate
from claims.dates import YEAR_UNKNOWN
from claims.extract import extract_claims, extract_from_doc
from claims.models import NUMERIC_KINDS, Actor, Claim, Count, DateSpan, Duration
from claims.nlp import load_nlp
from sources.models import Source, text_sha256

pytestmark = pytest.mark.slow  # loads the spaCy model

PUBLISHED = date(2023, 10, 12)  # a Thursday


def _bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"bug: {reason}")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def aliases() -> AliasTable:
    return AliasTable()


def source(text: str, published: date | None = None, sid: str = "s1") -> Source:
    return Source(id=sid, name=f"{sid}.txt", text=text, sha256=text_sha256(text), published=published)


@pytest.fixture(scope="module")
def extract(nlp, aliases):
    def run(text: str, published: date | None = None) -> list[Claim]:
        src = source(text, published)
        return extract_from_doc(src, nlp(text), aliases)

    return run


def _one(claims: list[Claim], kind: str) -> Claim:
    mine = [c for c in claims if c.kind == kind]
    assert len(mine) == 1, f"expected one {kind} claim, got {[(c.kind, c.quote) for c in claims]}"
    return mine[0]


# sentence, kind, low, high, qualifier, scope
COUNTS = [
    # some of "those killed": a part of the toll, as "of the dead" is
    ("At least 20 of those killed were women.", "casualties", 20, None, "at least", "women, of them"),
    ("Fourteen of those who died were children.", "casualties", 14, 14, None, "children, of them"),
    # a guard word in the trigger's own phrase, however long its number
    ("The floods of war forced two million people from their homes.", "displaced", 2_000_000, 2_000_000, None, "people"),
    # a range opening the sentence: the parse hangs its first figure on "between" or "from"
    ("Between 800 and 3,500 civilians were killed.", "casualties", 800, 3_500, None, "civilians"),
    ("From 800 to 3,500 civilians were killed.", "casualties", 800, 3_500, None, "civilians"),
    ("More than 2,000 people were killed in the fighting around Tarvik.", "casualties", 2_000, None, "more than",
     "people"),
    ("At least 471 civilians were killed in the siege of Korvel.", "casualties", 471, None, "at least", "civilians"),
    ("Nearly 500 soldiers died during the winter offensive.", "casualties", 500, 500, "nearly", "soldiers"),
    ("Nearly 2000 soldiers died during the winter.", "casualties", 2_000, 2_000, "nearly", "soldiers"),
    ("Between 100 and 300 villagers were killed when the militia stormed the village.", "casualties", 100, 300, None,
     "villagers"),
    ("The shelling left 36 people dead in the market town of Ostrel.", "casualties", 36, 36, None, "people in the shelling"),
    ("The fighting in the valley created 40,000 refugees.", "displaced", 40_000, 40_000, None, "refugees"),
    ("About 120,000 residents were displaced by the fighting.", "displaced", 120_000, 120_000, "about", "residents"),
    ("Some 300,000 people fled their homes during the war.", "displaced", 300_000, 300_000, "some", "people"),
    ("One million people were driven from their homes.", "displaced", 1_000_000, 1_000_000, None, "people"),
    ("Tens of thousands of ethnic Kestrians were expelled from the region.", "displaced", 20_000, 99_999,
     "tens of thousands", "ethnic Kestrians"),
    ("Up to 45 villagers were wounded when the bridge was shelled.", "wounded", None, 45, "up to",
         "villagers in the shelling"),
    ("Thousands of people were injured in the riots.", "wounded", 2_000, 9_999, "thousands", "people"),
    # the remains of the dead, exhumed
    ("The forensic team recovered the remains of at least 60 people from the well.", "casualties", 60, None,
     "at least", "people"),
    # a figure "of" the number names no people: the number is no scope
    ("The ministry counted the deaths and later settled on a figure of 112.", "casualties", 112, 112, None, "people"),
    # "the dead range" parsed as one noun: the range of the estimates counts no "range"
    ("Estimates of the dead range from 300 to 500.", "casualties", 300, 500, None, "people"),
    # "of" after victims names what or who harmed them, not who they were
    ("The bodies of 12 victims of the militia were found.", "casualties", 12, 12, None, "victims"),
    ("The bodies of 12 victims of killings by Borduran troops were found.", "casualties", 12, 12, None, "victims"),
    ("Some 50 bodies were victims of summary killings.", "casualties", 50, 50, "some", "people"),
    # the number hung on the main verb: a verb names no people
    ("The death toll of at least 92 makes the raid the worst in the province since the war.", "casualties", 92,
     None, "at least", "people"),
    # the day a running count starts from says when, not whom
    ("Since 9 March more than a thousand people have died in the unrest.", "casualties", 1_000, None,
     "more than", "people"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "kind", "low", "high", "qualifier", "scope"), COUNTS)
def test_extract_counts_value_and_scope(extract, sentence, kind, low, high, qualifier, scope):
    claim = _one(extract(sentence), kind)
    assert isinstance(claim.value, Count)
    assert (claim.value.low, claim.value.high, claim.value.qualifier) == (low, high, qualifier)
    assert claim.scope == scope
    assert claim.speaker is None
    assert not claim.hedged


@pytest.mark.parametrize(
    ("sentence", "nation"),
    [
        ("Twelve Georgian soldiers died in the ambush.", "Georgia"),
        ("The ambush killed 12 soldiers of the Georgian army.", "Georgia"),
        ("Twelve soldiers from Georgia died in the ambush.", "Georgia"),
        ("On the Georgian side, 12 soldiers died in the ambush.", "Georgia"),
        ("Russia said nine of its soldiers were killed in the fighting.", "Russia"),
    ],
)
def test_extract_counts_scope_names_the_nation(extract, aliases, sentence: str, nation: str):
    claim = _one(extract(sentence), "casualties")
    assert scope_of(claim.scope, aliases).nations == {nation}, claim.scope


def test_extract_counts_dead_and_wounded_in_one_sentence(extract):
    claims = extract("The blast left 12 people dead and 40 wounded.")
    dead, hurt = _one(claims, "casualties"), _one(claims, "wounded")
    assert (dead.value.low, hurt.value.low) == (12, 40)


def test_extract_counts_killed_and_wounded_with_qualifier(extract):
    claims = extract("Police said the bomb killed at least 17 people and wounded 50 others.")
    dead, hurt = _one(claims, "casualties"), _one(claims, "wounded")
    assert (dead.value.low, dead.value.high, dead.value.qualifier) == (17, None, "at least")
    assert (hurt.value.low, hurt.value.high) == (50, 50)
    assert dead.speaker == hurt.speaker == "Police"


# sentence, actor, target, negated
ACTORS = [
    # regression: what was fired is not whom it was fired at
    ("The rebels fired a missile at the airliner on Tuesday.", "rebels", "airliner", False),
    ("Armenia launched a war against Azerbaijan in 1992.", "Armenia", "Azerbaijan", False),
    ("Georgia started the war by shelling the town.", "Georgia", None, False),
    ("Azerbaijan's forces shelled Stepanakert overnight.", "Azerbaijan", "Stepanakert", False),
    ("Russia invaded Ukraine in February 2022.", "Russia", "Ukraine", False),
    ("Ukraine was invaded by Russia on 24 February 2022.", "Russia", "Ukraine", False),
    ("Israel was not responsible for the explosion at the hospital.", "Israel", None, True),
    ("Russia did not start the war.", "Russia", None, True),
    ("The militants attacked the convoy near the border.", "militants", "convoy", False),
    ("Chinese troops attacked an Indian patrol near the river.", "China", "India", False),
    # guns and howitzers are a side's force, named by its modifier
    ("Syrian guns fired about 90 shells at the village.", "Syria", "village", False),
]


@pytest.mark.parametrize(("sentence", "actor", "target", "negated"), ACTORS)
def test_extract_initiator_actor_target_negation(extract, sentence, actor, target, negated):
    claim = _one(extract(sentence), "initiator")
    assert isinstance(claim.value, Actor)
    assert (claim.value.actor, claim.value.target, claim.value.negated) == (actor, target, negated)


def test_extract_initiator_blamed_strike_names_the_striker(extract):
    claim = _one(extract("The Lebanese government blamed an Israeli air strike for the blast."), "initiator")
    assert claim.value.actor == "Israel"
    assert not claim.value.negated


def test_extract_initiator_blamed_strike_speaker_is_the_blamer(extract):
    claim = _one(extract("The Lebanese government blamed an Israeli air strike for the blast."), "initiator")
    assert claim.speaker == "The Lebanese government"


def test_extract_initiator_second_verb_speaker_is_the_shared_subject(extract):
    """ "X denied it and accused Y": the accusation is X's, though its verb has no subject of its own."""
    claims = extract(
        "The Kestrian government denied any part in the shelling and accused Norland of firing the shells."
    )
    accusation = next(c for c in claims if c.kind == "initiator" and not c.value.negated)
    assert accusation.value.actor == "Norland"
    assert accusation.speaker == "The Kestrian government"


@pytest.mark.parametrize(
    "sentence",
    [
        "Georgian forces responded with a counter-attack on the town.",
        "Azerbaijan retaliated by shelling Armenian positions.",
        "Each side blamed the other for starting the clash.",
    ],
)
def test_extract_initiator_response_or_mutual_blame_is_not_an_initiator(extract, sentence: str):
    assert [c for c in extract(sentence) if c.kind == "initiator"] == []


# sentence, days
DURATIONS = [
    ("The six-day war reshaped the region.", 6),
    ("The 44-day war ended in a truce.", 44),
    ("The fighting lasted 44 days.", 44),
    ("The siege of Korvel lasted 44 days.", 44),
    ("The war lasted about six weeks and ended in a truce.", 42),
    ("The hand-to-hand fighting went on for around six hours.", 0.25),
    # issue #8: the length of a noun, a holding, and an end counted from the start
    ("During 33 days of occupation, the town was cut off.", 33),
    ("The gunmen held the villagers hostage for three days.", 3),
    # however long the list of the held; one statement read by two patterns is one claim
    ("Gunmen seized the hall and held 800 guests, their drivers, and the staff hostage for two days.", 2),
    ("Gunmen held more than 1,000 people hostage for three days in the school.", 3),
    ("It began as a raid on a school. It ended three days later in bloodshed.", 3),
    ("The siege of the embassy ended after 52 hours.", 2.1667),
    ("The killings in the camp took place over three days.", 3),
    # how long the firing went on
    ("The soldiers fired into the crowd for some ten minutes.", 0.0069),
    ("The army shelled the town for three days.", 3),
    # how long a series of blasts took
    ("Six bombs exploded within about four minutes on the crowded platforms.", 0.0028),
    ("The devices went off in the space of two minutes.", 0.0014),
    # a length in thousands, written with its comma
    ("The siege of Korvel lasted 1,425 days.", 1425),
    # half an hour; how long the killing went on, told before it
    ("A second barrage began at dawn and lasted about half an hour.", 0.0208),
    ("Over some three hours, the militiamen shot the villagers in their homes.", 0.125),
    ("The platoon landed at the hamlet and in about two hours killed 90 people.", 0.0833),
    ("For three days, militiamen killed refugees in the camps.", 3),
    ("In six days, the army captured the whole peninsula.", 6),
    ("The clinic was struck repeatedly over a period of about an hour.", 0.0417),
    ("The war was over in six days.", 6),
    # the length of a span of clock times, in a sentence that tells of an act
    ("Between 07:37 and 07:40 ten bombs went off on four trains.", 0.0021),
    ("The raid went on from 11.45 pm until 1.10 am.", 0.059),
    # a word between a length and its act; how long something took
    ("After four days of heavy fighting the garrison gave up.", 4),
    ("Ten days of open warfare followed the strike.", 10),
    ("The raids took about five hours.", 0.2083),
    # burning, looting, rioting and clashes that went on
    ("For three days the houses of Korvel burned.", 3),
    ("Mobs looted the market in Korvel for two days.", 2),
    # a length that opens its sentence, whatever the verb: how long what the sentence tells went on
    ("For four days the families were kept on the ridge without water.", 4),
    ("The town was calm. For two nights, gangs stoned the cars on the ring road.", 2),
    ("For three days, officials in Korvel insisted that the airliner had crashed.", 3),
    # how long the state before an act lasted
    ("The pilot was freed on 2 May after 11 days in captivity.", 11),
    ("The last fugitive was caught in Korvel after seven days on the run.", 7),
    # an act's length told with its article
    ("Korvel has endured nineteen days of an aggression launched on 12 July.", 19),
    ("The town held out through three weeks of the siege.", 21),
    # an act's length after its noun; "in the course of" a length
    ("The town of Korvel endured a siege of 52 days.", 52),
    ("Bombers began an assault that in the course of three days levelled Korvel.", 3),
    # a length on any verb
    ("Radar tracked the airliner for two and a half hours.", 0.1042),
    ("The army suspended its raids on Korvel for 48 hours.", 2),
]


@pytest.mark.parametrize(("sentence", "days"), DURATIONS)
def test_extract_duration_in_days(extract, sentence: str, days: float):
    claim = _one(extract(sentence), "duration")
    assert isinstance(claim.value, Duration)
    assert claim.value.days == pytest.approx(days, rel=0.01)


# sentence, published, start, end, precision
EVENT_DATES = [
    ("The ceasefire took effect in May 1994.", None, date(1994, 5, 1), date(1994, 5, 31), "month"),
    ("The ceasefire took effect on 12 May 1994 after two years of fighting.", None, date(1994, 5, 12),
     date(1994, 5, 12), "day"),
    ("The army began its offensive last August.", PUBLISHED, date(2022, 8, 1), date(2022, 8, 31), "month"),
    ("The offensive began on Oct. 7, officials said.", PUBLISHED, date(2023, 10, 7), date(2023, 10, 7), "day"),
    ("On Tuesday, rockets hit the power station in the north.", PUBLISHED, date(2023, 10, 10), date(2023, 10, 10),
     "day"),
    # a stray comma after the month, with the year
    ("On March, 4, 2011, the rebels seized the airport.", None, date(2011, 3, 4), date(2011, 3, 4), "day"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "start", "end", "precision"), EVENT_DATES)
def test_extract_event_date(extract, sentence, published, start, end, precision):
    claim = _one(extract(sentence, published), "event_date")
    assert isinstance(claim.value, DateSpan)
    assert (claim.value.start, claim.value.end, claim.value.precision) == (start, end, precision)


def test_extract_event_date_without_year_takes_an_earlier_year(extract):
    claims = extract("The siege of Korvel began in 1992. On 5 April the first shells hit the city centre.")
    days = [c.value for c in claims if c.kind == "event_date" and c.value.precision == "day"]
    assert [(d.start, d.end) for d in days] == [(date(1992, 4, 5), date(1992, 4, 5))]


# sentence, kind, speaker
SPEAKERS = [
    ("According to the health ministry, 250 people were killed in the raid.", "casualties", "the health ministry"),
    ("The governor said 80 people were killed in the raid.", "casualties", "The governor"),
    ("Officials said 1,200 people had been displaced from the border villages.", "displaced", "Officials"),
    ("The army said Israel was not responsible for the blast.", "initiator", "The army"),
    ("Russia did not start the war, the Kremlin said.", "initiator", "the Kremlin"),
    ("Eighty people were killed in the raid.", "casualties", None),
    # the verb the reporting verb completes has the subject
    ("The authorities continue to insist that 90 people died.", "casualties", "The authorities"),
    # a counter that documented or recorded the dead gives the figure
    ("The monitoring group documented 502 dead.", "casualties", "The monitoring group"),
    ("A total of 24 soldiers were confirmed dead.", "casualties", None),
    # the parser made the doer a second subject of "said": the one who says it is the other
    (
        "A gunman dressed as a soldier shot dead people at a school on the hill on Monday, hours after a bomb tore "
        "through shops in the town and killed four, police said on Tuesday.",
        "casualties",
        "police",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "kind", "speaker"),
    [
        ("Inspectors found nothing to back Kestrian claims that 300 villagers were killed.", "casualties", "Kestrian"),
        ("Observers doubted government allegations that rebels shot the mayor.", "initiator", "government"),
    ],
)
def test_extract_claim_in_a_claim_nouns_clause_is_someones_claim(extract, sentence: str, kind: str, speaker: str):
    """ "Kestrian claims that 300 were killed": the source reports the claim, in someone else's voice."""
    claim = _one(extract(sentence), kind)
    assert (claim.speaker, claim.hedged) == (speaker, True)


@pytest.mark.parametrize(("sentence", "kind", "speaker"), SPEAKERS)
def test_extract_speaker(extract, sentence: str, kind: str, speaker: str | None):
    assert _one(extract(sentence), kind).speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "kind", "hedged"),
    [
        ("Reportedly, 50 people were killed in the raid.", "casualties", True),
        ("The rebels allegedly killed 12 villagers.", "casualties", True),
        ("It was alleged that 30 people were killed.", "casualties", True),
        ("Reportedly, Syrian forces shelled the village.", "initiator", True),
        ("Fifty people were killed in the raid.", "casualties", False),
    ],
)
def test_extract_hedged(extract, sentence: str, kind: str, hedged: bool):
    assert _one(extract(sentence), kind).hedged is hedged


# One made-up report that exercises every kind; quotes must point into it.
REPORT = """Valley war: the toll

The war in the Varna valley began in March 1992, when Armenia launched an offensive against Azerbaijan.
More than 2,000 people were killed in the first year, according to the Red Cross. The shelling of Tarvik
left 36 people dead and 40 wounded.

Some 300,000 people fled their homes. Officials said 1,200 people had been displaced from the border villages.
The ceasefire took effect in May 1994. The war lasted about two years, and the 44-day siege of Korvel is still
remembered.

Azerbaijan's forces shelled Stepanakert overnight, residents said. Reportedly, 50 people were killed in the raid.
"""


@pytest.fixture(scope="module")
def report_claims(extract) -> list[Claim]:
    return extract(REPORT)


def test_extract_report_finds_every_kind(report_claims):
    assert {"casualties", "wounded", "displaced", "initiator", "event_date", "duration"} <= {
        c.kind for c in report_claims
    }


def test_extract_report_quote_offsets_point_into_the_text(report_claims):
    assert report_claims
    for claim in report_claims:
        assert REPORT[claim.start : claim.end] == claim.quote, claim.id
        assert claim.quote in claim.sentence, claim.id
        assert REPORT[claim.sentence_start : claim.sentence_start + len(claim.sentence)] == claim.sentence
        assert claim.sentence_start <= claim.start and claim.end <= claim.sentence_start + len(claim.sentence)


def test_extract_report_claims_are_in_reading_order_with_ids(report_claims):
    starts = [c.start for c in report_claims]
    assert starts == sorted(starts)
    assert len({c.id for c in report_claims}) == len(report_claims)
    assert all(c.source_id == "s1" for c in report_claims)


def test_extract_claims_batches_many_sources(nlp, aliases):
    texts = ["Nearly 500 soldiers died during the winter offensive.", "The fighting lasted 44 days.", "No claims."]
    sources = [source(t, sid=f"s{i}") for i, t in enumerate(texts, 1)]
    out = list(extract_claims(sources, nlp, aliases))
    assert [s.id for s, _ in out] == ["s1", "s2", "s3"]
    assert [[c.id for c in cs] for _, cs in out] == [["s1c1"], ["s2c1"], []]


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenian forces control 20 percent of the territory.",
        "A 20-strong team of monitors was sent to the border.",
        "A 20-strong team of inspectors counted the dead.",
        "The monitors reached the border on May 7.",
        "The soldiers were killed on May 7.",
        "Inflation reached 20 percent in the capital last year.",
        "Turnout fell by 12 per cent in the eastern provinces.",
    ],
)
def test_extract_no_claim_from_measures_and_dates(extract, sentence: str):
    """No count from a measure or a day of the month; a day with no year known is kept only as
    a date (issue #8: yearless dates are claims, compared by day and month)."""
    claims = extract(sentence)
    assert [c for c in claims if c.kind != "event_date"] == []
    for c in claims:
        assert (c.value.start.year, c.value.start.month, c.value.start.day) == (YEAR_UNKNOWN, 5, 7)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("On May 7 the attackers killed 14 villagers.", 14),
        ("Militants killed 3 policemen on 5 April.", 3),
        ("The border, which runs for about 3,500 km, saw 20 soldiers killed.", 20),
        ("Armenian forces seized 20 percent of the territory, and 300 people were killed.", 300),
    ],
)
def test_extract_only_the_count_of_people_is_a_count(extract, sentence: str, value: int):
    counts = [c for c in extract(sentence) if c.kind in NUMERIC_KINDS]
    assert [(c.value.low, c.value.high) for c in counts] == [(value, value)]


def test_extract_percentage_is_never_a_target(extract):
    claims = extract("Armenian forces seized 20 percent of the territory.")
    for claim in claims:
        assert "percent" not in str(claim.value.model_dump()), claim.value


@pytest.mark.parametrize(
    "sentence",
    [
        "The shells fell on an empty field, causing no casualties.",
        "No one was killed in the raid, the ministry said.",
        "Nobody died when the bridge was hit.",
    ],
)
def test_extract_counts_a_stated_zero(extract, sentence: str):
    """Regression: "no casualties" answers "300 were killed"; "no one" is not the number one."""
    claims = [c for c in extract(sentence) if c.kind == "casualties"]
    assert [(c.value.low, c.value.high) for c in claims] == [(0, 0)], claims


def test_extract_speaker_is_not_the_dateline(extract):
    """ "TOWN (Agency) - officials said": the parser reads the dateline as a second subject."""
    (count,) = [c for c in extract("KESWIN (Probe Wire) - Moldovan officials said that 67 people were killed.")
                if c.kind == "casualties"]  # fmt: skip
    assert count.speaker == "Moldovan officials"


def test_extract_speaker_keeps_a_hyphenated_name(extract):
    (count,) = [c for c in extract("The militant group al-Kestra said that 12 soldiers were killed.")
                if c.kind == "casualties"]  # fmt: skip
    assert count.speaker == "The militant group al-Kestra"


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        # the act blamed names the fact, not the party blamed
        ("The president has blamed Moldova for the killings in the town.", "killing"),
        ("The government has denied any involvement in the mass killings.", "killing"),
        ("The army of Moldova launched an offensive in the north.", "offensive"),
    ],
)
def test_extract_blame_is_about_the_act(extract, sentence: str, about: str):
    blame = [c for c in extract(sentence) if c.kind == "initiator"]
    assert blame and blame[0].about == about


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("No civilians were killed in the raid, the ministry said.", "civilians"),
        ("During the occupation, not a single local resident was killed.", "local resident"),
        ("Nobody was killed.", "people"),
        # a verb of harm with a subject stated to be none denies any casualty (FAILURE_MODES 15)
        ("While the army held the valley, not a single farmer has suffered from the fighting.", "farmer"),
        # ... told of one part of the event, none in that part (session 43)
        ("No one was harmed when the shell landed.", "people in the shelling"),
        # the people named on the trigger noun itself (FAILURE_MODES 9)
        ("No civilian casualties were reported in the town while the army held it.", "civilians"),
    ],
)
def test_extract_a_stated_zero_of_a_group(extract, sentence: str, scope: str):
    (zero,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert (zero.value.low, zero.value.high, zero.scope) == (0, 0, scope)


@pytest.mark.parametrize(
    ("sentence", "low", "scope"),
    [
        # the death is the counted noun's own clause
        ("Veterans gathered to remember the 649 servicemen who died in the war.", 649, "servicemen"),
        ("They mourned the 300 villagers who were killed in the raid.", 300, "villagers"),
    ],
)
def test_extract_a_count_whose_death_is_its_own_clause(extract, sentence: str, low: int, scope: str):
    (count,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert (count.value.low, count.scope) == (low, scope)


def test_extract_a_part_of_a_count_told_before(extract):
    """ "Of them, ...": the whole was in the sentence before; the part is never a rival figure."""
    claims = extract("Some 400,000 people fled the fighting. Of them, about 100,000 crossed into the next country.")
    scopes = {c.value.low: c.scope for c in claims if c.kind == "displaced"}
    assert scopes == {400000: "people", 100000: "people, of them across the border"}


@pytest.mark.parametrize(
    ("sentence", "part", "people"),
    [
        # parses that hang the partitive elsewhere: read from the words beside the number
        ("The monitors counted 1,100 dead, including 300 children.", 300, "children"),
        ("1,900 people were killed, 1,200 of them civilians.", 1200, "civilians"),
        # ... or a people's name after "of them"
        ("More than 200 people were killed, 88 of them Ruritanians.", 88, "Ruritanians"),
        ("About 200 people died in the blasts, 38 of them Indonesians.", 38, "Indonesians"),
    ],
)
def test_extract_a_part_written_beside_its_whole(extract, sentence: str, part: int, people: str):
    counts = {c.value.low: c.scope for c in extract(sentence) if c.kind == "casualties"}
    assert people in counts[part].split(", ")[0]


def test_extract_people_of_an_earlier_period_are_besides_the_events(extract):
    claims = extract(
        "Some 650,000 refugees crossed the border, joining some 200,000 who had fled earlier waves of violence."
    )
    scopes = {c.value.low: c.scope for c in claims if c.kind == "displaced"}
    assert scopes[200000] == "people, earlier"


@pytest.mark.parametrize(
    ("sentence", "scopes"),
    [
        # each of two coordinated counts keeps the side it names itself (FAILURE_MODES 9)
        ("At least 300 soldiers died on the Armenian side and 250 on the Azerbaijani side.",
         {300: "soldiers [Armenia]", 250: "people [Azerbaijan]"}),
        # a bare number that names its side counts that side's dead (FAILURE_MODES 1)
        ("After the raid 40 Palestinians were pronounced dead, up from 9 on the Israeli side.",
         {40: "Palestinians", 9: "people [Israel]"}),
        ("The clashes left 31 Georgians dead, against 12 on the Russian side.", {31: "Georgians", 12: "people [Russia]"}),
        # a side no party owns names no one
        ("The fighting killed 40 villagers, against 12 on the army side.", {40: "villagers", 12: "people"}),
    ],
)  # fmt: skip
def test_extract_counts_of_each_side(extract, sentence: str, scopes: dict):
    assert {c.value.low: c.scope for c in extract(sentence) if c.kind == "casualties"} == scopes


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        # the running toll of a series of acts, told as background (FAILURE_MODES 17)
        ("The raid targeted the cell behind bombings and other attacks that have killed 70 civilians.",
         "civilians, earlier"),
        ("The airstrikes that have killed 300 civilians since March drew condemnation.", "civilians, earlier"),
        # the event's own toll, told in a clause on its acts
        ("The attacks that killed 130 people in the capital shocked the country.", "people"),
        ("A war that has killed 500,000 people ended in a truce.", "people"),
    ],
)  # fmt: skip
def test_extract_the_toll_of_a_series_of_acts_is_besides_the_events(extract, sentence: str, scope: str):
    (count,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert count.scope == scope


def test_extract_people_driven_across_a_border(extract):
    claims = extract("The campaign drove more than 700,000 villagers across the border into the next country.")
    assert [c.value.low for c in claims if c.kind == "displaced"] == [700000]
    assert not [c for c in extract("The soldiers drove their trucks into the square.") if c.kind == "displaced"]


def test_extract_the_people_at_risk_of_a_partitive_are_no_toll(extract):
    counts = [c.value.low for c in extract("Of the 1,093 men on board, 323 were killed.") if c.kind == "casualties"]
    assert counts == [323]


@pytest.mark.parametrize("sentence", ["Some accounts from the valley spoke of more than 700 dead.",
                                      "Villagers told of more than 700 dead."])  # fmt: skip
def test_extract_the_dead_told_of_after_a_verb_are_a_toll(extract, sentence: str):
    """ "spoke of more than 700 dead": "of" after its verb names the dead, not the people at risk."""
    assert [c.value.low for c in extract(sentence) if c.kind == "casualties"] == [700]


def test_extract_no_count_from_a_verb_of_harm_alone(extract):
    assert [c for c in extract("Some 300 people suffered burns in the fire.") if c.kind == "casualties"] == []


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("Officials said 40 civilian casualties were reported in Orlen.", "civilians"),
        ("The clashes left 12 Palestinian deaths in the camp.", "Palestinian people"),
        ("The raid caused 30 casualties.", "people"),
    ],
)
def test_extract_the_people_named_on_the_trigger_noun(extract, sentence: str, scope: str):
    (count,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert count.scope == scope


# sentence, days, top of the range (days), qualifier: a length told in compound words, as a range, hedged
LENGTHS_TOLD = [
    ("The air raid on the clinic went on for more than an hour.", 1 / 24, None, "more than"),
    ("Witnesses said the shooting lasted between 10 and 15 minutes.", 10 / 1440, 15 / 1440, None),
    ("The barrage lasted 20 to 30 minutes, the monitors said.", 20 / 1440, 30 / 1440, None),
    ("The gun battle at the checkpoint lasted 45-60 minutes.", 45 / 1440, 60 / 1440, None),
    ("The assault on the compound lasted an hour and a half.", 1.5 / 24, None, None),
    ("The storming of the theatre lasted one hour and 20 minutes.", 80 / 1440, None, None),
    ("The shelling went on for two and a half hours.", 2.5 / 24, None, None),
    ("The gunship kept firing for up to an hour.", 1 / 24, None, "up to"),
    ("The guards fired on the prisoners for just under five minutes.", 5 / 1440, None, "just under"),
    # an act told with "over" or "within" its length, or "the next" before it
    ("The militia killed some 700 villagers over two days.", 2, None, None),
    ("The gunman shot 40 people within 25 minutes.", 25 / 1440, None, None),
    ("The police fired for the next 13 seconds.", 13 / 86400, None, None),
    ("The drones struck the convoy over the course of an hour.", 1 / 24, None, None),
    ("The artillery pounded the ridge for three consecutive days.", 3, None, None),
    ("The occupation of the plant lasted a week or more.", 7, None, "or more"),
    ("A 40-minute barrage fell on the port.", 40 / 1440, None, None),
    ("The coalition defeated the rebel army in just nine days.", 9, None, None),
    ("The coalition won the war in less than a week.", 7, None, "less than"),
    ("The clinic was hit repeatedly for more than an hour.", 1 / 24, None, "more than"),
    # days and nights interleave: from the shorter count to the longer, not their sum
    ("The looting of the quarter went on for four days and five nights.", 4, 5, None),
    ("The siege of the depot lasted two days and two nights.", 2, None, None),
]


@pytest.mark.parametrize(("sentence", "days", "high", "qualifier"), LENGTHS_TOLD)
def test_extract_duration_told_as_range_compound_or_hedged(extract, sentence, days, high, qualifier):
    """Issue #8: "between 10 and 15 minutes" is a range, "an hour and a half" 90 minutes, "more than
    an hour" a bound: each kept as told, so that lengths compare honestly."""
    claim = _one(extract(sentence), "duration")
    assert isinstance(claim.value, Duration)
    assert claim.value.days == pytest.approx(days, rel=0.01)
    assert claim.value.high == (pytest.approx(high, rel=0.01) if high is not None else None)
    assert claim.value.qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("The second barrage started at dusk and lasted about twenty minutes.", "second barrage"),
        ("Each wave of the raid lasted ten minutes.", "each wave"),
        ("The raid lasted forty minutes.", None),
    ],
)
def test_extract_duration_of_a_part(extract, sentence: str, part: str | None):
    """The length of one of several parts keeps which part as its scope (rules sub_event.ordinal_parts)."""
    assert _one(extract(sentence), "duration").scope == part


@pytest.mark.parametrize(
    "sentence", ["He was shot ten minutes later.", "The man was shot for refusing to leave, 20 years ago."]
)
def test_extract_no_length_from_a_shot_without_for(extract, sentence: str):
    """A firing verb says how long only with "for": "shot ten minutes later" is a time, not a length."""
    assert [c for c in extract(sentence) if c.kind == "duration"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum is open from 9:00 to 17:00.",  # clock times of no act
        "In 1982 the militia killed hundreds.",  # a year, not a length
        "Between 9:00 and 9:30 on Monday the talks resumed.",
    ],
)
def test_extract_no_length_from_clock_times_or_years_of_no_act(extract, sentence: str):
    assert [c for c in extract(sentence) if c.kind == "duration"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses waited for hours. The militia came for three men at dawn.",  # "for" a number of people
        "The army has fought for years in the hills.",  # no figure
        "Soldiers came back after three days and burned the huts.",  # "after" a length with no state of its own
        "A curfew for two days was imposed on Korvel.",  # a noun's length, not an act's
        "Two days of the week were quiet in Korvel.",  # a length of no act
        "The rains in Korvel came after a period of three days.",  # nor a period
    ],
)
def test_extract_no_length_from_for_or_after_without_a_length_told(extract, sentence: str):
    assert [c for c in extract(sentence) if c.kind == "duration"] == []


def test_extract_no_length_from_a_night_of_something(extract):
    assert [c for c in extract("It was a night of stones and clubs on the ridge.") if c.kind == "duration"] == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("At least 52 people died in the camp, per Human Rights Watch.", "Human Rights Watch"),
        ("Some 40 people were killed, per the health ministry.", "the health ministry"),
        ("They earn 5 dollars per day, and 12 soldiers were killed.", None),
    ],
)
def test_extract_speaker_named_after_per(extract, sentence: str, speaker: str | None):
    (count,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert count.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "KESWIN, March 3 (Probe Agency) - Rebels, not the police, were to blame for the blast that wrecked the "
        "depot on the river three years ago, the chairman of an inquiry said on Monday.",
        "Keswin, Ruritania (Probe Wire) — Militants were to blame for the blast at the depot, officials said.",
        "KESWIN, Ruritania, March 3 - Militants were to blame for the blast at the depot, officials said.",
    ],
)
def test_extract_nothing_from_a_dateline(extract, text: str):
    """The day and the agency of a wire's dateline say when and by whom it was filed; a city in
    capitals and a day before a dash are one even with no agency named."""
    claims = extract(text)
    assert not [c for c in claims if c.kind == "event_date"]
    assert all(c.value.actor not in ("Probe Agency", "Probe Wire") for c in claims if c.kind == "initiator")


@pytest.mark.parametrize(
    "text",
    [
        "KESWIN, Ruritania, March 3 - A Turkish air strike flattened a house in the village early on Sunday.",
        "ORLEN, March 3 (Probe Wire) - A Turkish missile destroyed the depot, officials said.",
    ],
)
def test_extract_no_doer_from_a_datelines_city(extract, text: str):
    """A parser may take the dateline's city for the subject of the story's first verb: the city is
    where the piece was filed, the doer is the one the story names."""
    actors = {c.value.actor for c in extract(text) if c.kind == "initiator"}
    assert actors == {"Turkey"}


def test_extract_the_first_figure_after_a_dateline_with_no_agency(extract):
    """ "ORLEN, Ruritania, March 17 - At least 250 ...": the dateline's day is when it was filed, and
    the story's first figure is a count of its own, no range from the day's number."""
    claims = extract("ORLEN, Ruritania, March 17 - At least 250 people were killed in the raids, officials said.")
    assert [(c.value.low, c.value.high) for c in claims if c.kind == "casualties"] == [(250, None)]
    assert not [c for c in claims if c.kind == "event_date"]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("Images taken on 4 March and 9 March 2015 show that some 900 homes in Sarno were burned.", False),
        ("Satellite imagery from 9 March 2015 shows the market of Sarno in ruins.", False),
        ("A video filmed on 4 March 2015 shows soldiers firing at the houses of Sarno.", False),
        # the event's own day, with a record of it beside
        ("Gunmen attacked Sarno on 4 March 2015, photographs show.", True),
    ],
)
def test_extract_the_day_a_record_was_made_is_no_event_date(extract, text: str, dated: bool):
    """When images or footage were taken is not when what they show happened."""
    assert bool([c for c in extract(text) if c.kind == "event_date"]) is dated


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ('"In our street alone, 23 people were killed," a survivor said.', "people, alone"),
        ("Twelve people died in the market alone.", "people, alone"),
        ("Twelve people died in the market.", "people"),
        # the speaker's own people are a part; an army's "our soldiers" are all its soldiers
        ('"More than 200 of our people have been killed," a community elder said.', "people, our"),
        ("Forty of our soldiers were killed, the army said.", "soldiers"),
    ],
)
def test_extract_a_place_singled_out_marks_the_count_a_part(extract, text: str, scope: str):
    (count,) = [c for c in extract(text) if c.kind == "casualties"]
    assert count.scope == scope


def test_extract_a_bracketed_name_mid_sentence_is_no_dateline():
    from claims.dateline import filed_spans

    assert filed_spans("The army (IDF) - said it had struck the depot.") == []
    assert filed_spans("NAIROBI (Probe Wire) - Officials said 40 died.") == [(7, 22)]
    # with no dash, only a town with a day before the agency is a dateline
    assert filed_spans("Keswin, 3 March 2021 (Probe Wire) Officials said 40 died.") == [(6, 33)]
    assert filed_spans("Keswin, the capital (Probe Wire) Has fallen.") == []


def _hand_built(words: list[str], pos: list[str], deps: list[str], heads: list[int]):
    """A parsed sentence with no entities, as the tagger leaves a headline it misreads."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads)


@pytest.mark.parametrize(
    ("words", "pos", "actor"),
    [
        (["Marta", "Kowal", "started", "the", "war"], ["PROPN", "PROPN", "VERB", "DET", "NOUN"], "Marta Kowal"),
        # capitalised common words are no name; one word alone is too little
        (["Heavy", "Shelling", "started", "the", "war"], ["ADJ", "PROPN", "VERB", "DET", "NOUN"], None),
        (["Kowal", "Kowal", "started", "the", "war"], ["NOUN", "PROPN", "VERB", "DET", "NOUN"], None),
    ],
)
def test_actor_reader_takes_a_full_name_the_tagger_missed(words, pos, actor):
    from claims.context import DocContext
    from claims.initiator_actor import ActorReader

    doc = _hand_built(words, pos, ["compound", "nsubj", "ROOT", "det", "dobj"], [1, 2, 2, 4, 2])
    named = ActorReader(DocContext(doc=doc, aliases=AliasTable(), published=None)).name(doc[1])
    assert (named.actor if named else None) == actor


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        # the victims of a passive read as active are no doers
        ("Moldova says that those Ukrainians killed in the Dessel battle were almost all fighters.", []),
        ("The militia killed 30 villagers in Keswin.", ["militia"]),
        ("Troops had shelled the town before dawn.", ["troops"]),
    ],
)
def test_extract_no_doer_from_a_passive_read_as_active(extract, sentence: str, actors: list[str]):
    assert [c.value.actor for c in extract(sentence) if c.kind == "initiator"] == actors


@pytest.mark.parametrize(
    ("second", "day_before"),
    [
        # "days later": after the day told before, not on it ("the next day" is the day after it)
        ("The siege ended days later after troops stormed the hall.", False),
        ("The next day troops stormed the hall.", False),
        # no word of a later time: the day told just before
        ("Troops stormed the hall.", True),
    ],
)
def test_extract_a_later_time_is_not_the_day_told_before(extract, second: str, day_before: bool):
    claims = extract(f"On 3 May 2010 rebels seized a hall in the town. {second}")
    (stormed,) = [c for c in claims if c.kind == "initiator" and "troops" in c.quote.lower()]
    assert (stormed.when is not None and stormed.when.start == date(2010, 5, 3)) == day_before


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        # what a witness saw is some of the dead, not a rival toll
        ("A correspondent saw dozens of bodies in one school building.", "people, seen"),
        ("We saw 30 bodies in the square.", "people, seen"),
        # a time or an event that "saw" deaths is no witness
        ("The standoff and the battle that followed saw 334 people killed.", "people"),
        ("The week saw 30 people killed in the square.", "people"),
    ],
)
def test_extract_a_count_a_witness_saw_is_a_part(extract, sentence: str, scope: str):
    (count,) = [c for c in extract(sentence) if c.kind == "casualties"]
    assert count.scope == scope


def test_extract_a_parts_quote_leaves_out_the_wholes_figure(extract):
    """ "killed more than 1,400 residents, including 37 children": each count is quoted in its own
    words; the part's quote does not carry the whole's figure it shares a verb with."""
    claims = extract("In the weeks of occupation, soldiers killed more than 1,400 residents, including 37 children.")
    quotes = {c.value.low: c.quote for c in claims if c.kind == "casualties"}
    assert quotes[37] == "37 children" and "1,400" in quotes[1400]


RAID = "Gunmen raided the hamlet of Osk on Friday. Residents fled to the hills. Osk lies near the border."


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # the war's or the country's toll, told beside an incident's
        (f"{RAID} The monitors in Paraguay have verified at least 4,100 civilian deaths.", "civilians, nationwide"),
        (f"{RAID} More than 9,000 people have died since the uprising began in 2019.", "people, nationwide"),
        (f"{RAID} Some 700 people were killed across the country last year.", "people, nationwide"),
        (f"{RAID} That was the bloodiest year of the revolt, with about 600 deaths.", "people, nationwide"),
        # the toll of a campaign of weeks or more, not of the raid; a span of days is the incident's own
        (f"{RAID} It came after six weeks of shelling, in which 900 civilians were killed.", "civilians, nationwide"),
        (f"{RAID} In four months of fighting, 2,000 people were killed.", "people, nationwide"),
        (f"{RAID} In two days of fighting, 40 people were killed.", "people"),
        # a people's name says whose, not where; a state that speaks or is fled into is no place of the toll
        (f"{RAID} Paraguayan television said as many as 19 people may have died.", "people"),
        (f"{RAID} Paraguay has said 20 of its soldiers were killed in the fighting.", "soldiers [Paraguay]"),
        # the incident's own toll: a place of its own, a day of its own, or no perfect
        ("Rebels raided Marova. Residents fled. At least 40 people have been killed in Marova, Paraguay.", "people"),
        (f"{RAID} At least 40 people have been killed in Paraguay on 3 May 2020.", "people"),
        (f"{RAID} At least 40 people were killed in Paraguay, officials said.", "people"),
        # an account of the war itself (its lead names the war): its toll is the event's own
        ("The war in Paraguay began in 2019. More than 9,000 people have died since the war began.", "people"),
        ("The conflict in Paraguay has killed more than 9,000 people. It began in 2019.", "people"),
    ],
)
def test_extract_a_toll_of_the_whole_war_or_country(extract, text: str, scope: str):
    counts = [c for c in extract(text) if c.kind == "casualties"]
    assert [c.scope for c in counts] == [scope]


def test_extract_a_time_hung_on_a_clause_naming_a_place_dates_the_main_verb(extract):
    """ "fled from what is now the republic between April and December, 1948": the parser hangs the
    time on "is"; the clause only names a place, the time is the flight's."""
    text = "Some 9,000 Osk villagers, urged by their leaders to leave, fled from what is now Borduria between April and December, 1948."
    (date_claim,) = [c for c in extract(text) if c.kind == "event_date"]
    assert (date_claim.value.start, date_claim.value.end) == (date(1948, 4, 1), date(1948, 12, 31))
    assert "fled" in date_claim.quote


@pytest.mark.parametrize(
    ("since", "scope"),
    [
        ("since April", "people, nationwide"),
        ("since 2014", "people, nationwide"),
        ("since Friday", "people"),
        ("since 3 May", "people"),
    ],  # fmt: skip
)
def test_extract_a_running_toll_since_a_month_is_the_wars(extract, since: str, scope: str):
    """ "have been killed in the fighting since April": a toll over months, not the incident's."""
    counts = [c for c in extract(f"{RAID} More than 1,000 people have been killed in the fighting {since}.")
              if c.kind == "casualties"]  # fmt: skip
    assert [c.scope for c in counts] == [scope]


@pytest.mark.parametrize(
    "text",
    [
        "The toll from the bombing has climbed to 87, making it the deadliest attack since 2009.",
        "The bombing, the worst since the war ended, has killed 87 people.",
    ],
)
def test_extract_a_superlative_since_a_date_is_no_running_toll(extract, text: str):
    """ "the deadliest attack since 2009": "since" measures the incident against the past; its toll
    is the incident's own, not the country's."""
    counts = [c for c in extract(f"{RAID} {text}") if c.kind == "casualties"]
    assert counts and not any("nationwide" in (c.scope or "") for c in counts)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # people held by a verb of custody or justice are not the dead, whatever crime is named
        ("A total of 259 suspects were arrested for offences including public violence and murder.", []),
        ("Police charged 12 men with the killings.", []),
        # a number inside what describes people counted by another is no count of its own
        ("Four children of one family were killed by naval fire on the beach.", [(4, "children")]),
        # killed in a period before the event's own, or besides those told before
        ("Ten people were killed in clashes in the week before the shooting.", [(10, "people, earlier")]),
        ("Ten people were killed in the week of the strike.", [(10, "people")]),
        ("The town had already lost 40 residents to shelling earlier in the war.", [(40, "residents, earlier")]),
        ("Earlier in the conflict, 40 residents were killed by shelling.", [(40, "residents, earlier")]),
        ("Earlier in the day, troops killed 40 villagers.", [(40, "villagers")]),  # the event's own day
        ("A second shell was fired at them, killing three more children.", [(3, "more children, more")]),
        ("Fifty more bodies were found on Monday.", [(50, "people, more")]),
        ("The fighting in the valley claimed at least 40 further lives.", [(40, "people, further")]),
        ("Reprisals that week took 12 additional lives.", [(12, "people, additional")]),
        # people besides one already named
        ("Two fellow prisoners had been killed with him.", [(2, "fellow prisoners, fellow")]),
        ("Four other soldiers died in the ambush.", [(4, "other soldiers, other")]),
    ],
)
def test_extract_counts_held_described_earlier_or_more(extract, text: str, found: list[tuple[int, str]]):
    counts = [c for c in extract(text) if c.kind == "casualties"]
    assert [(c.value.low, c.scope.split(" in the ")[0]) for c in counts] == found


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a year naming the event beside the day the sentence gives it says nothing more
        (
            "The 2014 war, which the army called Operation Rain, began on 8 July 2014 and lasted 50 days.",
            [(date(2014, 7, 8), "day")],
        ),
        # a year of another event in the sentence stays
        (
            "In 1994 the war ended, and a ceasefire was signed on 12 May 1994.",
            [(date(1994, 1, 1), "year"), (date(1994, 5, 12), "day")],
        ),
    ],
)
def test_extract_a_year_naming_the_event_beside_its_day(extract, text: str, dates: list[tuple[date, str]]):
    found = [(c.value.start, c.value.precision) for c in extract(text) if c.kind == "event_date"]
    assert found == dates


@pytest.mark.parametrize(
    ("text", "day", "told"),
    [
        # the clause the date opens with "when" tells what happened on it
        ("The inquiry dealt with the events of 16 August 2012, when police fired on striking miners.",
         date(2012, 8, 16), "police fired"),
        # a weekday before the day, wherever the parser hangs it
        ("The prosecutor spoke of the terrorist attacks of Tuesday 22 March 2016.", date(2016, 3, 22), "attacks"),
        ("The attacks committed in the capital on the evening of Friday 13 November 2015 were carried out by gunmen.",
         date(2015, 11, 13), "attacks committed"),
        # a "when" clause of circumstance leaves the main event dated
        ("Troops cleared the square on 9 April 1989, when the rally was in its fifth day.", date(1989, 4, 9),
         "Troops cleared"),
    ],
)  # fmt: skip
def test_extract_the_event_a_date_is_of_in_a_when_clause_or_after_a_weekday(extract, text: str, day: date, told: str):
    found = [c for c in extract(text) if c.kind == "event_date"]
    assert [c.value.start for c in found] == [day]
    assert told in found[0].about


def test_extract_a_count_joined_to_another_with_its_own_participle_is_no_sibling():
    """ "165 citizens killed ..., and more than 3,000 people wounded": the parser joins the second
    count to the first, but its own participle tells its kind (hand-built parse: the model parses
    such sentences either way)."""
    words = ["165", "citizens", "killed", "and", "3,000", "people", "wounded", "and", "40", "guards"]
    heads = [1, 1, 1, 1, 5, 1, 5, 1, 9, 1]
    deps = ["nummod", "ROOT", "acl", "cc", "nummod", "conj", "acl", "cc", "nummod", "conj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    triggers = [(doc[2], "casualties"), (doc[6], "wounded")]
    assert own_predicate(doc[5], triggers)  # "3,000 people wounded"
    assert not own_predicate(doc[9], triggers)  # "40 guards": told as its sibling


@pytest.mark.parametrize(
    ("text", "lows"),
    [
        # "one" under a negation is none, or not a single one: no toll of one
        ("To this day the ministry has not named one soldier who died that night.", []),
        ("Not one soldier was killed in the raid.", []),
        ("One soldier died in the raid.", [1]),
        ("The ministry named one soldier who died that night.", [1]),
    ],
)
def test_extract_not_one_is_no_toll_of_one(extract, text: str, lows: list[int]):
    assert [c.value.low for c in extract(text) if c.kind == "casualties"] == lows


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # the subject of "suffered"/"sustained" names whose dead a death noun counts
        ("The report gave 35 dead among the marchers, while the forces of order suffered no deaths.", "forces"),
        ("The police sustained 12 casualties in the clashes.", "police"),
        ("The marchers suffered 12 deaths.", "marchers"),
        # a death noun that is no object of such a verb keeps the people it names, or none
        ("There were 12 deaths in the clashes.", "people"),
    ],
)
def test_extract_the_sufferer_names_whose_dead(extract, text: str, scope: str):
    counts = [c for c in extract(text) if c.kind == "casualties" and c.value.low in (0, 12)]
    assert [c.scope for c in counts] == [scope]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # "X to death": the manner verb says which part of the event the dead are of
        ("Ten people were trampled to death at the gate.", "stampede"),
        ("Twelve villagers were burned to death in their homes.", "blaze"),
        ("Nine men were beaten to death.", None),
    ],
)
def test_extract_the_manner_of_dying_to_death(extract, text: str, part: str | None):
    (count,) = [c for c in extract(text) if c.kind == "casualties"]
    assert scope_of(count.scope, AliasTable()).part == part
