"""Several incidents in one collection (issue #8): documents are grouped into incidents by the
names their headlines and leads share, claims of different incidents are never compared, and each
incident reads as it would alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.incidents import partition
from workspace.pipeline import analyse_paths

PROBES = Path(__file__).with_name("probes")


def _names(*words: str) -> list[str]:
    return [f"@ev:{w}" for w in words]


def test_partition_links_documents_that_share_specific_names():
    found = partition(
        {
            "s1": _names("keswin", "ruritania"),
            "s2": _names("keswin", "ruritanian army"),
            "s3": _names("dessel", "borduria"),
            "s4": _names("dessel", "government"),
        }
    )
    assert found == {"s1": "s1", "s2": "s1", "s3": "s3", "s4": "s3"}


def test_partition_one_place_spelt_two_ways_is_one_incident():
    """ "Kwangju" in the wires of 1980 and "Gwangju" in later accounts: one town, one incident; two
    names of few letters alike are not folded ("Orlen", "Arlan")."""
    found = partition(
        {
            "s1": _names("kwangju", "martial law command"),
            "s2": _names("kwangju", "south cholla"),
            "s3": _names("gwangju", "memorial foundation"),
            "s4": _names("gwangju", "chun doo-hwan"),
        }
    )
    assert set(found.values()) == {"s1"}
    assert len(set(partition({"s1": _names("orlen"), "s2": _names("orlen"), "s3": _names("arlan"),
                              "s4": _names("arlan")}).values())) == 2  # fmt: skip


def test_partition_a_lone_document_joins_the_one_it_shares_most_with():
    """A name shared too weakly to link still tells where a lone account belongs; an account that
    shares no name at all joins the largest incident rather than being compared with nothing."""
    found = partition(
        {
            "s1": _names("keswin", "ruritania", "harbour"),
            "s2": _names("keswin", "ruritania"),
            "s3": _names("dessel", "borduria"),
            "s4": _names("dessel", "borduria"),
            "s5": _names("government", "ruritania", "week", "city", "minister", "report", "people", "country"),
            "s6": _names("tarvel"),
        }
    )
    assert found["s5"] == "s1" and found["s6"] in ("s1", "s3")
    assert {found["s1"], found["s3"]} == {"s1", "s3"}


def test_partition_reprints_count_once():
    """Four accounts of one event, each reprinted 300 times: one incident, as the four alone are;
    counted per document, every name they share would be held by too many to link by."""
    accounts = [_names("keswin", "ruritania", f"reporter{n}", "y2011") for n in range(4)]
    copies = {f"s{n}": accounts[n % 4] for n in range(1, 1201)}
    assert set(partition(copies).values()) == {"s1"}
    assert set(partition({f"s{n}": accounts[n - 1] for n in range(1, 5)}).values()) == {"s1"}


def test_partition_of_no_names_is_one_incident():
    assert set(partition({"s1": [], "s2": [], "s3": []}).values()) == {"s1"}


def test_partition_a_document_that_names_nothing_joins_the_incident_of_its_years():
    found = partition(
        {
            "s1": _names("keswin", "ruritania", "y2011"),
            "s2": _names("keswin", "ruritania", "y2011"),
            "s3": _names("dessel", "borduria", "y2014"),
            "s4": _names("dessel", "borduria", "y2014"),
            "s5": _names("dessel", "borduria", "y2014"),
            "s6": _names("the", "y2011"),  # a headline of common words
        }
    )
    assert found["s6"] == "s1"


def test_partition_keeps_events_decades_apart_apart_whatever_names_they_share():
    """The raid of 2002 and the massacre of 1982 in one land share its names, not their years; a wire
    of the day that names no year is placed by the year it was written."""
    found = partition(
        {
            "s1": _names("keswin", "ruritania", "y2002", "w2002"),
            "s2": _names("keswin", "ruritania", "w2002"),  # a wire of the day: "on Monday", no year
            "s3": _names("keswin", "ruritania", "y1982", "w1982"),
            "s4": _names("keswin", "ruritania", "y1982", "w1983"),
        }
    )
    assert found == {"s1": "s1", "s2": "s1", "s3": "s3", "s4": "s3"}
    # an account of both (a history of the land) links them: one incident, as a collection on a
    # long conflict is (the seeds)
    assert set(partition({**{k: _names(*v) for k, v in {"s1": ("keswin", "y2002"), "s2": ("keswin", "y1982")}.items()},
                          "s3": _names("keswin", "y1982", "y2002")}).values()) == {"s1"}  # fmt: skip


def test_partition_months_and_weekdays_name_no_event():
    found = partition({"s1": _names("july", "y2011"), "s2": _names("july", "monday", "y1990"), "s3": _names("july")})
    assert found["s1"] != found["s2"] or found["s1"] == "s1"  # no link by the month: by years, s1 and s3 alone
    assert partition({"s1": _names("keswin", "july"), "s2": _names("dessel", "july")}) == {"s1": "s1", "s2": "s1"}


def _facts(report) -> set[tuple]:  # noqa: ANN001 - a Report
    """Each group as the (source file, quote) of its members, and each verdict by the same names."""
    names = {s.id: Path(s.name).name for s in report.sources}  # "wire.txt" of each folder
    claims = {c.id: (names[c.source_id], c.quote) for c in report.claims}
    groups = {frozenset(claims[i] for i in g.claim_ids if i in claims) for g in report.groups}
    verdicts = {(frozenset((claims[r.claim_a], claims[r.claim_b])), r.relation, r.reason) for r in report.relations}
    return groups | verdicts


@pytest.mark.slow
def test_incidents_in_one_collection_read_as_each_alone():
    """Three attacks of 2011 and 2014 analysed together give each one's groups and verdicts analysed
    alone: nothing compared across them, no word weighed by the others' documents, and an account
    whose headline names nothing specific stays with its own event (by its years)."""
    folders = [PROBES / name for name in ("norway_2011", "peshawar_school_2014", "sydney_siege_2014")]
    together = _facts(analyse_paths(folders))
    assert together == set().union(*(_facts(analyse_paths([folder])) for folder in folders))


def _workspace_facts(ws) -> set[tuple]:  # noqa: ANN001 - a Workspace
    from workspace.pipeline import workspace_report

    return _facts(workspace_report(ws, reviewed=False))


@pytest.mark.slow
def test_workspace_adding_and_removing_accounts_of_several_incidents_gives_the_full_analysis(tmp_path: Path):
    """A workspace of two incidents, then a third added and an account removed: each analyse gives
    what analysing everything at once gives (the changed incidents analysed anew, the others kept)."""
    from claims.nlp import load_nlp
    from workspace.ingest import ingest_paths
    from workspace.pipeline import analyse_workspace
    from workspace.store import Workspace

    nlp = load_nlp()
    folders = [PROBES / name for name in ("norway_2011", "peshawar_school_2014", "sydney_siege_2014")]
    with Workspace(tmp_path / "step.db") as step:
        ingest_paths(step, folders[:2])
        assert analyse_workspace(step, nlp=nlp).mode == "full"
        ingest_paths(step, folders[2:])
        done = analyse_workspace(step, nlp=nlp)
        assert done.mode == "incremental" and done.realigned is not None and done.realigned.new_groups > 0
        with Workspace(tmp_path / "full.db") as full:
            ingest_paths(full, folders)
            analyse_workspace(full, nlp=nlp, full=True)
            assert _workspace_facts(step) == _workspace_facts(full)
        removed = next(s for s in step.list_sources() if "peshawar" in s.name or s.name == "update.txt")
        step.remove_source(removed.id)
        assert analyse_workspace(step, nlp=nlp).mode == "incremental"
        with Workspace(tmp_path / "full2.db") as full:
            ingest_paths(full, folders)
            full.remove_source(removed.id)
            analyse_workspace(full, nlp=nlp, full=True)
            assert _workspace_facts(step) == _workspace_facts(full)


def test_reanalysed_incidents_get_group_ids_of_their_own(tmp_path: Path):
    """Two incidents analysed anew at once, the first of four facts: each new group gets an id no other
    group has (the second's ids were made while the first's were still being added, and met them:
    'UNIQUE constraint failed: groups.id', found adding a source in the dashboard)."""
    from datetime import date

    from claims.actors import AliasTable
    from claims.models import Claim, Count, DateSpan, Duration
    from sources.models import Source, text_sha256
    from workspace import incidents
    from workspace.pipeline import analyse_claims, claim_terms
    from workspace.store import Workspace

    def told(source_id: str, place: str, day: int) -> list[Claim]:
        when = DateSpan(start=date(2021, 3, day), end=date(2021, 3, day), precision="day")
        said = [("casualties", Count(low=12, high=12, text="12"), "12 killed"),
                ("wounded", Count(low=30, high=30, text="30"), "30 wounded"),
                ("displaced", Count(low=300, high=300, text="300"), "300 fled"),
                ("duration", Duration(days=2, text="two days"), "lasted two days")]  # fmt: skip
        return [
            Claim(
                id=f"{source_id}c{n}",
                source_id=source_id,
                kind=kind,
                quote=quote,
                sentence=f"{quote} in the {place} shelling.",
                start=0,
                end=5,
                sentence_start=0,
                value=value,
                about=f"{place} shelling",
                terms=[place, "shelling"],
                when=when,
            )  # fmt: skip
            for n, (kind, value, quote) in enumerate(said, 1)
        ]

    with Workspace(tmp_path / "ws.db") as ws:
        now = {}
        for n, (place, day) in enumerate([("varna", 3), ("varna", 3), ("ostrel", 20), ("ostrel", 20)], 1):
            text = f"Account {n} of the {place} shelling."
            added = ws.add_source(Source(id="new", name=f"{place}{n}.txt", text=text, sha256=text_sha256(text)))
            claims = told(added.source_id, place, day)
            ws.replace_claims(added.source_id, claims, "test-1", terms=claim_terms(claims))
            now[added.source_id] = place
        groups, relations = analyse_claims(ws.claims(), AliasTable())
        ws.save_analysis(groups, relations, pipeline="test-1")
        made, _replaced, _joined = incidents.reanalyse(ws, AliasTable(), now, {"varna", "ostrel"}, pipeline="test-1",
                                                      generation=ws.analysis_generation())  # fmt: skip
        ids = [g.id for g in ws.groups()]
        assert made == 8 and len(ids) == len(set(ids)) == made
