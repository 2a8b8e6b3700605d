"""Tests of the report writers and of describe_value (issue #2)."""

from __future__ import annotations

import io
import json
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis.models import Report
from analysis.report import FORMATS
from analysis.report.escape import md_escape
from analysis.report.to_csv import COLUMNS, neutralise, report_to_csv
from analysis.report.to_html import report_to_html
from analysis.report.to_json import report_to_dict, report_to_json
from analysis.report.to_markdown import report_to_markdown
from analysis.report.view import build_view, quote_span
from claims.describe import describe_number, describe_value
from claims.models import NOBODY, UNKNOWN, Actor, Claim, Count, DateSpan, Duration
from tests.report_fixture import CONTRADICTION_REASON, DASH_QUOTE, SCRIPT, sample_report
from workspace.pipeline import write_report


@pytest.fixture
def report() -> Report:
    return sample_report()


# --- describe_value ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Count(low=30000, high=30000), "30,000"),
        (Count(low=30000, high=None, qualifier="over"), "over 30,000"),
        (Count(low=25000, high=30000, qualifier="around"), "around 25,000–30,000"),
        (Count(low=471, high=None, qualifier="at least"), "at least 471"),
        (Count(low=471, high=None), "at least 471"),
        (Count(low=None, high=500, qualifier="nearly"), "nearly 500"),
        (Count(low=100, high=300, qualifier="between"), "100–300"),
        (Count(low=100, high=300, qualifier="likely"), "likely 100–300"),
        (Count(low=1000, high=9999, vague=True, text="thousands"), "thousands"),
        (Count(low=None, high=None), "unknown"),
        (DateSpan(start=date(2020, 9, 27), end=date(2020, 9, 27), precision="day"), "27 Sep 2020"),
        (DateSpan(start=date(1992, 3, 1), end=date(1992, 3, 31), precision="month"), "Mar 1992"),
        (DateSpan(start=date(1997, 1, 1), end=date(1997, 12, 31), precision="year"), "1997"),
        (
            DateSpan(start=date(1992, 6, 1), end=date(1992, 8, 31), precision="season", text="summer 1992"),
            "summer 1992",
        ),
        (DateSpan(start=date(1992, 6, 1), end=date(1992, 8, 31), precision="season"), "summer 1992"),
        (
            DateSpan(start=date(1990, 1, 1), end=date(1993, 12, 31), precision="decade", text="early 1990s"),
            "early 1990s",
        ),
        (DateSpan(start=date(2008, 8, 7), end=date(2008, 8, 8), precision="days"), "7–8 Aug 2008"),
        (DateSpan(start=date(2020, 9, 30), end=date(2020, 10, 2), precision="days"), "30 Sep – 2 Oct 2020"),
        (DateSpan(start=date(1992, 1, 1), end=date(1994, 12, 31), precision="years"), "1992–1994"),
        (Actor(actor="Armenia", target="Azerbaijan"), "Armenia → Azerbaijan"),
        (Actor(actor="Armenia"), "Armenia"),
        (Actor(actor="Israel", negated=True), "not Israel"),
        (Actor(actor=NOBODY, negated=True), "no one (it never happened)"),
        (Actor(actor=UNKNOWN), "not established who"),
        (Duration(days=44.0), "44 days"),
        (Duration(days=1), "1 day"),
        (Duration(days=2.5), "2.5 days"),
        (Duration(days=58 / 24), "58 hours"),
        (Duration(days=30 / 1440, qualifier="about"), "about 30 minutes"),
        (Duration(days=1 / 24, qualifier="more than"), "more than 1 hour"),
        (Duration(days=10 / 1440, high=15 / 1440), "10–15 minutes"),
        (Duration(days=13 / 86400), "13 seconds"),
        (Duration(days=1 / 24, qualifier="or more"), "1 hour or more"),
        (Count(low=100, high=None, qualifier="or more"), "100 or more"),
    ],
)
def test_describe_value_table(value, expected):
    assert describe_value(value) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, "0"), (471, "471"), (30000, "30,000"), (1000000, "1,000,000")])
def test_describe_number_separators(n, expected):
    assert describe_number(n) == expected


# --- view -------------------------------------------------------------------


def test_view_sections_order_and_header(report):
    view = build_view(report)
    keys = [s.key for s in view.sections]
    assert keys == ["contradictions", "agreements", "different_scope", "single"]
    assert (view.header.sources, view.header.claims, view.header.facts, view.header.contested) == (3, 8, 4, 1)
    assert view.section("contradictions").groups[0].summary.low == "1,200"


def test_view_quote_span_falls_back_to_search(report):
    claim = report.claims[0]
    moved = claim.model_copy(update={"start": claim.start + 5, "end": claim.end + 5})
    span = quote_span(moved)
    assert span.found and span.quote == claim.quote


def test_view_quote_missing_from_sentence():
    claim = Claim(
        id="c", source_id="s", kind="casualties", quote="absent words", sentence="Other text.",
        start=0, end=12, sentence_start=0, value=Count(low=1, high=1),
    )  # fmt: skip
    span = quote_span(claim)
    assert not span.found and span.before == "Other text."


def test_view_ungrouped_claim_is_single_source(report):
    report.groups = [g for g in report.groups if g.id != "g4"]
    single = build_view(report).section("single")
    assert [c.claim_id for g in single.groups for c in g.claims] == ["c8"]


def test_view_unclear_group_gets_its_own_section(report):
    for rel in report.relations:
        if rel.claim_a == "c6":
            rel.relation = "unclear"
    keys = [s.key for s in build_view(report).sections]
    assert keys == ["contradictions", "agreements", "unclear", "single"]


# --- JSON -------------------------------------------------------------------


def test_json_round_trips_with_contract_fields(report):
    data = json.loads(report_to_json(report))
    assert list(data) == ["sources", "claims", "groups", "relations", "errors", "pipeline", "generated", "review"]
    assert {"id", "name", "sha256", "length"} <= set(data["sources"][0])
    assert "text" not in data["sources"][0]
    claim = data["claims"][0]
    assert {"id", "source_id", "kind", "quote", "sentence", "value"} <= set(claim)
    assert claim["value"] == {
        "low": 3000, "high": None, "qualifier": "over", "vague": False, "text": "Over 3,000", "type": "count",
    }  # fmt: skip
    assert data["claims"][3]["value"]["start"] == "2021-03-14"
    assert data["claims"][7]["value"]["actor"] == "Kestria"
    assert data["groups"][0]["claim_ids"] == ["c1", "c2", "c3"]
    assert {"claim_a", "claim_b", "relation"} <= set(data["relations"][0])
    assert data["errors"] == report.errors


def test_json_claims_validate_back_into_models(report):
    data = report_to_dict(report)
    assert [Claim.model_validate(c) for c in data["claims"]] == report.claims


def test_json_keeps_non_ascii_and_is_stable(report):
    report.sources[0].title = "Şuşa — the toll"
    text = report_to_json(report)
    assert "Şuşa" in text and text == report_to_json(report)


# --- CSV --------------------------------------------------------------------


def test_csv_one_row_per_claim(report):
    frame = pd.read_csv(io.StringIO(report_to_csv(report)), dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["claim_id"]) == [c.id for c in report.claims]
    assert frame.loc[0, "relations"] == "contradicts s2 (c2); contradicts s3 (c3)"
    assert frame.loc[2, "value"] == "1,500–2,000"


def test_csv_keeps_a_lengths_hedge_and_range(report):
    """A length's hedge goes in the qualifier column, and its value reads as a person says it."""
    claim = report.claims[0]
    report.claims[0] = claim.model_copy(
        update={"kind": "duration", "value": Duration(days=1 / 24, qualifier="more than", text="more than an hour")}
    )
    frame = pd.read_csv(io.StringIO(report_to_csv(report)), dtype=str, keep_default_na=False)
    assert (frame.loc[0, "value"], frame.loc[0, "qualifier"]) == ("more than 1 hour", "more than")


def test_csv_neutralises_formulas(report):
    report.claims[0].scope = "=SUM(A1:A9)"
    report.claims[1].speaker = "@cmd"
    frame = pd.read_csv(io.StringIO(report_to_csv(report)), dtype=str, keep_default_na=False)
    for cell in frame.to_numpy().ravel():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert frame.loc[1, "quote"] == "'" + DASH_QUOTE
    assert frame.loc[0, "scope"] == "'=SUM(A1:A9)"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("\tx", "'\tx"), ("ok", "ok"), (5, 5)],
)
def test_csv_neutralise_table(cell, expected):
    assert neutralise(cell) == expected


# --- Markdown ---------------------------------------------------------------


def test_markdown_section_order_and_content(report):
    text = report_to_markdown(report)
    positions = [text.index(h) for h in ("## Contradictions", "## Agreements", "### Different scope")]
    positions.append(text.index("## Single-source claims"))
    assert positions == sorted(positions)
    assert CONTRADICTION_REASON in text
    assert "Varna city residents versus the whole valley" in text
    assert "> **Over 3,000 civilians were killed** in the Varna offensive" in text
    assert "> The Varna offensive **began on 14 March 2021**." in text
    assert "missing.pdf" in text and "**1** contested" in text


def test_markdown_escapes_source_text(report):
    text = report_to_markdown(report)
    assert SCRIPT not in text
    assert r"\<script\>alert(1)\</script\>" in text
    assert r"kestria\_herald.txt" in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a*b_c", r"a\*b\_c"),
        ("# head", r"\# head"),
        ("- item", r"\- item"),
        ("a|b", r"a\|b"),
        ("x\ny", "x y"),
    ],
)
def test_markdown_escape_table(raw, expected):
    assert md_escape(raw) == expected


# --- HTML -------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_mark = tag == "mark"

    def handle_endtag(self, tag):
        self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks.append(data)


def test_html_has_no_script_and_escapes_source_text(report):
    page = report_to_html(report)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Figures &lt;from&gt; the front" in page


def test_html_parses_and_marks_quotes(report):
    parser = _Collector()
    parser.feed(report_to_html(report))
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.tags.count("style") == 1
    assert DASH_QUOTE in parser.marks and len(parser.marks) == len(report.claims) - 1  # single: short line


def test_html_same_sections_as_markdown(report):
    page, text = report_to_html(report), report_to_markdown(report)
    for title in ("Contradictions", "Agreements", "Different scope", "Single-source claims", "Input errors"):
        assert title in page and title in text
    order = [page.index(f'<section class="{k}">') for k in ("contradictions", "agreements", "single")]
    assert order == sorted(order)
    assert "@media print" in page


# --- hostile source text, in both readable formats (issue #7) -------------------

HOSTILE = "<script>alert(1)</script> {{ 7*191 }} {% if x %}a | b *bold*"


def _hostile(report: Report) -> Report:
    """Hostile text in a title, a publisher, a topic, a quote and its sentence, a scope, a speaker, a reason."""
    report.sources[0].title = report.sources[0].publisher = HOSTILE
    report.groups[0].topic = HOSTILE
    claim = report.claims[0]
    sentence = f"They wrote {HOSTILE} today."
    at = sentence.index(HOSTILE)
    report.claims[0] = claim.model_copy(
        update={"quote": HOSTILE, "sentence": sentence, "start": at, "end": at + len(HOSTILE), "sentence_start": 0,
                "scope": HOSTILE, "speaker": HOSTILE}
    )  # fmt: skip
    report.relations[0].reason = HOSTILE
    return report


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_hostile_source_text(report):
    page = report_to_html(_hostile(report))
    assert "<script" not in page.lower() and "5731" not in page  # 7*191: no template ran on the data
    parser = _Text()
    parser.feed(page)
    assert "script" not in parser.tags
    text = "".join(parser.text)
    assert text.count(HOSTILE) >= 6  # shown as written: table, heading, quote, scope, speaker, reason
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*191 }} {% if x %}a | b *bold*" in page


def test_markdown_escapes_hostile_source_text(report):
    text = report_to_markdown(_hostile(report))
    escaped = r"\<script\>alert(1)\</script\> {{ 7\*191 }} {% if x %}a \| b \*bold\*"
    assert SCRIPT not in text and "5731" not in text
    assert text.count(escaped) >= 6
    row = next(line for line in text.splitlines() if line.startswith("| s1 |"))
    assert row.replace("\\|", "").count("|") == 7  # the escaped pipes do not add table cells
    assert "*bold*" not in text.replace("\\*", "")


# --- export -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_and_returns_the_same_text(report, tmp_path: Path, fmt):
    path = tmp_path / f"report.{fmt}"
    text = write_report(report, fmt, path)
    assert text and path.read_text(encoding="utf-8") == text


def test_export_rejects_unknown_format(report):
    with pytest.raises(ValueError, match="unknown report format"):
        write_report(report, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("topic", "kind", "title"),
    [
        # a topic that asks its own question is the heading as it is
        ("who started the war in Varna: Ruritania vs Borduria", "initiator", None),
        ("when the siege began (Varna)", "event_date", None),
        ("how long the siege lasted", "duration", None),
        ("people killed in Varna", "casualties", None),
        # a count's topic names the people: the kind follows
        ("civilians in Varna", "casualties", "civilians in Varna — {label}"),
    ],
)
def test_fact_title_names_the_kind_only_where_the_topic_does_not(topic: str, kind: str, title: str | None):
    from analysis.report.view import fact_title, kind_label

    assert fact_title(topic, kind) == (title or topic).format(label=kind_label(kind))
