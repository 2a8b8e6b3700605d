"""A hand-built Report of a made-up conflict, for testing the report writers (issue #2).

Three accounts of the invented Varna Valley offensive between Kestria and
Dorvany. Source s2 is a scraped page that kept an inline <script> and a
bullet list, so its sentences test HTML escaping and CSV formula
neutralising ("- 1,200 people ..." starts with "-").
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from analysis.models import CountSummary, Group, Relation, Report
from claims.models import Actor, Claim, Count, DateSpan, Kind, Value
from sources.models import Source, text_sha256

S1_TEXT = (
    "The Varna offensive began on 14 March 2021. "
    "Over 3,000 civilians were killed in the Varna offensive, the Herald's own tally shows."
)
S2_TEXT = (
    "Casualty figures:\n"
    "- 1,200 people were killed in the offensive\n"
    "Officials said <script>alert(1)</script> 45,000 residents of Varna city fled. "
    "Kestrian forces attacked Dorvany first, the defence ministry said."
)
S3_TEXT = (
    "Fighting in the valley started in March 2021. "
    "Between 1,500 and 2,000 people were killed during the offensive. "
    "Some 120,000 people were displaced across the valley."
)

SCRIPT = "<script>alert(1)</script>"
DASH_QUOTE = "- 1,200 people were killed"


def _source(sid: str, name: str, text: str, **meta: object) -> Source:
    return Source(id=sid, name=name, text=text, sha256=text_sha256(text), **meta)


SOURCES = [
    _source(
        "s1",
        "kestria_herald.txt",
        S1_TEXT,
        title="Valley offensive: the toll",
        publisher="Kestrian Herald",
        published=date(2021, 4, 2),
        side="Kestria",
    ),
    _source(
        "s2",
        "dorvany_today.html",
        S2_TEXT,
        title="Figures <from> the front",
        publisher="Dorvany Today",
        published=date(2021, 4, 3),
        side="Dorvany",
        address="https://dorvany.example/today",
    ),
    _source(
        "s3",
        "https://monitor.example/valley_report_2021",
        S3_TEXT,
        title="Valley report",
        publisher="Independent Monitor",
        side="neutral",
    ),
]
_TEXTS = {s.id: s.text for s in SOURCES}


def _claim(cid: str, sid: str, kind: Kind, quote: str, sentence: str, value: Value, **extra: object) -> Claim:
    """Offsets come from the real text, as the extractor would set them."""
    text = _TEXTS[sid]
    sentence_start = text.index(sentence)
    start = text.index(quote, sentence_start)
    return Claim(
        id=cid,
        source_id=sid,
        kind=kind,
        quote=quote,
        sentence=sentence,
        start=start,
        end=start + len(quote),
        sentence_start=sentence_start,
        value=value,
        **extra,
    )


def sample_claims() -> list[Claim]:
    return [
        _claim(
            "c1",
            "s1",
            "casualties",
            "Over 3,000 civilians were killed",
            "Over 3,000 civilians were killed in the Varna offensive, the Herald's own tally shows.",
            Count(low=3000, high=None, qualifier="over", text="Over 3,000"),
            scope="civilians",
        ),
        _claim(
            "c2",
            "s2",
            "casualties",
            DASH_QUOTE,
            "- 1,200 people were killed in the offensive",
            Count(low=1200, high=1200, text="1,200"),
        ),
        _claim(
            "c3",
            "s3",
            "casualties",
            "Between 1,500 and 2,000 people were killed",
            "Between 1,500 and 2,000 people were killed during the offensive.",
            Count(low=1500, high=2000, qualifier="between", text="Between 1,500 and 2,000"),
        ),
        _claim(
            "c4",
            "s1",
            "event_date",
            "began on 14 March 2021",
            "The Varna offensive began on 14 March 2021.",
            DateSpan(start=date(2021, 3, 14), end=date(2021, 3, 14), precision="day", text="14 March 2021"),
        ),
        _claim(
            "c5",
            "s3",
            "event_date",
            "started in March 2021",
            "Fighting in the valley started in March 2021.",
            DateSpan(start=date(2021, 3, 1), end=date(2021, 3, 31), precision="month", text="March 2021"),
        ),
        _claim(
            "c6",
            "s2",
            "displaced",
            "45,000 residents of Varna city fled",
            f"Officials said {SCRIPT} 45,000 residents of Varna city fled.",
            Count(low=45000, high=45000, text="45,000"),
            scope="residents of Varna city",
            speaker="officials",
        ),
        _claim(
            "c7",
            "s3",
            "displaced",
            "Some 120,000 people were displaced",
            "Some 120,000 people were displaced across the valley.",
            Count(low=120000, high=120000, qualifier="some", text="Some 120,000"),
            scope="the whole valley",
            hedged=True,
        ),
        _claim(
            "c8",
            "s2",
            "initiator",
            "Kestrian forces attacked Dorvany first",
            "Kestrian forces attacked Dorvany first, the defence ministry said.",
            Actor(actor="Kestria", target="Dorvany", actor_text="Kestrian forces", target_text="Dorvany"),
            speaker="the defence ministry",
        ),
    ]


GROUPS = [
    Group(
        id="g1",
        kind="casualties",
        topic="killed in the Varna offensive",
        claim_ids=["c1", "c2", "c3"],
        status="contested",
        summary=CountSummary(
            low=1200,
            best=1750,
            high=3000,
            low_sources=["s2"],
            best_sources=["s3"],
            high_sources=["s1"],
        ),
    ),
    Group(
        id="g2",
        kind="event_date",
        topic="start of the Varna offensive",
        claim_ids=["c4", "c5"],
        status="agree",
    ),
    Group(
        id="g3",
        kind="displaced",
        topic="displaced by the offensive",
        claim_ids=["c6", "c7"],
        status="agree",
    ),
    Group(
        id="g4",
        kind="initiator",
        topic="who attacked first",
        claim_ids=["c8"],
        status="single",
    ),
]

CONTRADICTION_REASON = "1,200 is below the 3,000 the Herald gives as a minimum"
RELATIONS = [
    Relation(claim_a="c1", claim_b="c2", relation="contradict", reason=CONTRADICTION_REASON),
    Relation(claim_a="c1", claim_b="c3", relation="contradict", reason="1,500–2,000 is below over 3,000"),
    Relation(claim_a="c2", claim_b="c3", relation="contradict", reason="1,200 is outside 1,500–2,000"),
    Relation(claim_a="c4", claim_b="c5", relation="agree", reason="14 Mar 2021 falls within Mar 2021"),
    Relation(
        claim_a="c6",
        claim_b="c7",
        relation="different_scope",
        reason="Varna city residents versus the whole valley",
    ),
]


def sample_report() -> Report:
    """A fresh Report each call, so a test may change it freely."""
    return Report(
        sources=[s.model_copy() for s in SOURCES],
        claims=sample_claims(),
        groups=[g.model_copy(deep=True) for g in GROUPS],
        relations=[r.model_copy() for r in RELATIONS],
        errors=["missing.pdf: no text could be extracted"],
        pipeline="rules-v1",
        generated=datetime(2021, 5, 1, 12, 0, tzinfo=UTC),
    )
