"""Generate N distinct, news-like synthetic sources for the workspace benchmark and tests (issue #3).

A made-up world: towns, armed forces and newspapers with invented names, and
events (an attack on a town on a date, with dead, wounded, displaced and a
length), each told by several papers that disagree on the numbers and on who
started it. Every text is written from templates here, so extraction finds
casualty, wounded, displaced, initiator, date and duration claims, and the
same fact recurs across sources as it would in a real collection.

    python benchmarks/workspace_corpus.py OUT_DIR [--sources 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

_ONSETS = ("b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gr", "sh")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ei")
_CODAS = ("", "n", "r", "s", "l", "m", "sk", "nd", "rt", "v")
_PLACE_ENDINGS = ("ovo", "ara", "enko", "ville", "stad", "ine", "ora", "eni", "abad", "ograd")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def _place(rng: random.Random) -> str:
    return (_word(rng, rng.choice((1, 2))) + rng.choice(_PLACE_ENDINGS)).capitalize()


def _long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Event:
    """One thing that happened, as it really was; each paper reports a bent version."""

    town: str
    region: str
    attacker: str  # a people's adjective: "Veskarian"
    defender: str
    day: date
    killed: int
    wounded: int
    displaced: int
    days: int


@dataclass(frozen=True)
class Paper:
    name: str
    side: str  # whose side it speaks for: an adjective of one of the parties, or "wire"


def make_world(rng: random.Random, events: int) -> tuple[list[Event], list[Paper]]:
    peoples = sorted({_word(rng, 2).capitalize() + "ian" for _ in range(24)})
    out: list[Event] = []
    towns: set[str] = set()
    while len(out) < events:
        town = _place(rng)
        if town in towns:
            continue
        towns.add(town)
        attacker, defender = rng.sample(peoples, 2)
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
        killed = rng.randrange(3, 400)
        out.append(Event(town, _place(rng), attacker, defender, day, killed, killed * rng.randrange(2, 5),
                         rng.randrange(2, 90) * 100, rng.randrange(2, 11)))  # fmt: skip
    papers = [Paper(f"The {_word(rng, 2).capitalize()} {kind}", rng.choice([*peoples, "wire"]))
              for kind in ("Herald", "Courier", "Tribune", "Gazette", "Observer", "Dispatch", "Ledger", "Post")
              for _ in range(4)]  # fmt: skip
    return out, papers


def _bent(rng: random.Random, n: int, spread: float) -> int:
    """A paper's figure: often the true one, sometimes inflated or played down."""
    return n if rng.random() < 0.5 else max(1, round(n * rng.uniform(1 - spread, 1 + spread)))


def _paragraphs(rng: random.Random, ev: Event, paper: Paper) -> list[str]:
    friendly = paper.side == ev.defender
    blamed, victim = (ev.attacker, ev.defender) if friendly or rng.random() < 0.7 else (ev.defender, ev.attacker)
    killed, wounded = _bent(rng, ev.killed, 0.4), _bent(rng, ev.wounded, 0.3)
    displaced, days = _bent(rng, ev.displaced, 0.5), ev.days if rng.random() < 0.8 else ev.days + 1
    when = _long_date(ev.day)
    qualifier = rng.choice(("", "at least ", "more than ", "some ", "nearly "))
    lines = [
        rng.choice(
            (
                f"{blamed} troops attacked the town of {ev.town} in the {ev.region} region on {when}, "
                f"killing {qualifier}{killed} civilians, local officials said.",
                f"{qualifier.capitalize()}{killed} people were killed in {ev.town} on {when} when {blamed} "
                f"artillery shelled the {ev.region} market, according to the regional governor.",
                f"The assault on {ev.town} began on {when}. {qualifier.capitalize()}{killed} civilians died "
                f"in the shelling, the {victim} health ministry said.",
            )
        ),  # fmt: skip
        rng.choice(
            (
                f"Another {wounded} people were wounded in {ev.town}, hospital staff said.",
                f"Doctors in {ev.region} treated {wounded} wounded from {ev.town}.",
            )
        ),  # fmt: skip
        rng.choice(
            (
                f"Some {displaced:,} residents fled {ev.town} as the fighting spread across {ev.region}.",
                f"Aid workers said {displaced:,} people were displaced from {ev.town} and nearby villages.",
            )
        ),  # fmt: skip
        rng.choice(
            (
                f"The fighting in {ev.town} lasted {_NUMBER_WORDS.get(days, str(days))} days.",
                f"The battle for {ev.town} lasted {days} days before a ceasefire held.",
            )
        ),  # fmt: skip
    ]
    if rng.random() < 0.6:
        lines.append(f"{victim} officials said {blamed} forces started the fighting in {ev.town}.")
    tail = lines[1:]
    rng.shuffle(tail)  # the lead first, the rest in any order: distinct texts
    return [lines[0], *tail]


_FIRST_NAMES = ("Mira", "Tomas", "Anel", "Oskar", "Lidia", "Farid", "Ines", "Pavel", "Nadia", "Emil", "Sana", "Goran")
_JOBS = (
    "a teacher",
    "a baker",
    "a nurse",
    "a taxi driver",
    "a farmer",
    "a student",
    "a shopkeeper",
    "a retired engineer",
)


def _background(rng: random.Random, ev: Event, paper: Paper) -> list[str]:
    """What fills a real article around its figures: context, voices, reactions, caveats.

    Real reports run to several hundred words, most of them not claims; the
    benchmark's "analyse this one source" should cost what a real one does.
    """
    name, job = rng.choice(_FIRST_NAMES), rng.choice(_JOBS)
    pool = [
        f"The {ev.region} region has seen repeated clashes between {ev.attacker} and {ev.defender} units "
        f"since the ceasefire of {ev.day.year - rng.randrange(2, 9)} broke down.",
        f"{paper.name} could not independently verify the figures given by either side.",
        f'"We heard the first explosions before dawn and ran to the basement," said {name}, {job} from {ev.town}.',
        f"{name}, {job}, said the family left with only a bag of documents and walked through the fields for hours.",
        "Residents said power and water had been cut across the old town and the only bakery had closed.",
        f"The {ev.defender} foreign ministry summoned the {ev.attacker} ambassador and called the attack "
        "a grave provocation.",
        f"A spokesman for the {ev.attacker} defence ministry declined to comment on the reports from {ev.town}.",
        "Humanitarian agencies appealed for safe passage for convoys carrying food, fuel and medicine.",
        f"Satellite images reviewed by independent analysts showed damage to dozens of buildings near the "
        f"{ev.town} market and the railway station.",
        f"Talks between the two governments, mediated by neighbouring states, stalled in {_MONTHS[rng.randrange(12)]}.",
        f"Schools in {ev.region} remained closed and the regional hospital said it was running short of blood.",
        "Local volunteers organised shelters in churches and sports halls for families who had lost their homes.",
        f"The {ev.attacker} government said its forces were responding to shelling of its own positions.",
        f"Observers from the regional monitoring mission said they had been denied access to {ev.town}.",
        "Prices of bread and fuel in the regional capital have more than doubled since the fighting began.",
        f"Community leaders in {ev.region} called for an independent inquiry into what happened in {ev.town}.",
    ]
    return rng.sample(pool, rng.randrange(6, 11))


def make_source_text(rng: random.Random, number: int, events: list[Event], paper: Paper) -> tuple[str, date]:
    """One article: a headline, a dateline, one to three events (the first is the news) with their background."""
    told = rng.sample(events, rng.choice((1, 2, 2, 3)))
    published = told[0].day + timedelta(days=rng.randrange(1, 6))
    head = f"Fighting in {told[0].town}: report no. {number} from {paper.name}"
    body = [head, "", f"{paper.name}, {_long_date(published)}.", ""]
    for n, ev in enumerate(told):
        body.append(" ".join(_paragraphs(rng, ev, paper)))
        body.append("")
        if n == 0:
            body.append(" ".join(_background(rng, ev, paper)))
            body.append("")
    return "\n".join(body), published


def generate(count: int, seed: int = 7, prefix: str = "report") -> list[tuple[str, str, dict[str, str]]]:
    """(file name, text, sidecar metadata) for `count` distinct sources; the same seed gives the same texts."""
    rng = random.Random(seed)
    events, papers = make_world(rng, max(4, count // 5))
    out = []
    for number in range(1, count + 1):
        paper = rng.choice(papers)
        text, published = make_source_text(rng, number, events, paper)
        meta = {"publisher": paper.name, "published": published.isoformat(), "side": paper.side}
        out.append((f"{prefix}_{number:05d}.txt", text, meta))
    return out


def write_corpus(folder: Path, count: int, seed: int = 7, prefix: str = "report") -> list[Path]:
    """Write the texts and a sources.json sidecar into `folder` (a workspace knows a source by its file name)."""
    return write_sources(folder, generate(count, seed, prefix))


def write_sources(folder: Path, items: list[tuple[str, str, dict[str, str]]]) -> list[Path]:
    """Write `generate()` items into `folder`, with their metadata in a sources.json sidecar."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    paths, sidecar = [], []
    for name, text, meta in items:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        sidecar.append({"file": name, **meta})
    (folder / "sources.json").write_text(json.dumps(sidecar, indent=1), encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"wrote {len(write_corpus(args.folder, args.sources, args.seed))} sources to {args.folder}")


if __name__ == "__main__":
    main()
