"""The dashboard's pure transforms and HTML builders, on the hand-built Varna report (issue #4)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.models import Report
from analysis.report import FORMATS
from dashboard import fact_tables, tables
from dashboard.html import quote_card, sentence_html, source_text_html, table_html
from tests.report_fixture import SCRIPT, sample_report
from workspace.pipeline import write_report


@pytest.fixture
def report() -> Report:
    return sample_report()


def test_claim_statuses_take_the_worst_relation(report: Report) -> None:
    statuses = tables.claim_statuses(report)
    assert statuses["c1"] == tables.CONTRADICTS
    assert statuses["c4"] == statuses["c5"] == tables.AGREES
    assert statuses["c6"] == tables.SCOPE
    assert statuses["c8"] == tables.ALONE  # no other source states it


def test_worst_prefers_contradiction() -> None:
    assert tables.worst([tables.AGREES, tables.CONTRADICTS, tables.SCOPE]) == tables.CONTRADICTS
    assert tables.worst([tables.SCOPE, tables.AGREES]) == tables.AGREES
    assert tables.worst([]) == tables.ABSENT


def test_source_labels_are_short_and_unique(report: Report) -> None:
    report.sources[1].publisher = "Kestrian Herald"  # same publisher as s1
    labels = tables.source_labels(report)
    assert labels["s1"] == "Kestrian Herald (s1)" and labels["s2"] == "Kestrian Herald (s2)"
    assert labels["s3"] == "Independent Monitor"
    report.sources[0].publisher = "The Daily (invented paper)"
    assert tables.source_labels(report)["s1"] == "The Daily"


def test_fact_frame_counts_contradictions_and_sources(report: Report) -> None:
    facts = tables.fact_frame(report).set_index("group_id")
    assert facts.loc["g1", "contradictions"] == 3 and facts.loc["g1", "n_sources"] == 3
    assert facts.loc["g2", "agreements"] == 1 and facts.loc["g2", "contradictions"] == 0
    assert facts.loc["g4", "sides"] == ("Dorvany",)
    assert "kestrian forces" in facts.loc["g4", "search"]


def test_sort_puts_the_most_contested_first(report: Report) -> None:
    ordered = tables.sort_facts(tables.fact_frame(report))
    assert ordered["group_id"].iloc[0] == "g1"
    assert list(tables.sort_facts(ordered, "report order")["group_id"]) == ["g1", "g2", "g3", "g4"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (tables.Filters(), ["g1", "g2", "g3", "g4"]),
        (tables.Filters(kinds=("casualties",)), ["g1"]),
        (tables.Filters(statuses=("agree",)), ["g2", "g3"]),
        (tables.Filters(sources=("s1",)), ["g1", "g2"]),
        (tables.Filters(sides=("Dorvany",)), ["g1", "g3", "g4"]),
        (tables.Filters(text="Varna CITY"), ["g3"]),
        (tables.Filters(text="killed offensive"), ["g1"]),
        (tables.Filters(kinds=("displaced",), sides=("Kestria",)), []),
    ],
)
def test_filters(report: Report, filters: tables.Filters, expected: list[str]) -> None:
    assert list(tables.filter_facts(tables.fact_frame(report), filters)["group_id"]) == expected


def test_filters_know_when_they_are_active() -> None:
    assert not tables.Filters().active and not tables.Filters(text="  ").active
    assert tables.Filters(kinds=("wounded",)).active


def test_matrix_has_one_row_per_fact_and_one_column_per_source(report: Report) -> None:
    facts = tables.sort_facts(tables.fact_frame(report))
    m = tables.matrix(report, facts)
    labels = tables.source_labels(report)
    assert list(m.values.index) == list(facts["group_id"])
    assert list(m.source_columns) == [labels["s1"], labels["s2"], labels["s3"]]
    assert m.values.loc["g1", labels["s1"]] == "over 3,000 (civilians)"
    assert m.statuses.loc["g1", labels["s1"]] == tables.CONTRADICTS
    assert m.values.loc["g4", labels["s1"]] == "" and m.statuses.loc["g4", labels["s1"]] == tables.ABSENT
    assert m.statuses.loc["g4", labels["s2"]] == tables.ALONE
    assert m.values.loc["g1", "Kind"] == "killed" and m.values.loc["g1", "Contradictions"] == 3


def test_matrix_leaves_out_sources_silent_on_the_facts_shown(report: Report) -> None:
    facts = tables.filter_facts(tables.fact_frame(report), tables.Filters(kinds=("displaced",)))
    m = tables.matrix(report, facts)
    assert m.source_columns == ("Dorvany Today", "Independent Monitor")
    assert "Kestrian Herald" not in m.values.columns
    everyone = tables.matrix(report, facts, drop_silent=False)
    assert len(everyone.source_columns) == 3


def test_matrix_joins_several_claims_of_one_source(report: Report) -> None:
    report.groups[0].claim_ids.append("c4")  # s1 now states two values on g1
    m = tables.matrix(report, tables.fact_frame(report))
    assert m.values.loc["g1", "Kestrian Herald"] == "over 3,000 (civilians) · 14 Mar 2021"


def test_empty_report_gives_empty_frames() -> None:
    empty = Report(sources=[], claims=[], groups=[], relations=[])
    facts = tables.fact_frame(empty)
    assert facts.empty and list(facts.columns) == tables.FACT_COLUMNS
    assert tables.filter_facts(facts, tables.Filters(text="x")).empty
    assert tables.matrix(empty, facts).values.empty
    assert tables.heatmap_frame(empty).empty


def test_heatmap_counts_shared_facts_per_pair(report: Report) -> None:
    pairs = tables.heatmap_frame(report)
    labels = tables.source_labels(report)
    assert len(pairs) == 6  # every ordered pair that shares a fact: here all three pairs, both ways
    assert not (pairs["a"] == pairs["b"]).any()  # a source shares nothing with itself
    one = pairs[(pairs["a"] == labels["s1"]) & (pairs["b"] == labels["s3"])].iloc[0]
    assert (one["shared"], one["agree"], one["contradict"]) == (2, 1, 1)  # g1 contradict, g2 agree
    assert one["contradict_share"] == 0.5
    scope = pairs[(pairs["a"] == labels["s2"]) & (pairs["b"] == labels["s3"])].iloc[0]
    assert (scope["contradict"], scope["scope"]) == (1, 1)
    mirror = pairs[(pairs["a"] == labels["s3"]) & (pairs["b"] == labels["s1"])].iloc[0]
    assert mirror["shared"] == one["shared"]
    assert (pairs["shared"] > 0).all()


def test_heatmap_counts_a_fact_once_whatever_the_claim_pairs(report: Report) -> None:
    from analysis.models import Relation

    report.groups[0].claim_ids.append("c9")
    extra = report.claims[0].model_copy(update={"id": "c9"})
    report.claims.append(extra)
    report.relations.append(Relation(claim_a="c9", claim_b="c2", relation="contradict", reason="again"))
    pairs = tables.heatmap_frame(report)
    one = pairs[(pairs["a"] == "Kestrian Herald") & (pairs["b"] == "Dorvany Today")].iloc[0]
    assert one["contradict"] == 1


def test_busiest_keeps_the_most_connected_sources_in_order(report: Report) -> None:
    pairs = tables.heatmap_frame(report)
    labels = list(tables.source_labels(report).values())
    assert tables.busiest(pairs, labels, 5) == labels
    two = tables.busiest(pairs, labels, 2)
    assert len(two) == 2 and two == [label for label in labels if label in two]
    assert "Independent Monitor" in two  # 4 shared facts; the others 3 each (ties: the earlier source)
    assert two == ["Kestrian Herald", "Independent Monitor"]


@pytest.mark.parametrize("limit", [1, 2, 3, 5])
def test_the_heatmap_shown_is_the_busiest_sources_and_their_pairs(report: Report, limit: int) -> None:
    """heatmap_shown (issue #11: only the shown pairs' rows made) gives what busiest() and a filter of
    heatmap_frame give."""
    pairs = tables.heatmap_frame(report)
    labels = tables.busiest(pairs, list(tables.source_labels(report).values()), limit)
    expected = pairs[pairs["a"].isin(labels) & pairs["b"].isin(labels)].reset_index(drop=True)
    shown_labels, shown = tables.heatmap_shown(report, limit)
    assert shown_labels == labels
    # (no pair among one source: an empty frame, whose columns' types say nothing)
    pd.testing.assert_frame_equal(shown, expected, check_dtype=not expected.empty,
                                  check_index_type=not expected.empty)  # fmt: skip


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_the_most_contested_facts_are_the_top_of_the_sorted_fact_frame(report: Report, limit: int) -> None:
    """most_contested (issue #11: without the frame's search text) gives the facts, counts and order
    that the overview read from fact_frame before."""
    from analysis.models import Relation

    # a second contested fact: ranked by its pairs, then by its sources
    report.relations.append(Relation(claim_a="c6", claim_b="c7", relation="contradict", reason="apart"))
    facts = tables.fact_frame(report)
    top = tables.sort_facts(facts[facts["contradictions"] > 0]).head(limit)
    expected = [(r.group_id, r.topic, r.kind, r.contradictions, r.n_sources) for r in top.itertuples()]
    found = [(c.group_id, c.topic, c.kind, c.contradictions, c.n_sources) for c in tables.most_contested(report, limit)]
    assert found == expected and len(expected) == min(limit, 2)


def test_filter_report_keeps_the_view_and_its_evidence(report: Report) -> None:
    view = tables.filter_report(report, ["g3"])
    assert [g.id for g in view.groups] == ["g3"]
    assert {c.id for c in view.claims} == {"c6", "c7"}
    assert [(r.claim_a, r.claim_b) for r in view.relations] == [("c6", "c7")]
    assert [s.id for s in view.sources] == ["s2", "s3"]
    assert tables.filter_report(report, ["g1", "g2", "g3", "g4"]) is report
    for fmt in FORMATS:
        text = write_report(view, fmt, None)
        assert "45,000" in text and "3,000" not in text


def test_count_ranges_open_bounds_and_qualifiers(report: Report) -> None:
    ranges = fact_tables.count_ranges(report, "g1").set_index("claim_id")
    assert ranges.loc["c1", "open_high"] and math.isnan(ranges.loc["c1", "high"])
    assert ranges.loc["c1", "low"] == 3000 and ranges.loc["c1", "qualifier"] == "over"
    assert (ranges.loc["c3", "low"], ranges.loc["c3", "high"]) == (1500, 2000)
    assert ranges.loc["c2", "stated"] == 1200 and ranges.loc["c2", "status"] == tables.CONTRADICTS
    around = fact_tables.count_ranges(report, "g3").set_index("claim_id")
    assert around.loc["c7", "low"] <= 120000 <= around.loc["c7", "high"]
    assert fact_tables.count_ranges(report, "g2").empty  # dates, not counts


def test_date_ranges_span_their_precision(report: Report) -> None:
    dates = fact_tables.date_ranges(report, "g2").set_index("claim_id")
    assert (dates.loc["c4", "end"] - dates.loc["c4", "start"]).days == 1
    assert (dates.loc["c5", "end"] - dates.loc["c5", "start"]).days == 31
    assert dates.loc["c5", "precision"] == "month"


def test_statements_and_reasons(report: Report) -> None:
    index = tables.Index(report)
    statuses = tables.claim_statuses(report, index)
    said = fact_tables.statements(report, "g1", index, statuses)
    assert [s.source_id for s in said] == ["s1", "s2", "s3"]
    reasons = fact_tables.reasons(report, "g3", index)
    assert [(r.relation, r.source_a, r.source_b) for r in reasons] == [
        (tables.SCOPE, "Dorvany Today", "Independent Monitor")
    ]


def test_source_table(report: Report) -> None:
    table = tables.source_table(report)
    assert list(table["Claims"]) == [2, 3, 3]
    assert list(table["Contradicting"]) == [1, 1, 1]


# --- HTML: every text escaped ------------------------------------------------------


def test_sentence_marks_the_quote_and_escapes_the_rest(report: Report) -> None:
    claim = next(c for c in report.claims if c.id == "c6")
    html = sentence_html(claim, tables.SCOPE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and SCRIPT not in html
    assert ">45,000 residents of Varna city fled</mark>" in html


def test_quote_card_names_the_speaker(report: Report) -> None:
    claim = next(c for c in report.claims if c.id == "c6")
    card = quote_card(source="Dorvany <Today>", meta="s2", value="45,000", claim=claim, status=tables.SCOPE)
    assert "according to officials" in card and "Dorvany &lt;Today&gt;" in card
    own = next(c for c in report.claims if c.id == "c1")
    assert "the source itself" in quote_card(source="x", meta="", value="", claim=own, status=tables.AGREES)


def test_source_text_marks_claims_and_escapes(report: Report) -> None:
    source = report.sources[1]
    claims = [c for c in report.claims if c.source_id == "s2"]
    marks = [(c.start, c.end, tables.AGREES, f"topic <{c.id}>", "?tab=Fact&fact=g1") for c in claims]
    html = source_text_html(source.text, marks)
    assert SCRIPT not in html and "&lt;script&gt;" in html
    assert html.count("<mark") == len(claims)
    assert "title='topic &lt;c6&gt;'" in html and "href='?tab=Fact&amp;fact=g1'" in html


def test_source_text_skips_overlapping_marks() -> None:
    html = source_text_html("one two three", [(0, 7, "agrees", "a", ""), (4, 13, "agrees", "b", "")])
    assert html.count("<mark") == 1 and "three" in html


def test_table_html_escapes_cells() -> None:
    import pandas as pd

    html = table_html(pd.DataFrame({"Name": ["<b>x</b>"], "Claims": [3]}), numeric=("Claims",))
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html and "<td class='num'>3</td>" in html


def test_md_escape_neutralises_markdown_in_file_names() -> None:
    """The dashboard's messages use the reports' md_escape (issue #7): a link needs its [ ], so ( ) and . stay."""
    from analysis.report.escape import md_escape

    assert md_escape("*x*_y $z$ [a](b).txt") == r"\*x\*\_y \$z\$ \[a\](b).txt"
    assert md_escape(":material/inbox: at 09:30") == r"\:material/inbox: at 09:30"
    assert md_escape(None) == ""
