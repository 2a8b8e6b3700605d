"""A made-up news corpus for benchmarks and load tests (issue #2).

Every word comes from the templates and word lists below: invented states,
capitals, towns and outlets, invented figures and dates. Articles come in
groups about one invented conflict, told from the attacker's side, the
defender's side or a neutral desk, so that alignment has real facts to group
and real disagreements to find. Each article has 300-600 words and sentences
that give claims of every kind (killed, wounded, displaced, who started it,
when, how long), plus background sentences with numbers that are not counts
of people (percentages, distances, money, a "20-strong team").

    from benchmarks.corpus import generate_corpus, write_corpus
    docs = generate_corpus(200, seed=0)          # [(file name, text), ...]
    write_corpus(folder, 200, seed=0)            # files + sources.json + aliases.json

The same (n, seed) always gives the same texts; article i does not depend on n.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# state, demonym, capital: none of them is a real place (checked against the actor table)
STATES = [
    ("Kestria", "Kestrian", "Veldun"),
    ("Dorvany", "Dorvanian", "Ostrakar"),
    ("Valmora", "Valmoran", "Marrowin"),
    ("Tarsenia", "Tarsenian", "Tzelna"),
    ("Oskaria", "Oskarian", "Gorvast"),
    ("Quorvia", "Quorvian", "Pellin"),
    ("Zandria", "Zandrian", "Cadrun"),
    ("Halvoria", "Halvorian", "Ishkel"),
    ("Ustrany", "Ustranian", "Norvath"),
    ("Corvenia", "Corvenian", "Selbrin"),
    ("Ardenza", "Ardenzan", "Trevask"),
    ("Jorvika", "Jorvikan", "Ulmsk"),
]
REGIONS = ["Sarnak valley", "Orlec plateau", "Tiven delta", "Braddon hills", "Quellar basin", "Dunmoor coast",
           "Hollun gorge", "Erlask steppe"]  # fmt: skip
TOWNS = ["Tarvik", "Korvel", "Ostrel", "Mirask", "Belzun", "Caldra", "Vennick", "Sorvo", "Pelsk", "Drumak", "Yaret",
         "Zolny", "Ferrun", "Gostav", "Haldek", "Ilvar", "Jessun", "Kravo", "Lostin", "Morrek", "Brennic", "Dalvo",
         "Fennow", "Gavrik"]  # fmt: skip
OUTLETS = {
    "attacker": ["The {cap} Courier", "{dem} State Radio", "The {cap} Evening Star"],
    "defender": ["The {cap} Herald", "{dem} News Service", "Voice of {state}"],
    "neutral": ["Northgate Wire", "The Continental Desk", "Harbour Press Agency", "Meridale Review"],
}
EVENTS = ["offensive", "siege", "assault", "bombardment", "incursion"]
MONITORS = ["the Red Cross", "the United Nations", "a local monitoring group", "aid workers on the ground",
            "the regional health authority", "an independent rights group"]  # fmt: skip
OFFICIALS = ["the defence ministry", "a government spokesman", "the army", "the foreign ministry",
             "a senior commander", "the interior minister"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


@dataclass(frozen=True)
class Conflict:
    attacker: tuple[str, str, str]
    defender: tuple[str, str, str]
    region: str
    towns: tuple[str, str, str]
    event: str
    start: date
    days: int
    killed: int
    soldiers: int
    wounded: int
    displaced: int
    truce: date


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    published: date
    publisher: str
    side: str


def _conflict(k: int, seed: int) -> Conflict:
    rng = random.Random(f"conflict:{seed}:{k}")
    attacker, defender = rng.sample(STATES, 2)
    start = date(1988, 1, 1) + timedelta(days=rng.randrange(0, 12_000))
    days = rng.choice([4, 5, 6, 12, 18, 25, 30, 44, 60, 75, 90])
    killed = rng.choice([80, 140, 260, 430, 900, 1_400, 2_300, 3_800, 6_500, 12_000])
    return Conflict(
        attacker=attacker,
        defender=defender,
        region=rng.choice(REGIONS),
        towns=tuple(rng.sample(TOWNS, 3)),
        event=rng.choice(EVENTS),
        start=start,
        days=days,
        killed=killed,
        soldiers=max(12, killed // rng.choice([3, 4, 6])),
        wounded=killed * rng.choice([2, 3]),
        displaced=killed * rng.choice([40, 90, 150, 400]),
        truce=start + timedelta(days=days),
    )


def _round(n: int) -> int:
    """Two significant figures, as reporters round."""
    if n < 100:
        return n
    step = 10 ** (len(str(n)) - 2)
    return int(round(n / step) * step)


def _num(n: int) -> str:
    if n <= 12:
        return SMALL[n]
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} million".replace(".0 ", " ")
    return f"{n:,}"


def _amount(rng: random.Random, n: int) -> str:
    """A figure as a reporter might state it, with or without a qualifier."""
    r = _round(n)
    form = rng.randrange(7)
    if form == 0:
        return _num(n)
    if form == 1:
        return f"more than {_num(_round(int(n * 0.9)))}"
    if form == 2:
        return f"about {_num(r)}"
    if form == 3:
        return f"at least {_num(_round(int(n * 0.8)))}"
    if form == 4:
        return f"nearly {_num(_round(int(n * 1.05)))}"
    if form == 5 and n >= 50:
        return f"between {_num(_round(int(n * 0.8)))} and {_num(_round(int(n * 1.2)))}"
    return f"some {_num(r)}"


def _day(rng: random.Random, d: date) -> str:
    if rng.random() < 0.5:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _weeks(days: int) -> str:
    weeks = max(1, round(days / 7))
    return "a week" if weeks == 1 else f"{_num(weeks)} weeks"


def _cap(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


class _Writer:
    """Fills the templates for one article of one conflict, from one side's point of view."""

    def __init__(self, c: Conflict, side: str, rng: random.Random) -> None:
        self.c, self.side, self.rng = c, side, rng
        # each side shades the figures: its own media count fewer of its own misdeeds
        shade = {"attacker": rng.choice([0.2, 0.35, 0.5]), "defender": rng.choice([1.0, 1.6, 2.5])}
        self.k = shade.get(side, rng.choice([0.9, 1.0, 1.0, 1.1]))
        self.a_state, self.a_dem, self.a_cap = c.attacker
        self.d_state, self.d_dem, self.d_cap = c.defender

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def fmt(self, template: str, **extra: object) -> str:
        c = self.c
        values = {
            "A": self.a_state, "Adem": self.a_dem, "Acap": self.a_cap, "D": self.d_state, "Ddem": self.d_dem,
            "Dcap": self.d_cap, "region": c.region, "town": c.towns[0], "town2": c.towns[1], "town3": c.towns[2],
            "event": c.event, "monitor": self.pick(MONITORS), "official": self.pick(OFFICIALS),
        }  # fmt: skip
        return template.format(**values, **extra)

    # --- sentences that carry claims ------------------------------------------

    def lede(self) -> str:
        c, rng = self.c, self.rng
        when = _day(rng, c.start)
        if self.side == "attacker":
            options = [
                "{D} launched an attack on {Adem} positions near {town} on {when}, the army said.",
                "{Ddem} forces shelled the border villages around {town} on {when}, {official} said.",
                "The fighting in the {region} began on {when}, when {Ddem} troops attacked {Adem} positions.",
            ]
        elif self.side == "defender":
            options = [
                "{A} launched a war against {D} on {when}, when its troops crossed into the {region}.",
                "{Adem} forces shelled {town} on {when}, the first day of the {event}.",
                "{Adem} troops attacked {town} in the {region} on {when}, {official} said.",
            ]
        else:
            options = [
                "Fighting broke out in the {region} on {when}. {Acap} and {Dcap} blamed each other for it.",
                "The {event} on {town} began on {when}, according to {monitor}.",
                "{Adem} forces shelled {town} on {when}, {monitor} reported.",
            ]
        return " ".join(_cap(part) for part in self.fmt(self.pick(options), when=when).split(". ", 1))

    def blame(self) -> str:
        if self.side == "attacker":
            options = ["{Acap} blamed a {Ddem} missile strike for the start of the fighting.",
                       "{official} insisted that {A} was not responsible for the war.",
                       "{A} did not start the war, {official} said on state television."]  # fmt: skip
        elif self.side == "defender":
            options = ["{Dcap} blamed a {Adem} air strike for the destruction of the bridge at {town2}.",
                       "{official} said {A} was responsible for the attack on {town}.",
                       "The government in {Dcap} accused {A} of starting the war."]  # fmt: skip
        else:
            options = ["{Dcap} blamed a {Adem} air strike for the first deaths; {Acap} denied it.",
                       "Each side blamed the other for starting the {event}.",
                       "{monitor} said {Adem} troops attacked first, a finding {Acap} rejected."]  # fmt: skip
        return _cap(self.fmt(self.pick(options)))

    def killed(self) -> str:
        n = _amount(self.rng, max(3, int(self.c.killed * self.k)))
        options = [
            "{n} people were killed in the {event}, according to {monitor}.",
            "The {event} left {n} people dead in {town} and the surrounding villages.",
            "{monitor} said {n} civilians had been killed since the {event} began.",
            "{n} people died in the fighting for {town}, {official} said.",
            "Reportedly, {n} people were killed when artillery hit the market in {town2}.",
        ]
        return _cap(self.fmt(self.pick(options), n=n))

    def soldiers(self) -> str:
        own = self.d_dem if self.side != "attacker" else self.a_dem
        n = _amount(self.rng, max(3, int(self.c.soldiers * self.k)))
        options = [
            "{n} {own} soldiers were killed in the first week.",
            "{official} said {n} {own} soldiers died defending {town3}.",
            "The army said {n} of its soldiers were killed in the {event}.",
        ]
        return _cap(self.fmt(self.pick(options), n=n, own=own))

    def wounded(self) -> str:
        n = _amount(self.rng, max(3, int(self.c.wounded * self.k)))
        options = [
            "{n} more were wounded and taken to hospitals in {Dcap}.",
            "{n} people were injured, {monitor} said.",
            "Doctors in {town2} said {n} residents had been wounded by shelling.",
        ]
        return _cap(self.fmt(self.pick(options), n=n))

    def displaced(self) -> str:
        n = _amount(self.rng, max(50, int(self.c.displaced * self.k)))
        options = [
            "{n} residents fled their homes in the {region}.",
            "The {event} created {n} refugees, {monitor} estimated.",
            "{n} people were displaced by the fighting, according to {monitor}.",
            "Allegedly, {n} villagers were driven from their homes around {town}.",
        ]
        return _cap(self.fmt(self.pick(options), n=n))

    def timeline(self) -> list[str]:
        c, rng = self.c, self.rng
        out = [self.fmt(self.pick([
            "The ceasefire took effect on {truce}.",
            "A truce brokered by {monitor} took effect in {truce_month}.",
            "The guns fell silent on {truce}, when both sides accepted a ceasefire.",
        ]), truce=_day(rng, c.truce), truce_month=f"{MONTHS[c.truce.month - 1]} {c.truce.year}")]  # fmt: skip
        days = c.days if rng.random() < 0.7 else c.days + rng.choice([-3, 2, 10])
        out.append(self.fmt(self.pick([
            "The {event} lasted {days} days.",
            "The {days}-day war ended with that truce.",
            "In all, the fighting went on for about {weeks}.",
        ]), days=days, weeks=_weeks(days)))  # fmt: skip
        return [_cap(x) for x in out]

    def history(self) -> str:
        """An earlier war: another date, length and toll that alignment must keep apart."""
        rng = self.rng
        year = self.c.start.year - rng.randrange(8, 30)
        n = _amount(rng, rng.choice([300, 1_200, 5_000, 20_000]))
        days = rng.choice([5, 9, 21, 40])
        return _cap(self.fmt(self.pick([
            "The two countries already fought a {days}-day war in {year}, in which {n} people were killed.",
            "An earlier war over the {region} broke out in the summer of {year} and left {n} people dead.",
            "In {year}, a border war between {A} and {D} displaced {n} people and lasted {days} days.",
        ]), year=year, n=n, days=days))  # fmt: skip

    def incident(self) -> str:
        """A recent, separate incident near the publication date ("on Tuesday")."""
        rng = self.rng
        n = rng.choice(SMALL[2:]) if rng.random() < 0.6 else str(rng.randint(13, 40))
        return _cap(self.fmt(self.pick([
            "On {weekday}, {n} people were killed when a mine exploded near {town3}, {official} said.",
            "Separately, {n} soldiers were wounded on {weekday} in an exchange of fire near {town2}.",
            "{n} farmers were hurt on {weekday} when a shell left over from the {event} went off near {town}.",
        ]), n=n, weekday=rng.choice(WEEKDAYS)))  # fmt: skip

    def reaction(self) -> str:
        return _cap(self.fmt(self.pick([
            "\"We will not give up {town},\" {official} told reporters in {Dcap}.",
            "According to {monitor}, many of the dead in {town2} were children.",
            "{official} said the army had acted in self-defence and would respond to any new attack.",
            "Relatives of the missing gathered outside the morgue in {Dcap} on a cold morning.",
        ])))  # fmt: skip

    # --- background: sentences with no claim, some with numbers that are not counts --

    BACKGROUND = [
        "The dispute over the {region} goes back to the {decade}s, when the border was first drawn.",
        "Prices of bread in {Dcap} have risen by {pct} percent since the spring.",
        "The {region} lies about {km} km from the capital and is home to farming villages.",
        "A {team}-strong team of monitors from {monitor} arrived to inspect the damage.",
        "Talks between {Acap} and {Dcap} have stalled several times over the status of {town3}.",
        "Analysts in {Acap} say the conflict could flare up again unless the talks resume.",
        "Aid agencies have asked donors for ${money} million to rebuild schools and clinics.",
        "Most of the damage was done to roads, bridges and the water network around {town2}.",
        "Opposition politicians in {Dcap} have called for an inquiry into how the army was prepared.",
        "Trade between the two countries, worth about {money} million a year, has all but stopped.",
        "The {Adem} parliament is expected to debate a new defence budget next month.",
        "Farmers in the {region} say they cannot reach their fields because of mines.",
        "Both governments claim the {region} on historical grounds, and neither shows signs of giving way.",
        "Satellite images published by a research group show burned houses on the outskirts of {town}.",
        "Schools in {town3} reopened this week, though many classrooms are still used as shelters.",
        "Turnout in the last election in {Acap} was {pct} per cent, the lowest in two decades.",
        "The railway line through {town2} has been closed since the first days of the {event}.",
        "Foreign ministers from neighbouring countries are due to meet in {Acap} to discuss the crisis.",
        "Local officials complain that promised reconstruction money has been slow to arrive.",
        "Several journalists were briefly detained near the front line and later released.",
        "The {Ddem} currency has lost {pct} percent of its value against the dollar this year.",
        "Residents who stayed behind describe long nights in basements and queues for water.",
        "Mobile phone coverage in the {region} is patchy, and news often arrives days late.",
        "A new road to {town3}, paid for by foreign donors, was due to open before the fighting began.",
        "Hospitals in {Dcap} say they are short of blood, fuel for generators and surgeons.",
        "Both armies have dug in along a line of low hills east of {town2}.",
        "The {region} produces about {pct} percent of the country's wheat.",
        "Diplomats say any lasting deal will need international monitors along the new line.",
    ]

    def background(self) -> list[str]:
        """The background sentences in a random order, each template used once."""
        rng = self.rng
        order = rng.sample(self.BACKGROUND, len(self.BACKGROUND))
        return [self.fmt(t, decade=rng.choice([1950, 1960, 1970, 1980]), pct=rng.randint(3, 45),
                         km=rng.choice([40, 85, 120, 260, 3_500]), team=rng.choice([12, 20, 35]),
                         money=rng.choice([15, 40, 120, 300])) for t in order]  # fmt: skip


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _article(i: int, seed: int, per_conflict: int) -> Article:
    rng = random.Random(f"article:{seed}:{i}")
    c = _conflict(i // per_conflict, seed)
    side = ["defender", "attacker", "neutral", "neutral", "defender"][i % per_conflict % 5]
    w = _Writer(c, side, rng)
    state, dem, cap = c.attacker if side == "attacker" else c.defender if side == "defender" else rng.choice(STATES)
    publisher = w.pick(OUTLETS[side]).format(state=state, dem=dem, cap=cap)
    published = c.truce + timedelta(days=rng.randrange(2, 600))
    headline = w.fmt(w.pick([
        "{region}: counting the cost of the {event}",
        "What the {event} on {town} did to the {region}",
        "Ceasefire holds in the {region} as both sides count their dead",
        "{Acap} and {Dcap} trade blame over the {event}",
    ]))  # fmt: skip
    dateline = f"{w.pick([c.attacker[2], c.defender[2], c.towns[0]]).upper()} ({publisher}) - "
    claims = [
        dateline + " ".join([w.lede(), w.blame()]),
        " ".join([w.killed(), w.soldiers(), w.wounded()]),
        " ".join([w.displaced(), w.reaction()]),
        " ".join(w.timeline()),
        w.history(),
        w.incident(),
    ]
    rest = claims[1:]
    rng.shuffle(rest)
    body = [claims[0], *rest]
    background = w.background()
    target = rng.randrange(330, 560)
    while _words(body) < target and background:
        paragraph = [background.pop() for _ in range(min(len(background), rng.randint(1, 3)))]
        body.insert(rng.randrange(1, len(body) + 1), " ".join(paragraph))
    while _words(body) > 600:
        body.pop()
    slug = c.region.split()[0].lower()
    suffix = ".md" if i % 10 == 9 else ".txt"
    title = f"# {headline}" if suffix == ".md" else headline
    text = "\n\n".join([title, *body]) + "\n"
    return Article(f"{i:04d}_{slug}_{side}{suffix}", text, published, publisher, side)


def generate_articles(n: int, seed: int = 0, per_conflict: int = 5) -> list[Article]:
    """n articles with their metadata, `per_conflict` of them about each invented conflict."""
    return [_article(i, seed, per_conflict) for i in range(n)]


def generate_corpus(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n (file name, text) pairs of made-up news, 300-600 words each; the same for the same seed."""
    return [(a.name, a.text) for a in generate_articles(n, seed)]


def corpus_aliases() -> dict[str, str]:
    """Aliases for the invented states (for `rashomon compare --aliases`): the short name, the
    demonym and its plural, and the capital all name "Republic of <state>".

    The canonical name differs from the short one on purpose: a user alias that maps a
    name to itself ({"Kestria": "Kestria"}) currently resolves to nothing (see
    tests/test_actors.py)."""
    table: dict[str, str] = {}
    for state, dem, cap in STATES:
        table.update({state: f"Republic of {state}", dem: f"Republic of {state}", f"{dem}s": f"Republic of {state}",
                      cap: f"Republic of {state}"})  # fmt: skip
    return table


def write_corpus(folder: Path, n: int, seed: int = 0) -> Path:
    """Write n articles, their sources.json and an aliases.json next to the folder; returns the aliases file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = generate_articles(n, seed)
    for a in articles:
        (folder / a.name).write_text(a.text, encoding="utf-8")
    meta = [{"file": a.name, "publisher": a.publisher, "title": a.text.splitlines()[0].lstrip("# "),
             "published": a.published.isoformat(), "side": a.side} for a in articles]  # fmt: skip
    (folder / "sources.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    aliases = folder.parent / f"{folder.name}_aliases.json"
    aliases.write_text(json.dumps({"aliases": corpus_aliases()}, indent=1), encoding="utf-8")
    return aliases


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for name, text in generate_corpus(count):
        print(f"==== {name} ({len(text.split())} words)\n{text}")
