"""Facts named as a person would name them (issue #8)."""

from __future__ import annotations

from datetime import date

import pytest

from analysis.topics import event_name, name_fact
from claims.models import Actor, Claim, Count, DateSpan, Duration


def claim(
    source: str,
    *,
    event: list[str],
    scope: str = "people",
    value=None,
    kind: str = "casualties",
    sentence: str = "q.",
    about: str = "",
    speaker: str | None = None,
) -> Claim:
    return Claim(id=f"{source}c1", source_id=source, kind=kind, quote="q", sentence=sentence, start=0, end=1,
                 sentence_start=0, value=value or Count(low=5, high=5), scope=scope, event=event, about=about,
                 speaker=speaker)  # fmt: skip


def test_topics_count_names_its_population_and_event():
    claims = [claim("s1", event=["@ev:dessel", "@ev:ruritania"]), claim("s2", event=["@ev:dessel", "@ev:y1999"])]
    assert event_name(claims, lambda t: 1.0) == "Dessel"
    assert name_fact(claims, "kill people", lambda t: 1.0, "killed") == "people killed in Dessel"


def test_topics_event_is_the_most_specific_name_the_sources_share():
    """ "Government" of "the government said" is shared as often as the town, but names nothing."""
    claims = [claim("s1", event=["@ev:government", "@ev:dessel"]), claim("s2", event=["@ev:dessel", "@ev:government"])]
    assert event_name(claims, lambda t: 1.0) == "Dessel"


def test_topics_population_reads_as_words():
    """ "soldiers [Moldova] in Dessel" and "people, another" are scope strings, not a reader's words:
    a state's people are named by its people's word where the table has one."""
    sided = [claim(s, event=["@ev:dessel"], scope="soldiers [Moldova] in Dessel") for s in ("s1", "s2")]
    assert name_fact(sided, "", lambda t: 1.0, "killed") == "Moldovan soldiers killed in Dessel"
    israelis = [claim(s, event=["@ev:dessel"], scope="people [Israel]") for s in ("s1", "s2")]
    assert name_fact(israelis, "", lambda t: 1.0, "killed") == "Israelis killed in Dessel"
    unknown = [claim(s, event=["@ev:dessel"], scope="soldiers [Kestria]") for s in ("s1", "s2")]
    assert name_fact(unknown, "", lambda t: 1.0, "killed") == "soldiers (Kestria) killed in Dessel"
    added = [claim(s, event=["@ev:dessel"], scope="people, another") for s in ("s1", "s2")]
    assert name_fact(added, "", lambda t: 1.0, "killed") == "people killed in Dessel"
    part = [claim(s, event=["@ev:dessel"], scope="people in the explosion") for s in ("s1", "s2")]
    assert name_fact(part, "", lambda t: 1.0, "killed") == "people killed in the explosion (Dessel)"


def test_topics_a_blame_fact_is_named_by_its_act_not_the_thing_struck():
    actors = [
        claim("s1", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Ruritania")),
        claim("s2", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Borduria")),
    ]
    # no claim names its act: no act is made up for it ("who started the fighting" where no one fought)
    assert name_fact(actors, "school", lambda t: 1.0, "who") == "who is to blame in Dessel: Ruritania vs Borduria"
    assert (
        name_fact(actors, "storming", lambda t: 1.0, "who")
        == "who carried out the storming in Dessel: Ruritania vs Borduria"
    )


@pytest.mark.parametrize(
    ("quotes", "question"),
    [
        # the act the claims' own words tell, when none names it by a noun
        (("troops massacred the villagers", "the villagers were killed by rebels"), "who did the killing"),
        (("police fired on the marchers", "gunmen shot at the police"), "who opened fire"),
        # an account that says no one did it
        (("the crash was an accident", "a missile hit the airliner"), "who or what caused it"),
    ],
)
def test_topics_a_blame_fact_asks_of_the_act_its_quotes_tell(quotes: tuple[str, str], question: str):
    doers = ["an accident" if "accident" in quotes[0] else "Ruritania", "Borduria"]
    actors = [
        claim(f"s{n}", event=["@ev:dessel"], kind="initiator", value=Actor(actor=doer)).model_copy(update={"quote": q})
        for n, (doer, q) in enumerate(zip(doers, quotes, strict=True), start=1)
    ]
    assert name_fact(actors, "village", lambda t: 1.0, "who").startswith(f"{question} in Dessel")


def test_topics_one_source_names_no_event_and_parties_are_not_repeated():
    one = [claim("s1", event=["@ev:dessel"])]
    assert name_fact(one, "", lambda t: 1.0, "killed") == "people killed"
    actors = [
        claim("s1", event=["@ev:dessel"], kind="initiator", value=Actor(actor="National Defence Front")),
        claim("s2", event=["@ev:dessel"], kind="initiator", value=Actor(actor="NDF")),
    ]
    assert (
        name_fact(actors, "war", lambda t: 1.0, "who started")
        == "who started the war in Dessel: National Defence Front"
    )


TIE = """
from analysis.topics import event_name
from claims.models import Claim, Count
def claim(source, event):
    return Claim(id=source + "c1", source_id=source, kind="casualties", quote="q", sentence="q.", start=0, end=1,
                 sentence_start=0, value=Count(low=5, high=5), event=event)
names = ["@ev:" + n for n in ("varnomir", "kolmetsk", "dravena", "ostrava", "belmora", "tarnova")]
print(event_name([claim("s1", names), claim("s2", names[::-1])], lambda t: 1.0))
"""


def test_topics_a_tie_between_names_goes_the_same_way_whatever_the_hash_seed():
    """Issue #11: Dask workers run with another hash seed than the client; a tie between names that
    as many sources share, as rare and as long, went by a set's order, so a fact's name changed."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    names = set()
    for seed in ("1", "2", "3", "6640"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", TIE], env=env, capture_output=True, text=True, check=True)
        names.add(done.stdout.strip())
    assert names == {"Varnomir"}  # the first source's first name of those tied


@pytest.mark.parametrize(
    ("about", "label"),
    [
        ("KESWIN Oct. ceasefire took hold", "when the ceasefire took hold (Dessel)"),  # a dateline's place and day
        ("DESSEL 12 June the raid began", "when the raid began (Dessel)"),
        ("RRF attacked the bases", "when RRF attacked the bases (Dessel)"),  # capitals alone: the actor
    ],
)
def test_topics_a_date_fact_is_named_without_its_dateline(about: str, label: str):
    dated = [claim(s, event=["@ev:dessel"], kind="event_date", value=DateSpan(start=date(2020, 6, 12),
                   end=date(2020, 6, 12), precision="day")) for s in ("s1", "s2")]  # fmt: skip
    assert name_fact(dated, about, lambda t: 1.0, "when") == label


# -- issue #8: a fact named as a person would name it ------------------------------------------

ONE = lambda t: 1.0  # noqa: E731


def shared(names: list[str], sentence: str = "q.", speaker: str | None = None) -> list[Claim]:
    """Two sources whose leads share `names`, each stating a count in `sentence`."""
    return [claim(s, event=[f"@ev:{n}" for n in names], sentence=sentence, speaker=speaker) for s in ("s1", "s2")]


@pytest.mark.parametrize(
    ("names", "sentence", "speaker", "event"),
    [
        # a person is no event: named after a title, as the one who speaks, or two names and no place's word
        (["orin valk"], "President Orin Valk said 40 died.", None, None),
        (["orin valk"], "Forty died, Orin Valk said.", "minister Orin Valk", None),
        (["orin valk", "valk"], "Forty died.", None, None),
        # one arrested, charged or sentenced is a person, whatever the tagger made of the name
        (["tamrozi"], "Police arrested Tamrozi, who bought the van.", None, None),
        (["tamrozi", "dessel"], "A court sentenced Tamrozi for the bombing in Dessel.", None, "Dessel"),
        # a body is no event: its last word says so, or it is written in capitals
        (["varna relief foundation"], "Forty died.", None, None),
        (["vrf"], "Forty died, the VRF said.", None, None),
        # a word written only inside a longer name that says little alone, or a word of no name
        (["grand", "grand assembly"], "The Grand Assembly counted 40 dead.", None, None),
        (["group"], "Forty died.", None, None),
        # a word the accounts write in lower case is no name ("chemical" of a headline's "Chemical attack")
        (["chemical"], "Forty died in the chemical attack.", None, None),
        # a place of two words keeps its place's word; a name as the accounts write it
        (["ostrava square"], "Forty died in Ostrava Square.", None, "Ostrava Square"),
        (["nagorno-varabakh"], "Forty died in Nagorno-Varabakh.", None, "Nagorno-Varabakh"),
        (["orin valk", "dessel"], "Forty died in Dessel.", None, "Dessel"),
        # a dateline's capitals are not an acronym
        (["jorvik"], "JORVIK, May 3 - Forty died in Jorvik.", None, "Jorvik"),
        # a code with a number in it keeps its capitals
        (["kv752"], "Flight KV752 crashed and forty died.", None, "KV752"),
        (["kv752"], "Forty died.", None, "KV752"),
        # a people or a body of men is no place: "students killed in Guardsmen" reads wrong
        (["guardsmen"], "Guardsmen fired and four students died.", None, None),
        (["varnans", "dessel"], "Varnans said forty died in Dessel.", None, "Dessel"),
        # a word for a people, with no demonym's ending, is no place unless written as one
        (["arab", "dessel"], "Forty Arab villagers died near Dessel.", None, "Dessel"),
        (["arab"], "Arab leaders said forty died.", None, None),
        (["kurd"], "A Kurd told reporters forty died.", None, None),
        (["arabs"], "Arabs fled after forty died.", None, None),
        (["amhara"], "Forty died in Amhara.", None, "Amhara"),
        # a place's name that ends like a plural is still a place
        (["homs"], "Forty died in Homs.", None, "Homs"),
        # a people's adjective before a noun is no place: "killed in South Varnian" reads wrong
        (["south varnian", "dessel"], "Forty died in the South Varnian town of Dessel.", None, "Dessel"),
        (["varnish", "dessel"], "Forty died in Dessel.", None, "Dessel"),
    ],
)
def test_topics_event_is_a_place_not_a_person_a_body_or_a_word_of_a_name(names, sentence, speaker, event):
    assert event_name(shared(names, sentence, speaker), ONE) == event


def test_topics_a_state_only_qualifies_the_fact():
    """A country names a side as often as the place: "people killed (Ruritania)", and a blame fact
    names no state as where its act happened."""
    counts = shared(["france"], "Forty died.")
    assert name_fact(counts, "", ONE, "killed") == "people killed (France)"
    actors = [
        claim(s, event=["@ev:france"], kind="initiator", value=Actor(actor=a))
        for s, a in (("s1", "Spain"), ("s2", "France"))
    ]
    assert name_fact(actors, "raid", ONE, "who") == "who carried out the raid: Spain vs France"


@pytest.mark.parametrize(
    ("scope", "who"),
    [
        ("Western states", "people"),  # no people: what the parser took for a population
        ("ports", "people"),
        ("refugees from Varna and the forces of Dessel", "refugees"),
        ("pro - Varnan activists", "pro-Varnan activists"),
        ("ethnic Varnans", "ethnic Varnans"),
        ("schoolchildren", "schoolchildren"),
        ("journalists", "journalists"),
        # words that only count them say nothing of who they are
        ("others", "people"),
        ("further civilians", "civilians"),
        ("other people", "people"),
        ("officially people", "people"),
        ("person", "people"),
    ],
)
def test_topics_a_count_names_people(scope: str, who: str):
    claims = [claim(s, event=["@ev:dessel"], scope=scope) for s in ("s1", "s2")]
    assert name_fact(claims, "", ONE, "killed") == f"{who} killed in Dessel"


@pytest.mark.parametrize(
    ("scopes", "who"),
    [
        # a bare word counts for its people's fuller name, not for any longer words
        (["soldiers [Israel]", "soldiers", "soldiers"], "Israeli soldiers"),
        (["of them soldiers", "soldiers", "soldiers"], "soldiers"),
        # a tie goes to the first named
        (["people", "civilians"], "people"),
        (["civilians", "people"], "civilians"),
    ],
)
def test_topics_a_count_names_the_people_most_members_count(scopes: list[str], who: str):
    claims = [claim(f"s{n}", event=["@ev:dessel"], scope=scope) for n, scope in enumerate(scopes)]
    assert name_fact(claims, "", ONE, "killed") == f"{who} killed in Dessel"


def dated(*abouts: str, speaker: str | None = None) -> list[Claim]:
    span = DateSpan(start=date(2020, 6, 12), end=date(2020, 6, 12), precision="day")
    claims = [claim(f"s{n}", event=["@ev:dessel"], kind="event_date", value=span, about=a, speaker=speaker)
              for n, a in enumerate(abouts, 1)]  # fmt: skip
    return claims + [claims[0].model_copy(update={"id": "s9c1", "source_id": "s9"})]  # a second source


@pytest.mark.parametrize(
    ("abouts", "label"),
    [
        # who said it is no event: the date of a statement, or of what it names
        (["the rights office said"], "date of a statement (Dessel)"),
        (["Varna Foreign Minister Ilo Brask told press conference in Kolm"], "date of the press conference (Dessel)"),
        (["Radio Kestrel reported", "Kestrel ceasefire took hold"], "when Kestrel ceasefire took hold (Dessel)"),
        # clause words before and words left hanging after
        (["after long talks the convoy reached"], "when the long talks the convoy reached (Dessel)"),
        (["According to him the siege ended in"], "when the siege ended (Dessel)"),
        (["war which began"], "when the war began (Dessel)"),
        # a verb with no subject, a pronoun and a copula, a bare name that may be a person's
        (["left Varna"], "when it left Varna (Dessel)"),
        (["It ended in bloodshed"], "when it ended in bloodshed (Dessel)"),
        (["it was at centre of conflict", "the storming began"], "when the storming began (Dessel)"),
        (["Orin Valk"], "date (Dessel)"),
        # a copula that lost its subject names nothing; with one, it tells what was the case
        (["were reasonable grounds", "the shelling began"], "when the shelling began (Dessel)"),
        (["the population of Kolm was around 9,000"], "when the population of Kolm was around 9,000 (Dessel)"),
        # no verb: the event the words name
        (["mediating First Kestrel War"], "date of the First Kestrel War (Dessel)"),
        (["marks anniversary of Kestrel massacre"], "date of the Kestrel massacre (Dessel)"),
        (["second summit in Kolm"], "date of the second summit in Kolm (Dessel)"),
        (["first clash on disputed ridge"], "date of the first clash on disputed ridge (Dessel)"),
        (["Massacre at Dessel"], "date of Massacre at Dessel"),  # the event named once
        (["aid group Varna Relief"], "date (Dessel)"),  # a body, no event
        # a date's own word is not named twice ("date of the date ...")
        (["date strike hits fuel depot near Dessel"], "date of the strike hits fuel depot near Dessel"),
        (["Day War"], "date of Day War (Dessel)"),  # a word of a name ("Six-Day War") stays
    ],
)
def test_topics_a_date_fact_is_named_by_what_happened(abouts: list[str], label: str):
    assert name_fact(dated(*abouts), abouts[0], ONE, "date") == label


@pytest.mark.parametrize(
    ("abouts", "label"),
    [
        (["siege"], "how long the siege lasted (Dessel)"),
        (["it", "war"], "how long the war lasted (Dessel)"),
        (["relative"], "how long it lasted (Dessel)"),  # the people held, not what lasted
        (["month"], "how long it lasted (Dessel)"),
        (["missile"], "how long it lasted (Dessel)"),  # "12 minutes after the missiles struck": no missile lasted
    ],
)
def test_topics_a_length_is_named_by_the_event_that_lasted(abouts: list[str], label: str):
    span = Duration(days=3)
    claims = [
        claim(f"s{n}", event=["@ev:dessel"], kind="duration", value=span, about=a) for n, a in enumerate(abouts, 1)
    ]
    claims.append(claim("s9", event=["@ev:dessel"], kind="duration", value=span, about=abouts[0]))
    assert name_fact(claims, abouts[0], ONE, "how long") == label


@pytest.mark.parametrize(
    ("actors", "parties"),
    [
        # a state's own forces stand behind it; the armed group it fights stays
        (["France", "troops", "soldiers", "terrorists"], "France vs terrorists"),
        (["government forces", "rebels", "France"], "France vs rebels"),
        (["Government forces", "France"], "France"),  # a capital opening a sentence names nothing
        # a named group stands for the militants; a described force of each side once
        (["France", "Kestrel Front", "militants"], "France vs Kestrel Front"),
        (["armed rebels", "armed terrorist groups"], "armed rebels"),
        (["troops", "terrorists"], "troops vs terrorists"),
        (["France", "helicopters"], "France"),
        (["Taliban", "Dessel"], "Taliban"),  # the place struck, read as a party
        (["Taliban", "not established"], "Taliban"),  # "it is not known who did it" blames no party
    ],
)
def test_topics_a_blame_fact_lists_the_parties_not_every_force(actors: list[str], parties: str):
    claims = [
        claim(f"s{n}", event=["@ev:dessel"], kind="initiator", value=Actor(actor=a)) for n, a in enumerate(actors, 1)
    ]
    assert name_fact(claims, "attack", ONE, "who") == f"who carried out the attack in Dessel: {parties}"


@pytest.mark.parametrize(
    ("actor", "quotes", "parties"),
    [
        # a party read off a people's adjective is named with the people it described
        ("Varnan", ["Varnan militants stormed the school", "Varnan militants set off the blast"], "Varnan militants"),
        ("Varnan", ["Varnan militants stormed the school", "Varnan gunmen fired"], "Varnan militants"),
        ("pro-Varnan", ["pro-Varnan gunmen fired first", "pro-Varnan gunmen fired"], "pro-Varnan gunmen"),
        # a name that stands alone anywhere stays as it is
        ("Varnan", ["Varnan fighters attacked", "Varnan had carried out the attack"], "Varnan"),
        ("Varnan", ["the Varnan flag was raised", "Varnan militants stormed the school"], "Varnan"),
        # a group's own name ("Hezbollah fighters") needs no people beside it
        ("Hizbat", ["Hizbat fighters stormed the school", "Hizbat fighters fired"], "Hizbat"),
    ],
)
def test_topics_a_party_read_off_an_adjective_is_named_with_its_people(actor: str, quotes: list[str], parties: str):
    claims = [
        claim(f"s{n}", event=["@ev:dessel"], kind="initiator", value=Actor(actor=actor)).model_copy(update={"quote": q})
        for n, q in enumerate(quotes, 1)
    ]
    assert name_fact(claims, "attack", ONE, "who") == f"who carried out the attack in Dessel: {parties}"


@pytest.mark.parametrize(
    ("about", "question"),
    [
        ("fire", "who opened fire"),
        ("rocket", "who fired the rockets"),
        ("storming", "who carried out the storming"),
        ("crime", "who committed the crime"),
        ("shot", "who fired the shots"),
        ("bombing", "who carried out the bombing"),
    ],
)
def test_topics_a_blame_fact_asks_its_question_in_plain_words(about: str, question: str):
    """ "who opened fire in Dessel", not "who started the fire": firing and weapons read as asked."""
    actors = [
        claim("s1", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Ruritania")),
        claim("s2", event=["@ev:dessel"], kind="initiator", value=Actor(actor="Borduria")),
    ]
    assert name_fact(actors, about, ONE, "who") == f"{question} in Dessel: Ruritania vs Borduria"


def test_topics_a_name_its_account_gives_a_doer_is_no_event():
    """ "people killed in Dawnfront": the account names Dawnfront as who did it (Claim.doers), so the
    fact is named by where it happened; a state named as a doer still names the fact's country."""
    named = [claim(s, event=["@ev:dawnfront", "@ev:dessel"]).model_copy(update={"doers": ["dawnfront"]})
             for s in ("s1", "s2")]  # fmt: skip
    assert event_name(named, lambda t: 1.0) == "Dessel"
    unnamed = [claim(s, event=["@ev:dawnfront"]) for s in ("s1", "s2")]
    assert event_name(unnamed, lambda t: 1.0) == "Dawnfront"


@pytest.mark.parametrize(
    ("tagged", "event"),
    [
        # the accounts tag the name a person's: where it happened is the other name
        (["kimura"], "Dessel"),
        # no account tags it a person's: the name all three share wins
        ([], "Kimura"),
    ],
)
def test_topics_a_persons_or_a_peoples_name_is_no_event(tagged: list[str], event: str):
    """ "people killed in Kimura": the name of the man tried for it, read by the model as a person's
    (Claim.people_names), is not where it happened, even when it is the name the accounts share most."""
    leads = {"s1": ["@ev:kimura", "@ev:dessel"], "s2": ["@ev:kimura", "@ev:dessel"], "s3": ["@ev:kimura"]}
    claims = [claim(s, event=e).model_copy(update={"people_names": tagged}) for s, e in leads.items()]
    assert event_name(claims, ONE) == event


def test_topics_one_accounts_misreading_does_not_unname_a_town():
    """Only most of the accounts reading a name as a person's take it for one."""
    three = [claim(s, event=["@ev:kimura"]) for s in ("s1", "s2", "s3")]
    one = [three[0].model_copy(update={"people_names": ["kimura"]}), *three[1:]]
    assert event_name(one, ONE) == "Kimura"
    two = [one[0], one[1].model_copy(update={"people_names": ["kimura"]}), one[2]]
    assert event_name(two, ONE) is None


@pytest.mark.parametrize("when", ["october", "sunday"])
def test_topics_a_month_or_a_weekday_is_no_event(when: str):
    """ "people killed in October": a headline's month is when, not where."""
    assert event_name(shared([when, "dessel"]), ONE) == "Dessel"
    assert event_name(shared([when]), ONE) is None


def test_extraction_keeps_the_names_an_account_gives_persons():
    from claims.actors import AliasTable
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    text = "Police arrested Taro Kimura in Dessel on Monday. Kimura denied that he ordered the attack, which killed 12."
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    claims = extract_from_doc(src, load_nlp()(text), AliasTable())
    assert claims and all("kimura" in c.people_names and "dessel" not in c.people_names for c in claims)


@pytest.mark.parametrize(
    ("tags", "text", "people"),
    [
        # the last word of a full name, though the model reads it alone as a city
        ([("Oren Tavi", "PERSON"), ("Tavi", "GPE")], "Oren Tavi spoke. Tavi left.", ["oren tavi", "tavi"]),
        ([("Oren Tavi's", "PERSON")], "Oren Tavi's men fired.", ["oren tavi", "tavi"]),
        # a name alone tagged a person is as often a town the model has never seen
        ([("Brask", "PERSON"), ("Brask", "PERSON")], "Brask spoke. Brask left.", []),
        ([("Flight KV752", "PERSON")], "Flight KV752 crashed.", []),
        # a surname the text writes where a place goes is a town's name
        ([("Doron Kestor", "PERSON")], "Doron Kestor was shelled. Residents in Kestor fled.", []),
        ([("Doron Kestor", "PERSON")], "Doron Kestor was shelled, at the Kestor market.", []),
        # "in Tavi's report" is no place
        ([("Oren Tavi", "PERSON")], "Oren Tavi wrote it in Tavi's report.", ["oren tavi", "tavi"]),
        # one arrested, charged or sentenced is a person, whatever the model tagged
        ([], "Police arrested Tamrozi, who bought the van. A court sentenced Tamrozi to death.", ["tamrozi"]),
        ([], "Tamrozi was sentenced to death in August 2003.", ["tamrozi"]),
        ([], "Police arrested Monday three men in Kestor.", []),
        ([], "Police arrested Tamrozi in Kestor. Residents in Tamrozi fled.", []),
    ],
)
def test_names_a_document_reads_as_a_persons(tags: list[tuple[str, str]], text: str, people: list[str]):
    import spacy
    from spacy.tokens import Span

    from claims.actors import AliasTable
    from claims.name_kinds import people_names

    doc = spacy.blank("en")(text)
    ents, at = [], 0
    for name, label in tags:  # each tag on the name's next mention
        start = text.index(name, at)
        ents.append(doc.char_span(start, start + len(name), label=label))
        at = start + len(name)
    assert all(isinstance(e, Span) for e in ents)
    assert people_names(ents, text, AliasTable()) == people


def test_extraction_keeps_the_names_an_account_gives_doers():
    from claims.actors import AliasTable
    from claims.extract import extract_from_doc
    from claims.nlp import load_nlp
    from sources.models import Source, text_sha256

    text = "The Dawnfront Brigades claimed the bombing in Dessel. Police said 12 people were killed."
    src = Source(id="s1", name="s1.txt", text=text, sha256=text_sha256(text))
    claims = extract_from_doc(src, load_nlp()(text), AliasTable())
    assert claims and all("dawnfront brigades" in c.doers for c in claims)
